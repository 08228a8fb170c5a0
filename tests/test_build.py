"""A whole site, built by the real `mkdocs build --strict`: what the engine writes, and how it
fails. The site is the engine's own test course (the one `therapon new` writes), so these tests
hold for any course; this course's own build checks are in test_course_build.py.

Authoring mistakes must stop the build with one sentence naming the file, the line and the
fix, and never with a Python traceback."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import build_site
from support.links import broken_links
from support.project import fixture_project, starter_project
from therapon.load import load_exercises
from therapon.wheel import PACKAGE_NAME


def test_course_manifest_holds_no_solutions(starter_site: Path) -> None:
    text = (starter_site / "course.json").read_text()
    solutions = list((starter_site.parent / "exercises").glob("*/solution.py"))
    assert solutions
    for solution in solutions:
        for line in solution.read_text().splitlines():
            if line.strip().startswith("return"):
                assert line.strip() not in text


def test_runtime_files_and_registered_wheel(starter_site: Path) -> None:
    pyodide = starter_site / "pyodide"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json"):
        assert (pyodide / name).is_file(), name
    entry = json.loads((pyodide / "pyodide-lock.json").read_text())["packages"][PACKAGE_NAME]
    wheel = pyodide / entry["file_name"]
    import hashlib

    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"]
    assert (starter_site / "assets/therapon/editor.js").stat().st_size > 10_000
    assert not (starter_site / "src").exists(), "editor sources must not be published"


def test_exercise_pages_carry_the_test_contract(starter_site: Path) -> None:
    html = (starter_site / "lessons/01-first-steps/index.html").read_text()
    for exercise_id, kind in (("first-code", "code"), ("first-reflect-back", "text"),
                              ("first-open-reply", "choice"), ("first-reflection", "reflection")):
        assert f'data-exercise="{exercise_id}" data-kind="{kind}" data-status="new"' in html
    for label in ("Run", "Check", "Hint", "Show solution", "Reset"):
        assert re.search(rf"<button[^>]*>{label}</button>", html), label
    assert 'data-feedback role="status" aria-live="polite"' in html
    assert "```exercise" not in html and "language-exercise" not in html


def test_python_is_asked_for_early_only_where_an_exercise_needs_it(starter_site: Path) -> None:
    early = '<script type="module" async src="../../assets/therapon/python-early.js"></script>'
    worker = 'new Worker("../../assets/therapon/pyodide-worker.js", { type: "module" })'
    lesson = (starter_site / "lessons/01-first-steps/index.html").read_text()
    head = lesson[:lesson.index("</head>")]
    assert head.count(early) == 1 and head.count(worker) == 1
    # the inline script reads the config, so it comes after it
    assert head.index('id="therapon-config"') < head.index(worker)
    for page in starter_site.rglob("*.html"):
        has_python = re.search(r'data-kind="(text|code)"', page.read_text())
        assert ("python-early.js" in page.read_text()) == bool(has_python), page
        assert ("__theraponEarlyWorker" in page.read_text()) == bool(has_python), page
    assert (starter_site / "assets/therapon/python-early.js").is_file()


def test_no_page_references_another_host_for_assets(starter_site: Path) -> None:
    for page in starter_site.rglob("*.html"):
        html = page.read_text()
        html = re.sub(r'<link rel="canonical"[^>]*>', "", html)
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', html), page


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    """A fresh test course that a test may break, with its own engine, build/cache and output."""
    return starter_project(tmp_path)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the engine's fixture course (tests/fixture/), for the fault drills and the
    browser tests that need more pages than the starter's."""
    return fixture_project(tmp_path)


LESSON = "docs/lessons/01-first-steps.md"


