"""Offline use: the service worker keeps the course after one visit, updates cleanly, and a
page without exercises never costs a byte of Python."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from test_build import edit, project  # noqa: F401  (project is a fixture: the fixture course)

from conftest import build_site
from support.subpath_server import SiteServer

from .helpers import PYTHON_READY_MS, exercise

SAFE_REPLY = "It sounds like you're worn out and feel like you're carrying it all alone."
PAGES_WITHOUT_EXERCISES = ("", "safety/", "about/", "progress/")

CONTROLLED = "() => navigator.serviceWorker.controller !== null"
RUNTIME_KEPT = """async (count) => {
    const names = (await caches.keys()).filter((name) => name.endsWith(":runtime"));
    return names.length === 1 && (await (await caches.open(names[0])).keys()).length === count;
}"""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


def eventually(page: Page, script: str, arg: object = None, seconds: float = PYTHON_READY_MS / 1000) -> None:
    """Poll an async page function (wait_for_function does not wait for promises)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {script}"
        page.wait_for_timeout(200)


def runtime_file_count(site_dir: Path) -> int:
    return sum(1 for p in (site_dir / "pyodide").iterdir() if p.is_file())


def test_after_one_visit_the_course_works_offline(context: BrowserContext, fixture_site, page_errors_of):
    page = context.new_page()
    errors = page_errors_of(page)
    page.goto(fixture_site.url)
    page.wait_for_function(CONTROLLED)
    page.locator(".md-content").get_by_role("link", name="Lesson 1: First steps").click()
    expect(exercise(page, "calm-request")).to_be_visible()
    eventually(page, RUNTIME_KEPT, runtime_file_count(fixture_site.directory))

    fixture_site.go_offline()
    context.set_offline(True)
    try:
        page.goto(fixture_site.url + "lessons/02-second-steps/")  # a full load, not instant navigation
        box = exercise(page, "first-reflect-back")
        box.get_by_role("textbox").fill(SAFE_REPLY)
        box.get_by_role("button", name="Check", exact=True).click()
        expect(box.locator("[data-feedback]")).to_contain_text("This meets the goal", timeout=PYTHON_READY_MS)
        expect(box).to_have_attribute("data-status", "passed")
        page.locator(".md-footer").get_by_role("link", name="Next").click()  # instant navigation
        expect(page.locator("h1")).to_contain_text("Third steps")
        page.goto(fixture_site.url + "progress/")
        expect(page.locator("[data-therapon-dashboard] [data-summary]")).to_contain_text("finished 1 of")
    finally:
        context.set_offline(False)
        fixture_site.go_offline(False)
    assert errors == []


def test_a_page_without_exercises_fetches_no_python(context: BrowserContext, fixture_site):
    first = len(fixture_site.requested)
    page = context.new_page()
    for path in PAGES_WITHOUT_EXERCISES:
        page.goto(fixture_site.url + path)
        page.wait_for_function(CONTROLLED)
        page.wait_for_function("() => window.__therapon?.plan === 'never'")  # nothing will start it
    asked = fixture_site.requested[first:]
    assert any(path.endswith("/sw.js") for path in asked)
    assert [path for path in asked if "/pyodide/" in path] == []
    assert page.evaluate("window.__therapon.starts") == 0


def build_caches(page: Page) -> list[str]:
    """The pages and runtime caches (a memory snapshot, made once Python ran, is test_snapshot's)."""
    return [name for name in page.evaluate("caches.keys()") if ":snapshot:" not in name]


def test_a_new_deployment_is_offered_then_served(browser: Browser, project: Path):  # noqa: F811
    server = SiteServer(project / "site")
    assert build_site(server.directory, server.url, cwd=project).returncode == 0
    with server:
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_function(CONTROLLED)
        page.goto(server.url + "lessons/02-second-steps/")  # Python starts; the runtime is kept
        eventually(page, RUNTIME_KEPT, runtime_file_count(server.directory))
        old_caches = build_caches(page)

        edit(project / "docs/index.md", "\n", "\nThis sentence arrived with the second deployment.\n")
        assert build_site(server.directory, server.url, cwd=project).returncode == 0
        page.goto(server.url)
        notice = page.locator("[data-therapon-update]")
        expect(notice).to_contain_text("A new version of this course is ready")
        expect(page.get_by_text("arrived with the second deployment")).to_have_count(0)  # from the cache

        asked_before_update = len(server.requested)
        notice.get_by_role("button", name="Update now").click()
        expect(page.get_by_text("arrived with the second deployment")).to_be_visible()
        expect(page.locator("[data-therapon-update]")).to_have_count(0)
        new_caches = build_caches(page)
        assert len(new_caches) == len(old_caches) == 2 and new_caches != old_caches  # the old pages went
        # Python did not change, so the update downloaded none of it: the runtime cache stayed.
        eventually(page, RUNTIME_KEPT, runtime_file_count(server.directory))
        assert [p for p in server.requested[asked_before_update:] if "/pyodide/" in p] == []
        context.close()


