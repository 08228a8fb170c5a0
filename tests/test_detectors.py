"""The built-in detectors, one table each: replies that must be found (with the words quoted)
and replies of the same kind that must not be. The classes are those a couples therapist names."""

from __future__ import annotations

import pytest

from therapon_check.detectors import DETECTORS, Scene
from therapon_check.matching import Phrases
from therapon_check.reading import Reading

# (detector, reply, the learner's words it must quote; [] means it must find nothing)
CASES = [
    # whose feeling a word names
    ("partner-feeling", "That sounds really lonely.", ["lonely"]),
    ("partner-feeling", "You must feel on edge.", ["on edge"]),
    ("partner-feeling", "I'm not angry, it makes sense you felt left out.", ["left out"]),
    ("partner-feeling", "I can hear how anxious and alone you've been.", ["anxious", "alone"]),
    ("partner-feeling", "It sounds like you're gutted, and knackered too.", ["gutted", "knackered"]),
    ("partner-feeling", "I feel hurt that you'd even think that.", []),
    ("partner-feeling", "You're not alone.", []),
    ("partner-feeling", "You feel that way because you're insecure.", []),
    ("own-feeling", "I feel lonely when you're on your phone.", ["lonely"]),
    ("own-feeling", "It hurts me that you'd think that.", ["hurts"]),
    ("own-feeling", "You sound exhausted.", []),
    ("own-hard-feeling", "I'm knackered, can we do this later?", ["knackered"]),
    ("own-hard-feeling", "I'm so glad you told me.", []),
    ("interpretation", "I feel ignored when you scroll.", ["ignored"]),
    ("interpretation", "I feel like you don't care.", ["I feel like you"]),
    ("interpretation", "It makes sense you felt ignored.", []),
    # questions
    ("question", "What's it like for you when you get home?", ["What's it like for you when you get home?"]),
    ("question", "Would it kill you to spend one evening with me?", []),
    ("question", "Have you thought about seeing someone?", []),
    ("hostile-question", "Where is this coming from? I've done nothing.", ["Where is this coming from?"]),
    ("hostile-question", "Why do you always go silent?", ["Why do you always go silent?"]),
    ("hostile-question", "Can you tell me more?", []),
    ("why-question", "Why do you need quiet after work?", ["Why do you need quiet after work?"]),
    ("why-question", "Why not have dinner on Friday?", []),
    ("invitation", "I'm listening, tell me more.", ["I'm listening", "tell me more"]),
    ("check-back", "You're worn out, right?", ["right"]),
    ("check-back", "Did I get that right?", ["Did I get that right"]),
    ("request", "Would you be willing to walk on Saturday?", ["Would you be willing to walk on Saturday?"]),
    ("request", "Would it kill you to take me out?", []),
    # harmful moves
    ("sarcasm", "Oh sure, poor you 🙄", ["Oh sure", "poor you", "🙄"]),
    ("sarcasm", "Let me guess, you were 'resting' all day?", ["Let me guess", "'resting'"]),
    ("sarcasm", "So I'm not allowed a voice now? Great.", ["Great"]),
    ("sarcasm", "I feel SO important right now.", ["SO important right now"]),
    ("sarcasm", "That sounds great, thank you.", []),
    ("label", "You're so needy.", ["needy"]),
    ("label", "Typical you.", ["Typical you"]),
    ("label", "You're being really insecure again.", ["insecure"]),
    ("label", "I know you're not being rude.", []),
    ("label", "Work's crazy for you right now.", []),
    ("blame", "You never help, and it's your fault.", ["You never", "it's your fault"]),
    ("blame", "Do them for once.", ["for once"]),
    ("blame", "You never get a night to yourself.", []),
    ("absolutes", "The sink is full. Again.", ["Again"]),
    ("defending", "That's not true! I never said that.", ["That's not true", "I never said"]),
    ("defending", "I don't even shout, I just talk loudly.", ["I don't even", "I just talk"]),
    ("yes-but", "I hear you, but I'm the one who does everything.", ["but I'm the one who does everything"]),
    ("yes-but", "That sounds lonely, but I'm here and I want to hear more.", []),
    ("minimising", "Don't worry, at least the kids are fine.", ["Don't worry", "at least"]),
    ("fixing", "Have you thought about seeing someone?", ["Have you thought about", "seeing someone"]),
    ("fixing", "Let's just make a rule about it.", ["Let's just", "make a rule"]),
    ("fixing", "You must feel so alone.", []),
    ("fixing", "Let me check I've got this right.", []),
    ("mind-reading", "The sink is full, which tells me you don't care.", ["which tells me you"]),
    ("mind-reading", "You only think that because your ex left you.", ["You only think", "because your ex"]),
    ("demand", "Just put it in a drawer when we eat.", ["put it in a drawer when we eat"]),
    ("demand", "Do you need to recharge first?", []),
    ("demand", "Tell me more.", []),
    ("threat", "If you say no I'll know where I stand.", ["If you say no I'll", "where I stand"]),
    ("non-apology", "I'm sorry you feel that way.", ["I'm sorry you feel"]),
    ("non-apology", "I'm sorry I made plans without you.", []),
    ("own-story", "Me too, my day was long.", ["Me too", "my day"]),
    ("promise", "I promise I'll never do it again.", ["I promise", "I'll never"]),
    ("agreeing", "You're right, I was wrong.", ["You're right", "I was wrong"]),
    # what helps
    ("validation", "It makes so much sense that you felt that.", ["It makes so much sense"]),
    ("validation", "I can really see why.", ["I can really see why"]),
    ("validation", "That doesn't make sense.", []),
    ("validation", "I'm sorry you felt so hurt.", []),
    ("thanks", "Thank you for trusting me with this.", ["Thank you for trusting me"]),
    ("thanks", "Wow, thanks for leaving me the dishes.", []),
    ("time", "Could we walk on Saturday morning at 7?", ["Saturday", "morning", "7"]),
    ("need", "because I need closeness", ["I need", "closeness"]),
    ("when", "I feel sad when you leave.", ["when"]),
]


@pytest.mark.parametrize(("name", "reply", "quotes"), CASES, ids=[f"{n}:{r[:40]}" for n, r, _ in CASES])
def test_detector(name, reply, quotes):
    found = DETECTORS[name](Reading(reply), Scene())
    assert [f.quote for f in found] == quotes


def test_scene_words_feed_says_back_and_copying():
    scene = Scene(Phrases(["work", "the dishes", "homework"]), "Work has been nonstop lately.")
    assert [f.quote for f in DETECTORS["says-back"](Reading("So work, then the dishes?"), scene)] == [
        "work", "the dishes"]
    assert DETECTORS["copies-prompt"](Reading("Work has been nonstop lately."), scene)
    assert not DETECTORS["copies-prompt"](Reading("It sounds like work never stops for you."), scene)


def test_every_detector_has_a_docstring_an_author_can_read():
    assert all((fn.__doc__ or "").strip() for fn in DETECTORS.values())
