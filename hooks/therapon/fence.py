"""The ```exercise fence: a pymdownx.superfences custom fence whose body is an exercise id."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from mkdocs.exceptions import PluginError
from pymdownx.superfences import SuperFencesException

FENCE_NAME = "exercise"
FENCE_LINE = re.compile(rf"^[\s>]*(`{{3,}}|~{{3,}})\s*{FENCE_NAME}\b")


class FenceError(SuperFencesException, PluginError):
    """Superfences re-raises it instead of quietly showing the fence as code, and MkDocs
    reports it as a build error without a Python traceback."""


def fence_id(source: str) -> str:
    """The id written inside the fence, as `listener-tally` or `id: listener-tally`."""
    lines = [line.strip() for line in source.strip().splitlines() if line.strip()]
    if len(lines) != 1:
        return ""
    return re.sub(r"^id\s*:\s*", "", lines[0]).strip().strip("\"'")


def fence_lines(markdown: str) -> list[int]:
    """The 1-based lines where exercise fences open, in order, to locate errors."""
    return [n for n, line in enumerate(markdown.splitlines(), start=1) if FENCE_LINE.match(line)]


def custom_fence(render: Callable[[str], str]) -> dict[str, Any]:
    """The superfences entry; `render` maps the fence body to HTML or raises FenceError."""

    def formatter(source: str, language: str, class_name: str, options: dict[str, Any],
                  md: Any, **kwargs: Any) -> str:
        return render(source)

    return {"name": FENCE_NAME, "class": FENCE_NAME, "format": formatter}