# How the browser judged the next deployment's worker: "installed" (waiting for the learner's
# yes) or "redundant" (its install failed, so the old worker and its caches stay in charge).
NEXT_INSTALL = """async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const outcome = new Promise((done) => registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker.addEventListener("statechange", () => {
            if (worker.state === "installed" || worker.state === "redundant") done(worker.state);
        });
    }, { once: true }));
    await registration.update();
    return outcome;
}"""
# The bytes each cache holds for one URL: {cache name: [bytes] or null}.
CACHED_BYTES = """async (url) => {
    const found = {};
    for (const name of await caches.keys()) {
        const response = await (await caches.open(name)).match(url);
        found[name] = response ? Array.from(new Uint8Array(await response.arrayBuffer())) : null;
    }
    return found;
}"""
SECOND = "This sentence arrived with the second deployment."


def one_byte_changed(data: bytes) -> bytes:
    """The file with its last byte changed, as a broken proxy or a half-finished upload might."""
    return data[:-1] + (b" " if data[-1:] != b" " else b"\n")


def cached_bytes(page: Page, server: SiteServer, path: str) -> dict[str, bytes | None]:
    """What each cache keeps for a path of the site, by cache name."""
    found = page.evaluate(CACHED_BYTES, server.url + path)
    return {name: None if data is None else bytes(data) for name, data in found.items()}


def pages_cache(names: list[str]) -> str:
    return next(name for name in names if ":pages:" in name)


@pytest.mark.parametrize(("tampered", "on_disk"), [
    ("", "index.html"),
    ("assets/therapon/main.js", "assets/therapon/main.js"),
], ids=["a-page", "a-script"])
def test_a_tampered_file_in_a_new_deployment_is_refused(browser: Browser, project: Path,  # noqa: F811
                                                        tampered: str, on_disk: str):
    server = SiteServer(project / "site")
    assert build_site(server.directory, server.url, cwd=project).returncode == 0
    with server:
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_function(CONTROLLED)
        first = (server.directory / on_disk).read_bytes()
        old_pages = pages_cache(page.evaluate("caches.keys()"))
        assert cached_bytes(page, server, tampered)[old_pages] == first

        # The second deployment changes both the page and the script, and one of them arrives
        # with a changed byte.
        edit(project / "docs/index.md", "\n", f"\n{SECOND}\n")
        script = project / "src/therapon/theme/assets/therapon/main.js"
        script.write_text(script.read_text() + "\nglobalThis.theraponDeployment = 2;\n")
        assert build_site(server.directory, server.url, cwd=project).returncode == 0
        assert (server.directory / on_disk).read_bytes() != first
        server.tamper(tampered, one_byte_changed)

        assert page.evaluate(NEXT_INSTALL) == "redundant"
        page.reload()
        expect(page.locator("h1")).to_be_visible()
        expect(page.get_by_text(SECOND)).to_have_count(0)  # the old copy, still served
        assert page.evaluate("window.theraponDeployment") is None
        expect(page.locator("[data-therapon-update]")).to_have_count(0)
        # Nothing mixed: the old pages keep their old bytes, and the new deployment's cache
        # (kept, so that a later try downloads only what it lacks) never took the changed file.
        kept = cached_bytes(page, server, tampered)
        assert kept.pop(old_pages) == first
        assert set(kept.values()) == {None}, "the refused bytes were kept"

        # The control: the same deployment, untouched, installs and is offered.
        server.tamper(tampered, None)
        assert page.evaluate(NEXT_INSTALL) == "installed"
        page.reload()
        page.locator("[data-therapon-update]").get_by_role("button", name="Update now").click()
        expect(page.get_by_text(SECOND)).to_be_visible()
        context.close()


def test_a_tampered_python_file_is_refused_and_never_kept(browser: Browser, project: Path):  # noqa: F811
    server = SiteServer(project / "site")
    assert build_site(server.directory, server.url, cwd=project).returncode == 0
    lock = "pyodide/pyodide-lock.json"
    # Still valid JSON, so only its sha256 can tell: without the check, Python would start.
    server.tamper(lock, lambda data: data.replace(b'{"info": {', b'{"info":\t{', 1))
    with server:
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_function(CONTROLLED)
        page.goto(server.url + "lessons/02-second-steps/")
        box = exercise(page, "first-reflect-back")
        box.get_by_role("textbox").fill(SAFE_REPLY)
        box.get_by_role("button", name="Check", exact=True).click()
        page.wait_for_function("() => window.__therapon.state === 'failed'", timeout=PYTHON_READY_MS)
        expect(box.locator("[data-feedback], [data-loading]")).not_to_have_count(0)
        assert set(cached_bytes(page, server, lock).values()) <= {None}, "refused bytes were kept"

        server.tamper(lock, None)
        page.reload()
        box = exercise(page, "first-reflect-back")
        box.get_by_role("button", name="Check", exact=True).click()
        expect(box.locator("[data-feedback]")).to_contain_text("This meets the goal", timeout=PYTHON_READY_MS)
        eventually(page, RUNTIME_KEPT, runtime_file_count(server.directory))
        assert (server.directory / lock).read_bytes() in cached_bytes(page, server, lock).values()
        context.close()


@pytest.fixture
def page_errors_of() -> Iterator:
    def collect(page: Page) -> list[str]:
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        return errors
    yield collect
