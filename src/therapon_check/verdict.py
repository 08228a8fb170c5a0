"""The one verdict shape, for written practice and code alike, and the sentence that sums it up.

    {"meets_goal": bool, "items": [{"level": "good"|"tip"|"concern", "id": str, "message": str}],
     "summary": str}

Items come in the order a learner should read them: concerns first, then tips, then what is
already good. The summary never says "well done" while a concern stands, and says which parts
of the goal the reply already has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .words import ENGLISH, joined, say, say_count

# Shared with the build and the page through therapon.contract (this package runs in the
# browser without it): an item's level, and the shape of every id, an item's as an exercise's.
LEVELS = ("good", "tip", "concern")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ORDER = {level: rank for rank, level in enumerate(reversed(LEVELS))}  # concerns first
MET = ENGLISH["met"]  # the summary of a reply that meets the goal, in English


def item(level: str, id: str, message: str) -> dict[str, str]:
    return {"level": level, "id": id, "message": message}


def in_reading_order(items: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    return sorted(items, key=lambda i: ORDER[i["level"]])


def summary(meets_goal: bool, items: list[dict[str, str]], has: list[str], lacks: list[str]) -> str:
    """What the reply achieved, in one or two sentences; `has` and `lacks` name goal parts."""
    concerns = sum(1 for i in items if i["level"] == "concern")
    already = say("already", parts=joined(has)) if has else ""
    if concerns:
        return say_count("concerns", concerns, already=already)
    if meets_goal:
        return say("met")
    if lacks:
        return say("needs", already=already, parts=joined(lacks))
    return say("notQuite")


def verdict(meets_goal: bool, items: list[dict[str, str]], has: list[str] = (),  # type: ignore[assignment]
            lacks: list[str] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    ordered = in_reading_order(items)
    concerned = any(i["level"] == "concern" for i in ordered)
    meets = meets_goal and not concerned
    return {"meets_goal": meets, "items": ordered, "summary": summary(meets, ordered, list(has), list(lacks))}
