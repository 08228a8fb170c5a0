"""The progress page, the ✓ beside finished lessons, the header count, and taking turns."""

from __future__ import annotations

import json
import time

from playwright.sync_api import Browser, Page, expect

from .helpers import LAB, LESSON, PYTHON_READY_MS, exercise

PREFIX = "therapon:engine-fixture:"
GOOD = "I feel lonely when you look at your phone while I'm talking, because I need connection."
TWO_PROFILES = {"active": "me", "list": [{"id": "me", "name": "Sam"}, {"id": "p-alex", "name": "Alex"}]}
DAY_MS = 24 * 60 * 60 * 1000
TURNS_MODULE = ("await import(new URL('assets/therapon/turns.js', "
                "location.href.split('/therapon/')[0] + '/therapon/').href)")


def course(fixture_site) -> dict:
    return json.loads((fixture_site.directory / "course.json").read_text())


def lesson_of(fixture_site, url: str) -> dict:
    return next(lesson for lesson in course(fixture_site)["lessons"] if lesson["url"] == url)


def all_exercises(fixture_site) -> list[dict]:
    return [e for lesson in course(fixture_site)["lessons"] for e in lesson["exercises"]]


def course_exercises(fixture_site, optional: bool = False) -> list[dict]:
    """The course's own exercises, or (optional=True) those of its optional parts."""
    lessons = [lesson for lesson in course(fixture_site)["lessons"] if lesson["optional"] == optional]
    return [e for lesson in lessons for e in lesson["exercises"]]


def open_dashboard(page: Page, fixture_site):
    page.goto(fixture_site.url + "progress/")
    board = page.locator("[data-therapon-dashboard][data-ready]")
    expect(board).to_be_visible()
    return board


def solve(page: Page, exercise_id: str, kind: str) -> None:
    """Solve one of Lesson 1's exercises the way a learner would."""
    box = exercise(page, exercise_id)
    if exercise_id == "best-reply":
        box.get_by_label("That sounds upsetting").check()
        box.get_by_role("button", name="Check", exact=True).click()
    elif exercise_id == "calm-request":
        box.get_by_label("Your rephrased sentence").fill(GOOD)
        box.get_by_role("button", name="Check", exact=True).click()
    elif kind == "reflection":
        box.get_by_role("textbox").fill("We sat on the sofa and took turns. " * 4)  # 32 words
        box.get_by_role("button", name="Mark as done", exact=True).click()
    else:
        raise AssertionError(f"this test does not know how to solve {exercise_id!r} ({kind}); teach it")
    expect(box).to_have_attribute("data-status", "passed", timeout=PYTHON_READY_MS)


def turn(listener: str, speaker: str, days_ago: float) -> dict:
    return {"exercise": "calm-request", "listener": listener, "speaker": speaker,
            "at": int(time.time() * 1000 - days_ago * DAY_MS)}


def seed(page: Page, fixture_site, profiles: dict, turns: list[dict]) -> None:
    page.goto(fixture_site.url)
    page.evaluate("""([prefix, profiles, turns]) => {
        localStorage.setItem(prefix + "profiles", JSON.stringify(profiles));
        localStorage.setItem(prefix + "turns", JSON.stringify(turns));
    }""", [PREFIX, profiles, turns])


def nav_link(page: Page, title: str):
    return page.locator(".md-nav--primary a.md-nav__link", has_text=title)


