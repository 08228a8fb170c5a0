"""Checker for l7-curious-question: an irritated complaint rewritten as a curious, open question."""

from therapon_check.language import (
    Feedback,
    advice,
    blaming,
    is_question,
    judgements,
    quoted,
    sentences,
    words,
)

# Openings that invite the partner to say more, even without a question mark.
INVITATIONS = ("help me understand", "tell me", "i would like to understand", "i am curious",
               "i wonder", "i would love to hear", "i want to understand")
# Words that turn a question towards the partner's inside world.
INSIDE = ("like for you", "for you", "to you", "feel", "feels", "feeling", "felt", "need", "needs",
          "going on", "goes on", "going through", "mean", "means", "matter", "matters", "important",
          "understand", "helps you", "help you", "experience")
# Words that point at one moment rather than at the partner as a whole.
MOMENT = ("when", "whenever", "after", "the minute", "the moment", "first hour", "as soon as", "while")


def _has(said, phrases):
    return any(f" {phrase} " in said for phrase in phrases)


def _why_opening(sentence):
    said = [word for word in words(sentence) if word not in ("and", "but", "so", "well")]
    return said[:1] == ["why"]


def check(response):
    feedback = Feedback()
    said = f" {' '.join(words(response))} "
    clean = True

    asks = any(is_question(sentence) for sentence in sentences(response)) or _has(said, INVITATIONS)
    if asks:
        feedback.good("asks-question", "You asked rather than told. A question leaves room for your "
                      "partner's answer.")
    else:
        feedback.tip("not-a-question", "This still reads as a statement. Turn it into a question, for "
                     "example \"Help me understand what it is like for you when…\".")
    if any(_why_opening(sentence) for sentence in sentences(response)):
        feedback.tip("why-question", "A question that starts with \"why\" can sound like a demand to "
                     "explain yourself. Try \"What is it like for you when…\" or \"Help me understand…\".")
        clean = False
    if _has(said, INSIDE):
        feedback.good("asks-about-inside", "You asked about your partner's inside world: what it is "
                      "like for them, what they feel or need.")
    else:
        feedback.tip("inside-missing", "Ask about what goes on inside your partner: what it is like "
                     "for them, what they feel or need at that moment.")
    if _has(said, MOMENT):
        feedback.good("names-moment", "You named one moment, so your partner knows what you mean.")
    blamed = blaming(response)
    if blamed:
        listed = quoted(blamed)
        feedback.concern("absolute", f"Words like {listed} turn one habit into a charge. Your partner "
                         "may defend instead of answer. Ask about one time or one moment instead.")
        clean = False
    for word in judgements(response):
        feedback.concern("judgement", f"\"{word}\" is a label for your partner. A label closes the door "
                         "that your question is trying to open.")
        clean = False
    if advice(response):
        feedback.concern("advice", "This tells your partner what to do, dressed as a question. Leave "
                         "the advice out and ask only what you want to understand.")
        clean = False

    return feedback.result(meets_goal=clean and asks and _has(said, INSIDE))
