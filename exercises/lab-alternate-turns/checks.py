"""Checks for lab-alternate-turns: each check's docstring is what the learner sees when it passes."""

PAIR = ("Mei", "Jordan")


def check_other_partner_starts(learner):
    """The partner who did not listen last time goes first."""
    result = learner.call("plan_turns", PAIR, "Mei", 1)
    assert isinstance(result, list), f"plan_turns should return a list of names, not {result!r}."
    assert result == ["Jordan"], (
        f"Mei listened last time, so a one-day plan is ['Jordan']; your function returned {result!r}."
    )


def check_alternates_for_a_week(learner):
    """Over a week, the partners take turns."""
    result = learner.call("plan_turns", PAIR, "Jordan", 7)
    expected = ["Mei", "Jordan", "Mei", "Jordan", "Mei", "Jordan", "Mei"]
    assert result == expected, (
        f"Jordan listened last, so the week goes {expected}; your function returned {result!r}."
    )


def check_fresh_start(learner):
    """With no talks yet, the first name in the pair listens first."""
    result = learner.call("plan_turns", PAIR, None, 3)
    assert result == ["Mei", "Jordan", "Mei"], (
        "When last_listener is None, Mei (the first name) starts: ['Mei', 'Jordan', 'Mei']; "
        f"your function returned {result!r}."
    )


def check_zero_days(learner):
    """A plan for zero days is an empty list."""
    result = learner.call("plan_turns", PAIR, "Mei", 0)
    assert result == [], f"With days = 0 there is nothing to plan, so return []; you returned {result!r}."
