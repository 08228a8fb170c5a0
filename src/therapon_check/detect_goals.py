"""Detectors of what helps: validation, thanks, a need, a time, a description, something said back,
and the line an exercise asks the learner not to hand back."""

from __future__ import annotations

from . import detect_moves as moves
from .detecting import DETECTORS, QUESTION_OPENERS, Scene, detector, is_question, unique
from .matching import Found, Phrases, lexicon_phrases
from .reading import NEGATORS, Reading

# How a need or a "when" is said, beside the needs lexicon's own entries.
NEED_PHRASES = Phrases(("i need to feel", "need to feel", "i need", "i would love", "matters to me",
                        "important to me", "i miss", "i have been missing", "i have missed", "missing us",
                        "i want to feel", "to feel close", "to feel connected",
                        "feel close", "feel like we",
                        # a wish for the two of them says what is needed as well as "I need" does (a bare
                        # "can we…?" is a request, which an exercise may ask for besides the need)
                        "i want us to", "i would like us to", "i would like it if", "i would love it if",
                        "it would mean a lot", "it would help me", "i would really appreciate"))
WHEN_PHRASES = Phrases(("when", "whenever", "every time we", "if you", "while you", "while i", "after you"))


@detector("validation")
def validation(reading: Reading, scene: Scene) -> list[Found]:
    """Saying the feeling makes sense: "it makes (total) sense", "no wonder", "I can see why".
    Not when negated ("that doesn't make sense"), and not a non-apology."""
    apologies = DETECTORS["non-apology"](reading, scene)
    return [f for f in lexicon_phrases("validation").find(reading)
            if not _denied(reading, f) and not any(a.first <= f.first <= a.last for a in apologies)]


# Words that may stand between a "not" and the "make sense" it denies ("doesn't really make sense").
SOFTENERS = frozenset("really quite totally entirely fully completely even exactly".split())


def _denied(reading: Reading, found: Found) -> bool:
    """"That doesn't make sense" denies it. A bare "makes sense" takes what comes before it as
    its subject, and a "not" in there is the partner's, not the writer's: "feeling like you don't
    count makes sense", "not being asked first makes sense"."""
    if reading.words[found.first].form not in ("make", "makes", "made"):
        return reading.negated(found.first)
    back = found.first - 1
    while back >= 0 and reading.words[back].form in SOFTENERS:
        back -= 1
    return back >= 0 and reading.words[back].form in NEGATORS \
        and reading.words[back].clause == reading.words[found.first].clause


@detector("thanks")
def thanks(reading: Reading, scene: Scene) -> list[Found]:
    """Thanks for sharing: "thank you for telling me", "I'm glad you told me". Not sarcastic thanks."""
    mocking = moves.sarcasm(reading, scene)
    return [f for f in lexicon_phrases("gratitude").find(reading)
            if not any(m.first <= f.first <= m.last for m in mocking)]


@detector("specific")
def specific(reading: Reading, scene: Scene) -> list[Found]:
    """What and when, concrete enough to act on: an activity, a day, a time, a number."""
    found = lexicon_phrases("specifics").find(reading) + time(reading, scene)
    return sorted(unique(found + scene.words.find(reading)), key=lambda f: f.first)


@detector("time")
def time(reading: Reading, scene: Scene) -> list[Found]:
    """When: a day, a part of the day, a clock time ("on Saturday morning", "at 7", "tonight")."""
    found = lexicon_phrases("times").find(reading)
    found += [Found(p, p, w.form, reading.quote(p, p)) for p, w in enumerate(reading.words)
              if any(c.isdigit() for c in w.form)]
    return sorted(unique(found), key=lambda f: f.first)


