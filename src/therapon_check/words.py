"""The sentences this package writes for the learner, by key, in the course's language.

The package runs in the build (CPython, English: the build reads these sentences to explain
an exercise's faults to its author) and in the browser's Pyodide, where the page hands it the
course's catalog once, at start (`use_json`), from the build's `check.*` keys
(src/therapon/messages/*.json). ENGLISH here must equal en.json's `check.*` strings, which a
test checks, so the package still speaks when nobody has told it a language.

The text detectors (lexicon/*.txt) read English only: LANGUAGES says so, and the build warns a
course in another language (phrase lists in exercise.toml rules work in any language).
"""

from __future__ import annotations

import json
import re

LANGUAGES = ("en",)
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

ENGLISH: dict[str, str] = {
    "met": "This meets the goal. Well done!",
    "concerns.one": "Not yet: one thing in it could hurt the conversation (see below).{already}",
    "concerns.other": "Not yet: {count} things in it could hurt the conversation (see below).{already}",
    "already": " It already has {parts}.",
    "needs": "Not quite there yet.{already} It still needs {parts}.",
    "notQuite": "Not quite there yet. Read the notes below, then try again.",
    "and": "{items} and {last}",
    "tooShort": "Write a little more: a few words are hard to judge, and harder for your partner to "
                "feel heard by.",
    "alreadyThere": "Already there: {part} ({found}).",
    "problemInExercise": "This is a problem in the exercise, not in your answer.",
    "checkStopped": "This check could not finish, because your code stopped with an error while the "
                    "check was trying it out.",
    "checkBroken": "This check could not run ({error}).",
    "checksNotLoaded": "The checks could not be loaded ({error}).",
    "checksDescription": "The checks for this exercise.",
    "codeStopped": "Your code stopped with an error, so the checks could not run. {message}",
    "noChecks": "This exercise has no checks.",
    "passes.one": "The check passes. Well done!",
    "passes.other": "All {count} checks pass. Well done!",
    "failsOne": "The check does not pass yet. Read the note below, change your code and check again.",
    "someFail": "{passed} of {total} checks pass. Read the notes below, change your code and check again.",
    "input": "input() can't be used in these exercises, because there is no one to type an answer. "
             "Put the value straight into a variable instead, for example: name = \"Sam\".",
    "browserImport": "Exercises can't reach the web page or the browser, so \"import {module}\" is "
                     "switched off here. Everything these exercises need is plain Python.",
    "outputCut": "\n… output cut off after {count} characters.",
    "plain.RecursionError": "A function keeps calling itself and never stops. Check that it has a "
                            "case where it returns without calling itself again.",
    "plain.MemoryError": "Your code tried to use more memory than the browser can give it.",
    "plain.OverflowError": "A number in your code is too big to work with here, for example a "
                           "string repeated billions of times.",
    "nonBreakingSpace": "it has a non-breaking space, which often comes with code copied from a web "
                        "page. Replace it with an ordinary space",
    "invisibleCharacter": "it has an invisible character, which often comes with copied code. Delete "
                          "it, or type that part again",
    "cannotRead": "Python could not read {where}: {reason}.",
    "whereLine": "line {line}",
    "whereCode": "your code",
    "stoppedWithError": "Your code stopped with an error ({name}).",
    "exitCalled": "Your code called exit() or sys.exit(), which stops the program early. Remove that "
                  "call so the checks can run.",
    "interrupted": "Your code was stopped before it finished.",
    "onLine": "Line {line}: {error}",
    "tracebackTitle": "Traceback (your code only):",
    "tracebackLine": "  Line {line}",
    "tracebackLineIn": "  Line {line}, in {function}",
    "tracebackRepeated": "  [the line above repeated {count} more times]",
    "createVariable": "Create a variable called {name}.",
    "defineFunction": "Define a function called {name} (def {name}(...):).",
    "notFunction": "{name} should be a function, but it is a {type}.",
}

_words: dict[str, str] = dict(ENGLISH)
_language = "en"


def use(words: dict[str, str], language: str = "en") -> None:
    """Speak another language from now on: its catalog's `check.*` strings, prefix removed.
    A key it lacks keeps its English sentence."""
    global _language
    _words.clear()
    _words.update(ENGLISH)
    _words.update({k: v for k, v in words.items() if k in ENGLISH and isinstance(v, str)})
    _language = language


def use_json(text: str) -> bool:
    """use() for JavaScript callers: {"language": "fr", "words": {...}}. True when taken."""
    given = json.loads(text)
    use(given.get("words") or {}, given.get("language") or "en")
    return True


def say(key: str, **values: object) -> str:
    """The sentence for `key`, its {placeholders} filled in one pass."""
    return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0),
                           _words[key])


def say_count(key: str, count: int, **values: object) -> str:
    """`key.one` or `key.other`, as the language counts (French says "one" for 0 and 1)."""
    one = count in (0, 1) if _language == "fr" else count == 1
    return say(f"{key}.{'one' if one else 'other'}", count=number(count), **values)


def number(value: int) -> str:
    """A whole number as the language writes it: 20,000, 20 000, 20.000."""
    text = f"{value:,}"
    if _language == "fr":
        return text.replace(",", "\u202f")
    if _language in ("de", "es"):
        return text.replace(",", ".")
    return text


def joined(names: list[str]) -> str:
    """"a, b and c", as a sentence in the language lists them."""
    if len(names) == 1:
        return names[0]
    return say("and", items=", ".join(names[:-1]), last=names[-1])
