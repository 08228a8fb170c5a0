"""Ruff reads every Python file of the project, exercises included, with pyproject's rules."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

# A course's own folders are linted where they are: a repository whose couples content was
# deleted (README, "Your own course from this repository") has no hooks/ or exercises/.
COURSE_FOLDERS = ("hooks", "exercises")


def test_ruff_finds_nothing() -> None:
    folders = ["src", "tests", "benchmarks", *(name for name in COURSE_FOLDERS if (ROOT / name).is_dir())]
    result = subprocess.run([sys.executable, "-m", "ruff", "check", *folders], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_browser_modules_type_check() -> None:
    """The `// @ts-check` JSDoc types of every browser module, checked by tsc without a build."""
    result = subprocess.run(["npm", "run", "--silent", "typecheck"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
