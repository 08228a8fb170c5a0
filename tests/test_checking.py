"""therapon_check: running learner code and checking it, in plain words with the learner's lines."""

from __future__ import annotations

import io
import json
import sys

import pytest

from therapon_check import LEARNER_FILENAME, Learner, check, check_json, run_code, run_json
from therapon_check.isolation import OUTPUT_LIMIT

INPUT_MESSAGE = (
    "input() can't be used in these exercises, because there is no one to type an answer. "
    'Put the value straight into a variable instead, for example: name = "Sam".'
)
EXIT_MESSAGE = ("Your code called exit() or sys.exit(), which stops the program early. "
                "Remove that call so the checks can run.")

CHECKS = '''\
def check_returns_a_number(learner):
    """Returns a number."""
    assert isinstance(learner.call("double", 2), int), "double should return a number."


def check_doubles(learner):
    """Doubles the number it is given."""
    result = learner.call("double", 3)
    assert result == 6, f"double(3) should be 6, not {result!r}."


def check_handles_zero(learner):
    assert learner.call("double", 0) == 0, "double(0) should be 0."
'''


# --- run_code ---------------------------------------------------------------------------------

def test_run_captures_stdout_and_stderr_separately():
    outcome = run_code('import sys\nprint("to out")\nprint("to err", file=sys.stderr)\n')
    assert (outcome.stdout, outcome.stderr, outcome.error) == ("to out\n", "to err\n", None)


def test_run_does_not_print_to_the_real_streams(capsys):
    run_code('import sys\nprint("hidden")\nprint("hidden too", file=sys.stderr)\n')
    assert capsys.readouterr() == ("", "")


def test_each_run_gets_a_fresh_namespace():
    first = run_code("secret = 42\n")
    assert first.namespace["secret"] == 42
    second = run_code("print(secret)\n")
    assert "secret" not in second.namespace
    assert second.error["type"] == "NameError"
    assert second.error["message"] == "Line 1: NameError: name 'secret' is not defined"


def test_learner_code_runs_as_main():
    assert run_code('if __name__ == "__main__":\n    print("main")\n').stdout == "main\n"


def test_runtime_error_traceback_shows_only_the_learners_lines():
    source = "def half(n):\n    return n / 0\n\n\nresult = half(4)\n"
    error = run_code(source).error
    assert error["type"] == "ZeroDivisionError"
    assert error["line"] == 2
    assert error["message"] == "Line 2: ZeroDivisionError: division by zero"
    assert error["traceback"] == (
        "Traceback (your code only):\n"
        "  Line 5\n"
        "    result = half(4)\n"
        "  Line 2, in half\n"
        "    return n / 0\n"
        "ZeroDivisionError: division by zero"
    )
    for internal in ("sandbox", "therapon_check", 'File "', "exec("):
        assert internal not in error["traceback"]


def test_input_explains_itself_instead_of_waiting():
    error = run_code('print("Hi")\nname = input("Your name? ")\n').error
    assert error["type"] == "InputNotAvailable"
    assert error["line"] == 2
    assert error["message"] == INPUT_MESSAGE
    assert error["traceback"].splitlines() == [
        "Traceback (your code only):",
        "  Line 2",
        '    name = input("Your name? ")',
        f"InputNotAvailable: {INPUT_MESSAGE}",
    ]


@pytest.mark.parametrize(("source", "line"), [
    ("import sys\nsys.exit()\n", 2),
    ("import sys\n\nsys.exit(3)\n", 3),
    ("print(1)\nexit()\n", 2),
    ("quit()\n", 1),
    ("raise SystemExit\n", 1),
], ids=["sys.exit()", "sys.exit(3)", "exit()", "quit()", "raise-SystemExit"])
def test_exit_gives_the_systemexit_message(source, line, monkeypatch):
    host_stdin = io.StringIO("")
    monkeypatch.setattr(sys, "stdin", host_stdin)
    error = run_code(source).error
    assert (error["type"], error["line"], error["message"]) == ("SystemExit", line, EXIT_MESSAGE)
    assert not host_stdin.closed, "the learner's exit() must not close the build's stdin"


