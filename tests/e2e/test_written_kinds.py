"""The kinds a couple uses most: written practice, choice questions and private reflections."""

from __future__ import annotations

import json
import re

from playwright.sync_api import Page, expect

from .helpers import LESSON, NO_SERVICE_WORKER, PYTHON_READY_MS, exercise, wait_saved

GOOD = "I feel lonely when you look at your phone while I'm talking, because I need connection."
BLAME = "You never answer my messages! You're always busy."
HOSTILE = "<script>window.__owned = 1</script><img src=x onerror=\"window.__owned = 2\"> I feel"
KEY = "therapon:engine-fixture:profile:me:exercise:"
LONG_ENOUGH = ("I find listening easier than speaking. When I listen I can stay calm and curious. "
               "When I speak I worry that I will say it wrong, so I keep it short.")


def check_text(page: Page, text: str) -> None:
    box = exercise(page, "calm-request")
    box.get_by_label("Your rephrased sentence").fill(text)
    box.get_by_role("button", name="Check", exact=True).click()
    expect(box).not_to_have_attribute("aria-busy", "", timeout=PYTHON_READY_MS)


def test_text_wrong_then_right(page: Page, fixture_site, foreign_requests, page_errors):
    page.goto(fixture_site.url + LESSON)
    box = exercise(page, "calm-request")
    check_text(page, BLAME)
    feedback = box.locator("[data-feedback]")
    expect(feedback).to_contain_text("Not yet: one thing in it could hurt the conversation")
    expect(feedback.locator('[data-item="blame"]')).to_contain_text("Watch out:")
    expect(feedback.locator('[data-item="blame"]')).to_contain_text("“never”")  # quoted, as written
    expect(feedback).not_to_contain_text("Well done")
    expect(box).to_have_attribute("data-status", "attempted")
    check_text(page, GOOD)
    expect(feedback).to_contain_text("This meets the goal")
    expect(feedback.locator('[data-item="feeling"]')).to_contain_text("lonely")
    expect(box).to_have_attribute("data-status", "passed")
    assert foreign_requests == [] and page_errors == []


def test_text_is_kept_after_reload(page: Page, fixture_site):
    page.goto(fixture_site.url + LESSON)
    check_text(page, BLAME)
    page.reload()
    box = exercise(page, "calm-request")
    expect(box.get_by_label("Your rephrased sentence")).to_have_value(BLAME)
    expect(box).to_have_attribute("data-status", "attempted")


def test_hostile_text_is_shown_as_text_and_never_runs(page: Page, fixture_site, page_errors):
    page.goto(fixture_site.url + LESSON)
    check_text(page, HOSTILE)
    box = exercise(page, "calm-request")
    expect(box.locator("[data-feedback]")).to_contain_text("Not quite there yet")
    page.locator('[data-exercise="own-notes"] textarea').fill(HOSTILE)
    wait_saved(page, "own-notes", HOSTILE)
    page.reload()
    expect(box.get_by_label("Your rephrased sentence")).to_have_value(HOSTILE)
    expect(exercise(page, "own-notes").locator("textarea")).to_have_value(HOSTILE)
    assert page.evaluate("window.__owned") is None
    assert page.locator(".therapon-exercise img, .therapon-exercise script:not([src])").count() == 0
    assert page_errors == []


def test_choice_wrong_then_right_and_kept_by_option_id(page: Page, fixture_site, page_errors):
    page.goto(fixture_site.url + LESSON)
    box = exercise(page, "best-reply")
    box.get_by_role("button", name="Check").click()
    expect(box.locator("[data-feedback]")).to_contain_text("Choose an answer")
    box.get_by_label("You should buy a heavier lock").check()
    box.get_by_role("button", name="Check").click()
    expect(box.locator("[data-feedback]")).to_contain_text(
        "Not quite. Read the note under the answer you chose")
    advice = box.locator('[data-option="gives-advice"] [data-explanation]')
    expect(advice).to_contain_text("Not this one. This jumps to fixing")
    # The first wrong answer does not give the right one away: the learner tries again first.
    expect(box.locator('[data-option="names-feeling"] [data-explanation]')).to_be_hidden()
    expect(box.locator('[data-verdict="right"]')).to_have_count(0)
    expect(box).to_have_attribute("data-status", "attempted")
    box.get_by_label("That sounds upsetting").check()
    box.get_by_role("button", name="Check").click()
    expect(box.locator("[data-feedback]")).to_contain_text("That's right")
    expect(box.locator('[data-option="names-feeling"] [data-explanation]')).to_contain_text(
        "Correct. Ben names")
    expect(box).to_have_attribute("data-status", "passed")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}best-reply')"))
    assert json.loads(saved["words"]["draft"]) == ["names-feeling"]
    page.reload()  # options are shuffled again; the answer follows its id, not its position
    box = exercise(page, "best-reply")
    expect(box.get_by_label("That sounds upsetting")).to_be_checked()
    expect(box).to_have_attribute("data-status", "passed")
    assert page_errors == []


def test_choice_marks_the_answer_on_the_authors_check_and_never_before(page: Page, fixture_site):
    page.goto(fixture_site.url + LESSON)
    box = exercise(page, "best-reply")  # show_answer_after is 2 (the default)
    right = box.locator('[data-option="names-feeling"] [data-explanation]')
    box.get_by_label("You should buy a heavier lock").check()
    box.get_by_role("button", name="Check").click()
    expect(right).to_be_hidden()
    box.get_by_label("That's nothing").check()
    box.get_by_role("button", name="Check").click()
    expect(box.locator("[data-feedback]")).to_contain_text("The answer is marked below now")
    expect(right).to_be_visible()
    expect(right.locator("[data-mark]")).to_have_text("Correct.")
    marks = sorted(mark.strip() for mark in box.locator("[data-mark]").all_text_contents())
    assert marks == ["Correct.", "Not this one.", "Not this one.", "Not this one."]
    expect(box).to_have_attribute("data-status", "attempted")
    page.reload()  # after the author's number of Checks, the answer stays marked
    again = exercise(page, "best-reply")
    expect(again.locator('[data-option="names-feeling"] [data-explanation]')).to_be_visible()


