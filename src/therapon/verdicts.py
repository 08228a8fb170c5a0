"""A build's verdicts: each job's result, cached by the job's own text and by the code that
judges it (the checking package and the verifier), and computed in one child Python.

The build owns one Verdicts; nothing here is a module global, so a test states the cache it
means by passing one. Timeouts are kept for this build only: a slow machine must not turn into
a failure that outlives it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cache import DiskCache, key_of
from .verify import SOURCE, Job, Verifier, is_timeout
from .wheel import CHECKER_DIR


def judging_code() -> list[Path]:
    """Everything that decides a verdict besides the job: the checking package, its lexicons
    and the verifier's own code (the child's program)."""
    files = [*CHECKER_DIR.rglob("*.py"), *CHECKER_DIR.rglob("lexicon/*"), SOURCE]
    return sorted(p for p in files if p.is_file() and "__pycache__" not in p.parts)


def verifier_fingerprint(files: list[Path] | None = None) -> str:
    """A hash of the judging code; files are re-read only when their size or time changes."""
    return _fingerprint(tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                              for p in (judging_code() if files is None else files)))


@lru_cache(maxsize=4)
def _fingerprint(stamps: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    for name, _, _ in stamps:
        digest.update(Path(name).read_bytes())
    return digest.hexdigest()


class Verdicts:
    """Verdicts for one build: from `cache_path` when a build already judged the same job with
    the same code (`fingerprint`, by default the hash of the judging code), else from
    `verifier`'s child Python."""

    def __init__(self, cache_path: Path | None, verifier: Verifier | None = None,
                 fingerprint: str | None = None) -> None:
        self.cache = DiskCache(cache_path)
        self.verifier = verifier or Verifier()
        self.fingerprint = verifier_fingerprint() if fingerprint is None else fingerprint
        self.transient: dict[str, dict[str, Any]] = {}  # timeouts: this build only
        self.computed = 0  # jobs the child ran in this build (a rebuild runs none)

    def key(self, job: Job) -> str:
        return key_of(self.fingerprint, json.dumps(job, sort_keys=True))

    def known(self, job: Job) -> dict[str, Any] | None:
        key = self.key(job)
        return self.transient.get(key) or self.cache.get(key)

    def get(self, job: Job) -> dict[str, Any]:
        """One job's verdict, cached or computed now."""
        found = self.known(job)
        if found is None:
            self.prefetch([[job]])
            found = self.known(job)
        assert found is not None
        return found

    def prefetch(self, groups: Iterable[list[Job]]) -> None:
        """Compute every uncached job, sent to the child in one batch. A group holds one
        exercise's jobs: after a timeout the rest of its group is not run, since that exercise
        fails already (a looping checker must not cost the time limit once per example)."""
        # Each job's key once: it is the job's whole text, hashed (a tenth of a 600-exercise
        # verification when it was taken four times a job).
        waiting: list[tuple[int, Job, str]] = []
        seen: set[str] = set()
        for number, group in enumerate(groups):
            for job in group:
                key = self.key(job)
                if key not in seen and (self.transient.get(key) or self.cache.get(key)) is None:
                    waiting.append((number, job, key))
                    seen.add(key)
        stopped: set[int] = set()
        while waiting:
            verdicts = self.verifier.run_batch([job for _, job, _ in waiting])
            for (number, _, key), verdict in zip(waiting, verdicts, strict=False):
                self._keep(key, verdict)
                if is_timeout(verdict):
                    stopped.add(number)
            waiting = [item for item in waiting[len(verdicts):] if item[0] not in stopped]

    def _keep(self, key: str, verdict: dict[str, Any]) -> None:
        self.computed += 1
        if is_timeout(verdict):
            self.transient[key] = verdict
        else:
            self.cache.put(key, verdict)

    def save(self) -> None:
        self.cache.save()

    def close(self) -> None:
        self.verifier.close()
