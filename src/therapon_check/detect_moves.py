"""Detectors of harmful moves: sarcasm, labels, blame, fixing, orders, mind-reading, defending,
and the "but" that takes back what came before it."""

from __future__ import annotations

import re

from . import detect_feelings as feelings
from . import detect_goals as goals
from . import detect_questions as questions
from .detecting import (
    DETECTORS,
    QUESTION_OPENERS,
    TAGS,
    Scene,
    detector,
    feelings_in,
    is_question,
    lexicon_detector,
    unique,
)
from .matching import Found, Phrases, lexicon_phrases
from .reading import Reading

CONTRAST = frozenset("but however though although yet".split())
# A word or three in quotation marks after "you were", "your"…: "you were 'resting'".
SCARE_QUOTES = re.compile(r"(?:^|\s)(['‘\"“])(\w+(?:[\s-]\w+){0,2})(['’\"”])(?=\W|$)")
SCARE_QUOTED_AFTER = frozenset("your are were so being been was too very".split())
# One-word sentences that, after something else, usually mean their opposite ("…Great.").
CURT = frozenset("great perfect brilliant wonderful lovely fantastic cool nice fine whatever sure "
                 "typical charming classic".split())
# Verbs that open an order when a sentence starts with them ("Put it away.").
IMPERATIVES = frozenset("put stop get do go take give turn leave pick help clean wash start quit pay listen "
                        "look call spend make move shut switch drop grow calm be sort fix tidy empty clear "
                        "finish tell cancel book delete bring text ring answer hurry unplug".split())
# Words that grant the other side something before a "but" takes it back ("I know work's crazy, but").
GRANTING = Phrases((
    "^i know", "^i get", "^i understand", "^i hear", "^i see", "^i realise", "^i appreciate", "^sure",
    "^i am sorry", "^sorry", "^i accept", "^i admit", "^i should have", "^you are right",
    "^okay", "^ok", "^fair enough", "^that is a lovely", "^that is lovely", "^that sounds lovely",
    "^that is a nice", "^that sounds nice", "^what a lovely", "^it is a lovely",
    "^i was wrong", "^i made a mistake", "^my mistake", "which was wrong", "without asking"))
# Longer ways to say "but": "It's just that…", "Having said that…".
CONTRAST_PHRASES = Phrases(("^it is just that", "^the thing is", "^that said", "^having said that",
                            "^even so", "^all the same", "^still", "^that being said", "^mind you",
                            "^then again"))
# "I was careless": the writer's own fault, owned.
SELF_FRAMES = (("i", "was"), ("i", "am"), ("i", "have", "been"), ("i", "had", "been"), ("i", "was", "being"),
               ("i", "am", "being"))
# What a "you made me feel" says when it is thanks, not blame ("you made me feel so much better").
KIND_RESULTS = Phrases(("better", "laugh", "smile", "possible", "bearable", "safe", "cared", "loved",
                        "special", "welcome", "at home", "calm", "okay"))
# After "but", words that keep the door open rather than take the first half back.
BENIGN_AFTER_BUT = Phrases((
    "i am here", "i want to", "i love", "i would like", "i am listening", "i am glad", "thank", "i care",
    "i am sorry", "i hear", "i get it", "i understand", "i really want", "i am really glad", "i am so glad",
    "it makes sense", "that makes sense", "tell me", "i am with you", "you are not alone", "i want you to",
    "everything else", "almost everything", "i am open", "i am flexible", "i could !have",
    "we could !have"))
# "…because you never listen": an explanation of the partner, when a verb like these follows.
BECAUSE_YOU = Phrases(("because you",))
# Things "do this" said kindly: not orders.
GENTLE = Phrases(("take your time", "take care", "go ahead", "look after yourself", "take it easy",
                  "tell me about it", "tell me if", "tell me whatever", "tell me what", "tell me how",
                  "tell me which", "tell me when"))


def _whatever_is(reading: Reading, found: Found) -> bool:
    """"Whatever's underneath it, I'd like to hear it": a "whatever" that opens a clause is no shrug."""
    after = found.last + 1
    return after < len(reading.words) and reading.words[after].clause == reading.words[found.last].clause


