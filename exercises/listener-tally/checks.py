"""Checks for listener-tally: each check's docstring is what the learner sees when it passes."""


def check_counts_a_simple_week(learner):
    """Counts each person's turns as listener."""
    week = [("Sam", "Alex"), ("Sam", "Alex"), ("Alex", "Sam")]
    result = learner.call("count_listeners", week)
    assert isinstance(result, dict), f"count_listeners should return a dictionary, not {result!r}."
    assert result.get("Sam") == 2 and result.get("Alex") == 1, (
        f"For {week} Sam listened twice and Alex once, but your function returned {result!r}."
    )


def check_includes_people_who_only_spoke(learner):
    """Someone who only spoke is counted with 0."""
    week = [("Alex", "Sam"), ("Alex", "Sam")]
    result = learner.call("count_listeners", week)
    assert result == {"Alex": 2, "Sam": 0}, (
        f"Sam only spoke this week, so the answer should be {{'Alex': 2, 'Sam': 0}}; "
        f"your function returned {result!r}."
    )


def check_empty_week(learner):
    """An empty log gives an empty dictionary."""
    result = learner.call("count_listeners", [])
    assert result == {}, f"With no talks at all, return {{}}; your function returned {result!r}."
