"""therapon_check.reading and matching: how a reply is read, and the one phrase matcher."""

from __future__ import annotations

import pytest

from therapon_check.matching import Phrases, compile_entry
from therapon_check.reading import Reading, stem


def cases(*rows):
    return [pytest.param(*row[1:], id=row[0]) for row in rows]


@pytest.mark.parametrize("word, expected", cases(
    ("plural", "dishes", "dish"),
    ("ies", "worries", "worry"),
    ("ied", "worried", "worry"),
    ("ing", "worrying", "worry"),
    ("doubled-consonant", "stopping", "stop"),
    ("irregular", "felt", "feel"),
    ("e-dropped-alike", "caring", stem("care")),
    ("ness", "laziness", "lazy"),
    ("not-an-inflection", "evening", "evening"),
    ("function-word-untouched", "was", "was"),
    ("british", "realised", stem("realized")),
    ("british-table", "colour", "color"),
))
def test_stem(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize("text, forms", cases(
    ("contraction", "You're late", ["you", "are", "late"]),
    ("no-apostrophe", "dont worry", ["do", "not", "worry"]),
    ("texting", "u r so tired bc ur busy", ["you", "are", "so", "tired", "because", "you", "are", "busy"]),
    ("ur-as-your", "ur phone", ["your", "phone"]),
    ("typo", "i feel lonley", ["i", "feel", "lonely"]),
    ("hyphen", "left-out", ["left", "out"]),
    ("emoji-is-a-word", "ok 🙄", ["ok", "🙄"]),
    ("dialect", "whit's wrang wi ye", ["what", "is", "wrang", "with", "you"]),
    ("dialect-contraction", "ye've nae time", ["you", "have", "no", "time"]),
    ("dropped-g", "missin' you 'cause", ["missing", "you", "because"]),
    ("dropped-g-needs-its-apostrophe", "the cabin' robin", ["the", "cabin", "robin"]),
    ("dialect-phrase", "pure scunnered", ["pure", "fed", "up"]),
))
def test_words_are_read_as_a_listener_would(text, forms):
    assert [w.form for w in Reading(text).words] == forms


def test_words_keep_their_place_for_quoting():
    reading = Reading("Honestly, you’re SO lazy!")
    assert reading.quote(1, 4) == "you’re SO lazy"  # "you're" is two words with one span
    spans = [reading.text[w.start:w.end] for w in reading.words]
    assert spans == ["Honestly", "you’re", "you’re", "SO", "lazy"]


def test_sentences_and_clauses():
    reading = Reading("I'm not angry, it makes sense. Really? Now? 🙄 3.5 hours")
    assert [reading.sentence_text(s) for s in reading.sentences] == [
        "I'm not angry, it makes sense.", "Really?", "Now? 🙄", "3.5 hours"]
    angry = next(i for i, w in enumerate(reading.words) if w.form == "angry")
    sense = next(i for i, w in enumerate(reading.words) if w.form == "sense")
    assert reading.negated(angry) and not reading.negated(sense)  # the comma ends the negation


def test_but_opens_a_clause_and_ends_a_negation():
    reading = Reading("I'm not upset but hurt")
    forms = [w.form for w in reading.words]
    assert reading.negated(forms.index("upset")) and not reading.negated(forms.index("hurt"))


@pytest.mark.parametrize("entry, text, found", cases(
    ("plain", "you should", "You should rest", ["You should"]),
    ("inflection", "worry", "I was worried", ["worried"]),
    ("filler-inside", "makes sense", "It makes total sense", ["makes total sense"]),
    ("two-fillers", "i can see why", "I can really truly see why", ["I can really truly see why"]),
    ("not-across-a-sentence", "me too", "Thanks for telling me. Too much at once.", []),
    ("across-a-comma", "oh sure", "Oh, sure.", ["Oh, sure"]),
    ("any-word", "would * kill you", "Would it kill you to call?", ["Would it kill you"]),
    ("gap", "if you ... i will", "If you say no then I will go", ["If you say no then I will"]),
    ("exact", '"wiped"', "I wipe the counter. I'm wiped.", ["wiped"]),
    ("not-followed-by", "you must !feel", "You must feel alone. You must stop.", ["You must"]),
    ("opens-a-clause", "^i am happy", "Whether I'm happy. No, I'm happy.", ["I'm happy"]),
    ("british-and-american", "apologize", "I apologise", ["apologise"]),
))
def test_the_matcher(entry, text, found):
    assert [f.quote for f in Phrases([entry]).find(Reading(text))] == found


def test_the_longest_entry_wins_and_a_blocker_reports_nothing():
    phrases = Phrases(["mean", "you mean"], blockers=["what you mean", "mean"])
    assert phrases.blockers == frozenset({"what you mean"})  # an entry beats a blocker of the same words
    assert [f.entry for f in phrases.find(Reading("That's what you mean. You're mean."))] == ["mean"]
    assert compile_entry("don't worry") == compile_entry("do not worry")
