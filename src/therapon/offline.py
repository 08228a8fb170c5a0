"""The service worker's build: which files it keeps for offline use, each with its sha256.

The worker's source is plain JavaScript (src/therapon/theme/src/service-worker.js); the build prepends
the list below, so any change to any file gives a new worker, and the browser installs it as
an update. The worker checks every download against its sha256, so it can never mix files
from two deployments in one cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .cache import DiskCache, key_of
from .contract import PYTHON_WORKER as WORKER_FILE
from .csp import WORKER_POLICY
from .runtime import SITE_PYODIDE_DIR, SITE_SCRIPTS_DIR

SERVICE_WORKER = "sw.js"
PYTHON_WORKER = f"{SITE_SCRIPTS_DIR}/{WORKER_FILE}"
SOURCE = Path(__file__).resolve().parent / "theme" / "src" / "service-worker.js"
# Never precached: the worker itself; the Python runtime (13 MB, cached only once a page that
# needs Python has started it, so pages without exercises never cost a Pyodide byte); search
# languages other than English, source maps and the gzipped sitemap, which no page loads.
SKIPPED_DIRS = (f"{SITE_PYODIDE_DIR}/", "assets/javascripts/lunr/")
SKIPPED_SUFFIXES = (".map", ".gz")


@dataclass(frozen=True)
class Entry:
    """One cached URL (relative to the site root) and the sha256 its bytes must have."""

    url: str
    sha256: str


def page_url(relative: str) -> str:
    """Material links to folders, not to index.html; the cache is keyed the same way."""
    path = PurePosixPath(relative)
    return "" if relative == "index.html" else f"{path.parent}/" if path.name == "index.html" \
        else relative


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class WrittenPages:
    """The sha256 of each page as the build hands it to MkDocs, taken from memory, so that the
    service worker's list need not read every page back from disk. A page whose file is not the
    size it was handed over at (another plugin changed it afterwards) is read from disk."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str]] = {}

    def record(self, dest_path: str, html: str) -> None:
        data = html.encode("utf-8", errors="xmlcharrefreplace")  # as MkDocs writes it
        self.pages[PurePosixPath(dest_path).as_posix()] = (len(data), hashlib.sha256(data).hexdigest())

    def digest(self, site_dir: Path, relative: str) -> str:
        known = self.pages.get(relative)
        path = site_dir / relative
        if known is not None and path.stat().st_size == known[0]:
            return known[1]
        return digest(path)


def site_files(site_dir: Path) -> Iterable[str]:
    """Every file the worker may keep, by its path in the site, in pathlib's order (by parts).
    os.walk, not rglob: pathlib made a Path and a stat for each of the site's files and
    folders, 20 ms of a 200-page build; neither follows a link to a folder."""
    found = []
    for folder, _, names in os.walk(site_dir):
        inside = os.path.relpath(folder, site_dir)
        prefix = "" if inside == "." else inside.replace(os.sep, "/") + "/"
        found += [prefix + name for name in names if os.path.isfile(os.path.join(folder, name))]
    found.sort(key=lambda relative: relative.split("/"))
    for relative in found:
        if relative != SERVICE_WORKER and not relative.startswith(SKIPPED_DIRS) \
                and not relative.endswith(SKIPPED_SUFFIXES):
            yield relative


def precache(site_dir: Path, course_url: str, written: WrittenPages | None = None) -> list[Entry]:
    """Every page and asset, with course.json under its versioned URL (see course_url)."""
    course_file = course_url.split("?", 1)[0]
    written = written or WrittenPages()
    return [Entry(course_url if relative == course_file else page_url(relative),
                  written.digest(site_dir, relative)) for relative in site_files(site_dir)]


def runtime_entries(site_dir: Path, digests: DiskCache) -> list[Entry]:
    """Pyodide's files; their 13 MB are hashed again only when a file's size or time changes."""
    entries = []
    for path in sorted((site_dir / SITE_PYODIDE_DIR).iterdir()):
        if path.is_file():
            stat = path.stat()
            key = key_of(path.name, str(stat.st_size), str(stat.st_mtime_ns))
            sha = digests.get(key) or digests.put(key, digest(path))
            entries.append(Entry(f"{SITE_PYODIDE_DIR}/{path.name}", sha))
    return entries


def version_of(entries: list[Entry]) -> str:
    return hashlib.sha256("\n".join(f"{e.url} {e.sha256}" for e in entries).encode()).hexdigest()[:16]


def write_service_worker(site_dir: Path, course_id: str, course_url: str, cache_dir: Path,
                         written: WrittenPages | None = None) -> str:
    """Write sw.js at the site root (its scope is the whole site, also under a sub-path)."""
    digests = DiskCache(cache_dir / "digests.json")
    pages, runtime = precache(site_dir, course_url, written), runtime_entries(site_dir, digests)
    digests.save()
    build = {
        "course": course_id,
        "version": version_of(pages + runtime),
        "precache": [[e.url, e.sha256] for e in pages],
        "runtime": [[e.url, e.sha256] for e in runtime],
        "worker": {"url": PYTHON_WORKER, "policy": WORKER_POLICY},
    }
    header = f"// Generated by the build; the code below is src/therapon/theme/src/{SOURCE.name}.\n" \
        f"self.THERAPON_BUILD = {json.dumps(build, separators=(',', ':'))};\n"
    (site_dir / SERVICE_WORKER).write_text(header + SOURCE.read_text())
    return build["version"]
