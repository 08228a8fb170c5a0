"""The one phrase matcher: every lexicon, detector and author's phrase list is found with it.

An entry is words, read the way replies are read (reading.py), so "don't worry" also finds
"dont worry" and "Don’t worry", and "worry" finds "worried". A phrase never runs across the end
of a sentence. Between two of its words a filler may stand ("makes sense" finds "makes total
sense"). An entry may also hold:

- `*` for any one word, `...` for up to four: "would * kill you", "if you ... i will";
- a word in double quotes, matched as written, not by its stem: `"wiped"` is not "wipe";
- words after `!` at its end, which must not come next: "you must !feel !be" is an order,
  "you must feel" is not;
- `^` at its start: it must open a clause ("^i am happy" is found in "No, I'm happy", not in
  "whether I'm happy").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from weakref import WeakKeyDictionary

from .compiled import table
from .phrases import lexicon
from .reading import Reading

ANY_WORD = "*"
GAP = "..."
GAP_WORDS = 4
MAX_FILLERS = 2
Pattern = tuple[str, ...]
EXACT = "="  # a pattern part that starts with it is a word matched as written
FillerEnds = tuple[tuple[int, ...], ...]  # for each word, where each filler starting there ends


@dataclass(frozen=True)
class Found:
    """One phrase found in a reply: which words, and the entry that found them."""

    first: int
    last: int
    entry: str
    quote: str


@dataclass(frozen=True)
class Entry:
    """A compiled lexicon entry: what it matches, and the words that must not follow."""

    parts: Pattern
    not_before: frozenset[str]
    text: str  # as written in the lexicon, markup and all
    opens_clause: bool = False

    @property
    def label(self) -> str:
        """The entry as a reader would say it: "never !mind" is "never"."""
        return " ".join(p.strip('"') for p in self.text.removeprefix("^").split() if not p.startswith("!"))

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(w.form for w in Reading(self.label).words)


def compile_entry(entry: str) -> Pattern:
    return compile_full(entry).parts


@cache
def compile_full(entry: str) -> Entry:
    """An entry's stems, with ANY_WORD, GAP and exact words kept as they are: from the table
    compiled ahead of time for a lexicon's entry (compiled.py), or read now."""
    known = table().get(entry)
    if known is not None:
        parts, not_before, opens_clause = known
        return Entry(parts, frozenset(not_before), entry, opens_clause)
    return compile_live(entry)


def compile_live(entry: str) -> Entry:
    """An entry read as replies are read, word by word, with the markup above."""
    opens_clause = entry.startswith("^")
    pieces = entry.removeprefix("^").replace("…", f" {GAP} ").split()
    not_before = frozenset(Reading(p[1:]).stems[0] for p in pieces if p.startswith("!") and len(p) > 1)
    parts: list[str] = []
    words: list[str] = []
    for piece in [*(p for p in pieces if not p.startswith("!")), GAP]:
        if piece in (ANY_WORD, GAP) or (len(piece) > 2 and piece[0] == piece[-1] == '"'):
            parts.extend(Reading(" ".join(words)).stems)  # read together: "ur so" is "you are so"
            if piece in (ANY_WORD, GAP):
                parts.append(piece)
            else:
                parts.extend(EXACT + form for form in (w.form for w in Reading(piece[1:-1]).words))
            words = []
        else:
            words.append(piece)
    return Entry(tuple(parts[:-1]), not_before, entry, opens_clause)


@cache
def fillers() -> tuple[Pattern, ...]:
    return tuple(sorted({compile_entry(e) for e in lexicon("fillers")}, key=len, reverse=True))


def parts_of(entry: str) -> Pattern:
    """An entry's stems, from the table where it has them, without building the whole Entry."""
    known = table().get(entry)
    return known[0] if known is not None else compile_full(entry).parts