@pytest.mark.parametrize(("source", "line", "reason", "python_name"), [
    ("x = 1\nif x > 0\n    print(x)\n", 2, "expected ':'", "SyntaxError"),
    ("numbers = [1, 2,\n", 1, "'[' was never closed", "SyntaxError"),
    ("print('a')\n  print('b')\n", 2, "unexpected indent", "IndentationError"),
], ids=["missing-colon", "unclosed-bracket", "bad-indent"])
def test_syntax_error_gives_the_line(source, line, reason, python_name):
    outcome = run_code(source)
    assert outcome.stdout == ""  # nothing ran
    error = outcome.error
    assert (error["type"], error["line"]) == ("SyntaxError", line)
    assert error["message"] == f"Python could not read line {line}: {reason}."
    assert error["traceback"].endswith(f"{python_name}: {reason}\n")
    assert LEARNER_FILENAME in error["traceback"]


def test_huge_output_is_cut_off_with_a_note():
    outcome = run_code('for i in range(10_000):\n    print("0123456789")\n')
    note = f"\n… output cut off after {OUTPUT_LIMIT:,} characters."
    assert outcome.stdout.endswith(note)
    assert len(outcome.stdout) == OUTPUT_LIMIT + len(note)
    assert outcome.stdout.startswith("0123456789\n0123456789\n")
    assert outcome.error is None


def test_one_huge_write_is_cut_off_too():
    outcome = run_code(f'print("x" * {OUTPUT_LIMIT * 3})\n')
    note = f"\n… output cut off after {OUTPUT_LIMIT:,} characters."
    assert outcome.stdout == "x" * OUTPUT_LIMIT + note


def test_output_at_the_limit_is_not_marked_as_cut():
    outcome = run_code(f'print("x" * {OUTPUT_LIMIT - 1})\n')
    assert outcome.stdout == "x" * (OUTPUT_LIMIT - 1) + "\n"


def test_output_before_an_error_is_kept():
    outcome = run_code('print("first")\n1 / 0\n')
    assert outcome.stdout == "first\n"
    assert outcome.error["line"] == 2


# --- check ------------------------------------------------------------------------------------

def test_check_returns_results_in_definition_order_with_descriptions():
    result = check("def double(n):\n    return n * 2\n", CHECKS)
    assert [(c["name"], c["description"], c["passed"], c["broken"], c["stopped"], c["message"])
            for c in result["checks"]] == [
        ("check_returns_a_number", "Returns a number.", True, False, False, ""),
        ("check_doubles", "Doubles the number it is given.", True, False, False, ""),
        ("check_handles_zero", "Handles zero.", True, False, False, ""),  # from the name
    ]
    assert result["passed"] is True
    assert result["summary"] == "All 3 checks pass. Well done!"
    assert result["error"] is None


def test_failed_check_carries_its_assertion_message():
    result = check("def double(n):\n    return n + 2\n", CHECKS)
    assert [(c["name"], c["passed"], c["message"]) for c in result["checks"]] == [
        ("check_returns_a_number", True, ""),
        ("check_doubles", False, "double(3) should be 6, not 5."),
        ("check_handles_zero", False, "double(0) should be 0."),
    ]
    assert result["passed"] is False
    assert result["summary"] == ("1 of 3 checks pass. Read the notes below, change your code "
                                 "and check again.")


def test_assertion_without_message_uses_the_description():
    checks = 'def check_positive(learner):\n    """Gives a positive number."""\n' \
             '    assert learner.variable("n") > 0\n'
    result = check("n = -1\n", checks)
    assert result["checks"][0]["message"] == "Gives a positive number."


def test_learner_function_raising_inside_a_check_is_reported_with_the_learners_line():
    source = "def double(n):\n    total = n * 2\n    return total / (n - 3)\n"
    result = check(source, CHECKS)
    doubles = result["checks"][1]
    assert doubles["name"] == "check_doubles"
    assert (doubles["passed"], doubles["broken"]) == (False, False)
    assert (doubles["passed"], doubles["broken"], doubles["stopped"]) == (False, False, True)
    assert doubles["message"] == "Line 3: ZeroDivisionError: division by zero"


def test_broken_check_is_marked_broken_and_the_rest_still_run():
    checks = CHECKS.replace('learner.call("double", 3)', 'learner.call("double", 3) + undefined')
    result = check("def double(n):\n    return n * 2\n", checks)
    assert [(c["name"], c["passed"], c["broken"]) for c in result["checks"]] == [
        ("check_returns_a_number", True, False),
        ("check_doubles", False, True),
        ("check_handles_zero", True, False),
    ]
    assert result["checks"][1]["message"] == (
        "This check could not run (NameError: name 'undefined' is not defined). "
        "This is a problem in the exercise, not in your answer.")
    assert result["passed"] is False


