"""Search works, and on a page that starts Python its index is built only after Python is up
(or as soon as the learner opens search), so the two do not share the cores at the start
(src/therapon/search.py, search-start.js, assets/javascripts/workers/therapon-search.js)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, Route, expect

from .helpers import LESSON, NO_SERVICE_WORKER, PYTHON_READY_MS

pytestmark = NO_SERVICE_WORKER
REAL_WORKER = re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")


def search_for(page: Page, words: str) -> None:
    page.locator(".md-search__input").click()
    page.keyboard.type(words, delay=20)  # Material searches on key presses


def test_search_finds_a_lesson_from_a_page_without_python(page: Page, fixture_site) -> None:
    page.goto(fixture_site.url + "safety/")
    search_for(page, "blame")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=20_000)


def test_the_index_waits_for_python_and_search_still_answers_at_once_when_opened(page: Page,
                                                                                 fixture_site) -> None:
    held: list[Route] = []
    page.route("**/pyodide/pyodide.asm.wasm", lambda route: held.append(route))  # Python never gets ready
    asked: list[str] = []
    page.context.on("request", lambda r: REAL_WORKER.search(r.url.split("?")[0]) and asked.append(r.url))
    page.goto(fixture_site.url + LESSON)
    page.wait_for_function("() => window.__therapon.state === 'loading'", timeout=PYTHON_READY_MS)
    page.wait_for_timeout(1500)
    assert asked == [], "Material's index was built while Python was starting"
    search_for(page, "blame")  # opening search lets it start
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=20_000)
    assert len(asked) == 1
    for route in held:
        route.continue_()


def test_once_python_is_up_the_index_is_built(page: Page, fixture_site) -> None:
    asked: list[str] = []
    page.context.on("request", lambda r: REAL_WORKER.search(r.url.split("?")[0]) and asked.append(r.url))
    page.goto(fixture_site.url + LESSON)
    page.wait_for_function("() => window.__therapon.state === 'ready'", timeout=PYTHON_READY_MS)
    for _ in range(50):  # the worker asks for the real one a moment after the page says "go"
        if asked:
            break
        page.wait_for_timeout(100)
    assert len(asked) == 1
    search_for(page, "blame")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=20_000)
