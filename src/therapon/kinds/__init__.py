"""The exercise kinds, by the name authors write in `kind = "…"`.

Each kind module provides NAME, FILES (role -> file name), FIELDS (its own metadata table),
jobs() (what the build runs in a child
Python), verify() (what the verdicts mean for the author), page_data() and render_body(),
so adding a kind means adding one module, one line here and its name in the contract
(therapon.contract.KINDS, with PYTHON_KINDS if its page must start Pyodide), which the
page's scripts read too.
"""

from __future__ import annotations

from types import ModuleType

from ..contract import KINDS as KIND_NAMES
from . import choice, code, reflection, text

KINDS: dict[str, ModuleType] = {kind.NAME: kind for kind in (code, text, choice, reflection)}
if tuple(KINDS) != KIND_NAMES:
    raise ImportError(f"src/therapon/kinds/__init__.py: the kind modules {tuple(KINDS)} differ from "
                      f"the contract's KINDS {KIND_NAMES}; list the same names, in the same order, "
                      "in src/therapon/contract.py.")
