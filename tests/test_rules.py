"""therapon_check.rules and verdict: an exercise's rules judge a reply, and the verdict that comes
back names every harm, never praises while a concern stands, and says which parts are there."""

from __future__ import annotations

from therapon_check.rules import judge
from therapon_check.verdict import MET, verdict

RULES = {
    "min_words": 3,
    "original": "You never listen to me!",
    "scene": [],
    "look_for": [
        {"id": "feeling", "detect": ["own-feeling"], "phrases": [], "part": "a feeling",
         "praise": "You named a feeling: {found}.", "tip": "Name a feeling."},
        {"id": "need", "detect": ["need"], "phrases": ["so that i feel close"], "part": "a need",
         "praise": "You named a need ({found}).", "tip": "Add a need."},
        {"id": "warmth", "detect": [], "phrases": ["love"], "part": "", "praise": "Warmth helps.", "tip": ""},
    ],
    "avoid": [
        {"id": "blame", "detect": ["blame", "absolutes"], "phrases": [],
         "message": "{found} sounds like blame.", "level": "concern", "fails": True},
        {"id": "copies-prompt", "detect": ["copies-prompt"], "phrases": [],
         "message": "That is the first line.", "level": "tip", "fails": True},
        {"id": "stop", "detect": [], "phrases": ["stop"], "message": "Ask for what you want ({found}).",
         "level": "tip", "fails": False},
    ],
}


def ids(found: dict) -> list[tuple[str, str]]:
    return [(i["level"], i["id"]) for i in found["items"]]


def test_a_reply_with_every_part_and_no_harm_meets_the_goal():
    found = judge(RULES, "I feel lonely, because I need closeness, love.")
    assert found["meets_goal"] is True and found["summary"] == MET
    assert ids(found) == [("good", "feeling"), ("good", "need"), ("good", "warmth")]
    assert found["items"][0]["message"] == "You named a feeling: “lonely”."


def test_a_missing_part_gives_its_tip_and_says_what_is_there():
    found = judge(RULES, "I feel lonely tonight.")
    assert found["meets_goal"] is False
    assert ids(found) == [("tip", "need-missing"), ("good", "feeling")]
    assert found["summary"] == "Not quite there yet. It already has a feeling. It still needs a need."


def test_a_concern_names_the_words_and_nothing_is_praised_while_it_stands():
    found = judge(RULES, "I feel lonely because I need you, but you never listen.")
    assert found["meets_goal"] is False
    assert ids(found)[0] == ("concern", "blame")
    first = found["items"][0]["message"]
    assert first.startswith("“you never”") and "sounds like blame" in first
    goods = [i["message"] for i in found["items"] if i["level"] == "good"]
    assert goods and all(m.startswith("Already there:") for m in goods)  # no praise, only what is there
    assert "Well done" not in found["summary"] and found["summary"].startswith("Not yet: one thing")
    assert "It already has a feeling and a need." in found["summary"]


def test_a_note_that_does_not_fail_and_a_tip_that_does():
    noted = judge(RULES, "I feel lonely because I need you to stop working late.")
    assert noted["meets_goal"] is True and ("tip", "stop") in ids(noted)
    copied = judge(RULES, "You never listen to me!")
    assert copied["meets_goal"] is False and ("tip", "copies-prompt") in ids(copied)


def test_too_short_is_its_own_tip():
    found = judge(RULES, "Lonely.")
    assert (found["meets_goal"], ids(found)) == (False, [("tip", "too-short")])


def test_the_verdict_orders_items_and_never_says_well_done_over_a_concern():
    items = [{"level": "good", "id": "a", "message": "A."}, {"level": "concern", "id": "b", "message": "B."},
             {"level": "tip", "id": "c", "message": "C."}]
    found = verdict(True, items, has=["a feeling"])
    assert [i["id"] for i in found["items"]] == ["b", "c", "a"]
    assert found["meets_goal"] is False and "Well done" not in found["summary"]
