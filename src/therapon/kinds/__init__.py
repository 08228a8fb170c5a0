"""The exercise kinds, by the name authors write in `kind = "…"`.

Each kind module provides NAME, FILES (role -> file name), FIELDS (its own metadata table),
NEEDS_PYTHON (whether its page must start Pyodide), jobs() (what the build runs in a child
Python), verify() (what the verdicts mean for the author), page_data() and render_body(),
so adding a kind means adding one module and one line here.
"""

from __future__ import annotations

from types import ModuleType

from . import choice, code, reflection, text

KINDS: dict[str, ModuleType] = {kind.NAME: kind for kind in (code, text, choice, reflection)}
