"""The engine on a course of its own: the one `therapon new` writes. Its settings (the safety
notice, partners) change what the build writes, and a setting that points nowhere fails the
build with the line and the fix."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from therapon.scaffold import course_id_for, new_course


def build(course: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=course,
                          capture_output=True, text=True,
                          env={"PATH": os.environ["PATH"], "NO_MKDOCS_2_WARNING": "1"})


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


@pytest.fixture
def course(tmp_path: Path) -> Path:
    new_course(tmp_path / "Our First Course")
    return tmp_path / "Our First Course"


def test_the_new_course_builds_with_one_exercise_of_each_kind(course: Path) -> None:
    result = build(course)
    assert result.returncode == 0, result.stdout + result.stderr
    # A new author's first build says nothing to act on: the quick exit's page is out of nav on purpose.
    assert "not included in the \"nav\"" not in result.stderr, result.stderr
    assert (course / "site/blank/index.html").is_file()
    manifest = json.loads((course / "site/course.json").read_text())
    assert manifest["id"] == "our-first-course"
    [lesson] = manifest["lessons"]
    kinds = sorted(e["kind"] for e in lesson["exercises"])
    assert kinds == ["choice", "code", "reflection", "reflection", "text"]
    page = (course / "site/lessons/01-first-steps/index.html").read_text()
    assert 'class="therapon-safety-note"' in page and 'href="../../safety/"' in page
    config = json.loads(re.search(r'id="therapon-config">(.*?)</script>', page).group(1))
    assert config["partners"] is True and config["partnerPractice"] == ["first-practice"]
    assert (course / ".github/workflows/pages.yml").is_file() and (course / ".gitignore").is_file()


def test_new_refuses_a_folder_that_is_not_empty(course: Path) -> None:
    with pytest.raises(SystemExit, match="is not empty"):
        new_course(course)


def test_a_course_id_comes_from_the_folder_name() -> None:
    assert course_id_for(Path("My Course: 2027!")) == "my-course-2027"


def test_a_missing_safety_page_fails_with_the_setting_line(course: Path) -> None:
    (course / "docs/safety.md").unlink()
    edit(course / "mkdocs.yml", '  - "Before you start: safety": safety.md\n', "")
    result = build(course)
    assert result.returncode != 0
    line = course.joinpath("mkdocs.yml").read_text().splitlines().index(SAFETY_SETTING) + 1
    assert f"mkdocs.yml:{line}: safety_page names docs/safety.md, which does not exist." in result.stderr


SAFETY_SETTING = "    safety_page: safety.md       # the page the notice on every lesson links to"


def test_without_a_safety_page_setting_no_notice_is_shown(course: Path) -> None:
    edit(course / "mkdocs.yml", SAFETY_SETTING + "\n", "")
    assert build(course).returncode == 0
    assert "therapon-safety-note" not in (course / "site/lessons/01-first-steps/index.html").read_text()


def test_a_course_not_for_partners_refuses_partner_practice_and_says_where(course: Path) -> None:
    edit(course / "mkdocs.yml", "    partners: true ", "    partners: false ")
    result = build(course)
    assert result.returncode != 0
    assert ("exercises/first-practice.toml:4: partner_practice = true, but this course is not set up "
            "for partners.") in result.stderr
    (course / "exercises/first-practice.toml").write_text(
        (course / "exercises/first-practice.toml").read_text().replace("partner_practice = true\n", ""))
    assert build(course).returncode == 0
    page = (course / "site/index.html").read_text()
    assert '"partners":false' in page.replace(" ", "")


def test_an_unknown_setting_suggests_the_closest(course: Path) -> None:
    edit(course / "mkdocs.yml", "    partners: true ", "    partner: true ")
    result = build(course)
    assert "unknown setting 'partner'. Did you mean 'partners'?" in result.stderr


def test_new_writes_the_language_asked_for_and_refuses_one_it_does_not_speak(tmp_path: Path) -> None:
    new_course(tmp_path / "cours", language="fr")
    assert "\n  language: fr " in (tmp_path / "cours/mkdocs.yml").read_text(encoding="utf-8")
    with pytest.raises(SystemExit, match="en, de, es, fr, not 'pt'"):
        new_course(tmp_path / "curso", language="pt")
    assert not (tmp_path / "curso").exists()
