"""Learner faults, one at a time, in the real site: each must end in a plain message in the
exercise's feedback (an aria-live region), a page that still works (the next Check runs and
the solution passes), and saved progress that is correctly updated, never wiped: other
exercises' saved work is seeded first and must come through byte for byte."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from support.subpath_server import SiteServer

from .helpers import LAB, LESSON, PYTHON_READY_MS, exercise, open_settled, press, select_all_code, solution

PREFIX = "therapon:engine-fixture:"
KEY = PREFIX + "profile:me:exercise:"
CODE = "count-wins"
TEXT = "calm-request"
REFLECTION = "own-notes"
WATCHDOG = "more than 5 seconds, so it was stopped"
# Other saved work, seeded before every fault: a fault must never change a byte of it.
SEEDED = {
    PREFIX + "schema": "2",
    PREFIX + "profiles": json.dumps({"active": "me", "list": [{"id": "me", "name": "Me"}]}),
    PREFIX + "turns": "[]",
    KEY + "next-player": json.dumps({"status": "passed", "attempts": 3, "hintsShown": 1,
                                    "draft": "def next_player(games, players):\n    return 'Sam'\n",
                                    "updatedAt": 1_700_000_000_000}),
    KEY + "best-reply": json.dumps({"status": "passed", "attempts": 1, "hintsShown": 0,
                                            "draft": '["names-feeling"]', "updatedAt": 1_700_000_000_001}),
    KEY + "first-practice": json.dumps({"status": "attempted", "attempts": 0, "hintsShown": 0,
                                    "draft": "Wir haben geredet. 💬 Ça va mieux.",
                                    "updatedAt": 1_700_000_000_002}),
}
# What a learner must never see in feedback: the checker's or Pyodide's insides.
INTERNALS = ("therapon_check", "Traceback", 'File "', "pyodide.asm", "/lib/python", "PythonError",
             "JsException", "undefined")


# --- what a learner does --------------------------------------------------------------------

def open_with_saved_work(page: Page, fixture_site: SiteServer, path: str) -> dict[str, str]:
    """Open a page with other exercises' work already saved; returns everything stored."""
    open_settled(page, fixture_site.url + path)
    page.evaluate("items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }",
                  SEEDED)
    page.reload()
    expect(page.locator("[data-exercise][data-ready]").first).to_be_attached()
    return stored(page)


def stored(page: Page) -> dict[str, str]:
    return page.evaluate("""() => Object.fromEntries(Object.keys(localStorage)
        .filter((k) => k.startsWith("therapon:")).map((k) => [k, localStorage.getItem(k)]))""")


def record(page: Page, exercise_id: str) -> dict:
    return json.loads(stored(page)[KEY + exercise_id])


def assert_other_work_untouched(before: dict[str, str], after: dict[str, str], own: str) -> None:
    for key, value in before.items():
        if key != KEY + own:
            assert after.get(key) == value, f"{key} changed"
    assert not [key for key in after if key.startswith(PREFIX + "corrupt:")]


def wait_for_saved_draft(page: Page, exercise_id: str, length: int) -> None:
    """Drafts save a moment after typing stops; wait until one of this length is stored."""
    page.wait_for_function("([key, length]) => JSON.parse(localStorage.getItem(key) || 'null')"
                           "?.words?.draft?.length === length", arg=[KEY + exercise_id, length])


def paste_code(page: Page, exercise_id: str, code: str) -> None:
    """Replace the editor's text as a paste does: exactly these characters, no auto-indent."""
    content = select_all_code(page, exercise_id)
    content.evaluate("""(el, text) => {
        const data = new DataTransfer();
        data.setData("text/plain", text);
        el.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
    }""", code)


def check_button(box: Locator) -> Locator:
    return box.get_by_role("button", name="Check", exact=True)


def assert_plain_and_announced(feedback: Locator) -> None:
    expect(feedback).to_have_attribute("aria-live", "polite")
    text = feedback.inner_text()
    assert text.strip(), "the feedback is empty"
    for internal in INTERNALS:
        assert internal not in text, f"{internal!r} shown to the learner: {text}"


def assert_responsive(page: Page) -> None:
    """The page still answers: it draws a new frame. How fast belongs in `make bench`; a page
    whose main thread is stuck fails here when the wait runs out."""
    page.wait_for_function("""() => { window.__frameDrawn = false;
        requestAnimationFrame(() => { window.__frameDrawn = true; }); return true; }""")
    page.wait_for_function("() => window.__frameDrawn === true")


