"""What every detector shares: the registry, the scene an exercise describes, and small helpers.

The detectors themselves are in detect_feelings.py, detect_questions.py, detect_moves.py and
detect_goals.py; detectors.py is the one place that names them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .matching import Found, Phrases, lexicon_phrases
from .reading import Reading

QUESTION_OPENERS = frozenset(
    "what when where who whom whose which how why do does did can could would will should shall is "
    "are was were am have has had may might".split())
TAGS = frozenset("right yeah ok okay no yes correct".split())


@dataclass
class Scene:
    """What an exercise tells the detectors about its scenario."""

    words: Phrases = field(default_factory=lambda: Phrases(()))  # the scene's own words
    original: str = ""  # the line the learner is asked to rewrite, never to hand back


Detector = Callable[[Reading, Scene], list[Found]]
DETECTORS: dict[str, Detector] = {}


def detector(name: str) -> Callable[[Detector], Detector]:
    def register(function: Detector) -> Detector:
        DETECTORS[name] = function
        return function
    return register


def lexicon_detector(name: str, lexicon: str) -> None:
    """A detector that is its lexicon, nothing more."""
    def find(reading: Reading, scene: Scene) -> list[Found]:
        return lexicon_phrases(lexicon).find(reading)
    find.__doc__ = f"Phrases from lexicon/{lexicon}.txt."
    DETECTORS[name] = find


def feelings_in(reading: Reading, *lexicons: str) -> list[Found]:
    """Words of the given lexicons that are not negated ("I'm not angry" names no anger)."""
    found: list[Found] = []
    for name in lexicons:
        found += lexicon_phrases(name).find(reading)
    return sorted((f for f in found if not reading.negated(f.first)), key=lambda f: f.first)


def is_question(reading: Reading, span: range) -> bool:
    text = reading.sentence_text(span).rstrip()
    while text and not (text[-1].isalnum() or text[-1] in ".?!"):  # quotes, brackets, an emoji 🙄
        text = text[:-1].rstrip()
    if text.endswith("?"):
        return True
    forms = [reading.words[p].form for p in span]
    while forms and forms[0] in ("and", "but", "so", "well", "okay", "ok", "oh", "hey", "love"):
        forms = forms[1:]
    if len(forms) < 2:
        return False
    if forms[0] == "why" or (forms[0] == "how" and forms[1] == "come"):
        return True
    if forms[0] in ("what", "when", "where", "who", "which", "how"):
        return forms[1] in QUESTION_OPENERS
    return forms[0] in QUESTION_OPENERS and forms[1] in ("you", "i", "we", "they", "not", "it", "that")


def within(found: list[Found], span: range) -> list[Found]:
    """The matches that start inside a sentence (or any range of words)."""
    return [f for f in found if f.first in span]


def unique(found: list[Found]) -> list[Found]:
    """One match per place: the longest where two overlap."""
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (f.first, -(f.last - f.first))):
        if not any(k.first <= f.first <= k.last for k in kept):
            kept.append(f)
    return kept
