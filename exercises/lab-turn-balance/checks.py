"""Checks for lab-turn-balance: each check's docstring is what the learner sees when it passes."""


def check_shares_of_three_talks(learner):
    """Works out each partner's share of three talks."""
    log = [("Sam", "Alex"), ("Sam", "Alex"), ("Alex", "Sam")]
    result = learner.call("listening_shares", log)
    assert isinstance(result, dict), f"listening_shares should return a dictionary, not {result!r}."
    assert result == {"Sam": 67, "Alex": 33}, (
        "Sam listened in 2 of 3 talks (67%) and Alex in 1 (33%), so the answer is "
        f"{{'Sam': 67, 'Alex': 33}}; your function returned {result!r}."
    )


def check_even_week(learner):
    """An even week is 50 and 50."""
    log = [("Lena", "Kofi"), ("Kofi", "Lena"), ("Kofi", "Lena"), ("Lena", "Kofi")]
    result = learner.call("listening_shares", log)
    assert result == {"Lena": 50, "Kofi": 50}, (
        f"Lena and Kofi each listened twice out of 4 talks, so the answer is "
        f"{{'Lena': 50, 'Kofi': 50}}; your function returned {result!r}."
    )


def check_only_one_listened(learner):
    """Someone who only spoke gets 0."""
    log = [("Kofi", "Lena"), ("Kofi", "Lena")]
    result = learner.call("listening_shares", log)
    assert result == {"Kofi": 100, "Lena": 0}, (
        f"Kofi listened in every talk, so the answer is {{'Kofi': 100, 'Lena': 0}}; "
        f"your function returned {result!r}."
    )


def check_empty_log(learner):
    """An empty log gives an empty dictionary."""
    result = learner.call("listening_shares", [])
    assert result == {}, (
        f"With no talks at all, return {{}} (and be careful not to divide by zero); "
        f"your function returned {result!r}."
    )
