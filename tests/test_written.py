"""therapon_check.written: a text checker's verdict and the sentence that sums it up."""

from __future__ import annotations

import pytest

from therapon_check import check_text

CHECKER = '''
from therapon_check.language import Feedback


def check(response):
    feedback = Feedback()
    if "lonely" in response:
        feedback.good("names-feeling", "You named a feeling.")
        return feedback.result(meets_goal=True)
    feedback.tip("feeling-missing", "Name a feeling.")
    return feedback.result(meets_goal=False)
'''
PROBLEM = "This is a problem in the exercise, not in your answer."


@pytest.mark.parametrize(("response", "meets_goal", "summary"), [
    ("I feel lonely.", True, "This meets the goal. Well done!"),
    ("I feel fine.", False, "Not quite there yet. Read the notes below, then try again."),
], ids=["meets-the-goal", "not-yet"])
def test_the_summary_says_the_verdict(response, meets_goal, summary):
    verdict = check_text(CHECKER, response)
    assert (verdict["meets_goal"], verdict["broken"], verdict["summary"]) == (meets_goal, False, summary)


@pytest.mark.parametrize(("checker", "summary", "line"), [
    ("x = 1\n", f"The checker defines no check(response) function. {PROBLEM}", None),
    ("def check(response):\n    return 1 / 0\n",
     f"The checker crashed (ZeroDivisionError: division by zero). {PROBLEM}", 2),
    ("def check(response):\n    return {'meets_goal': 'yes', 'observations': []}\n",
     f"'meets_goal' must be True or False. {PROBLEM}", None),
], ids=["no-check-function", "crash", "wrong-shape"])
def test_a_broken_checker_is_never_shown_as_feedback(checker, summary, line):
    verdict = check_text(checker, "I feel lonely.")
    assert verdict == {"meets_goal": False, "items": [], "broken": True, "line": line, "summary": summary}



def test_warming_up_reads_the_word_lists_before_a_first_reply():
    """The snapshot maker's warm_up, in a fresh Python as in the browser, leaves the lexicons
    cached, so a restored Python's first Check reads no file (a wrong detector name or rule
    shape would fail here first)."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("from therapon_check.phrases import lexicon; from therapon_check.warm import warm_up; "
            "print(warm_up(), lexicon.cache_info().currsize)")
    hooks = Path(__file__).resolve().parents[1] / "src"
    out = subprocess.run([sys.executable, "-c", code], cwd=hooks, capture_output=True, text=True, check=True)
    warmed, cached = out.stdout.split()
    assert warmed == "True" and int(cached) >= 20, out.stdout
