"""Words: normalising text, writing out contractions, and reading the lexicon files.

Everything matches on words, never on raw text, so "nevertheless" is not "never" and a curly
apostrophe or a capital letter never changes a result. The matcher itself is matching.py.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

LEXICONS = ("feelings", "interpretations", "needs", "judgements")  # the word lists of language.py


def _package_folder():  # noqa: ANN202 - a Path, or an importlib Traversable inside a zip
    """The package's own folder. Installed as files (a wheel unpacked in the browser, pip in
    CPython) it is read with pathlib, which spares the browser's first Check importing and
    compiling seven standard-library modules (about 20 ms in Pyodide); imported from a zip,
    through importlib.resources."""
    here = Path(__file__).parent
    if here.is_dir():
        return here
    from importlib.resources import files

    return files(__package__ or "therapon_check")


PACKAGE = _package_folder()

_CHARACTERS = str.maketrans({
    "’": "'", "‘": "'", "ʼ": "'", "′": "'", "‛": "'", "´": "'", "`": "'",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "–": " - ", "—": " - ", "‐": "-", "‑": "-",
})
_TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
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


def normalise(text: str) -> str:
    """One spelling for the same words: straight quotes, spaced dashes, lower case, single spaces."""
    text = unicodedata.normalize("NFKC", text.translate(_CHARACTERS))
    return " ".join(text.lower().split())


def expand(token: str) -> list[str]:
    """A token with its contraction written out: "don't" -> do not, "Sam's" -> sam."""
    token = _NO_APOSTROPHE.get(token, token)
    if token in _IRREGULAR:
        return list(_IRREGULAR[token])
    for suffix, word in _SUFFIXES:
        if token.endswith(suffix) and len(token) > len(suffix):
            return [*expand(token[:-len(suffix)]), word]
    if token.endswith("'s") and len(token) > 2:
        stem = token[:-2]
        return [stem, "is"] if stem in _IS_BEFORE_S else expand(stem)
    return [token]


def words(text: str) -> list[str]:
    """The words of a text, normalised, without punctuation and with contractions written out."""
    return [word for token in _TOKEN.findall(normalise(text)) for word in expand(token)]


def word_count(text: str) -> int:
    """Words as a reader counts them: "don't" and "left-out" are one word each."""
    return len(_TOKEN.findall(normalise(text)))


@cache
def lexicon(name: str) -> tuple[str, ...]:
    """The entries of lexicon/<name>.txt, read from the installed package (a wheel in the browser)."""
    text = (PACKAGE / "lexicon" / f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def lexicon_pairs(name: str) -> tuple[tuple[str, str], ...]:
    """The "word = its other form" lines of lexicon/<name>.txt (spellings, texting forms)."""
    pairs = []
    for entry in lexicon(name):
        left, _, right = entry.partition("=")
        if right.strip():
            pairs.append((left.strip(), right.strip()))
    return tuple(pairs)
