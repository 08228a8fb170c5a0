"""The exercise kinds, by the name authors write in `kind = "…"`.

Each kind module provides NAME, FILES (role -> file name), verify(), page_data() and
render_body(), so adding a kind means adding one module and one line here.
"""

from __future__ import annotations

from types import ModuleType

from . import code

KINDS: dict[str, ModuleType] = {code.NAME: code}
