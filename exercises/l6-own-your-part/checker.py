"""Checker for l6-own-your-part: Kenji says what he did and takes responsibility for it.

Owning a part is not taking all the blame: the reply names one action, owns it, and leaves out
the moves that undo an apology (a non-apology, an excuse, blame turned back, a put-down of self).
"""

from therapon_check.language import Feedback, blame, judgements, quoted, word_count
from therapon_check.phrases import build_index, find, phrase_index

# Phrases are written as words() gives them: "didn't" is "did not", "I'll" is "i will".
ACTION = ("i invited", "i asked my brother", "i asked him", "i said yes", "i made plans", "i made the plans",
          "i made that plan", "i decided", "i booked", "i told him he could", "i did not ask",
          "i did not check", "i did not talk to you", "i did not tell you", "without asking",
          "without checking", "without talking to you", "before asking", "before i asked",
          "before i talked", "before talking to you", "i left you out", "i should have asked",
          "i should have checked", "i should have talked")
OWNING = ("my part", "my fault", "my mistake", "on me", "i am sorry", "i apologise", "i apologize",
          "i should have", "i take responsibility", "i was wrong to", "i got that wrong", "i own that",
          "that was wrong of me", "my bad", "i messed up", "i got it wrong", "not fair to you", "i was wrong")
# "I'm sorry you felt…" holds "i am sorry" but owns nothing: matched whole, it is never read as owning.
NOT_OWNING = ("i am sorry you feel", "i am sorry you felt", "i am sorry that you", "i am sorry if",
              "i am so sorry you", "i am sorry you are", "i am sorry you were", "i apologise if",
              "i apologize if")
OWNING_INDEX = build_index(OWNING, NOT_OWNING)
NON_APOLOGY = ("sorry you feel", "sorry you felt", "sorry that you feel", "sorry that you felt", "sorry if",
               "if you were hurt", "if i upset you", "if that upset you", "sorry you are upset",
               "sorry you were upset", "sorry you see it")
EXCUSES = ("but he", "but my brother", "but it is only", "but it was only", "but you", "but i thought",
           "but i had to", "but i did not think", "but i only", "but honestly", "but come on", "but really",
           "he only", "only once a year", "it is only", "it was only", "not a big deal", "no big deal",
           "i had no choice", "i did not think it mattered", "i did not think you would mind",
           "you know how he", "to be fair")
SHIFTING = ("you do it too", "you did the same", "what about you", "if you had", "you did not tell me",
            "you should have told me", "you never ask", "you always")
PUT_DOWNS = ("i am a terrible", "i am the worst", "i am useless", "i am an idiot", "i am so stupid",
             "i ruin everything", "i always mess", "i am a bad", "i can not do anything right")
NEXT_STEP = ("next time", "from now on", "in future", "in the future", "i will ask", "i will check",
             "i will talk to you", "what would help", "how can i make", "can we", "could we")


def said(response, phrases):
    """The phrases the response contains, matched on whole words within one clause."""
    return find(response, phrase_index(phrases))


def check(response):
    feedback = Feedback()
    if word_count(response) < 4:
        feedback.tip("too-short", "Say a little more. Tell Sofia what you did, in plain words, and "
                     "that it was your part.")
        return feedback.result(meets_goal=False)

    action = said(response, ACTION)
    owns = find(response, OWNING_INDEX)
    non_apology = said(response, NON_APOLOGY)
    problems = []

    if action:
        feedback.good("names-action", "You said what Kenji did, in plain words. Sofia doesn't have to "
                      "prove it to you.")
    else:
        feedback.tip("action-missing", "Name what Kenji did: \"I invited my brother without asking you "
                     "first.\" An apology lands when it is about something.")
    if not owns:
        feedback.tip("ownership-missing", "Own it out loud: \"That was my part\", \"I'm sorry\" or \"I "
                     "should have asked.\"")

    if non_apology and not action:
        feedback.concern("non-apology", f"{quoted(non_apology)} is sorry about Sofia's feeling, not about "
                         "anything Kenji did. It can sound as if the problem is inside her.")
        problems.append("non-apology")
    elif non_apology:
        feedback.tip("non-apology-wording", f"{quoted(non_apology)} can sound like a non-apology. You "
                     "already said what you did, so you could leave it out.")
    excuses = said(response, EXCUSES)
    if excuses:
        feedback.concern("excuse", f"{quoted(excuses)} explains or plays it down, and takes back what "
                         "came before. Your reasons can wait for another talk.")
        problems.append("excuse")
    shifted = list(dict.fromkeys(said(response, SHIFTING) + blame(response)))
    if shifted:
        feedback.concern("shifts-blame", f"{quoted(shifted)} turns the blame back on Sofia. Owning your "
                         "part means talking about your part only.")
        problems.append("shifts-blame")
    put_downs = said(response, PUT_DOWNS)
    if put_downs:
        feedback.concern("puts-self-down", f"{quoted(put_downs)} puts yourself down. It turns the talk to "
                         "your guilt, and Sofia may end up comforting you. Own the action, not a verdict "
                         "on yourself.")
        problems.append("puts-self-down")
    else:
        labels = judgements(response)
        if labels:
            feedback.concern("label", f"{quoted(labels)} is a label for Sofia. It undoes the apology.")
            problems.append("label")
    if owns and not problems:
        feedback.good("owns-it", "You took responsibility for it. That is the way out of "
                      "defensiveness.")
    if said(response, NEXT_STEP) and not problems:
        feedback.good("next-step", "You offered a next step. That shows Sofia it can be different next "
                      "time.")

    return feedback.result(meets_goal=bool(action and owns and not problems))
