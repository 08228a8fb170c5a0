"""Every exercise of the engine's fixture course (tests/fixture/) checked in real Pyodide under
Node, with the wheel the browser loads: each code exercise's solution passes and its starter
fails, every example response and corpus reply of every text exercise gets the verdict it
declares, the lexicons and the sandbox behave, and Pyodide agrees with CPython throughout.
tests/course/test_course_pyodide.py does the same for this course's own exercises."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from support.project import FIXTURE
from therapon.corpus import read_corpus
from therapon.kinds.rules import rules_of
from therapon.kinds.text import checker_source
from therapon.load import load_exercises
from therapon.model import Exercise
from therapon.runtime import lock_entry
from therapon.wheel import CHECKER_DIR, DIST_NAME, PACKAGE_NAME
from therapon_check import check, check_written
from therapon_check.compiled import table
from therapon_check.phrases import lexicon


def course_exercises(course: Path) -> tuple[dict[str, Exercise], dict[str, Exercise], list, list]:
    """A course's code exercises, text exercises, text examples and corpus replies."""
    found = load_exercises(course / "exercises", course)
    codes = {i: e for i, e in found.items() if e.kind == "code"}
    texts = {i: e for i, e in found.items() if e.kind == "text"}
    examples = [(e.id, n, example) for e in texts.values()
                for n, example in enumerate(e.fields["examples"], start=1)]
    # Every labelled reply of every corpus, too: the rules and lexicons must judge alike in both Pythons.
    replies = [(e.id, r.line, r.reply) for e in texts.values() for r in read_corpus(e, course)]
    return codes, texts, examples, replies


EXERCISES, TEXTS, TEXT_EXAMPLES, CORPUS_REPLIES = course_exercises(FIXTURE)
LEXICON_NAMES = sorted(p.stem for p in (CHECKER_DIR / "lexicon").glob("*.txt"))


def judged(exercise: Exercise, response: str) -> dict:
    return {"rules": rules_of(exercise), "checker": checker_source(exercise), "response": response}
pytestmark = pytest.mark.pyodide


def exercise_cases(exercises: dict[str, Exercise], texts: dict[str, Exercise], examples: list,
                   replies: list) -> list[dict]:
    """What Pyodide runs for a course: each code exercise's solution and starter, each text
    example and corpus reply."""
    found = []
    for exercise in exercises.values():
        checks = exercise.file("checks").text
        for role in ("solution", "starter"):
            found.append({"name": f"{exercise.id}/{role}", "code": exercise.file(role).text,
                          "checks": checks})
    for exercise_id, number, example in examples:
        found.append({"name": f"{exercise_id}/example-{number}",
                      **judged(texts[exercise_id], example["response"])})
    for exercise_id, line, reply in replies:
        found.append({"name": f"{exercise_id}/corpus-{line}", **judged(texts[exercise_id], reply)})
    return found


def cases() -> list[dict]:
    found = exercise_cases(EXERCISES, TEXTS, TEXT_EXAMPLES, CORPUS_REPLIES)
    found.append({"name": "lexicons", "lexicons": LEXICON_NAMES})
    found.append({"name": "compiled", "compiled": True})
    # The sandbox's own behaviour, which the browser relies on, in Pyodide too.
    found.append({"name": "sandbox/input", "code": "input('name? ')\n", "checks": None})
    found.append({"name": "sandbox/traceback", "code": "x = 1\n\ny = x / 0\n", "checks": None})
    found.append({"name": "sandbox/exit", "code": "import sys\nsys.exit(3)\n", "checks": None})
    return found


