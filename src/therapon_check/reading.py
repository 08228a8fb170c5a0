"""A reply read once, the way every rule needs it: words with their place in the text, the
sentence and clause each belongs to, and the few facts about a word that a phrase list cannot
see (is it negated? whose feeling is it?).

Words keep the span they came from, so feedback can quote the learner's own words. Matching
happens on `stem`: lower case, contractions written out, texting forms read ("u" is "you",
"bc" is "because"), British and American spellings folded, and inflections cut back
("worried", "worries" and "worrying" are all "worry"). A lexicon entry goes through the same
steps, so an author writes each word once, in any of its forms.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .phrases import expand, normalise
from .variants import CLIPPED, dropped_g, regional, spelling, texting

# A word (letters and digits, with inner apostrophes or hyphens), or one emoji.
_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ`-][^\W_]+)*|[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_SENTENCE_END = re.compile(r"[.!?…]|\n")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”«»–—]|\s-\s|'\s|\s'")
# Words that open a new clause: negation and ownership do not reach across them.
CLAUSE_OPENERS = frozenset("but however though although yet whereas while and because".split())
NEGATORS = frozenset("not never no nobody nothing hardly without neither nor none".split())
# Words that are never inflected or folded: cutting "is" or "was" would join unrelated words.
_FUNCTION_WORDS = frozenset(
    "a an the i you he she it we they me him her us them my your his its our their mine yours "
    "is are was were be been being am do does did done have has had having will would shall should "
    "can could may might must not no nor so as us this that these those there here what when where "
    "who why how which yes yet ever never always also just only very too such than then thus".split())
_IRREGULAR = {
    "felt": "feel", "thought": "think", "said": "say", "made": "make", "told": "tell",
    "took": "take", "taken": "take", "gave": "give", "given": "give", "heard": "hear",
    "knew": "know", "known": "know", "went": "go", "gone": "go", "got": "get", "gotten": "get",
    "brought": "bring", "kept": "keep", "meant": "mean", "lost": "lose", "understood": "understand",
    "saw": "see", "seen": "see", "spent": "spend", "sent": "send", "forgot": "forget",
    "forgotten": "forget", "broke": "break", "broken": "break", "spoke": "speak", "spoken": "speak",
    "fought": "fight", "froze": "freeze", "frozen": "freeze", "ran": "run", "sat": "sit",
    "stood": "stand", "began": "begin", "begun": "begin", "woke": "wake", "woken": "wake",
    "wrote": "write", "written": "write", "ate": "eat", "eaten": "eat", "drove": "drive",
    "driven": "drive", "came": "come", "became": "become", "found": "find", "caught": "catch",
    "taught": "teach", "bought": "buy", "paid": "pay", "built": "build", "slept": "sleep",
    "met": "meet", "left": "leave", "held": "hold", "fell": "fall", "fallen": "fall",
    "chose": "choose", "chosen": "choose", "grew": "grow", "grown": "grow", "threw": "throw",
    "thrown": "throw", "shook": "shake", "shaken": "shake", "hid": "hide", "hidden": "hide",
    "worse": "bad", "worst": "bad", "better": "good", "best": "good", "children": "child",
    "people": "person", "men": "man", "women": "woman", "wives": "wife", "lives": "life",
}
_KEEP_ENDINGS = ("ss", "us", "is", "ous")
# Words whose ending only looks like an inflection ("evening" is not "even" + "ing").
_NOT_INFLECTED = frozenset(
    "evening morning nothing something anything everything during ceiling darling sibling wedding "
    "pudding spring string sterling news series species lens bias atlas business witness harness "
    "wilderness".split())


@lru_cache(maxsize=8192)
def stem(form: str) -> str:
    """The matching form of one normalised word: spelling folded, inflection cut back."""
    word = spelling(form)
    if word in _FUNCTION_WORDS or not word.isalpha() or len(word) <= 3:
        return word
    if word in _IRREGULAR:
        return _drop_e(_IRREGULAR[word])
    if word in _NOT_INFLECTED:
        return word
    if word.endswith("ness") and len(word) > 7 and word not in _NOT_INFLECTED:
        word = word[:-5] + "y" if word.endswith("iness") else word[:-4]  # laziness -> lazy
        return stem(word)
    for ending, keep in (("ies", "y"), ("ied", "y"), ("ying", "y")):
        if word.endswith(ending) and len(word) > 4:
            return _drop_e(word[: -len(ending)] + keep)
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiouls":
                base = base[:-1]  # stopping -> stop, but feeling, falling, missed keep theirs
            return _drop_e(base)
    if word.endswith("es") and word[:-2].endswith(("sh", "ch", "x", "z", "ss")):
        return _drop_e(word[:-2])
    if word.endswith("s") and not word.endswith(_KEEP_ENDINGS):
        return _drop_e(word[:-1])
    return _drop_e(word)


def _drop_e(word: str) -> str:
    """care, cared and caring all become "car": both sides of a match are cut the same way."""
    return word[:-1] if len(word) > 3 and word.endswith("e") and not word.endswith("ee") else word


@dataclass(frozen=True)
class Word:
    """One word of the reply: its reading, and where it stands in the text."""

    form: str  # normalised: "you", "are" (from "you're"), "because" (from "bc")
    stem: str  # for matching
    start: int  # its span in the original text, for quoting
    end: int
    sentence: int
    clause: int


def _pieces(token: str, following: str) -> list[str]:
    """The words one written token stands for, in order."""
    lowered = normalise(token)
    if not lowered:
        return []
    read = texting(lowered, normalise(following))
    if read is None:
        read = regional(lowered)  # "ye" is "you", "whit's" is "what's"
    pieces = [part for piece in read for part in expand(piece)] if read is not None else expand(lowered)
    # "left-out" is "left out", so an entry matches either way it is written.
    return [part for piece in pieces for part in piece.split("-") if part]


def _read_words(text: str) -> tuple[Word, ...]:
    found: list[Word] = []
    sentence = clause = 0
    last_end = 0
    ended_before = False
    tokens = list(_TOKEN.finditer(text))
    apostrophe_used = False
    for index, match in enumerate(tokens):
        gap = text[last_end:match.start()]
        if apostrophe_used:  # the apostrophe of "missin'" is part of the word, not a closing quote
            gap = gap[1:]
        emoji = not match.group()[0].isalnum()
        ended = ended_before or (found and _ends_sentence(gap, text, match.start()))
        # "…now? 🙄" is one sentence; what follows the 🙄 is the next ("miss u 🥹 could we…").
        ended_before = emoji
        if ended and not emoji:
            sentence += 1
            clause += 1
        elif found and _CLAUSE_BREAK.search(gap):
            clause += 1
        following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
        token = unicodedata.normalize("NFKC", match.group())
        token, apostrophe_used = _clipped(text, match, token)
        for piece in _pieces(token, following):
            if piece in CLAUSE_OPENERS and found and found[-1].clause == clause:
                clause += 1
            end = match.end() + (1 if apostrophe_used else 0)  # quote "missin'" whole
            found.append(Word(piece, stem(piece), match.start(), end, sentence, clause))
        last_end = match.end()
    return tuple(found)


_APOSTROPHES = "'’ʼ`"


def _clipped(text: str, match: re.Match[str], token: str) -> tuple[str, bool]:
    """A word written with an apostrophe for the letters it drops: "missin'" is "missing",
    "'cause" is "because". Also whether the apostrophe after it was the word's own."""
    after = text[match.end():match.end() + 1]
    before = text[match.start() - 1:match.start()] if match.start() else ""
    lowered = token.lower()
    if before and before in _APOSTROPHES and lowered in CLIPPED and \
            (match.start() < 2 or not text[match.start() - 2].isalnum()):
        return CLIPPED[lowered], False
    if after and after in _APOSTROPHES:
        read = dropped_g(lowered)
        if read != lowered:
            return read, True
    return token, False


