"""Accessibility: axe-core (WCAG 2.2 A and AA) on every page in both palettes, where focus goes
after Check, reduced motion, and the kinds the other tests do not yet do by keyboard alone.

axe-core comes from npm (a pinned devDependency, node_modules/axe-core) and is read from that
file, so no request leaves the site's own host."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from conftest import ROOT
from support.subpath_server import SiteServer
from therapon.pages import NEUTRAL_PAGE

from .helpers import LAB, LESSON, PYTHON_READY_MS, exercise, nav_pages, solution, type_code

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PALETTES = ("default", "slate")  # Material's light and dark schemes, as in mkdocs.yml
PREFIX = "therapon:engine-fixture:"
DAY_MS = 24 * 60 * 60 * 1000
BLAME = "You never answer my messages! You're always busy."
# Parts of the page axe leaves out, each with its reason. Empty: every violation axe found was
# fixed in overrides/ (our markup and CSS, or a CSS or template override of Material's).
EXCLUDE: list[str] = []


# --- helpers, also used by test_mobile.py -----------------------------------------------------

def site_pages(fixture_site: SiteServer) -> list[str]:
    """Every page of the built site (not Pyodide's or Material's files), as URLs. The quick
    exit's plain page, with no theme and no script, has a test of its own below."""
    pages = []
    for path in sorted(fixture_site.directory.rglob("*.html")):
        relative = path.relative_to(fixture_site.directory)
        if relative.parts[0] in ("pyodide", "assets") or relative.as_posix() == NEUTRAL_PAGE + "index.html":
            continue
        pages.append(fixture_site.url + relative.as_posix().removesuffix("index.html"))
    return pages


def seeded_progress() -> dict[str, str]:
    """Two partners with some progress and turns, so every part our scripts draw is on the
    page: the header switcher and count, the ✓ in the navigation, explanations under a checked
    choice, a shown hint, the dashboard's bars, its imbalance note and the turns chart."""
    now = int(time.time() * 1000)

    def record(status: str, draft: str | None = None, attempts: int = 1, hints: int = 0) -> str:
        return json.dumps({"status": status, "attempts": attempts, "hintsShown": hints,
                           "words": {"draft": draft}, "updatedAt": now})

    records = {
        "best-reply": record("passed", json.dumps(["names-feeling"])),
        "calm-request": record("passed", "I feel lonely when you look at your phone."),
        "first-practice": record("passed", "We took turns.", 0),
        "agree-together": record("passed", "Our aim: to feel like a team again.", 0),
        "own-notes": record("passed", "The sofa.", 0),
        "close-the-talk": record("attempted", json.dumps([]), 2, 1),
        "first-reflect-back": record("attempted", "You always do this.", 1, 1),
        "count-wins": record("attempted", None, 1, 1),
    }
    turns = [{"exercise": "first-practice", "listener": listener, "speaker": speaker,
              "at": now - days * DAY_MS}
             for listener, speaker, days in [("me", "p-alex", 1), ("me", "p-alex", 3), ("me", "p-alex", 9),
                                             ("me", "p-alex", 20), ("p-alex", "me", 30)]]
    data = {
        "schema": "4",  # today's shape: migrations have tests of their own (test_stored_progress)
        "welcome": json.dumps({"answer": "two", "at": now}),
        "profiles": json.dumps({"active": "me", "list": [{"id": "me", "name": "Sam"},
                                                         {"id": "p-alex", "name": "Alex"}]}),
        "turns": json.dumps(turns),
        **{f"profile:me:exercise:{key}": value for key, value in records.items()},
    }
    return {PREFIX + key: value for key, value in data.items()}


def seed(page: Page, fixture_site: SiteServer, items: dict[str, str]) -> None:
    page.goto(fixture_site.url + "404.html")
    page.evaluate("items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }",
                  items)