# --- code exercise: one row per fault (code, what the feedback must say, what the output shows)

LIMIT_NOTE = "output cut off after 20,000 characters"
WEIRD_EQ = '''class Tally(dict):
    def __eq__(self, other):
        raise RuntimeError("I can't be compared")


def count_wins(games):
    wins = Tally()
    for winner, loser in games:
        wins.setdefault(winner, 0)
        wins.setdefault(loser, 0)
        wins[winner] += 1
    return wins
'''

CODE_FAULTS = [
    # 1. code that never ends: the watchdog stops it and a fresh Python takes over
    pytest.param("while True:\n    pass\n", WATCHDOG, "", id="infinite-loop"),
    pytest.param("import time\n\ntime.sleep(100)\n", WATCHDOG, "", id="sleep-100-seconds"),
    # 2. runaway memory
    pytest.param("x = [0] * 10**10\n", "too big to work with here", "", id="list-too-big"),
    pytest.param("data = bytearray(2**31 - 1)\n", "more memory than the browser can give it", "",
                 id="one-huge-allocation"),
    pytest.param("chunks = []\nwhile True:\n    chunks.append(bytearray(10**9))\n",
                 re.compile(r"more memory than the browser can give it|" + WATCHDOG), "",
                 id="memory-grows-in-a-loop"),
    # 3. deep recursion, also with the limit raised so far that Python's own stack runs out
    pytest.param("def count_wins(games):\n    return count_wins(games)\n\n\ncount_wins([])\n",
                 "keeps calling itself and never stops", "[the line above repeated", id="deep-recursion"),
    pytest.param("import sys\nsys.setrecursionlimit(10**6)\n\n\ndef f(n):\n    return f(n + 1)\n\n\nf(0)\n",
                 re.compile(WATCHDOG + "|Python stopped unexpectedly"), "", id="recursion-limit-raised"),
    # 4. huge output: cut, with a note in the output and a sentence in the feedback
    pytest.param('print("x" * 10_000_000)\n', "Your code printed a lot", LIMIT_NOTE, id="one-huge-line"),
    pytest.param("for i in range(200_000):\n    print(i)\n", "Your code printed a lot", LIMIT_NOTE,
                 id="a-million-lines"),
    # 5. asking for input
    pytest.param('name = input("Who won? ")\n', "input() can't be used in these exercises", "",
                 id="input"),
    pytest.param("import sys\n\nanswer = sys.stdin.readline()\n", "input() can't be used", "",
                 id="stdin-readline"),
    # 6. ending the program
    pytest.param("import sys\n\nsys.exit()\n", "called exit() or sys.exit()", "", id="sys-exit"),
    pytest.param("exit()\n", "called exit() or sys.exit()", "", id="exit"),
    pytest.param("raise SystemExit(1)\n", "called exit() or sys.exit()", "", id="raise-systemexit"),
    pytest.param("import os\n\nos._exit(0)\n", "called exit() or sys.exit()", "", id="os-exit"),
    pytest.param("import os\n\nos.abort()\n", "Python stopped unexpectedly", "", id="os-abort-crash"),
    # 7. reaching for the page or the browser
    pytest.param("import js\n\njs.document.body.remove()\n", "can't reach the web page or the browser",
                 "", id="import-js-document"),
    pytest.param("from js import localStorage\n\nlocalStorage.clear()\n",
                 "can't reach the web page or the browser", "", id="js-localstorage"),
    pytest.param("import js\n\njs.caches.delete('therapon')\n", "can't reach the web page or the browser",
                 "", id="js-caches"),
    pytest.param("from pyodide.ffi import to_js\n", '"import pyodide" is switched off', "",
                 id="pyodide-ffi"),
    pytest.param("import pyodide_js\n", '"import pyodide_js" is switched off', "", id="pyodide-js"),
    # 8. syntax errors, in the learner's own line numbers
    pytest.param("def count_wins(games)\n    return {}\n", "Python could not read line 1", "",
                 id="syntax-error-line-1"),
    pytest.param("x = 1\n\nif x > 0\n    print(x)\n", "Python could not read line 3: expected ':'", "",
                 id="syntax-error-line-3"),
    pytest.param("def count_wins(games):\n\u00a0   return {}\n", "non-breaking space", "",
                 id="pasted-non-breaking-space"),
    # 9. a check meets a value it cannot handle
    pytest.param(WEIRD_EQ, "This check could not finish, because your code stopped with an error", "",
                 id="value-whose-eq-raises"),
    pytest.param("class Odd(Exception):\n    def __str__(self):\n        raise ValueError('no')\n\n\n"
                 "raise Odd()\n", "Your code stopped with an error, so the checks could not run. Line 6: Odd",
                 "", id="exception-whose-message-fails"),
    pytest.param("class Stop(BaseException):\n    pass\n\n\nraise Stop()\n", "Line 5: Stop", "",
                 id="base-exception"),
    # … and code that damages the Python everyone shares
    pytest.param("import builtins\n\ndel builtins.print, builtins.isinstance, builtins.len\n",
                 "Define a function called count_wins", "", id="deletes-builtins"),
    pytest.param("import json\n\njson.dumps = None\n", "Define a function called count_wins", "",
                 id="replaces-json-dumps"),
]