def _ends_sentence(gap: str, text: str, at: int) -> bool:
    """A full stop between digits ("3.5") or inside an abbreviation-like "e.g." is not an end."""
    if not _SENTENCE_END.search(gap):
        return False
    stripped = gap.strip()
    before = text[at - len(gap) - 1] if at - len(gap) - 1 >= 0 else ""
    return not (stripped == "." and before.isdigit() and text[at:at + 1].isdigit())


class Reading:
    """A reply, read once; detectors ask it questions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = _read_words(text)

    @cached_property
    def stems(self) -> tuple[str, ...]:
        return tuple(word.stem for word in self.words)

    @cached_property
    def sentences(self) -> tuple[range, ...]:
        """Each sentence as the range of its word positions."""
        ranges: list[range] = []
        start = 0
        for index in range(1, len(self.words) + 1):
            if index == len(self.words) or self.words[index].sentence != self.words[start].sentence:
                ranges.append(range(start, index))
                start = index
        return tuple(r for r in ranges if len(r))

    @cached_property
    def sentence_end(self) -> tuple[int, ...]:
        """For each word, the position of the last word of its sentence."""
        ends = [0] * len(self.words)
        for span in self.sentences:
            for position in span:
                ends[position] = span[-1]
        return tuple(ends)

    def sentence_text(self, span: range) -> str:
        """The sentence as written, with its closing punctuation."""
        first, last = self.words[span[0]], self.words[span[-1]]
        end = last.end
        while end < len(self.text) and self.text[end] in ".!?…\"'”’)] ":
            end += 1
        return self.text[first.start:end].strip()

    def sentence_of(self, position: int) -> range:
        number = self.words[position].sentence
        return next(span for span in self.sentences if self.words[span[0]].sentence == number)

    def quote(self, first: int, last: int) -> str:
        """The learner's own words from word `first` to word `last`, as written."""
        return " ".join(self.text[self.words[first].start:self.words[last].end].split())

    def negated(self, position: int, reach: int = 3) -> bool:
        """A "not", "never", "no"… in the same clause, at most `reach` words before."""
        clause = self.words[position].clause
        for back in range(position - 1, max(position - reach, 0) - 1, -1):
            if self.words[back].clause != clause:
                return False
            if self.words[back].form in NEGATORS:
                return True
        return False

    def word_count(self) -> int:
        return len({(w.start, w.end) for w in self.words if w.form.isalnum()})