def settle(page: Page) -> None:
    """Wait until our scripts have drawn everything they draw on this page: every exercise
    mounted (and its code editor loaded), the progress page's parts, the header count."""
    expect(page.locator("[data-therapon-header-progress]")).to_be_attached()
    page.wait_for_function("""() => {
        const all = (s) => Array.from(document.querySelectorAll(s));
        const parts = ["[data-therapon-dashboard]", "[data-therapon-profiles]", "[data-therapon-data]"];
        return all("[data-exercise]").every((el) => el.hasAttribute("data-ready"))
            && all("[data-exercise][data-kind='code']").every((el) => el.dataset.editor)
            && parts.every((s) => all(s).every((el) => el.hasAttribute("data-ready")));
    }""", timeout=PYTHON_READY_MS)  # the code editor comes once Python is up


def set_palette(page: Page, scheme: str) -> None:
    """Switch with Material's own toggle, as a learner would; Material remembers the choice.
    The toggle goes round: the device's setting, light, dark."""
    body = page.locator("body")
    for _ in range(len(PALETTES) + 1):
        if body.get_attribute("data-md-color-scheme") == scheme:
            break
        current = page.locator("form[data-md-component='palette'] label:visible").first
        name = current.get_attribute("title")
        current.click()
        expect(page.locator("form[data-md-component='palette'] label:visible").first).not_to_have_attribute(
            "title", name or "")
    expect(body).to_have_attribute("data-md-color-scheme", scheme)


def own_host_only(page: Page, fixture_site: SiteServer) -> list[str]:
    """Collect every request to another host (each test asserts the list stays empty)."""
    own = fixture_site.url.split("/therapon/")[0] + "/"
    foreign: list[str] = []
    page.on("request", lambda r: None if r.url.startswith((own, "data:", "blob:")) else foreign.append(r.url))
    return foreign


def without_transitions(page: Page) -> None:
    """Show each state's own colours at once, not a frame of a colour or fade transition
    (Material's header title fades when the page scrolls). A constructed sheet: the site's
    policy allows no <style>."""
    page.evaluate("""() => { const sheet = new CSSStyleSheet();
        sheet.replaceSync("*, *::before, *::after { transition: none !important; }");
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""")


def axe(page: Page, include: str = "html") -> list[dict]:
    """Run axe on the page (or one part of it) and return its violations, once every
    transition has ended."""
    without_transitions(page)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Run through the browser's DevTools protocol, as page.evaluate does, not as an inline
        # <script> (add_script_tag): the site's Content-Security-Policy rightly refuses inline
        # scripts, and the pages are tested under the policy they ship with.
        page.evaluate(f"() => {{ {AXE.read_text(encoding='utf-8')}\n}}")
    context = {"include": [[include]], "exclude": [[selector] for selector in EXCLUDE]}
    return page.evaluate("""async ([context, tags]) => {
        const options = { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] };
        const result = await axe.run(context, options);
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html.slice(0, 200),
                                         summary: n.failureSummary })) }));
    }""", [context, WCAG_TAGS])


def report(where: str, violations: list[dict]) -> list[str]:
    """One entry per element: rule id, impact, target selector, page, and axe's advice."""
    return [f"{v['id']} ({v['impact']}) at {node['target']}\n    on {where}\n    {v['help']}\n    "
            + (node["summary"] or "").replace("\n", "\n    ")
            for v in violations for node in v["nodes"]]


def fail_with(problems: list[str], output_path: str) -> None:
    if problems:
        Path(output_path).mkdir(parents=True, exist_ok=True)
        Path(output_path, "axe-violations.txt").write_text("\n\n".join(problems), encoding="utf-8")
    assert not problems, f"{len(problems)} accessibility violations:\n\n" + "\n\n".join(problems[:60])


@pytest.fixture
def palettes(browser: Browser) -> Iterator[dict[str, BrowserContext]]:
    """One browser context per palette; the system preference is light, and the test switches
    to dark with Material's toggle."""
    contexts = {scheme: browser.new_context(color_scheme="light") for scheme in PALETTES}
    yield contexts
    for context in contexts.values():
        context.close()


