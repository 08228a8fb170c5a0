"""`mkdocs serve` in a browser: the open page reloads by itself on a saved edit, shows a failed
rebuild's error, and comes back when it is mended (live reload under the pages' policy)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect
from test_serve_report import LESSON, Serving, serving  # noqa: F401  (serving is a fixture)

WAIT_MS = 120_000  # a rebuild on a loaded machine; the test fails only if it never comes


def test_the_open_page_shows_a_failed_rebuild_and_comes_back(page: Page, serving: Serving) -> None:  # noqa: F811
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(serving.url + "lessons/01-first-steps/")
    expect(page.locator('[data-exercise="first-open-reply"]')).to_be_visible()
    lesson = serving.root / LESSON
    text = lesson.read_text(encoding="utf-8")

    lesson.write_text(text.replace("first-open-reply\n", "first-open-replies\n"), encoding="utf-8")
    expect(page.locator("[data-therapon-build-error] pre")).to_contain_text(
        re.compile(r"docs/lessons/01-first-steps\.md:\d+: the exercise fence names 'first-open-replies'"),
        timeout=WAIT_MS)

    lesson.write_text(text, encoding="utf-8")
    expect(page.locator('[data-exercise="first-open-reply"]')).to_be_visible(timeout=WAIT_MS)
    assert not [m for m in blocked if "livereload" in m or "inline script" in m], blocked
