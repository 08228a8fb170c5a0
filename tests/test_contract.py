"""The contract between Python and the page (src/therapon/contract.py): its generated JavaScript
is current and means what the Python says, and no other file on either side keeps a copy."""

from __future__ import annotations

import ast
import json
import re
import subprocess
from dataclasses import asdict
from pathlib import Path

import pytest

from conftest import ROOT
from support.project import FIXTURE
from therapon import contract
from therapon.kinds import KINDS
from therapon.load import load_exercises
from therapon.render import render_exercise

SCRIPTS = ROOT / "src" / "therapon" / "theme" / "assets" / "therapon"
ENGINE = ROOT / "src" / "therapon"
COMMENTS = re.compile(r"/\*[\s\S]*?\*/|(?<![:\"'`])//[^\n]*")
# The data-* attributes pages carry that the scripts never read (the search plugin's, Material's).
NOT_CONTRACT = {"data-search-exclude", "data-md-component"}


def js_files() -> list[Path]:
    files = [*SCRIPTS.rglob("*.js"), *(ENGINE / "theme" / "src").glob("*.*js")]
    return sorted(p for p in files if p != contract.JS_PATH)


def code_of(path: Path) -> str:
    """A script without its comments, which may name the contract's facts in prose."""
    return COMMENTS.sub("", path.read_text(encoding="utf-8"))


def test_the_generated_module_is_current() -> None:
    assert contract.JS_PATH.read_text(encoding="utf-8") == contract.javascript(), (
        f"{contract.JS_PATH.relative_to(ROOT)} is stale: run `{contract.REGENERATE}` "
        "(make does it for you) and commit the result.")
    assert contract.main(["--check"]) == 0


def test_a_stale_module_is_reported_and_rewritten(tmp_path: Path) -> None:
    copy = tmp_path / "contract.js"
    copy.write_text(contract.javascript().replace('"passed"', '"done"'), encoding="utf-8")
    assert contract.write_javascript(copy) is True
    assert copy.read_text(encoding="utf-8") == contract.javascript()
    assert contract.write_javascript(copy) is False


def test_the_javascript_means_what_the_python_says() -> None:
    """Node imports the generated module; every value equals contract.py's."""
    program = ("const c = await import(process.argv[1]);"
               "console.log(JSON.stringify({...c, ID_PATTERN: c.ID_PATTERN.source}));")
    run = subprocess.run(["node", "--input-type=module", "-e", program, contract.JS_PATH.as_uri()],
                         capture_output=True, text=True, check=True)
    js = json.loads(run.stdout)
    camel = {key: {contract._camel(k): v for k, v in asdict(value).items()}
             for key, value in (("STATUS", contract.STATUS), ("LEVEL", contract.LEVEL),
                                ("ACTION", contract.ACTION), ("ATTR", contract.ATTR))}
    assert js == {
        "STATUSES": list(contract.STATUSES), "KINDS": list(contract.KINDS),
        "PYTHON_KINDS": list(contract.PYTHON_KINDS), "LEVELS": list(contract.LEVELS),
        "ID_PATTERN": contract.ID_PATTERN.pattern, "COURSE_SCHEMA": contract.COURSE_SCHEMA,
        "ANCHOR_PREFIX": contract.ANCHOR_PREFIX, "PYTHON_WORKER": contract.PYTHON_WORKER,
        "EARLY_MESSAGE": contract.EARLY_MESSAGE, "EARLY_WORKER": contract.EARLY_WORKER,
        **camel, "SELECTOR": {k: f"[{v}]" for k, v in camel["ATTR"].items()},
    }


def test_the_kinds_are_the_contracts() -> None:
    assert tuple(KINDS) == contract.KINDS
    # With this type, tsc (test_lint) refuses a MOUNTS without a mount function for every kind.
    assert '@type {Record<import("./contract.js").Kind,' in (SCRIPTS / "main.js").read_text()


