"""This course's own build checks, on its real site: the lessons in reading order, every link
of its pages resolving, and no answer of its exercises given away by search. The engine's
build tests are in test_build.py, on a course of their own."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import ROOT
from support.links import broken_links
from therapon.load import load_exercises


def test_course_manifest_lists_lessons_in_reading_order(built_site: Path) -> None:
    course = json.loads((built_site / "course.json").read_text())
    assert course["id"] == "therapeutic-partnership"
    assert course["title"].startswith("Therapon")
    urls = [lesson["url"] for lesson in course["lessons"]]
    lessons = [f"lessons/{p.stem}/" for p in sorted((ROOT / "docs/lessons").glob("*.md"))]
    assert len(lessons) == 10 and lessons[-1] == "lessons/10-turning-toward/"
    # The lab sits under Extras, after Sources: after every lesson in reading order.
    assert urls == lessons + ["lab/01-who-listened/", "lab/02-words-that-blame/", "lab/03-planning-turns/"]
    first, lab = course["lessons"][0], course["lessons"][len(lessons)]
    assert first["url"] == "lessons/01-partners-as-comrades/"
    assert [(e["id"], e["kind"]) for e in first["exercises"]] == [
        ("listening-response", "choice"), ("soften-the-start", "text"), ("first-turn", "reflection"),
        ("l1-our-alliance", "reflection"), ("favourite-seat", "reflection")]
    assert [e["partner"] for e in first["exercises"]] == [False, False, True, True, False]
    assert lab["url"] == "lab/01-who-listened/"
    # The lab is optional (front matter), counted apart; every lesson says whether it is.
    assert [lesson["optional"] for lesson in course["lessons"]] == [False] * len(lessons) + [True] * 3
    assert [e["id"] for e in lab["exercises"]] == ["listener-tally", "whose-turn"]
    assert lab["exercises"][0] == {"id": "listener-tally", "kind": "code",
                                   "title": "Who listened this week?", "partner": False}


def test_every_internal_link_and_asset_resolves(built_site: Path) -> None:
    assert broken_links(built_site) == []


def test_search_index_gives_away_no_answer(built_site: Path) -> None:
    """Search reads each exercise's stub (title and prompt), never its explanations or hints."""
    texts = " ".join(doc["text"] for doc in json.loads(
        (built_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"])
    exercises = load_exercises(ROOT / "exercises", ROOT).values()
    answers = [option["explanation"] for e in exercises if e.kind == "choice"
               for option in e.fields["options"] if option["explanation"]]
    answers += [hint for e in exercises for hint in e.hints]
    assert len(answers) > 20
    for answer in answers:
        words = re.sub(r"[*_`\"]", "", answer).split()[:8]  # the start, as plain text
        assert " ".join(words) not in texts, answer
