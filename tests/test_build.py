"""The whole site, built by the real `mkdocs build --strict`: what it writes, and how it fails.

Authoring mistakes must stop the build with one sentence naming the file, the line and the
fix, and never with a Python traceback."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from support.project import copy_project
from support.subpath_server import SUBPATH
from therapon.load import load_exercises
from therapon.wheel import PACKAGE_NAME


def test_course_manifest_lists_lessons_in_reading_order(built_site: Path) -> None:
    course = json.loads((built_site / "course.json").read_text())
    assert course["id"] == "therapeutic-partnership"
    assert course["title"].startswith("Therapon")
    urls = [lesson["url"] for lesson in course["lessons"]]
    lessons = [f"lessons/{p.stem}/" for p in sorted((ROOT / "docs/lessons").glob("*.md"))]
    assert len(lessons) == 10 and lessons[-1] == "lessons/10-turning-toward/"
    # The lab sits under Extras, after Sources: after every lesson in reading order.
    assert urls == lessons + ["lab/01-who-listened/", "lab/02-words-that-blame/", "lab/03-planning-turns/"]
    first, lab = course["lessons"][0], course["lessons"][len(lessons)]
    assert first["url"] == "lessons/01-partners-as-comrades/"
    assert [(e["id"], e["kind"]) for e in first["exercises"]] == [
        ("listening-response", "choice"), ("soften-the-start", "text"), ("first-turn", "reflection"),
        ("l1-our-alliance", "reflection"), ("favourite-seat", "reflection")]
    assert [e["partner"] for e in first["exercises"]] == [False, False, True, True, False]
    assert lab["url"] == "lab/01-who-listened/"
    # The lab is optional (front matter), counted apart; every lesson says whether it is.
    assert [lesson["optional"] for lesson in course["lessons"]] == [False] * len(lessons) + [True] * 3
    assert [e["id"] for e in lab["exercises"]] == ["listener-tally", "whose-turn"]
    assert lab["exercises"][0] == {"id": "listener-tally", "kind": "code",
                                   "title": "Who listened this week?", "partner": False}


def test_course_manifest_holds_no_solutions(built_site: Path) -> None:
    text = (built_site / "course.json").read_text()
    for solution in (ROOT / "exercises").glob("*/solution.py"):
        body = solution.read_text().splitlines()[2]
        assert body.strip() and body.strip() not in text


def test_runtime_files_and_registered_wheel(built_site: Path) -> None:
    pyodide = built_site / "pyodide"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json"):
        assert (pyodide / name).is_file(), name
    entry = json.loads((pyodide / "pyodide-lock.json").read_text())["packages"][PACKAGE_NAME]
    wheel = pyodide / entry["file_name"]
    import hashlib

    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"]
    assert (built_site / "assets/therapon/editor.js").stat().st_size > 10_000
    assert not (built_site / "src").exists(), "editor sources must not be published"


def test_exercise_pages_carry_the_test_contract(built_site: Path) -> None:
    html = (built_site / "lab/01-who-listened/index.html").read_text()
    for exercise_id in ("listener-tally", "whose-turn"):
        assert f'data-exercise="{exercise_id}" data-kind="code" data-status="new"' in html
    for label in ("Run", "Check", "Hint", "Show solution", "Reset"):
        assert re.search(rf"<button[^>]*>{label}</button>", html), label
    assert 'data-feedback role="status" aria-live="polite"' in html
    # inside content tabs and admonitions, the fence still renders as an exercise
    assert "```exercise" not in html and "language-exercise" not in html


def test_no_page_references_another_host_for_assets(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = page.read_text()
        html = re.sub(r'<link rel="canonical"[^>]*>', "", html)
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', html), page


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project that a test may break, with its own build/cache and output."""
    return copy_project(tmp_path)


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


def test_unknown_fence_id_names_page_line_and_close_ids(project: Path) -> None:
    edit(project / "docs/lab/01-who-listened.md", "    whose-turn\n", "    whose-turns\n")
    output = broken_build(project)
    assert re.search(r"docs/lab/01-who-listened\.md:\d+: the exercise fence names "
                     r"'whose-turns', but no exercise has that id\. Known ids close to it: "
                     r"'whose-turn'", output), output


def test_unused_exercise_fails_strict_build(project: Path) -> None:
    edit(project / "docs/lab/01-who-listened.md", "    ```exercise\n    whose-turn\n    ```\n",
         "")
    output = broken_build(project)
    assert "exercises/whose-turn/exercise.toml: the exercise 'whose-turn' is not used" in output


