"""Detectors of feelings: whose feeling a word names, and a feeling said as a trait."""

from __future__ import annotations

from .detecting import Scene, detector, feelings_in, is_question, unique
from .matching import Found, Phrases, lexicon_phrases
from .reading import Reading

# "there" too: "so there's a real fear there" names what the listener hears in the partner.
PARTNER_CUES = frozenset("you your yourself yours sound seem must look it that this there".split())
CAUSATIVES = frozenset("make made mak let got get leave leav keep kept".split())
HEDGES = frozenset("pretty quite kind sort of maybe kinda bit".split())
# "I'm guessing…", "I imagine…", "I'm hearing fear", "I can sense…", "I think also sad?": the
# listener guessing at, or perceiving, the partner's feeling (forms, as written).
PERCEIVING = frozenset("guess guessing imagine imagining bet wonder wondering sense sensing reckon "
                       "hear hearing pick picking notice noticing think".split())
# "feeling not enough for me": the feeling is the one the sentence says the partner has.
FEELING_VERBS = frozenset("feel feeling felt".split())


def owner(reading: Reading, found: Found) -> str | None:
    """"partner", "self" or None: whose feeling a feeling word names. A subject close before it
    decides ("you're not enough", "I feel hurt"); then an object after it ("it hurts me", "hard
    for me"); then the nearest cue before it ("it sounds lonely", "you must feel scared")."""
    words = reading.words
    clause = words[found.last].clause
    after = [w.form for w in words[found.last + 1:found.last + 3] if w.clause == clause]
    before = words[found.first - 1].form if found.first else ""
    sentence = reading.sentence_of(found.first)
    ahead = [w.form for w in words[found.last + 1:min(found.last + 5, sentence[-1] + 1)]]
    behind = [w.form for w in words[max(sentence[0], found.first - 4):found.first]]
    if "how" in behind and (ahead[:1] and ahead[0] != "i") and "i" not in behind[behind.index("how"):]:
        if before == "how" or "you" in ahead:
            return "partner"  # "I can hear how anxious and alone you've been", "how frightened she was"
    if _it_hurts(reading, found, ahead):
        return "self"  # "It hurts when you pick up your phone", "that really hurts to hear"
    close = [w.form for w in words[max(sentence[0], found.first - 2):found.first]]
    if (after[:1] == ["me"] or after in (["for", "me"], ["to", "me"])) and "you" not in close \
            and not FEELING_VERBS & set(close[-1:]):
        return "self"  # "it hurts me", "that's hard for me"; but "you're not enough for me"
    if before in ("understand", "see", "imagine") or close[-2:] in (["understand", "feeling"],):
        return "partner"  # "I can understand feeling disregarded"
    unfilled = [f for f in behind if f not in FILLER_FORMS]
    if unfilled[-3:] in (["i", "would", "feel"], ["i", "would", "be"]) or \
            behind[-4:] == ["i", "would", "have", "felt"]:
        return "partner"  # "I'd feel sidelined too": the listener standing in the partner's shoes
    rest = " ".join(w.form for w in words[found.last + 1:sentence[-1] + 1])
    if rest.endswith(("what i hear", "what i am hearing")):
        return "partner"  # "Scared and shut down, that's what I hear."
    if before == "my":
        return "self"  # "my heart sinks", "my fear": the writer's own
    bare = [f for f in behind if f not in FILLER_FORMS | HEDGES]
    if bare in ([], ["feeling"], ["maybe"]) and is_question(reading, sentence):
        return "partner"  # "Feeling pretty burnt out?", "Lonely, maybe?": a guess, offered
    for position in range(found.first - 1, max(sentence[0], found.first - 9) - 1, -1):
        word = words[position]
        guessing = word.form in PERCEIVING and position > sentence[0]
        if guessing and words[position - 1].form in ("i", "am", "can"):
            return "partner"  # "I'm guessing depleted", "I'm hearing fear": the partner's, guessed or heard
        if word.form in YOUNGER_SELF and position > sentence[0] and words[position - 1].form in YOUNGER \
                and words[max(position - 2, 0)].form not in ("my", "our"):
            return "partner"  # "the little girl who went quiet still gets scared": the partner, young
        if word.form in ("i", "myself") or (word.form == "me" and position > 0
                                             and words[position - 1].stem in CAUSATIVES):
            return "self"
        if word.stem in PARTNER_CUES:
            if word.form in IT_WORDS and [w.form for w in words[max(position - 2, 0):position]] in (
                    ["i", "get"], ["i", "have"], ["i", "got"], ["i", "had"]):
                return "self"  # "I get this sinking feeling", "I had that awful feeling"
            return "partner"
    return None


# The partner as a child, in a reflection: "the little girl who had to stay quiet".
YOUNGER_SELF = frozenset("girl boy kid child".split())
YOUNGER = frozenset("little younger young wee".split())
HURTING = frozenset(("hurt", "sting", "sad", "upset", "scary", "scare"))
IT_WORDS = frozenset(("it", "that", "this"))


def _it_hurts(reading: Reading, found: Found, ahead: list[str]) -> bool:
    """"It hurts when you…", "That really hurts to hear": said of the writer, not the partner
    (whose feeling "that must hurt" or "it hurts you" names)."""
    if reading.words[found.first].stem not in HURTING:
        return False
    position = found.first - 1
    while position >= 0 and reading.words[position].form in FILLER_FORMS - {"being"}:
        position -= 1
    if position < 0 or reading.words[position].form not in IT_WORDS:
        return False
    while ahead and ahead[0] in FILLER_FORMS:
        ahead = ahead[1:]
    return ahead[:1] == ["when"] or ahead[:2] in (["to", "hear"], ["that", "you"])


