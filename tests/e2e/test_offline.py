"""Offline use: the service worker keeps the course after one visit, updates cleanly, and a
page without exercises never costs a byte of Python."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from test_build import edit, project  # noqa: F401  (project is a fixture)

from conftest import build_site
from support.subpath_server import SiteServer

from .helpers import PYTHON_READY_MS, exercise

SAFE_REPLY = "That sounds really lonely and scary to carry. I'm glad you told me. " \
    "Can you tell me more about when you feel it?"
PAGES_WITHOUT_EXERCISES = ("", "safety/", "glossary/", "sources/", "progress/")

CONTROLLED = "() => navigator.serviceWorker.controller !== null"
RUNTIME_KEPT = """async (count) => {
    const names = (await caches.keys()).filter((name) => name.endsWith(":runtime"));
    return names.length === 1 && (await (await caches.open(names[0])).keys()).length === count;
}"""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


def eventually(page: Page, script: str, arg: object = None, seconds: float = PYTHON_READY_MS / 1000) -> None:
    """Poll an async page function (wait_for_function does not wait for promises)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {script}"
        page.wait_for_timeout(200)


def runtime_file_count(site_dir: Path) -> int:
    return sum(1 for p in (site_dir / "pyodide").iterdir() if p.is_file())


def test_after_one_visit_the_course_works_offline(context: BrowserContext, site, page_errors_of):
    page = context.new_page()
    errors = page_errors_of(page)
    page.goto(site.url)
    page.wait_for_function(CONTROLLED)
    page.locator(".md-content").get_by_role("link", name="Lesson 1: Partners as comrades").click()
    expect(exercise(page, "soften-the-start")).to_be_visible()
    eventually(page, RUNTIME_KEPT, runtime_file_count(site.directory))

    site.go_offline()
    context.set_offline(True)
    try:
        page.goto(site.url + "lessons/02-safety-first/")  # a full load, not instant navigation
        box = exercise(page, "l2-safe-reply")
        box.get_by_role("textbox").fill(SAFE_REPLY)
        box.get_by_role("button", name="Check", exact=True).click()
        expect(box.locator("[data-feedback]")).to_contain_text("This meets the goal", timeout=PYTHON_READY_MS)
        expect(box).to_have_attribute("data-status", "passed")
        page.locator(".md-footer").get_by_role("link", name="Next").click()  # instant navigation
        expect(page.locator("h1")).to_contain_text("Care without judgement")
        page.goto(site.url + "progress/")
        expect(page.locator("[data-therapon-dashboard] [data-summary]")).to_contain_text("finished 1 of")
    finally:
        context.set_offline(False)
        site.go_offline(False)
    assert errors == []


def test_a_page_without_exercises_fetches_no_python(context: BrowserContext, site):
    first = len(site.requested)
    page = context.new_page()
    for path in PAGES_WITHOUT_EXERCISES:
        page.goto(site.url + path)
        page.wait_for_function(CONTROLLED)
    page.wait_for_timeout(2500)  # past the idle callback that would start Python
    asked = site.requested[first:]
    assert any(path.endswith("/sw.js") for path in asked)
    assert [path for path in asked if "/pyodide/" in path] == []
    assert page.evaluate("window.__therapon.starts") == 0


def test_a_new_deployment_is_offered_then_served(browser: Browser, project: Path):  # noqa: F811
    server = SiteServer(project / "site")
    assert build_site(server.directory, server.url, cwd=project).returncode == 0
    with server:
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_function(CONTROLLED)
        page.goto(server.url + "lessons/02-safety-first/")  # Python starts; the runtime is kept
        eventually(page, RUNTIME_KEPT, runtime_file_count(server.directory))
        old_caches = page.evaluate("caches.keys()")

        edit(project / "docs/index.md", "\n", "\nThis sentence arrived with the second deployment.\n")
        assert build_site(server.directory, server.url, cwd=project).returncode == 0
        page.goto(server.url)
        notice = page.locator("[data-therapon-update]")
        expect(notice).to_contain_text("A new version of this course is ready")
        expect(page.get_by_text("arrived with the second deployment")).to_have_count(0)  # from the cache

        asked_before_update = len(server.requested)
        notice.get_by_role("button", name="Update now").click()
        expect(page.get_by_text("arrived with the second deployment")).to_be_visible()
        expect(page.locator("[data-therapon-update]")).to_have_count(0)
        new_caches = page.evaluate("caches.keys()")
        assert len(new_caches) == len(old_caches) == 2 and new_caches != old_caches  # the old pages went
        # Python did not change, so the update downloaded none of it: the runtime cache stayed.
        eventually(page, RUNTIME_KEPT, runtime_file_count(server.directory))
        assert [p for p in server.requested[asked_before_update:] if "/pyodide/" in p] == []
        context.close()


@pytest.fixture
def page_errors_of() -> Iterator:
    def collect(page: Page) -> list[str]:
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        return errors
    yield collect
