"""Make a fresh Python's first Check as quick as its next one.

The first verdict on a reply reads every word list it needs and builds its patterns (all
cached from then on). `warm_up` does that ahead, by judging a fixed reply of our own with
every detector and running one fixed line of code. The browser calls it in the interpreter
that a memory snapshot is made from, so a returning learner's Python starts with it done;
nothing of a learner's is ever involved.
"""

from __future__ import annotations

from .detectors import DETECTORS
from .sandbox import run_json
from .written import check_written

WARM_REPLY = ("I feel lonely when you look at your phone, because I need connection. "
              "That sounds really hard, and I'm sorry. Can you tell me more about it?")


def warm_up() -> bool:
    """Judge WARM_REPLY with every detector and run one line; True when both worked."""
    rules = {"min_words": 1, "look_for": [
        {"id": f"warm-{n}", "detect": [name], "phrases": [], "part": "", "praise": "{found}", "tip": ""}
        for n, name in enumerate(DETECTORS)], "avoid": []}
    verdict = check_written(rules, "", WARM_REPLY)
    return isinstance(verdict.get("items"), list) and '"42\\n"' in run_json("print(6 * 7)")
