"""Words written more than one way: British and American spellings, and forms typed on a phone.

The tables are plain files in lexicon/ (spellings.txt, texting.txt, regional.txt), so an author
can read and extend them; this module reads them and adds the rules that no table can hold.
"""

from __future__ import annotations

import re
from functools import cache

from .phrases import lexicon_pairs

_IZE = re.compile(r"^(.{3,})is(e|es|ed|ing|ation|ations)$")
# Words that end in -ise but are spelled so everywhere.
_ISE_EVERYWHERE = frozenset(
    "advise advises advised advising rise rises promise promised promises promising surprise surprised "
    "surprises surprising exercise exercised exercises exercising compromise compromised compromising "
    "wise otherwise precise concise raise raised raising noise noises praise praised praising despise "
    "despised disguise disguised expertise franchise merchandise paradise premise premises revise "
    "revised supervise supervised televise improvise improvised arise arisen arising".split())
# After "ur", a word that describes the partner means "you are" ("ur so tired"); else "your".
_AFTER_YOU_ARE = frozenset(
    "so such a an being not always never just really right welcome kidding joking the too very "
    "totally clearly obviously only still probably tired exhausted upset angry sad lazy busy late "
    "worried scared stressed wrong overthinking overreacting".split())


@cache
def _table(name: str) -> dict[str, tuple[str, ...]]:
    return {short: tuple(long.split()) for short, long in lexicon_pairs(name)}


def spelling(word: str) -> str:
    """One spelling for words written two ways ("colour" -> "color", "realise" -> "realize")."""
    folded = _table("spellings").get(word)
    if folded:
        return folded[0]
    if word not in _ISE_EVERYWHERE:
        found = _IZE.match(word)
        if found:
            return f"{found.group(1)}iz{found.group(2)}"
    return word


def regional(token: str) -> tuple[str, ...] | None:
    """A dialect word read as its standard words ("ye" -> ("you",), "scunnered" -> ("fed", "up")),
    a contraction kept on the last of them ("whit's" -> ("what's",)); None if it is not one."""
    head, apostrophe, tail = token.partition("'")
    standard = _table("regional").get(head)
    if standard is None:
        return None
    return (*standard[:-1], standard[-1] + apostrophe + tail)


# "missin'", "feelin'": a word whose -g is dropped, written with the apostrophe that says so.
# Not words that end in -in themselves, before a closing quote ("not 'again'").
_NOT_DROPPED = frozenset("again begin within thin skin win twin grin chin spin cabin cousin origin "
                         "margin basin robin toxin violin penguin raisin napkin pumpkin coffin "
                         "muffin protein admin login".split())


def dropped_g(word: str) -> str:
    """"missin" (written "missin'") -> "missing"; any other word as it is."""
    if len(word) >= 4 and word.endswith("in") and word.isalpha() and word not in _NOT_DROPPED:
        return word + "g"
    return word


# "'cause", "'bout": a word with its first letters dropped, written with the apostrophe.
CLIPPED = {"cause": "because", "cos": "because", "til": "until", "em": "them", "bout": "about"}


def texting(word: str, following: str) -> tuple[str, ...] | None:
    """The words a short form stands for ("bc" -> ("because",)), or None if it is not one."""
    if word == "ur":
        return ("you", "are") if following in _AFTER_YOU_ARE else ("your",)
    return _table("texting").get(word)
