"""Two people, one phone: the couple's path through the course at 390 px with touch.

The first visit asks once whether one or two are learning; two profiles are made from the
answer; a partner practice done together is done for both, with one turn recorded however
often it is saved; each partner's private reflection stays their own; and the header's count
reaches the end of the course without the optional lab."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from e2e.test_mobile import CONTROLS, LAYOUT, OURS
from playwright.sync_api import Browser, BrowserContext, Page, expect

from support.subpath_server import SiteServer

WIDTH, HEIGHT = 390, 844
PREFIX = "therapon:therapeutic-partnership:"
LESSON_2 = "lessons/02-safety-first/"
PRACTICE = "l2-safety-agreement"        # partner practice in lesson 2
PRIVATE = "l2-what-helps-me-feel-safe"  # a private reflection in lesson 2 (min_words = 30)
OUR_NOTES = "Phones in the other room when one of us shares. We say when we will come back after a break."
SAM_ALONE = ("When my sister just nodded and let me finish, I felt safe. I slip into fixing when you "
             "share something hard. Next time I will ask one question first and wait for the answer.")
ALEX_ALONE = ("I feel safe when nobody rushes me and the phone is away. I tend to go quiet and look away "
              "when it gets hard. Next time I will say that I need a minute instead of going quiet.")


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2, service_workers="block")
    yield context
    context.close()


def course(site: SiteServer) -> dict:
    return json.loads((site.directory / "course.json").read_text())


def exercise(page: Page, exercise_id: str):
    return page.locator(f'[data-exercise="{exercise_id}"][data-ready]')


def fits(page: Page) -> list[str]:
    """What of ours is wider than the phone, or a control that cannot be reached."""
    return page.evaluate(LAYOUT, [OURS, CONTROLS, WIDTH])["problems"]


def header_count(page: Page):
    return page.locator("[data-therapon-header-progress] .therapon-header-progress__count")


def switch_to(page: Page, name: str) -> None:
    """The header's switcher: a real select, at least 44 px tall, showing whose profile is in use."""
    switcher = page.get_by_role("combobox", name="Who is using the course")
    box = switcher.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44
    switcher.select_option(label=name)
    expect(switcher.locator("option:checked")).to_have_text(name)