def test_failing_solution_stops_the_build(project: Path) -> None:
    edit(project / "exercises/listener-tally/solution.py", "counts[listener] += 1",
         "counts[listener] += 2")
    output = broken_build(project)
    assert "exercises/listener-tally/solution.py: the reference solution fails the check" in output


def test_malformed_metadata_stops_the_build(project: Path) -> None:
    edit(project / "exercises/whose-turn/exercise.toml", 'kind = "code"', 'kind = code')
    output = broken_build(project)
    assert re.search(r"exercises/whose-turn/exercise\.toml:2: this is not valid TOML", output)


def test_missing_pyodide_says_to_run_npm_ci(project: Path) -> None:
    (project / "node_modules").unlink()
    output = broken_build(project)
    assert "Pyodide's runtime files are missing" in output and "npm ci" in output


def test_fence_renders_inside_an_admonition(project: Path) -> None:
    lesson = project / "docs/lab/01-who-listened.md"
    edit(lesson, "=== \"Count the turns\"\n\n    ```exercise\n    listener-tally\n    ```\n",
         "=== \"Count the turns\"\n\n    Counting first.\n")
    lesson.write_text(lesson.read_text() + '\n!!! example "Try it"\n    ```exercise\n'
                      "    listener-tally\n    ```\n")
    result = build_site(project / "site", "http://127.0.0.1:8000/", cwd=project)
    assert result.returncode == 0, result.stderr
    html = (project / "site/lab/01-who-listened/index.html").read_text()
    assert re.search(r'<div class="admonition example">\s*<p class="admonition-title">Try it</p>'
                     r'\s*<div class="therapon-exercise" id="exercise-listener-tally"', html)


def test_every_internal_link_and_asset_resolves(built_site: Path) -> None:
    """A link check of the built site: every relative href and src points at a real file, and
    every #fragment at a real id on that page."""
    from html.parser import HTMLParser
    from urllib.parse import unquote, urldefrag, urljoin, urlparse

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.links: list[str] = []
            self.ids: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            if found.get("id"):
                self.ids.add(str(found["id"]))
            link = found.get("href") if tag in ("a", "link") else found.get("src") if tag in (
                "script", "img") else None
            if link:
                self.links.append(link)

    pages: dict[Path, Links] = {}
    for page in built_site.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        pages[page] = parser
    broken = []
    for page, parser in pages.items():
        base = "file://" + str(page)
        for link in parser.links:
            if urlparse(link).scheme in ("http", "https", "mailto", "data", "blob", "javascript"):
                continue
            if link.startswith(SUBPATH):  # 404.html links from the site's root path
                link = "file://" + str(built_site) + "/" + link[len(SUBPATH):]
            target, fragment = urldefrag(urljoin(base, link))
            path = Path(unquote(urlparse(target).path))
            if path.is_dir():
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{page.relative_to(built_site)}: {link}")
            elif fragment and path.suffix == ".html" and path in pages and fragment not in pages[path].ids:
                broken.append(f"{page.relative_to(built_site)}: {link} (no #{fragment})")
    assert broken == []


def test_search_index_holds_no_code_data_or_solutions(built_site: Path) -> None:
    index = (built_site / "search/search_index.json").read_text(encoding="utf-8")
    assert "Who listened this week?" in index  # exercises' titles and prompts stay searchable
    for leak in ("from therapon_check", "def check_", "counts[listener] += 1", "Replace your code with"):
        assert leak not in index, leak


def test_search_index_gives_away_no_answer(built_site: Path) -> None:
    """Search reads each exercise's stub (title and prompt), never its explanations or hints."""
    texts = " ".join(doc["text"] for doc in json.loads(
        (built_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"])
    exercises = load_exercises(ROOT / "exercises", ROOT).values()
    answers = [option["explanation"] for e in exercises if e.kind == "choice"
               for option in e.fields["options"] if option["explanation"]]
    answers += [hint for e in exercises for hint in e.hints]
    assert len(answers) > 20
    for answer in answers:
        words = re.sub(r"[*_`\"]", "", answer).split()[:8]  # the start, as plain text
        assert " ".join(words) not in texts, answer


def test_every_page_names_its_search_dialog(built_site: Path) -> None:
    """Material leaves its search dialog unnamed (Lighthouse: aria-dialog-name); the build names
    it after the search box it holds, on every page, the 404 page included."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if 'data-md-component="search"' in html:
            assert 'data-md-component="search" role="dialog" aria-label="Search"' in html, page