def test_choice_options_are_real_radio_buttons_in_a_fieldset(page: Page, fixture_site):
    page.goto(fixture_site.url + LESSON)
    box = exercise(page, "best-reply")
    expect(box.locator("fieldset > legend")).to_have_text("Choose one answer.")
    expect(box.get_by_role("radio")).to_have_count(4)


def test_reflection_is_done_by_one_rule_stated_on_the_page(page: Page, fixture_site):
    page.goto(fixture_site.url + LESSON)
    box = exercise(page, "own-notes")  # min_words = 25
    expect(box).to_contain_text("stay on this device")
    rule = box.locator("[data-done-rule]")
    expect(rule).to_have_text(
        "This counts as done when you have written at least 25 words and press Mark as done.")
    entry = box.get_by_label("Your reflection")
    expect(entry).to_have_accessible_description(re.compile("at least 25 words and press Mark as done"))
    entry.fill("I find listening easier.")
    expect(box).to_have_attribute("data-status", "attempted")
    expect(box.locator("[data-word-count]")).to_have_text("4 of 25 words")
    box.get_by_role("button", name="Mark as done").click()
    expect(box.locator("[data-feedback]")).to_have_text(
        "Write 21 more words first (at least 25 in all), then press Mark as done. What you wrote is saved.")
    expect(box).to_have_attribute("data-status", "attempted")
    expect(entry).to_be_focused()
    entry.fill(LONG_ENOUGH)  # enough words do not finish it on their own: the learner says so
    expect(box.locator("[data-word-count]")).to_have_text("31 words")
    expect(box).to_have_attribute("data-status", "attempted")
    box.get_by_role("button", name="Mark as done").click()
    expect(box).to_have_attribute("data-status", "passed")
    expect(rule).to_contain_text("Done.")
    page.reload()
    box = exercise(page, "own-notes")
    expect(box.get_by_label("Your reflection")).to_have_value(LONG_ENOUGH)
    expect(box).to_have_attribute("data-status", "passed")
    expect(box.get_by_role("button", name="Mark as done")).to_be_hidden()


def test_a_reflection_without_a_minimum_shows_no_word_count(page: Page, fixture_site):
    page.goto(fixture_site.url + LESSON)
    box = exercise(page, "first-practice")  # min_words = 0, partner practice
    counter = box.locator("[data-word-count]")
    expect(counter).to_be_hidden()
    box.get_by_label("What it was like").fill("Calm. Slow. I felt listened to.")
    expect(counter).to_be_hidden()
    expect(box).not_to_contain_text(re.compile(r"\d+ (of \d+ )?words?\b"))
    expect(box.locator("[data-done-rule]")).to_have_text("This counts as done when you press Mark as done.")
    box.get_by_role("button", name="Mark as done").click()
    expect(box).to_have_attribute("data-status", "passed")


def test_reflection_mark_done_copy_and_download(page: Page, fixture_site):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(fixture_site.url + LESSON)
    box = exercise(page, "own-notes")
    box.get_by_label("Your reflection").fill(LONG_ENOUGH)
    box.get_by_role("button", name="Mark as done").click()
    expect(box).to_have_attribute("data-status", "passed")
    box.get_by_role("button", name="Copy").click()
    expect(box.locator("[data-feedback]")).to_contain_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == LONG_ENOUGH
    with page.expect_download() as download:
        box.get_by_role("button", name="Download").click()
    assert download.value.suggested_filename == "own-notes.txt"
    assert LONG_ENOUGH in open(download.value.path(), encoding="utf-8").read()


def test_every_kind_with_the_keyboard_alone(page: Page, fixture_site):
    page.goto(fixture_site.url + LESSON)
    choice = exercise(page, "best-reply")
    choice.get_by_role("radio").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # leaves the radio group, to Check
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    expect(choice.locator("[data-feedback]")).not_to_be_empty()
    expect(choice).not_to_have_attribute("data-status", "new")

    text = exercise(page, "calm-request")
    text.get_by_label("Your rephrased sentence").focus()
    page.keyboard.type(GOOD)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    expect(text).to_have_attribute("data-status", "passed", timeout=PYTHON_READY_MS)

    reflection = exercise(page, "own-notes")
    reflection.get_by_label("Your reflection").focus()
    page.keyboard.type(LONG_ENOUGH)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Mark as done"
    page.keyboard.press("Enter")
    expect(reflection).to_have_attribute("data-status", "passed")


@NO_SERVICE_WORKER
def test_choices_and_reflections_work_without_python(page: Page, fixture_site, page_errors):
    page.route("**/pyodide/**", lambda route: route.abort())
    page.goto(fixture_site.url + LESSON)
    choice = exercise(page, "best-reply")
    choice.get_by_label("That sounds upsetting").check()
    choice.get_by_role("button", name="Check").click()
    expect(choice).to_have_attribute("data-status", "passed")
    reflection = exercise(page, "own-notes")
    reflection.get_by_label("Your reflection").fill(LONG_ENOUGH)
    reflection.get_by_role("button", name="Mark as done").click()
    expect(reflection).to_have_attribute("data-status", "passed")
