"""Checker for l6-validate-not-agree: say the feeling makes sense, without agreeing or arguing."""

from therapon_check.language import (
    Feedback,
    advice,
    blame,
    feelings,
    interpretations,
    judgements,
    word_count,
    words,
)

GRATITUDE = {"grateful", "thankful", "appreciative", "glad"}
VALIDATING = ("makes sense", "make sense", "made sense", "i can see why", "i see why", "i can see how",
              "i understand", "i can understand", "no wonder", "of course you", "i get why",
              "i get it", "i can imagine", "that would hurt", "understandable", "anyone would feel")
ARGUING = ("but", "i had to", "i had no choice", "you knew", "you know i", "to be fair", "i told you",
           "i already told you", "only once a year", "not a big deal", "no big deal",
           "i did not do anything wrong", "not my fault", "it was not", "you always", "you never")
AGREEING = ("i was wrong", "i should not have", "i should have", "my fault", "you are right",
            "i will never", "never again", "never do it again", "sorry i", "i am a terrible",
            "i am the worst", "i promise")
DISMISSING = ("years ago", "long time ago", "let it go", "get over", "move on", "do not be silly",
              "calm down", "it is only", "it was only", "it is just", "it was just", "not your parents")


OWN_WORDS = ("did not count", "do not count", "did not matter", "do not matter")


def quote(phrase):
    """A matched phrase as the learner might read it: capital first letter, "I" as a capital."""
    text = " ".join("I" if word == "i" else word for word in phrase.split())
    return text[:1].upper() + text[1:]


def said(response):
    return f" {' '.join(words(response))} "


def has(response, phrases):
    text = said(response).replace(" you are right to ", " ")
    return [phrase for phrase in phrases if f" {phrase} " in text]


def check(response):
    feedback = Feedback()

    if word_count(response) < 4:
        feedback.tip("too-short", "Say a little more. Tell Sofia that her feeling makes sense, and "
                     "name the feeling.")
        return feedback.result(meets_goal=False)

    validates = has(response, VALIDATING)
    if validates:
        feedback.good("validates", "You told Sofia her feeling makes sense. She doesn't have to "
                      "prove it to you.")
    else:
        feedback.tip("validation-missing", "Let her know the feeling makes sense, for example "
                     "\"It makes sense that you felt…\" or \"I can see why you'd feel…\".")
    named = [w for w in feelings(response) if w not in GRATITUDE] + interpretations(response)
    named += has(response, OWN_WORDS)
    if named:
        feedback.good("names-feeling", f"You put her feeling into words: \"{named[0]}\".")
    else:
        feedback.tip("feeling-missing", "Name the feeling you hear: left out, unimportant, hurt, "
                     "alone…")

    problems = []
    agrees = has(response, AGREEING)
    if agrees:
        feedback.tip("agrees", f"\"{quote(agrees[0])}…\" says that you were wrong. Validation "
                     "doesn't need that. Her feeling can make sense while you still see the plans "
                     "your own way.")
        problems.append("agrees")
    argues = has(response, ARGUING) + blame(response)
    if argues:
        feedback.concern("argues", f"\"{quote(argues[0])}\" starts to argue your side. Your "
                         "reasons matter, but they can wait for your turn to speak.")
        problems.append("argues")
    dismisses = has(response, DISMISSING)
    if dismisses:
        feedback.concern("dismisses", f"\"{quote(dismisses[0])}\" makes her feeling sound "
                         "smaller. Old hurts can still hurt today.")
        problems.append("dismisses")
    if advice(response):
        feedback.tip("advice", "Telling her what to do can feel like a push. For now, just show "
                     "that you understand.")
        problems.append("advice")
    for word in judgements(response):
        feedback.concern("judgement", f"\"{word.capitalize()}\" is a label. It tells Sofia her "
                         "feeling is wrong.")
        problems.append("judgement")

    return feedback.result(meets_goal=bool(validates and named and not problems))