@detector("sarcasm")
def sarcasm(reading: Reading, scene: Scene) -> list[Found]:
    """Sarcasm and mockery: "Oh sure", "poor you", "thanks for leaving…", an eye-roll 🙄,
    or a word put in scare quotes ("you were 'resting'")."""
    # "Whatever." shrugs the partner off; "a little flat, whatever, let's talk" lists.
    found = [f for f in lexicon_phrases("sarcasm").find(reading)
             if f.entry != "whatever"
             or (reading.sentence_of(f.first)[0] == f.first and not _whatever_is(reading, f))]
    if len(reading.sentences) > 1:  # "…so I'm not allowed a voice now? Great."
        for span in reading.sentences:
            if len(span) == 1 and reading.words[span[0]].form in CURT:
                found.append(Found(span[0], span[0], "curt", reading.quote(span[0], span[0])))
    for f in lexicon_phrases("pleasant-feelings").find(reading):
        before = reading.words[f.first - 1] if f.first else None
        shouted = (before is not None and len(before.form) > 1
                   and reading.text[before.start:before.end].isupper())
        now = [w.form for w in reading.words[f.last + 1:f.last + 3]] == ["right", "now"]
        if shouted or now:  # "I feel SO important", "I feel so loved right now"
            found.append(Found(f.first - (1 if shouted else 0), f.last, "mock feeling", f.quote))
    for position, word in enumerate(reading.words[1:], start=1):  # "I'm SO sorry I wanted…"
        before = reading.words[position - 1]
        if word.form == "sorry" and len(before.form) > 1 and reading.text[before.start:before.end].isupper():
            found.append(Found(position - 1, position, "mock sorry", reading.quote(position - 1, position)))
    for quoted_words in SCARE_QUOTES.finditer(reading.text):
        inside = [p for p, w in enumerate(reading.words)
                  if quoted_words.start(2) <= w.start and w.end <= quoted_words.end(2)]
        if inside and inside[0] > 0 and reading.words[inside[0] - 1].form in SCARE_QUOTED_AFTER:
            found.append(Found(inside[0], inside[-1], "scare quotes", quoted_words.group(0).strip()))
    return unique(found)


@detector("label")
def label(reading: Reading, scene: Scene) -> list[Found]:
    """A label for the person ("lazy", "needy", "typical you", "a grown man should…"), unless
    negated ("I know you're not being rude"); and a feeling word used as a trait ("you're so insecure")."""
    found = [f for f in lexicon_phrases("judgements").find(reading)
             if (not reading.negated(f.first) or _denied_then_said(reading, f))
             and not _said_of_self(reading, f) and not _felt(reading, f)]
    traits = [f for f in feelings_in(reading, "feelings") if feelings.label_frame(reading, f)]
    return sorted(unique(found + traits), key=lambda f: f.first)


def _denied_then_said(reading: Reading, found: Found) -> bool:
    """"You're not lazy, but you don't help": a label denied and then said anyway, because a
    "but" in the same sentence goes on to the charge. "I know you're not being rude" stays kind."""
    sentence = reading.sentence_of(found.first)
    after = [reading.words[p].form for p in range(found.last + 1, sentence[-1] + 1)]
    return after[:1] == ["but"] or after[:2] in (["but", "you"], ["though", "you"])


FEEL_FORMS = frozenset("feel feeling felt feels".split())


def _felt(reading: Reading, found: Found) -> bool:
    """"I've been feeling a bit distant", "we feel disconnected": a state the writer (or the two
    of them) feels, not a label. "You feel distant" is still said of the partner."""
    words = reading.words
    position = found.first - 1
    while position >= 0 and words[position].form in feelings.FILLER_FORMS:
        position -= 1
    if position < 0 or words[position].form not in FEEL_FORMS:
        return False
    subject = words[position - 1].form if position else ""
    if subject in ("does", "did") and position > 1:  # "it does feel kind of rude"
        subject = words[position - 2].form
    if subject in ("it", "that", "this", "which"):  # "it feels a bit rude": a verdict on the act
        return False
    return subject != "you" and not (subject in ("are", "were") and position > 1
                                     and words[position - 2].form == "you")


