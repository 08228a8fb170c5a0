"""A course (the engine's fixture course, tests/fixture/) builds the same under ProperDocs 1.6,
the maintained fork of MkDocs 1.x, as under MkDocs itself: MkDocs 2.0 drops plugins and hooks,
so the fork is this engine's way forward (README, "Beyond one engine"). The browser tests run on
the MkDocs build."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from support.project import fixture_project


def exercises_by_page(site: Path) -> dict[str, list[str]]:
    return {page.relative_to(site).as_posix(): re.findall(r'data-exercise="([^"]+)"', page.read_text())
            for page in sorted(site.rglob("*.html"))}


def test_properdocs_builds_the_course_as_mkdocs_does(built_fixture_site: Path, tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "course")
    site = tmp_path / "site"
    env = {"PATH": os.environ["PATH"], "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "src"),
           "SITE_URL": "http://127.0.0.1:8000/"}
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                             "--site-dir", str(site)], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert exercises_by_page(site) == exercises_by_page(built_fixture_site)
    ours, theirs = (json.loads((s / "course.json").read_text()) for s in (site, built_fixture_site))
    assert ours["lessons"] == theirs["lessons"] and ours["id"] == theirs["id"]
    assert (site / "sw.js").is_file() and (site / "pyodide" / "pyodide-lock.json").is_file()
    assert 'id="therapon-config"' in (site / "lessons/01-first-steps/index.html").read_text()
