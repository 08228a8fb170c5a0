"""The quick exit, in Chromium against the built site: the header's control and Escape twice
(also while the search is open) replace the lesson with a neutral page of the site, Back does
not return to the lesson, and every profile is locked, in this tab and in another one."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page, expect

from therapon.pages import NEUTRAL_PAGE as NEUTRAL

from .helpers import LESSON, exercise, nav_pages
from .test_lock import PASSPHRASE, REFLECTION, REFLECTION_ID, set_lock, unlock_in_exercise

# Words of the course that the neutral page must not show, in its text or its title.
COURSE_WORDS = ["therapon", "partner", "lesson", "course", "progress", "listen", "safety", "couple"]


def expect_neutral(page: Page, fixture_site) -> None:
    expect(page).to_have_url(fixture_site.url + NEUTRAL)
    expect(page).to_have_title("Page not found")
    seen = (page.title() + " " + page.locator("body").inner_text()).lower()
    assert [word for word in COURSE_WORDS if word in seen] == []
    assert page.locator("script").count() == 0


def unlocked_lesson(page: Page, fixture_site) -> None:
    page.goto(fixture_site.url + LESSON)
    unlock_in_exercise(page, REFLECTION_ID, PASSPHRASE)
    expect(exercise(page, REFLECTION_ID).get_by_label("Your reflection")).to_be_visible(timeout=20_000)
    exercise(page, REFLECTION_ID).get_by_label("Your reflection").fill(REFLECTION)


def test_the_control_leaves_at_once_and_locks_every_tab(page: Page, context: BrowserContext, fixture_site,
                                                        foreign_requests, page_errors):
    set_lock(page, fixture_site)
    other = context.new_page()
    unlocked_lesson(other, fixture_site)
    unlocked_lesson(page, fixture_site)
    exit_control = page.get_by_role("button", name="Quick exit")
    expect(exit_control).to_be_visible()
    exit_control.click()
    expect_neutral(page, fixture_site)
    # The other tab was locked too: its answer is hidden, its box empty.
    expect(exercise(other, REFLECTION_ID)).to_have_attribute("data-locked", "")
    boxes = other.evaluate("() => Array.from(document.querySelectorAll('textarea'), (t) => t.value).join()")
    assert REFLECTION not in boxes
    # Back does not lead to the lesson: its entry was replaced.
    page.go_back()
    assert LESSON not in page.url
    # Opening the lesson again finds it locked.
    page.goto(fixture_site.url + LESSON)
    expect(exercise(page, REFLECTION_ID)).to_have_attribute("data-locked", "")
    assert foreign_requests == [] and page_errors == []


def test_escape_twice_leaves_even_from_the_search(page: Page, fixture_site, foreign_requests):
    set_lock(page, fixture_site)
    unlocked_lesson(page, fixture_site)
    page.keyboard.press("Escape")  # once is not leaving
    expect(page).to_have_url(fixture_site.url + LESSON)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect_neutral(page, fixture_site)
    page.go_back()
    assert LESSON not in page.url
    page.goto(fixture_site.url + LESSON)
    expect(exercise(page, REFLECTION_ID)).to_have_attribute("data-locked", "")
    assert foreign_requests == []


def test_the_control_is_on_every_page_and_fits_a_phone(browser, fixture_site):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    built = fixture_site.directory
    pages = sorted(p for p in built.rglob("index.html")
                   if p.relative_to(built).parts[0] not in ("pyodide", "assets", NEUTRAL.strip("/")))
    assert len(pages) == nav_pages()  # every page of the nav (blank.md, the exit's own page, is not in it)
    for path in pages:
        page.goto(fixture_site.url + path.relative_to(built).as_posix().removesuffix("index.html"))
        control = page.get_by_role("button", name="Quick exit")
        expect(control).to_be_visible()
        box = control.bounding_box()
        assert box and box["width"] >= 44 and box["height"] >= 44 and box["x"] + box["width"] <= 375, path
    context.close()