def test_checks_that_cannot_load_are_one_broken_result():
    result = check("x = 1\n", "def check_x(learner):\n    pass\n\nraise RuntimeError('oops')\n")
    assert result["checks"] == [{
        "name": "checks", "description": "The checks for this exercise.", "passed": False,
        "broken": True, "stopped": False,
        "message": "The checks could not be loaded (RuntimeError: oops).",
    }]
    assert result["passed"] is False


def test_missing_function_and_variable_tell_the_learner_what_to_write():
    checks = ('def check_function(learner):\n    learner.call("double", 1)\n\n'
              'def check_variable(learner):\n    learner.variable("total")\n\n'
              'def check_callable(learner):\n    learner.call("name", 1)\n')
    result = check('name = "Sam"\n', checks)
    assert [c["message"] for c in result["checks"]] == [
        "Define a function called double (def double(...):).",
        "Create a variable called total.",
        "name should be a function, but it is a str.",
    ]


def test_learner_error_stops_the_checks_with_its_message():
    result = check("def double(n):\n    return n * 2\n\ndouble(None)\n", CHECKS)
    assert result["checks"] == []
    assert result["passed"] is False
    assert result["error"]["line"] == 2
    assert result["summary"] == (
        "Your code stopped with an error, so the checks could not run. "
        "Line 2: TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'")


def test_checks_see_what_the_learner_printed():
    checks = 'def check_greeting(learner):\n    assert "Hello" in learner.stdout, "Print Hello."\n'
    assert check('print("Hello, Sam")\n', checks)["passed"] is True
    assert check('print("Hi")\n', checks)["checks"][0]["message"] == "Print Hello."


ONE_CHECK = 'def check_six(learner):\n    """Sets six to 6."""\n' \
            '    assert learner.variable("six") == 6, "Set six to 6."\n'
TWO_CHECKS = ONE_CHECK + '\n\ndef check_seven(learner):\n    """Sets seven to 7."""\n' \
                         '    assert learner.variable("seven") == 7, "Set seven to 7."\n'


@pytest.mark.parametrize(("source", "checks", "summary"), [
    ("six = 6\n", ONE_CHECK, "The check passes. Well done!"),
    ("six = 5\n", ONE_CHECK,
     "The check does not pass yet. Read the note below, change your code and check again."),
    ("six = 6\nseven = 7\n", TWO_CHECKS, "All 2 checks pass. Well done!"),
    ("six = 6\nseven = 8\n", TWO_CHECKS,
     "1 of 2 checks pass. Read the notes below, change your code and check again."),
    ("six = 5\nseven = 8\n", TWO_CHECKS,
     "0 of 2 checks pass. Read the notes below, change your code and check again."),
    ("six = 6\n", "# no checks yet\n", "This exercise has no checks."),
], ids=["one-passes", "one-fails", "all-pass", "some-pass", "none-pass", "no-checks"])
def test_summary_wording_for_one_and_many_checks(source, checks, summary):
    result = check(source, checks)
    assert result["summary"] == summary
    assert result["passed"] is summary.endswith("Well done!")


def test_checks_file_without_checks_never_passes():
    """"No checks" is its own verdict: nothing was checked, so nothing can have passed, even
    when the learner's code runs cleanly (the build refuses such an exercise; see test_verify)."""
    result = check("six = 6\n", "def helper(learner):\n    return True\n\nNOT_A_CHECK = 1\n")
    assert (result["passed"], result["checks"], result["error"]) == (False, [], None)
    assert result["summary"] == "This exercise has no checks."


def test_learner_view_of_a_run():
    outcome = run_code('def f():\n    return 1\n\nprint("out")\n')
    learner = Learner("src", outcome)
    assert (learner.source, learner.stdout, learner.stderr) == ("src", "out\n", "")
    assert learner.has("f") and not learner.has("g")
    assert learner.call("f") == 1


# --- JSON entry points for the browser --------------------------------------------------------

@pytest.mark.parametrize("source", [
    "def double(n):\n    return n * 2\n",
    "def double(n):\n    return n + 2\n",
    "def double(n):\n    return n / 0\n",
    "def double(n)\n",
    'print("é → ✓")\ndef double(n):\n    return 2 * n\n',
], ids=["passes", "fails", "raises-in-check", "syntax-error", "unicode-output"])
def test_check_json_is_the_same_data_as_check(source):
    text = check_json(source, CHECKS)
    assert isinstance(text, str)
    assert json.loads(text) == check(source, CHECKS)


