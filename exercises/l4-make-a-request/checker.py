"""Checker for l4-make-a-request: a specific, doable request that leaves room for no."""

from therapon_check.language import (
    Feedback,
    advice,
    blaming,
    judgements,
    needs,
    questions,
    quoted,
    words,
)

# Ways of asking that are not questions but still leave room for no.
ASKING = ("would you be willing", "i would love it if", "i would like it if", "i would like us to",
          "how about", "let us")
# Pressure that turns a request into a demand (advice() already finds "you need to", "you should").
PRESSURE = ("i expect you to", "you had better", "you would better", "or else", "i demand")
# What and when: words that make a request concrete enough to act on.
CONCRETE = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tonight",
            "tomorrow", "this week", "next week", "weekend", "weekends", "morning", "afternoon",
            "evening", "after work", "before bed", "breakfast", "lunch", "dinner", "coffee", "walk",
            "film", "movie", "minutes", "hour", "an hour", "half an hour", "o'clock", "date")
# Asking for less of something instead of more of what you want.
STOPPING = ("stop", "quit", "no more", "do not", "not so")


def has_phrase(said, phrases):
    """Whether any phrase appears in the words, matched as whole words."""
    padded = f" {' '.join(said)} "
    return any(f" {phrase} " in padded for phrase in phrases)


def check(response):
    feedback = Feedback()
    said = words(response)
    clean = True

    demanding = bool(advice(response)) or has_phrase(said, PRESSURE)
    asks = bool(questions(response)) or has_phrase(said, ASKING)
    if asks and not demanding:
        feedback.good("asks", "You ask rather than tell, so Eli is free to say yes, no, or offer an idea "
                      "of his own.")
    elif not asks:
        feedback.tip("not-a-request", "This says what is wrong, but it doesn't ask for anything yet. Try a "
                     "question such as \"Would you be willing to…?\"")

    specific = has_phrase(said, CONCRETE) or any(word.isdigit() for word in said)
    if specific:
        feedback.good("specific", "It's concrete: Eli knows exactly what you are asking for, and when.")
    else:
        feedback.tip("vague", "Make it concrete. \"More time\" is hard to act on; \"a walk on Saturday "
                     "morning\" is easy.")

    if demanding:
        feedback.concern("demand", "This sounds like an order, which leaves no room for no. Try asking: "
                         "\"Would you be willing to…?\" or \"Could we…?\"")
        clean = False

    blamed = blaming(response)
    if blamed:
        listed = quoted(blamed)
        feedback.concern("absolute", f"{listed} sounds like blame, and Eli may defend himself instead of "
                         "hearing what you want.")
        clean = False

    for word in judgements(response):
        feedback.concern("label", f"\"{word}\" is a label for Eli. It turns the request into a criticism.")
        clean = False

    if has_phrase(said, STOPPING) and clean:
        feedback.tip("say-what-you-want", "You ask Eli to stop something. It often lands more softly to "
                     "ask for what you do want: \"Could we eat together on Thursday?\"")

    found = needs(response)
    if found:
        feedback.good("names-need", f"You name what matters to you (\"{found[0]}\"), so Eli understands "
                      "why you are asking.")
    else:
        feedback.tip("need-missing", "You could add why it matters: \"…because I need closeness\".")

    return feedback.result(meets_goal=asks and specific and clean)
