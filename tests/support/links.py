"""A link check of a built site: every relative href and src points at a real file, and every
#fragment at a real id on that page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

from support.subpath_server import SUBPATH


def broken_links(built_site: Path) -> list[str]:
    """Each link that leads nowhere, as "page: link"."""
    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.links: list[str] = []
            self.ids: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            if found.get("id"):
                self.ids.add(str(found["id"]))
            link = found.get("href") if tag in ("a", "link") else found.get("src") if tag in (
                "script", "img") else None
            if link:
                self.links.append(link)

    pages: dict[Path, Links] = {}
    for page in built_site.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        pages[page] = parser
    broken = []
    for page, parser in pages.items():
        base = "file://" + str(page)
        for link in parser.links:
            if urlparse(link).scheme in ("http", "https", "mailto", "data", "blob", "javascript"):
                continue
            if link.startswith(SUBPATH):  # 404.html links from the site's root path
                link = "file://" + str(built_site) + "/" + link[len(SUBPATH):]
            target, fragment = urldefrag(urljoin(base, link))
            path = Path(unquote(urlparse(target).path))
            if path.is_dir():
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{page.relative_to(built_site)}: {link}")
            elif fragment and path.suffix == ".html" and path in pages and fragment not in pages[path].ids:
                broken.append(f"{page.relative_to(built_site)}: {link} (no #{fragment})")
    return broken
