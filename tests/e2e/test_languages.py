"""The starter course (`therapon new`) with `theme.language: fr`, built by `mkdocs build
--strict`, in Chromium: the page scripts and the checking package in Pyodide speak French (the
text exercise's Check and its feedback), and so does the progress page."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from conftest import ROOT
from support.subpath_server import SiteServer
from therapon.scaffold import new_course

from .helpers import PYTHON_READY_MS

NBSP = "\u00a0"
SAMPLE = "It sounds like you're worn out and feel like you're carrying it all alone."
DEFENDING = "That's not fair, I do loads around here."


@pytest.fixture(scope="module")
def french_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    folder = tmp_path_factory.mktemp("fr") / "cours"
    new_course(folder, "mon-cours")
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("\n  language: en ", "\n  language: fr ", 1),
                      encoding="utf-8")
    server = SiteServer(folder / "site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=folder, capture_output=True, text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": os.environ["PATH"], "SITE_URL": server.url,
             "PYTHONPATH": str(ROOT / "src")})
    assert result.returncode == 0, result.stdout + result.stderr
    with server:
        yield server


def lesson_url(site: SiteServer) -> str:
    return site.url + "lessons/01-first-steps/"


def test_the_text_exercise_checks_and_answers_in_french(page: Page, french_site: SiteServer,
                                                        page_errors: list[str]) -> None:
    page.goto(lesson_url(french_site))
    box = page.locator('[data-exercise="first-reflect-back"]')
    expect(box).to_have_attribute("data-ready", "")
    expect(box.locator("[data-status-label]")).to_have_text("Pas commencé")
    check = box.get_by_role("button", name="Vérifier", exact=True)
    feedback = box.locator("[data-feedback]")

    check.click()  # nothing written yet: the page says so, in French
    expect(feedback).to_have_text("Écris d'abord ta réponse dans la zone, puis appuie sur Vérifier.")

    box.locator("[data-response]").fill(DEFENDING)
    check.click()
    expect(box).not_to_have_attribute("aria-busy", "", timeout=PYTHON_READY_MS)
    # The summary comes from the checking package in Pyodide; the note's label from the page;
    # the note itself is the author's (English here, as the starter is written).
    expect(feedback.locator(".therapon-summary")).to_have_text(
        f"Pas encore{NBSP}: une chose dans ta réponse pourrait blesser la conversation (voir ci-dessous).")
    expect(feedback.locator('[data-level="concern"] strong')).to_have_text(f"Attention{NBSP}: ")
    expect(box.locator("[data-status-label]")).to_have_text("En cours")

    box.locator("[data-response]").fill(SAMPLE)
    check.click()
    expect(box).not_to_have_attribute("aria-busy", "")
    expect(feedback.locator(".therapon-summary")).to_have_text(f"Cela atteint l'objectif. Bravo{NBSP}!")
    expect(box).to_have_attribute("data-status", "passed")
    expect(box.locator("[data-status-label]")).to_have_text("Terminé")
    assert page_errors == []


def test_the_progress_page_speaks_french(page: Page, french_site: SiteServer, page_errors: list[str]) -> None:
    page.goto(french_site.url + "progress/")
    dashboard = page.locator("[data-therapon-dashboard]")
    expect(dashboard).to_have_attribute("data-ready", "")
    expect(dashboard.get_by_role("heading", name="Exercices par leçon")).to_be_visible()
    expect(dashboard.locator("[data-summary]")).to_have_text("Tu as terminé 0 exercices sur 5 dans le cours.")
    expect(dashboard.locator("[data-continue]")).to_contain_text(f"Commencer ici{NBSP}:")
    expect(dashboard.get_by_role("heading", name="À tour de rôle")).to_be_visible()
    data = page.locator("[data-therapon-data]")
    expect(data.get_by_role("button", name="Exporter ma progression")).to_be_visible()
    expect(data.get_by_role("heading", name="Importer")).to_be_visible()
    expect(data.get_by_role("button", name="Supprimer toutes mes données")).to_be_visible()
    profiles = page.locator("[data-therapon-profiles]")
    expect(profiles.get_by_role("button", name="Enregistrer le nom")).to_be_visible()
    lock = page.locator("[data-therapon-lock]")
    expect(lock.get_by_role("button", name="Verrouiller les réponses de Moi")).to_be_visible()
    expect(page.get_by_role("button", name="Sortie rapide")).to_be_visible()
    # The welcome question of a course for two, on the first visit
    expect(page.locator("[data-therapon-welcome]")).to_contain_text("Qui utilise le cours sur cet appareil")
    assert page_errors == []
