"""Put the browser runtime into the built site: Pyodide's files from npm, our wheel registered
in Pyodide's lock file (so loadPackage checks its sha256), and the bundled editor."""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import AuthoringError, AuthoringFailed
from .wheel import Wheel

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
SITE_PYODIDE_DIR = "pyodide"
EDITOR_BUNDLE = Path("build/editor/editor.js")
SITE_EDITOR_PATH = "assets/therapon/editor.js"


@dataclass(frozen=True)
class Runtime:
    pyodide_dir: Path
    editor_bundle: Path
    wheel: Wheel

    def download_bytes(self) -> int:
        """What a cold start downloads, for the loading bar's percentage."""
        big = ("pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
        return sum((self.pyodide_dir / name).stat().st_size for name in big) + len(self.wheel.data)


def locate(root: Path, wheel: Wheel) -> Runtime:
    """Find the runtime's inputs, or fail with the command that provides them."""
    pyodide_dir = root / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (pyodide_dir / name).is_file()]
    if missing:
        raise AuthoringFailed([AuthoringError(
            "node_modules/pyodide", f"Pyodide's runtime files are missing ({', '.join(missing)}). "
            "Run `npm ci` in the project folder (make build does this for you).")])
    editor = root / EDITOR_BUNDLE
    if not editor.is_file():
        raise AuthoringFailed([AuthoringError(
            EDITOR_BUNDLE, "the code editor bundle is missing. Run `npm run build:editor` "
            "(make build does this for you).")])
    return Runtime(pyodide_dir, editor, wheel)


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


def _copy_if_changed(source: Path, target: Path) -> None:
    if target.exists() and target.stat().st_size == source.stat().st_size \
            and target.stat().st_mtime >= source.stat().st_mtime:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def install(runtime: Runtime, site_dir: Path) -> None:
    target = site_dir / SITE_PYODIDE_DIR
    for name in PYODIDE_FILES[:-1]:
        _copy_if_changed(runtime.pyodide_dir / name, target / name)
    for stale in target.glob("therapon_check-*.whl"):
        stale.unlink()
    (target / runtime.wheel.filename).write_bytes(runtime.wheel.data)
    lock_text = (runtime.pyodide_dir / "pyodide-lock.json").read_text()
    lock = lock_with_wheel(lock_text, runtime.wheel.filename, runtime.wheel.data)
    (target / "pyodide-lock.json").write_text(lock)
    _copy_if_changed(runtime.editor_bundle, site_dir / SITE_EDITOR_PATH)


def lock_entry(site_dir: Path, package: str) -> dict:
    """Our package's entry in the site's lock file (used by tests and benchmarks)."""
    lock = json.loads((site_dir / SITE_PYODIDE_DIR / "pyodide-lock.json").read_text())
    return lock["packages"][package]