TRAITS = frozenset("insecure jealous possessive anxious sensitive oversensitive emotional paranoid needy "
                   "clingy dramatic moody defensive negative nervous touchy".split())
FILLER_FORMS = frozenset("really so very just too quite pretty rather a an bit little kind of being "
                         "always".split())


def label_frame(reading: Reading, found: Found) -> bool:
    """"you're so insecure", "because you're insecure", "you're being really insecure": a trait."""
    if found.entry not in TRAITS:
        return False
    window = reading.words[max(found.first - 7, 0):found.first]
    before = [w.form for w in window]
    while before and before[-1] in FILLER_FORMS:
        before.pop()
    skipped = len(before) < len(window)
    if "always" in before and before[-2:] in (["have", "been"], ["always", "been"], ["you", "were"]) \
            and "you" in before:
        return True  # "you've always been a bit sensitive"
    return before[-2:] == ["you", "are"] and (skipped or before[-3:-2] == ["because"])


def _asked_about(reading: Reading, found: Found) -> bool:
    """"Tell me what's been on your mind": a question about it, not a feeling named."""
    sentence = reading.sentence_of(found.first)
    return "what" in {w.form for w in reading.words[max(sentence[0], found.first - 4):found.first]}


@detector("partner-feeling")
def partner_feeling(reading: Reading, scene: Scene) -> list[Found]:
    """A feeling (or how hard something is, or an image for a feeling: "you've been on thin ice")
    named as the partner's: "that sounds lonely", "you must feel scared", "it makes sense you felt
    left out". Not the writer's own feeling, not a negated one ("you're not alone"), and not a
    trait ("you're so insecure")."""
    named = [f for f in feelings_in(reading, "feelings", "images", "interpretations")
             if owner(reading, f) == "partner" and not label_frame(reading, f)]
    hard = [f for f in feelings_in(reading, "experiences") if owner(reading, f) != "self"
            and not _asked_about(reading, f)]
    return unique(named + hard)


@detector("own-feeling")
def own_feeling(reading: Reading, scene: Scene) -> list[Found]:
    """A feeling the writer names as their own: "I feel lonely", "I'm exhausted", or an image
    for one ("I'm treading water", lexicon/images.txt)."""
    return [f for f in feelings_in(reading, "feelings", "images") if owner(reading, f) == "self"]


@detector("feeling-as-judgement")
def feeling_as_judgement(reading: Reading, scene: Scene) -> list[Found]:
    """A word that accuses while sounding like a feeling: "I feel ignored", "when you ignore me"."""
    return [f for f in feelings_in(reading, "interpretations")
            if owner(reading, f) == "self" or reading.words[f.last + 1:f.last + 2] and
            reading.words[f.last + 1].form == "me"]


THOUGHT_AS_FEELING = Phrases(("i feel like !we !i", "i feel that you", "i feel as if !we !i",
                              "i feel as though !we !i", "i feel like you", "makes me feel like !we !i"))
# What follows "I felt like you…" when it is thanks: "I felt like you had my back".
KIND_THOUGHTS = Phrases(("had my back", "have my back", "got my back", "got me", "get me", "were there",
                         "are there", "were on my side", "are on my side", "cared", "care", "understood",
                         "understand", "were with me", "are with me", "had me", "were looking out for me"))


@detector("thought-as-feeling")
def thought_as_feeling(reading: Reading, scene: Scene) -> list[Found]:
    """"I feel like you…", a thought about the partner dressed as a feeling. Not "I felt like we
    were a team" (the two of you), "I feel like I'm talking to myself" (the writer), nor a kind
    thought said as thanks ("I felt like you had my back")."""
    return [f for f in THOUGHT_AS_FEELING.find(reading) if not _kind_thought(reading, f)]


def _kind_thought(reading: Reading, found: Found) -> bool:
    """A kind thought right after it ("…you've really got my back"), not denied: thanks."""
    after = range(found.last + 1, min(found.last + 7, len(reading.words)))
    kind = KIND_THOUGHTS.find(reading, after)
    return bool(kind) and kind[0].first <= found.last + 4 and not reading.negated(kind[0].first)


@detector("interpretation")
def interpretation(reading: Reading, scene: Scene) -> list[Found]:
    """Both of the above: an accusing feeling word, or a thought about the partner said as a feeling."""
    found = feeling_as_judgement(reading, scene) + thought_as_feeling(reading, scene)
    return sorted(found, key=lambda f: f.first)


@detector("own-hard-feeling")
def own_hard_feeling(reading: Reading, scene: Scene) -> list[Found]:
    """The listener's own hard feeling while the partner speaks ("I feel hurt that you'd think
    that", "I'm knackered"): the talk turns to the listener. A pleasant one ("I'm glad you told
    me") does not."""
    pleasant = {(f.first, f.last) for f in lexicon_phrases("pleasant-feelings").find(reading)}
    mine = [f for f in feelings_in(reading, "interpretations") if owner(reading, f) == "self"]
    hard = [f for f in own_feeling(reading, scene) if (f.first, f.last) not in pleasant]
    return sorted(hard + mine, key=lambda f: f.first)
