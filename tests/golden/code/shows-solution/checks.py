"""Checks for first-code: each check's docstring is what the learner sees when it passes."""


def check_counts_feelings(learner):
    """Counts the feeling words in a sentence."""
    result = learner.call("count_feelings", ["I", "feel", "tired", "and", "alone"])
    assert result == 2, f"count_feelings should give 2 here, but gave {result!r}."


def check_no_feelings(learner):
    """Gives 0 when no word is a feeling."""
    result = learner.call("count_feelings", ["we", "ate", "dinner"])
    assert result == 0, f"count_feelings should give 0 here, but gave {result!r}."
