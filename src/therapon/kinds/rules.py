"""The rules of a `text` exercise, as its exercise.toml writes them: the field tables, their
validators, and the plain data the checking package receives (therapon_check/rules.py).

    [[look_for]]                  [[avoid]]
    id = "feeling"                id = "blame"
    detect = "partner-feeling"    detect = ["blame", "absolutes"]
    phrases = ["…"]               phrases = ["…"]
    part = "naming the feeling"   message = "{found} sounds like blame…"
    praise = "You named {found}." level = "concern"   # or "tip"
    tip = "Name the feeling…"     fails = true         # false: a note that does not fail the goal
                                  unless = ["owns-it"]  # not raised when these rules find something
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from therapon_check.detectors import DETECTORS

from ..model import Exercise
from ..options import (
    REQUIRED,
    Field,
    Invalid,
    boolean,
    exercise_id,
    list_of_strings,
    non_empty_string,
    non_negative_int,
    one_of,
    string,
    table_list,
)

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
TOO_SHORT = "too-short"
MISSING = "-missing"


def detector_names(value: Any) -> tuple[str, ...]:
    """One built-in detector by name, or a list of them."""
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise Invalid('must name a detector, or a list of them: detect = "partner-feeling" or '
                      'detect = ["blame", "absolutes"].')
    for name in names:
        if name not in DETECTORS:
            close = difflib.get_close_matches(name, list(DETECTORS), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise Invalid(f"names the detector '{name}', which does not exist.{hint} The detectors are: "
                          f"{', '.join(sorted(DETECTORS))} (AUTHORING.md says what each finds).")
    return tuple(names)


def phrases(value: Any) -> tuple[str, ...]:
    found = list_of_strings(value)
    if any(not p.strip() for p in found):
        raise Invalid('must not hold an empty phrase. Write phrases = ["don\'t worry", "calm down"].')
    return found


def message(value: Any) -> str:
    """A message for the learner; {found} is the only placeholder (the learner's own words)."""
    text = non_empty_string(value)
    unknown = [p for p in PLACEHOLDER.findall(text) if p != "found"]
    if unknown:
        raise Invalid(f"uses {{{unknown[0]}}}, which is not a placeholder. The only one is {{found}}, "
                      "the learner's own words that the rule found.")
    return text


LOOK_FOR_FIELDS = {
    "id": Field(REQUIRED, exercise_id),
    "detect": Field((), detector_names),
    "phrases": Field((), phrases),
    "part": Field("", string),
    "praise": Field(REQUIRED, message),
    "tip": Field("", message),
}
AVOID_FIELDS = {
    "id": Field(REQUIRED, exercise_id),
    "detect": Field((), detector_names),
    "phrases": Field((), phrases),
    "message": Field(REQUIRED, message),
    "level": Field("concern", one_of(("concern", "tip"))),
    "fails": Field(True, boolean),
    "unless": Field((), list_of_strings),
}
FIELDS = {
    "min_words": Field(1, non_negative_int),
    "original": Field("", string),
    "scene": Field((), phrases),
    "look_for": Field((), table_list(LOOK_FOR_FIELDS)),
    "avoid": Field((), table_list(AVOID_FIELDS)),
}


def rules_of(exercise: Exercise) -> dict[str, Any]:
    """The rules as the checking package takes them: plain data, the same in the browser."""
    fields = exercise.fields
    return {
        "min_words": fields["min_words"],
        "original": fields["original"],
        "scene": list(fields["scene"]),
        "look_for": [{**rule, "detect": list(rule["detect"]), "phrases": list(rule["phrases"])}
                     for rule in fields["look_for"]],
        "avoid": [{**rule, "detect": list(rule["detect"]), "phrases": list(rule["phrases"]),
                   "unless": list(rule["unless"])} for rule in fields["avoid"]],
    }


def known_ids(exercise: Exercise) -> set[str]:
    """Every item id the rules can give: a looked-for rule found or missing, an avoided move."""
    look_for = exercise.fields["look_for"]
    return ({r["id"] for r in look_for} | {r["id"] + MISSING for r in look_for if r["tip"]}
            | {r["id"] for r in exercise.fields["avoid"]} | {TOO_SHORT})


def problems(exercise: Exercise) -> list[tuple[str, int, str]]:
    """(table, entry, sentence) for rules that cannot work as written."""
    found: list[tuple[str, int, str]] = []
    seen: dict[str, str] = {}
    for table in ("look_for", "avoid"):
        for number, rule in enumerate(exercise.fields[table], start=1):
            if not rule["detect"] and not rule["phrases"]:
                found.append((table, number, f"the rule '{rule['id']}' finds nothing: give it "
                              'detect = "…" (a built-in detector) or phrases = ["…"], or both.'))
            if rule["id"] in seen:
                found.append((table, number, f"the id '{rule['id']}' is already used by a rule in "
                              f"[[{seen[rule['id']]}]]. Every rule needs its own id."))
            if rule["id"] == TOO_SHORT or rule["id"].endswith(MISSING):
                found.append((table, number, f"the id '{rule['id']}' is kept for the build's own notes "
                              f"('{TOO_SHORT}', and '<id>{MISSING}' for a rule that is not found). "
                              "Choose another id."))
            seen.setdefault(rule["id"], table)
    looked_for = {rule["id"] for rule in exercise.fields["look_for"]}
    for number, rule in enumerate(exercise.fields["avoid"], start=1):
        for other in rule["unless"]:
            if other not in looked_for:
                known = ", ".join(sorted(looked_for)) or "none"
                found.append(("avoid", number, f"the rule '{rule['id']}' names '{other}' in unless, but no "
                              f"[[look_for]] rule has that id. The [[look_for]] ids are: {known}."))
    return found
