"""Our wheel registered in Pyodide's lock file, through pyodide-lock, so that `loadPackage` checks
its sha256 in the browser.

pyodide-lock imports pydantic and validates the whole 300 KB lock, about 0.13 s that every cold
build paid. So the lock is also written ahead, once, when the engine is installed (`make install`,
and the wheel build after it), into a file that names its inputs: a build whose wheel or Pyodide
differs from them ignores the file and locks afresh, and its build/cache keeps the result."""

from __future__ import annotations

import hashlib
import json
import tempfile
from functools import lru_cache
from pathlib import Path

PREPARED_LOCK = Path("pyodide-lock-prepared.json")  # beside the bundles (build/, or built/ in a wheel)


@lru_cache(maxsize=4)
def lock_with_wheel(lock_text: str, wheel_name: str, wheel_data: bytes) -> str:
    """Pyodide's lock file plus our wheel, as `pyodide lockfile add-wheels` writes it."""
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    with tempfile.TemporaryDirectory() as tmp:
        lock_path, wheel_path = Path(tmp) / "pyodide-lock.json", Path(tmp) / wheel_name
        lock_path.write_text(lock_text)
        wheel_path.write_bytes(wheel_data)
        spec = add_wheels_to_spec(PyodideLockSpec.from_json(lock_path), [wheel_path])
        out = Path(tmp) / "out.json"
        spec.to_json(out)
        return out.read_text()


def _inputs(lock_text: str, wheel_name: str, wheel_data: bytes) -> dict[str, str]:
    return {"pyodide_lock_sha256": hashlib.sha256(lock_text.encode()).hexdigest(),
            "wheel": wheel_name, "wheel_sha256": hashlib.sha256(wheel_data).hexdigest()}


def prepared_lock(path: Path, lock_text: str, wheel_name: str, wheel_data: bytes) -> str | None:
    """The lock written ahead for exactly these inputs, or None (absent, unreadable or stale)."""
    try:
        stored = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("inputs") != _inputs(lock_text, wheel_name, wheel_data):
        return None
    lock = stored.get("lock")
    return lock if isinstance(lock, str) else None


def prepare_lock(path: Path, lock_text: str, wheel_name: str, wheel_data: bytes) -> None:
    lock = lock_with_wheel(lock_text, wheel_name, wheel_data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"inputs": _inputs(lock_text, wheel_name, wheel_data), "lock": lock}))


def main() -> None:
    """`python -m therapon.locking`: write the lock ahead for this engine's wheel and Pyodide."""
    from .runtime import engine_files
    from .wheel import browser_wheel

    files = engine_files()
    wheel = browser_wheel(files.built_dir, files.pyodide_dir)
    target = files.built_dir / PREPARED_LOCK
    lock_text = (files.pyodide_dir / "pyodide-lock.json").read_text()
    if prepared_lock(target, lock_text, wheel.filename, wheel.data) is None:
        prepare_lock(target, lock_text, wheel.filename, wheel.data)
    print(f"{target}: Pyodide's lock with {wheel.filename}")


if __name__ == "__main__":
    main()
