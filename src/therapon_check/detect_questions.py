"""Detectors of questions: whether a question really asks, attacks, invites or checks back."""

from __future__ import annotations

from . import detect_feelings as feelings
from . import detect_moves as moves
from .detecting import TAGS, Scene, detector, is_question, unique, within
from .matching import Found, lexicon_phrases
from .reading import Reading

INTERJECTIONS = frozenset("really seriously what huh wow excuse sorry".split())
# Questions that open up rather than check: "What was that like?"
OPEN_WORDS = frozenset("what when where which who whom whose why how".split())
LEAD_INS = frozenset("and but so then well ok okay honestly seriously".split())


def hostile(reading: Reading, span: range) -> list[Found]:
    """What makes a question an attack: a hostile form, sarcasm, or a "why" with a charge in it."""
    found = within(lexicon_phrases("hostile-questions").find(reading, span), span)
    found += within(moves.sarcasm(reading, Scene()), span)
    forms = [reading.words[p].form for p in span]
    if forms and len(forms) <= 2 and forms[0] in INTERJECTIONS:
        found.append(Found(span[0], span[-1], forms[0], reading.quote(span[0], span[-1])))
    opening = next((i for i, f in enumerate(forms) if f not in LEAD_INS), len(forms))
    span, forms = span[opening:], forms[opening:]  # "Then why do you keep…?" is a why-question
    if forms[:1] == ["why"] or forms[:2] == ["how", "come"]:
        charges = within(moves.blame(reading, Scene()) + moves.label(reading, Scene())
                         + moves.absolutes(reading, Scene()), span)
        found += [Found(span[0], c.last, "why", reading.quote(span[0], c.last)) for c in charges]
    found += within(moves.mind_reading(reading, Scene()), span)  # an accusation with a question mark
    found += within(moves.label(reading, Scene()), span)  # "Do you think you're being a bit sensitive?"
    if forms[:1] == ["why"]:
        found += [Found(span[0], f.last, "why", reading.quote(span[0], f.last))
                  for f in within(feelings.interpretation(reading, Scene()), span)]
    return found


def fixing_question(reading: Reading, span: range) -> list[Found]:
    return within(moves.fixing(reading, Scene()), span)


@detector("question")
def question(reading: Reading, scene: Scene) -> list[Found]:
    """A question that really asks: not an attack, not sarcasm, not advice with a question mark."""
    found = []
    for span in reading.sentences:
        if is_question(reading, span) and not hostile(reading, span) and not fixing_question(reading, span):
            found.append(Found(span[0], span[-1], "question", reading.sentence_text(span)))
    return found


@detector("hostile-question")
def hostile_question(reading: Reading, scene: Scene) -> list[Found]:
    """A question that attacks or dismisses: "Would it kill you…?", "Where is this coming from?"."""
    found = []
    for span in reading.sentences:
        if is_question(reading, span) and hostile(reading, span):
            found.append(Found(span[0], span[-1], "hostile-question", reading.sentence_text(span)))
    return found


@detector("why-question")
def why_question(reading: Reading, scene: Scene) -> list[Found]:
    """A question that opens with "why": it asks for a defence, not for an experience."""
    found = []
    for span in reading.sentences:
        forms = [reading.words[p].form for p in span]
        while forms and forms[0] in LEAD_INS:
            forms = forms[1:]
        if forms[:1] == ["why"] and forms[1:2] != ["not"] and is_question(reading, span):
            found.append(Found(span[0], span[-1], "why", reading.sentence_text(span)))
    return found


@detector("invitation")
def invitation(reading: Reading, scene: Scene) -> list[Found]:
    """An invitation to say more: "tell me more", "I'm listening", or an open question."""
    found = lexicon_phrases("invitations").find(reading)
    for asked in question(reading, scene):
        opener = reading.words[asked.first].form
        if opener in ("what", "when", "how", "where", "which", "who") or \
                [w.form for w in reading.words[asked.first:asked.first + 3]][:3] in (
                    ["can", "you", "tell"], ["could", "you", "tell"], ["will", "you", "tell"],
                    ["do", "you", "want"], ["would", "you", "tell"], ["is", "there", "more"]):
            found.append(asked)
    return unique(found)


@detector("check-back")
def check_back(reading: Reading, scene: Scene) -> list[Found]:
    """A check that the listener heard it right: "Did I get that right?", "…, right?"."""
    found = [f for f in lexicon_phrases("check-backs").find(reading)]
    for span in reading.sentences:
        last = reading.words[span[-1]]
        alone = len(span) == 1 and last.sentence > 0  # "…no time for you. Right?"
        if is_question(reading, span) and last.form in TAGS and (len(span) > 1 or alone) \
                and not hostile(reading, span):
            found.append(Found(span[-1], span[-1], "tag", reading.quote(span[-1], span[-1])))
    named = feelings.partner_feeling(reading, scene)
    for span in reading.sentences:  # "Are you feeling worn down?", "u feel drained?": a guess to check
        opener = reading.words[span[0]].form
        if opener not in OPEN_WORDS and is_question(reading, span) and len(span) <= 10 \
                and within(named, span) and not within(found, span) and not hostile(reading, span):
            found.append(Found(span[0], span[-1], "feeling asked", reading.sentence_text(span)))
    return unique(found)


@detector("request")
def request(reading: Reading, scene: Scene) -> list[Found]:
    """A real request: a question that leaves room for no ("Would you be willing…?", "Could we…?")."""
    found = []
    asks = lexicon_phrases("requests")
    for asked in question(reading, scene):
        span = range(asked.first, asked.last + 1)
        opening = [f for f in asks.find(reading, span) if f.first <= asked.first + 2
                   or _opens_clause(reading, f.first)]  # "I know you're busy, but could we…?"
        if opening:
            found.append(Found(opening[0].first, asked.last, opening[0].entry, asked.quote))
    return found


def _opens_clause(reading: Reading, position: int) -> bool:
    """Whether a word starts a clause of its sentence ("…, but could we…", "…, so would you…")."""
    before = reading.words[position - 1] if position else None
    while before is not None and before.form in ("but", "so", "and", "then", "maybe") \
            and before.clause == reading.words[position].clause:
        position -= 1
        before = reading.words[position - 1] if position else None
    return before is None or before.clause != reading.words[position].clause