def _said_of_self(reading: Reading, found: Found, piled: bool = False) -> bool:
    """"That was thoughtless of me", "I was careless": the writer owning a fault, not labelling.
    With `piled`, only a label the writer heaps on ("I was so selfish", "I was completely wrong
    and selfish"): self-blame rather than owning."""
    words = reading.words
    if "you" in found.entry.split():  # "I'm surprised you'd even ask" is about the partner
        return False
    if [w.form for w in words[found.last + 1:found.last + 3]] == ["of", "me"]:
        return not piled
    clause = words[found.first].clause
    before = [w.form for w in words[max(found.first - 6, 0):found.first] if w.clause == clause]
    if before[:1] == ["and"] and len(before) <= 2:  # "I was completely wrong and selfish"
        opening = found.first - len(before)
        earlier = [w for w in words[max(opening - 6, 0):opening]
                   if w.clause == words[opening - 1].clause and w.sentence == words[found.first].sentence]
        before = [w.form for w in earlier[:-1]] + before[1:] if len(earlier) >= 3 else before
    popped = []
    while before and before[-1] in feelings.FILLER_FORMS | PILED_ON:
        popped.append(before.pop())
    framed = any(before[-len(frame):] == list(frame) for frame in SELF_FRAMES)
    return framed and (not piled or bool(PILED_ON & set(popped)))


@detector("blame")
def blame(reading: Reading, scene: Scene) -> list[Found]:
    """Blame: "you never", "your fault", "for once", "as usual", "every time you". Not "you never
    get a night to yourself", which is the partner's lot (lexicon/blame.txt says which verbs);
    not "you made me feel so much better", which is thanks."""
    found = [f for f in lexicon_phrases("blame").find(reading)
             if not (f.entry in ("you make me feel", "you made me", "you are making me feel")
                     and KIND_RESULTS.find(reading, range(f.last + 1, min(f.last + 5, len(reading.words)))))
             and not _asked_to_keep(reading, f) and not _kept_something(reading, f)
             and not _made_possible(reading, f)
             and not (f.entry in FED_UP and feelings.owner(reading, f) == "partner")]
    return sorted(unique(found + _compared(reading)), key=lambda f: f.first)


OTHER_PARTNERS = frozenset("husband husbands wife wives partner partners boyfriend boyfriends girlfriend "
                           "girlfriends fiance fiancee bf gf".split())
HABITS = frozenset("would always never do does did actually even still".split())


def _compared(reading: Reading) -> list[Found]:
    """"My sister's husband takes her out every week": someone else's partner held up as the
    standard, said of what they do. "My brother's wife is coming too" only mentions her."""
    words, found = reading.words, []
    for position in range(1, len(words) - 1):
        owner, partner, doing = words[position - 1], words[position], words[position + 1]
        written = reading.text[owner.start:owner.end + 1].lower().rstrip(" ,.")  # "friends'" too
        possessive = written.endswith(("'s", "’s", "s'", "s’"))
        if partner.form not in OTHER_PARTNERS or owner.form in ("you", "your", "my", "our") \
                or not possessive or doing.sentence != partner.sentence:
            continue
        if doing.form in HABITS or (doing.form.endswith("s") and doing.form not in ("is", "was", "has")):
            quote = reading.quote(position - 1, position + 1)
            found.append(Found(position - 1, position + 1, "compared", quote))
    return found


# The writer's complaint in blame.txt, unless it names the partner's feeling ("you're fed up with it").
FED_UP = frozenset(("fed up with", "fed up of", "sick of", "tired of being"))


# What "because of you" or "thanks to you" made possible, when it is thanks ("…I could finish").
MADE_POSSIBLE = Phrases(("i could", "i was able", "i managed", "i met", "i got", "i finished", "i handed",
                         "i made it", "i did not have to", "i did not fall apart", "she was not alone",
                         "she had"))