@pytest.mark.parametrize("source", [
    'print("hello")\n',
    "x = 1 / 0\n",
    "input()\n",
    "if True\n",
], ids=["prints", "raises", "input", "syntax-error"])
def test_run_json_is_the_same_data_as_run_code(source):
    data = json.loads(run_json(source))
    assert data == run_code(source).as_dict()
    assert set(data) == {"stdout", "stderr", "error", "output_cut"}


def test_deep_recursion_is_explained_and_its_traceback_folded():
    error = run_code("def f(n):\n    return f(n + 1)\nf(0)\n").error
    assert error["type"] == "RecursionError" and error["line"] == 2
    assert error["message"].startswith("Line 2: RecursionError: maximum recursion depth exceeded. ")
    assert "A function keeps calling itself and never stops." in error["message"]
    assert error["traceback"].count("return f(n + 1)") == 3
    assert "[the line above repeated" in error["traceback"]
    assert len(error["traceback"].splitlines()) < 15


# --- faults: learner code that misbehaves must get a plain message and leave Python intact ----

BROWSER_MESSAGE = ("Exercises can't reach the web page or the browser, so \"import {}\" is "
                   "switched off here. Everything these exercises need is plain Python.")


@pytest.mark.parametrize(("source", "module"), [
    ("import js\n", "js"),
    ("import js\nprint(js.document)\n", "js"),
    ("from js import caches\n", "js"),
    ("import pyodide\n", "pyodide"),
    ("from pyodide.ffi import to_js\n", "pyodide"),
    ("import pyodide_js\n", "pyodide_js"),
    ("import _pyodide._base\n", "_pyodide"),
    ("__import__('js')\n", "js"),
    ("import micropip\n", "micropip"),
], ids=["js", "js.document", "from-js", "pyodide", "pyodide.ffi", "pyodide_js", "_pyodide",
        "__import__", "micropip"])
def test_modules_that_reach_the_browser_are_refused_in_plain_words(source, module):
    error = run_code(source).error
    assert error["type"] == "BrowserNotAvailable"
    assert error["message"] == BROWSER_MESSAGE.format(module)
    assert error["line"] == 1


def test_refused_import_is_an_import_error_the_learner_can_catch():
    outcome = run_code("try:\n    import js\nexcept ImportError:\n    print('no browser')\n")
    assert (outcome.stdout, outcome.error) == ("no browser\n", None)


def test_other_imports_and_the_checkers_own_imports_still_work():
    source = "import json, math\nfrom collections import Counter\nprint(math.pi > 3)\n"
    assert run_code(source).stdout == "True\n"
    checks = ("import json\n\ndef check_json(learner):\n"
              "    assert json.loads(learner.variable('text')) == [1]\n")
    assert check("text = '[1]'\n", checks)["passed"] is True


@pytest.mark.parametrize("source", [
    "import builtins\ndel builtins.print\n",
    "import builtins\nbuiltins.len = lambda x: 0\n",
    "import builtins\nbuiltins.surprise = 1\n",
    # the very functions the undoing itself might look up
    "import builtins, operator\nbuiltins.any = lambda x: False\nbuiltins.map = lambda *a: ()\n"
    "operator.is_not = lambda a, b: False\nbuiltins.len = lambda x: 0\n",
], ids=["deleted", "replaced", "added", "the-undoers-own"])
def test_changes_to_builtins_are_undone_after_each_run(source):
    import builtins
    before = dict(vars(builtins))
    assert run_code(source).error is None
    assert vars(builtins) == before
    assert run_code("print(len('abc'))\n").stdout == "3\n"


def test_builtins_changed_by_a_learners_function_are_undone_before_the_next_check():
    source = "import builtins\n\ndef double(n):\n    del builtins.isinstance\n    return n * 2\n"
    result = check(source, CHECKS)
    assert [c["passed"] for c in result["checks"]] == [True, True, True]


def test_recursion_limit_and_tracing_are_put_back():
    limit, trace = sys.getrecursionlimit(), sys.gettrace()
    run_code("import sys\nsys.setrecursionlimit(50)\nsys.settrace(lambda *a: None)\n")
    assert (sys.getrecursionlimit(), sys.gettrace()) == (limit, trace)


@pytest.mark.parametrize("source", ["import os\nos._exit(0)\n", "import posix\nposix._exit(1)\n"],
                         ids=["os._exit", "posix._exit"])
def test_os_exit_stops_only_the_learners_code(source):
    import os
    real_exit = os._exit
    error = run_code(source).error
    assert (error["type"], error["message"]) == ("SystemExit", EXIT_MESSAGE)
    assert os._exit is real_exit


