"""Printing, in Chromium's print mode: each card comes out on a sheet of its own with no menus,
buttons or screen-only notes, and a printed lesson keeps every tab's text but drops its controls."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import ROOT

CARD_PAGES = sorted(p for p in (ROOT / "docs" / "take-aways").glob("*.md") if p.stem != "index")
PDF_PAGE = re.compile(rb"/Type\s*/Page\b")  # one object per page; "/Pages" is the page tree
SCREEN_ONLY = (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
               ".therapon-screen-only")


@pytest.mark.parametrize("card_page", CARD_PAGES, ids=[p.stem for p in CARD_PAGES])
def test_each_card_prints_on_a_sheet_of_its_own(page: Page, site, card_page: Path, foreign_requests):
    cards = card_page.read_text(encoding="utf-8").count('<div class="therapon-card"')
    assert cards >= 1, f"{card_page.name} has no card"
    page.goto(site.url + f"take-aways/{card_page.stem}/")
    expect(page.locator(".md-header")).to_be_visible()
    page.emulate_media(media="print")
    for selector in SCREEN_ONLY:
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.locator("article > h1")).to_be_hidden()  # each card carries its own title
    expect(page.locator(".therapon-card:visible")).to_have_count(cards)
    assert len(PDF_PAGE.findall(page.pdf(format="A4"))) == cards
    assert foreign_requests == []


def test_a_printed_lesson_keeps_its_text_and_drops_its_controls(page: Page, site, page_errors):
    page.goto(site.url + "lessons/05-room-for-deep-feelings/")
    box = page.locator('[data-exercise="l5-stay-with-it"]')
    expect(box.get_by_role("button", name="Check", exact=True)).to_be_visible()
    page.emulate_media(media="print")
    for selector in SCREEN_ONLY[:4]:
        expect(page.locator(selector).first).to_be_hidden()
    expect(box.get_by_role("button", name="Check", exact=True)).to_be_hidden()
    expect(box.locator("textarea")).to_be_hidden()
    expect(box).to_contain_text("Priya takes a breath")  # the prompt stays, to do it on paper
    second_try = page.get_by_text("This time Mei doesn't argue with the feeling")
    expect(second_try).to_be_visible()  # a tab not chosen on screen is printed too
    expect(page.get_by_text("Mei means well.")).to_be_visible()
    assert page_errors == []
