"""course.json: the course's lessons and exercises in reading order, and never a solution.

The progress dashboard and tests read it, so it is complete even for exercises never opened.
A lesson marked `optional: true` in its front matter is counted apart from the course, so a
learner can finish the course without it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .contract import COURSE_SCHEMA
from .model import Exercise

MANIFEST_FILE = "course.json"


@dataclass(frozen=True)
class Lesson:
    title: str
    url: str
    exercise_ids: tuple[str, ...]
    optional: bool = False


def manifest(course_id: str, title: str, lessons: list[Lesson],
             exercises: dict[str, Exercise]) -> dict[str, Any]:
    return {
        "schema": COURSE_SCHEMA,
        "id": course_id,
        "title": title,
        "lessons": [
            {
                "title": lesson.title,
                "url": lesson.url,
                "optional": lesson.optional,
                "exercises": [
                    {"id": i, "kind": exercises[i].kind, "title": exercises[i].title,
                     "partner": exercises[i].partner_practice}
                    for i in lesson.exercise_ids
                ],
            }
            for lesson in lessons
            if lesson.exercise_ids
        ],
    }


def manifest_text(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def versioned_url(text: str) -> str:
    """course.json (its manifest_text) named by its content, so no cache can hand a page another
    build's outline."""
    return f"{MANIFEST_FILE}?v={hashlib.sha256(text.encode()).hexdigest()[:12]}"


def write_manifest(site_dir: Path, text: str) -> None:
    (site_dir / MANIFEST_FILE).write_text(text)