@pytest.mark.parametrize("source", [
    "import sys\nsys.stdin.readline()\n",
    "import sys\nsys.stdin.read()\n",
    "import builtins\nbuiltins.input('name? ')\n",
], ids=["readline", "read", "real-input"])
def test_reading_standard_input_explains_itself(source, monkeypatch):
    host_stdin = io.StringIO("typed by the host\n")
    monkeypatch.setattr(sys, "stdin", host_stdin)
    error = run_code(source).error
    assert (error["message"], error["line"]) == (INPUT_MESSAGE, 2)
    assert sys.stdin is host_stdin


@pytest.mark.parametrize(("source", "message"), [
    ("class Odd(Exception):\n    def __str__(self):\n        raise ValueError('no')\n\nraise Odd()\n",
     "Line 5: Odd"),
    ("class Stop(BaseException):\n    pass\n\nraise Stop('now')\n", "Line 4: Stop: now"),
    ("raise ValueError()\n", "Line 1: ValueError"),
    ("raise ValueError('x' * 5000)\n", "Line 1: ValueError: " + "x" * 988 + " …"),
], ids=["str-fails", "base-exception", "no-message", "huge-message"])
def test_strange_exceptions_still_get_a_short_plain_message(source, message):
    error = run_code(source).error
    assert error["message"] == message
    json.dumps(error)


@pytest.mark.parametrize(("source", "message"), [
    ("x = 1\x00\n", "Python could not read your code: it has an invisible character, which often "
                    "comes with copied code. Delete it, or type that part again."),
    ("x = 1\nif x:\n\u00a0   print(x)\n", "Python could not read line 3: it has a non-breaking "
     "space, which often comes with code copied from a web page. Replace it with an ordinary space."),
    ("x = 1\u200b\n", "Python could not read line 1: it has an invisible character, which often "
                      "comes with copied code. Delete it, or type that part again."),
], ids=["null-byte", "non-breaking-space", "zero-width-space"])
def test_invisible_characters_from_copied_code_are_explained(source, message):
    error = run_code(source).error
    assert (error["type"], error["message"]) == ("SyntaxError", message)


def test_changes_to_modules_the_checker_uses_are_undone():
    import therapon_check.explaining as explaining
    source = ("import json, traceback\nimport therapon_check.explaining as s\n"
              "json.dumps = traceback.extract_tb = s.describe_exception = None\n")
    assert run_code(source).error is None
    assert json.loads(run_json("x = 1 / 0\n"))["error"]["line"] == 1
    assert callable(explaining.describe_exception)


def test_output_cut_is_flagged_for_the_page():
    assert run_code(f'print("x" * {OUTPUT_LIMIT + 1})\n').output_cut is True
    assert run_code('print("x")\n').output_cut is False
    assert check(f'print("x" * {OUTPUT_LIMIT + 1})\n', ONE_CHECK)["output_cut"] is True


WEIRD_EQ = ("class Tally(dict):\n    def __eq__(self, other):\n        raise RuntimeError('no comparing')\n"
            "\n\ndef double(n):\n    return Tally()\n")


def test_a_value_that_breaks_the_check_says_the_check_could_not_finish():
    checks = 'def check_empty(learner):\n    assert learner.call("double", 0) == {}, "Return {}."\n'
    result = check(WEIRD_EQ, checks)
    [only] = result["checks"]
    assert (only["passed"], only["broken"], only["stopped"]) == (False, False, True)
    assert only["message"] == "Line 3: RuntimeError: no comparing"
    assert "therapon_check" not in json.dumps(result)


def test_a_huge_value_in_a_failed_check_is_shortened():
    checks = ('def check_small(learner):\n    value = learner.variable("big")\n'
              '    assert value == [], f"Expected an empty list, not {value!r}."\n')
    message = check("big = list(range(100_000))\n", checks)["checks"][0]["message"]
    assert message.endswith(" …") and len(message) <= 1_002


def test_a_repr_that_fails_inside_a_check_is_reported_with_the_learners_line():
    source = ("class Odd:\n    def __repr__(self):\n        raise ValueError('no repr')\n\n"
              "def double(n):\n    return Odd()\n")
    result = check(source, CHECKS)
    assert result["checks"][1]["message"].endswith("Line 3: ValueError: no repr")
    assert result["passed"] is False


def test_exit_inside_a_checked_function_does_not_end_the_checks():
    source = "import os\n\ndef double(n):\n    os._exit(1)\n"
    result = check(source, CHECKS)
    assert len(result["checks"]) == 3
    assert all(EXIT_MESSAGE in c["message"] for c in result["checks"])