def _made_possible(reading: Reading, found: Found) -> bool:
    """"Because of you I met my deadline": thanks. "Because of you I'm late again" stays blame."""
    if found.entry not in ("because of you", "thanks to you"):
        return False
    sentence = reading.sentence_of(found.first)
    after = range(found.last + 1, min(found.last + 4, sentence[-1] + 1))
    said = MADE_POSSIBLE.find(reading, after) + KIND_RESULTS.find(reading, after)
    return any(not reading.negated(f.first) for f in said)


def _asked_to_keep(reading: Reading, found: Found) -> bool:
    """"Would you keep Friday free?": a request, not the "you keep…" of a charge."""
    return found.entry.startswith("you keep") and found.first > 0 \
        and reading.words[found.first - 1].form in ("would", "could", "can", "will")


def _kept_something(reading: Reading, found: Found) -> bool:
    """"You kept Mum company", "you keep the house running": keeping a thing, often thanks. The
    charge keeps *doing* ("you keep interrupting", "you kept on about it")."""
    if found.entry not in ("you keep", "you just keep"):
        return False
    after = found.last + 1
    if after >= len(reading.words) or reading.words[after].sentence != reading.words[found.last].sentence:
        return False
    return not (reading.words[after].form.endswith("ing") or reading.words[after].form == "on")


@detector("absolutes")
def absolutes(reading: Reading, scene: Scene) -> list[Found]:
    """Every "always", "never", "every time": the words to leave out when rewriting a complaint;
    and an "again" that ends a complaint ("The dishes are in the sink. Again.")."""
    found = lexicon_phrases("absolutes").find(reading)
    for span in reading.sentences:
        forms = {reading.words[p].form for p in span}
        if reading.words[span[-1]].form == "again" and not is_question(reading, span) \
                and len(span) <= 8 and not forms & {"we", "us", "feel"}:
            found.append(Found(span[-1], span[-1], "again", reading.quote(span[-1], span[-1])))
    return sorted(found, key=lambda f: f.first)


# Orders that are only orders in a statement: "Do you need to recharge?" asks about a need.
STATEMENT_ONLY = frozenset(("you need to", "you have to", "you must"))


def _told(reading: Reading, found: list[Found]) -> list[Found]:
    """Orders as orders: not asked about ("Do you need to rest?"), not described ("like you have
    to disappear"); an order with "okay?" on the end is still one."""
    kept = []
    for f in found:
        if f.entry in STATEMENT_ONLY:
            span = reading.sentence_of(f.first)
            tagged = (reading.words[span[-1]].form in TAGS
                      and reading.words[span[0]].form not in QUESTION_OPENERS)
            if (is_question(reading, span) and not tagged) or (
                    f.first > 0 and reading.words[f.first - 1].form in ("like", "if", "though")):
                continue
        kept.append(f)
    return kept


@detector("fixing")
def fixing(reading: Reading, scene: Scene) -> list[Found]:
    """Advice and fixing in all their forms: "you should", "have you thought about…?",
    "let me…", "we should…". Not "you must feel…" (a reflection) or "let me understand"."""
    return _told(reading, lexicon_phrases("fixing").find(reading))


@detector("mind-reading")
def mind_reading(reading: Reading, scene: Scene) -> list[Found]:
    """Saying what the partner thinks, wants or why they feel so: "which tells me you don't
    care", "you just want…", "you feel that way because you…"."""
    found = lexicon_phrases("mind-reading").find(reading)
    found += [f for f in BECAUSE_YOU.find(reading)
              if f.last + 1 < len(reading.words)
              and reading.words[f.last + 1].form in ("do", "are", "never", "always", "only", "just",
                                                     "clearly", "obviously", "want", "care", "like",
                                                     "expect", "think", "enjoy", "love", "can")]
    return sorted(unique(found), key=lambda f: f.first)


