"""Helpers for checkers of written practice: find feelings, needs, judgements, blame and advice.

A checker author writes check(response) with these and collects Feedback. Every match is made on
words(), so capitals, curly quotes, contractions and punctuation never change the result.
Matching is literal on purpose, so an author can predict it: a word counts when it is written,
inflections count only when listed in the lexicon, and negation ("I am not angry") is not understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .phrases import find, lexicon_index, normalise, phrase_index, scan, tokens, word_count, words

__all__ = [
    "LEVELS", "Feedback", "IStatement", "absolutes", "advice", "blame", "blaming", "feelings", "i_statement",
    "interpretations", "is_question", "judgements", "needs", "normalise", "questions", "sentences",
    "quoted", "word_count", "words", "you_statements",
]

LEVELS = ("good", "tip", "concern")

_ABSOLUTES = ("always", "never", "every time", "every single time", "all the time", "constantly")
_BLAME = ("you made me", "you make me", "because of you", "your fault", "it is your fault", "you did this",
          "you always", "you never")
_ADVICE = ("you should", "you ought to", "why do not you", "you need to", "you have to", "you must",
           "if i were you", "have you tried", "what you should do")

_SENTENCE_END = re.compile(r"""[.!?…]+["'”’»)\]]*(?!\d)|\n""")
_FILLERS = frozenset("and but so well then".split())
_AUXILIARIES = frozenset("do does did can could would will are is was were am have has should shall".split())
_SUBJECTS = frozenset("you i we they he she there anyone anybody someone somebody everyone everybody".split())
_WH_WORDS = frozenset("what when where who which how".split())
_FEEL_CUE = re.compile(
    r"\bi (?:(?:am|was|have|has|had|been|do|did|not|never|really|just|often|sometimes|always|still|also"
    r"|usually|kind|sort|of|so|keep|kept|start|started|can|could|would|will|might|tend|to) )*"
    r"(?:feel|felt|feeling)\b")
_BE_CUE = re.compile(r"\bi (?:am|was|get|got|have been|had been|become|became)\b")


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


def feelings(text: str) -> list[str]:
    """Feeling words, in the order written ("I feel lonely and tired" -> ["lonely", "tired"])."""
    return find(text, lexicon_index("feelings"))


def interpretations(text: str) -> list[str]:
    """Words that say what the other person did rather than a feeling ("ignored", "let down")."""
    return find(text, lexicon_index("interpretations"))


def needs(text: str) -> list[str]:
    """Needs, in the order written ("because I need rest" -> ["rest"])."""
    return find(text, lexicon_index("needs"))


def judgements(text: str) -> list[str]:
    """Labels for a person ("lazy", "selfish", "control freak")."""
    return find(text, lexicon_index("judgements"))


def absolutes(text: str) -> list[str]:
    """Words that make one event a rule: "always", "never", "every time", "all the time", "constantly"."""
    return find(text, phrase_index(_ABSOLUTES))


def blame(text: str) -> list[str]:
    """Phrases that put the speaker's feelings on the partner: "you made me", "it is your fault"."""
    return find(text, phrase_index(_BLAME))


def blaming(text: str) -> list[str]:
    """Absolutes and blame together, each phrase once: what most checkers flag as one concern."""
    return list(dict.fromkeys(absolutes(text) + blame(text)))


def quoted(phrases: list[str]) -> str:
    """Phrases for a message, each in quotation marks: '"never", "your fault"'."""
    return ", ".join(f'"{phrase}"' for phrase in phrases)


def advice(text: str) -> list[str]:
    """Unasked-for advice: "you should", "why do not you" (from "why don't you"), "if i were you"."""
    return find(text, phrase_index(_ADVICE))


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


def _first_feeling(found_in: tuple[str, ...]) -> str | None:
    """The speaker's own feeling: the first after "I feel", else after "I am", else the first at all."""
    found = scan(found_in, lexicon_index("feelings"))
    joined = " ".join(found_in)
    for cue in (_FEEL_CUE, _BE_CUE):
        match = cue.search(joined)
        if match:
            after = joined[:match.end()].count(" ") + 1
            later = [label for position, label in found if position >= after]
            if later:
                return later[0]
    return found[0][1] if found else None


def i_statement(text: str) -> IStatement:
    """How far a text is an I-statement; complete needs a feeling, a "when" and a reason or need."""
    found_in = tokens(text)
    joined = f" {' '.join(found_in)} "
    found_needs = needs(text)
    return IStatement(
        starts_with_i=words(text)[:1] == ["i"],
        feeling=_first_feeling(found_in),
        has_feel=_FEEL_CUE.search(joined) is not None,
        has_when=" when " in joined or " whenever " in joined,
        has_because=any(cue in joined for cue in (" because ", " since ", " as i ")),
        need=found_needs[0] if found_needs else None,
    )


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


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
