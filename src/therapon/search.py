"""Material's search worker, started after Python: the build points Material's config at a
small worker of ours (theme/assets/javascripts/workers/therapon-search.js) that loads the real
one when the page says so (search-start.js), so that building the search index does not
compete with Python's start for the same cores. Search itself is unchanged."""

from __future__ import annotations

import re

# Beside Material's own worker, which finds its language files at "../lunr" from itself.
SHIM = "assets/javascripts/workers/therapon-search.js"
# Material's config names its worker relative to the page ("../../assets/…") or, on the 404
# page, from the site's root path ("/repo/assets/…").
CONFIG_SEARCH = re.compile(r'"search": "([^"?]*)(assets/javascripts/workers/search\.[0-9a-f]+\.min\.js)"')


# Material writes its config in the last script of the page.
CONFIG_SCRIPT = '<script id="__config"'


def defer_search_worker(html: str) -> str:
    """The page with Material's config naming our worker, and the real one (from the site's
    root) as its `real` query. The search starts at Material's config script, found from the
    end of the page: scanning the whole page for the pattern took 60 µs a page."""
    found = CONFIG_SEARCH.search(html, max(html.rfind(CONFIG_SCRIPT), 0)) or CONFIG_SEARCH.search(html)
    if found is None:
        return html
    return f'{html[:found.start()]}"search": "{found[1]}{SHIM}?real={found[2]}"{html[found.end():]}'