@detector("yes-but")
def yes_but(reading: Reading, scene: Scene) -> list[Found]:
    """Validation taken back: "I hear you, but…", "That sounds lonely, but I'm the one who…"."""
    empathy = sorted(goals.validation(reading, scene) + feelings.partner_feeling(reading, scene)
                     + goals.thanks(reading, scene) + lexicon_phrases("reflections").find(reading)
                     + GRANTING.find(reading), key=lambda f: f.first)
    found = []
    contrasts = {f.last: f.first for f in CONTRAST_PHRASES.find(reading)}
    for position, word in enumerate(reading.words):
        if word.form not in CONTRAST and position not in contrasts:
            continue
        if word.form == "though" and position and reading.words[position - 1].form == "as":
            continue  # "it sounds as though…" compares, it takes nothing back
        following = reading.words[position + 1] if position + 1 < len(reading.words) else None
        ends_clause = word.form == "though" and (following is None or following.clause != word.clause
                                                  or following.sentence != word.sentence)
        if ends_clause:  # "I'd never leave you though": what it takes back came just before it
            earlier = reading.words[position - 1].clause if position else -1
            opening = next((p for p in range(position) if reading.words[p].clause == earlier), position)
            taken_back = range(opening, position)
        else:
            taken_back = range(position + 1, reading.sentence_of(position)[-1] + 1)
        if not taken_back:
            continue
        before = [f for f in empathy if f.first < (taken_back[0] if ends_clause else position)
                  and reading.words[f.first].sentence >= word.sentence - 2]
        if before and _takes_back(reading, taken_back):
            found.append(Found(before[0].first, taken_back[-1], "but",
                               reading.quote(contrasts.get(position, position) if not ends_clause
                                             else taken_back[0], taken_back[-1])))
    return found


def _takes_back(reading: Reading, span: range) -> bool:
    """Whether what follows "but" takes the understanding back. After validation it almost
    always does; it does not when it keeps the door open ("but I'm here", "but tell me more")."""
    said = BENIGN_AFTER_BUT.find(reading, span)
    if said and said[0].first <= span[0] + 1:
        return False
    invited = questions.invitation(reading, Scene())  # "but can you tell me more?" keeps the door open
    if any(f.first <= span[0] + 2 and f.last >= span[0] for f in invited):
        return False
    asked = lexicon_phrases("requests").find(reading, span)  # "…, but could we have Friday?" asks
    opens = bool(asked) and asked[0].first <= span[0] + 1
    return not (opens and is_question(reading, reading.sentence_of(span[0])))


for _name, _lexicon in (("defending", "defending"),
                       ("non-apology", "non-apologies"), ("past-story", "past-story"),
                       ("promise", "promises"), ("agreeing", "agreeing")):
    lexicon_detector(_name, _lexicon)

# "If you … one more time, I'm leaving", "Next time you … again, I'll…": a condition that has
# already been broken before, then what the writer will do about it.
LAST_STRAW = Phrases(("one more time", "once more", "again", "ever again", "one more"))
CONDITIONS = Phrases(("^if", "^next time", "^the next time"))
CONSEQUENCE = Phrases(("i will", "i am going to", "i am", "we are", "that is it"))
# What keeps "if it ever happens again, I'm here" a door held open, not a threat.
STAYING_CLOSE = frozenset("here there listening listen hold help try always happy glad sorry tell ask talk "
                          "with by come remind".split())


@detector("threat")
def threat(reading: Reading, scene: Scene) -> list[Found]:
    """A request with a punishment behind it: "…or I'm done", "I'll stay at my sister's", and an
    "if… one more time" that goes on to what the writer will do ("If you pick up your phone one
    more time while I'm talking, I'm leaving"). Not "if you're tired, I'll cook" (no last straw)."""
    found = [f for f in lexicon_phrases("threats").find(reading)
             if not _feared_or_freed(reading, f) and not _kept_as_a_gift(reading, f)]
    for span in reading.sentences:
        for condition in CONDITIONS.find(reading, span):
            straw = [f for f in LAST_STRAW.find(reading, span) if f.first > condition.last]
            then = [f for f in CONSEQUENCE.find(reading, span) if straw and f.first > straw[0].last
                    and not STAYING_CLOSE & {w.form for w in reading.words[f.last + 1:f.last + 4]}]
            if then:
                found.append(Found(condition.first, span[-1], "last straw",
                                   reading.quote(condition.first, span[-1])))
    return sorted(unique(found), key=lambda f: f.first)


