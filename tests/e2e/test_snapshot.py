"""A returning learner's Python starts from a memory snapshot made in their own browser and
kept by the service worker; a changed build or changed bytes mean a normal start instead, and
a first visit or a page without exercises never asks for a snapshot."""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError
from test_build import edit, project  # noqa: F401  (project is a fixture: the fixture course)

from conftest import build_site
from support.subpath_server import SiteServer

from .helpers import LAB, PYTHON_READY_MS, exercise, press
from .test_learner_faults import CODE, paste_code
from .test_offline import CONTROLLED, SAFE_REPLY, eventually

LESSON = "lessons/02-second-steps/"
SNAPSHOT_KEY = "__therapon__/memory-snapshot"
# The kept snapshot's cache name and size, or null while there is none.
KEPT = """async () => {
    for (const name of await caches.keys()) {
        if (!name.includes(":snapshot:")) continue;
        const [key] = await (await caches.open(name)).keys();
        if (!key) continue;
        return { name, key: key.url, bytes: (await (await caches.match(key)).arrayBuffer()).byteLength };
    }
    return null;
}"""
REACH = ("import importlib\n\njs = importlib.import_module('js')\n"
         "print([hasattr(js, name) for name in ('indexedDB', 'caches', 'fetch', 'XMLHttpRequest',"
         " 'WebSocket', 'Worker', 'importScripts', 'close')], hasattr(js.navigator, 'storage'))\n")
STARTED = "() => document.documentElement.dataset.theraponStart"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


def check_right_verdict(page: Page) -> None:
    box = exercise(page, "first-reflect-back")
    box.get_by_role("textbox").fill(SAFE_REPLY)
    box.get_by_role("button", name="Check", exact=True).click()
    expect(box.locator("[data-feedback]")).to_contain_text("This meets the goal", timeout=PYTHON_READY_MS)


def first_visit_keeps_a_snapshot(context: BrowserContext, url: str) -> Page:
    """A first visit: the service worker takes charge, a Check, then the snapshot is made."""
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(CONTROLLED)
    page.goto(url + LESSON)
    check_right_verdict(page)
    assert page.evaluate(STARTED) == "normal"
    eventually(page, KEPT)
    return page


def started_how(page: Page) -> tuple[str, str | None]:
    page.wait_for_function(STARTED, timeout=PYTHON_READY_MS)
    return page.evaluate(STARTED), page.evaluate("window.__therapon.timings.fallback ?? null")


def test_a_returning_learner_starts_from_the_snapshot(context: BrowserContext, fixture_site: SiteServer):
    first = first_visit_keeps_a_snapshot(context, fixture_site.url)
    kept = first.evaluate(KEPT)
    assert kept["key"] == fixture_site.url + SNAPSHOT_KEY
    assert 1_000_000 < kept["bytes"] < 20_000_000, kept  # gzipped, far below the 31 MB image
    first.close()

    asked = len(fixture_site.requested)
    again = context.new_page()  # a new visit: a new page, a new worker
    again.goto(fixture_site.url + LESSON)
    check_right_verdict(again)
    assert started_how(again) == ("snapshot", None)
    assert again.evaluate("window.__therapon.starts") == 1
    assert [p for p in fixture_site.requested[asked:] if SNAPSHOT_KEY in p] == []  # read from Cache Storage

    # Restored, the worker is locked down as after a normal start: code that reaches
    # JavaScript anyway finds no storage, network or workers (as test_learner_faults checks).
    again.goto(fixture_site.url + LAB)
    assert started_how(again) == ("snapshot", None)
    paste_code(again, CODE, REACH)
    press(again, CODE, "Run")
    expect(exercise(again, CODE).locator("[data-output]")).to_have_text(f"{[False] * 8} False\n")


