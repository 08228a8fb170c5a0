"""The course's own wording that the engine shows: the safety notice on lesson pages and
whether the course is for partners. Both are settings; a missing safety page fails the build
rather than leave every lesson with a dead link."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import AuthoringError, AuthoringFailed, line_of
from .load import relative
from .model import Exercise
from .settings import Settings, setting_line


def safety_notice(settings: Settings, pages: dict[str, str], config_file: Path,
                  config_text: str) -> dict[str, Any] | None:
    """What the lesson template needs (the safety page's address, and where to show it), from
    `pages` (each docs page's path → its URL); None for a course without the setting."""
    if not settings.safety_page:
        return None
    if settings.safety_page not in pages:
        raise AuthoringFailed([AuthoringError(
            config_file.name, f"safety_page names docs/{settings.safety_page}, which does not exist. "
            "Write that page (where to find help, and that the course is not therapy), or "
            "leave safety_page out to show no safety notice.", setting_line(config_text, "safety_page"))])
    return {"url": pages[settings.safety_page], "on": settings.safety_notice_on}


def partner_errors(settings: Settings, exercises: dict[str, Exercise], root: Path) -> list[AuthoringError]:
    """Partner practice in a course that is not for partners would show features it has not got."""
    if settings.partners:
        return []
    return [AuthoringError(relative(e.metadata_path, root),
                           "partner_practice = true, but this course is not set up for partners. "
                           "Add `partners: true` under extra.therapon in mkdocs.yml, or remove this line.",
                           line_of(e.metadata_path.read_text(encoding="utf-8"), "partner_practice"))
            for e in exercises.values() if e.partner_practice]