@pytest.mark.parametrize(("code", "message", "output"), CODE_FAULTS)
def test_code_fault_gets_a_plain_message_and_the_page_recovers(
        page: Page, fixture_site: SiteServer, page_errors: list[str], foreign_requests: list[str],
        code: str, message: str | re.Pattern[str], output: str) -> None:
    before = open_with_saved_work(page, fixture_site, LAB)
    box = exercise(page, CODE)
    paste_code(page, CODE, code)
    feedback = press(page, CODE, "Check")
    expect(feedback).to_contain_text(message)
    expect(feedback).not_to_have_attribute("data-result", "pass")
    assert_plain_and_announced(feedback)
    if output:
        expect(box.locator("[data-output]")).to_contain_text(output)
    expect(check_button(box)).to_be_enabled()
    assert_responsive(page)
    saved = record(page, CODE)
    assert (saved["status"], saved["attempts"], saved["words"]["draft"]) == ("attempted", 1, code)
    assert_other_work_untouched(before, stored(page), CODE)

    # The page still works: the solution passes, in a Python that is whole again.
    paste_code(page, CODE, solution(CODE))
    expect(press(page, CODE, "Check")).to_contain_text("All 3 checks pass", timeout=PYTHON_READY_MS)
    saved = record(page, CODE)
    assert (saved["status"], saved["attempts"], saved["words"]["draft"]) == ("passed", 2, solution(CODE))
    assert_other_work_untouched(before, stored(page), CODE)
    assert page_errors == [] and foreign_requests == []


def test_watchdog_restarts_python_and_run_works_next(page: Page, fixture_site: SiteServer,
                                                     page_errors: list[str]):
    open_with_saved_work(page, fixture_site, LAB)
    paste_code(page, CODE, "while True:\n    pass\n")
    expect(press(page, CODE, "Run")).to_contain_text(WATCHDOG)
    starts = page.evaluate("window.__therapon.starts")
    paste_code(page, CODE, "print('back again')\n")
    expect(press(page, CODE, "Run")).to_contain_text("Your code ran without errors")
    expect(exercise(page, CODE).locator("[data-output]")).to_have_text("back again\n")
    assert page.evaluate("window.__therapon.starts") == starts >= 2
    assert record(page, CODE)["attempts"] == 0  # Run is not a Check
    assert page_errors == []


def test_code_that_reaches_javascript_anyway_finds_no_storage_or_network(
        page: Page, fixture_site: SiteServer, page_errors: list[str], foreign_requests: list[str]):
    """`import js` is refused; a determined detour through importlib gets the worker's global,
    where storage, the network and new workers were removed once Python was up."""
    before = open_with_saved_work(page, fixture_site, LAB)
    code = ("import importlib\n\njs = importlib.import_module('js')\n"
            "print([hasattr(js, name) for name in ('indexedDB', 'caches', 'fetch', 'XMLHttpRequest',"
            " 'WebSocket', 'Worker', 'importScripts', 'close')], hasattr(js.navigator, 'storage'))\n")
    paste_code(page, CODE, code)
    press(page, CODE, "Run")
    expect(exercise(page, CODE).locator("[data-output]")).to_have_text(f"{[False] * 8} False\n")
    assert record(page, CODE)["words"]["draft"] == code
    assert_other_work_untouched(before, stored(page), CODE)
    assert page_errors == [] and foreign_requests == []