# --- axe on every page ------------------------------------------------------------------------

def axe_every_page(palettes: dict[str, BrowserContext], site: SiteServer, pages: list[str],
                   progress: dict[str, str]) -> list[str]:
    """axe's findings on each page, in each palette, with `progress` seeded first; no request
    may leave the site's host and no script may fail meanwhile."""
    problems: list[str] = []
    for scheme, context in palettes.items():
        page = context.new_page()
        foreign = own_host_only(page, site)
        errors: list[str] = []
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        seed(page, site, progress)
        for url in pages:
            page.goto(url)
            set_palette(page, scheme)
            settle(page)
            if url.endswith("/progress/"):  # the seeded turns draw the chart
                expect(page.locator("[data-turns-chart] svg rect").first).to_be_attached()
            problems += report(f"{url} ({scheme})", axe(page))
        page.close()
        assert foreign == [] and errors == []
    return problems


def test_axe_finds_no_wcag_violation_on_any_page_in_either_palette(
        palettes: dict[str, BrowserContext], fixture_site: SiteServer, output_path: str) -> None:
    assert AXE.exists(), "axe-core is missing: run `npm ci`"
    pages = site_pages(fixture_site)
    assert len(pages) == nav_pages() + 1 and fixture_site.url + "progress/" in pages  # and 404.html
    fail_with(axe_every_page(palettes, fixture_site, pages, seeded_progress()), output_path)


# --- buttons in every state axe cannot see ---------------------------------------------------------

CONTRAST = """(el) => {
    // "rgb(r, g, b)", or "color(srgb r g b)" (0 to 1) for a color-mix()
    const scale = (c) => (c.startsWith("color(") ? 255 : 1);
    const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map((v) => Number(v) * scale(c));
    const linear = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    const lum = ([r, g, b]) => [r, g, b].map(linear)
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    let back = el, bg = "rgba(0, 0, 0, 0)";
    while (back && (bg = getComputedStyle(back).backgroundColor).endsWith(", 0)")) back = back.parentElement;
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(bg))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def test_buttons_keep_their_contrast_when_hovered_clicked_and_focused(
        palettes: dict[str, BrowserContext], fixture_site: SiteServer) -> None:
    """axe reads buttons at rest; a learner also sees them under the pointer, just clicked
    (focused, with no ring) and reached by Tab. Every state keeps text at 4.5:1 or more.
    A choice's Check (primary) and Export (outlined) keep the focus once clicked."""
    for scheme, context in palettes.items():
        page = context.new_page()
        for path, name in ((LESSON, "Check"), ("progress/", "Export my progress")):
            page.goto(fixture_site.url + path)
            set_palette(page, scheme)
            settle(page)
            without_transitions(page)
            if name == "Check":  # a choice's: it answers at once and keeps the focus
                choice = page.locator('[data-kind="choice"][data-ready]').first
                choice.locator("input").first.check(force=True)
                button = choice.get_by_role("button", name=name, exact=True)
            else:
                button = page.get_by_role("button", name=name, exact=True)
            button.scroll_into_view_if_needed()
            states = {}
            page.mouse.move(0, 0)
            states["at rest"] = button.evaluate(CONTRAST)
            button.hover()
            states["hovered"] = button.evaluate(CONTRAST)
            if name == "Check":
                button.click()
            else:
                with page.expect_download():
                    button.click()
            button.hover()  # the answer may have moved the button from under the pointer
            assert button.evaluate("el => el.matches(':focus:hover:not(:focus-visible)')"), name
            states["clicked, still under the pointer"] = button.evaluate(CONTRAST)
            page.mouse.move(0, 0)
            states["clicked, pointer gone"] = button.evaluate(CONTRAST)
            page.keyboard.press("Shift+Tab")
            page.keyboard.press("Tab")
            assert button.evaluate("el => el.matches(':focus-visible')"), name
            states["reached by Tab"] = button.evaluate(CONTRAST)
            low = {state: round(ratio, 2) for state, ratio in states.items() if ratio < 4.5}
            assert low == {}, f"{name} in {scheme}: {low}"
        page.close()


