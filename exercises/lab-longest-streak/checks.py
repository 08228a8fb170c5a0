"""Checks for lab-longest-streak: each check's docstring is what the learner sees when it passes."""


def check_finds_the_streak(learner):
    """Finds the longest run of talks with the same listener."""
    log = [("Ana", "Ben"), ("Ben", "Ana"), ("Ben", "Ana"), ("Ben", "Ana"), ("Ana", "Ben")]
    result = learner.call("longest_streak", log)
    assert isinstance(result, tuple), (
        f"longest_streak should return a pair such as ('Ben', 3), written with round brackets; "
        f"your function returned {result!r}."
    )
    assert result == ("Ben", 3), (
        f"Ben listened three times in a row, so the answer is ('Ben', 3); your function returned {result!r}."
    )


def check_streak_at_the_end(learner):
    """Counts a streak that runs to the end of the log."""
    log = [("Ben", "Ana"), ("Ana", "Ben"), ("Ana", "Ben")]
    result = learner.call("longest_streak", log)
    assert result == ("Ana", 2), (
        f"Ana listened twice in a row at the end, so the answer is ('Ana', 2); "
        f"your function returned {result!r}."
    )


def check_tie_goes_to_the_first(learner):
    """When two streaks are just as long, the earlier one wins."""
    log = [("Ben", "Ana"), ("Ben", "Ana"), ("Ana", "Ben"), ("Ana", "Ben")]
    result = learner.call("longest_streak", log)
    assert result == ("Ben", 2), (
        f"Ben and Ana both listened twice in a row, and Ben's streak came first, so the answer is "
        f"('Ben', 2); your function returned {result!r}."
    )


def check_empty_log(learner):
    """An empty log gives (None, 0)."""
    result = learner.call("longest_streak", [])
    assert result == (None, 0), f"With no talks at all, return (None, 0); your function returned {result!r}."
