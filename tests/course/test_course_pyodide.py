"""This course's exercises checked in real Pyodide under Node, with the wheel its built site
loads: each code exercise's solution passes and its starter fails, every text example gets its
verdict, and every reply of its corpora is judged alike by Pyodide and CPython. The engine's
own Pyodide tests (lexicons, sandbox, the wheel) are tests/test_pyodide.py, on the fixture."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pyodide import _cpython, course_exercises, exercise_cases, run_in_pyodide

from conftest import ROOT
from therapon_check import check

pytestmark = pytest.mark.pyodide

EXERCISES, TEXTS, TEXT_EXAMPLES, CORPUS_REPLIES = course_exercises(ROOT)


@pytest.fixture(scope="session")
def course_results(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    found = exercise_cases(EXERCISES, TEXTS, TEXT_EXAMPLES, CORPUS_REPLIES)
    return run_in_pyodide(built_site, found, tmp_path_factory.mktemp("course-pyodide"))


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_solution_passes_and_starter_fails_in_pyodide_as_in_cpython(course_results: dict,
                                                                    exercise_id: str) -> None:
    exercise = EXERCISES[exercise_id]
    solution, starter = course_results[f"{exercise_id}/solution"], course_results[f"{exercise_id}/starter"]
    assert solution["passed"] and solution["checks"], solution
    assert all(c["passed"] for c in solution["checks"]), solution
    assert not starter["passed"], starter
    for role in ("solution", "starter"):
        assert course_results[f"{exercise_id}/{role}"] == check(exercise.file(role).text,
                                                                exercise.file("checks").text)


@pytest.mark.parametrize(("exercise_id", "number", "example"), TEXT_EXAMPLES,
                         ids=[f"{i}-example-{n}" for i, n, _ in TEXT_EXAMPLES])
def test_text_example_gets_its_verdict_in_pyodide(course_results: dict, exercise_id: str,
                                                  number: int, example: dict) -> None:
    result = course_results[f"{exercise_id}/example-{number}"]
    assert not result["broken"], result["summary"]
    assert result["meets_goal"] == example["meets_goal"], result
    assert set(example["triggers"]) <= {i["id"] for i in result["items"]}
    assert result == _cpython(exercise_id, example["response"], TEXTS), "Pyodide and CPython disagree"


def test_every_corpus_reply_gets_the_same_verdict_in_pyodide_and_cpython(course_results: dict) -> None:
    differ = [f"{exercise_id} corpus line {line}: {reply[:60]}" for exercise_id, line, reply in CORPUS_REPLIES
              if course_results[f"{exercise_id}/corpus-{line}"] != _cpython(exercise_id, reply, TEXTS)]
    assert len(CORPUS_REPLIES) > 400 and differ == []
