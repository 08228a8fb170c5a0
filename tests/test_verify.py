"""Build-time verification: the reference solution passes, the starter does not, checks work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from therapon import verify
from therapon.cache import DiskCache
from therapon.course import verify_all
from therapon.errors import AuthoringError, AuthoringFailed
from therapon.load import load_exercises
from therapon.model import Exercise, PythonFile

ROOT = Path(__file__).resolve().parents[1]
FOLDER = Path("exercises/gentle-start")

STARTER = 'def greet(name):\n    return "Hello"\n'
SOLUTION = 'def greet(name):\n    return f"Hello, {name}!"\n'
CHECKS = '''\
def check_greets_by_name(learner):
    """Greets the person by name."""
    result = learner.call("greet", "Sam")
    assert result == "Hello, Sam!", f"greet('Sam') should return 'Hello, Sam!', not {result!r}."


def check_says_hello(learner):
    """Starts with Hello."""
    assert learner.call("greet", "Alex").startswith("Hello"), "Start the greeting with Hello."
'''


@pytest.fixture(autouse=True)
def empty_cache(monkeypatch):
    """Each test verifies from scratch, not from an earlier test's cached verdict."""
    monkeypatch.setattr(verify, "verdicts", DiskCache(None))


def exercise(root: Path, starter: str = STARTER, solution: str = SOLUTION,
             checks: str = CHECKS) -> Exercise:
    folder = root / FOLDER
    texts = {"starter": starter, "solution": solution, "checks": checks}
    return Exercise(
        id="gentle-start", kind="code", title="A gentle start", folder=folder,
        metadata_path=folder / "exercise.toml",
        files={role: PythonFile(folder / f"{role}.py", text) for role, text in texts.items()})


def verify_errors(root: Path, **texts: str) -> list[AuthoringError]:
    with pytest.raises(AuthoringFailed) as caught:
        verify_all({"gentle-start": exercise(root, **texts)}, root)
    return caught.value.errors


def test_a_correct_exercise_verifies(tmp_path):
    verify_all({"gentle-start": exercise(tmp_path)}, tmp_path)


def test_solution_failing_a_check_names_solution_and_check(tmp_path):
    errors = verify_errors(tmp_path, solution='def greet(name):\n    return f"Hi, {name}!"\n')
    assert [(e.path, e.line, e.message) for e in errors] == [
        (FOLDER / "solution.py", None,
         "the reference solution fails the check check_greets_by_name (greet('Sam') should "
         "return 'Hello, Sam!', not 'Hi, Sam!'.). Fix the solution or the check."),
        (FOLDER / "solution.py", None,
         "the reference solution fails the check check_says_hello (Start the greeting with "
         "Hello.). Fix the solution or the check."),
    ]


def test_solution_that_raises_names_the_line(tmp_path):
    solution = SOLUTION + '\n\nprint(greet("Sam") + 1)\n'
    errors = verify_errors(tmp_path, solution=solution)
    assert [(e.path, e.line, e.message) for e in errors] == [
        (FOLDER / "solution.py", 5,
         "the reference solution stops with an error: Line 5: TypeError: can only concatenate "
         'str (not "int") to str. Fix the solution.'),
    ]
    assert str(errors[0]).startswith(f"{FOLDER / 'solution.py'}:5: ")


def test_solution_whose_function_raises_inside_a_check_names_its_line(tmp_path):
    solution = 'def greet(name):\n    return "Hello, " + name + 1\n'
    errors = verify_errors(tmp_path, solution=solution)
    assert errors[0].path == FOLDER / "solution.py"
    assert errors[0].message == (
        "the reference solution fails the check check_greets_by_name (Line 2: TypeError: can "
        'only concatenate str (not "int") to str). Fix the solution or the check.')


def test_starter_that_already_passes_names_starter(tmp_path):
    errors = verify_errors(tmp_path, starter=SOLUTION)
    assert [(e.path, e.line, e.message) for e in errors] == [
        (FOLDER / "starter.py", None,
         "the starter code already passes every check, so there is nothing to practise. Leave "
         "part of the task undone in the starter, or add a check that it misses."),
    ]


def test_checks_file_without_checks(tmp_path):
    checks = 'def greeting_ok(learner):\n    assert learner.call("greet", "Sam")\n'
    errors = verify_errors(tmp_path, checks=checks)
    assert [(e.path, e.line, e.message) for e in errors] == [
        (FOLDER / "checks.py", None,
         "this file defines no checks. Add functions named check_something(learner) that "
         "assert what must be true."),
    ]


