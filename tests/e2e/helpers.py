"""Small actions a learner takes, shared by the end-to-end tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from support.project import FIXTURE

# Pages of the engine's test course (tests/fixture/, served by the fixture_site fixture).
LAB = "lab/01-counting-wins/"
LESSON = "lessons/01-first-steps/"
PYTHON_READY_MS = 60_000
# Pages carry a Content-Security-Policy without 'unsafe-eval'. Playwright evaluates a bare
# expression given to wait_for_function with eval(), which the policy refuses, so pass a
# function instead: "() => window.x === 1", not "window.x === 1".
# Playwright cannot intercept what a service worker fetches, so tests that do run without one.
NO_SERVICE_WORKER = pytest.mark.browser_context_args(service_workers="block")


def nav_pages() -> int:
    """How many pages the fixture course's nav lists (one `.md` per line after `nav:`)."""
    nav = (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1]
    return len(re.findall(r"\.md\s*$", nav, re.MULTILINE))


def exercise(page: Page, exercise_id: str) -> Locator:
    """The exercise once its script has mounted it, so a click is never lost before that."""
    return page.locator(f'[data-exercise="{exercise_id}"][data-ready]')


def open_tab_of(page: Page, exercise_id: str) -> None:
    """Exercises may sit in content tabs; show the tab that holds this one."""
    index = exercise(page, exercise_id).evaluate("""el => {
        const block = el.closest(".tabbed-block");
        return block ? Array.from(block.parentElement.children).indexOf(block) : -1;
    }""")
    if index >= 0:
        tabs = page.locator(".tabbed-set", has=exercise(page, exercise_id))
        tabs.locator(".tabbed-labels > label").nth(index).click()


def select_all_code(page: Page, exercise_id: str) -> Locator:
    """The exercise's editor, once it is ready, focused with all its text selected."""
    box = exercise(page, exercise_id)
    box.locator("textarea").first.dispatch_event("pointerdown")  # reaching for the box brings the editor
    expect(box).to_have_attribute("data-editor", "ready")
    content = box.locator(".cm-content")
    content.click()
    page.keyboard.press("Control+A")
    return content


def type_code(page: Page, exercise_id: str, code: str) -> None:
    content = select_all_code(page, exercise_id)
    page.keyboard.press("Delete")
    content.fill(code)


def editor_text(page: Page, exercise_id: str) -> str:
    return exercise(page, exercise_id).locator(".cm-content").evaluate(
        "el => Array.from(el.querySelectorAll('.cm-line'), line => line.textContent).join('\\n')")


def press(page: Page, exercise_id: str, action: str) -> Locator:
    """Press an action button and wait for the exercise to finish the work."""
    box = exercise(page, exercise_id)
    box.get_by_role("button", name=action, exact=True).click()
    expect(box).not_to_have_attribute("aria-busy", "", timeout=PYTHON_READY_MS)
    return box.locator("[data-feedback]")


def solution(exercise_id: str, course: Path = FIXTURE) -> str:
    """A code exercise's solution, from the fixture course unless another course is named."""
    return (course / "exercises" / exercise_id / "solution.py").read_text()


def open_settled(page: Page, url: str) -> None:
    """Open a page and wait until its scripts have read saved progress (the header count is
    drawn from it), so a test's own writes to localStorage come after the page's reads."""
    page.goto(url)
    expect(page.locator("[data-therapon-header-progress]")).to_be_attached()


def wait_saved(page: Page, exercise_id: str, draft: str) -> None:
    """Wait until the exercise's draft is in localStorage (drafts save themselves shortly
    after typing), whatever the profile it is kept under."""
    page.wait_for_function("""([id, draft]) => Object.keys(localStorage)
        .filter((key) => key.endsWith(`:exercise:${id}`))
        .some((key) => { try { return JSON.parse(localStorage.getItem(key)).words.draft === draft; }
                         catch { return false; } })""", arg=[exercise_id, draft])
