"""Read and validate every exercise under exercises/, collecting all problems at once."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from .errors import AuthoringError, AuthoringFailed
from .kinds import KINDS
from .locate import key_line, table_line
from .model import METADATA_FILE, Exercise, PythonFile
from .options import Field, apply_fields, exercise_fields, unknown_key

MAX_FILE_BYTES = 256 * 1024
FIELDS = exercise_fields(tuple(KINDS))


def relative(path: Path, root: Path) -> Path:
    """`path` as an author sees it, from the course's folder (unchanged when it is outside).

    Every error and every verified exercise names its files this way, thousands of times a
    build: a plain prefix test on the strings, which is what `relative_to` decides, costs a
    tenth of it (pathlib walks every parent). Anything unusual goes to `relative_to` itself."""
    text, base = str(path), str(root)
    prefix = base if base.endswith(os.sep) else base + os.sep
    if text.startswith(prefix):
        return type(path)(text[len(prefix):])
    try:
        return path.relative_to(root)
    except ValueError:
        return path


def decode_utf8(data: bytes, shown: Path, errors: list[AuthoringError]) -> str | None:
    """UTF-8 text, or None with an error at the first bad byte's line.

    A leading byte-order mark, which some Windows editors add, is dropped: TOML and Python
    would otherwise reject the first line for a character the author cannot see."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        errors.append(AuthoringError(shown, "this file is not UTF-8 text. Save it as UTF-8.",
                                     line))
        return None


def read_text(path: Path, shown: Path, errors: list[AuthoringError]) -> str | None:
    """File text as UTF-8, or None with an error for files that are empty, huge or not UTF-8.

    The size is checked before reading, so a runaway file fails at once instead of slowing
    the build; exercise files travel into the learner's page, so they must stay small."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        errors.append(AuthoringError(shown, f"this file is {size:,} bytes, over the limit of "
                                     f"{MAX_FILE_BYTES:,} bytes ({MAX_FILE_BYTES // 1024} KiB) for "
                                     "an exercise file. Shorten it, or split the exercise in two."))
        return None
    text = decode_utf8(path.read_bytes(), shown, errors)
    if text is not None and not text.strip():
        errors.append(AuthoringError(shown, "this file is empty. Write its content, or delete it."))
        return None
    return text


def parse_metadata(text: str, shown: Path, errors: list[AuthoringError]) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        errors.append(AuthoringError(shown, f"this is not valid TOML ({reason}). "
                                     'Check the quotes and brackets; text values look like '
                                     'title = "…".', line))
        return None


def fields_for(raw: dict[str, Any]) -> dict[str, Field]:
    """The common table, plus the kind's own fields once the kind is known."""
    kind = raw.get("kind")
    extra = KINDS[kind].FIELDS if isinstance(kind, str) and kind in KINDS else {}
    return {**FIELDS, **extra}


def validate_fields(raw: dict[str, Any], text: str, shown: Path,
                    errors: list[AuthoringError]) -> dict[str, Any] | None:
    """Apply the field table: unknown keys and missing or wrong values are all errors."""
    table = fields_for(raw)
    values, problems = apply_fields(raw, table)
    for problem in problems:
        key = problem.key
        if problem.kind == "unknown":
            message = unknown_key(key, table)
        elif problem.kind == "missing" and getattr(table[key].validate, "blocks", False):
            message = f"'{key}' is required. Add [[{key}]] blocks (see AUTHORING.md)."
        elif problem.kind == "missing":
            message = f'\'{key}\' is required. Add a line such as {key} = "…".'
        else:
            message = f"'{key}' {problem.reason}"
        line = None
        if problem.item is not None:
            line = table_line(text, key, problem.item)
        if line is None and problem.kind != "missing":
            line = key_line(text, key) or table_line(text, key, 1)
        errors.append(AuthoringError(shown, message, line))
    return None if problems else values


def compile_python(path: Path, shown: Path, errors: list[AuthoringError]) -> PythonFile | None:
    text = read_text(path, shown, errors)
    if text is None:
        return None
    try:
        compile(text, str(shown), "exec")
    except SyntaxError as exc:
        errors.append(AuthoringError(shown, f"Python can't read this file: {exc.msg}. "
                                     "Fix the syntax on that line.", exc.lineno))
        return None
    return PythonFile(path, text)


def read_metadata(meta_path: Path, root: Path, errors: list[AuthoringError]) -> dict[str, Any] | None:
    shown = relative(meta_path, root)
    text = read_text(meta_path, shown, errors)
    raw = parse_metadata(text, shown, errors) if text is not None else None
    return validate_fields(raw, text, shown, errors) if raw is not None else None


def build_exercise(values: dict[str, Any], folder: Path, meta_path: Path,
                   files: dict[str, PythonFile]) -> Exercise:
    common = {key: values[key] for key in FIELDS}
    extra = {key: value for key, value in values.items() if key not in FIELDS}
    return Exercise(folder=folder, metadata_path=meta_path, files=files, fields=extra, **common)


