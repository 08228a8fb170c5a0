"""The rule engine: an exercise's rules, written as data in its exercise.toml, judge one reply.

A rule says what to look for or what to avoid, by a built-in detector (detectors.py), a phrase
list of the author's own, or both. Looked-for rules that name a `part` make up the goal: the
reply meets it when it has every part and no avoided move. Rules arrive here as plain data, the
build having checked every field, so the same dict runs in CPython and in Pyodide.

    {"min_words": 3, "original": "…", "scene": ["…"],
     "look_for": [{"id", "detect": [...], "phrases": [...], "part", "praise", "tip"}],
     "avoid": [{"id", "detect": [...], "phrases": [...], "message", "level", "fails", "unless": [...]}]}

A looked-for rule that is missing gives its tip under the id "<id>-missing". An avoided move is
not raised when a looked-for rule it names in `unless` finds something ("I'm sorry you felt left
out" owns nothing, unless the reply goes on to own the act).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .detectors import DETECTORS, Scene
from .matching import Found, Phrases
from .reading import Reading
from .verdict import item, verdict
from .words import say

MAX_QUOTES = 3


@lru_cache(maxsize=256)
def _phrases(entries: tuple[str, ...]) -> Phrases:
    return Phrases(entries)


def quoted(found: list[Found]) -> str:
    """The learner's own words, in quotation marks: '"never", "you always"'."""
    quotes = list(dict.fromkeys(f.quote for f in found))[:MAX_QUOTES]
    return ", ".join(f"“{q}”" for q in quotes)


def find(rule: dict[str, Any], reading: Reading, scene: Scene) -> list[Found]:
    """What one rule finds: its detectors' matches and its own phrases', in reading order."""
    found: list[Found] = []
    for name in rule.get("detect", ()):
        found += DETECTORS[name](reading, scene)
    if rule.get("phrases"):
        found += _phrases(tuple(rule["phrases"])).find(reading)
    return sorted(found, key=lambda f: f.first)


def fill(message: str, found: list[Found]) -> str:
    return message.replace("{found}", quoted(found))


def judge(rules: dict[str, Any], response: str) -> dict[str, Any]:
    """The verdict of an exercise's rules on one reply (verdict.py has its shape)."""
    reading = Reading(response)
    scene = Scene(_phrases(tuple(rules.get("scene", ()))), rules.get("original", ""))
    parts = [r["part"] for r in rules.get("look_for", ()) if r.get("part")]
    if reading.word_count() < rules.get("min_words", 1):
        return verdict(False, [item("tip", "too-short", say("tooShort"))], lacks=parts)
    looked = {rule["id"]: find(rule, reading, scene) for rule in rules.get("look_for", ())}
    items: list[dict[str, str]] = []
    avoided = False
    for rule in rules.get("avoid", ()):
        found = find(rule, reading, scene)
        if found and not any(looked.get(other) for other in rule.get("unless", ())):
            items.append(item(rule.get("level", "concern"), rule["id"], fill(rule["message"], found)))
            avoided = avoided or rule.get("fails", True)
    concern = any(i["level"] == "concern" for i in items)
    has, lacks = [], []
    for rule in rules.get("look_for", ()):
        found = looked[rule["id"]]
        part = rule.get("part", "")
        if found:
            has += [part] if part else []
            if not concern:
                items.append(item("good", rule["id"], fill(rule["praise"], found)))
            elif part:  # what the reply already has, said plainly: no praise while a concern stands
                items.append(item("good", rule["id"], say("alreadyThere", part=part, found=quoted(found))))
        else:
            lacks += [part] if part else []
            if rule.get("tip"):
                items.append(item("tip", f"{rule['id']}-missing", rule["tip"]))
    return verdict(not avoided and not lacks, items, has, lacks)
