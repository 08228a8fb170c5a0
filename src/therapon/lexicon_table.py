"""`python -m therapon.lexicon_table`: write therapon_check's compiled lexicon table.

The table (therapon_check/compiled.py says why it exists) is generated from the lexicons and
the reading code, never written by hand; `make install` runs this, and tests/test_compiled.py
fails when the committed table is not what this would write.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from therapon_check.compiled import TABLE, generate

from .wheel import CHECKER_DIR


def write_table(package_dir: Path = CHECKER_DIR) -> bool:
    """Write the table beside the lexicons; whether it changed."""
    target = package_dir / TABLE
    text = generate()
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    target.write_text(text, encoding="utf-8")
    return True


def main() -> int:
    changed = write_table()
    target = CHECKER_DIR / TABLE
    count = len(json.loads(target.read_text(encoding="utf-8"))["entries"])
    print(f"{target}: {'written' if changed else 'already up to date'} ({count} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
