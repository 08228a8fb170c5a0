"""Injection and privacy on every page: the Content-Security-Policy holds with no violation,
no request leaves the site's own host, and no script of ours writes markup from strings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from conftest import ROOT
from support.csp import csp_source, inline_scripts, script_sources
from therapon.pages import NEUTRAL_PAGE

from .conftest import is_foreign
from .helpers import LAB, NO_SERVICE_WORKER, PYTHON_READY_MS, exercise, nav_pages, press, type_code

# Runs before any page script, outside the page's policy; it records what the policy blocked.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} ` +
                              `(${e.sourceFile}:${e.lineNumber})`));
"""
POLICY_META = 'meta[http-equiv="Content-Security-Policy"]'
MARKUP_SINKS = re.compile(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|"
                          r"createContextualFragment|new DOMParser")


def site_pages(site_dir: Path) -> list[str]:
    """Every page the build wrote, as the folder URL Material links to."""
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    return [p.removesuffix("index.html") for p in pages]


@pytest.fixture
def watched(browser: Browser, fixture_site) -> Iterator[tuple[BrowserContext, list[str]]]:
    """A context whose every request (pages, workers, the service worker) is checked for host."""
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    foreign: list[str] = []
    context.on("request", lambda r: foreign.append(r.url) if is_foreign(r.url, fixture_site.url) else None)
    yield context, foreign
    context.close()


def settle(page: Page, python: bool) -> None:
    """Wait until the page's scripts have mounted everything, and Python too where it starts."""
    expect(page.locator("[data-therapon-header-progress]")).to_be_attached()
    expect(page.locator("[data-exercise]:not([data-ready])")).to_have_count(0)
    needs_python = '[data-exercise][data-kind="text"], [data-exercise][data-kind="code"]'
    if python and page.locator(needs_python).count():
        page.wait_for_function("() => window.__therapon.state === 'ready'", timeout=PYTHON_READY_MS)


def test_every_page_keeps_its_policy_and_its_host(watched, fixture_site):
    context, foreign = watched
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    pages = site_pages(fixture_site.directory)
    assert len(pages) == nav_pages() + 1  # every page of the nav, and the quick exit's own
    for path in pages:
        page.goto(fixture_site.url + path)
        expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).to_have_count(1)
        if path == NEUTRAL_PAGE:  # the quick exit's plain page runs no script at all
            assert page.locator("script").count() == 0
            continue
        settle(page, python=False)  # the walk below, with one worker throughout, covers Python
        assert page.evaluate("window.__cspViolations") == [], path
    assert foreign == [] and errors == []


def test_instant_navigation_through_the_whole_course_keeps_the_policy(watched, fixture_site):
    """Material runs each new page's scripts under the first page's policy, so that policy
    must allow every inline script of every page the learner reaches from it."""
    context, foreign = watched
    page = context.new_page()
    page.goto(fixture_site.url)
    first_policy = script_sources(page.locator(POLICY_META).get_attribute("content") or "")
    needed = {csp_source(body) for path in site_pages(fixture_site.directory)
              for body in inline_scripts((fixture_site.directory / path / "index.html").read_text())}
    assert needed <= first_policy, "the first page's policy lacks other pages' scripts"
    visited = 1
    while (next_link := page.locator(".md-footer__link--next")).count():
        target = next_link.evaluate("a => a.href")
        next_link.click()
        expect(page).to_have_url(target)
        # Material changes the address before it swaps the page in: wait for the new footer,
        # or the next loop would read the old page's link and click the new one.
        page.wait_for_function(
            "(t) => document.querySelector('.md-footer__link--next')?.href !== t", arg=target)
        settle(page, python=True)
        visited += 1
    assert visited == nav_pages()  # Next leads through every page of the nav, in order
    assert page.evaluate("window.__therapon.starts") == 1  # one worker for the whole visit
    assert page.evaluate("window.__cspViolations") == []
    assert foreign == []


def test_an_injected_inline_script_is_refused(watched, fixture_site):
    """The policy is really enforced: markup that slipped in could not run a script."""
    context, _ = watched
    page = context.new_page()
    page.goto(fixture_site.url)
    page.evaluate("""() => {
        const s = document.createElement("script");
        s.textContent = "window.__owned = true";
        document.body.append(s);
        const img = document.createElement("img");
        img.setAttribute("src", "x");
        img.setAttribute("onerror", "window.__owned = true");
        document.body.append(img);
    }""")
    # The refusals are reported as they happen: wait for both, then nothing may have run.
    page.wait_for_function("""() => (window.__cspViolations || [])
        .filter((v) => v.startsWith("script-src")).length >= 2""")
    assert page.evaluate("window.__owned") is None


def test_no_script_of_ours_builds_markup_from_strings():
    """Learner and imported text reaches the page through textContent only."""
    sources = [*sorted((ROOT / "src/therapon/theme/assets/therapon").rglob("*.js")),
               ROOT / "src/therapon/theme/src/service-worker.js"]
    offenders = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
                 for path in sources
                 for number, line in enumerate(path.read_text().splitlines(), start=1)
                 if MARKUP_SINKS.search(line) and not line.lstrip().startswith(("*", "//", "/*"))]
    assert offenders == []


def test_the_python_worker_gets_its_own_policy_from_the_service_worker(watched, fixture_site):
    """Learner code that found its way to JavaScript could still not run a string as code, so
    it could not load a script from another host. The page's policy does not reach a worker;
    the service worker serves the worker's script with the worker's own policy."""
    context, foreign = watched
    page = context.new_page()
    page.goto(fixture_site.url)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.goto(fixture_site.url + LAB)
    run_string_as_code(page)
    expect(exercise(page, "count-wins").locator("[data-output]")).to_contain_text("refused")
    assert foreign == []


@NO_SERVICE_WORKER
def test_without_the_service_worker_the_worker_has_no_policy_of_its_own(page: Page, fixture_site):
    """The other side of the test above, so that it can fail: on a first visit, before the
    service worker is in charge, GitHub Pages serves the worker with no policy."""
    page.goto(fixture_site.url + LAB)
    run_string_as_code(page)
    expect(exercise(page, "count-wins").locator("[data-output]")).to_contain_text("eval ran")


def run_string_as_code(page: Page) -> None:
    """Reach JavaScript past the refused `import js`, and ask it to run a string as code."""
    type_code(page, "count-wins", "import importlib\njs = importlib.import_module('js')\n"
              "try:\n    js.eval('1 + 1')\n    print('eval ran')\n"
              "except Exception as error:\n    print('refused', type(error).__name__)\n")
    press(page, "count-wins", "Run")
