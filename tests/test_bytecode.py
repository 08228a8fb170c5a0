"""The checking package's bytecode for the browser (therapon/bytecode.py): taken into the wheel
only beside the very source it was compiled from, and only for the Python of Pyodide's lock.
tests/test_pyodide.py shows that the browser's Python takes the real files."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

import therapon_check
from therapon.bytecode import BYTECODE_DIR, MANIFEST, lock_python, wheel_bytecode
from therapon.runtime import engine_files
from therapon.wheel import DIST_NAME, build_wheel

PACKAGE_DIR = Path(therapon_check.__file__).parent


def made(tmp_path: Path, package: Path, python: str = "3.14") -> Path:
    """Bytecode as bytecode.mjs leaves it: one file per module, and the manifest."""
    out = tmp_path / "bytecode"
    out.mkdir()
    modules = {}
    for source in sorted(package.glob("*.py")):
        pyc = f"{source.stem}.cpython-314.pyc"
        (out / pyc).write_bytes(b"bytecode of " + source.name.encode())
        modules[source.name] = {"pyc": pyc, "sha256": hashlib.sha256(source.read_bytes()).hexdigest()}
    manifest = {"python": python, "cache_tag": "cpython-314", "modules": modules}
    (out / MANIFEST).write_text(json.dumps(manifest))
    return out


@pytest.fixture
def package(tmp_path: Path) -> Path:
    copy = tmp_path / DIST_NAME
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_each_module_gets_its_bytecode_under_pycache(tmp_path: Path, package: Path) -> None:
    found = wheel_bytecode(package, made(tmp_path, package), "3.14")
    assert sorted(found) == sorted(f"__pycache__/{p.stem}.cpython-314.pyc" for p in package.glob("*.py"))
    assert found["__pycache__/reading.cpython-314.pyc"] == b"bytecode of reading.py"


def test_a_changed_source_goes_without_its_stale_bytecode(tmp_path: Path, package: Path) -> None:
    bytecode = made(tmp_path, package)
    (package / "reading.py").write_text((package / "reading.py").read_text() + "\n# changed\n")
    found = wheel_bytecode(package, bytecode, "3.14")
    assert "__pycache__/reading.cpython-314.pyc" not in found
    assert "__pycache__/matching.cpython-314.pyc" in found


@pytest.mark.parametrize("python", ["3.13", None])
def test_bytecode_for_another_python_or_none_is_not_taken(tmp_path: Path, package: Path, python) -> None:
    assert wheel_bytecode(package, made(tmp_path, package), python) == {}


@pytest.mark.parametrize("manifest", [None, "{not json", '{"python": "3.14"}', '["a list"]'])
def test_a_missing_or_broken_manifest_means_no_bytecode(tmp_path: Path, package: Path, manifest) -> None:
    bytecode = made(tmp_path, package)
    if manifest is None:
        (bytecode / MANIFEST).unlink()
    else:
        (bytecode / MANIFEST).write_text(manifest)
    assert wheel_bytecode(package, bytecode, "3.14") == {}
    assert wheel_bytecode(package, None, "3.14") == {}


def test_the_wheel_carries_the_bytecode_and_a_version_of_its_own(tmp_path: Path, package: Path) -> None:
    plain = build_wheel(package)
    with_bytecode = build_wheel(package, wheel_bytecode(package, made(tmp_path, package), "3.14"))
    assert with_bytecode.version != plain.version  # a browser cache never mixes the two
    with zipfile.ZipFile(io.BytesIO(with_bytecode.data)) as archive:
        names = archive.namelist()
        record = archive.read(f"{DIST_NAME}-{with_bytecode.version}.dist-info/RECORD").decode()
    assert f"{DIST_NAME}/__pycache__/reading.cpython-314.pyc" in names
    assert f"{DIST_NAME}/__pycache__/reading.cpython-314.pyc,sha256=" in record


def test_make_install_compiled_the_engines_own_modules_for_its_pyodide() -> None:
    files = engine_files()
    python = lock_python(files.pyodide_dir)
    assert python and python.count(".") == 1
    found = wheel_bytecode(PACKAGE_DIR, files.built_dir / BYTECODE_DIR, python)
    assert len(found) == len(list(PACKAGE_DIR.glob("*.py"))), (
        "build/bytecode/ is missing or stale: run `make install` (python -m therapon.bytecode)")


@pytest.mark.parametrize(("lock", "python"), [
    ('{"info": {"arch": "wasm32", "python": "3.13.2"}, "packages": {}}', "3.13"),
    ('{\n  "info": {\n    "python": "3.14.0"\n  }\n}', "3.14"),
    ('{"info": {"arch": "wasm32"}, "packages": {"x": {"python": "3.9"}}}', None),
    ("not a lock", None),
])
def test_the_locks_python_is_read_from_its_info(tmp_path: Path, lock: str, python) -> None:
    (tmp_path / "pyodide-lock.json").write_text(lock)
    assert lock_python(tmp_path) == python
    assert lock_python(tmp_path / "absent") is None
