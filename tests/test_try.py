"""`python -m therapon try` and `eval`, run as an author runs them: from the course's folder."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from therapon.corpus import read_corpus
from therapon.errors import AuthoringFailed
from therapon.evaluation import evaluate, report
from therapon.load import load_exercises


def therapon(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "therapon", *args], cwd=ROOT, input=stdin, text=True,
                          capture_output=True, env=env, timeout=120)


def test_try_prints_the_feedback_as_a_learner_sees_it():
    run = therapon("try", "l2-safe-reply", "I'm sorry you feel that way.")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("Not yet: one thing in it could hurt the conversation")
    assert lines[1].startswith("  ! Watch out: “I'm sorry you feel”") and lines[1].endswith("[non-apology]")


def test_try_json_reads_a_reply_a_line_and_writes_the_contract_shape():
    replies = ["That sounds so lonely, Jordan.", "Oh sure, poor you 🙄", "line\nbreak and “quotes”"]
    run = therapon("try", "l2-safe-reply", "--json", stdin="\n".join(json.dumps(r) for r in replies) + "\n\n")
    assert run.returncode == 0, run.stderr
    verdicts = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(verdicts) == 3
    for found in verdicts:
        assert list(found) == ["meets_goal", "items", "summary"]
        assert all(list(item) == ["level", "id", "message"] and item["level"] in ("good", "tip", "concern")
                   for item in found["items"])
    assert verdicts[0]["meets_goal"] is True and verdicts[1]["meets_goal"] is False
    assert (verdicts[1]["items"][0]["level"], verdicts[1]["items"][0]["id"]) == ("concern", "sarcasm")


@pytest.mark.parametrize(("args", "stdin", "says"), [
    (("try", "l2-safe-rely", "Hi"), "", "No exercise has the id 'l2-safe-rely'. Known ids close to it: "
     "l2-safe-reply"),
    (("try", "listener-tally", "Hi"), "", "'listener-tally' is a code exercise; try works on text "
     "exercises."),
    (("try", "l2-safe-reply", "--json"), "not json\n", "stdin line 1: not JSON"),
    (("try", "l2-safe-reply", "--json"), "42\n", "stdin line 1: a reply must be a JSON string, got int."),
    (("try", "l2-safe-reply"), "", "give one reply in quotes, or --json"),
])
def test_try_says_plainly_what_is_wrong(args, stdin, says):
    run = therapon(*args, stdin=stdin)
    assert run.returncode != 0 and says in run.stderr and "Traceback" not in run.stderr


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


def test_a_broken_corpus_line_is_named_with_its_line(tmp_path):
    exercises = load_exercises(ROOT / "exercises", ROOT)
    exercise = exercises["l2-safe-reply"]
    folder = tmp_path / "exercises" / "l2-safe-reply"
    folder.mkdir(parents=True)
    (folder / "corpus.jsonl").write_text(
        '{"reply": "Hi", "meets_goal": true}\n{"reply": "", "meets_goal": 1}\n'
        '{"reply": "Ok", "meets_goal": true, "harms": ["sarcasm"]}\nnope\n')
    moved = type(exercise)(**{**exercise.__dict__, "folder": folder})
    with pytest.raises(AuthoringFailed) as caught:
        read_corpus(moved, tmp_path)
    assert [(e.line, e.message.split(".")[0]) for e in caught.value.errors] == [
        (2, "'reply' must be the learner's words, in quotes"),
        (3, "a reply that meets the goal makes no harmful move: empty its 'harms', or set "
            "meets_goal = false"),
        (4, "this line is not JSON (Expecting value)"),
    ]