def broken_build(project: Path) -> str:
    result = build_site(project / "site", "http://127.0.0.1:8000/", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    return output


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def test_unknown_fence_id_names_page_line_and_close_ids(starter: Path) -> None:
    edit(starter / LESSON, "```exercise\nfirst-code\n", "```exercise\nfirst-cod\n")
    output = broken_build(starter)
    assert re.search(r"docs/lessons/01-first-steps\.md:\d+: the exercise fence names "
                     r"'first-cod', but no exercise has that id\. Known ids close to it: "
                     r"'first-code'", output), output


def test_unused_exercise_fails_strict_build(starter: Path) -> None:
    edit(starter / LESSON, "```exercise\nfirst-code\n```\n", "")
    output = broken_build(starter)
    assert "exercises/first-code/exercise.toml: the exercise 'first-code' is not used" in output


def test_failing_solution_stops_the_build(starter: Path) -> None:
    edit(starter / "exercises/first-code/solution.py", "sum(1 for", "sum(2 for")
    output = broken_build(starter)
    assert "exercises/first-code/solution.py: the reference solution fails the check" in output


def test_malformed_metadata_stops_the_build(starter: Path) -> None:
    edit(starter / "exercises/first-open-reply.toml", 'kind = "choice"', 'kind = choice')
    output = broken_build(starter)
    assert re.search(r"exercises/first-open-reply\.toml:2: this is not valid TOML", output), output


def test_missing_pyodide_says_to_run_npm_ci(starter: Path) -> None:
    (starter / "node_modules").unlink()
    output = broken_build(starter)
    assert "Pyodide's runtime files are missing" in output and "npm ci" in output


def test_fence_renders_inside_an_admonition_and_content_tabs(starter: Path) -> None:
    lesson = starter / LESSON
    edit(lesson, "```exercise\nfirst-code\n```\n", "")
    edit(lesson, "```exercise\nfirst-reflection\n```\n", "")
    lesson.write_text(lesson.read_text()
                      + '\n!!! example "Try it"\n    ```exercise\n    first-code\n    ```\n'
                      + '\n=== "Alone"\n\n    ```exercise\n    first-reflection\n    ```\n')
    edit(starter / "mkdocs.yml", "  - pymdownx.superfences\n",
         "  - pymdownx.superfences\n  - pymdownx.tabbed:\n      alternate_style: true\n")
    result = build_site(starter / "site", "http://127.0.0.1:8000/", cwd=starter)
    assert result.returncode == 0, result.stderr
    html = (starter / "site/lessons/01-first-steps/index.html").read_text()
    assert re.search(r'<div class="admonition example">\s*<p class="admonition-title">Try it</p>'
                     r'\s*<div class="therapon-exercise" id="exercise-first-code"', html)
    assert re.search(r'<div class="tabbed-block">\s*'
                     r'<div class="therapon-exercise" id="exercise-first-reflection"', html)


def test_every_internal_link_and_asset_resolves(starter_site: Path) -> None:
    assert broken_links(starter_site) == []


def test_search_index_holds_no_code_data_or_solutions(starter_site: Path) -> None:
    index = (starter_site / "search/search_index.json").read_text(encoding="utf-8")
    assert "Count the feeling words" in index  # exercises' titles and prompts stay searchable
    for leak in ("from therapon_check", "def check_", "sum(1 for word", "Replace your code with"):
        assert leak not in index, leak


def test_search_index_gives_away_no_answer(starter_site: Path) -> None:
    """Search reads each exercise's stub (title and prompt), never its explanations or hints."""
    texts = " ".join(doc["text"] for doc in json.loads(
        (starter_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"])
    course = starter_site.parent
    exercises = load_exercises(course / "exercises", course).values()
    answers = [option["explanation"] for e in exercises if e.kind == "choice"
               for option in e.fields["options"] if option["explanation"]]
    answers += [hint for e in exercises for hint in e.hints]
    assert len(answers) >= 5
    for answer in answers:
        words = re.sub(r"[*_`\"]", "", answer).split()[:8]  # the start, as plain text
        assert " ".join(words) not in texts, answer


def test_every_page_names_its_search_dialog(starter_site: Path) -> None:
    """Material leaves its search dialog unnamed (Lighthouse: aria-dialog-name); the build names
    it after the search box it holds, on every page, the 404 page included."""
    pages = sorted(starter_site.rglob("*.html"))
    assert len(pages) >= 6 and starter_site / "404.html" in pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if 'data-md-component="search"' in html:
            assert 'data-md-component="search" role="dialog" aria-label="Search"' in html, page
