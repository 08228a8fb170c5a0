"""The lexicons' entries (and the detectors' own phrases) compiled ahead of time, so a learner's
first Check does not wait for it.

Compiling an entry means reading it the way replies are read (reading.py): texting forms,
spellings, stems. Done live, the two thousand entries of lexicon/ take most of the first Check's
time in the browser (about 130 ms of Pyodide's time on a 2-core laptop), for a result that only
changes when the lexicons or the reading code change. So `python -m therapon.lexicon_table`
writes lexicon/compiled.json (`make install` runs it), keyed on the files that decide it.
Where the key does not match the installed files, the table is not used and entries are
compiled live, as before: a stale table can cost time, never a wrong match. tests/test_compiled.py
checks that the table is current and equal, entry by entry, to a live compile, in CPython and in
Pyodide.
"""

from __future__ import annotations

import json
import sys
import zlib
from functools import cache

from .phrases import PACKAGE

TABLE = "lexicon/compiled.json"
# The code that reads an entry; with every lexicon file, what the compiled table depends on.
READING_CODE = ("matching.py", "phrases.py", "reading.py", "variants.py")
# Lexicons of "word = other form" pairs, read by variants.py, never compiled as phrases.
PAIRS = ("spellings", "texting", "regional")

Compiled = tuple[tuple[str, ...], tuple[str, ...], bool]  # parts, words that must not follow, opens a clause


def source_key() -> str:
    """A checksum of the reading code and of every lexicon file (but the table itself). It only
    tells a current table from a stale one, so CRC-32 will do: zlib is already loaded in
    Pyodide, where hashlib would be one more module to compile before the first Check."""
    checksum = 0
    lexicons = sorted((p for p in PACKAGE.joinpath("lexicon").iterdir() if p.name.endswith(".txt")),
                      key=lambda p: p.name)
    for item in [*(PACKAGE / name for name in READING_CODE), *lexicons]:
        checksum = zlib.crc32(item.name.encode() + b"\0" + item.read_bytes() + b"\0", checksum)
    return f"crc32:{checksum:08x}"


@cache
def table() -> dict[str, Compiled]:
    """Entry text -> its compiled form, or nothing where the table is missing or out of date."""
    try:
        data = json.loads((PACKAGE / TABLE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("key") != source_key():
        return {}
    return {text: (tuple(parts), tuple(not_before), bool(opens))
            for text, (parts, not_before, opens) in data["entries"].items()}


def lexicon_entries() -> list[str]:
    """Every entry of every phrase lexicon, in a fixed order."""
    from .phrases import lexicon

    names = sorted(p.name.removesuffix(".txt") for p in PACKAGE.joinpath("lexicon").iterdir()
                   if p.name.endswith(".txt") and p.name.removesuffix(".txt") not in PAIRS)
    return list(dict.fromkeys(entry for name in names for entry in lexicon(name)))


def detector_entries() -> list[str]:
    """Every entry of the phrase lists the built-in detectors keep in their code (module-level
    Phrases, such as detect_moves.GRANTING), in a fixed order. Which entries these are does not
    change the table's key: an entry missing from the table is compiled live, never misread."""
    from . import detectors  # noqa: F401  (imports every detect_ module)
    from .matching import Phrases

    modules = sorted((m for name, m in sys.modules.items() if name.startswith(f"{__package__}.detect_")),
                     key=lambda m: m.__name__)
    found = [entry for module in modules for value in vars(module).values() if isinstance(value, Phrases)
             for entry in (*value.entries, *sorted(value.blockers))]
    return list(dict.fromkeys(found))


def generate() -> str:
    """The table's text: each lexicon entry and each detector's own entry compiled live, with
    the key it was compiled under."""
    from .matching import compile_live

    entries = {}
    for text in dict.fromkeys([*lexicon_entries(), *detector_entries()]):
        entry = compile_live(text)
        entries[text] = [list(entry.parts), sorted(entry.not_before), entry.opens_clause]
    return json.dumps({"key": source_key(), "entries": entries}, ensure_ascii=False,
                      separators=(",", ":"), sort_keys=True) + "\n"
