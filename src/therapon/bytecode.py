"""therapon_check's modules as bytecode for the browser's Python, compiled ahead by that Python.

Pyodide never writes bytecode, so the browser compiled every module of the package from source
on the first Check: about half of the package's import there. `python -m therapon.bytecode`
(run by `make install`, and before the engine's wheel is built) has Pyodide's own Python
compile them under Node (bytecode.mjs) into build/bytecode/, and the checking wheel carries
each .pyc beside the very source it was made from. A .pyc whose source has changed since is
left out; one the browser's Python cannot use (another Python) it ignores and compiles the
source, as before: stale bytecode can cost time, never a wrong answer.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

BYTECODE_DIR = Path("bytecode")  # beside the bundles (build/, or built/ in the engine's wheel)
MANIFEST = "manifest.json"
SCRIPT = Path(__file__).with_name("bytecode.mjs")
LOCK_PYTHON = re.compile(r'^\s*\{\s*"info"\s*:\s*\{[^{}]*?"python"\s*:\s*"([0-9.]+)"')


def wheel_bytecode(package_dir: Path, bytecode_dir: Path | None, python: str | None) -> dict[str, bytes]:
    """Wheel entries (`__pycache__/<module>.<tag>.pyc`, under the package) for each module of
    `package_dir` whose bytecode in `bytecode_dir` was compiled from its current source by the
    Python `python` ("3.14": the one in Pyodide's lock). Nothing where any of it is missing."""
    if bytecode_dir is None or python is None:
        return {}
    try:
        manifest = json.loads((bytecode_dir / MANIFEST).read_text())
        modules = manifest["modules"] if manifest["python"] == python else {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    found = {}
    for name, made in sorted(modules.items()):
        source, pyc = package_dir / name, bytecode_dir / str(made.get("pyc", ""))
        current = source.is_file() and hashlib.sha256(source.read_bytes()).hexdigest() == made.get("sha256")
        if current and pyc.is_file():
            found[f"__pycache__/{pyc.name}"] = pyc.read_bytes()
    return found


def lock_python(pyodide_dir: Path) -> str | None:
    """The Python of Pyodide's lock file, as major.minor: bytecode is only good for that one.
    Read from the lock's opening "info", not by parsing all 300 KB of it (12 ms a build)."""
    try:
        with (pyodide_dir / "pyodide-lock.json").open(encoding="utf-8") as lock:
            found = LOCK_PYTHON.search(lock.read(4096))
    except OSError:
        return None
    return ".".join(found[1].split(".")[:2]) if found else None


def compile_bytecode(pyodide_dir: Path, package_dir: Path, out_dir: Path) -> None:
    node = shutil.which("node")
    if node is None:
        raise SystemExit("therapon.bytecode needs Node.js to run Pyodide: install it (apt install nodejs).")
    subprocess.run([node, str(SCRIPT), str(pyodide_dir), str(package_dir), str(out_dir)], check=True)


def main() -> None:
    """`python -m therapon.bytecode`: compile this engine's checking package for its Pyodide."""
    from .runtime import engine_files
    from .wheel import CHECKER_DIR

    files = engine_files()
    target = files.built_dir / BYTECODE_DIR
    compile_bytecode(files.pyodide_dir, CHECKER_DIR, target)
    count = len(wheel_bytecode(CHECKER_DIR, target, lock_python(files.pyodide_dir)))
    print(f"{target}: {count} modules of {CHECKER_DIR.name} compiled by Pyodide's Python")


if __name__ == "__main__":
    main()
