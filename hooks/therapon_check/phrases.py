"""Words and phrase matching for language.py: normalising text, the lexicons, and finding phrases.

Everything matches on words, never on raw text, so "nevertheless" is not "never" and a curly
apostrophe or a capital letter never changes a result.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

LEXICONS = ("feelings", "interpretations", "needs", "judgements")

_CHARACTERS = str.maketrans({
    "’": "'", "‘": "'", "ʼ": "'", "′": "'", "‛": "'", "´": "'", "`": "'",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "–": " - ", "—": " - ", "‐": "-", "‑": "-",
})
_TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_CLAUSE_BREAK = re.compile(r"[^\w\s'-]+| - ")  # a phrase never runs across punctuation
_IRREGULAR = {
    "won't": ("will", "not"), "can't": ("can", "not"), "cannot": ("can", "not"),
    "shan't": ("shall", "not"), "ain't": ("is", "not"), "let's": ("let", "us"), "y'all": ("you", "all"),
}
_SUFFIXES = (("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'d", "would"), ("'m", "am"))
_IS_BEFORE_S = frozenset("it that what there here he she who where how when why".split())
# Contractions typed without the apostrophe, as on a phone; only forms that are not words themselves.
_NO_APOSTROPHE = {word.replace("'", ""): word for word in (
    "don't didn't doesn't isn't aren't wasn't weren't haven't hasn't hadn't shouldn't wouldn't "
    "couldn't mustn't can't won't i'm i've you're you've you'll you'd they're they've we've "
    "that's what's").split()}
# Phrases that hold a lexicon word without meaning it ("the rest of", "what do you mean").
# A lexicon entry of the very same words wins, so "at peace" is still a feeling.
_NOT_MATCHES = (
    "rest of", "calm down", "in touch", "touch base", "help it", "fun of", "used to", "leave me alone",
    "time alone", "alone time", "at peace", "at ease", "safe to say", "crazy about", "hopeless romantic",
    "i mean", "you mean", "we mean", "they mean", "it mean", "that mean", "this mean", "mean to",
    "mean it", "mean that", "mean by", "a cold", "am cold", "got cold", "went cold",
)
BREAK = ","  # stands between clauses in tokens(); no phrase contains it

Phrase = tuple[str, ...]
Index = dict[str, tuple[tuple[Phrase, str | None], ...]]


def normalise(text: str) -> str:
    """One spelling for the same words: straight quotes, spaced dashes, lower case, single spaces."""
    text = unicodedata.normalize("NFKC", text.translate(_CHARACTERS))
    return " ".join(text.lower().split())


def _expand(token: str) -> list[str]:
    """A token with its contraction written out: "don't" -> do not, "Sam's" -> sam."""
    token = _NO_APOSTROPHE.get(token, token)
    if token in _IRREGULAR:
        return list(_IRREGULAR[token])
    for suffix, word in _SUFFIXES:
        if token.endswith(suffix) and len(token) > len(suffix):
            return [*_expand(token[:-len(suffix)]), word]
    if token.endswith("'s") and len(token) > 2:
        stem = token[:-2]
        return [stem, "is"] if stem in _IS_BEFORE_S else _expand(stem)
    return [token]


def words(text: str) -> list[str]:
    """The words of a text, normalised, without punctuation and with contractions written out."""
    return [word for token in _TOKEN.findall(normalise(text)) for word in _expand(token)]


def word_count(text: str) -> int:
    """Words as a reader counts them: "don't" and "left-out" are one word each."""
    return len(_TOKEN.findall(normalise(text)))


def tokens(text: str) -> Phrase:
    """words() with hyphenated words split ("left-out" matches "left out") and BREAK at punctuation."""
    found: list[str] = []
    for clause in _CLAUSE_BREAK.split(normalise(text)):
        parts = [part for word in words(clause) for part in word.split("-") if part]
        if parts:
            found += [BREAK, *parts] if found else parts
    return tuple(found)


def build_index(entries: Iterable[str], blockers: Iterable[str] = ()) -> Index:
    """Phrases by their first word, longest first; a blocker matches but is never reported."""
    labels: dict[Phrase, str | None] = {tokens(blocker): None for blocker in blockers}
    labels.update((tokens(entry), entry) for entry in entries)
    by_first: dict[str, list[tuple[Phrase, str | None]]] = {}
    for phrase, label in sorted(labels.items(), key=lambda item: -len(item[0])):
        if phrase:
            by_first.setdefault(phrase[0], []).append((phrase, label))
    return {first: tuple(phrases) for first, phrases in by_first.items()}


def scan(found_in: Phrase, index: Index) -> list[tuple[int, str]]:
    """(position, entry) for each phrase found, left to right, longest match first, no overlaps."""
    found, position = [], 0
    while position < len(found_in):
        for phrase, label in index.get(found_in[position], ()):
            if found_in[position:position + len(phrase)] == phrase:
                if label is not None:
                    found.append((position, label))
                position += len(phrase)
                break
        else:
            position += 1
    return found


def find(text: str, index: Index) -> list[str]:
    """The entries found in a text, in the order first written, each once."""
    return list(dict.fromkeys(label for _, label in scan(tokens(text), index)))


@cache
def lexicon(name: str) -> tuple[str, ...]:
    """The entries of lexicon/<name>.txt, read from the installed package (a wheel in the browser)."""
    text = files("therapon_check").joinpath(f"lexicon/{name}.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def lexicon_index(name: str) -> Index:
    return build_index(lexicon(name), _NOT_MATCHES)


@cache
def phrase_index(phrases: Phrase) -> Index:
    return build_index(phrases)
