"""Broken authoring inputs, each built by the real `mkdocs build --strict`.

Every fault must stop the build with one message that names the file, the line where there is
one, and what to do, and never with a Python traceback. Each case breaks a small "drill" added
to a copy of the project (a page, a code exercise and a text exercise written here), so the
expected lines do not move when the course's own lessons and exercises are edited.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_build import broken_build, edit, project  # noqa: F401  (project is a fixture)

from conftest import build_site
from support.project import FIXTURE
from therapon.load import MAX_FILE_BYTES

Fault = Callable[[Path], None]
# The one case that breaks the fixture course's mkdocs.yml finds its line there, so editing it moves nothing.
TIMEOUT_LINE = next(number for number, line in enumerate((FIXTURE / "mkdocs.yml").read_text().splitlines(), 1)
                    if line.strip().startswith("timeout_seconds:"))

CODE = "exercises/drill-code"
TEXT = "exercises/drill-text"
RULES = "exercises/drill-rules"
PAGE = "docs/drill.md"
# The drill. Line numbers in the cases below refer to these texts.
DRILL: dict[str, str] = {
    PAGE: "# Drill\n\n```exercise\ndrill-code\n```\n\n```exercise\ndrill-text\n```\n",
    "docs/drill-rules.md": "# Rules\n\n```exercise\ndrill-rules\n```\n",
    f"{CODE}/exercise.toml": (
        'id = "drill-code"\n'
        'kind = "code"\n'
        'title = "Greet by name"\n'
        'prompt = "Write `greet(name)`."\n'
        'hints = ["Use an f-string."]\n'
    ),
    f"{CODE}/starter.py": 'def greet(name):\n    return "Hello"\n',
    f"{CODE}/solution.py": 'def greet(name):\n    return f"Hello, {name}!"\n',
    f"{CODE}/checks.py": (
        "def check_greets_by_name(learner):\n"
        '    """Greets the person by name."""\n'
        '    assert learner.call("greet", "Sam") == "Hello, Sam!", "Say hello to Sam."\n'
    ),
    f"{TEXT}/exercise.toml": (
        'id = "drill-text"\n'
        'kind = "text"\n'
        'title = "Name a feeling"\n'
        'checker = "checker.py"\n'
        "\n"
        "[[examples]]\n"
        'response = "I feel lonely when you are late."\n'
        "meets_goal = true\n"
        "\n"
        "[[examples]]\n"
        'response = "You are always late."\n'
        "meets_goal = false\n"
    ),
    f"{TEXT}/checker.py": (
        '"""Meets the goal when the response names a feeling."""\n'
        "\n"
        "from therapon_check.language import Feedback, feelings\n"
        "\n"
        "\n"
        "def check(response):\n"
        "    feedback = Feedback()\n"
        "    if feelings(response):\n"
        '        feedback.good("names-feeling", "You named a feeling.")\n'
        "    else:\n"
        '        feedback.tip("feeling-missing", "Name a feeling, such as lonely.")\n'
        "    return feedback.result(meets_goal=bool(feelings(response)))\n"
    ),
    f"{RULES}/exercise.toml": (
        'id = "drill-rules"\n'
        'kind = "text"\n'
        'title = "Say it softly"\n'
        "min_words = 2\n"
        "\n"
        "[[look_for]]\n"
        'id = "feeling"\n'
        'detect = "own-feeling"\n'
        'part = "a feeling"\n'
        'praise = "You named a feeling: {found}."\n'
        'tip = "Name a feeling."\n'
        "\n"
        "[[avoid]]\n"
        'id = "blame"\n'
        'detect = ["blame", "absolutes"]\n'
        'message = "{found} sounds like blame."\n'
        "\n"
        "[[examples]]\n"
        'response = "I feel lonely tonight."\n'
        "meets_goal = true\n"
        'triggers = ["feeling"]\n'
        "\n"
        "[[examples]]\n"
        'response = "You never call."\n'
        "meets_goal = false\n"
        'triggers = ["blame", "feeling-missing"]\n'
    ),
}
DRILL_NAV = "  - Drill: drill.md\n  - Rules: drill-rules.md\n"
ID_RULE = "must use only lower-case letters, digits and single hyphens"
# A message line of the build log: ours, MkDocs's own, or MkDocs's for an unreadable mkdocs.yml.
# "Error reading page '…':" only introduces the message that follows it, so it is not counted.
MESSAGE_LINE = re.compile(r"^(?:(?:ERROR|WARNING)\s+-\s+(?!\s|Error reading page)|Error: )", re.M)


# --- ways to break the drill -----------------------------------------------------------------

def write(name: str, content: str | bytes) -> Fault:
    """Replace (or create) a file with the given text or raw bytes."""

    def fault(root: Path) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return fault


def change(name: str, old: str, new: str) -> Fault:
    """Replace the first `old` in a file with `new`."""
    return lambda root: edit(root / name, old, new)


def before(name: str, text: str) -> Fault:
    """Put text at the top of a file, where front matter goes."""

    def fault(root: Path) -> None:
        path = root / name
        path.write_text(text + path.read_text(encoding="utf-8"), encoding="utf-8")

    return fault


def after(name: str, text: str) -> Fault:
    def fault(root: Path) -> None:
        with (root / name).open("a", encoding="utf-8") as file:
            file.write(text)

    return fault


def both(*faults: Fault) -> Fault:
    def fault(root: Path) -> None:
        for one in faults:
            one(root)

    return fault


def delete(name: str) -> Fault:
    return lambda root: (root / name).unlink()


def folder(name: str) -> Fault:
    return lambda root: (root / name).mkdir()


def latin1(name: str, line: int) -> Fault:
    """The file with its given line (1-based) ending in a Latin-1 "é", which is not UTF-8."""
    lines = DRILL[name].encode().splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].rstrip(b"\n") + b" # caf\xe9\n"
    return write(name, b"".join(lines))


def enormous(name: str) -> Fault:
    """A 5 MB file, far over the limit, that must be refused before it is even read."""
    return write(name, DRILL[name] + "#" * (5 * 1024 * 1024) + "\n")


# --- the matrix --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """One broken input: how to break the drill, where the message must point, what it says.

    `where` is the start of the message, "path:line: " (or "path: " when there is no line), so
    it also proves that no line is claimed where none exists. `says` are phrases of the
    problem and the fix. For messages that MkDocs writes itself, `where` is what it gives."""

    id: str
    fault: Fault
    where: str
    says: tuple[str, ...]


CASES = [
    # exercise.toml: syntax, required fields, types, kinds, keys
    Case("toml-invalid", change(f"{CODE}/exercise.toml", 'kind = "code"', "kind = code"),
         f"{CODE}/exercise.toml:2: ",
         ("not valid TOML (Invalid value)", 'text values look like title = "…"')),
    Case("toml-missing-title", change(f"{CODE}/exercise.toml", 'title = "Greet by name"\n', ""),
         f"{CODE}/exercise.toml: ", ("'title' is required.", 'Add a line such as title = "…".')),
    Case("toml-wrong-type", change(f"{CODE}/exercise.toml", '["Use an f-string."]', '"Use an f-string."'),
         f"{CODE}/exercise.toml:5: ", ("'hints' must be a list of strings, got a string.",
                                       'Write hints = ["…"].')),
    Case("toml-unknown-kind", change(f"{CODE}/exercise.toml", '"code"', '"quiz"'),
         f"{CODE}/exercise.toml:2: ", ("'kind' must be one of 'code', 'text', 'choice', 'reflection', "
                                       "got 'quiz'.",)),
    Case("toml-unknown-key", after(f"{CODE}/exercise.toml", 'hint = "Say hello."\n'),
         f"{CODE}/exercise.toml:6: ", ("unknown key 'hint'. Did you mean 'hints'?",
                                       "Known keys: id, kind, title")),
    Case("text-one-file", write("exercises/drill-note.toml", DRILL[f"{TEXT}/exercise.toml"].replace(
        "drill-text", "drill-note")), "exercises/drill-note.toml: ",
         ("a 'text' exercise needs its own folder", "Move this file to exercises/drill-note/exercise.toml.")),
    # ids
    Case("id-duplicate", write("exercises/drill-copy.toml",
                               'id = "drill-code"\nkind = "reflection"\ntitle = "Again"\n'),
         "exercises/drill-copy.toml:1: ", (f"the id 'drill-code' is already used by {CODE}/exercise.toml.",
                                           "Every exercise needs its own id.")),
    Case("id-path", change(f"{CODE}/exercise.toml", '"drill-code"', '"../x"'),
         f"{CODE}/exercise.toml:1: ", (f"'id' {ID_RULE}, got '../x'.", 'Write it as, for example, id = ')),
    Case("id-markup", change(f"{CODE}/exercise.toml", '"drill-code"', '"<script>"'),
         f"{CODE}/exercise.toml:1: ", (f"'id' {ID_RULE}, got '<script>'.",)),
    Case("id-space-and-capitals", change(f"{CODE}/exercise.toml", '"drill-code"', '"Drill code"'),
         f"{CODE}/exercise.toml:1: ", (f"'id' {ID_RULE}, got 'Drill code'.",)),
    # files: encoding, emptiness, size, presence
    Case("not-utf8-toml", latin1(f"{CODE}/exercise.toml", 3), f"{CODE}/exercise.toml:3: ",
         ("this file is not UTF-8 text. Save it as UTF-8.",)),
    Case("not-utf8-checker", latin1(f"{TEXT}/checker.py", 7), f"{TEXT}/checker.py:7: ",
         ("this file is not UTF-8 text. Save it as UTF-8.",)),
    Case("not-utf8-page", latin1(PAGE, 2), f"{PAGE}:2: ",
         ("this file is not UTF-8 text. Save it as UTF-8.",)),
    Case("empty-toml", write(f"{CODE}/exercise.toml", ""), f"{CODE}/exercise.toml: ",
         ("this file is empty. Write its content, or delete it.",)),
    Case("empty-checker", write(f"{TEXT}/checker.py", "\n"), f"{TEXT}/checker.py: ",
         ("this file is empty. Write its content, or delete it.",)),
    Case("enormous-checker", enormous(f"{TEXT}/checker.py"), f"{TEXT}/checker.py: ",
         (f"over the limit of {MAX_FILE_BYTES:,} bytes (256 KiB) for an exercise file.", "Shorten it")),
    Case("enormous-toml", enormous(f"{CODE}/exercise.toml"), f"{CODE}/exercise.toml: ",
         (f"over the limit of {MAX_FILE_BYTES:,} bytes",)),
    Case("empty-folder", folder("exercises/drill-empty"), "exercises/drill-empty: ",
         ("this exercise folder is incomplete: it is empty.", "Add exercise.toml", "or remove the folder.")),
    Case("missing-checks", delete(f"{CODE}/checks.py"), f"{CODE}/checks.py: ",
         ("missing: a 'code' exercise needs checks.py next to exercise.toml.",)),
    # Python files that do not compile
    Case("syntax-solution", change(f"{CODE}/solution.py", "greet(name):", "greet(name)"),
         f"{CODE}/solution.py:1: ", ("Python can't read this file: expected ':'.", "Fix the syntax")),
    Case("syntax-checks", change(f"{CODE}/checks.py", '"Sam") ==', '"Sam" =='),
         f"{CODE}/checks.py:3: ", ("Python can't read this file:", "Fix the syntax on that line.")),
    Case("syntax-checker", change(f"{TEXT}/checker.py", "if feelings(response):", "if feelings(response)"),
         f"{TEXT}/checker.py:8: ", ("Python can't read this file: expected ':'.",)),
    # what the build finds by running the exercise
    Case("checker-raises", change(f"{TEXT}/checker.py", "= Feedback()", "= Feedback(); 1 / 0"),
         f"{TEXT}/checker.py:7: ", ("on example 1 ('I feel lonely when you are late.'): The checker "
                                    "crashed (ZeroDivisionError: division by zero).", "Fix the checker.")),
    Case("checker-returns-text", change(f"{TEXT}/checker.py", "return feedback.result(",
                                        'return "Well done"  # ('),
         f"{TEXT}/checker.py:6: ", ("check(response) must return feedback.result(meets_goal=...); it "
                                    "returned str.", "Fix the checker.")),
    Case("checker-returns-nothing",
         change(f"{TEXT}/checker.py", "return feedback.result(", "feedback.result("),
         f"{TEXT}/checker.py:6: ", ("must return feedback.result(meets_goal=...); it returned NoneType.",)),
    Case("example-disagrees", change(f"{TEXT}/exercise.toml", "You are always late.", "I feel sad."),
         f"{TEXT}/exercise.toml:10: ", ("example 2 ('I feel sad.') should not meet the goal, but the "
                                        "checker says otherwise (it gave 'names-feeling').",
                                        "Fix the checker or the example.")),
    # a text exercise's rules
    Case("checker-not-named", change(f"{TEXT}/exercise.toml", 'checker = "checker.py"\n', ""),
         f"{TEXT}/exercise.toml:3: ", ("this text exercise has no rules and no checker.",
                                       "There is a checker.py beside it: add the line "
                                       'checker = "checker.py".')),
    Case("checker-named-but-missing", change(f"{TEXT}/exercise.toml", '"checker.py"', '"checks.py"'),
         f"{TEXT}/exercise.toml:4: ", ("'checker' names checks.py, which is not in exercises/drill-text.",
                                       "Add the file, or remove the line.")),
    Case("rule-unknown-detector", change(f"{RULES}/exercise.toml", '"own-feeling"', '"own-feelings"'),
         f"{RULES}/exercise.toml:6: ", ("'look_for' entry 1: 'detect' names the detector 'own-feelings', "
                                        "which does not exist. Did you mean 'own-feeling'?",)),
    Case("rule-unknown-placeholder",
         change(f"{RULES}/exercise.toml", "feeling: {found}", "feeling: {feeling}"),
         f"{RULES}/exercise.toml:6: ", ("'praise' uses {feeling}, which is not a placeholder. The only one "
                                        "is {found}",)),
    Case("rule-finds-nothing", change(f"{RULES}/exercise.toml", 'detect = ["blame", "absolutes"]\n', ""),
         f"{RULES}/exercise.toml:13: ", ("the rule 'blame' finds nothing: give it detect = ",)),
    Case("rule-trigger-unknown", change(f"{RULES}/exercise.toml", '["feeling"]', '["feelings"]'),
         f"{RULES}/exercise.toml:18: ", ("example 1 triggers 'feelings', but no rule gives that id. "
                                         "Did you mean 'feeling'?",)),
    Case("rule-not-exercised",
         after(f"{RULES}/exercise.toml", '\n[[avoid]]\nid = "sarcasm"\ndetect = "sarcasm"\n'
               'message = "{found} is sarcasm."\n'),
         f"{RULES}/exercise.toml:28: ", ("no example exercises the rule 'sarcasm'. Add an example whose "
                                         'reply it catches (with triggers = ["sarcasm"])',)),
    Case("examples-one-verdict", change(f"{TEXT}/exercise.toml", "meets_goal = false", "meets_goal = true"),
         f"{TEXT}/exercise.toml: ", ("add at least one example with meets_goal = true and one with "
                                     "meets_goal = false",)),
    Case("solution-fails", change(f"{CODE}/solution.py", "Hello, {name}", "Hi, {name}"),
         f"{CODE}/solution.py: ", ("the reference solution fails the check check_greets_by_name "
                                   "(Say hello to Sam.).", "Fix the solution or the check.")),
    Case("solution-raises", change(f"{CODE}/solution.py", 'f"Hello, {name}!"', 'f"Hello, {name}!" + 1'),
         f"{CODE}/solution.py:2: ", ("the reference solution fails the check check_greets_by_name "
                                     "(Line 2: TypeError:",)),
    Case("starter-passes", write(f"{CODE}/starter.py", DRILL[f"{CODE}/solution.py"]),
         f"{CODE}/starter.py: ", ("the starter code already passes every check", "Leave part of the task "
                                  "undone in the starter, or add a check that it misses.")),
    Case("checks-none", change(f"{CODE}/checks.py", "def check_", "def "), f"{CODE}/checks.py: ",
         ("this file defines no checks.", "Add functions named check_something(learner)")),
    Case("check-raises", change(f"{CODE}/checks.py", '== "Hello, Sam!"', "== greeting"),
         f"{CODE}/checks.py:1: ", ("check_greets_by_name is broken: This check could not run (NameError: "
                                   "name 'greeting' is not defined).", "Fix the check.")),
    # lessons: fences, front matter, links
    Case("fence-unknown-id", change(PAGE, "drill-text\n", "drill-txt\n"), f"{PAGE}:7: ",
         ("the exercise fence names 'drill-txt', but no exercise has that id.",
          "Known ids close to it: 'drill-text'")),
    Case("fence-without-id", change(PAGE, "drill-text\n", "\n"), f"{PAGE}:7: ",
         ("this exercise fence has no id.", "Put the exercise's id alone on the line inside the fence")),
    Case("fence-placed-twice", after(PAGE, "\n```exercise\ndrill-code\n```\n"), f"{PAGE}:11: ",
         (f"the exercise 'drill-code' is already placed at {PAGE}:3.", "make a copy with a new id.")),
    Case("fence-below-front-matter", both(before(PAGE, "---\ntitle: Drill\n---\n\n"),
                                          change(PAGE, "drill-text\n", "\n")),
         f"{PAGE}:11: ", ("this exercise fence has no id.",)),  # MkDocs strips 4 lines before line 7
    Case("front-matter-open-quote", before(PAGE, '---\ntitle: "Drill\nhide: [toc]\n---\n'), f"{PAGE}:2: ",
         ("the front matter at the top of this page is not valid YAML (found unexpected end of stream, "
          "in the quoted text that starts on this line).", "remove the --- lines.")),
    Case("front-matter-colon", before(PAGE, "---\ntitle: Drill: names\n---\n"), f"{PAGE}:2: ",
         ("not valid YAML (mapping values are not allowed here)",
          "put quotes around values that hold a colon")),
    Case("front-matter-unknown-template",
         before(PAGE, "---\ntitle: Drill\ntemplate: lesson-wide.html\n---\n"),
         f"{PAGE}:3: ", ("asks for the template 'lesson-wide.html', which the theme does not have.",
                         "Remove the `template:` line, or name one of: ", "main.html")),
    Case("front-matter-optional-not-true-or-false", before(PAGE, "---\ntitle: Drill\noptional: maybe\n---\n"),
         f"{PAGE}:3: ", ("`optional:` in the front matter must be true or false, got 'maybe'.",
                         "Write `optional: true` on a page a learner may skip")),
    Case("answers-unknown-id", after(PAGE, "\n```answers\ndrill-text\ndrill-txt\n```\n"), f"{PAGE}:13: ",
         ("the answers fence names 'drill-txt', but no exercise has that id.",
          "Known ids close to it: 'drill-text'")),
    Case("answers-without-words", after(PAGE, "\n```answers\n# what we wrote\ndrill-code\n```\n"),
         f"{PAGE}:13: ", ("'drill-code' is a code exercise, which has no words to gather.",
                          "List reflection or text exercises.")),
    Case("page-with-exercises-not-in-nav", change("mkdocs.yml", "  - Drill: drill.md\n", ""), f"{PAGE}:3: ",
         ("this page places exercises ('drill-code', 'drill-text') but is not in nav",
          "Add it to nav in mkdocs.yml, for example `- Drill: drill.md`.")),
    Case("front-matter-key-one-letter-off", before(PAGE, "---\ntitle: Drill\noptinal: true\n---\n"),
         f"{PAGE}:3: ", ("unknown front matter key 'optinal', which nothing reads.",
                         "Did you mean 'optional'? Rename it to `optional:`")),
    Case("link-to-missing-page", after(PAGE, "\nSee [the basics](basics.md).\n"),
         "Doc file 'drill.md' contains a link 'basics.md', ", ("but the target is not found",)),
    # mkdocs.yml
    Case("settings-wrong-type", change("mkdocs.yml", "timeout_seconds: 5", "timeout_seconds: fast"),
         f"mkdocs.yml:{TIMEOUT_LINE}: in extra.therapon, ",
         ("'timeout_seconds' must be a number of seconds from 1 to 120, got 'fast'.",)),
    Case("mkdocs-yml-invalid", after("mkdocs.yml", "extra_css: [\n"),
         'mkdocs.yml", line ', ("error parsing the configuration file",)),
]


@pytest.fixture
def drill(project: Path) -> Path:  # noqa: F811  (the imported fixture, requested by name)
    """The project copy with the drill pages and their exercises added, and listed in nav."""
    for name, text in DRILL.items():
        write(name, text)(project)
    after("mkdocs.yml", DRILL_NAV)(project)  # nav is the last table of mkdocs.yml
    return project


def test_the_drill_builds_when_nothing_is_broken(drill: Path) -> None:
    """The control: every failure below comes from its fault, not from the drill. A byte-order
    mark, which some Windows editors add, is not a fault."""
    write(f"{CODE}/exercise.toml", "\ufeff" + DRILL[f"{CODE}/exercise.toml"])(drill)
    result = build_site(drill / "site", "http://127.0.0.1:8000/", cwd=drill)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'data-exercise="drill-code"' in (drill / "site/drill/index.html").read_text()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_broken_input_stops_the_build_with_one_clear_message(drill: Path, case: Case) -> None:
    case.fault(drill)
    output = broken_build(drill)  # a non-zero exit, and no traceback
    messages = MESSAGE_LINE.findall(output)
    assert len(messages) == 1, output
    assert case.where in output, output
    for phrase in case.says:
        assert phrase in output, f"{phrase!r} missing from:\n{output}"
