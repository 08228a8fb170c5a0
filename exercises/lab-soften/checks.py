"""Checks for lab-soften: each check's docstring is what the learner sees when it passes."""


def _expect(learner, sentence, expected):
    result = learner.call("soften", sentence)
    assert isinstance(result, str), f"soften should return the new sentence as a string, not {result!r}."
    assert result == expected, (
        f"soften({sentence!r}) should give {expected!r}, but your function returned {result!r}."
    )


def check_softens_you_always(learner):
    """Changes "you always" to "you sometimes"."""
    _expect(learner, "I feel like you always interrupt me.", "I feel like you sometimes interrupt me.")


def check_softens_you_never(learner):
    """Changes "You never" to "You don't always"."""
    _expect(learner, "You never listen to me!", "You don't always listen to me!")


def check_softens_capital_you_always(learner):
    """Works for "You always" at the start of a sentence."""
    _expect(learner, "You always forget my birthday.", "You sometimes forget my birthday.")


def check_softens_every_one(learner):
    """Changes every "always" and "never" after "you", not just the first."""
    _expect(learner, "You always forget. And you never call.",
            "You sometimes forget. And you don't always call.")


def check_leaves_other_words_alone(learner):
    """Leaves "always" and "never" alone when they do not follow "you"."""
    sentence = "I will always love you, and I never want to lose you."
    _expect(learner, sentence, sentence)
