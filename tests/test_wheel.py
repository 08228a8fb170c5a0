"""The therapon_check wheel: reproducible bytes, a content-hash version, a correct RECORD, and
an entry in Pyodide's lock file whose sha256 matches what we ship."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

import therapon_check
from therapon import runtime
from therapon.locking import PREPARED_LOCK, lock_with_wheel, prepare_lock, prepared_lock
from therapon.wheel import BASE_VERSION, DIST_NAME, PACKAGE_NAME, ZIP_DATE, Wheel, build_wheel

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = Path(therapon_check.__file__).parent
SOURCES = sorted(p.name for p in PACKAGE_DIR.glob("*.py")) + sorted(  # modules, then the word lists
    p.relative_to(PACKAGE_DIR).as_posix() for p in (PACKAGE_DIR / "lexicon").rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def wheel() -> Wheel:
    return build_wheel(PACKAGE_DIR)


def members(wheel: Wheel) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(wheel.data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def test_build_is_reproducible(wheel, tmp_path):
    assert build_wheel(PACKAGE_DIR) == wheel
    # Another folder with the same files, written later, gives the very same bytes.
    copy = tmp_path / DIST_NAME
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert build_wheel(copy).data == wheel.data


def test_filename_carries_a_content_hash_version(wheel):
    digest = hashlib.sha256(b"".join((PACKAGE_DIR / n).read_bytes() for n in SOURCES)).hexdigest()
    assert wheel.version == f"{BASE_VERSION}+{digest[:10]}"
    assert wheel.filename == f"{DIST_NAME}-{wheel.version}-py3-none-any.whl"
    assert re.fullmatch(r"therapon_check-0\.1\.0\+[0-9a-f]{10}-py3-none-any\.whl", wheel.filename)


def test_changed_source_changes_the_version(wheel, tmp_path):
    copy = tmp_path / DIST_NAME
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "checking.py").write_text((copy / "checking.py").read_text() + "\n# edited\n")
    changed = build_wheel(copy)
    assert changed.version != wheel.version
    assert changed.filename != wheel.filename


def test_contains_the_package_sources_and_metadata(wheel):
    files = members(wheel)
    dist_info = f"{DIST_NAME}-{wheel.version}.dist-info"
    assert sorted(files) == sorted(
        [f"{DIST_NAME}/{name}" for name in SOURCES]
        + [f"{dist_info}/{name}" for name in ("METADATA", "WHEEL", "top_level.txt", "RECORD")])
    assert {"__init__.py", "sandbox.py", "learner.py", "checking.py"} <= set(SOURCES)
    for name in SOURCES:
        assert files[f"{DIST_NAME}/{name}"] == (PACKAGE_DIR / name).read_bytes()
    metadata = files[f"{dist_info}/METADATA"].decode()
    assert metadata.startswith("Metadata-Version: 2.1\n")
    assert f"\nName: {PACKAGE_NAME}\n" in metadata
    assert f"\nVersion: {wheel.version}\n" in metadata
    wheel_file = files[f"{dist_info}/WHEEL"].decode().splitlines()
    assert {"Wheel-Version: 1.0", "Root-Is-Purelib: true", "Tag: py3-none-any"} <= set(wheel_file)
    assert files[f"{dist_info}/top_level.txt"] == f"{DIST_NAME}\n".encode()


def test_record_lists_every_file_with_its_sha256_and_size(wheel):
    files = members(wheel)
    record_name = f"{DIST_NAME}-{wheel.version}.dist-info/RECORD"
    rows = list(csv.reader(io.StringIO(files[record_name].decode())))
    assert sorted(row[0] for row in rows) == sorted(files)
    for name, digest, size in rows:
        if name == record_name:
            assert (digest, size) == ("", "")
            continue
        expected = base64.urlsafe_b64encode(hashlib.sha256(files[name]).digest()).rstrip(b"=")
        assert digest == f"sha256={expected.decode()}", name
        assert int(size) == len(files[name]), name


def test_zip_entries_have_fixed_dates_and_modes(wheel):
    with zipfile.ZipFile(io.BytesIO(wheel.data)) as archive:
        for info in archive.infolist():
            assert info.date_time == ZIP_DATE, info.filename
            assert info.external_attr >> 16 == 0o644, info.filename
            assert info.compress_type == zipfile.ZIP_DEFLATED, info.filename


def test_lock_with_wheel_adds_the_package_with_its_sha256(wheel):
    lock_text = (ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text()
    before = json.loads(lock_text)
    after = json.loads(lock_with_wheel(lock_text, wheel.filename, wheel.data))
    entry = after["packages"][PACKAGE_NAME]
    assert entry["sha256"] == hashlib.sha256(wheel.data).hexdigest()
    assert entry["file_name"] == wheel.filename
    assert entry["version"] == wheel.version
    assert entry["imports"] == [DIST_NAME]
    assert entry["depends"] == []
    assert set(after["packages"]) == set(before["packages"]) | {PACKAGE_NAME}
    assert after["info"] == before["info"]


def test_the_lock_written_ahead_serves_only_its_own_inputs(wheel, tmp_path):
    lock_text = (ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text()
    path = tmp_path / PREPARED_LOCK
    prepare_lock(path, lock_text, wheel.filename, wheel.data)
    assert prepared_lock(path, lock_text, wheel.filename, wheel.data) == \
        lock_with_wheel(lock_text, wheel.filename, wheel.data)
    assert prepared_lock(path, lock_text + "\n", wheel.filename, wheel.data) is None  # another Pyodide
    assert prepared_lock(path, lock_text, wheel.filename, wheel.data + b"\0") is None  # another wheel
    assert prepared_lock(path, lock_text, "therapon_check-9-py3-none-any.whl", wheel.data) is None
    path.write_text("{ not json")
    assert prepared_lock(path, lock_text, wheel.filename, wheel.data) is None
    assert prepared_lock(tmp_path / "absent.json", lock_text, wheel.filename, wheel.data) is None


def test_a_cold_build_takes_the_lock_written_ahead_and_a_stale_one_is_relocked(wheel, tmp_path, monkeypatch):
    lock_text = (ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text()
    ahead = tmp_path / PREPARED_LOCK
    prepare_lock(ahead, lock_text, wheel.filename, wheel.data)
    ready = replace(runtime.locate(wheel, tmp_path / "cache"), prepared_lock=ahead)

    def no_locking(*args):
        raise AssertionError("locked again although the lock was written ahead")

    monkeypatch.setattr(runtime, "lock_with_wheel", no_locking)
    runtime.install(ready, tmp_path / "site")
    assert sha256_in_lock(tmp_path / "site") == hashlib.sha256(wheel.data).hexdigest()

    monkeypatch.setattr(runtime, "lock_with_wheel", lock_with_wheel)
    other = build_wheel_with_change(tmp_path, wheel)
    stale = replace(runtime.locate(other, tmp_path / "cache2"), prepared_lock=ahead)
    runtime.install(stale, tmp_path / "site2")
    assert sha256_in_lock(tmp_path / "site2") == hashlib.sha256(other.data).hexdigest()


def sha256_in_lock(site: Path) -> str:
    return runtime.lock_entry(site, PACKAGE_NAME)["sha256"]


def build_wheel_with_change(tmp_path: Path, wheel: Wheel) -> Wheel:
    """The same package with one module changed, so its wheel (and lock entry) differ."""
    copy = tmp_path / "therapon_check"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "__init__.py").write_text((copy / "__init__.py").read_text() + "\n# changed\n")
    changed = build_wheel(copy)
    assert changed.data != wheel.data
    return changed
