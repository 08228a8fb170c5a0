"""Checks for lab-i-statement: each check's docstring is what the learner sees when it passes."""


def _expect(learner, parts, expected):
    result = learner.call("i_statement", *parts)
    assert isinstance(result, str), f"i_statement should return the sentence as a string, not {result!r}."
    assert result == expected, (
        f"i_statement{parts!r} should give {expected!r}, but your function returned {result!r}."
    )


def check_builds_the_sentence(learner):
    """Puts the feeling, the moment and the need into one sentence."""
    _expect(learner, ("lonely", "we eat in silence", "closeness"),
            "I feel lonely when we eat in silence, because I need closeness.")


def check_tidies_spaces(learner):
    """Takes extra spaces off each part."""
    _expect(learner, ("  sad ", "you look at your phone ", " connection"),
            "I feel sad when you look at your phone, because I need connection.")


def check_one_full_stop(learner):
    """Ends with one full stop, even when a part already had one."""
    _expect(learner, ("worried", "you come home late.", "to know you are safe."),
            "I feel worried when you come home late, because I need to know you are safe.")
