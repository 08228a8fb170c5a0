"""The authoring guide's examples stay true: every `call` → `result` in its helper table is run."""

from __future__ import annotations

import ast
import re

import pytest

import therapon_check.language as language
from conftest import ROOT

GUIDE = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
LAST_CELL = re.compile(r"^`(?P<call>[a-z_]+\(.*\)(?:\.[a-z_]+)?)` → `(?P<result>.+)`$")
EXAMPLES = [
    (found["call"], found["result"])
    for line in GUIDE.splitlines() if line.startswith("| `")
    if (found := LAST_CELL.match(line.rstrip(" |").rsplit(" | ", 1)[-1]))
]


def test_the_guide_has_examples() -> None:
    assert len(EXAMPLES) >= 12


@pytest.mark.parametrize(("call", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_helper_table_example(call: str, expected: str) -> None:
    assert eval(call, vars(language)) == ast.literal_eval(expected)
