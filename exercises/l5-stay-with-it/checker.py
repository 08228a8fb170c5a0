"""Checker for l5-stay-with-it: reflect a deep feeling and thank the speaker, without fixing it."""

from therapon_check.language import (
    Feedback,
    advice,
    feelings,
    judgements,
    questions,
    sentences,
    word_count,
    words,
)

# Words of thanks are in the feelings lexicon too; here they thank, they do not reflect.
GRATITUDE = {"grateful", "thankful", "appreciative", "glad"}
# Words people use to reflect a hard feeling that the lexicon does not list as feelings.
HARD_WORDS = {"scary", "frightening", "painful", "hard", "tough", "heavy", "awful", "terrible", "lonely"}
POINTS_TO_SPEAKER = {"you", "your", "sounds", "sound", "must", "seems"}
THANKS = ("thank", "thanks", "grateful", "glad you told me", "glad you shared", "means a lot",
          "trusting me", "trust me with")
MINIMISING = ("do not worry", "no big deal", "not a big deal", "at least", "get over", "move on",
              "let it go", "long time ago", "years ago", "do not be silly", "you should not feel",
              "calm down", "cheer up", "bright side", "not that bad", "it is nothing")
FIXING = ("you could", "try to", "next time", "you just need", "just ignore")
ABOUT_ME = ("me too", "my parents", "my mum", "my mom", "my dad", "when i was", "happened to me")


def said(response):
    return f" {' '.join(words(response))} "


def has(response, phrases):
    text = said(response)
    return [phrase for phrase in phrases if f" {phrase} " in text]


def reflects(response):
    """A hard feeling named in a sentence that points at the speaker, not at the listener's thanks."""
    for sentence in sentences(response):
        named = [w for w in feelings(sentence) if w not in GRATITUDE]
        named += [w for w in words(sentence) if w in HARD_WORDS]
        if named and POINTS_TO_SPEAKER & set(words(sentence)):
            return named[0]
    return None


def check(response):
    feedback = Feedback()
    clean = True

    if word_count(response) < 5:
        feedback.tip("too-short", "Say a little more. A few kind words that name her feeling and "
                     "thank her will help Priya feel heard.")
        return feedback.result(meets_goal=False)

    feeling = reflects(response)
    if feeling:
        feedback.good("reflects-feeling", f"You named the feeling you heard: \"{feeling}\". "
                      "That tells Priya you are with her.")
    else:
        feedback.tip("feeling-missing", "Name the feeling you hear under her words, for example "
                     "\"It sounds scary\" or \"You felt so alone\".")
    if has(response, THANKS):
        feedback.good("thanks", "You thanked her. That tells Priya it was safe to trust you.")
    else:
        feedback.tip("thanks-missing", "Thank her for sharing something so tender, for example "
                     "\"Thank you for telling me.\"")
    for sentence in questions(response):
        if words(sentence)[:1] == ["why"]:
            feedback.tip("why-question", "\"Why\" questions can feel like a test. \"Can you tell me "
                         "more?\" or \"What is that like for you?\" invite her in more gently.")
        else:
            feedback.good("invites-more", "Your question invites her to say more, if she wants to.")
        break

    minimising = has(response, MINIMISING)
    if minimising:
        feedback.concern("minimising", f"\"{minimising[0].capitalize()}\" is meant kindly, but it can "
                         "make the feeling sound smaller than it is. Let it be as big as it is for now.")
        clean = False
    if advice(response) or has(response, FIXING):
        feedback.tip("fixing", "It is natural to want to fix it. For now, just listen. What to do "
                     "next can wait for another talk.")
        clean = False
    if "but" in words(response):
        feedback.tip("but", "\"But\" often wipes out what came before it and starts a defence. "
                     "Your side can wait for your own turn to speak.")
        clean = False
    for word in judgements(response):
        feedback.concern("judgement", f"\"{word.capitalize()}\" is a label. It tells Priya her "
                         "feeling is wrong, and she may stop sharing.")
        clean = False
    if has(response, ABOUT_ME):
        feedback.tip("about-me", "Your own story matters too, but right now it takes the space away "
                     "from her. Keep the focus on Priya this time.")
        clean = False

    return feedback.result(meets_goal=bool(clean and feeling and has(response, THANKS)))