def test_a_couple_on_one_phone_from_first_visit_to_the_end_of_the_course(
        phone: BrowserContext, site: SiteServer) -> None:
    page = phone.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    own = site.url.split("/therapon/")[0]
    foreign: list[str] = []
    page.on("request", lambda r: None if r.url.startswith((own, "data:", "blob:")) else foreign.append(r.url))

    # First visit: the question is in the page, under the title, and reading goes on around it.
    page.goto(site.url + LESSON_2)
    welcome = page.locator("[data-therapon-welcome]")
    expect(welcome).to_contain_text("Who is using the course on this device?")
    assert welcome.evaluate("el => !el.closest('dialog, [role=dialog], [aria-modal]')")  # not a dialog
    expect(page.locator("h1")).to_be_in_viewport()
    assert fits(page) == []
    welcome.get_by_role("button", name="Two of us, taking turns").tap()
    expect(welcome.get_by_label("Your name")).to_be_focused()
    welcome.get_by_label("Your name").fill("Sam")
    welcome.get_by_label("Your partner's name").fill("Sam")
    welcome.get_by_role("button", name="Start").tap()
    expect(welcome.locator("[role=status]")).to_have_text(
        "Write two different names, so the course can tell you apart.")
    welcome.get_by_label("Your partner's name").fill("Alex")
    welcome.get_by_role("button", name="Start").tap()
    expect(welcome.locator("[role=status]")).to_contain_text("Sam and Alex each have a profile.")
    profiles = json.loads(page.evaluate(f"localStorage.getItem('{PREFIX}profiles')"))
    assert [p["name"] for p in profiles["list"]] == ["Sam", "Alex"]
    sam, alex = (p["id"] for p in profiles["list"])
    switcher = page.get_by_role("combobox", name="Who is using the course")
    expect(switcher.locator("option:checked")).to_have_text("Sam")
    page.goto(site.url + "lessons/01-partners-as-comrades/")  # asked once: never again
    expect(exercise(page, "first-turn")).to_be_attached()
    expect(page.locator("[data-therapon-welcome]")).to_have_count(0)

    # Everything else in the course is done already, so this lesson's steps finish it. (Set
    # up in storage, as a returning couple would have it; the lab is left untouched.)
    now = int(time.time() * 1000)
    lessons = [lesson for lesson in course(site)["lessons"] if not lesson["optional"]]
    finish_here = {PRACTICE, PRIVATE}
    done = {"status": "passed", "attempts": 1, "hintsShown": 0, "updatedAt": now,
            "words": {"draft": None}}
    seeded = {}
    for lesson in lessons:
        for item in lesson["exercises"]:
            if item["id"] in finish_here:
                continue
            owner = "shared" if item["partner"] else f"profile:{sam}"
            key = f"{owner}:exercise:{item['id']}"
            seeded[PREFIX + key] = json.dumps(done)
    page.evaluate("items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }",
                  seeded)
    total = sum(len(lesson["exercises"]) for lesson in lessons)
    page.goto(site.url + LESSON_2)
    expect(header_count(page)).to_have_text(f"{total - 2}/{total}")
    badge = page.locator("[data-therapon-header-progress]")
    expect(badge.locator(".therapon-header-progress__label")).to_be_visible()  # labelled on a phone
    where = badge.bounding_box()
    assert where is not None and where["height"] >= 44 and where["x"] + where["width"] <= WIDTH

    # The partner practice, done together while Sam's profile is in use.
    practice = exercise(page, PRACTICE)
    practice.scroll_into_view_if_needed()
    expect(practice).to_contain_text(
        "Shared notes: every profile on this device sees them, with or without a lock.")
    expect(practice.get_by_role("button", name="Mark as done")).to_be_hidden()
    expect(practice.locator("[data-done-rule]")).to_have_text(
        "This counts as done when you save your turn below.")
    practice.get_by_role("textbox").fill(OUR_NOTES)
    turn = practice.locator("[data-partner-turn]")
    turn.get_by_label("Sam listened, Alex spoke").tap()
    turn.get_by_role("button", name="Save our turn").tap()
    expect(turn.locator("[role=status]")).to_contain_text(
        "This practice now counts as done for both of you.")
    expect(practice).to_have_attribute("data-status", "passed")
    turn.get_by_role("button", name="Save our turn").tap()  # tapped again: still one turn
    expect(turn.locator("[role=status]")).to_contain_text("already saved for today")
    turns = json.loads(page.evaluate(f"localStorage.getItem('{PREFIX}turns')"))
    assert [(t["exercise"], t["listener"], t["speaker"]) for t in turns] == [(PRACTICE, sam, alex)]

    # Sam's own reflection: private to Sam's profile.
    mine = exercise(page, PRIVATE)
    mine.scroll_into_view_if_needed()
    expect(mine).to_contain_text("Your words stay on this device.")
    mine.get_by_label("Your reflection").fill(SAM_ALONE)
    mine.get_by_role("button", name="Mark as done").tap()
    expect(mine).to_have_attribute("data-status", "passed")
    # The end of the course, without the lab.
    expect(header_count(page)).to_have_text(f"{total}/{total}")
    expect(badge).to_have_attribute("data-done", "true")
    assert fits(page) == []

    # Alex's turn at the phone: the practice is done for Alex too, with the same notes and the
    # one turn; Sam's private words are not there.
    switch_to(page, "Alex")
    expect(practice).to_have_attribute("data-status", "passed")
    expect(practice.get_by_role("textbox")).to_have_value(OUR_NOTES)
    expect(turn.locator("[data-saved-turns] li")).to_have_count(1)
    expect(turn.locator("[data-saved-turns] li")).to_contain_text("Sam listened, Alex spoke")
    expect(mine).to_have_attribute("data-status", "new")
    expect(mine.get_by_label("Your reflection")).to_have_value("")
    mine.get_by_label("Your reflection").fill(ALEX_ALONE)
    mine.get_by_role("button", name="Mark as done").tap()
    expect(mine).to_have_attribute("data-status", "passed")
    shared = sum(1 for lesson in lessons for e in lesson["exercises"] if e["partner"])
    expect(header_count(page)).to_have_text(f"{shared + 1}/{total}")  # the couple's, and Alex's own

    # Back to Sam: Sam's words, not Alex's.
    switch_to(page, "Sam")
    expect(mine.get_by_label("Your reflection")).to_have_value(SAM_ALONE)
    expect(header_count(page)).to_have_text(f"{total}/{total}")

    # Our agreements: the shared notes, Sam's own words, never Alex's.
    page.goto(site.url + "our-agreements/")
    answers = page.locator("[data-therapon-answers][data-ready]")
    expect(answers.locator(f'[data-answer="{PRACTICE}"] [data-answer-text]')).to_have_text(OUR_NOTES)
    expect(answers.locator(f'[data-answer="{PRACTICE}"]')).to_contain_text("Sam listened, Alex spoke")
    expect(answers.locator(f'[data-answer="{PRIVATE}"] [data-answer-text]')).to_have_text(SAM_ALONE)
    expect(answers.locator("[data-answers-whose]")).to_contain_text(
        "Shown for Sam: what you wrote together, and Sam's own answers.")
    expect(answers).not_to_contain_text(ALEX_ALONE)
    assert fits(page) == []

    # The progress page agrees, and counts the lab apart.
    page.goto(site.url + "progress/")
    board = page.locator("[data-therapon-dashboard][data-ready]")
    expect(board.locator("[data-summary]")).to_have_text(
        f"Sam has finished {total} of {total} exercises in the course.")
    expect(board.locator("[data-continue]")).to_contain_text("Sam has finished the course")
    expect(board.locator("[data-summary-optional]")).to_contain_text("0 of")
    assert errors == [] and foreign == []


def test_one_learner_can_skip_the_question_and_find_it_again(phone: BrowserContext,
                                                              site: SiteServer) -> None:
    page = phone.new_page()
    page.goto(site.url)
    welcome = page.locator("[data-therapon-welcome]")
    welcome.get_by_role("button", name="Not now").tap()
    expect(welcome.locator("[role=status]")).to_contain_text("add a profile on")
    page.reload()
    expect(page.locator("[data-therapon-header-progress]")).to_be_attached()
    expect(page.locator("[data-therapon-welcome]")).to_have_count(0)
    assert json.loads(page.evaluate(f"localStorage.getItem('{PREFIX}welcome')"))["answer"] == "skipped"

    page.goto(site.url + "progress/")
    profiles = page.locator("[data-therapon-profiles][data-ready]")
    expect(page.locator("[data-therapon-welcome]")).to_have_count(0)
    profiles.get_by_role("button", name="Set up: one of us, or two?").tap()
    again = profiles.locator("[data-therapon-welcome]")
    again.get_by_role("button", name="Just me").tap()
    again.get_by_label("Your name (optional)").fill("Robin")
    again.get_by_role("button", name="Start").tap()
    expect(again.locator("[role=status]")).to_have_text(
        "Ready, Robin. Your answers are saved on this device.")
    expect(profiles.locator("li")).to_have_count(1)
    expect(profiles.locator("li")).to_contain_text("Robin")
    switcher = page.get_by_role("combobox", name="Who is using the course")
    expect(switcher).to_have_count(0)  # one profile: no switcher
