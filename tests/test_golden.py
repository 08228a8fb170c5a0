"""Golden HTML, one case per file, in the manner of pymdown-extensions' test cases: every
exercise under tests/golden/<kind>/ (a `<case>.toml`, or a `<case>/` folder for kinds with
Python files) is rendered and compared, byte for byte, with the committed `<case>.html` beside it.

Any change to what an exercise renders fails here, so it is seen in review. When a change is
meant, refresh the files and read their diff before committing it:

    THERAPON_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py -p no:cacheprovider
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from conftest import ROOT
from therapon.contract import KINDS
from therapon.load import exercise_sources, load_exercises
from therapon.model import Exercise
from therapon.render import render_exercise, search_stub

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("THERAPON_UPDATE_GOLDEN") == "1"


def cases() -> list[tuple[str, Path]]:
    return [(kind, source) for kind in KINDS for source in exercise_sources(GOLDEN / kind)]


def loaded(kind: str, source: Path) -> Exercise:
    exercises = load_exercises(GOLDEN / kind, ROOT)
    folder_or_file = {e.metadata_path if e.metadata_path.parent == GOLDEN / kind else e.folder: e
                      for e in exercises.values()}
    return folder_or_file[source]


def rendered(exercise: Exercise) -> str:
    """The whole exercise as the page gets it, then the stub the search plugin reads."""
    return f"{render_exercise(exercise)}\n{search_stub(exercise)}\n"


def readable(html: str) -> list[str]:
    return html.replace("><", ">\n<").splitlines(keepends=True)


@pytest.mark.parametrize(("kind", "source"), cases(), ids=lambda v: v if isinstance(v, str) else v.stem)
def test_an_exercise_renders_as_its_golden_html(kind: str, source: Path) -> None:
    expected_path = source.with_suffix(".html") if source.is_file() else source.parent / f"{source.name}.html"
    actual = rendered(loaded(kind, source))
    if UPDATE:
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.is_file(), (
        f"{expected_path.relative_to(ROOT)} is missing. Write it with THERAPON_UPDATE_GOLDEN=1 "
        "(see this file's docstring) and read it before committing it.")
    expected = expected_path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(readable(expected), readable(actual),
                                            str(expected_path.relative_to(ROOT)), "rendered now"))
        pytest.fail(f"{source.relative_to(ROOT)} renders differently from its golden HTML. If the "
                    f"change is meant, refresh it with THERAPON_UPDATE_GOLDEN=1.\n{diff}", pytrace=False)


def test_every_kind_has_golden_cases_and_no_golden_file_is_orphaned() -> None:
    assert {kind for kind, _ in cases()} == set(KINDS)
    sources = {s.with_suffix("") if s.is_file() else s for _, s in cases()}
    orphans = [p for p in GOLDEN.rglob("*.html") if p.with_suffix("") not in sources]
    assert orphans == [], f"golden HTML without its exercise: {orphans}"
