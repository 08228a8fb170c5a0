"""Checker for l2-safe-reply: a listener's reply that keeps a tender moment safe.

Jordan has said "Sometimes I worry that you'd be happier without me." A safe reply names what
Jordan seems to feel and leaves out defending, playing it down, fixing and judging.
"""

from therapon_check.language import (
    Feedback,
    absolutes,
    advice,
    feelings,
    judgements,
    questions,
    word_count,
    words,
)

# Feelings that would be Mei's own comfort ("I'm glad", "I'm happy with you"), not Jordan's worry.
COMFORTABLE = frozenset(
    "happy glad joyful delighted pleased cheerful thrilled elated excited grateful thankful relieved "
    "calm peaceful relaxed content contented comfortable satisfied fulfilled loved loving proud "
    "confident safe secure".split()
) | {"in love", "at ease", "at peace", "over the moon"}
REFLECTING = ("sounds", "must be", "must feel", "must hurt", "so hard", "really hard", "you feel", "you felt",
              "you are feeling", "you have been feeling", "you have felt", "you worry", "you are worried",
              "you are scared", "you are afraid", "you have been carrying", "you are carrying")
DEFENDING = ("that is not true", "that is so not true", "that is not fair", "i never", "i did not",
             "but i", "what about you", "how can you say", "how could you say", "how can you think",
             "how could you think", "why would you think", "why would you even think", "why would you say",
             "after everything i", "not my fault", "i do everything", "you are wrong")
MINIMISING = ("do not worry", "do not be silly", "that is silly", "you are being silly", "at least",
              "not a big deal", "no big deal", "calm down", "get over it", "overthinking", "cheer up",
              "bright side", "you will be fine", "it is fine", "it is nothing", "forget about it")
INVITING = ("tell me more", "say more", "i am listening", "go on", "i want to understand", "i want to hear")
THANKING = ("glad you told me", "thank you for telling me", "thanks for telling me", "glad you said",
            "thank you for saying", "thanks for saying", "glad you shared", "thank you for sharing")


def found(response, phrases):
    """The phrases that occur in the response, matched on whole words."""
    said = f" {' '.join(words(response))} "
    return [phrase for phrase in phrases if f" {phrase} " in said]


def check(response):
    feedback = Feedback()
    if word_count(response) < 3:
        feedback.tip("too-short", "Say a little more. Jordan has shared something tender, and a few "
                     "warm words about what they feel will help them go on.")
        return feedback.result(meets_goal=False)

    heard = [word for word in feelings(response) if word not in COMFORTABLE]
    reflects = bool(heard or found(response, REFLECTING))
    if heard:
        feedback.good("reflects-feeling", f"You named what Jordan may be feeling: \"{heard[0]}\". "
                      "That tells Jordan you heard the feeling, not only the words.")
    elif reflects:
        feedback.good("reflects-feeling", "You reflected what Jordan is going through. That tells "
                      "Jordan you are listening.")
    else:
        feedback.tip("reflect-missing", "Name what Jordan seems to feel, for example \"That sounds "
                     "lonely\" or \"You've been feeling scared about us\".")

    if found(response, THANKING):
        feedback.good("thanks-for-sharing", "Thanking Jordan for saying it makes it safer to say hard "
                      "things next time.")
    open_questions = [question for question in questions(response) if not found(question, DEFENDING)]
    if open_questions or found(response, INVITING):
        feedback.good("invites-more", "You invited Jordan to say more. That keeps the door open.")
    elif reflects:
        feedback.tip("invite-more-missing", "You could also invite Jordan to go on, for example "
                     "\"Can you tell me more?\"")

    safe = True
    if found(response, DEFENDING):
        feedback.concern("defensive", "Defending yourself turns the talk to your side. Your side "
                         "matters, and it can wait until Jordan feels heard.")
        safe = False
    if found(response, MINIMISING):
        feedback.concern("minimising", "Words like \"don't worry\" or \"don't be silly\" are often meant "
                         "kindly, but they can tell Jordan the feeling is wrong. Let it be real for now.")
        safe = False
    if advice(response):
        feedback.concern("advice", "Advice can wait. Right now Jordan needs to be understood more "
                         "than to be fixed.")
        safe = False
    for word in judgements(response):
        feedback.concern("judgement", f"\"{word}\" is a label. Labels make it risky to share again. "
                         "Describe what you hear instead.")
        safe = False
    if absolutes(response):
        feedback.concern("absolute", "\"Always\" and \"never\" turn this one moment into a history, and "
                         "that sounds like blame.")
        safe = False

    return feedback.result(meets_goal=reflects and safe)
