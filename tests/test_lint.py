"""Ruff reads every Python file of the project, exercises included, with pyproject's rules."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "src", "hooks", "tests", "exercises",
                             "benchmarks"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_browser_modules_type_check() -> None:
    """The `// @ts-check` JSDoc types of every browser module, checked by tsc without a build."""
    result = subprocess.run(["npm", "run", "--silent", "typecheck"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
