"""`therapon eval` on this course's labelled corpora (exercises/<id>/corpus.jsonl): every text
exercise of the course is measured, each with at least 40 labelled replies."""

from __future__ import annotations

from conftest import ROOT
from therapon.corpus import read_corpus
from therapon.evaluation import evaluate, report
from therapon.load import load_exercises


def test_eval_measures_every_text_exercise_of_the_course():
    exercises = load_exercises(ROOT / "exercises", ROOT)
    scores = evaluate(exercises, ROOT)
    texts = [e for e in exercises.values() if e.kind == "text"]
    assert [s.exercise for s in scores] == [e.id for e in texts]
    for score in scores:
        exercise = exercises[score.exercise]
        assert score.replies == len(exercise.fields["examples"]) + len(read_corpus(exercise, ROOT))
        assert score.replies >= 40, f"{score.exercise}: the corpus needs at least 40 labelled replies"
    table = report(scores).splitlines()
    assert table[0].split() == ["exercise", "replies", "agreement", "false", "accepts", "false", "rejects",
                                "harmful", "moves", "named"]
    assert table[-1].startswith("all ")
