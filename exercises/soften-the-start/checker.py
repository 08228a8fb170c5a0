"""Checker for soften-the-start: an "I feel … when … because I need …" sentence without blame."""

from therapon_check.language import (
    Feedback,
    advice,
    blaming,
    i_statement,
    interpretations,
    judgements,
    normalise,
    quoted,
    you_statements,
)


def check(response):
    feedback = Feedback()
    shape = i_statement(response)
    clean = True

    if you_statements(response) and not shape.starts_with_i:
        feedback.concern("starts-with-you", "Starting with \"you\" can sound like an accusation. "
                         "Try starting with \"I feel\".")
        clean = False
    if "feel like" in normalise(response) or "feel that" in normalise(response):
        feedback.tip("feel-like", "\"I feel like you…\" or \"I feel that…\" is a thought about your "
                     "partner, not a feeling. Name the feeling itself: lonely, sad, worried…")
        clean = False
    for word in interpretations(response):
        feedback.tip("interpretation", f"\"{word.capitalize()}\" describes what you think your partner "
                     "did. What do you feel inside when that happens? Lonely? Hurt? Sad?")
        clean = False
    if shape.feeling and "feel like" not in normalise(response):
        feedback.good("names-feeling", f"You named a feeling: \"{shape.feeling}\".")
    elif not interpretations(response) and "feel like" not in normalise(response):
        feedback.tip("feeling-missing", "Name a feeling, for example \"I feel lonely\" or \"I feel "
                     "worried\".")
    if shape.has_when:
        feedback.good("says-when", "You said when it happens, so your partner knows what you mean.")
    else:
        feedback.tip("says-when-missing", "Add what happened: \"when you…\".")
    if shape.need:
        feedback.good("names-need", f"You named what you need: \"{shape.need}\".")
    elif not shape.has_because:
        feedback.tip("need-missing", "Add what you need: \"because I need…\".")
    blamed = blaming(response)
    if blamed:
        listed = quoted(blamed)
        feedback.concern("absolute", f"Words like {listed} sound like blame, and your partner may "
                         "start defending instead of listening. Describe this one time instead.")
        clean = False
    for word in judgements(response):
        feedback.concern("judgement", f"\"{word}\" is a label for your partner. Describe what they did, "
                         "not what they are.")
        clean = False
    if advice(response):
        feedback.tip("advice", "Telling your partner what they should do can wait. For now, share "
                     "your feeling and your need, and let them respond.")
        clean = False

    return feedback.result(meets_goal=clean and shape.complete and "feel like" not in normalise(response))
