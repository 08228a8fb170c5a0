"""The search dialog's name comes from its own search box, in the site's language."""

from __future__ import annotations

from therapon.dialogs import SEARCH_DIALOG, name_search_dialog

BOX = '<input type="text" class="md-search__input" name="query" aria-label="Rechercher" placeholder="x">'


def test_the_dialog_takes_the_search_box_label() -> None:
    html = name_search_dialog(f"<body>{SEARCH_DIALOG}{BOX}</div></body>")
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Rechercher">' in html
    assert html.count("aria-label=") == 2


def test_a_page_without_the_dialog_or_its_box_is_unchanged() -> None:
    assert name_search_dialog("<p>no search</p>") == "<p>no search</p>"
    assert name_search_dialog(SEARCH_DIALOG) == SEARCH_DIALOG
