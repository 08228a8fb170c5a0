"""Checker for l3-describe-dont-label: say what a camera would see, without a label for the partner."""

from therapon_check.language import (
    Feedback,
    advice,
    blaming,
    feelings,
    interpretations,
    judgements,
    questions,
    quoted,
    words,
)

# Words that usually come with a description of something seen: what, where and when.
SEEING = ("i noticed", "i notice", "i have noticed", "i saw", "i see", "i heard", "i found",
          "i got home", "i came home", "i came in", "i walked in", "still", "this morning", "tonight",
          "today", "yesterday", "last night")
# The things in this scene: naming them is describing too ("The dishes are in the sink").
SCENE = ("dishes", "dish", "sink", "plates", "pans", "pots", "cups", "mugs", "washing up", "laundry",
         "counter")
LABEL_OPENERS = ("you are so", "you are such", "what a")


def has_phrase(said, phrases):
    """Whether any phrase appears in the words, matched as whole words."""
    padded = f" {' '.join(said)} "
    return any(f" {phrase} " in padded for phrase in phrases)


def check(response):
    feedback = Feedback()
    said = words(response)
    clean = True

    describes = has_phrase(said, SEEING) or has_phrase(said, SCENE)
    if describes:
        feedback.good("describes", "You describe something a camera could film. Tom can see it too, "
                      "so there is nothing to argue about.")

    labels = judgements(response)
    for word in labels:
        feedback.concern("label", f"\"{word}\" is a word for what kind of person Tom is. Describe what "
                         "he did or didn't do instead.")
        clean = False
    if not labels and has_phrase(said, LABEL_OPENERS):
        feedback.concern("you-are-label", "\"You are so…\" or \"You are such a…\" usually leads into a "
                         "label. Talk about the dishes, not about Tom.")
        clean = False

    blamed = blaming(response)
    if blamed:
        listed = quoted(blamed)
        feedback.concern("absolute", f"{listed} turns one evening into a rule about Tom. Talk about this "
                         "time only.")
        clean = False

    for word in interpretations(response):
        feedback.tip("interpretation", f"\"{word.capitalize()}\" is a guess about what Tom did, not what a "
                     "camera saw. Say what you saw, and what you felt inside: tired, sad, fed up?")
        clean = False

    if advice(response):
        feedback.tip("advice", "Telling Tom what he should do can sound like an order. Describe first, "
                     "then you can ask: \"Could we…?\" or \"Would you…?\"")
        clean = False

    why = [question for question in questions(response) if words(question)[:1] == ["why"]]
    if why:
        feedback.tip("why-question", "A question that starts with \"why\" often sounds like a verdict. "
                     "Try a curious one, such as \"What happened?\", or a gentle \"Could we…?\"")
        clean = False

    if not describes:
        feedback.tip("describe-more", "Say what a camera would have seen, for example: \"I noticed the "
                     "dishes are still in the sink.\"")
        clean = False

    if describes and clean:
        feedback.good("no-labels", "No labels and no \"always\" or \"never\": this is easy to hear.")
        if feelings(response):
            feedback.good("adds-feeling", f"You also share a feeling (\"{feelings(response)[0]}\"), so Tom "
                          "knows what this means to you.")
        if questions(response):
            feedback.good("adds-request", "Ending with a question invites Tom in, rather than ordering "
                          "him about.")

    return feedback.result(meets_goal=describes and clean)