class Phrases:
    """A compiled phrase list, indexed by first stem, longest phrase first.

    Only the index of entry texts is made up front; the entries that start with a word are
    compiled the first time a reply holds that word. A first Check meets a few dozen words, not
    the three thousand entries of every lexicon it consults (half its time in Pyodide)."""

    def __init__(self, entries: Iterable[str], blockers: Iterable[str] = ()) -> None:
        """`blockers` match but report nothing, so "what you mean" is not the label "mean";
        an entry of the very same words wins over a blocker ("calm down" stays minimising)."""
        self.entries = tuple(dict.fromkeys(e.strip() for e in entries if e.strip()))
        own = {parts_of(e) for e in self.entries}
        self.blockers = frozenset(b for b in blockers if parts_of(b) not in own)
        texts: dict[str, list[str]] = {}
        for entry in (*self.entries, *self.blockers):
            first = parts_of(entry)[:1]
            if first and first[0] not in (ANY_WORD, GAP):
                key = first[0][1:] if first[0].startswith(EXACT) else first[0]
                texts.setdefault(key, []).append(entry)
        self._texts = texts
        self._starting: dict[str, tuple[Entry, ...]] = {}

    def starting_with(self, stem: str) -> tuple[Entry, ...]:
        """The entries whose first word is `stem`, compiled, longest first."""
        found = self._starting.get(stem)
        if found is None:
            compiled = (compile_full(text) for text in self._texts.get(stem, ()))
            found = self._starting[stem] = tuple(sorted(compiled, key=lambda e: -len(e.parts)))
        return found

    def find(self, reading: Reading, within: range | None = None) -> list[Found]:
        """Every match, left to right, the longest at each place, none overlapping."""
        found: list[Found] = []
        positions = within if within is not None else range(len(reading.words))
        if not positions:
            return found
        position, stop = positions[0], positions[-1] + 1
        ends = filler_ends(reading)
        while position < stop:
            match = self._match_at(reading, ends, position, min(reading.sentence_end[position], stop - 1))
            if match is None:
                position += 1
                continue
            last, entry = match
            if entry not in self.blockers:
                found.append(Found(position, last, compile_full(entry).label, reading.quote(position, last)))
            position = last + 1
        return found

    def _match_at(self, reading: Reading, ends: FillerEnds, position: int,
                  limit: int) -> tuple[int, str] | None:
        word = reading.words[position]
        by_stem = self.starting_with(word.stem)
        by_form = self.starting_with(word.form) if word.form != word.stem else ()
        candidates = sorted((*by_stem, *by_form), key=lambda e: -len(e.parts)) if by_stem and by_form \
            else by_stem or by_form
        if not candidates:
            return None
        opens = position == 0 or reading.words[position - 1].clause != word.clause
        matches: list[tuple[int, Entry]] = []
        for entry in candidates:
            if entry.opens_clause and not opens:
                continue
            last = _match(reading, ends, entry.parts, position, limit)
            if last is None:
                continue
            if entry.text in self.blockers and reading.words[last].clause != word.clause:
                continue  # "can't help it" blocks "help" as a need; "Can you help, it's…" does not
            following = reading.stems[last + 1] if last + 1 < len(reading.words) else ""
            as_long = not matches or len(entry.parts) == len(matches[0][1].parts)
            if following not in entry.not_before and as_long:
                matches.append((last, entry))
        if not matches:
            return None
        # Of entries that match alike ("hurt", "hurting"), the one written as the learner wrote it.
        said = tuple(w.form for w in reading.words[position:matches[0][0] + 1])
        last, entry = next((m for m in matches if m[1].forms == said), matches[0])
        return last, entry.text

    def __bool__(self) -> bool:
        return bool(self.entries)


def _is(reading: Reading, position: int, part: str) -> bool:
    if part == ANY_WORD:
        return True
    if part.startswith(EXACT):
        return reading.words[position].form == part[1:]
    return reading.stems[position] == part


def _match(reading: Reading, ends: FillerEnds, pattern: Pattern, at: int, limit: int) -> int | None:
    """The position of the last word matched, if `pattern` matches from `at` (to `limit` at most)."""
    if not _is(reading, at, pattern[0]):
        return None
    return _rest(reading, ends, pattern, 1, at, limit)


def _rest(reading: Reading, ends: FillerEnds, pattern: Pattern, index: int, last: int,
          limit: int) -> int | None:
    if index == len(pattern):
        return last
    part = pattern[index]
    if part == GAP:
        for skip in range(GAP_WORDS + 1):
            found = _rest(reading, ends, pattern, index + 1, last + skip, limit)
            if found is not None:
                return found
        return None
    for start in _after_fillers(ends, last + 1, limit):
        if start > limit:
            break
        if _is(reading, start, part):
            found = _rest(reading, ends, pattern, index + 1, start, limit)
            if found is not None:
                return found
    return None


def _after_fillers(ends: FillerEnds, start: int, limit: int) -> tuple[int, ...]:
    """Where the next word of a phrase may stand: right here, or after one or two fillers."""
    if start >= len(ends) or not ends[start]:
        return (start,)  # most words are no filler: the matcher's hot path
    places = {start}
    frontier = [start]
    for _ in range(MAX_FILLERS):
        frontier = [end for place in frontier if place < len(ends)
                    for end in ends[place] if end <= limit + 1]
        places.update(frontier)
    return tuple(sorted(places))


_FILLER_ENDS: WeakKeyDictionary[Reading, FillerEnds] = WeakKeyDictionary()


def filler_ends(reading: Reading) -> FillerEnds:
    """For each word of a reply, where each filler starting there ends: found once per reply,
    since the matcher asks at every word of every candidate phrase."""
    known = _FILLER_ENDS.get(reading)
    if known is None:
        stems = reading.stems
        by_first = _fillers_by_first()
        known = tuple(tuple(i + len(f) for f in by_first.get(stem, ()) if stems[i:i + len(f)] == f)
                      for i, stem in enumerate(stems))
        _FILLER_ENDS[reading] = known
    return known


@cache
def _fillers_by_first() -> dict[str, tuple[Pattern, ...]]:
    by_first: dict[str, list[Pattern]] = {}
    for filler in fillers():
        if filler:
            by_first.setdefault(filler[0], []).append(filler)
    return {first: tuple(found) for first, found in by_first.items()}


@cache
def lexicon_phrases(name: str) -> Phrases:
    """A built-in lexicon (lexicon/<name>.txt), compiled once, with lexicon/not-matches.txt beside it."""
    return Phrases(lexicon(name), lexicon("not-matches"))
