"""Checks for lab-shared-times: each check's docstring is what the learner sees when it passes."""

MEI = ["Sun 19:00", "Wed 20:00", "Sat 10:00"]
JORDAN = ["Sat 10:00", "Sun 19:00"]


def check_finds_shared_times(learner):
    """Finds the times on both lists, in the order of the first."""
    result = learner.call("shared_times", MEI, JORDAN)
    assert isinstance(result, list), f"shared_times should return a list of times, not {result!r}."
    assert result == ["Sun 19:00", "Sat 10:00"], (
        f"Sunday at 19:00 and Saturday at 10:00 suit both, in Mei's order: ['Sun 19:00', 'Sat 10:00']; "
        f"your function returned {result!r}."
    )


def check_no_shared_time(learner):
    """With no time on both lists, returns an empty list."""
    result = learner.call("shared_times", ["Mon 18:00"], ["Tue 18:00"])
    assert result == [], f"No time is on both lists, so the answer is []; your function returned {result!r}."


def check_each_time_once(learner):
    """Lists each shared time once, even if it is written twice."""
    result = learner.call("shared_times", ["Sun 19:00", "Sun 19:00"], ["Sun 19:00"])
    assert result == ["Sun 19:00"], (
        f"Sunday at 19:00 is shared, and should be listed once; your function returned {result!r}."
    )