def load_folder(folder: Path, root: Path, errors: list[AuthoringError]) -> Exercise | None:
    """An exercise folder: exercise.toml plus the Python files its kind needs."""
    meta_path = folder / METADATA_FILE
    if not meta_path.is_file():
        contents = "it is empty" if not any(folder.iterdir()) else "it has no exercise.toml"
        errors.append(AuthoringError(relative(folder, root), f"this exercise folder is incomplete: "
                                     f"{contents}. Add {METADATA_FILE} (see AUTHORING.md) or remove "
                                     "the folder."))
        return None
    values = read_metadata(meta_path, root, errors)
    if values is None:
        return None
    kind = KINDS[values["kind"]]
    files: dict[str, PythonFile] = {}
    named = named_files(values, folder, meta_path, root, errors)
    if named is None:
        return None
    for role, name in kind.FILES.items():
        path = folder / name
        if not path.is_file():
            errors.append(AuthoringError(relative(path, root), f"missing: a '{values['kind']}' "
                                         f"exercise needs {name} next to {METADATA_FILE}."))
            continue
        loaded = compile_python(path, relative(path, root), errors)
        if loaded is not None:
            files[role] = loaded
    if len(files) != len(kind.FILES):
        return None
    return build_exercise(values, folder, meta_path, {**files, **named})


def named_files(values: dict[str, Any], folder: Path, meta_path: Path, root: Path,
                errors: list[AuthoringError]) -> dict[str, PythonFile] | None:
    """Python files an exercise names in a field (a text exercise's `checker = "checker.py"`):
    each must be a .py file in the exercise's own folder, and compile."""
    found: dict[str, PythonFile] = {}
    shown = relative(meta_path, root)
    text = meta_path.read_text(encoding="utf-8-sig")
    for field in getattr(KINDS[values["kind"]], "FILE_FIELDS", ()):
        name = values.get(field, "")
        if not name:
            continue
        if "/" in name or "\\" in name or not name.endswith(".py"):
            errors.append(AuthoringError(shown, f"'{field}' must name a .py file in this exercise's "
                                         f'folder, got {name!r}. Write {field} = "{field}.py".',
                                         key_line(text, field)))
            return None
        path = folder / name
        if not path.is_file():
            errors.append(AuthoringError(shown, f"'{field}' names {name}, which is not in "
                                         f"{relative(folder, root)}. Add the file, or remove the line.",
                                         key_line(text, field)))
            return None
        loaded = compile_python(path, relative(path, root), errors)
        if loaded is None:
            return None
        found[field] = loaded
    return found


def load_file(path: Path, root: Path, errors: list[AuthoringError]) -> Exercise | None:
    """A one-file exercise, `exercises/<name>.toml`, for kinds that need no Python files."""
    values = read_metadata(path, root, errors)
    if values is None:
        return None
    kind = KINDS[values["kind"]]
    if kind.FILES or getattr(kind, "FOLDER_FOR", ""):
        needed = ", ".join(kind.FILES.values()) or kind.FOLDER_FOR
        errors.append(AuthoringError(relative(path, root), f"a '{values['kind']}' exercise needs "
                                     f"its own folder with {METADATA_FILE} and {needed}. Move this "
                                     f"file to exercises/{path.stem}/{METADATA_FILE}."))
        return None
    return build_exercise(values, path.parent, path, {})


def exercise_sources(exercises_dir: Path) -> list[Path]:
    """Exercise folders and one-file exercises, in a stable order."""
    return sorted(p for p in exercises_dir.iterdir() if not p.name.startswith((".", "_"))
                  and (p.is_dir() or p.suffix == ".toml"))


def load_exercises(exercises_dir: Path, root: Path) -> dict[str, Exercise]:
    """Every exercise by id. Raises AuthoringFailed listing every problem found."""
    errors: list[AuthoringError] = []
    if not exercises_dir.is_dir():
        raise AuthoringFailed([AuthoringError(relative(exercises_dir, root),
                                              "the exercises folder is missing. Create it.")])
    found: dict[str, Exercise] = {}
    for source in exercise_sources(exercises_dir):
        load = load_folder if source.is_dir() else load_file
        exercise = load(source, root, errors)
        if exercise is None:
            continue
        if exercise.id in found:
            first = relative(found[exercise.id].metadata_path, root)
            shown = relative(exercise.metadata_path, root)
            line = key_line(exercise.metadata_path.read_text(encoding="utf-8-sig"), "id")
            errors.append(AuthoringError(shown, f"the id '{exercise.id}' is already used by {first}. "
                                         "Every exercise needs its own id.", line))
            continue
        found[exercise.id] = exercise
    if errors:
        raise AuthoringFailed(errors)
    return found
