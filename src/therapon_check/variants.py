"""Words written more than one way: British and American spellings, and forms typed on a phone.

The tables are plain files in lexicon/ (spellings.txt, texting.txt), so an author can read and
extend them; this module reads them and adds the two rules that no table can hold.
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


def texting(word: str, following: str) -> tuple[str, ...] | None:
    """The words a short form stands for ("bc" -> ("because",)), or None if it is not one."""
    if word == "ur":
        return ("you", "are") if following in _AFTER_YOU_ARE else ("your",)
    return _table("texting").get(word)
