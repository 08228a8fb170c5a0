"""Checks for lab-find-blame-words: each check's docstring is what the learner sees when it passes."""

BLAME = ["always", "never", "fault", "lazy", "selfish"]


def check_finds_a_plain_word(learner):
    """Finds a blame word in a simple sentence."""
    sentence = "you always forget the bins"
    result = learner.call("find_blame_words", sentence, BLAME)
    assert isinstance(result, list), f"find_blame_words should return a list, not {result!r}."
    assert result == ["always"], (
        f"In {sentence!r} the blame word is 'always', so the answer is ['always']; "
        f"your function returned {result!r}."
    )


def check_ignores_capitals(learner):
    """Capital letters do not hide a blame word."""
    sentence = "You NEVER call me"
    result = learner.call("find_blame_words", sentence, BLAME)
    assert result == ["never"], (
        f"In {sentence!r} the word 'NEVER' should count as 'never', so the answer is ['never']; "
        f"your function returned {result!r}. Try word.lower()."
    )


def check_ignores_punctuation(learner):
    """Punctuation around a word does not hide it."""
    sentence = "It's your fault! You're so lazy."
    result = learner.call("find_blame_words", sentence, BLAME)
    assert result == ["fault", "lazy"], (
        f"In {sentence!r} the blame words are 'fault' and 'lazy', so the answer is "
        f"['fault', 'lazy']; your function returned {result!r}. Take the '!' and '.' off first."
    )


def check_keeps_order_and_repeats(learner):
    """Words come back in the order they appear, repeats included."""
    sentence = "Never again. You always, always do this!"
    result = learner.call("find_blame_words", sentence, BLAME)
    assert result == ["never", "always", "always"], (
        f"For {sentence!r} the answer is ['never', 'always', 'always']; "
        f"your function returned {result!r}."
    )


def check_no_blame_words(learner):
    """A gentle sentence gives an empty list."""
    sentence = "I feel lonely when we eat in silence."
    result = learner.call("find_blame_words", sentence, BLAME)
    assert result == [], (
        f"{sentence!r} has no blame words, so the answer is []; your function returned {result!r}."
    )
