"""What went wrong in learner code, in plain words: tracebacks that keep only the learner's own
frames (so line numbers match what they typed), and a sentence for the errors that puzzle
beginners. Every message is cut to a length the page can show.
"""

from __future__ import annotations

import traceback
from typing import Any

from .isolation import LEARNER_FILENAME, BrowserNotAvailable, InputNotAvailable
from .words import say

MESSAGE_LIMIT = 1_000
# Errors whose Python wording puzzles beginners get a sentence in plain words (words.py: plain.*).
PLAIN_WORDS = ("RecursionError", "MemoryError", "OverflowError")
REPEAT_LIMIT = 3


def shorten(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """A message no longer than limit characters, so one huge value can't flood the page."""
    return text if len(text) <= limit else text[:limit] + " …"


def exception_text(exc: BaseException) -> str:
    """ "Name: message", or just the name when the message is empty or can't be shown (a
    learner's exception may have a __str__ that fails)."""
    name = type(exc).__name__
    try:
        text = str(exc)
    except Exception:
        text = ""
    return shorten(f"{name}: {text}") if text else name


def describe_syntax_error(exc: BaseException) -> dict[str, Any]:
    """Why Python could not read the learner's code at all, by line when it knows the line."""
    line = getattr(exc, "lineno", None)
    reason = shorten(str(getattr(exc, "msg", "") or exc)).rstrip(".")
    if "U+00A0" in reason:
        reason = say("nonBreakingSpace")
    elif "null bytes" in reason or "non-printable character" in reason:
        reason = say("invisibleCharacter")
    where = say("whereLine", line=line) if isinstance(line, int) else say("whereCode")
    return {
        "type": "SyntaxError",
        "line": line if isinstance(line, int) else None,
        "message": say("cannotRead", where=where, reason=reason),
        "traceback": "".join(traceback.format_exception_only(exc)),
    }


def describe_exception(exc: BaseException, source: str) -> dict[str, Any]:
    """Turn an exception into a plain-language error that points at the learner's lines."""
    try:
        return _describe(exc, source)
    except Exception:  # a learner's exception so strange that even describing it fails
        return {"type": type(exc).__name__, "line": None, "traceback": "",
                "message": say("stoppedWithError", name=type(exc).__name__)}


def _describe(exc: BaseException, source: str) -> dict[str, Any]:
    if isinstance(exc, SyntaxError) and exc.filename == LEARNER_FILENAME:
        return describe_syntax_error(exc)
    for stop, words in ((SystemExit, "exitCalled"), (KeyboardInterrupt, "interrupted")):
        if isinstance(exc, stop):  # the code stopped itself: no traceback, only what it means
            return {"type": stop.__name__, "line": _last_learner_line(exc), "message": say(words),
                    "traceback": ""}
    line = _last_learner_line(exc)
    name = type(exc).__name__
    if isinstance(exc, InputNotAvailable | BrowserNotAvailable):
        message = str(exc)
    elif line is None:
        message = exception_text(exc)
    else:
        message = say("onLine", line=line, error=exception_text(exc))
    if name in PLAIN_WORDS:
        message = message.rstrip(".") + f". {say('plain.' + name)}"
    return {
        "type": name,
        "line": line,
        "message": message,
        "traceback": _learner_traceback(exc, source),
    }


def _learner_frames(exc: BaseException) -> list[traceback.FrameSummary]:
    return [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == LEARNER_FILENAME]


def _last_learner_line(exc: BaseException) -> int | None:
    frames = _learner_frames(exc)
    return frames[-1].lineno if frames else None


def _learner_traceback(exc: BaseException, source: str) -> str:
    lines = source.splitlines()
    out = [say("tracebackTitle")]
    previous, repeats = None, 0
    for frame in _learner_frames(exc):
        if (frame.lineno, frame.name) == previous:
            repeats += 1
            if repeats >= REPEAT_LIMIT:
                continue
        else:
            _note_repeats(out, repeats)
            previous, repeats = (frame.lineno, frame.name), 0
        out.append(say("tracebackLine", line=frame.lineno) if frame.name == "<module>"
                   else say("tracebackLineIn", line=frame.lineno, function=frame.name))
        if frame.lineno and 0 < frame.lineno <= len(lines):
            out.append(f"    {lines[frame.lineno - 1].strip()}")
    _note_repeats(out, repeats)
    out.extend(line.rstrip("\n") for line in traceback.format_exception_only(exc))
    return "\n".join(out)


def _note_repeats(out: list[str], repeats: int) -> None:
    """Say how often a frame repeated, as Python does, instead of a thousand copies."""
    if repeats >= REPEAT_LIMIT:
        out.append(say("tracebackRepeated", count=repeats - REPEAT_LIMIT + 1))
