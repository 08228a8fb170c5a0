"""An accessible name for Material's search dialog, which its template leaves unnamed
(Lighthouse: aria-dialog-name). The name is the one Material already put, translated, on the
search box inside it, so the dialog speaks the site's language without a second table."""

from __future__ import annotations

import re

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_BOX_LABEL = re.compile(r'<input type="text" class="md-search__input"[^>]*?\baria-label="([^"]*)"')


def name_search_dialog(html: str) -> str:
    """The page with its search dialog named, or unchanged where it has none."""
    label = SEARCH_BOX_LABEL.search(html)
    if SEARCH_DIALOG not in html or label is None:
        return html
    named = SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{label.group(1)}"')
    return html.replace(SEARCH_DIALOG, named, 1)
