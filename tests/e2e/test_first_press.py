"""A press before the page script has mounted an exercise is answered, never lost (issue 17).

The page script is held back at the network, so "before mounting" is a state the test makes,
not a race it hopes to win: the page has painted its exercises, and none of them is ready.
"""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, Route, expect

from .helpers import LAB, LESSON, NO_SERVICE_WORKER, PYTHON_READY_MS, solution, wait_saved

pytestmark = NO_SERVICE_WORKER
GOOD = "I feel lonely when you look at your phone while I'm talking, because I need connection."
WAITING = "One moment: this exercise is starting."


def hold_page_script(page: Page, *also: str) -> Callable[[], None]:
    """Hold every request for the page script (and for the scripts `also` names) until the
    returned function lets them go."""
    held: list[Route] = []
    released = False

    def hold(route: Route) -> None:
        if released:
            route.continue_()
        else:
            held.append(route)

    def release() -> None:
        nonlocal released
        released = True
        for route in held:
            route.continue_()
    for pattern in ("**/assets/therapon/main.js*", *also):
        page.route(pattern, hold)
    return release


def unmounted(page: Page, exercise_id: str):
    box = page.locator(f'[data-exercise="{exercise_id}"]')
    expect(box).to_be_visible()
    expect(box).not_to_have_attribute("data-ready", "")
    return box


def test_a_text_check_pressed_before_mounting_is_answered_with_the_words_typed(page: Page, fixture_site,
                                                                               page_errors):
    page.goto(fixture_site.url + LESSON)
    page.locator('[data-exercise="calm-request"][data-ready] textarea').fill("An older draft, saved.")
    wait_saved(page, "calm-request", "An older draft, saved.")
    release = hold_page_script(page)
    page.reload(wait_until="commit")
    box = unmounted(page, "calm-request")
    box.locator("textarea").fill(GOOD)
    box.get_by_role("button", name="Check", exact=True).click()
    expect(box.locator("[data-feedback]")).to_contain_text(WAITING)
    release()
    expect(box).to_have_attribute("data-ready", "")
    expect(box.locator("[data-feedback]")).to_contain_text("This meets the goal", timeout=PYTHON_READY_MS)
    expect(box.locator("textarea")).to_have_value(GOOD)  # the saved older draft did not replace it
    expect(box).to_have_attribute("data-status", "passed")
    wait_saved(page, "calm-request", GOOD)
    assert page_errors == []


def test_a_code_check_pressed_before_mounting_runs_the_code_typed(page: Page, fixture_site, page_errors):
    release = hold_page_script(page)
    page.goto(fixture_site.url + LAB, wait_until="commit")
    box = unmounted(page, "count-wins")
    box.locator("textarea[data-code]").fill(solution("count-wins"))
    box.get_by_role("button", name="Check", exact=True).click()
    expect(box.locator("[data-feedback]")).to_contain_text(WAITING)
    release()
    expect(box).to_have_attribute("data-status", "passed", timeout=PYTHON_READY_MS)
    expect(box.locator("[data-feedback]")).not_to_contain_text(WAITING)
    assert page_errors == []


def test_a_press_twice_before_mounting_is_answered_once(page: Page, fixture_site):
    release = hold_page_script(page)
    page.goto(fixture_site.url + LESSON, wait_until="commit")
    box = unmounted(page, "calm-request")
    box.locator("textarea").fill("You never answer my messages! You're always busy.")
    check = box.get_by_role("button", name="Check", exact=True)
    check.click()
    check.click()
    release()
    expect(box.locator("[data-feedback]")).to_contain_text("Not yet: one thing in it could hurt",
                                                           timeout=PYTHON_READY_MS)
    expect(box).to_have_attribute("data-status", "attempted")
    attempts = page.evaluate("""() => Object.entries(localStorage)
        .filter(([key]) => key.endsWith(":exercise:calm-request"))
        .map(([, value]) => JSON.parse(value).attempts)""")
    assert attempts == [1]


FIRST_FRAME = "requestAnimationFrame(() => { window.firstFrame = performance.now(); });"


def test_python_is_asked_for_once_painted_without_waiting_for_the_page_script(page: Page, fixture_site):
    """The inline script in <head> starts the worker after the page's first frame, while main.js
    is still held back; main.js later takes that worker over and starts no second one."""
    page.add_init_script(FIRST_FRAME)
    release = hold_page_script(page)
    with page.expect_request("**/pyodide/pyodide.asm.wasm", timeout=PYTHON_READY_MS):
        page.goto(fixture_site.url + LESSON, wait_until="commit")
    unmounted(page, "calm-request")  # the page script has not run, yet Python is downloading
    framed, asked = page.evaluate("""() => [window.firstFrame,
        performance.getEntriesByName('therapon:python-start')[0]?.startTime]""")
    assert framed is not None and asked is not None and framed <= asked
    release()
    box = page.locator('[data-exercise="calm-request"]')
    expect(box).to_have_attribute("data-ready", "")
    box.locator("textarea").fill(GOOD)
    box.get_by_role("button", name="Check", exact=True).click()
    expect(box.locator("[data-feedback]")).to_contain_text("This meets the goal", timeout=PYTHON_READY_MS)
    assert page.evaluate("window.__therapon.starts") == 1


def test_a_worker_started_early_keeps_what_it_says_until_the_page_listens(page: Page, fixture_site):
    """With every page script held back, the early worker starts Python on its own (a first
    visit has no snapshot); what it reports meanwhile waits for the page, which then finds
    Python ready and checks at once."""
    release = hold_page_script(page, "**/assets/therapon/python-early.js*")
    with page.expect_request("**/pyodide/therapon_check-*.whl", timeout=PYTHON_READY_MS):
        page.goto(fixture_site.url + LESSON, wait_until="commit")
    page.wait_for_timeout(4000)  # long enough for Python to start in the worker, unheard
    release()
    box = page.locator('[data-exercise="calm-request"][data-ready]')
    box.locator("textarea").fill(GOOD)
    box.get_by_role("button", name="Check", exact=True).click()
    expect(box.locator("[data-feedback]")).to_contain_text("This meets the goal", timeout=PYTHON_READY_MS)
    assert page.evaluate("window.__therapon.starts") == 1
    assert page.evaluate("window.__therapon.state") == "ready"
