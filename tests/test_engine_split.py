"""The engine's tests stand on the fixture course alone (tests/fixture/), so they pass when an
author deletes this repository's couples course (docs/, exercises/, mkdocs.yml,
course-rules.toml, hooks/ and tests/course/). This test reads every engine test file and
fails on anything of the couples course it names: an exercise id from exercises/, a lesson's
file name from docs/lessons/, the course id in mkdocs.yml, the couples site's fixtures (`site`,
`built_site`), `copy_project`, or a path into the course's folders. The one exception is the
engine's own wording: a message of src/ that uses a couples id as its example may be quoted."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT

TESTS = ROOT / "tests"
# The course's own tests, the fixture course, the two files that define the couples site's
# fixtures for those tests, and this file, which reads the couples course to know its names.
NOT_ENGINE = (TESTS / "course", TESTS / "fixture", TESTS / "conftest.py", TESTS / "support" / "project.py",
              Path(__file__).resolve())
COUPLES_FIXTURES = {"site", "built_site"}
COURSE_PATHS = {"docs", "exercises", "mkdocs.yml", "course-rules.toml", "hooks"}
ENGINE_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "src").rglob("*.py"))
                        if "starter" not in p.parts).replace('\\"', '"')
QUOTED = 15  # how much of the text before a name must be the engine's own, word for word


def couples_names(root: Path = ROOT) -> set[str]:
    """The couples course's exercise ids, lesson file names and course id."""
    names: set[str] = set()
    for path in sorted((root / "exercises").glob("*")):
        metadata = path / "exercise.toml" if path.is_dir() else path
        if metadata.suffix == ".toml" and metadata.is_file():
            names.add(tomllib.loads(metadata.read_text(encoding="utf-8"))["id"])
    names |= {page.stem for page in (root / "docs" / "lessons").glob("*.md")}
    config = root / "mkdocs.yml"
    if config.is_file():
        names |= set(re.findall(r"^\s*course_id:\s*([a-z0-9-]+)", config.read_text(encoding="utf-8"), re.M))
    return names


def engine_test_files(tests: Path = TESTS) -> list[Path]:
    return sorted(p for p in tests.rglob("*.py")
                  if not any(p == other or other in p.parents for other in NOT_ENGINE))


def quotes_the_engine(line: str, start: int, name: str) -> bool:
    """The name sits in words copied from one of the engine's own messages."""
    before = line[:start].replace('\\"', '"')[-QUOTED:]
    return (before + name) in ENGINE_TEXT and len(before) == QUOTED


def named_names(text: str, names: set[str]) -> list[str]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for name in names:
            for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", line):
                if not quotes_the_engine(line, match.start(), name):
                    found.append(f"{number}: names {name!r}")
    return found


def asks_for_fixtures(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A test, or a fixture: pytest fills in its arguments by name."""
    return node.name.startswith("test_") or any(
        "fixture" in ast.unparse(decorator) for decorator in node.decorator_list)


def uses_the_couples_site(text: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and asks_for_fixtures(node):
            for arg in node.args.args:
                if arg.arg in COUPLES_FIXTURES:
                    found.append(f"{node.lineno}: {node.name}() asks for the couples course's `{arg.arg}`; "
                                 "ask for fixture_site or built_fixture_site")
        elif isinstance(node, ast.Name) and node.id == "copy_project":
            found.append(f"{node.lineno}: copy_project copies the couples course; use fixture_project")
        elif (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)
              and isinstance(node.left, ast.Name) and node.left.id == "ROOT"
              and isinstance(node.right, ast.Constant)
              and str(node.right.value).split("/")[0] in COURSE_PATHS):
            found.append(f"{node.lineno}: ROOT / {node.right.value!r} is the couples course's; "
                         "use FIXTURE (support.project) instead")
    return found


def split_problems(tests: Path = TESTS, root: Path = ROOT) -> list[str]:
    names = couples_names(root)
    return [f"{path.relative_to(tests.parent)}:{problem}" for path in engine_test_files(tests)
            for text in [path.read_text(encoding="utf-8")]
            for problem in named_names(text, names) + uses_the_couples_site(text)]


def test_no_engine_test_names_the_couples_course() -> None:
    if not (ROOT / "exercises").is_dir():
        pytest.skip("this repository has no couples course (exercises/ is gone): nothing to keep apart")
    assert len(couples_names()) > 50  # the course is there to be read: its ids, lessons, course id
    problems = split_problems()
    assert problems == [], (
        "These engine tests use the couples course, so they would break when an author deletes it. "
        "Use the fixture course (tests/fixture/: fixture_site, built_fixture_site, fixture_project, "
        "FIXTURE), or move a test about this course's own content to tests/course/:\n"
        + "\n".join(problems))


def test_the_check_catches_a_couples_id_a_fixture_and_a_path(tmp_path: Path) -> None:
    """The check itself can fail: an engine test that names one of the course's ids, asks for
    its site or reads its exercises is reported with its line; the engine's quoted words are not."""
    some_id = sorted(couples_names())[0] if (ROOT / "exercises").is_dir() else None
    if some_id is None:
        pytest.skip("no couples course to name")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_leak.py").write_text(
        f'ID = "{some_id}"\n'
        "def test_x(site):\n    return ROOT / \"exercises\"\n"
        'MESSAGE = "alone on the line inside the fence, e.g. listener-tally."\n'
        "def helper(site):\n    return site\n", encoding="utf-8")
    problems = split_problems(tmp_path / "tests", ROOT)
    assert [p.split(":", 2) for p in problems] == [
        ["tests/test_leak.py", "1", f" names {some_id!r}"],
        ["tests/test_leak.py", "2", " test_x() asks for the couples course's `site`; ask for fixture_site or "
         "built_fixture_site"],
        ["tests/test_leak.py", "3", " ROOT / 'exercises' is the couples course's; use FIXTURE "
         "(support.project) instead"],
    ]
