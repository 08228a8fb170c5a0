"""A learner goes through the whole course in Chromium: every lesson and lab page, every
exercise answered the right way, then the progress page says everything is done."""

from __future__ import annotations

import json
import re

from e2e.helpers import PYTHON_READY_MS, exercise, press, solution, type_code
from playwright.sync_api import Page, expect

from conftest import ROOT

REFLECTION = "Tonight we tried it together and it felt calmer than I expected. " * 4


def solve(page: Page, exercise_id: str, kind: str) -> None:
    box = exercise(page, exercise_id)
    box.evaluate("el => { for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) "
                 "d.open = true; }")
    index = box.evaluate("el => el.closest('.tabbed-block') ? Array.from(el.closest('.tabbed-block')"
                         ".parentElement.children).indexOf(el.closest('.tabbed-block')) : -1")
    if index >= 0:
        page.locator(".tabbed-set", has=box).last.locator(".tabbed-labels > label").nth(index).click()
    box.scroll_into_view_if_needed()
    if kind == "choice":
        data = json.loads(box.locator("template[data-exercise-data]").evaluate("t => t.content.textContent"))
        for option in data["correct"]:
            box.locator(f'[data-option="{option}"] input').check()
        box.get_by_role("button", name="Check", exact=True).click()
    elif kind == "text":
        sample = box.locator("[data-solution] blockquote").evaluate("q => q.textContent").strip()
        box.locator("textarea[data-response]").fill(sample)
        box.get_by_role("button", name="Check", exact=True).click()
    elif kind == "reflection":
        box.locator("textarea[data-entry]").fill(REFLECTION)
        done = box.get_by_role("button", name="Mark as done")
        if done.is_visible():
            done.click()
    elif kind == "code":
        type_code(page, exercise_id, solution(exercise_id, ROOT))
        press(page, exercise_id, "Check")
    expect(box).to_have_attribute("data-status", "passed", timeout=PYTHON_READY_MS)


def test_the_whole_course_can_be_completed(page: Page, site, foreign_requests, page_errors):
    """The course first, then its optional parts: the course is finished without them."""
    course = page.request.get(site.url + "course.json").json()
    core = [lesson for lesson in course["lessons"] if not lesson["optional"]]
    extras = [lesson for lesson in course["lessons"] if lesson["optional"]]
    total = sum(len(lesson["exercises"]) for lesson in core)
    optional = sum(len(lesson["exercises"]) for lesson in extras)
    assert total >= 38 and optional > 0
    for lesson in core:
        page.goto(site.url + lesson["url"])
        for item in lesson["exercises"]:
            solve(page, item["id"], item["kind"])
    page.goto(site.url + "progress/")
    dashboard = page.locator("[data-therapon-dashboard][data-ready]")
    expect(dashboard.locator("[data-summary]")).to_contain_text(f"{total} of {total}")
    expect(dashboard.locator("[data-continue]")).to_contain_text("finished the course")
    header = page.locator("[data-therapon-header-progress]")
    expect(header).to_contain_text(f"{total}/{total}")
    expect(header).to_have_attribute("data-done", "true")
    for lesson in extras:
        page.goto(site.url + lesson["url"])
        for item in lesson["exercises"]:
            solve(page, item["id"], item["kind"])
    page.goto(site.url + "progress/")
    expect(dashboard.locator("[data-summary-optional]")).to_contain_text(f"{optional} of {optional} done")
    expect(header).to_have_accessible_name(re.compile(f"optional extras: {optional} of {optional}$"))
    assert foreign_requests == [] and page_errors == []