def test_the_header_progress_badge_keeps_its_contrast_under_the_pointer(
        palettes: dict[str, BrowserContext], fixture_site: SiteServer) -> None:
    """A pointer left resting on the header's "3/5" badge (where the last click was) must not
    fade it below 4.5:1: axe once caught it at 4.28 on a page where the pointer happened to be."""
    for scheme, context in palettes.items():
        page = context.new_page()
        page.goto(fixture_site.url + LESSON)
        set_palette(page, scheme)
        settle(page)
        badge = page.locator(".therapon-header-progress").first
        badge.hover()
        assert badge.evaluate("el => el.matches(':hover')")
        assert report(f"the hovered badge ({scheme})", axe(page, ".therapon-header-progress")) == []
        page.close()


# --- focus and announcements after Check -------------------------------------------------------

def press_check_with_keyboard(page: Page, box: Locator) -> Locator:
    check = box.get_by_role("button", name="Check", exact=True)
    check.focus()
    page.keyboard.press("Enter")
    return check


def expect_result_announced_and_focus_kept(page: Page, box: Locator, check: Locator) -> None:
    """The result is in the feedback, a polite live region that does not take focus (WCAG
    4.1.3), and keyboard focus is still on Check, ready to try again or Tab on."""
    expect(box).not_to_have_attribute("aria-busy", "", timeout=PYTHON_READY_MS)
    feedback = box.locator("[data-feedback]")
    expect(feedback).not_to_be_empty()
    expect(feedback).to_have_attribute("role", "status")
    expect(feedback).to_have_attribute("aria-live", "polite")
    expect(check).to_be_focused()
    assert page.evaluate("document.activeElement.dataset.action") == "check"


def test_focus_stays_on_check_and_the_result_is_announced_for_every_kind(
        page: Page, fixture_site: SiteServer, foreign_requests: list[str], page_errors: list[str],
        output_path: str) -> None:
    problems: list[str] = []
    page.goto(fixture_site.url + LESSON)

    choice = exercise(page, "best-reply")
    check = press_check_with_keyboard(page, choice)  # nothing chosen: focus goes to the options
    expect(choice.locator("[data-feedback]")).to_contain_text("Choose an answer")
    assert page.evaluate("document.activeElement.type") == "radio"
    choice.get_by_label("You should buy a heavier lock").check()
    check = press_check_with_keyboard(page, choice)
    expect_result_announced_and_focus_kept(page, choice, check)
    expect(choice.locator("[data-feedback]")).to_contain_text("Not quite")

    text = exercise(page, "calm-request")
    text.get_by_label("Your rephrased sentence").fill(BLAME)
    check = press_check_with_keyboard(page, text)
    expect_result_announced_and_focus_kept(page, text, check)
    expect(text.locator("[data-feedback]")).to_contain_text("Watch out:")
    # While Python works, Check says it is busy but keeps focus (a disabled button would drop
    # it to the page), and a second press in that time does nothing.
    busy = check.evaluate("""el => {
        el.click();
        const state = [el.getAttribute("aria-disabled"), document.activeElement === el];
        el.click();
        return state;
    }""")
    assert busy == ["true", True]
    expect_result_announced_and_focus_kept(page, text, check)
    expect(check).not_to_have_attribute("aria-disabled", "true")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{PREFIX}profile:me:exercise:calm-request')"))
    assert saved["attempts"] == 2

    for scheme in PALETTES:  # the feedback's colours, in each palette
        set_palette(page, scheme)
        for exercise_id in ("best-reply", "calm-request"):
            problems += report(f"{LESSON} #{exercise_id} after Check ({scheme})",
                               axe(page, f'[data-exercise="{exercise_id}"]'))

    page.goto(fixture_site.url + LAB)
    code = exercise(page, "count-wins")
    expect(code).to_have_attribute("data-editor", "ready", timeout=PYTHON_READY_MS)
    check = press_check_with_keyboard(page, code)  # the starter code: some checks fail
    expect_result_announced_and_focus_kept(page, code, check)
    expect(code.locator('[data-feedback] [data-level="tip"]').first).to_be_visible()
    type_code(page, "count-wins", solution("count-wins"))
    check = press_check_with_keyboard(page, code)
    expect_result_announced_and_focus_kept(page, code, check)
    expect(code).to_have_attribute("data-status", "passed")
    for scheme in PALETTES:
        set_palette(page, scheme)
        problems += report(f"{LAB} #count-wins after Check ({scheme})",
                           axe(page, '[data-exercise="count-wins"]'))
    fail_with(problems, output_path)
    assert foreign_requests == [] and page_errors == []


