"""Checker for l10-specific-appreciation: Mei thanks Jordan for what she did, and says what it meant.

A specific appreciation has two parts, what the partner did and what it meant, and none of the
moves that turn thanks into a complaint: a dig, a "but" that takes it back, advice, keeping score.
"""

from therapon_check.language import Feedback, advice, feelings, judgements, quoted, word_count
from therapon_check.phrases import find, phrase_index

# Phrases are written as words() gives them: "wasn't" is "was not", "we're" is "we are".
THANKS = ("thank you", "thanks", "i appreciate", "i appreciated", "i really appreciate",
          "i really appreciated", "grateful", "i loved", "i love that you", "i love how you", "i admire",
          "it meant", "means a lot", "meant a lot", "meant so much", "means so much")
# What Jordan did: the hospital, Mei's mum, the afternoon, staying or sitting with her.
DEED = ("hospital", "mum", "mom", "mother", "saturday", "afternoon", "four hours", "sat with",
        "sitting with", "stayed with", "staying with", "you stayed", "you sat", "you spent", "spending",
        "you took", "you went", "looked after", "looking after", "company", "you drove", "the way you")
MEANING = ("it meant", "means a lot", "meant a lot", "meant so much", "means so much", "made me feel",
           "i could", "i was able to", "i got to", "so i could", "i did not have to", "i felt", "it helped",
           "a relief", "i could breathe", "i could finish", "i finished", "i knew she")
GRATITUDE = {"grateful", "thankful", "appreciative"}  # the thanks itself, not what the help meant
DIGS = ("for once", "you finally", "finally you", "for finally", "about time", "for a change", "who knew",
        "i did not think you would", "i did not expect you", "unlike", "you usually", "normally you",
        "even you", "you never", "surprisingly")
TAKING_BACK = ("but next time", "but you could", "but you should", "but why", "but i wish", "but you did not",
               "but it would have been", "but you forgot", "but you left", "but could you", "but can you")
SCORE = ("you owe", "we are even", "i did it for you", "my turn", "in return", "now you can",
         "i will remember this")


def said(response, phrases):
    """The phrases the response contains, matched on whole words within one clause."""
    return find(response, phrase_index(phrases))


def check(response):
    feedback = Feedback()
    if word_count(response) < 3:
        feedback.tip("too-short", "Say a little more: what Jordan did, and what it meant to you.")
        return feedback.result(meets_goal=False)

    thanks = said(response, THANKS)
    deed = said(response, DEED)
    meaning = said(response, MEANING) + [word for word in feelings(response) if word not in GRATITUDE]
    problems = []

    for observation, phrases, message in (
        ("dig", DIGS, "turns the thanks into a complaint. Jordan will hear the dig, not the thanks."),
        ("takes-it-back", TAKING_BACK, "takes back what came before it. A request can wait for another "
         "time."),
        ("keeps-score", SCORE, "keeps score. An appreciation is a gift, not a payment."),
    ):
        found = said(response, phrases)
        if found:
            feedback.concern(observation, f"{quoted(found)} {message}")
            problems.append(observation)
    if advice(response):
        feedback.concern("advice", f"{quoted(advice(response))} tells Jordan what to do. Let the thanks "
                         "stand on its own.")
        problems.append("advice")
    labels = judgements(response)
    if labels:
        feedback.concern("label", f"{quoted(labels)} is a label. It spoils the thanks.")
        problems.append("label")

    if thanks and not problems:
        feedback.good("appreciates", "You said thank you, out loud.")
    elif not thanks:
        feedback.tip("appreciation-missing", "Say the thanks itself: \"Thank you for…\" or \"I really "
                     "appreciated…\".")
    if deed:
        feedback.good("specific", "You said what Jordan did, so she knows exactly what you saw.")
    else:
        feedback.tip("vague", "Say what Jordan did, as a camera would film it: \"sitting with Mum at the "
                     "hospital on Saturday\".")
    if meaning and not problems:
        feedback.good("says-what-it-meant", "You said what it meant to you. That is what makes an "
                      "appreciation land.")
    elif not meaning:
        feedback.tip("meaning-missing", "Add what it meant to you: a feeling (\"I felt so relieved\") or "
                     "what it made possible (\"I could finish my marking\").")

    return feedback.result(meets_goal=bool(thanks and deed and meaning and not problems))