GIFTS = frozenset("gift kindness kind thank thanks grateful lovely".split())


def _kept_as_a_gift(reading: Reading, found: Found) -> bool:
    """"That's a gift I won't forget": a kindness remembered, not a grudge kept."""
    if found.entry != "i will not forget":
        return False
    sentence = reading.sentence_of(found.first)
    return any(reading.words[p].form in GIFTS for p in range(sentence[0], found.first))


# Words just before a "threat" that make it a fear said aloud ("you feel afraid that I will
# leave") or a door held open ("no pressure if not").
FEARED = frozenset("afraid scared worried worry worrying fear fears frightened terrified".split())
FREED = frozenset("pressure worries problem fine ok okay bother stress".split())


def _feared_or_freed(reading: Reading, found: Found) -> bool:
    before = [w.form for w in reading.words[max(found.first - 3, 0):found.first]
              if w.sentence == reading.words[found.first].sentence]
    freed = bool(before) and before[-1] in FREED and reading.words[found.first].form == "if"
    return freed or bool(FEARED & set(before))


# What turns owning a fault ("I was selfish") into a flood of self-blame ("I was so selfish",
# "I'm such a selfish idiot", "I was completely wrong and selfish").
PILED_ON = frozenset("so such totally completely utterly absolutely really total complete".split())


# "I'm being needy", "I know I'm needy", "I'm probably too needy": a label the writer gives
# themselves now, which undercuts what they ask for. "I was careless" owns a past act.
NOW_FRAMES = (("i", "am"), ("i", "am", "being"), ("i", "know", "i", "am"))
HEDGING = frozenset("probably maybe just too so a bit little being kind of".split())


def _self_label_now(reading: Reading, found: Found) -> bool:
    if "you" in found.entry.split():
        return False
    clause = reading.words[found.first].clause
    before = [w.form for w in reading.words[max(found.first - 7, 0):found.first] if w.clause == clause]
    while before and before[-1] in HEDGING:
        before.pop()
    return any(tuple(before[-len(frame):]) == frame for frame in NOW_FRAMES) and \
        [w.form for w in reading.words[found.last + 1:found.last + 3]] != ["of", "me"]


@detector("self-blame")
def self_blame(reading: Reading, scene: Scene) -> list[Found]:
    """Putting yourself down: "I'm the worst", "this is all my fault", and a label the writer
    piles on themselves ("I was so selfish", "I'm such a lazy partner"). A plain "I was careless"
    or "that was thoughtless of me" owns a fault and is not here."""
    found = lexicon_phrases("self-blame").find(reading)
    for f in lexicon_phrases("judgements").find(reading):
        piled = _said_of_self(reading, f, piled=True)
        if reading.negated(f.first) or not (piled or _self_label_now(reading, f)):
            continue
        found.append(f)
    return sorted(unique(found), key=lambda f: f.first)


# A rule laid down for the partner: "…you to… from now on".
FROM_NOW_ON = Phrases(("from now on", "from today on", "from today onwards", "starting today",
                       "starting tonight"))
ON_YOU = Phrases(("need you to", "want you to", "you will", "you are going to", "you have to", "you need to"))


# "You're going to talk to me first", "you'll cancel it": the partner's next act announced as
# settled, an order dressed as a plan. Not a fear or a forecast ("I'm scared you're going to
# leave", "you'll love it"): the verb must be one that opens an order, nothing before it hedging.
PLANNED_FOR = Phrases(("you are going to", "you will"))
ORDERED_ACTS = (IMPERATIVES | frozenset("talk sit spend ask".split())) - frozenset(
    "be get go grow look calm leave stop start make help".split())
