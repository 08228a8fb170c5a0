"""Copies of the project for tests that build it: each with its own build/cache and output,
so no test reads or rewrites the repository's own build/.

Pyodide (node_modules) is linked, read-only. The browser bundles are copied, not linked: a
copy whose sources look newer would bundle again, and must write into itself."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("docs", "exercises", "hooks", "src", "mkdocs.yml")
# The engine's own test course: small, neutral, and nothing of the couples course's.
FIXTURE = ROOT / "tests" / "fixture"
FIXTURE_SOURCES = ("docs", "exercises", "mkdocs.yml")
# The bundles, and Pyodide's lock with our wheel and the package's bytecode that make install
# writes ahead (a copy whose engine is changed finds them stale and does without).
BUNDLES = ("build/therapon", "build/editor", "build/therapon-preload.json",
           "build/pyodide-lock-prepared.json", "build/bytecode")


def add_runtime(root: Path) -> Path:
    """Give `root` the installed runtime: Pyodide linked, the bundles copied (times kept)."""
    (root / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    for bundle in BUNDLES:
        source, target = ROOT / bundle, root / bundle
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    return root


def starter_project(root: Path) -> Path:
    """The course `therapon new` writes, the engine's own test course, with a copy of the engine
    (src/) beside it: a test may break either without touching the repository."""
    from therapon.scaffold import new_course

    new_course(root)
    shutil.copytree(ROOT / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__"))
    return add_runtime(root)


def fixture_project(root: Path) -> Path:
    """The engine's test course (tests/fixture/) in `root`, with a copy of the engine (src/)
    beside it and no build/cache yet: the engine's tests build and break this one, so they
    pass with the couples course's docs/, exercises/ and hooks/ deleted."""
    copy_sources(FIXTURE, FIXTURE_SOURCES, root)
    shutil.copytree(ROOT / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__"))
    return add_runtime(root)


def copy_project(root: Path) -> Path:
    """The whole couples course in `root`, to build or break, with no build/cache yet (the
    course's own tests; the engine's use fixture_project)."""
    copy_sources(ROOT, SOURCES, root)
    return add_runtime(root)


def copy_sources(base: Path, names: tuple[str, ...], root: Path) -> None:
    for name in names:
        source = base / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / name)
