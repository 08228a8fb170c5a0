"""Run exercise code at build time in a child Python with a time limit.

A looping solution fails the build instead of hanging it, and it is really stopped: the child
is killed and replaced, so nothing keeps spinning in `mkdocs serve` and the build's own
stdout is never redirected. Verdicts are cached by content (in memory, and on disk once a
build opens its cache), which keeps rebuilds fast.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cache import DiskCache, key_of
from .wheel import CHECKER_DIR

VERIFY_TIMEOUT_SECONDS = 10.0
REPLY_PREFIX = "\x00therapon-verdict "
verdicts = DiskCache(None)
_fingerprint_of_build: str | None = None

# The child reads one JSON job per line and answers on a marked line, so anything learner
# code writes straight to file descriptor 1 cannot be mistaken for an answer.
CHILD_PROGRAM = f"""
import json, sys
from therapon_check import check, check_text
for line in sys.stdin:
    job = json.loads(line)
    if job["op"] == "text":
        verdict = check_text(job["checker"], job["response"])
    else:
        verdict = check(job["source"], job["checks"])
    reply = json.dumps(verdict)
    sys.__stdout__.write({REPLY_PREFIX!r} + reply + "\\n")
    sys.__stdout__.flush()
"""


class Verifier:
    """One child Python for the whole build, replaced whenever a job runs out of time."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[str] | None = None
        self.replies: queue.Queue[str | None] = queue.Queue()
        self.lock = threading.Lock()

    def _start(self) -> subprocess.Popen[str]:
        hooks_dir = str(CHECKER_DIR.parent)
        process = subprocess.Popen(
            [sys.executable, "-c", CHILD_PROGRAM], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8",
            env={"PYTHONPATH": hooks_dir, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"},
        )
        replies: queue.Queue[str | None] = queue.Queue()

        def read() -> None:
            for line in process.stdout:  # type: ignore[union-attr]
                if line.startswith(REPLY_PREFIX):
                    replies.put(line[len(REPLY_PREFIX):])
            replies.put(None)

        threading.Thread(target=read, daemon=True, name="therapon-verify-reader").start()
        self.process, self.replies = process, replies
        return process

    def run(self, job: dict[str, str], seconds: float | None = None) -> dict[str, Any]:
        """A therapon_check verdict from the child, or {"timeout": ...} when it ran too long.
        One job at a time: under `mkdocs serve` a new build may start before the last ends."""
        with self.lock:
            return self._run(job, seconds)

    def _run(self, job: dict[str, str], seconds: float | None) -> dict[str, Any]:
        limit = VERIFY_TIMEOUT_SECONDS if seconds is None else seconds
        process = self.process if self.process and self.process.poll() is None else self._start()
        assert process.stdin is not None
        process.stdin.write(json.dumps(job) + "\n")
        process.stdin.flush()
        try:
            reply = self.replies.get(timeout=limit)
        except queue.Empty:
            self.close()
            return {"timeout": f"it ran for more than {limit:g} seconds"}
        if reply is None:  # the child died, e.g. the code exhausted its memory
            self.close()
            return {"timeout": "Python stopped while running it"}
        return json.loads(reply)

    def close(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


_verifier = Verifier()
atexit.register(_verifier.close)


def run_checks(source: str, checks: str) -> dict[str, Any]:
    """The verdict on one piece of code, from the shared child process."""
    return _verifier.run({"op": "code", "source": source, "checks": checks})


def run_text_checker(checker: str, response: str) -> dict[str, Any]:
    """A text checker's verdict on one response, from the shared child process."""
    return _verifier.run({"op": "text", "checker": checker, "response": response})


def checker_fingerprint() -> str:
    """A hash of the checking package and its lexicons, so editing either invalidates cached verdicts.

    Files are only re-read when their size or modification time changes."""
    files = sorted([*CHECKER_DIR.glob("*.py"), *CHECKER_DIR.glob("lexicon/*")])
    return _fingerprint(tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))


@lru_cache(maxsize=4)
def _fingerprint(stamps: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    for name, _, _ in stamps:
        digest.update(Path(name).read_bytes())
    return digest.hexdigest()


def open_verdicts(path: Path) -> None:
    """Keep this build's verdicts in `path`, and start from the last build's. The checking
    package is fingerprinted once here rather than for every verdict."""
    global verdicts, _fingerprint_of_build
    verdicts = DiskCache(path)
    _fingerprint_of_build = checker_fingerprint()


def cached(key_parts: tuple[str, ...], compute: Callable[[], Any]) -> Any:
    """Memoise a verification result by the exact text it depends on (and the checker's code)."""
    key = key_of(_fingerprint_of_build or checker_fingerprint(), *key_parts)
    found = verdicts.get(key)
    return found if found is not None else verdicts.put(key, compute())
