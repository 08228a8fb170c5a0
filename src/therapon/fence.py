"""The ```exercise fence: a pymdownx.superfences custom fence whose body is an exercise id.

The same machinery serves the ```answers fence (see answers.py), whose body lists ids."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from mkdocs.exceptions import PluginError
from pymdownx.superfences import SuperFencesException

FENCE_NAME = "exercise"
ANY_FENCE = re.compile(r"^[\s>]*(`{3,}|~{3,})\s*([^\s`]*)")


class FenceError(SuperFencesException, PluginError):
    """Superfences re-raises it instead of quietly showing the fence as code, and MkDocs
    reports it as a build error without a Python traceback."""


def fence_id(source: str) -> str:
    """The id written inside the fence, as `listener-tally` or `id: listener-tally`."""
    lines = [line.strip() for line in source.strip().splitlines() if line.strip()]
    if len(lines) != 1:
        return ""
    return re.sub(r"^id\s*:\s*", "", lines[0]).strip().strip("\"'")


def fence_lines(markdown: str, name: str = FENCE_NAME) -> list[int]:
    """The 1-based lines where fences named `name` open, in order, to locate errors.

    Fences shown as examples inside another fenced block are not exercises, so they are
    skipped, keeping later line numbers right."""
    found: list[int] = []
    open_fence = ""
    for number, line in enumerate(markdown.splitlines(), start=1):
        match = ANY_FENCE.match(line)
        if not match:
            continue
        marker, info = match.groups()
        if open_fence:
            if marker[0] == open_fence[0] and len(marker) >= len(open_fence) and not info:
                open_fence = ""
            continue
        open_fence = marker
        if info.strip("{}").lstrip(".") == name:
            found.append(number)
    return found


def custom_fence(render: Callable[[str], str], name: str = FENCE_NAME) -> dict[str, Any]:
    """The superfences entry; `render` maps the fence body to HTML or raises FenceError."""

    def formatter(source: str, language: str, class_name: str, options: dict[str, Any],
                  md: Any, **kwargs: Any) -> str:
        return render(source)

    return {"name": name, "class": name, "format": formatter}