# --- reduced motion -------------------------------------------------------------------------

MOTION = """(selectors) => {
    const seconds = (value) => Math.max(...value.split(",").map((part) => parseFloat(part) || 0));
    const moving = [];
    const check = (el, pseudo) => {
        const style = getComputedStyle(el, pseudo);
        const total = seconds(style.transitionDuration) + seconds(style.animationDuration);
        if (total > 0) moving.push(`${el.tagName.toLowerCase()}.${el.className}${pseudo ?? ""}: `
            + `transition ${style.transitionDuration}, `
            + `animation ${style.animationDuration} ${style.animationName}`);
    };
    for (const el of document.querySelectorAll(selectors)) {
        check(el, null);
        if (el.tagName === "PROGRESS") check(el, "::-webkit-progress-value");
    }
    return moving;
}"""
OURS = '[class*="therapon-"], [class*="therapon-"] *'


def test_nothing_of_ours_moves_with_reduced_motion(page: Page, fixture_site: SiteServer) -> None:
    # Without the preference, the header count does fade on hover: the check below can see motion.
    page.goto(fixture_site.url + LESSON)
    settle(page)
    assert page.evaluate(MOTION, ".therapon-header-progress") != []

    page.emulate_media(reduced_motion="reduce")
    seed(page, fixture_site, seeded_progress())
    for url in (LESSON, LAB, "progress/"):
        page.goto(fixture_site.url + url)
        settle(page)
        named = {
            LESSON: ["[data-exercise] [data-feedback]", ".therapon-header-progress", ".therapon-nav-done"],
            LAB: ["[data-loading] progress", "[data-exercise] [data-feedback]", ".cm-editor"],
            "progress/": [".therapon-dashboard__bar progress", ".therapon-chart__bar"],
        }[url]
        for selector in named:  # real elements, present on the page (on a loaded machine, the
            # navigation's marks wait for course.json while the service worker keeps Python)
            expect(page.locator(selector).first).to_be_attached(timeout=20_000)
            assert page.evaluate(MOTION, selector) == [], selector
        assert page.evaluate(MOTION, OURS) == [], url
    # The editor's blinking cursor, Python's loading bar while it loads, the feedback once shown.
    page.goto(fixture_site.url + LAB)
    settle(page)
    box = exercise(page, "count-wins")
    box.locator(".cm-content").focus()
    assert page.evaluate(MOTION, ".cm-cursorLayer") == []
    box.get_by_role("button", name="Check", exact=True).click()
    assert page.evaluate(MOTION, OURS) == []
    expect(box).not_to_have_attribute("aria-busy", "", timeout=PYTHON_READY_MS)
    assert page.evaluate(MOTION, OURS) == []


# --- keyboard alone: what test_written_kinds.py and test_code_exercise.py do not cover ---------