def test_dashboard_lists_every_exercise_before_any_is_opened(page: Page, fixture_site, page_errors,
                                                             foreign_requests):
    board = open_dashboard(page, fixture_site)
    everything = all_exercises(fixture_site)
    core, extras = course_exercises(fixture_site), course_exercises(fixture_site, optional=True)
    assert extras and len(core) + len(extras) == len(everything)
    expect(board.locator("[data-summary]")).to_have_text(
        f"You have finished 0 of {len(core)} exercises in the course.")
    expect(board.locator("[data-summary-optional]")).to_have_text(
        f"Optional extras, not needed to finish the course: 0 of {len(extras)} done.")
    expect(board.locator("[data-lesson][data-optional]")).to_have_count(
        len([lesson for lesson in course(fixture_site)["lessons"] if lesson["optional"]]))
    for item in everything:
        row = board.locator(f'li[data-exercise-id="{item["id"]}"]')
        expect(row).to_have_attribute("data-status", "new")
        expect(row.get_by_role("link", name=item["title"], exact=True)).to_be_visible()
        expect(row).to_contain_text("Not started")
    for lesson in course(fixture_site)["lessons"]:
        bar = board.locator(f'[data-lesson="{lesson["url"]}"] progress')
        expect(bar).to_have_attribute("value", "0")
        expect(bar).to_have_attribute("max", str(len(lesson["exercises"])))
    first = course(fixture_site)["lessons"][0]
    start = board.locator("[data-continue]")
    expect(start).to_contain_text("Start here:")
    expect(start.get_by_role("link")).to_have_attribute(
        "href", f'{fixture_site.url}{first["url"]}#exercise-{first["exercises"][0]["id"]}')
    expect(board.locator("[data-turns]")).to_contain_text("Add a profile for your partner")
    header = page.locator("[data-therapon-header-progress]")
    expect(header.locator(".therapon-header-progress__count")).to_have_text(f"0/{len(core)}")
    expect(header).to_have_accessible_name(
        f"Your progress: 0 of {len(core)} course exercises done; optional extras: 0 of {len(extras)}")
    assert page_errors == [] and foreign_requests == []


def test_a_solved_exercise_shows_done_live_and_after_reload(page: Page, fixture_site, page_errors):
    board = open_dashboard(page, fixture_site)
    lesson = lesson_of(fixture_site, LESSON)
    row = board.locator('li[data-exercise-id="best-reply"]')
    expect(row).to_contain_text("Not started")

    other_tab = page.context.new_page()  # the dashboard follows a change made in another tab
    other_tab.goto(fixture_site.url + LESSON)
    solve(other_tab, "best-reply", "choice")
    expect(row).to_have_attribute("data-status", "passed")
    other_tab.close()

    page.reload()
    board = page.locator("[data-therapon-dashboard][data-ready]")
    expect(board.locator('li[data-exercise-id="best-reply"]')).to_contain_text("Done")
    bar = board.locator(f'[data-lesson="{LESSON}"] progress')
    expect(bar).to_have_attribute("value", "1")
    expect(bar).to_have_attribute("max", str(len(lesson["exercises"])))
    expect(bar).to_have_accessible_name(f"1 of {len(lesson['exercises'])} done")
    total = len(course_exercises(fixture_site))
    expect(board.locator("[data-summary]")).to_contain_text(f"finished 1 of {total}")

    unfinished = next(e["id"] for e in lesson["exercises"] if e["id"] != "best-reply")
    link = board.locator("[data-continue]").get_by_role("link")
    expect(board.locator("[data-continue]")).to_contain_text("Continue where you left off:")
    expect(link).to_have_attribute("href", f"{fixture_site.url}{LESSON}#exercise-{unfinished}")
    link.click()
    expect(page).to_have_url(f"{fixture_site.url}{LESSON}#exercise-{unfinished}")
    expect(exercise(page, unfinished)).to_be_in_viewport()
    assert page_errors == []


def test_keyboard_focus_stays_put_when_another_tab_changes_progress(page: Page, fixture_site):
    board = open_dashboard(page, fixture_site)
    row = board.locator('li[data-exercise-id="calm-request"]')
    row.get_by_role("link").focus()
    other_tab = page.context.new_page()
    other_tab.goto(fixture_site.url)
    record = {"status": "passed", "attempts": 1, "hintsShown": 0, "updatedAt": 1, "words": {"draft": None}}
    other_tab.evaluate("([key, value]) => localStorage.setItem(key, value)",
                       [PREFIX + "profile:me:exercise:calm-request", json.dumps(record)])
    other_tab.close()
    expect(row).to_have_attribute("data-status", "passed")
    assert page.evaluate("document.activeElement.closest('li')?.dataset.exerciseId") == "calm-request"