def test_code_too_long_to_save_keeps_the_saved_draft_and_says_so(
        page: Page, fixture_site: SiteServer, page_errors: list[str]):
    before = open_with_saved_work(page, fixture_site, LAB)
    paste_code(page, CODE, solution(CODE))
    wait_for_saved_draft(page, CODE, len(solution(CODE)))
    paste_code(page, CODE, "# a note to myself\n" * 11_000)  # 209,000 characters
    feedback = exercise(page, CODE).locator("[data-feedback]")
    expect(feedback).to_contain_text("longer than 200,000 characters, so this device can't save it")
    assert_plain_and_announced(feedback)
    assert_responsive(page)
    assert record(page, CODE)["words"]["draft"] == solution(CODE)
    assert_other_work_untouched(before, stored(page), CODE)
    assert page_errors == []


# --- written practice and reflections -------------------------------------------------------

def check_text(page: Page, text: str) -> Locator:
    box = exercise(page, TEXT)
    box.get_by_label("Your rephrased sentence").fill(text)
    check_button(box).click()
    expect(box).not_to_have_attribute("aria-busy", "", timeout=PYTHON_READY_MS)
    return box.locator("[data-feedback]")


@pytest.mark.parametrize("answer", [
    "I feel 😢 when you’re late — ça va?",
    "I feel lonely when you’re late for dinner 🍝, because I need connection. Ça compte pour moi — 💛",
    "Ich fühle mich einsam 😔 when you look at your phone, because I need connection. 日本語も。",
], ids=["emoji-question", "emoji-meets-goal", "mixed-scripts"])
def test_non_ascii_answer_is_checked_and_its_draft_round_trips(
        page: Page, fixture_site: SiteServer, page_errors: list[str], answer: str):
    before = open_with_saved_work(page, fixture_site, LESSON)
    feedback = check_text(page, answer)
    expect(feedback).to_contain_text(re.compile("This meets the goal|Not quite there yet"))
    expect(feedback.locator("li").first).to_be_visible()
    assert_plain_and_announced(feedback)
    saved = record(page, TEXT)
    assert (saved["words"]["draft"], saved["attempts"]) == (answer, 1)
    page.reload()
    expect(exercise(page, TEXT).get_by_label("Your rephrased sentence")).to_have_value(answer)
    assert record(page, TEXT)["words"]["draft"] == answer
    assert_other_work_untouched(before, stored(page), TEXT)
    assert page_errors == []


def test_a_pasted_100_kb_answer_is_saved_and_politely_not_checked(
        page: Page, fixture_site: SiteServer, page_errors: list[str]):
    before = open_with_saved_work(page, fixture_site, LESSON)
    box = exercise(page, TEXT)
    huge = ("I feel lonely when you look at your phone, because I need connection. " * 1_500)[:100_000]
    feedback = check_text(page, huge)
    expect(feedback).to_contain_text("Your answer is 100,000 characters long")
    expect(feedback).to_contain_text("shorten it to 5,000 characters or fewer")
    assert_plain_and_announced(feedback)
    assert_responsive(page)
    saved = record(page, TEXT)
    assert (saved["words"]["draft"], saved["attempts"], saved["status"]) == (huge, 0, "new")
    page.reload()
    expect(box.get_by_label("Your rephrased sentence")).to_have_value(huge)
    # …and a shorter answer is checked at once
    good = "I feel lonely when you look at your phone while I'm talking, because I need connection."
    expect(check_text(page, good)).to_contain_text("This meets the goal")
    saved = record(page, TEXT)
    assert (saved["words"]["draft"], saved["attempts"], saved["status"]) == (good, 1, "passed")
    assert_other_work_untouched(before, stored(page), TEXT)
    assert page_errors == []


def test_a_pasted_100_kb_reflection_is_saved_and_counts(page: Page, fixture_site: SiteServer,
                                                        page_errors: list[str]):
    before = open_with_saved_work(page, fixture_site, LESSON)
    box = exercise(page, REFLECTION)
    entry = box.get_by_label("Your reflection")
    huge = ("Listening is easier for me when we sit down together. " * 2_000)[:100_000]
    entry.fill(huge)
    expect(box.locator("[data-word-count]")).to_contain_text("words")
    box.get_by_role("button", name="Mark as done").click()  # the one rule: enough words, then this
    expect(box).to_have_attribute("data-status", "passed")
    assert_responsive(page)
    wait_for_saved_draft(page, REFLECTION, len(huge))
    assert record(page, REFLECTION)["words"]["draft"] == huge
    page.reload()
    expect(exercise(page, REFLECTION).get_by_label("Your reflection")).to_have_value(huge)
    assert_other_work_untouched(before, stored(page), REFLECTION)
    assert page_errors == []


