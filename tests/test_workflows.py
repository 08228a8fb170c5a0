"""The GitHub Actions workflows (this course's, and the one `therapon new` writes) stay free of
zizmor's findings: actions pinned to a commit, permissions per job, no persisted credentials."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

WORKFLOWS = [*sorted((ROOT / ".github/workflows").glob("*.yml")),
             *sorted((ROOT / "src/therapon/starter/github/workflows").glob("*.yml"))]


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    assert len(WORKFLOWS) == 3, WORKFLOWS
    zizmor = Path(sys.executable).with_name("zizmor")
    result = subprocess.run([str(zizmor), "--offline", "--no-progress", *map(str, WORKFLOWS)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout + result.stderr
