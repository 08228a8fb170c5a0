"""What a lesson says, as prose: the text a learner reads, without exercises, code or markup.

Shared by the readability test and by `python tests/course/content.py`, which prints the per-lesson
figures (words, reading grade, exercises by kind) for the course's release notes."""

from __future__ import annotations

import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The course's own content rules (course-rules.toml): which pages are lessons, and their standards.
RULES = tomllib.loads((ROOT / "course-rules.toml").read_text(encoding="utf-8"))
LESSONS = sorted((ROOT / "docs").glob(RULES["lessons"]))
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
EXERCISE_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*exercise\s*$")


def without_fences(markdown: str) -> tuple[str, list[str]]:
    """The text outside fenced blocks, and the ids of the exercise fences found."""
    kept, ids, closing, in_exercise = [], [], None, False
    for line in markdown.splitlines():
        match = FENCE.match(line)
        if closing is None:
            if match:
                closing = match.group(2)
                in_exercise = bool(EXERCISE_FENCE.match(line))
                continue
            kept.append(line)
        else:
            if match and match.group(2).startswith(closing) and not line.strip()[len(match.group(2)):]:
                closing = None
            elif in_exercise and line.strip():
                ids.append(line.strip())
    return "\n".join(kept), ids


def prose(markdown: str) -> str:
    """Sentences only: no front matter, headings, tables, HTML, admonition or tab markers.

    Lines wrapped inside a paragraph or a list item are joined first, so a wrapped sentence
    counts as one sentence; a paragraph or item without final punctuation gets a full stop."""
    markdown = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text, _ = without_fences(markdown)
    units: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            unit = " ".join(current)
            units.append(unit if unit[-1] in ".!?:\"”’)" else unit + ".")
            current.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "|", "!!!", "???", "===", "<", "*About")):
            close()
            continue
        starts_unit = bool(re.match(r"^(>\s*)*([-*+]|\d+\.)\s+", stripped)) or (
            stripped.startswith(">") and not (current and current[-1] and line.lstrip().startswith(">")))
        if starts_unit:
            close()
        stripped = re.sub(r"^(>\s*)+", "", stripped)
        stripped = re.sub(r"^([-*+]|\d+\.)\s+", "", stripped)
        stripped = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", stripped)
        stripped = re.sub(r"<[^>]+>", "", stripped)
        stripped = re.sub(r"[*_`]", "", stripped).strip()
        if stripped:
            current.append(stripped)
        else:
            close()
    close()
    return "\n".join(units)


def exercise_ids(markdown: str) -> list[str]:
    return without_fences(markdown)[1]


def figures(path: Path) -> dict[str, object]:
    import textstat

    from therapon.load import load_exercises

    exercises = load_exercises(ROOT / "exercises", ROOT)
    markdown = path.read_text(encoding="utf-8")
    text = prose(markdown)
    ids = exercise_ids(markdown)
    return {
        "lesson": path.stem,
        "words": len(text.split()),
        "grade": round(textstat.flesch_kincaid_grade(text), 1),
        "kinds": Counter(exercises[i].kind for i in ids if i in exercises),
        "partner": sum(1 for i in ids if i in exercises and exercises[i].partner_practice),
    }


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    for lesson in LESSONS:
        f = figures(lesson)
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(f["kinds"].items()))
        print(f"{f['lesson']}: {f['words']} words, grade {f['grade']}, {kinds}, "
              f"{f['partner']} partner practice")
