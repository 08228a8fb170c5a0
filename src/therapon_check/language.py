"""Helpers for checkers of written practice: find feelings, needs, judgements, blame and advice.

A checker author writes check(response) with these and collects Feedback, for what an
exercise's rules (exercise.toml) cannot say. Every helper uses the one matcher the rules use
(matching.py): capitals, curly quotes, contractions, texting forms ("u", "bc"), British and
American spellings and inflections ("worried" for "worry") never change a result, and no
phrase is found across the end of a sentence. `detect(name, text)` runs any built-in detector,
which also knows negation ("I'm not angry") and whose feeling a word names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .detectors import DETECTORS, Scene
from .matching import Phrases, lexicon_phrases
from .phrases import normalise, word_count, words
from .reading import Reading
from .verdict import ID_PATTERN, LEVELS

__all__ = [
    "LEVELS", "Feedback", "IStatement", "absolutes", "advice", "blame", "blaming", "detect", "feelings",
    "find", "i_statement", "interpretations", "is_question", "judgements", "needs", "normalise", "questions",
    "sentences", "quoted", "word_count", "words", "you_statements",
]

_SENTENCE_END = re.compile(r"""[.!?…]+["'”’»)\]]*(?!\d)|\n""")
_FILLERS = frozenset("and but so well then".split())
_AUXILIARIES = frozenset("do does did can could would will are is was were am have has should shall".split())
_SUBJECTS = frozenset("you i we they he she there anyone anybody someone somebody everyone everybody".split())
_WH_WORDS = frozenset("what when where who which how".split())


def sentences(text: str) -> list[str]:
    """Sentences as written, split after . ! ? and at line breaks ("3.5" is not split)."""
    parts, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        parts.append(text[start:end.end()])
        start = end.end()
    parts.append(text[start:])
    return [part.strip() for part in parts if any(char.isalnum() for char in part)]


def is_question(sentence: str) -> bool:
    """A question mark ends it, or it opens like a question ("why ...", "do you ...", "what are ...")."""
    text = normalise(sentence).rstrip("\"')] ")
    if re.search(r"\?[.!?]*$", text):
        return True
    said = words(text)
    while said and said[0] in _FILLERS:
        said = said[1:]
    if len(said) < 2:
        return False
    first, second = said[0], said[1]
    if first == "why":
        return True
    if first in _WH_WORDS:
        return second in _AUXILIARIES or (first, second) == ("how", "come")
    if first in _AUXILIARIES:
        if second == "not" and len(said) > 2:
            second = said[2]
        return second in _SUBJECTS
    return False


def questions(text: str) -> list[str]:
    """The sentences of a text that are questions, as written."""
    return [sentence for sentence in sentences(text) if is_question(sentence)]


def you_statements(text: str) -> list[str]:
    """The sentences, as written, whose first word is "you" ("You're late" too, "Your" not)."""
    return [sentence for sentence in sentences(text) if words(sentence)[:1] == ["you"]]


def _entries(lexicon: str, text: str) -> list[str]:
    """The entries of a lexicon found in a text, in the order first written, each once."""
    return list(dict.fromkeys(f.entry for f in lexicon_phrases(lexicon).find(Reading(text))))


def feelings(text: str) -> list[str]:
    """Feeling words, in the order written ("I feel lonely and tired" -> ["lonely", "tired"])."""
    return _entries("feelings", text)


def interpretations(text: str) -> list[str]:
    """Words that say what the other person did rather than a feeling ("ignored", "let down")."""
    return _entries("interpretations", text)


def needs(text: str) -> list[str]:
    """Needs, in the order written ("because I need rest" -> ["rest"])."""
    return _entries("needs", text)


def judgements(text: str) -> list[str]:
    """Labels for a person ("lazy", "selfish", "control freak")."""
    return _entries("judgements", text)


def absolutes(text: str) -> list[str]:
    """Words that make one event a rule: "always", "never", "every time", "all the time", "constantly"."""
    return _entries("absolutes", text)


def blame(text: str) -> list[str]:
    """Phrases that put the speaker's feelings on the partner: "you made me", "it is your fault"."""
    return _entries("blame", text)


def blaming(text: str) -> list[str]:
    """Absolutes and blame together, each phrase once: what most checkers flag as one concern."""
    return list(dict.fromkeys(absolutes(text) + blame(text)))


