"""`therapon new DIR`: a small course that builds and works at once, to grow from.

The files live under starter/ as they will be written; only the course's name, id and
language are filled in. Dot-files are kept without their dot (gitignore, github/), so that no packaging
tool leaves them out of the wheel."""

from __future__ import annotations

import re
from pathlib import Path

from .catalog import DEFAULT_LANGUAGE, LANGUAGES

STARTER = Path(__file__).resolve().parent / "starter"
DOTTED = ("gitignore", "github")


def course_id_for(folder: Path) -> str:
    """A valid course id from the folder's name ("My Course!" → my-course)."""
    words = re.findall(r"[a-z0-9]+", folder.resolve().name.lower())
    return "-".join(words) or "my-course"


def course_name_for(course_id: str) -> str:
    return course_id.replace("-", " ").capitalize()


def target_of(source: Path) -> Path:
    relative = source.relative_to(STARTER)
    first, *rest = relative.parts
    return Path(f".{first}" if first in DOTTED else first, *rest)


def new_course(folder: Path, course_id: str | None = None, language: str = DEFAULT_LANGUAGE) -> list[Path]:
    """Write the starter course into `folder`, which must be new or empty; returns what it wrote.
    `language` is theme.language: the engine's words for the learner (the pages stay English)."""
    if folder.exists() and any(folder.iterdir()):
        raise SystemExit(f"{folder} is not empty. Give a new folder's name: therapon new my-course")
    if language not in LANGUAGES:
        raise SystemExit(f"The engine speaks {', '.join(LANGUAGES)}, not '{language}'. "
                         f"Choose one of them: therapon new {folder.name} --language fr")
    course_id = course_id or course_id_for(folder)
    values = {"__COURSE_ID__": course_id, "__COURSE_NAME__": course_name_for(course_id),
              "__LANGUAGE__": language}
    written = []
    for source in sorted(p for p in STARTER.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        target = folder / target_of(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        for token, value in values.items():
            text = text.replace(token, value)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
