"""Wheel build step: bundle the browser scripts and put them, with Pyodide's runtime files,
into the wheel under therapon/built/, where therapon.runtime looks when it has no sources."""

from __future__ import annotations

import subprocess
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
BUNDLES = ("therapon", "editor/editor.js", "therapon-preload.json")
PREPARED_LOCK = "pyodide-lock-prepared.json"  # therapon/locking.py
BYTECODE = "bytecode"  # therapon/bytecode.py


class BrowserFiles(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install runs from the repository, which bundles on demand
        root = Path(self.root)
        if not (root / "node_modules" / ".package-lock.json").is_file():
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=root, check=True)
        subprocess.run(["node", "src/therapon/theme/src/build.mjs"], cwd=root, check=True)
        for name in BUNDLES:
            build_data["force_include"][str(root / "build" / name)] = f"therapon/built/{name}"
        ahead = root / "build" / PREPARED_LOCK
        if ahead.is_file():  # written by make install; a stale one is ignored where it is read
            build_data["force_include"][str(ahead)] = f"therapon/built/{PREPARED_LOCK}"
        bytecode = root / "build" / BYTECODE  # the same: written by make install, checked where read
        if bytecode.is_dir():
            build_data["force_include"][str(bytecode)] = f"therapon/built/{BYTECODE}"
        for name in PYODIDE_FILES:
            build_data["force_include"][str(root / "node_modules" / "pyodide" / name)] = \
                f"therapon/built/pyodide/{name}"