def test_a_finished_lesson_is_marked_in_the_nav_and_the_header_counts_live(page: Page, fixture_site,
                                                                            page_errors):
    lesson = lesson_of(fixture_site, LESSON)
    total, extras = len(course_exercises(fixture_site)), len(course_exercises(fixture_site, optional=True))
    page.goto(fixture_site.url + LESSON)
    header = page.locator("[data-therapon-header-progress]")
    count = header.locator(".therapon-header-progress__count")
    expect(count).to_have_text(f"0/{total}")
    expect(nav_link(page, lesson["title"]).locator(".therapon-nav-done")).to_have_count(0)

    for number, item in enumerate(lesson["exercises"], start=1):
        solve(page, item["id"], item["kind"])
        expect(count).to_have_text(f"{number}/{total}")  # live, without a reload
    done = len(lesson["exercises"])
    expect(nav_link(page, lesson["title"]).locator(".therapon-nav-done")).to_have_count(1)
    expect(header).to_have_accessible_name(
        f"Your progress: {done} of {total} course exercises done; optional extras: 0 of {extras}")

    page.evaluate("window.__same_document = true")
    header.click()  # Material's instant navigation: the header stays, the navigation is new
    expect(page).to_have_url(fixture_site.url + "progress/")
    expect(page.locator("[data-therapon-dashboard][data-ready]")).to_be_visible()
    assert page.evaluate("window.__same_document") is True, "expected instant navigation"
    expect(page.locator("[data-therapon-header-progress]")).to_have_count(1)
    expect(count).to_have_text(f"{done}/{total}")
    expect(header).to_have_attribute("aria-current", "page")
    expect(nav_link(page, lesson["title"]).locator(".therapon-nav-done")).to_have_count(1)
    expect(page.locator(".md-nav--primary .therapon-nav-done")).to_have_count(1)  # the lab is not finished

    # Switching to a profile that did only the couple's partner practice (shared, so done for
    # both) removes the lesson's mark.
    other_tab = page.context.new_page()
    other_tab.goto(fixture_site.url)
    other_tab.evaluate("""([key, value]) => localStorage.setItem(key, value)""",
                       [PREFIX + "profiles", json.dumps({**TWO_PROFILES, "active": "p-alex"})])
    other_tab.close()
    shared = [e for e in lesson["exercises"] if e["partner"]]
    assert len(shared) >= 1
    expect(count).to_have_text(f"{len(shared)}/{total}")
    expect(page.locator(".md-nav--primary .therapon-nav-done")).to_have_count(0)
    assert page_errors == []


def test_the_header_count_fits_a_phone(page: Page, fixture_site):
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(fixture_site.url + LAB)
    header = page.locator("[data-therapon-header-progress]")
    expect(header.locator(".therapon-header-progress__count")).to_be_visible()
    expect(header.locator(".therapon-header-progress__label")).to_be_visible()  # labelled on a phone too
    expect(header.locator(".therapon-header-progress__icon")).to_be_hidden()
    box = header.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_two_profiles_see_whose_turn_it_is_and_an_imbalance(page: Page, fixture_site, page_errors):
    seed(page, fixture_site, TWO_PROFILES, [turn("me", "p-alex", days_ago=i * 2) for i in range(5)])
    board = open_dashboard(page, fixture_site)
    summary = f"Sam has finished 0 of {len(course_exercises(fixture_site))} exercises in the course."
    expect(board.locator("[data-summary]")).to_have_text(summary)
    expect(board.locator("[data-imbalance]")).to_have_text(
        "Sam has done most of the listening lately. Next time, let Alex listen.")
    expect(board.locator("[data-next-listener]")).to_have_text("Next to listen: Alex")
    expect(board.locator("[data-listens]")).to_have_text(
        "So far, Sam listened 5 times and Alex listened 0 times.")
    chart = board.locator("svg[role=img]")
    expect(chart).to_have_attribute("aria-label", "Listening per week over the last 8 weeks. "
                                    "In total, Sam listened 5 times and Alex listened 0 times.")
    expect(chart.locator("rect.therapon-chart__bar--p0").first).to_be_attached()
    expect(chart.locator("rect.therapon-chart__bar--p1")).to_have_count(0)
    table = board.locator("[data-turns-chart] table")
    expect(table.locator("tbody tr")).to_have_count(8)
    expect(table.locator("thead th")).to_have_text(["Week of", "Sam", "Alex"])
    rows = table.evaluate("t => Array.from(t.tBodies[0].rows, r => Array.from(r.cells, c => c.textContent))")
    assert [sum(int(row[1]) for row in rows), sum(int(row[2]) for row in rows)] == [5, 0]
    assert page_errors == []


def test_an_even_couple_gets_no_warning(page: Page, fixture_site):
    pairs = [("me", "p-alex"), ("p-alex", "me")] * 3
    seed(page, fixture_site, TWO_PROFILES, [turn(*pair, days_ago=i) for i, pair in enumerate(pairs)])
    board = open_dashboard(page, fixture_site)
    expect(board.locator("[data-listens]")).to_have_text(
        "So far, Sam listened 3 times and Alex listened 3 times.")
    expect(board.locator("[data-imbalance]")).to_have_count(0)
    expect(board.locator("[data-next-listener]")).to_have_text("Next to listen: Alex")  # Sam listened last


