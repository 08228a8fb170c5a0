"""Package therapon_check as a pure-Python wheel, in memory and byte-for-byte reproducible.

Writing the zip ourselves takes milliseconds, where a PEP 517 build takes seconds on every
rebuild. The version carries a content hash, so a browser cache never mixes two builds. The
browser's wheel also carries the modules' bytecode, compiled ahead by Pyodide (bytecode.py).
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DIST_NAME = "therapon_check"
CHECKER_DIR = Path(__file__).resolve().parent.parent / DIST_NAME  # src/therapon_check/
PACKAGE_NAME = "therapon-check"
BASE_VERSION = "0.1.0"
ZIP_DATE = (2020, 1, 1, 0, 0, 0)
DATA_DIR = "lexicon"  # data files the package reads, e.g. the word lists


@dataclass(frozen=True)
class Wheel:
    filename: str
    data: bytes
    version: str


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def package_files(package_dir: Path) -> list[Path]:
    """What the wheel ships, in a fixed order: the modules, then every data file under lexicon/."""
    data_dir = package_dir / DATA_DIR
    data = [p for p in data_dir.rglob("*") if p.is_file() and not _skipped(p.relative_to(data_dir))]
    data.sort(key=lambda p: p.relative_to(package_dir).as_posix())
    return sorted(package_dir.glob("*.py")) + data


def _skipped(relative: Path) -> bool:
    """Editor and cache litter that must never change the wheel: hidden files and __pycache__."""
    return any(part.startswith(".") or part == "__pycache__" for part in relative.parts)


def build_wheel(package_dir: Path, bytecode: Mapping[str, bytes] | None = None) -> Wheel:
    """`bytecode`: more files for the package, by their path in it (bytecode.wheel_bytecode)."""
    sources = {f"{DIST_NAME}/{p.relative_to(package_dir).as_posix()}": p.read_bytes()
               for p in package_files(package_dir)}
    sources.update({f"{DIST_NAME}/{name}": data for name, data in (bytecode or {}).items()})
    version = f"{BASE_VERSION}+{hashlib.sha256(b''.join(sources.values())).hexdigest()[:10]}"
    dist_info = f"{DIST_NAME}-{version}.dist-info"
    files = dict(sources)
    files[f"{dist_info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {PACKAGE_NAME}\nVersion: {version}\n"
        "Summary: Therapon's exercise checking, shared by the build and the browser.\n"
    ).encode()
    files[f"{dist_info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: therapon\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    files[f"{dist_info}/top_level.txt"] = f"{DIST_NAME}\n".encode()
    record = [_record_line(name, data) for name, data in files.items()]
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return Wheel(f"{DIST_NAME}-{version}-py3-none-any.whl", buffer.getvalue(), version)


def browser_wheel(built_dir: Path, pyodide_dir: Path) -> Wheel:
    """The checking wheel the site serves: the package, with the bytecode compiled ahead for
    this Pyodide where it is current (none, and only slower, where it is not)."""
    from .bytecode import BYTECODE_DIR, lock_python, wheel_bytecode

    bytecode = wheel_bytecode(CHECKER_DIR, built_dir / BYTECODE_DIR, lock_python(pyodide_dir))
    return build_wheel(CHECKER_DIR, bytecode)
