"""The `text` kind: written practice, such as rephrasing a complaint, judged in the learner's
browser by the exercise's rules (kinds/rules.py) and, where a rule cannot say it, by a checker
of the author's own (`checker = "checker.py"`).

Each exercise carries example replies with the verdict they must get; the build judges every
one, proves that every trigger names a rule and that every rule is exercised by an example, so
an author knows the feedback is right before it ships."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import Any

from ..catalog import Catalog
from ..contract import ACTION, ATTR
from ..errors import AuthoringError, line_of
from ..locate import key_line, table_line
from ..markup import escape
from ..model import Exercise
from ..options import REQUIRED, Field, boolean, list_of_strings, non_empty_string, string, table_list
from ..verdicts import Verdicts
from ..verify import Job, is_timeout, text_job
from . import parts
from . import rules as written_rules

NAME = "text"
FILES: dict[str, str] = {}
FILE_FIELDS = ("checker",)  # fields that name a Python file beside exercise.toml
FOLDER_FOR = "its corpus.jsonl (and a checker, if it has one)"  # why it is a folder, not one file
EXAMPLE_FIELDS = {
    "response": Field(REQUIRED, non_empty_string),
    "meets_goal": Field(REQUIRED, boolean),
    "triggers": Field((), list_of_strings),
}
FIELDS = {
    "label": Field("", non_empty_string),  # none: the catalog's "Your answer"
    "sample_answer": Field("", string),
    "checker": Field("", string),
    **written_rules.FIELDS,
    "examples": Field(REQUIRED, table_list(EXAMPLE_FIELDS, minimum=2)),
}


def quoted(text: str, limit: int = 48) -> str:
    short = " ".join(text.split())
    return repr(short if len(short) <= limit else short[: limit - 1] + "…")


def example_errors(name: str, line_of_case: Callable[[], int | None], example: dict[str, Any],
                   verdict: dict[str, Any], shown: dict[str, Path], checker: str) -> list[AuthoringError]:
    """What is wrong with one example's verdict; `name` says which example, for the author."""
    judge, says, gave_word = ("the checker", "says", "it") if checker else ("the rules", "say", "they")
    if "timeout" in verdict:
        return [AuthoringError(shown.get("checker", shown["metadata"]), f"{judge} did not finish on {name} "
                               f"({verdict['timeout']}). Look for an endless loop, or a call to exit().")]
    if verdict["broken"]:
        # A crash has its own line; a wrong return value is found from `def check(` down.
        return [AuthoringError(shown["checker"], f"on {name}: "
                               f"{verdict['summary'].split(' This is a problem')[0]} Fix the checker.",
                               verdict["line"] or line_of(checker, "def check("))]
    errors = []
    gave = ", ".join(repr(i["id"]) for i in verdict["items"]) or "no notes"
    if verdict["meets_goal"] != example["meets_goal"]:
        expected = "meet the goal" if example["meets_goal"] else "not meet the goal"
        errors.append(AuthoringError(shown["metadata"], f"{name} should {expected}, but {judge} {says} "
                                     f"otherwise ({gave_word} gave {gave}). Fix {judge} or the example.",
                                     line_of_case()))
    missing = [t for t in example["triggers"] if t not in {i["id"] for i in verdict["items"]}]
    if missing:
        errors.append(AuthoringError(shown["metadata"], f"{name} should trigger "
                                     f"{', '.join(map(repr, missing))}, but {judge} gave {gave}. "
                                     f"Fix {judge} or the example.", line_of_case()))
    return errors


def rule_errors(exercise: Exercise, shown: dict[str, Path]) -> list[AuthoringError]:
    """Rules that cannot work, and examples whose triggers name no rule (with its fix)."""
    text = partial(exercise.metadata_path.read_text, encoding="utf-8")  # read for an error only
    where = shown["metadata"]
    errors = [AuthoringError(where, sentence, table_line(text(), table, number))
              for table, number, sentence in written_rules.problems(exercise)]
    if not exercise.fields["look_for"] and not exercise.fields["avoid"] and "checker" not in exercise.files:
        beside = " There is a checker.py beside it: add the line checker = \"checker.py\"." \
            if (exercise.folder / "checker.py").is_file() else ""
        errors.append(AuthoringError(where, "this text exercise has no rules and no checker. Add "
                                     "[[look_for]] and [[avoid]] rules (see AUTHORING.md), or name a "
                                     f'checker: checker = "checker.py".{beside}', key_line(text(), "title")))
        return errors
    if "checker" in exercise.files:
        return errors  # a checker may give ids of its own
    known = written_rules.known_ids(exercise)
    for number, example in enumerate(exercise.fields["examples"], start=1):
        for trigger in example["triggers"]:
            if trigger not in known:
                close = difflib.get_close_matches(trigger, sorted(known), n=1)
                hint = (f" Did you mean '{close[0]}'?" if close
                        else f" The ids are: {', '.join(sorted(known))}.")
                errors.append(AuthoringError(where, f"example {number} triggers '{trigger}', but no rule "
                                             f"gives that id.{hint}", table_line(text(), "examples", number)))
    return errors


