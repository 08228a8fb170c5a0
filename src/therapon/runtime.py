"""Put the browser runtime into the built site: Pyodide's files from npm, our wheel registered
in Pyodide's lock file (so loadPackage checks its sha256), and the bundled scripts and editor.

The engine runs either from its repository or from an installed wheel. The wheel ships the
bundles and Pyodide's files already built (under therapon/built/), so an author needs no Node.
In the repository the scripts' sources (theme/assets/therapon/, theme/src/) are bundled by
esbuild (theme/src/build.mjs) into build/, and a build whose bundle is older than its sources
makes it again, so `make serve` shows a script edit at once."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .cache import DiskCache, key_of
from .contract import write_javascript
from .errors import AuthoringError, AuthoringFailed
from .locking import PREPARED_LOCK, lock_with_wheel, prepared_lock
from .wheel import Wheel

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
SITE_PYODIDE_DIR = "pyodide"
SITE_EDITOR_PATH = "assets/therapon/editor.js"
SITE_SCRIPTS_DIR = "assets/therapon"

PACKAGE_DIR = Path(__file__).resolve().parent
THEME_DIR = PACKAGE_DIR / "theme"          # templates, styles and (in the repository) script sources
SHIPPED_DIR = PACKAGE_DIR / "built"        # in a wheel: what build/ and node_modules/pyodide hold here
BUNDLE_SCRIPT = THEME_DIR / "src" / "build.mjs"
SCRIPT_SOURCES = (THEME_DIR / "assets" / "therapon", THEME_DIR / "src")
# What the bundler writes (relative to the repository, or to SHIPPED_DIR in a wheel).
EDITOR_BUNDLE = Path("editor/editor.js")
SCRIPTS_BUNDLE = Path("therapon")
SCRIPTS_PRELOAD = Path("therapon-preload.json")  # main.js and the chunks it imports


def is_bundled_source(theme_path: str) -> bool:
    """A theme file that reaches the site only through the bundle (or not at all)."""
    return theme_path.startswith("src/") or (
        theme_path.startswith(f"{SITE_SCRIPTS_DIR}/") and theme_path.endswith(".js"))


def _newest(paths: list[Path]) -> float:
    return max((p.stat().st_mtime for p in paths), default=0.0)


@dataclass(frozen=True)
class EngineFiles:
    """Where this copy of the engine keeps Pyodide and the bundles; `checkout` is the repository
    when the engine runs from its sources (and can bundle them), else None."""
    pyodide_dir: Path
    built_dir: Path
    checkout: Path | None

    def outputs(self) -> list[Path]:
        return [self.built_dir / EDITOR_BUNDLE, self.built_dir / SCRIPTS_BUNDLE / "main.js",
                self.built_dir / SCRIPTS_PRELOAD]


def engine_files() -> EngineFiles:
    if BUNDLE_SCRIPT.is_file():
        checkout = PACKAGE_DIR.parents[1]
        return EngineFiles(checkout / "node_modules" / "pyodide", checkout / "build", checkout)
    return EngineFiles(SHIPPED_DIR / "pyodide", SHIPPED_DIR, None)


def bundles_are_stale(files: EngineFiles) -> bool:
    if not all(p.is_file() for p in files.outputs()):
        return True
    if files.checkout is None:
        return False
    sources = [p for folder in SCRIPT_SOURCES for p in folder.rglob("*") if p.suffix in (".js", ".mjs")]
    return _newest(sources) > min(p.stat().st_mtime for p in files.outputs())


def ensure_bundles(files: EngineFiles) -> None:
    """Bundle the browser code when it is missing or older than its sources. In a checkout the
    contract's JavaScript is written first, if contract.py changed it, so the bundle holds it."""
    if files.checkout is not None:
        write_javascript()
    if not bundles_are_stale(files):
        return
    if files.checkout is None:
        raise AuthoringFailed([AuthoringError(
            files.built_dir, "this installed copy of Therapon lacks its browser scripts. Reinstall "
            "it from a wheel (`pip install --force-reinstall therapon-*.whl`).")])
    try:
        result = subprocess.run(["node", str(BUNDLE_SCRIPT)], cwd=files.checkout,
                                capture_output=True, text=True)
    except FileNotFoundError:
        result = None
    if result is None or result.returncode != 0:
        detail = (result.stderr.strip().splitlines() or [""])[-1] if result else "node is not installed"
        raise AuthoringFailed([AuthoringError(
            BUNDLE_SCRIPT.relative_to(files.checkout),
            f"the browser scripts could not be bundled ({detail}). Run `npm ci`, "
            "then `npm run build:assets` to see the whole error (make build does both).")])


@dataclass(frozen=True)
class Runtime:
    pyodide_dir: Path
    editor_bundle: Path
    scripts_bundle: Path
    wheel: Wheel
    cache_dir: Path
    prepared_lock: Path  # the lock written when the engine was installed (locking.py)

    def preload(self) -> list[str]:
        """The page script and its chunks, for <link rel="modulepreload"> in every page."""
        names = json.loads((self.scripts_bundle.parent / SCRIPTS_PRELOAD.name).read_text())
        return [f"{SITE_SCRIPTS_DIR}/{name}" for name in names]

    def download_bytes(self) -> int:
        """What a cold start downloads, for the loading bar's percentage."""
        big = ("pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
        return sum((self.pyodide_dir / name).stat().st_size for name in big) + len(self.wheel.data)


def locate(wheel: Wheel, cache_dir: Path, files: EngineFiles | None = None) -> Runtime:
    """Find the runtime's inputs, or fail with the command that provides them."""
    files = files or engine_files()
    missing = [name for name in PYODIDE_FILES if not (files.pyodide_dir / name).is_file()]
    if missing:
        where = "node_modules/pyodide" if files.checkout else files.pyodide_dir
        fix = ("Run `npm ci` in the project folder (make build does this for you)." if files.checkout
               else "Reinstall Therapon from its wheel.")
        raise AuthoringFailed([AuthoringError(
            where, f"Pyodide's runtime files are missing ({', '.join(missing)}). {fix}")])
    ensure_bundles(files)
    return Runtime(files.pyodide_dir, files.built_dir / EDITOR_BUNDLE, files.built_dir / SCRIPTS_BUNDLE,
                   wheel, cache_dir, files.built_dir / PREPARED_LOCK)


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
    locks = DiskCache(runtime.cache_dir / "lock.json")  # pyodide-lock (and pydantic) is slow to import
    key = key_of(lock_text, runtime.wheel.filename, hashlib.sha256(runtime.wheel.data).hexdigest())
    wheel = (runtime.wheel.filename, runtime.wheel.data)
    lock = locks.get(key) or locks.put(
        key, prepared_lock(runtime.prepared_lock, lock_text, *wheel) or lock_with_wheel(lock_text, *wheel))
    locks.save()
    (target / "pyodide-lock.json").write_text(lock)
    _copy_if_changed(runtime.editor_bundle, site_dir / SITE_EDITOR_PATH)
    for script in sorted(runtime.scripts_bundle.iterdir()):
        _copy_if_changed(script, site_dir / SITE_SCRIPTS_DIR / script.name)


def lock_entry(site_dir: Path, package: str) -> dict:
    """Our package's entry in the site's lock file (used by tests and benchmarks)."""
    lock = json.loads((site_dir / SITE_PYODIDE_DIR / "pyodide-lock.json").read_text())
    return lock["packages"][package]