@pytest.mark.parametrize(("exercise_id", "label"), [
    (REFLECTION, "Your reflection"),
    (TEXT, "Your rephrased sentence"),
], ids=["reflection", "text"])
def test_text_too_long_to_save_stops_at_the_limit_and_says_so(
        page: Page, fixture_site: SiteServer, page_errors: list[str], exercise_id: str, label: str):
    """A draft past 200,000 characters could not be read back (it would be set aside as
    unreadable, status and all), so the box stops there and says so."""
    before = open_with_saved_work(page, fixture_site, LESSON)
    box = exercise(page, exercise_id)
    too_long = "I feel calm. " * 20_000  # 260,000 characters
    box.get_by_label(label).fill(too_long)
    expect(box.locator("[data-feedback]")).to_contain_text("This box holds up to 200,000 characters")
    assert_plain_and_announced(box.locator("[data-feedback]"))
    wait_for_saved_draft(page, exercise_id, 200_000)
    page.reload()
    expect(page.locator("[data-therapon-notices]")).to_have_count(0)
    expect(exercise(page, exercise_id).get_by_label(label)).to_have_value(too_long[:200_000])
    assert_other_work_untouched(before, stored(page), exercise_id)
    assert page_errors == []


# --- many clicks at once --------------------------------------------------------------------

COUNT_CHECKS = """() => {
    window.__checksSent = 0;
    const send = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
        if (message?.type === "check" || message?.type === "text") window.__checksSent += 1;
        return send.call(this, message, ...rest);
    };
}"""


def test_ten_quick_clicks_on_check_run_one_check(page: Page, fixture_site: SiteServer,
                                                 page_errors: list[str]):
    page.add_init_script(f"({COUNT_CHECKS})()")
    before = open_with_saved_work(page, fixture_site, LAB)
    box = exercise(page, CODE)
    paste_code(page, CODE, "import time\n\ntime.sleep(2)\n\n\ndef count_wins(games):\n    return {}\n")
    button = check_button(box)
    button.evaluate("button => { for (let i = 0; i < 10; i++) button.click(); }")
    expect(box).to_have_attribute("aria-busy", "")
    expect(button).to_be_disabled()
    for _ in range(10):  # real mouse clicks while it runs reach a disabled button
        button.click(force=True, no_wait_after=True, timeout=2_000)
    feedback = box.locator("[data-feedback]")
    expect(box).not_to_have_attribute("aria-busy", "", timeout=PYTHON_READY_MS)
    expect(feedback).to_contain_text("1 of 3 checks pass")
    expect(feedback.locator("ul.therapon-items")).to_have_count(1)
    expect(button).to_be_enabled()
    assert page.evaluate("window.__checksSent") == 1
    assert record(page, CODE)["attempts"] == 1
    # and after it, one more Check counts once more
    press(page, CODE, "Check")
    assert page.evaluate("window.__checksSent") == 2 and record(page, CODE)["attempts"] == 2
    assert_other_work_untouched(before, stored(page), CODE)
    assert page_errors == []


def test_ten_quick_clicks_on_a_text_check_run_one_check(page: Page, fixture_site: SiteServer,
                                                        page_errors: list[str]):
    page.add_init_script(f"({COUNT_CHECKS})()")
    before = open_with_saved_work(page, fixture_site, LESSON)
    box = exercise(page, TEXT)
    box.get_by_label("Your rephrased sentence").fill("You never listen to me!")
    check_button(box).evaluate("button => { for (let i = 0; i < 10; i++) button.click(); }")
    expect(box).not_to_have_attribute("aria-busy", "", timeout=PYTHON_READY_MS)
    expect(box.locator("[data-feedback]")).to_contain_text("Not quite there yet")
    assert page.evaluate("window.__checksSent") == 1
    assert record(page, TEXT)["attempts"] == 1
    assert_other_work_untouched(before, stored(page), TEXT)
    assert page_errors == []
