"""Loading exercises/: every authoring mistake is reported with its file, line and fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from therapon.errors import AuthoringError, AuthoringFailed
from therapon.load import MAX_FILE_BYTES, load_exercises
from therapon.model import Exercise

# A small, valid code exercise. Line numbers in the cases below refer to these texts.
VALID_TOML = """\
id = "gentle-start"
kind = "code"
title = "A gentle start"
prompt = "Write `greet(name)`."
hints = ["Use an f-string."]
"""
VALID_FILES: dict[str, str | bytes] = {
    "exercise.toml": VALID_TOML,
    "starter.py": 'def greet(name):\n    return "Hello"\n',
    "solution.py": 'def greet(name):\n    return f"Hello, {name}!"\n',
    "checks.py": (
        "def check_greets_by_name(learner):\n"
        '    """Greets the person by name."""\n'
        '    assert learner.call("greet", "Sam") == "Hello, Sam!", "Say hello to Sam."\n'
    ),
}
FOLDER = "gentle-start"
TOML_PATH = Path("exercises", FOLDER, "exercise.toml")
KNOWN_KEYS = "id, kind, title, prompt, hints, reveal, reveal_after_attempts, partner_practice"

Files = dict[str, str | bytes | None]


def exercise(**changes: str | bytes | None) -> Files:
    """The valid exercise with some files replaced; None removes a file.
    Keyword names use _ for . (exercise_toml, starter_py, ...)."""
    files: Files = dict(VALID_FILES)
    for key, value in changes.items():
        files[key.replace("_py", ".py").replace("_toml", ".toml")] = value
    return files


def toml_with(line: int, text: str | None) -> str:
    """VALID_TOML with one line (1-based) replaced, or removed when text is None."""
    lines = VALID_TOML.splitlines()
    if text is None:
        del lines[line - 1]
    else:
        lines[line - 1] = text
    return "\n".join(lines) + "\n"


@pytest.fixture
def project(tmp_path: Path) -> Callable[[dict[str, Files]], Path]:
    """Build tmp_path/exercises/<folder>/<file> from {folder: {file: contents}}; return the root."""

    def build(folders: dict[str, Files]) -> Path:
        exercises = tmp_path / "exercises"
        exercises.mkdir()
        for folder, files in folders.items():
            (exercises / folder).mkdir()
            for name, contents in files.items():
                if contents is None:
                    continue
                path = exercises / folder / name
                if isinstance(contents, bytes):
                    path.write_bytes(contents)
                else:
                    path.write_text(contents, encoding="utf-8")
        return tmp_path

    return build


def load(root: Path) -> dict[str, Exercise]:
    return load_exercises(root / "exercises", root)


def errors_of(root: Path) -> list[AuthoringError]:
    with pytest.raises(AuthoringFailed) as caught:
        load(root)
    return caught.value.errors


# (case id, files of the one exercise folder, file the error names, line, exact message)
ONE_ERROR_CASES = [
    ("unknown-kind", exercise(exercise_toml=toml_with(2, 'kind = "quiz"')),
     TOML_PATH, 2, "'kind' must be one of 'code', 'text', 'choice', 'reflection', got 'quiz'."),
    ("missing-id", exercise(exercise_toml=toml_with(1, None)),
     TOML_PATH, None, "'id' is required. Add a line such as id = \"…\"."),
    ("missing-kind", exercise(exercise_toml=toml_with(2, None)),
     TOML_PATH, None, "'kind' is required. Add a line such as kind = \"…\"."),
    ("missing-title", exercise(exercise_toml=toml_with(3, None)),
     TOML_PATH, None, "'title' is required. Add a line such as title = \"…\"."),
    ("empty-title", exercise(exercise_toml=toml_with(3, 'title = "  "')),
     TOML_PATH, 3, "'title' must not be empty. Write it as, for example, "
     'title = "Who listened?".'),
    ("hints-as-string", exercise(exercise_toml=toml_with(5, 'hints = "Use an f-string."')),
     TOML_PATH, 5, "'hints' must be a list of strings, got a string. Write hints = [\"…\"]."),
    ("hints-with-a-number", exercise(exercise_toml=toml_with(5, 'hints = ["One", 2]')),
     TOML_PATH, 5, "'hints' must be a list of strings, got a list. Write hints = [\"…\"]."),
    ("reveal-after-attempts-as-string",
     exercise(exercise_toml=VALID_TOML + 'reveal_after_attempts = "2"\n'),
     TOML_PATH, 6, "'reveal_after_attempts' must be a whole number of 0 or more, got '2'."),
    ("reveal-after-attempts-negative",
     exercise(exercise_toml=VALID_TOML + "reveal_after_attempts = -1\n"),
     TOML_PATH, 6, "'reveal_after_attempts' must be a whole number of 0 or more, got -1."),
    ("unknown-reveal", exercise(exercise_toml=VALID_TOML + 'reveal = "sometimes"\n'),
     TOML_PATH, 6, "'reveal' must be one of 'always', 'after-attempts', 'after-passing', "
     "'never', got 'sometimes'."),
    ("title-as-number", exercise(exercise_toml=toml_with(3, "title = 42")),
     TOML_PATH, 3, "'title' must be text in quotes, got a number."),
    ("unknown-key", exercise(exercise_toml=VALID_TOML + "difficulty = 3\n"),
     TOML_PATH, 6, f"unknown key 'difficulty'. Known keys: {KNOWN_KEYS}."),
    ("id-with-dots-and-slash", exercise(exercise_toml=toml_with(1, 'id = "../x"'),),
     TOML_PATH, 1, "'id' must use only lower-case letters, digits and single hyphens, got "
     "'../x'. Write it as, for example, id = \"listener-tally\". "
     "Ids never change once published."),
    ("id-with-space-and-capitals", exercise(exercise_toml=toml_with(1, 'id = "Has Space"')),
     TOML_PATH, 1, "'id' must use only lower-case letters, digits and single hyphens, got "
     "'Has Space'. Write it as, for example, id = \"listener-tally\". "
     "Ids never change once published."),
    ("id-as-number", exercise(exercise_toml=toml_with(1, "id = 7")),
     TOML_PATH, 1, "'id' must be text in quotes, got a number."),
    ("empty-toml", exercise(exercise_toml=""),
     TOML_PATH, None, "this file is empty. Write its content, or delete it."),
    ("whitespace-only-checks", exercise(checks_py="\n   \n"),
     Path("exercises", FOLDER, "checks.py"), None,
     "this file is empty. Write its content, or delete it."),
    ("empty-starter", exercise(starter_py=""),
     Path("exercises", FOLDER, "starter.py"), None,
     "this file is empty. Write its content, or delete it."),
    ("not-utf8-starter", exercise(starter_py=b"# Starter\n# caf\xe9 talk\ndef greet(name):\n"
                                            b"    pass\n"),
     Path("exercises", FOLDER, "starter.py"), 2, "this file is not UTF-8 text. Save it as UTF-8."),
    ("not-utf8-toml", exercise(exercise_toml=VALID_TOML.encode() + b'# \xff\n'),
     TOML_PATH, 6, "this file is not UTF-8 text. Save it as UTF-8."),
    ("enormous-solution", exercise(solution_py="#" * (MAX_FILE_BYTES + 1)),
     Path("exercises", FOLDER, "solution.py"), None,
     f"this file is {MAX_FILE_BYTES + 1:,} bytes, over the limit of {MAX_FILE_BYTES:,} bytes "
     "(256 KiB) for an exercise file. Shorten it, or split the exercise in two."),
    ("empty-folder", {},
     Path("exercises", FOLDER), None, "this exercise folder is incomplete: it is empty. "
     "Add exercise.toml (see AUTHORING.md) or remove the folder."),
    ("folder-without-toml", exercise(exercise_toml=None),
     Path("exercises", FOLDER), None, "this exercise folder is incomplete: it has no "
     "exercise.toml. Add exercise.toml (see AUTHORING.md) or remove the folder."),
    ("missing-starter", exercise(starter_py=None),
     Path("exercises", FOLDER, "starter.py"), None,
     "missing: a 'code' exercise needs starter.py next to exercise.toml."),
    ("missing-checks", exercise(checks_py=None),
     Path("exercises", FOLDER, "checks.py"), None,
     "missing: a 'code' exercise needs checks.py next to exercise.toml."),
]


@pytest.mark.parametrize(("files", "path", "line", "message"),
                         [case[1:] for case in ONE_ERROR_CASES],
                         ids=[case[0] for case in ONE_ERROR_CASES])
def test_each_authoring_error_names_file_line_and_fix(project, files, path, line, message):
    errors = errors_of(project({FOLDER: files}))
    assert [(e.path, e.line, e.message) for e in errors] == [(path, line, message)]
    where = f"{path}:{line}" if line else f"{path}"
    assert str(errors[0]) == f"{where}: {message}"


@pytest.mark.parametrize(("toml_text", "line", "reason"), [
    (toml_with(3, 'title = "A gentle start'), 3, "Illegal character"),
    (toml_with(2, "kind = code"), 2, "Invalid value"),
    (VALID_TOML + 'id = "again"\n', 6, "Cannot overwrite a value"),
], ids=["unclosed-quote", "unquoted-text", "key-twice"])
def test_invalid_toml_names_the_line(project, toml_text, line, reason):
    errors = errors_of(project({FOLDER: exercise(exercise_toml=toml_text)}))
    assert len(errors) == 1
    error = errors[0]
    assert (error.path, error.line) == (TOML_PATH, line)
    assert error.message.startswith(f"this is not valid TOML ({reason}")
    assert error.message.endswith("). Check the quotes and brackets; text values look like "
                                  'title = "…".')
    assert "column" not in error.message  # the line is in the location, not repeated
    assert str(error).startswith(f"{TOML_PATH}:{line}: this is not valid TOML")


SYNTAX_ERRORS = {
    "starter.py": ('def greet(name):\n    return "Hello"\n\nprint(greet("Sam")\n', 4,
                   "'(' was never closed"),
    "solution.py": ('def greet(name)\n    return f"Hello, {name}!"\n', 1, "expected ':'"),
    "checks.py": ("def check_greets(learner):\n    x = \n", 2, "invalid syntax"),
}


@pytest.mark.parametrize("name", list(SYNTAX_ERRORS))
def test_syntax_error_names_the_python_file_and_line(project, name):
    text, line, reason = SYNTAX_ERRORS[name]
    errors = errors_of(project({FOLDER: {**VALID_FILES, name: text}}))
    path = Path("exercises", FOLDER, name)
    assert [(e.path, e.line, e.message) for e in errors] == [
        (path, line, f"Python can't read this file: {reason}. Fix the syntax on that line.")]
    assert str(errors[0]).startswith(f"{path}:{line}: Python can't read this file")


def test_all_python_file_problems_of_one_exercise_are_reported_together(project):
    errors = errors_of(project({FOLDER: exercise(starter_py=None, solution_py="def (\n",
                                                 checks_py="")}))
    assert [(e.path.name, e.line) for e in errors] == [
        ("starter.py", None), ("solution.py", 1), ("checks.py", None)]


def test_duplicate_id_names_the_first_folders_file(project):
    second_toml = "# The same id by mistake.\n" + VALID_TOML.replace("A gentle", "Another")
    errors = errors_of(project({"a-first": exercise(), "b-second": exercise(
        exercise_toml=second_toml)}))
    assert [(e.path, e.line, e.message) for e in errors] == [(
        Path("exercises/b-second/exercise.toml"), 2,
        f"the id 'gentle-start' is already used by {Path('exercises/a-first/exercise.toml')}. "
        "Every exercise needs its own id.",
    )]


def test_problems_in_different_folders_are_all_reported_at_once(project):
    root = project({
        "a-bad-kind": exercise(exercise_toml=toml_with(1, 'id = "a-bad-kind"').replace(
            'kind = "code"', 'kind = "quiz"')),
        "b-fine": exercise(exercise_toml=toml_with(1, 'id = "b-fine"')),
        "c-empty": {},
        "d-syntax": exercise(exercise_toml=toml_with(1, 'id = "d-syntax"'),
                             checks_py="def check_x(learner)\n    pass\n"),
        "e-extra-key": exercise(exercise_toml=toml_with(1, 'id = "e-extra-key"') + "level = 1\n"),
    })
    errors = errors_of(root)
    assert [(str(e.path), e.line) for e in errors] == [
        (str(Path("exercises/a-bad-kind/exercise.toml")), 2),
        (str(Path("exercises/c-empty")), None),
        (str(Path("exercises/d-syntax/checks.py")), 1),
        (str(Path("exercises/e-extra-key/exercise.toml")), 6),
    ]
    # The exception's own text lists every problem, one per line, for the build log.
    with pytest.raises(AuthoringFailed) as caught:
        load(root)
    assert str(caught.value).splitlines() == [str(e) for e in errors]


def test_missing_exercises_folder(tmp_path):
    with pytest.raises(AuthoringFailed) as caught:
        load(tmp_path)
    assert [str(e) for e in caught.value.errors] == [
        "exercises: the exercises folder is missing. Create it."]


def test_hidden_and_underscore_folders_are_ignored(project):
    exercises = load(project({FOLDER: exercise(), ".drafts": {}, "_templates": {}}))
    assert list(exercises) == ["gentle-start"]


def test_valid_exercise_loads_with_its_fields_and_defaults(project):
    root = project({FOLDER: exercise()})
    exercises = load(root)
    assert list(exercises) == ["gentle-start"]
    loaded = exercises["gentle-start"]
    folder = root / "exercises" / FOLDER
    assert (loaded.id, loaded.kind, loaded.title) == ("gentle-start", "code", "A gentle start")
    assert loaded.prompt == "Write `greet(name)`."
    assert loaded.hints == ("Use an f-string.",)
    assert (loaded.reveal, loaded.reveal_after_attempts) == ("after-attempts", 2)
    assert (loaded.folder, loaded.metadata_path) == (folder, folder / "exercise.toml")
    assert {role: f.path for role, f in loaded.files.items()} == {
        "starter": folder / "starter.py", "solution": folder / "solution.py",
        "checks": folder / "checks.py"}
    assert loaded.file("solution").text == VALID_FILES["solution.py"]
    assert loaded.shows_solution


def test_optional_fields_are_read_when_given(project):
    toml = VALID_TOML + 'reveal = "never"\nreveal_after_attempts = 0\n'
    loaded = load(project({FOLDER: exercise(exercise_toml=toml)}))["gentle-start"]
    assert (loaded.reveal, loaded.reveal_after_attempts) == ("never", 0)
    assert not loaded.shows_solution


def test_title_is_trimmed(project):
    toml = toml_with(3, 'title = "  A gentle start  "')
    assert load(project({FOLDER: exercise(exercise_toml=toml)}))["gentle-start"].title == \
        "A gentle start"
