"""Playwright fixtures: Debian's Chromium against the built site, served from a sub-path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

from support.subpath_server import SiteServer

# Debian's Chromium by default; an empty THERAPON_CHROMIUM means Playwright's own browser
# (where `playwright install` works, as on GitHub Actions).
CHROMIUM = os.environ.get("THERAPON_CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium phones home at start-up; this machine (and a privacy test) forbids it.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    executable = {"executable_path": CHROMIUM} if CHROMIUM else {}
    return {**browser_type_launch_args, **executable, "args": CHROMIUM_ARGS}


def is_foreign(url: str, site_url: str) -> bool:
    """A request over the network to a host other than the site's own."""
    return urlparse(url).scheme in ("http", "https", "ws", "wss") \
        and urlparse(url).netloc != urlparse(site_url).netloc


@pytest.fixture
def foreign_requests(page: Page, request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """Every request to a host other than the site's own, from the page, its workers and the
    service worker alike; each test asserts it stays empty. The site is the one the test uses:
    the engine's fixture course, or the couples course for the course's own tests (asking for
    the other one would build it for nothing)."""
    served = "site" if "site" in request.fixturenames else "fixture_site"
    site: SiteServer = request.getfixturevalue(served)
    seen: list[str] = []
    page.context.on("request", lambda r: seen.append(r.url) if is_foreign(r.url, site.url) else None)
    yield seen


@pytest.fixture
def page_errors(page: Page) -> Iterator[list[str]]:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield errors