def test_broken_check_names_checks_file_and_the_check(tmp_path):
    checks = CHECKS + (
        "\n\ndef check_greets_twice(learner):\n"
        '    """Greets two people."""\n'
        '    assert learner.call("greet", "Sam") == greting\n'
    )
    errors = verify_errors(tmp_path, checks=checks)
    assert [(e.path, e.message) for e in errors] == [
        (FOLDER / "checks.py",
         "check_greets_twice is broken: This check could not run (NameError: name 'greting' is "
         "not defined). Fix the check."),
    ]


def test_checks_file_that_fails_to_load_is_broken(tmp_path):
    errors = verify_errors(tmp_path, checks="import no_such_module_here\n" + CHECKS)
    assert [(e.path, e.message) for e in errors] == [
        (FOLDER / "checks.py",
         "checks is broken: The checks could not be loaded (ModuleNotFoundError: No module "
         "named 'no_such_module_here'). Fix the check."),
    ]


def test_solution_with_endless_loop_fails_in_time_and_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(verify, "VERIFY_TIMEOUT_SECONDS", 0.5)
    solution = ('def greet(name):\n    letters = 0\n    while letters < len(name):\n'
                '        pass\n    return f"Hello, {name}!"\n')
    errors = verify_errors(tmp_path, solution=solution)
    assert [(e.path, e.message) for e in errors] == [
        (FOLDER / "solution.py",
         "the reference solution never finished (it ran for more than 0.5 seconds). Look for "
         "an endless loop."),
    ]
    assert verify._verifier.process is None, "the looping child must be killed"
    # and the next verification works, in a fresh child
    verify_all({"gentle-start": exercise(tmp_path)}, tmp_path)


def test_code_printing_to_the_real_stdout_cannot_fake_a_verdict():
    source = "import os\nos.write(1, b'not a verdict\\n')\nx = 1\n"
    result = verify.run_checks(source, "def check_x(learner):\n    assert learner.variable('x') == 1\n")
    assert result["passed"] is True


def test_verdicts_are_cached_by_content(tmp_path, monkeypatch):
    calls = []
    real = verify.run_checks

    def counting(source, checks):
        calls.append(source)
        return real(source, checks)

    monkeypatch.setattr("therapon.kinds.code.run_checks", counting)
    verify_all({"gentle-start": exercise(tmp_path)}, tmp_path)
    verify_all({"gentle-start": exercise(tmp_path)}, tmp_path)
    assert len(calls) == 2  # the solution and the starter, once each
    verify_all({"gentle-start": exercise(tmp_path, starter=STARTER + "# changed\n")}, tmp_path)
    assert len(calls) == 3


def test_errors_from_several_exercises_are_reported_together(tmp_path):
    good = exercise(tmp_path)
    other = Exercise(**{**good.__dict__, "id": "other", "files": {
        **good.files, "starter": PythonFile(good.files["starter"].path, SOLUTION)}})
    bad = exercise(tmp_path, solution=STARTER)
    with pytest.raises(AuthoringFailed) as caught:
        verify_all({"other": other, "gentle-start": bad}, tmp_path)
    assert [e.path.name for e in caught.value.errors] == ["starter.py", "solution.py"]
    assert "check_greets_by_name" in caught.value.errors[1].message


def test_the_courses_own_exercises_load_and_verify():
    exercises = load_exercises(ROOT / "exercises", ROOT)
    sources = sorted(p.name for p in (ROOT / "exercises").iterdir()
                     if (p.is_dir() or p.suffix == ".toml") and not p.name.startswith((".", "_")))
    assert len(exercises) == len(sources) > 0
    assert {e.kind for e in exercises.values()} == {"code", "text", "choice", "reflection"}
    verify_all(exercises, ROOT)


def test_the_disk_cache_keeps_only_what_a_build_used_and_survives_garbage(tmp_path):
    path = tmp_path / "build/cache/verdicts.json"
    first = DiskCache(path)
    first.put("old", {"passed": True})
    first.save()
    second = DiskCache(path)
    assert second.get("old") == {"passed": True}
    second.put("new", {"passed": False})
    second.save()
    path.write_text("{not json")
    assert DiskCache(path).get("old") is None  # an unreadable cache is started afresh
    path.write_text('{"only": 1}')
    third = DiskCache(path)
    third.put("fresh", 2)
    third.save()
    assert json.loads(path.read_text()) == {"fresh": 2}  # entries this build did not use are dropped
