"""Checks for whose-turn."""

PAIR = ("Sam", "Alex")


def check_empty_log(learner):
    """With no talks yet, the first partner starts."""
    result = learner.call("next_listener", [], PAIR)
    assert result == "Sam", (
        f"With an empty log the first name, 'Sam', listens first; you returned {result!r}."
    )


def check_fewer_turns_listens(learner):
    """The partner who listened less goes next."""
    log = [("Sam", "Alex"), ("Sam", "Alex"), ("Alex", "Sam")]
    result = learner.call("next_listener", log, PAIR)
    assert result == "Alex", (
        f"Sam listened twice and Alex once, so Alex should listen next; you returned {result!r}."
    )


def check_tie_alternates(learner):
    """When the turns are even, whoever did not listen last time goes next."""
    log = [("Sam", "Alex"), ("Alex", "Sam")]
    result = learner.call("next_listener", log, PAIR)
    assert result == "Sam", (
        f"They are even and Alex listened last, so Sam should listen next; you returned {result!r}."
    )