FORECASTING = frozenset("if what how whatever think worried worry scared afraid fear like maybe probably "
                        "hope bet sure know guess reckon feel because so before until unless once "
                        "whether".split())


CHOICE_LEFT = frozenset("ready whenever want wish".split())  # "when you're ready, you'll tell me"
DONE_TO = frozenset("the it this that your some them".split())  # "you'll do the bins", not "do brilliantly"


def _planned_for(reading: Reading, span: range, kind: list[Found]) -> list[Found]:
    forms = [reading.words[p].form for p in span]
    found = []
    for f in PLANNED_FOR.find(reading, span):
        verb = reading.words[f.last + 1].form if f.last + 1 <= span[-1] else ""
        done_to = reading.words[f.last + 2].form if f.last + 2 <= span[-1] else ""
        clause = reading.words[f.first].clause
        before = {reading.words[p].form for p in span if p < f.first and reading.words[p].clause == clause}
        if verb == "do" and done_to not in DONE_TO or any(k.first <= f.last + 1 <= k.last for k in kind):
            continue
        if verb in ORDERED_ACTS and not before & FORECASTING and not forms[:1] == ["if"] \
                and not CHOICE_LEFT & set(forms):
            found.append(Found(f.first, span[-1], "planned for", reading.quote(f.first, span[-1])))
    return found


@detector("demand")
def demand(reading: Reading, scene: Scene) -> list[Found]:
    """An order: "you need to…", "I expect you to…", or a sentence that opens with a bare verb
    ("Just put it away."). Not an invitation ("Tell me more", "Go on")."""
    found = _told(reading, lexicon_phrases("demands").find(reading))
    gentle = GENTLE.find(reading)
    kind = questions.invitation(reading, scene) + lexicon_phrases("gratitude").find(reading) \
        + lexicon_phrases("check-backs").find(reading) + gentle
    for span in reading.sentences:  # "I need you to put it in the drawer from now on": a new rule
        for rule in FROM_NOW_ON.find(reading, span):
            if any(f.first < rule.first for f in ON_YOU.find(reading, span)):
                found.append(Found(rule.first, rule.last, "from now on", rule.quote))
    for span in reading.sentences:  # "When you get home you're going to talk to me first, ok?"
        tagged = reading.words[span[-1]].form in TAGS
        if not is_question(reading, span) or tagged:
            found += _planned_for(reading, span, gentle)
    for span in reading.sentences:  # "…put the phone down. Now."
        if len(span) <= 2 and reading.words[span[0]].sentence > 0 and \
                [reading.words[p].form for p in span] in (["now"], ["right", "now"]):
            found.append(Found(span[0], span[-1], "now", reading.quote(span[0], span[-1])))
    for span in reading.sentences:
        forms = [reading.words[p].form for p in span]
        start = next((i for i, f in enumerate(forms) if f not in ("just", "please", "so", "now", "and")),
                     None)
        if start is None:
            continue
        # "Don't start on this again": a "don't" with a verb, not "Don't you care?", not a kind one.
        dont = forms[start:start + 2] == ["do", "not"] and len(forms) > start + 2 \
            and forms[start + 2] not in SUBJECTS
        if dont and forms[start + 2] in KIND_DONTS:
            continue
        # "Put it away, ok?": the tag on an order does not make it a question.
        tagged = forms[-1] in TAGS and len(forms) > start + 2 and (
            dont or forms[start] not in QUESTION_OPENERS or forms[start + 1] not in SUBJECTS)
        if not dont and forms[start] not in IMPERATIVES or (is_question(reading, span) and not
                                                            (tagged or dont)):
            continue
        position = span[start]
        if forms[start] in DISCOURSE and start + 1 < len(forms) \
                and reading.words[span[start + 1]].clause != reading.words[position].clause:
            continue  # "Look, I should have asked": a way in, not an order
        if set(forms[start:]) <= OPEN_DOOR:
            continue  # "Tell me.", "Talk to me, love.": a door held open, not an order
        if not any(k.first <= position <= k.last for k in kind):
            found.append(Found(position, span[-1], "order", reading.quote(position, span[-1])))
    return sorted(unique(found), key=lambda f: f.first)