def quoted(phrases: list[str]) -> str:
    """Phrases for a message, each in quotation marks: '"never", "your fault"'."""
    return ", ".join(f'"{phrase}"' for phrase in phrases)


def advice(text: str) -> list[str]:
    """Unasked-for advice and fixing: "you should", "why do not you" (from "why don't you")."""
    return _entries("fixing", text)


def find(text: str, phrases: tuple[str, ...] | list[str]) -> list[str]:
    """Your own phrases, found by the matcher the rules use, in the order written, each once:
    find("I'm sorry, but he's my brother", ["but he", "i am sorry"]) -> ["i am sorry", "but he"]."""
    return list(dict.fromkeys(f.entry for f in _phrases(tuple(phrases)).find(Reading(text))))


@lru_cache(maxsize=128)
def _phrases(phrases: tuple[str, ...]) -> Phrases:
    return Phrases(phrases)


def detect(name: str, text: str) -> list[str]:
    """What a built-in detector finds (the names are those rules use, e.g. "partner-feeling"),
    as the learner's own words: detect("sarcasm", "Oh sure, poor you") -> ["Oh sure", "poor you"]."""
    if name not in DETECTORS:
        raise ValueError(f"There is no detector called {name!r}. "
                         f"The detectors are: {', '.join(sorted(DETECTORS))}.")
    return [f.quote for f in DETECTORS[name](Reading(text), Scene())]


@dataclass(frozen=True)
class IStatement:
    """The parts of "I feel <feeling> when <situation> because I need <need>" found in a text."""

    starts_with_i: bool
    feeling: str | None
    has_feel: bool
    has_when: bool
    has_because: bool
    need: str | None

    @property
    def complete(self) -> bool:
        """A feeling named after "I feel", a "when", and a reason or a need."""
        return (self.has_feel and self.feeling is not None and self.has_when
                and (self.has_because or self.need is not None))


def i_statement(text: str) -> IStatement:
    """How far a text is an I-statement; complete needs a feeling, a "when" and a reason or need."""
    reading = Reading(text)
    own = DETECTORS["own-feeling"](reading, Scene())
    after_feel = [f for f in own if any(w.stem == "feel" for w in reading.words[max(f.first - 3, 0):f.first])]
    own = after_feel or own  # "I'm exhausted. I feel overwhelmed when…": the one after "I feel"
    found_needs = needs(text)
    said = f" {' '.join(w.form for w in reading.words)} "
    return IStatement(
        starts_with_i=words(text)[:1] == ["i"],
        feeling=own[0].entry if own else None,
        has_feel=any(w.stem == "feel" for w in reading.words),
        has_when=bool(DETECTORS["when"](reading, Scene())),
        has_because=any(cue in said for cue in (" because ", " since ", " as i ")),
        need=found_needs[0] if found_needs else None,
    )


_ID = ID_PATTERN


class Feedback:
    """Observations on one response, in the order the checker makes them, then the verdict."""

    def __init__(self) -> None:
        self._observations: list[dict[str, str]] = []

    def good(self, id: str, message: str) -> Feedback:
        """Something the response does well."""
        return self._add(id, "good", message)

    def tip(self, id: str, message: str) -> Feedback:
        """A suggestion that would make the response better."""
        return self._add(id, "tip", message)

    def concern(self, id: str, message: str) -> Feedback:
        """Something in the response that works against its goal."""
        return self._add(id, "concern", message)

    @property
    def ids(self) -> list[str]:
        return [observation["id"] for observation in self._observations]

    def result(self, meets_goal: bool) -> dict[str, Any]:
        """What check(response) returns: the verdict and a copy of every observation."""
        if not isinstance(meets_goal, bool):
            raise TypeError(f"meets_goal must be True or False, not {meets_goal!r}.")
        return {"meets_goal": meets_goal, "observations": [dict(o) for o in self._observations]}

    def _add(self, id: str, level: str, message: str) -> Feedback:
        if not isinstance(id, str) or not _ID.fullmatch(id):
            raise ValueError(f"Feedback id {id!r} must be lower-case letters and digits joined by "
                             "hyphens, like 'names-a-feeling'.")
        if not isinstance(message, str) or not message.strip():
            raise ValueError(f"Feedback {id!r} needs a message for the learner (a non-empty string).")
        self._observations.append({"id": id, "level": level, "message": message})
        return self
