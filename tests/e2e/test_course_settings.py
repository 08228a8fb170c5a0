"""A course's settings reach the learner (issue 16): a course not set up for partners shows no
partner features, one set up for them asks the first-visit question and counts turns. Both are
the course `therapon new` writes, built with the plugin."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from support.subpath_server import SiteServer
from therapon.scaffold import new_course

from .helpers import NO_SERVICE_WORKER

pytestmark = NO_SERVICE_WORKER


def built(base: Path, partners: bool) -> SiteServer:
    course = base / "course"
    new_course(course)
    if not partners:
        config = course / "mkdocs.yml"
        config.write_text(config.read_text().replace("    partners: true ", "    partners: false "))
        practice = course / "exercises/first-practice.toml"
        practice.write_text(practice.read_text().replace("partner_practice = true\n", ""))
    server = SiteServer(base / "site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                             str(server.directory)], cwd=course, capture_output=True, text=True,
                            env={"PATH": os.environ["PATH"], "NO_MKDOCS_2_WARNING": "1",
                                 "SITE_URL": server.url})
    assert result.returncode == 0, result.stdout + result.stderr
    return server


@pytest.fixture(scope="module", params=[True, False], ids=["partners", "one-learner"])
def course_site(request, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SiteServer, bool]]:
    server = built(tmp_path_factory.mktemp("course"), request.param)
    with server:
        yield server, request.param


def test_partner_features_follow_the_setting(page: Page, course_site) -> None:
    site, partners = course_site
    page.goto(site.url)
    expect(page.locator("[data-therapon-header-progress]")).to_be_attached()
    expect(page.locator("[data-therapon-welcome]")).to_have_count(1 if partners else 0)
    page.goto(site.url + "progress/")
    profiles = page.locator("[data-therapon-profiles]")
    ask_again = profiles.get_by_role("button", name="Set up: one of us, or two?")
    expect(ask_again).to_have_count(1 if partners else 0)
    expect(page.get_by_role("heading", name="Taking turns")).to_have_count(1 if partners else 0)
    expect(page.locator("[data-therapon-dashboard]")).to_contain_text("First steps")
    page.goto(site.url + "lessons/01-first-steps/")
    expect(page.locator("[data-partner-turn]")).to_have_count(1 if partners else 0)
