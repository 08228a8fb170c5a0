"""Every exercise of this course loads and verifies (solutions pass, starters fail, examples get
their verdicts), cold, as the build does. The engine's own verify tests are tests/test_verify.py."""

from __future__ import annotations

from conftest import ROOT
from therapon.course import verify_all
from therapon.load import load_exercises
from therapon.verdicts import Verdicts


def test_the_courses_own_exercises_load_and_verify():
    exercises = load_exercises(ROOT / "exercises", ROOT)
    sources = sorted(p.name for p in (ROOT / "exercises").iterdir()
                     if (p.is_dir() or p.suffix == ".toml") and not p.name.startswith((".", "_")))
    assert len(exercises) == len(sources) > 0
    assert {e.kind for e in exercises.values()} == {"code", "text", "choice", "reflection"}
    verdicts = Verdicts(None)  # cold: every verdict computed now, none remembered
    verify_all(exercises, ROOT, verdicts)
    verdicts.close()
    assert verdicts.computed > 0
