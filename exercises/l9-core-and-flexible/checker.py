"""Checker for l9-core-and-flexible: Grace hears Eli's dream, names her core, and opens the door.

A reply that meets the goal does three things and none of the moves that end a search for a
plan both can live with: a flat no, an ultimatum, giving in, blame, labels or contempt.
"""

from therapon_check.language import Feedback, blaming, judgements, questions, quoted, word_count
from therapon_check.phrases import find, phrase_index

# Phrases are written as words() gives them: "can't" is "can not", "I'm" is "i am".
HEARING = ("i can see", "i see how", "i hear", "i know how much", "i know this", "i know that", "sounds like",
           "it sounds", "that sounds", "your dream", "means a lot to you", "means so much to you",
           "means to you", "matters to you", "matters so much", "i understand", "makes sense",
           "you have dreamed", "you have wanted", "i love that you", "i would love you to", "i get it")
CORE = ("can not give up", "could not give up", "matters most to me", "matter most to me", "matter most",
        "means the most to me", "mean the most to me", "most important to me",
        "most important thing", "what i need most", "the one thing i need", "my core", "i need to be near",
        "i need to be close", "i need to stay", "i do not want to lose", "i would hate to lose",
        "can not be far", "could not be far", "non negotiable", "i need to keep")
FLEXIBLE = ("i am flexible", "i could be flexible", "i can be flexible", "flexible about", "i am open to",
            "i would be open to", "open to", "i could live with", "i can live with", "i do not mind",
            "i would not mind", "i would be willing", "i am willing", "i could try", "what if we",
            "how about", "maybe we could", "we could", "part of the year", "for the summer", "the summers",
            "a few months", "in between", "halfway")
FLAT_NO = ("no way", "absolutely not", "not happening", "forget it", "out of the question", "not a chance",
           "never going to happen", "i will never", "over my dead body", "we are not moving",
           "i am not moving", "end of discussion", "end of story", "that is final")
ULTIMATUMS = ("or else", "or i will", "take it or leave it", "on your own then", "without me",
              "by yourself then", "i will leave", "i will not discuss")
GIVING_IN = ("whatever you want", "fine whatever", "if it makes you happy", "you win", "do what you want")
CONTEMPT = ("dream on", "typical", "as usual", "grow up", "are you serious", "are you kidding",
            "you must be joking", "at your age", "midlife crisis", "only thinking about yourself")


def said(response, phrases):
    """The phrases the response contains, matched on whole words within one clause."""
    return find(response, phrase_index(phrases))


def check(response):
    feedback = Feedback()
    if word_count(response) < 4:
        feedback.tip("too-short", "Say a little more: that you heard Eli's dream, what you cannot give "
                     "up, and where you could bend.")
        return feedback.result(meets_goal=False)

    hears = said(response, HEARING)
    core = said(response, CORE)
    opens = said(response, FLEXIBLE) or questions(response)
    problems = []

    if hears:
        feedback.good("hears-him", "You showed Eli that you heard his dream, before your own side.")
    else:
        feedback.tip("hear-missing", "Start with Eli: \"I can see how much the sea means to you.\" He "
                     "can listen better once he feels heard.")
    if core:
        feedback.good("names-core", "You named your core plainly, so Eli knows what matters most to you.")
    else:
        feedback.tip("core-missing", "Say the one thing you cannot give up: \"What I can't give up is "
                     "being near the grandchildren.\"")
    if not opens:
        feedback.tip("open-missing", "Open the door: say where you could bend (\"I'm open to…\"), or ask "
                     "about Eli's side (\"What matters most to you about it?\").")

    for observation, phrases, message in (
        ("flat-no", FLAT_NO, "closes the door before you have looked for a plan together."),
        ("ultimatum", ULTIMATUMS, "sounds like a threat. A plan both of you can live with needs both "
         "of you."),
        ("gives-in", GIVING_IN, "gives in without saying what you need. That often turns into quiet "
         "resentment later."),
        ("contempt", CONTEMPT, "talks down to Eli's dream. Contempt does more harm than almost anything "
         "else in a talk."),
    ):
        found = said(response, phrases)
        if found:
            feedback.concern(observation, f"{quoted(found)} {message}")
            problems.append(observation)
    blamed = blaming(response)
    if blamed:
        feedback.concern("blame", f"{quoted(blamed)} turns this decision into a charge about Eli. Talk "
                         "about this one plan.")
        problems.append("blame")
    labels = judgements(response)
    if labels:
        feedback.concern("label", f"{quoted(labels)} is a label for Eli. Labels start a fight about who "
                     "he is, not about the plan.")
        problems.append("label")
    if opens and not problems:
        feedback.good("opens-door", "You left room to look for a plan together.")

    return feedback.result(meets_goal=bool(hears and core and opens and not problems))
