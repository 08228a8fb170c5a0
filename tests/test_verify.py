"""Build-time verification: the reference solution passes, the starter does not, checks work."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from therapon.cache import DiskCache
from therapon.course import verify_all
from therapon.errors import AuthoringError, AuthoringFailed
from therapon.load import load_exercises
from therapon.model import Exercise, PythonFile
from therapon.verdicts import Verdicts, verifier_fingerprint
from therapon.verify import Verifier, code_job

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixture"  # the engine's own test course
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


def exercise(root: Path, starter: str = STARTER, solution: str = SOLUTION,
             checks: str = CHECKS) -> Exercise:
    folder = root / FOLDER
    texts = {"starter": starter, "solution": solution, "checks": checks}
    return Exercise(
        id="gentle-start", kind="code", title="A gentle start", folder=folder,
        metadata_path=folder / "exercise.toml",
        files={role: PythonFile(folder / f"{role}.py", text) for role, text in texts.items()})


@pytest.fixture
def verdicts() -> Iterator[Verdicts]:
    """From scratch, as on a fresh clone: no cache, a child Python of the test's own."""
    found = Verdicts(None)
    yield found
    found.close()


def verify_errors(root: Path, verdicts: Verdicts | None = None, **texts: str) -> list[AuthoringError]:
    verdicts = verdicts or Verdicts(None)
    with pytest.raises(AuthoringFailed) as caught:
        verify_all({"gentle-start": exercise(root, **texts)}, root, verdicts)
    verdicts.close()
    return caught.value.errors


def test_a_correct_exercise_verifies(tmp_path, verdicts):
    verify_all({"gentle-start": exercise(tmp_path)}, tmp_path, verdicts)
    assert verdicts.computed == 2  # the solution, then the starter


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


def test_solution_with_endless_loop_fails_in_time_and_is_stopped(tmp_path):
    verdicts = Verdicts(None, Verifier(seconds=0.5))
    solution = ('def greet(name):\n    letters = 0\n    while letters < len(name):\n'
                '        pass\n    return f"Hello, {name}!"\n')
    errors = verify_errors(tmp_path, verdicts, solution=solution)
    assert [(e.path, e.message) for e in errors] == [
        (FOLDER / "solution.py",
         "the reference solution never finished (it ran for more than 0.5 seconds). Look for "
         "an endless loop."),
    ]
    assert verdicts.verifier.process is None, "the looping child must be killed"
    assert verdicts.computed == 1, "the starter is not run after the solution looped"
    # and the next verification works, in a fresh child, not from a remembered timeout
    retry = Verdicts(None, verdicts.verifier)
    verify_all({"gentle-start": exercise(tmp_path)}, tmp_path, retry)
    retry.close()


def test_code_printing_to_the_real_stdout_cannot_fake_a_verdict():
    source = "import os\nos.write(1, b'not a verdict\\n')\nx = 1\n"
    verifier = Verifier()
    result = verifier.run(code_job(source, "def check_x(learner):\n    assert learner.variable('x') == 1\n"))
    verifier.close()
    assert result["passed"] is True


def test_verdicts_are_cached_by_content_and_by_the_verifiers_code(tmp_path):
    cache = tmp_path / "build/cache/verdicts.json"

    def build(fingerprint: str | None = None, **texts: str) -> int:
        """One build's verification from the cache on disk; how many jobs the child ran."""
        verdicts = Verdicts(cache, fingerprint=fingerprint)
        verify_all({"gentle-start": exercise(tmp_path, **texts)}, tmp_path, verdicts)
        verdicts.close()
        return verdicts.computed

    assert build() == 2  # the solution and the starter
    assert build() == 0  # a rebuild runs nothing
    assert build(starter=STARTER + "# changed\n") == 1
    # The verifier's own code is part of every key: a changed verifier judges afresh.
    assert build(fingerprint="another verifier") == 2
    assert Verdicts(None).fingerprint == verifier_fingerprint(), "by default, the judging code's"


def test_the_fingerprint_covers_the_checking_package_and_the_verifier(tmp_path):
    from therapon.verdicts import judging_code
    from therapon.verify import SOURCE
    from therapon.wheel import CHECKER_DIR

    covered = set(judging_code())
    assert SOURCE in covered
    assert {*CHECKER_DIR.glob("*.py"), *CHECKER_DIR.glob("lexicon/*.txt")} <= covered
    files = [tmp_path / "a.py", tmp_path / "b.txt"]
    for path in files:
        path.write_text("x = 1\n")
    before = verifier_fingerprint(files)
    files[1].write_text("x = 2\n")
    assert verifier_fingerprint(files) != before


def test_errors_from_several_exercises_are_reported_together(tmp_path):
    good = exercise(tmp_path)
    other = Exercise(**{**good.__dict__, "id": "other", "files": {
        **good.files, "starter": PythonFile(good.files["starter"].path, SOLUTION)}})
    bad = exercise(tmp_path, solution=STARTER)
    with pytest.raises(AuthoringFailed) as caught:
        verify_all({"other": other, "gentle-start": bad}, tmp_path, Verdicts(None))
    assert [e.path.name for e in caught.value.errors] == ["starter.py", "solution.py"]
    assert "check_greets_by_name" in caught.value.errors[1].message


def test_the_fixture_courses_exercises_load_and_verify():
    exercises = load_exercises(FIXTURE / "exercises", FIXTURE)
    sources = sorted(p.name for p in (FIXTURE / "exercises").iterdir()
                     if (p.is_dir() or p.suffix == ".toml") and not p.name.startswith((".", "_")))
    assert len(exercises) == len(sources) > 0
    assert {e.kind for e in exercises.values()} == {"code", "text", "choice", "reflection"}
    verdicts = Verdicts(None)  # cold: every verdict computed now, none remembered
    verify_all(exercises, FIXTURE, verdicts)
    verdicts.close()
    assert verdicts.computed > 0


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


def test_answers_read_in_chunks_stay_with_their_jobs_and_a_loop_mid_batch_is_its_own():
    checks = "def check_x(learner):\n    assert learner.variable('x') == {}\n"
    jobs = [code_job(f"x = {n}\n", checks.format(n)) for n in range(30)]
    jobs.insert(20, code_job("while True:\n    pass\n", checks.format(0)))
    verifier = Verifier(seconds=0.5)
    results = verifier.run_batch(jobs)
    verifier.close()
    assert [r.get("passed") for r in results[:20]] == [True] * 20
    assert len(results) == 21 and "timeout" in results[20]