def tab_until(page: Page, test: str, limit: int = 40) -> None:
    """Press Tab until `test` (a JavaScript expression about document.activeElement) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return Boolean({test}); }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {test}")


def test_partner_turn_and_profile_switch_with_the_keyboard_alone(page: Page, fixture_site: SiteServer,
                                                                 page_errors: list[str]) -> None:
    seed(page, fixture_site, {PREFIX + "schema": "2", PREFIX + "profiles": json.dumps(
        {"active": "me", "list": [{"id": "me", "name": "Sam"}, {"id": "p-alex", "name": "Alex"}]})})
    page.goto(fixture_site.url + LESSON)
    box = exercise(page, "first-practice")
    turn = box.locator("[data-partner-turn]")
    expect(turn.get_by_role("radio")).to_have_count(2)
    box.get_by_role("textbox").focus()
    tab_until(page, "el.type === 'radio' && el.closest('[data-partner-turn]')")
    page.keyboard.press("Space")  # the first option: Sam listened, Alex spoke
    expect(turn.get_by_label("Sam listened, Alex spoke")).to_be_checked()
    page.keyboard.press("Tab")  # leaves the radio group, to Save
    assert page.evaluate("document.activeElement.textContent") == "Save our turn"
    page.keyboard.press("Enter")
    status = turn.locator("[role='status']")
    expect(status).to_contain_text("Saved: Sam listened and Alex spoke.")
    expect(status).to_have_attribute("aria-live", "polite")
    # The box was redrawn (the suggestion changed); focus is still on Save.
    expect(turn.get_by_role("button", name="Save our turn")).to_be_focused()
    turns = json.loads(page.evaluate(f"localStorage.getItem('{PREFIX}turns')"))
    assert [(t["listener"], t["speaker"]) for t in turns] == [("me", "p-alex")]

    # The header switcher: a native select, changed with the arrow keys; focus stays on it.
    switcher = page.locator("#therapon-profile-switch")
    switcher.focus()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#therapon-profile-switch")).to_have_value("p-alex")
    expect(page.locator("#therapon-profile-switch")).to_be_focused()
    assert json.loads(page.evaluate(f"localStorage.getItem('{PREFIX}profiles')"))["active"] == "p-alex"
    assert page_errors == []


def test_profiles_page_keeps_focus_on_its_buttons(page: Page, fixture_site: SiteServer) -> None:
    page.goto(fixture_site.url + "progress/")
    profiles = page.locator("[data-therapon-profiles][data-ready]")
    profiles.get_by_label("Add a profile").focus()
    page.keyboard.type("Alex")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Add profile"
    page.keyboard.press("Enter")
    expect(profiles.locator("[data-feedback]")).to_contain_text("Added Alex")
    expect(profiles.get_by_role("button", name="Add profile")).to_be_focused()
    switch = profiles.get_by_role("button", name="Switch to Alex")
    switch.focus()
    page.keyboard.press("Enter")
    expect(profiles.locator("[data-feedback]")).to_contain_text("Now using Alex's progress")
    # That button is gone (Alex is in use); focus moves to the one that switches back.
    expect(profiles.get_by_role("button", name="Switch to Me")).to_be_focused()


# --- the lock and the quick exit ---------------------------------------------------------------

LOCK_PASSPHRASE = "blue kettle at dawn"


def test_axe_on_the_lock_in_each_state_and_the_quick_exit_in_either_palette(
        palettes: dict[str, BrowserContext], fixture_site: SiteServer, output_path: str) -> None:
    """Every state of the progress page's lock (none, unlocked with Remove lock asked, locked
    after a wrong passphrase), a locked exercise with its passphrase asked in place, and the
    neutral page the quick exit opens."""
    problems: list[str] = []
    for scheme, context in palettes.items():
        page = context.new_page()
        foreign = own_host_only(page, fixture_site)
        page.goto(fixture_site.url + "progress/")
        set_palette(page, scheme)
        section = page.locator("[data-therapon-lock][data-ready]")
        expect(section).to_be_visible()
        problems += report(f"progress/ lock, none set ({scheme})", axe(page, "[data-therapon-lock]"))
        section.get_by_label("New passphrase for Me").fill(LOCK_PASSPHRASE)
        section.get_by_label("The same passphrase again").fill(LOCK_PASSPHRASE)
        section.get_by_role("button", name="Lock Me's answers").click()
        expect(section.get_by_role("button", name="Lock now")).to_be_visible(timeout=20_000)
        section.get_by_role("button", name="Remove lock").click()
        expect(section.get_by_role("button", name="Yes, remove the lock")).to_be_focused()
        problems += report(f"progress/ lock, open ({scheme})", axe(page, "[data-therapon-lock]"))
        section.get_by_role("button", name="Cancel").click()
        section.get_by_role("button", name="Lock now").click()
        section.get_by_label("Passphrase for Me's answers").fill("a wrong guess")
        section.get_by_role("button", name="Unlock Me's answers").click()
        refused = section.get_by_text("That passphrase does not unlock Me's answers.")
        expect(refused).to_be_visible(timeout=20_000)
        problems += report(f"progress/ lock, after a wrong try ({scheme})", axe(page, "[data-therapon-lock]"))
        page.goto(fixture_site.url + LESSON)
        settle(page)
        box = exercise(page, "own-notes")
        expect(box).to_have_attribute("data-locked", "")
        box.get_by_role("button", name="Unlock", exact=True).click()
        expect(box.get_by_label("Passphrase for Me's answers")).to_be_focused()
        problems += report(f"{LESSON} locked ({scheme})", axe(page))
        page.get_by_role("button", name="Quick exit").click()
        expect(page).to_have_url(fixture_site.url + NEUTRAL_PAGE)
        problems += report(f"{NEUTRAL_PAGE} ({scheme})", axe(page))
        page.close()
        assert foreign == []
    fail_with(problems, output_path)


def test_unlock_in_place_with_the_keyboard_alone(page: Page, fixture_site: SiteServer) -> None:
    """Tab to a locked exercise's Unlock, Enter, type the passphrase, Enter: the answer is
    shown, focus is in its box, and the result was said in a live region; a wrong passphrase
    is said there too, and focus stays in the field."""
    page.goto(fixture_site.url + "progress/")
    section = page.locator("[data-therapon-lock][data-ready]")
    section.get_by_label("New passphrase for Me").fill(LOCK_PASSPHRASE)
    section.get_by_label("The same passphrase again").fill(LOCK_PASSPHRASE)
    section.get_by_role("button", name="Lock Me's answers").click()
    expect(section.get_by_role("button", name="Lock now")).to_be_visible(timeout=20_000)
    page.goto(fixture_site.url + LESSON)
    box = exercise(page, "own-notes")
    expect(box).to_have_attribute("data-locked", "")
    unlock = box.get_by_role("button", name="Unlock", exact=True)
    tab_until(page, "el.textContent === 'Unlock' && el.closest('[data-exercise=\"own-notes\"]')", 200)
    page.keyboard.press("Enter")
    field = box.get_by_label("Passphrase for Me's answers")
    expect(field).to_be_focused()
    expect(unlock).to_be_hidden()
    page.keyboard.type("not it at all")
    page.keyboard.press("Enter")
    said = box.locator("[data-lock-status]")
    expect(said).to_have_attribute("role", "status")
    expect(said).to_contain_text("That passphrase does not unlock Me's answers.", timeout=20_000)
    expect(field).to_be_focused()
    go = box.get_by_role("button", name="Unlock Me's answers")
    expect(go).not_to_have_attribute("aria-disabled", "true", timeout=20_000)
    page.keyboard.type(LOCK_PASSPHRASE)
    page.keyboard.press("Enter")
    entry = box.get_by_label("Your reflection")
    expect(entry).to_be_focused(timeout=20_000)
    expect(box.locator("[data-feedback]")).to_have_text("Unlocked: Me's answer is shown.")
    expect(box).not_to_have_attribute("data-locked", "")
