"""Checker for l8-say-it-back: the listener reflects what they heard, names a feeling and checks."""

from therapon_check.language import Feedback, advice, feelings, judgements, questions, words

# Openings a listener uses to say back what they heard.
REFLECTIONS = ("what i heard", "what i am hearing", "i hear", "it sounds like", "sounds like", "so you",
               "you are saying", "if i understand", "if i got it", "it seems like", "you sound",
               "you feel", "you are feeling")
# Phrases that make the speaker's feeling smaller.
MINIMISING = ("at least", "not that bad", "could be worse", "do not worry", "no big deal",
              "look on the bright side", "it is not so bad")
# Phrases that turn the talk to the listener's own story.
OWN_STORY = ("me too", "same here", "my day", "i also", "that is nothing")


def _has(said, phrases):
    return any(f" {phrase} " in said for phrase in phrases)


def check(response):
    feedback = Feedback()
    said = f" {' '.join(words(response))} "
    clean = True

    reflects = _has(said, REFLECTIONS)
    if reflects:
        feedback.good("reflects", "You said back what you heard, so Lee knows the words landed.")
    else:
        feedback.tip("reflect-missing", "Start by saying back what you heard, for example \"What I "
                     "heard is…\" or \"It sounds like…\".")
    named = feelings(response)
    if named:
        feedback.good("names-feeling", f"You named a feeling you heard: \"{named[0]}\".")
    else:
        feedback.tip("feeling-missing", "Guess the feeling under Lee's words, for example tired, worn "
                     "out or overwhelmed. A guess is fine; Lee can correct it.")
    if questions(response):
        feedback.good("checks-back", "You checked whether you got it right. That gives Lee the last word "
                      "on Lee's own feelings.")
    else:
        feedback.tip("check-missing", "End with a check, such as \"Did I get that right?\"")
    if advice(response):
        feedback.concern("advice", "A fix can wait. Right now Lee needs to feel heard, not helped. "
                         "Leave the advice for later, and only if Lee asks for it.")
        clean = False
    if _has(said, MINIMISING):
        feedback.concern("minimising", "\"At least…\" and \"don't worry\" make the feeling smaller. Stay "
                         "with how hard it is for Lee, even if you want to cheer them up.")
        clean = False
    if _has(said, OWN_STORY):
        feedback.tip("own-story", "Your own day matters too, and your turn will come. For now, keep the "
                     "focus on Lee.")
        clean = False
    for word in judgements(response):
        feedback.concern("judgement", f"\"{word}\" is a label. It judges Lee instead of reflecting "
                         "what Lee said.")
        clean = False

    return feedback.result(meets_goal=clean and reflects and bool(named) and bool(questions(response)))