def copies_in(text: str) -> list[str]:
    """The contract's facts spelled out as literals in a script."""
    found = []
    for name in asdict(contract.ATTR).values():
        found += re.findall(rf"[\"'`\[]{re.escape(name)}\b(?!-)", text)
    found += [m for m in re.findall(r"\"([a-z-]+)\"", text) if m in (*contract.STATUSES, *contract.LEVELS)]
    # Action names are common words ("run" is also a worker message): only as an action.
    found += [m for m in re.findall(r"[aA]ction(?: === |\()\"([a-z-]+)\"", text)
              if m in asdict(contract.ACTION).values()]
    for fact in (contract.ID_PATTERN.pattern.strip("^$"), f"#{contract.ANCHOR_PREFIX}",
                 contract.PYTHON_WORKER, "data-action=", "schema === 1"):
        if fact in text:
            found.append(fact)
    return found


def test_the_copy_detector_finds_copies() -> None:
    assert copies_in('el.querySelector("[data-feedback]"); x.status === "passed"; '
                     'if (action === "reset") new URL("pyodide-worker.js", `${url}#exercise-${id}`)') == [
        "[data-feedback", "passed", "reset", "#exercise-", "pyodide-worker.js"]


def test_the_python_copy_detector_finds_copies(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text('"""Renders data-feedback (prose is fine)."""\n'
                      'x = f\'<div data-feedback id="exercise-{i}">\'\n')
    assert python_copies(module) == ["data-feedback", "the exercise- anchor"]


@pytest.mark.parametrize("path", js_files(), ids=lambda p: str(p.relative_to(ENGINE / "theme")))
def test_no_script_keeps_its_own_copy(path: Path) -> None:
    assert copies_in(code_of(path)) == [], (
        f"{path.relative_to(ROOT)} spells out facts of the contract; import them from "
        "contract.js (generated from src/therapon/contract.py) instead.")


def strings_of(path: Path) -> str:
    """A module's string literals and f-string parts, without its docstrings (prose)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return "\n".join(node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                     and isinstance(node.value, str) and id(node) not in docstrings)


def python_copies(path: Path) -> list[str]:
    text = strings_of(path)
    found = [name for name in asdict(contract.ATTR).values() if re.search(rf"{name}\b(?!-)", text)]
    if contract.ID_PATTERN.pattern.strip("^$") in text:
        found.append("the id pattern")
    if re.search(r"[\"']exercise-", text):
        found.append("the exercise- anchor")
    return found


@pytest.mark.parametrize("path", sorted(p for p in ENGINE.rglob("*.py") if p.name != "contract.py"),
                         ids=lambda p: str(p.relative_to(ENGINE)))
def test_no_python_module_keeps_its_own_copy(path: Path) -> None:
    assert python_copies(path) == [], (
        f"{path.relative_to(ROOT)} spells out facts of the contract; import them from "
        "therapon.contract instead.")


def test_no_template_keeps_its_own_copy() -> None:
    for template in (ENGINE / "theme").rglob("*.html"):
        text = re.sub(r"{#[\s\S]*?#}", "", template.read_text(encoding="utf-8"))  # without comments
        found = [n for n in asdict(contract.ATTR).values() if re.search(rf"{n}\b(?!-)", text)]
        assert found == [], f"{template.relative_to(ROOT)} spells out {found}; use therapon_attr."


def test_every_attribute_an_exercise_renders_is_in_the_contract() -> None:
    exercises = load_exercises(FIXTURE / "exercises", FIXTURE)
    kinds = {e.kind: e for e in exercises.values()}
    assert set(kinds) == set(contract.KINDS), "the fixture course has an exercise of every kind"
    rendered = {a for e in kinds.values() for a in re.findall(r"\s(data-[a-z-]+)", render_exercise(e))}
    assert rendered - NOT_CONTRACT <= set(asdict(contract.ATTR).values())
    assert {contract.ATTR.exercise, contract.ATTR.kind, contract.ATTR.status,
            contract.ATTR.feedback} <= rendered
