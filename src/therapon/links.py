"""Links written into the theme's templates, checked against the built site.

MkDocs checks the links in pages, never those in templates: a template's `'progress/' | url`
to a page the course does not have is a dead link on every page, and nothing says so. This
reads each literal `'…' | url` of the engine's templates (and the author's overrides), and
once the site is written, every one must be a file of it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import AuthoringError
from .load import relative

# A quoted address with no Jinja inside it, through the `url` filter: {{ 'progress/' | url }}.
LITERAL_URL = re.compile(r"""(['"])([^'"{}\s]+)\1\s*\|\s*url\b""")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


@dataclass(frozen=True)
class TemplateLink:
    template: Path
    line: int
    target: str


def template_links(template_dirs: list[Path]) -> list[TemplateLink]:
    """Every literal address through `| url` in the HTML templates under template_dirs."""
    found = []
    for folder in template_dirs:
        for path in sorted(folder.rglob("*.html")) if folder.is_dir() else []:
            text = path.read_text(encoding="utf-8")
            for match in LITERAL_URL.finditer(text):
                target = match.group(2)
                if SCHEME.match(target) or target.startswith(("#", "//")):
                    continue  # another site, or a place on the same page: not a file of ours
                found.append(TemplateLink(path, text.count("\n", 0, match.start()) + 1, target))
    return found


def in_site(target: str, site_dir: Path) -> bool:
    """Whether an address made by `url` names a file the build wrote, as a static host serves it."""
    path = target.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    if path in ("", "."):
        path = "index.html"
    elif path.endswith("/"):
        path += "index.html"
    written = site_dir / path
    return written.is_file() or (written / "index.html").is_file()


def missing_link_errors(template_dirs: list[Path], site_dir: Path, root: Path) -> list[AuthoringError]:
    """One error for each template link that leads nowhere in the built site, with the fix."""
    errors = []
    for link in template_links(template_dirs):
        if in_site(link.target, site_dir):
            continue
        if link.target.endswith("/"):
            page = link.target.strip("/") or "index"
            fix = (f"Write the page docs/{page}.md (MkDocs gives it the address {link.target}), "
                   "correct the address, or remove the link.")
        else:
            fix = "Correct the address to a file the site has, or remove the link."
        errors.append(AuthoringError(relative(link.template, root),
                                     f"this template links to '{link.target}', which is not in the "
                                     f"built site, so every page that uses it has a dead link. {fix}",
                                     link.line))
    return errors
