"""Small HTML helpers: author Markdown to HTML, escaping, and JSON that is safe inside <script>."""

from __future__ import annotations

import html
import json
from functools import lru_cache
from typing import Any

import markdown


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=["extra", "sane_lists"])


@lru_cache(maxsize=1024)
def markdown_to_html(text: str) -> str:
    """Render an author's prompt or hint; cached because serve rebuilds often."""
    return _converter().reset().convert(text)


def inline_markdown(text: str) -> str:
    """Markdown for a one-line snippet, without the wrapping paragraph."""
    rendered = markdown_to_html(text)
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return rendered[3:-4]
    return rendered


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def script_json(data: Any) -> str:
    """JSON to embed in HTML as text: no '<', '>' or '&' can end or alter the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
