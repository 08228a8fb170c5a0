"""axe-core (WCAG 2.2 A and AA) on every page of this course, in both palettes, with two
partners' progress seeded so that every part the scripts draw is on the page. The engine's
own accessibility tests (tests/e2e/test_accessibility.py) run on the fixture course; this is
the same check on the course the learners read, in its own colours (teal, deep orange)."""

from __future__ import annotations

import json
import time

from e2e.test_accessibility import (  # noqa: F401  (palettes is a fixture, found here by name)
    AXE,
    axe_every_page,
    fail_with,
    palettes,
    site_pages,
)
from playwright.sync_api import BrowserContext

from support.subpath_server import SiteServer

PREFIX = "therapon:therapeutic-partnership:"
DAY_MS = 24 * 60 * 60 * 1000


def seeded_progress() -> dict[str, str]:
    """Two partners with some progress and turns: the header switcher and count, the ✓ in the
    navigation, explanations under a checked choice, a shown hint, the dashboard and its chart."""
    now = int(time.time() * 1000)

    def record(status: str, draft: str | None = None, attempts: int = 1, hints: int = 0) -> str:
        return json.dumps({"status": status, "attempts": attempts, "hintsShown": hints,
                           "words": {"draft": draft}, "updatedAt": now})

    records = {
        "soften-the-start": record("passed", "I feel lonely when you look at your phone."),
        "l1-our-alliance": record("passed", "Our aim: to feel like a team again.", 0),
        "favourite-seat": record("passed", "The sofa.", 0),
        "l2-what-breaks-safety": record("attempted", json.dumps([]), 2, 1),
        "l2-safe-reply": record("attempted", "You always do this.", 1, 1),
        "listener-tally": record("attempted", None, 1, 1),
    }
    turns = [{"exercise": "first-turn", "listener": listener, "speaker": speaker, "at": now - days * DAY_MS}
             for listener, speaker, days in [("me", "p-alex", 1), ("me", "p-alex", 3), ("p-alex", "me", 9)]]
    data = {
        "schema": "4",
        "welcome": json.dumps({"answer": "two", "at": now}),
        "profiles": json.dumps({"active": "me", "list": [{"id": "me", "name": "Sam"},
                                                         {"id": "p-alex", "name": "Alex"}]}),
        "turns": json.dumps(turns),
        "shared:exercise:first-turn": record("passed", "We took turns.", 0),
        **{f"profile:me:exercise:{key}": value for key, value in records.items()},
    }
    return {PREFIX + key: value for key, value in data.items()}


def test_axe_finds_no_wcag_violation_on_any_page_of_this_course_in_either_palette(
        palettes: dict[str, BrowserContext], site: SiteServer, output_path: str) -> None:  # noqa: F811
    assert AXE.exists(), "axe-core is missing: run `npm ci`"
    pages = site_pages(site)
    assert len(pages) >= 25 and site.url + "progress/" in pages
    fail_with(axe_every_page(palettes, site, pages, seeded_progress()), output_path)