SUBJECTS = frozenset("you i we they it that he she this there".split())
DISCOURSE = frozenset(("look", "listen"))  # said alone before a comma, they open what follows
# "Don't worry", "Don't be sorry", "Don't hold back", "Don't leave anything out": a "don't" that
# comforts or invites (a "don't worry" is minimising's to name, not an order).
KIND_DONTS = frozenset("worry be feel apologise apologize rush hesitate mind panic stress fret hold beat "
                       "think get take ever stop leave keep hide spare need have forget blame".split())
# A sentence of only these words, after its verb, asks the partner in: "Tell me.", "Talk to me".
OPEN_DOOR = frozenset("tell talk me to more please love babe hun honey darling sweetheart go on".split())


def defending(reading: Reading, scene: Scene) -> list[Found]:
    return DETECTORS["defending"](reading, scene)


# Whose "doesn't matter": "your voice doesn't matter" says back how small the partner was made
# to feel; "it doesn't matter" makes the feeling small.
SAID_OF_PARTNER = frozenset("you your yours voice opinion feelings say".split())


@detector("minimising")
def minimising(reading: Reading, scene: Scene) -> list[Found]:
    """Playing it down: "don't worry", "at least", "it's not that bad", "that's life". Not a
    "doesn't matter" said of the partner ("like your voice doesn't matter"), which reflects."""
    found = []
    for f in lexicon_phrases("minimising").find(reading):
        clause = reading.words[f.first].clause
        before = {w.form for w in reading.words[max(f.first - 3, 0):f.first] if w.clause == clause}
        if reading.words[f.last].form == "matter" and before & SAID_OF_PARTNER:
            continue
        if f.entry == "relax" and _own_wish(reading, f.first):
            continue  # "I was hoping to just relax": the writer's own wish, not "just relax"
        found.append(f)
    return found


def _own_wish(reading: Reading, position: int) -> bool:
    """A "to relax" the writer wants ("I was hoping to just relax"), said of no "you"."""
    clause = reading.words[position].clause
    before = [w.form for w in reading.words[:position] if w.clause == clause and w.form != "just"]
    return before[-1:] == ["to"] and "you" not in before


@detector("own-story")
def own_story(reading: Reading, scene: Scene) -> list[Found]:
    """Turning the talk to oneself: "me too", "my day was…", "tell me about it", and the writer's
    own past ("like my last relationship all over again", lexicon/past-story.txt)."""
    found = lexicon_phrases("own-story").find(reading) + DETECTORS["past-story"](reading, scene)
    return sorted(unique(found + _me_as_well(reading)), key=lambda f: f.first)


# "I've been flat out too", "I haven't had a break either": the writer's matching hardship.
AS_WELL = frozenset(("too", "either"))
SELF_STATES = frozenset("am have had was been".split())
WARM_VERBS = frozenset("love miss care want adore like hope wish need".split())


def _me_as_well(reading: Reading) -> list[Found]:
    """A clause of the writer's own state that ends in "too" or "either": "me too" said at
    length. "I love you too" and "I want that too" stay warm."""
    found = []
    clauses: dict[int, list[int]] = {}  # clause numbers run on across sentences
    for position, word in enumerate(reading.words):
        clauses.setdefault(word.clause, []).append(position)
    for positions in clauses.values():
        forms = [reading.words[p].form for p in positions]
        opening = next((i for i in range(len(forms) - 1)
                        if forms[i] == "i" and forms[i + 1] in SELF_STATES), None)
        if forms[-1] not in AS_WELL or opening is None or len(forms) - opening < 4:
            continue
        positions, forms = positions[opening:], forms[opening:]
        if WARM_VERBS & ({reading.words[p].stem for p in positions} | set(forms)) or "you" in forms:
            continue
        first, last = positions[0], positions[-1]
        found.append(Found(first, last, "me too", reading.quote(first, last)))
    return found
