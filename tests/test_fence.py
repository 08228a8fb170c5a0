"""The ```exercise fence: reading its id, finding its line, and the errors a lesson can make."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.project import add_runtime
from therapon.course import CourseBuild
from therapon.errors import AuthoringFailed
from therapon.fence import FENCE_NAME, FenceError, custom_fence, fence_id, fence_lines
from therapon.settings import Settings
from therapon.verdicts import Verdicts

EXERCISE = {
    "exercise.toml": 'id = "gentle-start"\nkind = "code"\ntitle = "A gentle start"\n',
    "starter.py": 'def greet(name):\n    return "Hello"\n',
    "solution.py": 'def greet(name):\n    return f"Hello, {name}!"\n',
    "checks.py": ('def check_greets(learner):\n'
                  '    assert learner.call("greet", "Sam") == "Hello, Sam!", "Greet Sam."\n'),
}


@pytest.mark.parametrize(("source", "expected"), [
    ("count-wins", "count-wins"),
    ("count-wins\n", "count-wins"),
    ("  \n  count-wins  \n\n", "count-wins"),
    ("id: count-wins", "count-wins"),
    ("id:count-wins", "count-wins"),
    ('id: "count-wins"', "count-wins"),
    ("'count-wins'", "count-wins"),
    ("", ""),
    ("   \n\n", ""),
    ("count-wins\nnext-player", ""),
    ("id: count-wins\ntitle: Other", ""),
], ids=["bare", "newline", "blank-lines", "id-prefix", "id-no-space", "quoted-id",
        "single-quoted", "empty", "blank", "two-ids", "two-lines"])
def test_fence_id(source, expected):
    assert fence_id(source) == expected


@pytest.mark.parametrize(("markdown", "lines"), [
    ("# Lesson\n\n```exercise\nx\n```\n", [3]),
    ("~~~exercise\nx\n~~~\n", [1]),
    ("````exercise\nx\n````\n", [1]),
    ("``` exercise\nx\n```\n", [1]),
    ("```{.exercise}\nx\n```\n```python\nprint(1)\n```\n", [1]),
    ('!!! example "Try it"\n\n    ```exercise\n    x\n    ```\n', [3]),
    ('=== "Tab"\n\n    ??? tip "Practice"\n\n        ~~~exercise\n        x\n        ~~~\n', [5]),
    ("> ```exercise\n> x\n> ```\n", [1]),
    ("```exercise\na\n```\n\ntext\n\n    ```exercise\n    b\n    ```\n", [1, 7]),
    ("```python\nexercise = 1\n```\n```exercises\n```\n", []),
    ("````markdown\n```exercise\nx\n```\n````\n\n```exercise\ny\n```\n", [7]),
], ids=["top-level", "tildes", "four-backticks", "space-before-name", "attribute-form",
        "admonition-4-spaces", "tab-and-admonition-8-spaces", "blockquote", "two-fences",
        "not-an-exercise-fence", "example-inside-another-fence"])
def test_fence_lines(markdown, lines):
    assert fence_lines(markdown) == lines


def test_custom_fence_entry_calls_render_with_the_body():
    seen = []
    entry = custom_fence(lambda source: seen.append(source) or "<div>ok</div>")
    assert (entry["name"], entry["class"]) == (FENCE_NAME, FENCE_NAME)
    assert entry["format"]("gentle-start\n", "exercise", "exercise", {}, None) == "<div>ok</div>"
    assert seen == ["gentle-start\n"]


# --- CourseBuild.render_fence ------------------------------------------------------------------

@pytest.fixture(scope="module")
def course_root(tmp_path_factory) -> Path:
    """A project with one valid exercise, and the real Pyodide and bundles, in its own folder."""
    root = add_runtime(tmp_path_factory.mktemp("course"))
    folder = root / "exercises" / "gentle-start"
    folder.mkdir(parents=True)
    for name, text in EXERCISE.items():
        (folder / name).write_text(text)
    return root


@pytest.fixture
def course(course_root) -> CourseBuild:
    """Loaded only: these tests place fences, so no verification is started."""
    return CourseBuild(course_root, Settings(course_id="t", timeout_seconds=5.0))


def fence_error(course: CourseBuild, source: str) -> str:
    with pytest.raises(FenceError) as caught:
        course.render_fence(source)
    return str(caught.value)


LESSON = "# One\n\nSome text.\n\n```exercise\n{}\n```\n"  # the fence opens on line 5


def test_a_placed_exercise_renders_and_is_recorded(course):
    course.begin_page("lessons/one.md", LESSON.format("gentle-start"))
    stub = course.render_fence("gentle-start\n")
    assert 'id="exercise-gentle-start"' in stub and "data-exercise=" not in stub
    assert course.page_exercises == {"lessons/one.md": ["gentle-start"]}
    assert course.used_on == {"gentle-start": ("lessons/one.md", 5)}
    assert course.unused_exercises() == []
    page = course.complete_page(f"<article><p>Before</p>{stub}<p>After</p></article>", "lessons/one.md")
    assert 'data-exercise="gentle-start"' in page and 'data-kind="code"' in page
    assert "data-therapon-pending" not in page
    assert page.startswith("<article><p>Before</p><div") and page.endswith("<p>After</p></article>")


def test_a_stub_changed_by_another_plugin_stops_the_build(course):
    course.begin_page("lessons/one.md", LESSON.format("gentle-start"))
    stub = course.render_fence("gentle-start")
    with pytest.raises(AuthoringFailed) as caught:
        course.complete_page(stub.replace("<p ", "<p  "), "lessons/one.md")
    assert str(caught.value) == (
        "docs/lessons/one.md: the exercise 'gentle-start' was changed by another plugin before "
        "Therapon could finish the page. List that plugin after the hooks, or remove it.")


def test_fence_without_id(course):
    course.begin_page("lessons/one.md", LESSON.format(""))
    assert fence_error(course, "\n") == (
        "docs/lessons/one.md:5: this exercise fence has no id. Put the exercise's id alone on "
        "the line inside the fence, e.g. listener-tally.")


def test_fence_with_two_lines_has_no_id(course):
    course.begin_page("lessons/one.md", LESSON.format("gentle-start\nnext-player"))
    assert fence_error(course, "gentle-start\nnext-player\n").startswith(
        "docs/lessons/one.md:5: this exercise fence has no id.")


def test_unknown_id_suggests_close_ones(course):
    course.begin_page("lessons/one.md", LESSON.format("gentle-strat"))
    assert fence_error(course, "gentle-strat") == (
        "docs/lessons/one.md:5: the exercise fence names 'gentle-strat', but no exercise has "
        "that id. Known ids close to it: 'gentle-start'.")


def test_unknown_id_with_nothing_close(course):
    course.begin_page("lessons/one.md", LESSON.format("zzz"))
    assert fence_error(course, "zzz") == (
        "docs/lessons/one.md:5: the exercise fence names 'zzz', but no exercise has that id. "
        "Check the id in the exercise's exercise.toml.")


def test_exercise_used_twice_on_one_page(course):
    markdown = (LESSON.format("gentle-start")
                + "\nAgain:\n\n    ```exercise\n    gentle-start\n    ```\n")
    course.begin_page("lessons/one.md", markdown)
    course.render_fence("gentle-start")
    assert fence_error(course, "gentle-start") == (
        "docs/lessons/one.md:11: the exercise 'gentle-start' is already placed at "
        "docs/lessons/one.md:5. Each exercise appears once; make a copy with a new id.")


def test_exercise_used_on_two_pages(course):
    course.begin_page("lessons/one.md", LESSON.format("gentle-start"))
    course.render_fence("id: gentle-start")
    course.begin_page("lessons/two.md", "~~~exercise\ngentle-start\n~~~\n")
    assert fence_error(course, "gentle-start") == (
        "docs/lessons/two.md:1: the exercise 'gentle-start' is already placed at "
        "docs/lessons/one.md:5. Each exercise appears once; make a copy with a new id.")
    assert course.page_exercises == {"lessons/one.md": ["gentle-start"], "lessons/two.md": []}


def test_second_fence_on_a_page_reports_its_own_line(course):
    markdown = "```exercise\ngentle-start\n```\n\n!!! note\n\n    ```exercise\n    nope\n    ```\n"
    course.begin_page("lessons/one.md", markdown)
    course.render_fence("gentle-start")
    assert fence_error(course, "nope").startswith("docs/lessons/one.md:7: the exercise fence "
                                                  "names 'nope'")


def test_fence_whose_line_is_unknown_names_the_page(course):
    course.begin_page("lessons/one.md", "No fence that the line finder can see.\n")
    assert fence_error(course, "").startswith("docs/lessons/one.md: this exercise fence has no id.")


def test_unused_exercises_are_listed(course):
    course.begin_page("lessons/one.md", "# Nothing here\n")
    assert course.unused_exercises() == [
        f"{Path('exercises/gentle-start/exercise.toml')}: the exercise 'gentle-start' is not "
        "used on any page. Add a fence with its id to a lesson, or delete its folder."]


@pytest.mark.parametrize(("front_matter", "offset"), [
    ("", 0),
    ("---\ntitle: One\n---\n", 3),
    ("---\ntitle: One\nhide:\n  - toc\n---\n\n", 6),
    ("title: One\n\n", 2),  # MkDocs' older MultiMarkdown-style meta-data
], ids=["none", "yaml", "yaml-list-and-blank", "multimarkdown"])
def test_a_fence_below_front_matter_names_its_line_in_the_file(course_root, front_matter, offset):
    """MkDocs strips front matter before the fence sees the page; the error must still name
    the line an author sees in the file."""
    page = course_root / "docs" / "lessons" / "one.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(front_matter + LESSON.format("nope"))
    try:
        course = CourseBuild(course_root, Settings(course_id="t", timeout_seconds=5.0))
        assert course.body_offsets["lessons/one.md"] == offset
        course.begin_page("lessons/one.md", LESSON.format("nope"))  # what MkDocs hands over
        assert fence_error(course, "nope").startswith(
            f"docs/lessons/one.md:{5 + offset}: the exercise fence names 'nope'")
    finally:
        page.unlink()


def test_the_build_judges_with_the_verdicts_it_is_given(course_root):
    """The build owns its verdicts: given none it keeps them in its cache folder; given some,
    it uses those (here: remembered nowhere) and writes no cache of its own."""
    verdicts = Verdicts(None)
    course = CourseBuild(course_root, Settings(course_id="t", timeout_seconds=5.0),
                         cache_dir=course_root / "cache", verdicts=verdicts)
    course.start_verification().result()
    assert verdicts.computed == 2  # the solution, then the starter
    assert verdicts.verifier.process is None, "closed once the verification ends"
    assert not (course_root / "cache" / "verdicts.json").exists()
    default = CourseBuild(course_root, Settings(course_id="t", timeout_seconds=5.0),
                          cache_dir=course_root / "cache")
    default.start_verification().result()
    assert default.verification.verdicts.computed == 2
    assert (course_root / "cache" / "verdicts.json").is_file()


def test_browser_config_comes_from_settings(course):
    config = course.browser_config("Our course: a subtitle")
    assert (config["courseId"], config["timeoutMs"], config["shortName"]) == ("t", 5000, "Our course")
    assert config["partnerPractice"] == sorted(e.id for e in course.exercises.values() if e.partner_practice)
    assert config["pyodide"]["package"] == "therapon-check"
    assert config["pyodide"]["downloadBytes"] > len(course.runtime.wheel.data)