def coverage_errors(exercise: Exercise, shown: dict[str, Path],
                    given: list[set[str]]) -> list[AuthoringError]:
    """Every rule must be exercised by an example, so the build proves it finds what it should.
    `given` holds the item ids each example's verdict gave."""
    text = partial(exercise.metadata_path.read_text, encoding="utf-8")  # read for an error only
    errors = []
    for table, what in (("look_for", "finds"), ("avoid", "catches")):
        for number, rule in enumerate(exercise.fields[table], start=1):
            if not any(rule["id"] in ids for ids in given):
                errors.append(AuthoringError(
                    shown["metadata"], f"no example exercises the rule '{rule['id']}'. Add an example whose "
                    f"reply it {what} (with triggers = [\"{rule['id']}\"]), so the build can prove it works.",
                    table_line(text(), table, number)))
    return errors


def replies(exercise: Exercise) -> list[dict[str, Any]]:
    """Each example, then the sample answer (which must meet the goal), in the order judged."""
    sample = exercise.fields["sample_answer"]
    found = list(exercise.fields["examples"])
    if sample.strip():
        found.append({"response": sample, "meets_goal": True, "triggers": ()})
    return found


def cases(exercise: Exercise) -> list[tuple[str, Callable[[], int | None], dict[str, Any]]]:
    """Each reply as (name for the author, its line, found only for an error, the reply): on
    600 exercises, finding every line took a tenth of the time the build's verification has."""
    examples = len(exercise.fields["examples"])
    text = cache(partial(exercise.metadata_path.read_text, encoding="utf-8"))

    def line_in_file(number: int) -> int | None:
        if number > examples:
            return key_line(text(), "sample_answer")
        return table_line(text(), "examples", number)

    return [(f"example {n} ({quoted(e['response'])})" if n <= examples
             else f"the sample_answer ({quoted(e['response'])})", partial(line_in_file, n), e)
            for n, e in enumerate(replies(exercise), start=1)]


def checker_source(exercise: Exercise) -> str:
    return exercise.files["checker"].text if "checker" in exercise.files else ""


def jobs(exercise: Exercise) -> list[Job]:
    """Every example and the sample answer, judged, in the order verify() reads them."""
    rules, checker = written_rules.rules_of(exercise), checker_source(exercise)
    return [text_job(rules, checker, reply["response"]) for reply in replies(exercise)]


def verify(exercise: Exercise, shown: dict[str, Path], verdicts: Verdicts) -> list[AuthoringError]:
    """Every example gets the verdict it declares; there is at least one of each verdict."""
    if {e["meets_goal"] for e in exercise.fields["examples"]} != {True, False}:
        return [AuthoringError(shown["metadata"], "add at least one example with meets_goal = true "
                               "and one with meets_goal = false, so both verdicts are tested.")]
    errors = rule_errors(exercise, shown)
    if errors:
        return errors
    checker = checker_source(exercise)
    given: list[set[str]] = []
    for (name, line_of_case, example), job in zip(cases(exercise), jobs(exercise), strict=True):
        verdict = verdicts.get(job)
        errors.extend(example_errors(name, line_of_case, example, verdict, shown, checker))
        if is_timeout(verdict) or verdict["broken"]:
            return errors  # a broken checker fails every example alike: one message is enough
        given.append({i["id"] for i in verdict["items"]})
    return errors + coverage_errors(exercise, shown, given)


def page_data(exercise: Exercise) -> dict[str, Any]:
    return {"rules": written_rules.rules_of(exercise), "checker": checker_source(exercise),
            **parts.reveal_data(exercise)}


def render_body(exercise: Exercise, uid: str, words: Catalog) -> str:
    sample = exercise.fields["sample_answer"].strip()
    show_sample = bool(sample) and exercise.shows_solution
    quote = f"<blockquote><p>{escape(sample)}</p></blockquote>"
    solution = parts.solution(words("page.text.solution"), quote) if show_sample else ""
    label = exercise.fields["label"] or words("page.text.label")
    return (
        f"{parts.prompt(exercise)}"
        f'<label class="therapon-label" for="{uid}-response">{escape(label)}</label>'
        f'<p class="therapon-help" data-search-exclude id="{uid}-response-help">'
        f'{escape(words("page.text.help"))}</p>'
        f'<textarea id="{uid}-response" class="therapon-text" {ATTR.response} rows="4" '
        f'aria-describedby="{uid}-response-help"></textarea>'
        '<div class="therapon-actions" data-search-exclude>'
        f'{parts.button(ACTION.check, words("page.check"), primary=True)}{parts.hint_button(exercise, words)}'
        f'{parts.button(ACTION.solution, words("exercise.showSolution"), hidden=True) if show_sample else ""}'
        f'{parts.button(ACTION.reset, words("page.reset"))}</div>'
        f'{parts.reset_confirmation(words("page.text.resetQuestion"), words)}'
        f"{parts.loading(words)}{parts.feedback()}{parts.hints(exercise, words)}{solution}"
    )