# Replace the kept snapshot's bytes, keeping its headers (so the sha256 they name no longer
# fits), or with bytes whose sha256 does fit but that are no Python memory image at all.
REPLACE = """async ([bytes, fixSha]) => {
    for (const name of await caches.keys()) {
        if (!name.includes(":snapshot:")) continue;
        const cache = await caches.open(name);
        const [key] = await cache.keys();
        const old = await cache.match(key);
        const headers = new Headers(old.headers);
        const body = new Uint8Array(bytes);
        if (fixSha) {
            const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
            const hex = Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("");
            headers.set("X-Therapon-Sha256", hex);
        }
        await cache.put(key, new Response(body, { headers }));
        return true;
    }
    return false;
}"""
CHANGED_BYTE = """async () => {
    for (const name of await caches.keys()) {
        if (!name.includes(":snapshot:")) continue;
        const cache = await caches.open(name);
        const [key] = await cache.keys();
        const old = await cache.match(key);
        const body = new Uint8Array(await old.arrayBuffer());
        body[body.length >> 1] ^= 0xff;
        await cache.put(key, new Response(body, { headers: old.headers }));
        return true;
    }
    return false;
}"""


@pytest.mark.parametrize("fault", ["a-changed-byte", "not-a-memory-image"])
def test_a_corrupt_snapshot_means_a_normal_start(context: BrowserContext, fixture_site: SiteServer,
                                                 fault: str):
    first = first_visit_keeps_a_snapshot(context, fixture_site.url)
    if fault == "a-changed-byte":
        assert first.evaluate(CHANGED_BYTE)
    else:  # whole and signed as kept, but its memory is not Python's
        assert first.evaluate(REPLACE, [list(gzip.compress(bytes(range(256)) * 4096)), True])
    first.close()

    again = context.new_page()
    errors: list[str] = []
    again.on("pageerror", lambda e: errors.append(str(e)))
    again.goto(fixture_site.url + LESSON)
    check_right_verdict(again)
    how, why = started_how(again)
    assert how == "normal" and why, (how, why)
    expect(again.locator(".therapon-notice")).to_have_count(0)  # no word to the learner
    assert errors == []
    # The bad snapshot went, and a good one is made again.
    eventually(again, KEPT)
    third = context.new_page()
    third.goto(fixture_site.url + LESSON)
    assert started_how(third) == ("snapshot", None)


def test_a_first_visit_and_pages_without_exercises_ask_for_no_snapshot(context: BrowserContext,
                                                                     fixture_site: SiteServer):
    asked = len(fixture_site.requested)
    page = context.new_page()
    page.goto(fixture_site.url + "about/")
    page.wait_for_function(CONTROLLED)
    page.wait_for_function("() => window.__therapon?.plan === 'never'")
    page.goto(fixture_site.url + LESSON)  # the first visit to a lesson: no snapshot is kept yet
    assert started_how(page) == ("normal", None)
    assert [p for p in fixture_site.requested[asked:] if SNAPSHOT_KEY in p] == []


def cache_gone(page: Page, name: str) -> bool:
    try:
        return name not in page.evaluate("caches.keys()")
    except PlaywrightError:  # the page is reloading
        return False


def test_a_new_deployment_discards_the_old_snapshot(browser: Browser, project: Path):  # noqa: F811
    server = SiteServer(project / "site")
    assert build_site(server.directory, server.url, cwd=project).returncode == 0
    with server:
        context = browser.new_context()
        page = first_visit_keeps_a_snapshot(context, server.url)
        old = page.evaluate(KEPT)["name"]

        # The second deployment changes the checker, so its wheel (and its snapshot) differ.
        edit(project / "src/therapon_check/verdict.py", "\n", "\n# the second deployment\n")
        assert build_site(server.directory, server.url, cwd=project).returncode == 0
        page.goto(server.url)
        notice = page.locator("[data-therapon-update]")
        notice.get_by_role("button", name="Update now").click()  # the page reloads under the new worker
        deadline = time.monotonic() + 30
        while not cache_gone(page, old):
            assert time.monotonic() < deadline, "the old snapshot stayed"
            page.wait_for_timeout(200)

        page.goto(server.url + LESSON)  # the new build's first start: no old snapshot used
        check_right_verdict(page)
        assert started_how(page) == ("normal", None)
        eventually(page, KEPT)
        assert page.evaluate(KEPT)["name"] != old
        context.close()
