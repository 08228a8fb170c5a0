"""`python -m therapon try`, run as an author runs it: from the course's folder (the engine's
fixture course, tests/fixture/). This course's own corpus is measured in tests/course/."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from support.project import FIXTURE
from therapon.corpus import read_corpus
from therapon.errors import AuthoringFailed
from therapon.load import load_exercises


def therapon(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "therapon", *args], cwd=FIXTURE, input=stdin, text=True,
                          capture_output=True, env=env, timeout=120)


def test_try_prints_the_feedback_as_a_learner_sees_it():
    run = therapon("try", "calm-request", "You never answer my messages! You're always busy.")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("Not yet: one thing in it could hurt the conversation")
    assert lines[1].startswith("  ! Watch out: “You never”") and lines[1].endswith("[blame]")


def test_try_json_reads_a_reply_a_line_and_writes_the_contract_shape():
    replies = ["I feel worried when my messages get no answer all day, because I need to know you're fine.",
               "Oh great, no answer again 🙄 I feel so loved right now.", "line\nbreak and “quotes”"]
    run = therapon("try", "calm-request", "--json", stdin="\n".join(json.dumps(r) for r in replies) + "\n\n")
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
    (("try", "calm-requst", "Hi"), "", "No exercise has the id 'calm-requst'. Known ids close to it: "
     "calm-request"),
    (("try", "count-wins", "Hi"), "", "'count-wins' is a code exercise; try works on text "
     "exercises."),
    (("try", "calm-request", "--json"), "not json\n", "stdin line 1: not JSON"),
    (("try", "calm-request", "--json"), "42\n", "stdin line 1: a reply must be a JSON string, got int."),
    (("try", "calm-request"), "", "give one reply in quotes, or --json"),
])
def test_try_says_plainly_what_is_wrong(args, stdin, says):
    run = therapon(*args, stdin=stdin)
    assert run.returncode != 0 and says in run.stderr and "Traceback" not in run.stderr


def test_a_broken_corpus_line_is_named_with_its_line(tmp_path):
    exercises = load_exercises(FIXTURE / "exercises", FIXTURE)
    exercise = exercises["calm-request"]
    folder = tmp_path / "exercises" / "calm-request"
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
