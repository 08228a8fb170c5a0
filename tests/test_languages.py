"""A course in another language, built by the real `mkdocs build --strict` from the starter
(`therapon new`): theme.language picks the engine's words for the page, the notice that the
built-in detectors read English is printed without failing the build, and a language the
engine does not speak falls back to English with a warning naming the setting."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from therapon.catalog import LANGUAGES
from therapon.scaffold import new_course


def starter_in(folder: Path, language: str) -> Path:
    """`therapon new --language fr`, or a language the engine does not speak set by hand."""
    new_course(folder, "mon-cours", language if language in LANGUAGES else "en")
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  language: en " in text or language in LANGUAGES, "the starter's mkdocs.yml names its language"
    config.write_text(text.replace("\n  language: en ", f"\n  language: {language} ", 1), encoding="utf-8")
    assert f"\n  language: {language} " in config.read_text(encoding="utf-8")
    return folder


def build(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=folder, capture_output=True, text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": os.environ["PATH"], "SITE_URL": "http://127.0.0.1:8000/",
             "PYTHONPATH": str(ROOT / "src")})


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = starter_in(tmp_path_factory.mktemp("fr") / "cours", "fr")
    result = build(folder)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return folder / "site", output


def lesson(site: Path) -> str:
    return (site / "lessons/01-first-steps/index.html").read_text(encoding="utf-8")


def buttons(html: str, action: str) -> list[str]:
    return re.findall(rf'<button[^>]*data-action="{action}"[^>]*>([^<]*)</button>', html)


def test_the_pages_controls_are_french(french: tuple[Path, str]) -> None:
    html = lesson(french[0])
    assert '<html lang="fr"' in html
    assert set(buttons(html, "check")) == {"Vérifier"}
    assert set(buttons(html, "reset")) == {"Recommencer"}
    assert buttons(html, "run") == ["Exécuter"]
    assert set(buttons(html, "done")) == {"Marquer comme terminé"}
    assert "Vérifié ici, dans ton navigateur. Tes mots restent sur cet appareil." in html
    assert "<legend>Choisis une réponse.</legend>" in html
    # The author's words stay the author's.
    assert "Say it back" in html and "What you could say" in html
    # The safety notice and the waiting line of a press before mounting
    assert "Ce cours est un apprentissage, pas une thérapie." in html
    waiting = json.loads(re.search(r"var WAITING = (\"[^\"]*\");", html).group(1))
    assert waiting.startswith("Un instant\u00a0: cet exercice démarre.")
    assert "Check" not in buttons(html, "check") and "Loading Python" not in html


def test_the_page_scripts_get_the_french_catalog(french: tuple[Path, str]) -> None:
    html = lesson(french[0])
    config = json.loads(re.search(r'id="therapon-config">(.*?)</script>', html, re.S).group(1))
    assert config["language"] == "fr"
    assert config["messages"]["status.passed"] == "Terminé"
    french = json.loads((ROOT / "src/therapon/messages/fr.json").read_text(encoding="utf-8"))
    assert config["checkWords"] == {"language": "fr", "words": {
        k.removeprefix("check."): v for k, v in french.items() if k.startswith("check.")}}


def test_the_neutral_page_is_french(french: tuple[Path, str]) -> None:
    html = (french[0] / "blank/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in html and "<title>Page introuvable</title>" in html
    assert "Il n'y a rien ici." in html


def test_the_english_detectors_are_named_without_failing_the_build(french: tuple[Path, str]) -> None:
    output = french[1]
    notice = [line for line in output.splitlines() if "built-in text detectors" in line]
    assert len(notice) == 1, output
    assert notice[0].startswith("WARNING -  mkdocs.yml: theme.language is 'fr'")
    assert "understand en only. 3 of this course's rules use them, first " \
           "exercises/first-reflect-back/exercise.toml:20 ('feeling')" in notice[0]
    assert 'phrases = ["…"] in a rule work in any language' in notice[0]


def test_an_english_course_hears_nothing_about_languages(tmp_path: Path) -> None:
    result = build(starter_in(tmp_path / "course", "en"))
    assert result.returncode == 0, result.stderr
    assert "theme.language" not in result.stdout + result.stderr
    assert set(buttons(lesson(tmp_path / "course/site"), "check")) == {"Check"}


def test_a_language_the_engine_does_not_speak_falls_back_to_english(tmp_path: Path) -> None:
    result = build(starter_in(tmp_path / "course", "it"))  # Material speaks Italian; the engine does not
    output = result.stdout + result.stderr
    assert result.returncode != 0, output  # a warning, so a strict build stops
    assert "WARNING -  therapon: mkdocs.yml: theme.language is 'it', and Therapon's controls and messages " \
           "come in en, de, es, fr only, so the learner sees them in English." in output
    assert "Traceback" not in output
