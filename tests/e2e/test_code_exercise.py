"""A learner solves code exercises in headless Chromium, against the real built site."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .helpers import (
    LAB,
    NO_SERVICE_WORKER,
    PYTHON_READY_MS,
    editor_text,
    exercise,
    open_tab_of,
    press,
    solution,
    type_code,
)


def test_solving_an_exercise_marks_it_passed(page: Page, fixture_site, foreign_requests, page_errors):
    page.goto(fixture_site.url + LAB)
    box = exercise(page, "count-wins")
    expect(box).to_have_attribute("data-status", "new")
    type_code(page, "count-wins", solution("count-wins"))
    feedback = press(page, "count-wins", "Check")
    expect(feedback).to_contain_text("All 3 checks pass")
    expect(box).to_have_attribute("data-status", "passed")
    expect(feedback).to_have_attribute("aria-live", "polite")
    assert foreign_requests == [] and page_errors == []


def test_wrong_answer_shows_feedback(page: Page, fixture_site, foreign_requests):
    page.goto(fixture_site.url + LAB)
    feedback = press(page, "count-wins", "Check")
    expect(feedback).to_contain_text("1 of 3 checks pass")
    expect(feedback.locator('li[data-level="tip"]')).to_have_count(2)
    expect(feedback).to_contain_text("Ana won twice and Ben once")
    expect(exercise(page, "count-wins")).to_have_attribute("data-status", "attempted")
    assert foreign_requests == []


def test_reload_keeps_draft_and_status(page: Page, fixture_site):
    page.goto(fixture_site.url + LAB)
    open_tab_of(page, "next-player")
    type_code(page, "next-player", "def next_player(games, players):\n    return 'nobody'\n")
    press(page, "next-player", "Check")
    box = exercise(page, "next-player")
    box.get_by_role("button", name="Hint", exact=True).click()
    expect(box.locator("[data-hints] li").first).to_be_visible()  # shown, and so saved
    page.reload()
    open_tab_of(page, "next-player")
    box = exercise(page, "next-player")
    expect(box).to_have_attribute("data-status", "attempted")
    expect(box).to_have_attribute("data-editor", "ready", timeout=PYTHON_READY_MS)
    assert "return 'nobody'" in editor_text(page, "next-player")
    expect(box.locator("[data-hints] li").first).to_be_visible()
    expect(box.locator("[data-hints] li").nth(1)).to_be_hidden()
    # and solving it after the reload sticks as well
    type_code(page, "next-player", solution("next-player"))
    press(page, "next-player", "Check")
    page.reload()
    expect(exercise(page, "next-player")).to_have_attribute("data-status", "passed")


def test_runaway_loop_is_stopped_and_next_run_works(page: Page, fixture_site):
    page.goto(fixture_site.url + LAB)
    type_code(page, "count-wins", "while True:\n    pass\n")
    feedback = press(page, "count-wins", "Run")
    expect(feedback).to_contain_text("more than 5 seconds, so it was stopped")
    expect(feedback).to_have_attribute("data-result", "timeout")
    type_code(page, "count-wins", "print('back again')\n")
    feedback = press(page, "count-wins", "Run")
    expect(feedback).to_contain_text("Your code ran without errors")
    expect(exercise(page, "count-wins").locator("[data-output]")).to_have_text("back again\n")
    assert page.evaluate("window.__therapon.starts") == 2


def test_learner_errors_use_their_own_line_numbers(page: Page, fixture_site):
    page.goto(fixture_site.url + LAB)
    type_code(page, "count-wins", "x = 1\n\nprint(x / 0)\n")
    feedback = press(page, "count-wins", "Run")
    expect(feedback).to_contain_text("Line 3: ZeroDivisionError")
    output = exercise(page, "count-wins").locator("[data-output]")
    expect(output).to_contain_text("Line 3")
    expect(output).not_to_contain_text("therapon_check")
    type_code(page, "count-wins", "name = input('Who listened? ')\n")
    expect(press(page, "count-wins", "Run")).to_contain_text("input() can't be used")
    type_code(page, "count-wins", "def count_wins(games)\n    return {}\n")
    expect(press(page, "count-wins", "Check")).to_contain_text("could not read line 1")


def test_instant_navigation_keeps_one_python(page: Page, fixture_site, foreign_requests, page_errors):
    # Downloads only: the memory snapshot's maker (a second worker, after the first answer and
    # once the service worker keeps Python) reads Python from the service worker's cache.
    wasm_requests: list[str] = []
    page.on("response", lambda r: wasm_requests.append(r.url)
            if r.url.endswith(".wasm") and not r.from_service_worker else None)
    page.goto(fixture_site.url + LAB)
    press(page, "count-wins", "Check")
    page.get_by_role("link", name="Welcome", exact=True).first.click()
    expect(page.locator("h1")).to_contain_text("Welcome to the fixture course")
    page.locator("article a[href*='lab/01-counting-wins']").first.click()
    expect(exercise(page, "count-wins")).to_be_visible()
    expect(press(page, "count-wins", "Check")).to_contain_text("checks pass")
    assert page.evaluate("window.__therapon.starts") == 1
    assert len(wasm_requests) == 1, wasm_requests
    assert foreign_requests == [] and page_errors == []


def test_hints_solution_and_reset(page: Page, fixture_site):
    page.goto(fixture_site.url + LAB)
    box = exercise(page, "count-wins")
    expect(box.get_by_role("button", name="Show solution")).to_be_hidden()
    press(page, "count-wins", "Check")
    expect(box.get_by_role("button", name="Show solution")).to_be_hidden()
    press(page, "count-wins", "Check")
    box.get_by_role("button", name="Show solution").click()
    expect(box.locator("[data-solution]")).to_contain_text("wins[winner] += 1")
    box.get_by_role("button", name="Hint").click()
    box.get_by_role("button", name="Hint").click()
    expect(box.get_by_role("button", name="Hint")).to_be_hidden()
    type_code(page, "count-wins", "# my own attempt\n")
    box.get_by_role("button", name="Reset").click()
    box.get_by_role("button", name="Cancel").click()
    assert editor_text(page, "count-wins") == "# my own attempt\n"
    box.get_by_role("button", name="Reset").click()
    box.get_by_role("button", name="Yes, reset").click()
    assert editor_text(page, "count-wins").startswith("def count_wins(games):")


@NO_SERVICE_WORKER
def test_loading_progress_is_shown(page: Page, fixture_site):
    page.route("**/pyodide.asm.wasm", lambda route: (page.wait_for_timeout(1500), route.continue_()))
    page.goto(fixture_site.url + LAB)
    box = exercise(page, "count-wins")
    box.get_by_role("button", name="Check").click()
    loading = box.locator("[data-loading]")
    expect(loading).to_be_visible()
    expect(loading).to_contain_text("Python")
    expect(box.locator("[data-feedback]")).to_contain_text("checks pass", timeout=PYTHON_READY_MS)
    expect(loading).to_be_hidden()


def test_page_without_exercises_fetches_no_python(page: Page, fixture_site, foreign_requests, page_errors):
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(fixture_site.url)
    page.wait_for_function("() => window.__therapon?.plan === 'never'")  # nothing will start it
    assert page.evaluate("window.__therapon.starts") == 0
    assert not [url for url in fetched if "/pyodide/" in url or url.endswith("editor.js")]
    assert foreign_requests == [] and page_errors == []


def test_learner_code_cannot_reach_the_page_or_storage(page: Page, fixture_site):
    page.goto(fixture_site.url + LAB)
    type_code(page, "count-wins", "import js\n"
              "print(hasattr(js, 'document'), hasattr(js, 'localStorage'))\n")
    expect(press(page, "count-wins", "Run")).to_contain_text("can't reach the web page")


def test_runaway_memory_and_recursion_get_plain_messages(page: Page, fixture_site):
    page.goto(fixture_site.url + LAB)
    type_code(page, "count-wins", 's = "x" * 10**10\n')
    expect(press(page, "count-wins", "Run")).to_contain_text("too big to work with")
    type_code(page, "count-wins", "def f(n):\n    return f(n + 1)\n\nf(0)\n")
    expect(press(page, "count-wins", "Run")).to_contain_text("keeps calling itself")
    type_code(page, "count-wins", "print('still fine')\n")
    press(page, "count-wins", "Run")
    expect(exercise(page, "count-wins").locator("[data-output]")).to_have_text("still fine\n")


def test_every_page_stays_on_its_own_host(page: Page, fixture_site, foreign_requests, page_errors):
    sitemap = page.request.get(fixture_site.url + "sitemap.xml").text()
    urls = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(urls) >= 2 and all(url.startswith(fixture_site.url) for url in urls)
    for url in urls + [fixture_site.url + "404.html"]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    assert foreign_requests == [] and page_errors == []


def test_keyboard_only_path_through_an_exercise(page: Page, fixture_site):
    page.goto(fixture_site.url + LAB)
    box = exercise(page, "count-wins")
    expect(box).to_have_attribute("data-editor", "ready", timeout=PYTHON_READY_MS)
    box.locator(".cm-content").focus()
    page.keyboard.press("Control+End")
    page.keyboard.press("Tab")  # Tab indents inside the editor...
    page.keyboard.type("# typed with the keyboard")
    assert "    # typed with the keyboard" in editor_text(page, "count-wins")
    page.keyboard.press("Escape")  # ...and Esc, Tab leaves it
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Run"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    expect(box.locator("[data-feedback]")).to_contain_text("checks pass", timeout=PYTHON_READY_MS)


@NO_SERVICE_WORKER
def test_the_code_editor_waits_for_python_unless_the_learner_reaches_for_the_box(page: Page, fixture_site):
    """The editor's 370 KB are parsed on the page's thread: not while Python starts cold, but at
    once when the learner starts typing, who keeps the caret and what they typed."""
    held: list = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))  # Python stays starting
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(fixture_site.url + LAB)
    box = exercise(page, "count-wins")
    expect(box).to_have_attribute("data-ready", "")
    page.wait_for_timeout(500)
    assert not box.get_attribute("data-editor") and not any(u.endswith("/editor.js") for u in asked)
    plain = box.locator("textarea")
    plain.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("# one")
    expect(box).to_have_attribute("data-editor", "ready")
    page.keyboard.type(" and two")
    assert editor_text(page, "count-wins").rstrip().endswith("# one and two")
    for route in held:
        route.abort()


@NO_SERVICE_WORKER
def test_python_that_cannot_load_says_so_and_keeps_the_work(page: Page, fixture_site, page_errors):
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(fixture_site.url + LAB)
    type_code(page, "count-wins", "# my work\n")
    feedback = press(page, "count-wins", "Check")
    expect(feedback).to_contain_text("Python could not be loaded")
    expect(exercise(page, "count-wins").locator("[data-loading]")).to_contain_text(
        "Python could not be loaded")
    page.reload()
    assert editor_text(page, "count-wins") == "# my work\n"


@NO_SERVICE_WORKER
def test_a_checking_wheel_that_does_not_match_the_lock_file_is_refused(page: Page, fixture_site, page_errors):
    """The worker installs our wheel only if its sha256 is the one in pyodide-lock.json."""
    real = next((fixture_site.directory / "pyodide").glob("therapon_check-*.whl")).read_bytes()
    page.route("**/therapon_check-*.whl", lambda route: route.fulfill(
        status=200, body=real.replace(b"check", b"cheat", 1), content_type="application/octet-stream"))
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(fixture_site.url + LAB)
    feedback = press(page, "count-wins", "Check")
    expect(feedback).to_contain_text("Python could not be loaded")
    assert any("is not the wheel pyodide-lock.json lists" in text for text in console), console