def run_in_pyodide(site_dir: Path, found: list[dict], folder: Path) -> dict:
    """Run the cases under Node in the Pyodide and with the wheel of a built site."""
    node = shutil.which("node")
    assert node, "Node.js is needed to run Pyodide in the tests"
    cases_file = folder / "cases.json"
    cases_file.write_text(json.dumps({"package": PACKAGE_NAME, "module": DIST_NAME, "cases": found}))
    run = subprocess.run([node, str(ROOT / "tests/pyodide/check_exercises.mjs"), str(site_dir),
                          str(cases_file)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    return {"python": data["python"], **{r["name"]: r["result"] for r in data["results"]}}


@pytest.fixture(scope="session")
def pyodide_results(built_fixture_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    return run_in_pyodide(built_fixture_site, cases(), tmp_path_factory.mktemp("pyodide"))


def test_runs_in_pyodide_not_cpython(pyodide_results: dict, built_fixture_site: Path) -> None:
    python = pyodide_results["python"]
    assert python["platform"] == "emscripten", python  # CPython here says "linux"
    # the checking code came from the site's own wheel, installed into Pyodide's file system
    assert python["module"].startswith("/lib/python") and "site-packages" in python["module"], python
    assert python["package"] == lock_entry(built_fixture_site, PACKAGE_NAME)["version"]


def test_every_module_comes_with_bytecode_the_browsers_python_takes(pyodide_results: dict) -> None:
    """Compiled ahead by Pyodide's own Python (therapon/bytecode.py), checked against its source."""
    bytecode = pyodide_results["python"]["bytecode"]
    assert sorted(bytecode) == sorted(p.name for p in CHECKER_DIR.glob("*.py"))
    assert all(bytecode.values()), [name for name, usable in bytecode.items() if not usable]


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_solution_passes_in_pyodide(pyodide_results: dict, exercise_id: str) -> None:
    result = pyodide_results[f"{exercise_id}/solution"]
    assert result["passed"], result
    assert result["checks"] and all(c["passed"] for c in result["checks"])


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_starter_fails_in_pyodide(pyodide_results: dict, exercise_id: str) -> None:
    result = pyodide_results[f"{exercise_id}/starter"]
    assert not result["passed"], result


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_pyodide_agrees_with_cpython(pyodide_results: dict, exercise_id: str) -> None:
    exercise = EXERCISES[exercise_id]
    for role in ("solution", "starter"):
        in_cpython = check(exercise.file(role).text, exercise.file("checks").text)
        assert pyodide_results[f"{exercise_id}/{role}"] == in_cpython


@pytest.mark.parametrize(("exercise_id", "number", "example"), TEXT_EXAMPLES,
                         ids=[f"{i}-example-{n}" for i, n, _ in TEXT_EXAMPLES])
def test_text_example_gets_its_verdict_in_pyodide(pyodide_results: dict, exercise_id: str,
                                                  number: int, example: dict) -> None:
    result = pyodide_results[f"{exercise_id}/example-{number}"]
    assert not result["broken"], result["summary"]
    assert result["meets_goal"] == example["meets_goal"], result
    assert set(example["triggers"]) <= {i["id"] for i in result["items"]}
    assert result == _cpython(exercise_id, example["response"]), "Pyodide and CPython disagree"


def _cpython(exercise_id: str, response: str, texts: dict[str, Exercise] = TEXTS) -> dict:
    case = judged(texts[exercise_id], response)
    return check_written(case["rules"], case["checker"], case["response"])


def test_every_corpus_reply_gets_the_same_verdict_in_pyodide_and_cpython(pyodide_results: dict) -> None:
    differ = [f"{exercise_id} corpus line {line}: {reply[:60]}" for exercise_id, line, reply in CORPUS_REPLIES
              if pyodide_results[f"{exercise_id}/corpus-{line}"] != _cpython(exercise_id, reply)]
    assert len(CORPUS_REPLIES) >= 8 and differ == []  # tests/fixture/exercises/calm-request/corpus.jsonl


def test_every_lexicon_reads_the_same_in_pyodide(pyodide_results: dict) -> None:
    in_pyodide = pyodide_results["lexicons"]
    assert sorted(in_pyodide) == LEXICON_NAMES
    for name in LEXICON_NAMES:
        assert tuple(in_pyodide[name]) == lexicon(name), name


def test_sandbox_messages_in_pyodide(pyodide_results: dict) -> None:
    assert "input() can't be used" in pyodide_results["sandbox/input"]["error"]["message"]
    traceback = pyodide_results["sandbox/traceback"]["error"]
    assert traceback["line"] == 3 and "Line 3: ZeroDivisionError" in traceback["message"]
    assert "therapon_check" not in traceback["traceback"]
    assert pyodide_results["sandbox/exit"]["error"]["type"] == "SystemExit"


def test_the_lexicon_table_compiled_in_cpython_is_used_and_right_in_pyodide(pyodide_results: dict) -> None:
    found = pyodide_results["compiled"]
    assert found["entries"] == len(table()) > 1000
    assert found["differ"] == []