@detector("observation")
def observation(reading: Reading, scene: Scene) -> list[Found]:
    """What a camera would see: the scene's own things said as a fact ("the sink is full"), or an
    "I noticed…" that goes on to say what. Not a thing only asked about ("Can you do the
    dishes?"), an arrival alone ("I came home and felt sad") or an "I saw…" that trails off."""
    stated = [f for f in scene.words.find(reading) if not _asked(reading, f) and not _vague(reading, f)]
    said = lexicon_phrases("observations").find(reading)
    if not stated:  # no scene thing said as a fact: "I saw the…" must go on to say something
        looked = [f for f in said if f.entry.split()[-1] not in ARRIVING]
        if not any(w.form.isalnum() for f in looked for w in reading.words[f.last + 1:]):
            return []
    return sorted(unique(said + stated), key=lambda f: f.first)


def _asked(reading: Reading, found: Found) -> bool:
    """A scene thing inside a question. "The sink is full, could we do them together?" states it
    first, in a clause of its own that does not open like a question; "Can you do the dishes?" asks."""
    sentence = reading.sentence_of(found.first)
    if not is_question(reading, sentence):
        return False
    words = reading.words
    clause = words[found.first].clause
    if clause == words[sentence[-1]].clause:
        return True
    opening = next(p for p in sentence if words[p].clause == clause)
    return is_question(reading, range(opening, found.first + 1)) or words[opening].form in QUESTION_OPENERS


# "Something about the kitchen", "the dishes situation": a thing named without what was seen.
VAGUE_BEFORE = (("something", "about"), ("anything", "about"), ("stuff", "about"), ("stuff", "with"),
                ("something", "with"), ("things", "with"))
DETERMINERS = frozenset("the this that our".split())
VAGUE_AFTER = frozenset("situation thing things stuff issue business".split())


def _vague(reading: Reading, found: Found) -> bool:
    """A scene thing only gestured at: "Something about the kitchen is bothering me"."""
    words = [w.form for w in reading.words]
    before = [f for f in words[max(found.first - 3, 0):found.first] if f not in DETERMINERS]
    after = words[found.last + 1] if found.last + 1 < len(words) else ""
    return tuple(before[-2:]) in VAGUE_BEFORE or after in VAGUE_AFTER


# "When I got home", "I came in": when it was, not what a camera saw ("I came home and felt sad").
ARRIVING = frozenset(("home", "in"))


@detector("says-back")
def says_back(reading: Reading, scene: Scene) -> list[Found]:
    """Something the partner said, said back: the scene's own words (the exercise lists them)."""
    return scene.words.find(reading)


@detector("reflection")
def reflection(reading: Reading, scene: Scene) -> list[Found]:
    """An opening that says back what was heard: "it sounds like", "what I heard is", "so you…"."""
    return lexicon_phrases("reflections").find(reading)


@detector("need")
def need(reading: Reading, scene: Scene) -> list[Found]:
    """A need named: "because I need closeness", "time together", "to feel close"."""
    return unique(lexicon_phrases("needs").find(reading) + NEED_PHRASES.find(reading))


@detector("when")
def when(reading: Reading, scene: Scene) -> list[Found]:
    """When it happens: "when you…", "whenever…", "after…"."""
    return WHEN_PHRASES.find(reading)


@detector("copies-prompt")
def copies_prompt(reading: Reading, scene: Scene) -> list[Found]:
    """The line the learner was asked to rewrite, handed back nearly word for word."""
    if not scene.original or not reading.words:
        return []
    # Pronouns are folded, so Sofia's "I felt like I didn't count" said back as "you felt like
    # you didn't count" is still her line handed back.
    original = [_person(s) for s in Reading(scene.original).stems]
    said = [_person(s) for s in reading.stems]
    shared = sum(1 for stem in said if stem in set(original))
    if len(said) >= 3 and shared / len(said) >= 0.8 and shared / max(len(original), 1) >= 0.6:
        return [Found(0, len(said) - 1, "original", reading.quote(0, len(said) - 1))]
    return []


PERSONS = {"i": "*", "you": "*", "me": "*", "my": "*", "your": "*", "myself": "*", "yourself": "*",
           "am": "be", "are": "be", "was": "be", "were": "be", "mine": "*", "yours": "*"}


def _person(stem: str) -> str:
    return PERSONS.get(stem, stem)