def test_profile_names_are_shown_as_text(page: Page, fixture_site, page_errors):
    hostile = "<img src=x onerror=window.__owned=1>"
    profiles = {"active": "p-evil", "list": [{"id": "me", "name": "Sam"}, {"id": "p-evil", "name": hostile}]}
    seed(page, fixture_site, profiles, [turn("p-evil", "me", days_ago=0)])
    board = open_dashboard(page, fixture_site)
    expect(board.locator("[data-summary]")).to_contain_text(f"{hostile} has finished 0 of")
    expect(board.locator("[data-next-listener]")).to_have_text("Next to listen: Sam")
    assert board.locator("img").count() == 0
    assert page.evaluate("window.__owned") is None and page_errors == []


def run_turns(page: Page, body: str):
    """Run JavaScript against the turns module as the site serves it, in the page."""
    return page.evaluate(f"""async () => {{
        const turns = {TURNS_MODULE};
        const P = [{{id: "me", name: "Sam"}}, {{id: "p-alex", name: "Alex"}}];
        const t = (listener, at) => ({{exercise: "next-player", listener, at,
                                       speaker: listener === "me" ? "p-alex" : "me"}});
        {body}
    }}""")


def test_next_listener_takes_the_fewest_then_whoever_did_not_listen_last(page: Page, fixture_site):
    page.goto(fixture_site.url)
    found = run_turns(page, """
        const next = (log, people = P) => turns.nextListener(log, people)?.id ?? null;
        return {
          empty: next([]),
          fewer: next([t("me", 1), t("me", 2), t("p-alex", 3)]),
          tieAlexLast: next([t("me", 1), t("p-alex", 2)]),
          tieSamLast: next([t("p-alex", 1), t("me", 2)]),
          latestByTimeNotPosition: next([t("p-alex", 5), t("me", 1)]),
          sameTimeLaterInLog: next([t("me", 5), t("p-alex", 5)]),
          alone: next([t("me", 1)], [P[0]]),
          counts: [...turns.countListens([t("me", 1), {...t("me", 2), listener: "p-gone"}], P)],
        };
    """)
    assert found == {
        "empty": "me", "fewer": "p-alex", "tieAlexLast": "me", "tieSamLast": "p-alex",
        "latestByTimeNotPosition": "me", "sameTimeLaterInLog": "me", "alone": None,
        "counts": [["me", 1], ["p-alex", 0]],
    }


def test_weekly_balance_buckets_by_local_calendar_week_across_summer_time(browser: Browser, fixture_site):
    context = browser.new_context(timezone_id="Europe/Berlin")  # clocks went forward on 31 March 2024
    page = context.new_page()
    page.goto(fixture_site.url)
    weeks = run_turns(page, """
        const at = (month, day, ...time) => new Date(2024, month - 1, day, ...time).getTime();
        const log = [
          t("me", at(4, 8)),                         // Monday 00:00 of this week
          t("p-alex", at(4, 7, 23, 59, 59, 999)),    // the Sunday before
          t("me", at(2, 19)),                        // the first moment of the oldest week
          t("me", at(2, 18, 23, 59)),                // too old
          t("me", at(4, 15)),                        // next week: not yet
          {...t("me", at(4, 9)), listener: "p-gone"} // not one of these profiles
        ];
        return turns.weeklyBalance(log, P, 8, at(4, 10, 12)).map(({weekStart, counts}) => {
          const d = new Date(weekStart);
          const start = `${d.getMonth() + 1}-${d.getDate()} ${d.getDay()} ${d.getHours()}:${d.getMinutes()}`;
          return {start, counts};
        });
    """)
    context.close()
    mondays = ["2-19", "2-26", "3-4", "3-11", "3-18", "3-25", "4-1", "4-8"]
    assert [w["start"] for w in weeks] == [f"{day} 1 0:0" for day in mondays]  # each a Monday, at midnight
    sam, alex, nobody = {"me": 1, "p-alex": 0}, {"me": 0, "p-alex": 1}, {"me": 0, "p-alex": 0}
    assert [w["counts"] for w in weeks] == [sam, nobody, nobody, nobody, nobody, nobody, alex, sam]
