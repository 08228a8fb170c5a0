"""Run exercise code at build time in a child Python with a time limit.

A looping solution fails the build instead of hanging it, and it is really stopped: the child
is killed and replaced, so nothing keeps spinning in `mkdocs serve` and the build's own
stdout is never redirected. Jobs are sent to the child all at once and answered in order, so
the child never waits for the build's thread between two jobs.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from .wheel import CHECKER_DIR

VERIFY_TIMEOUT_SECONDS = 10.0
# Starting Python and importing the checking package is not the job's time: a loaded machine
# may take seconds, and that must not read as a looping solution.
START_TIMEOUT_SECONDS = 60.0
REPLY_PREFIX = "\x00therapon-verdict "
# How long the child's answers may gather before the build's thread reads them (see _read).
GATHER_SECONDS = 0.01
Job = dict[str, Any]

# The child reads one JSON job per line and answers on a marked line, so anything learner
# code writes straight to file descriptor 1 cannot be mistaken for an answer.
CHILD_PROGRAM = f"""
import json, sys
from therapon_check import check, check_written
sys.__stdout__.write({REPLY_PREFIX!r} + "ready\\n")
sys.__stdout__.flush()
for line in sys.stdin:
    job = json.loads(line)
    if job["op"] == "text":
        verdict = check_written(job["rules"], job["checker"], job["response"])
    else:
        verdict = check(job["source"], job["checks"])
    reply = json.dumps(verdict)
    sys.__stdout__.write({REPLY_PREFIX!r} + reply + "\\n")
    sys.__stdout__.flush()
"""
# What a verdict depends on besides its job: this file (the child's program) and the package.
SOURCE = Path(__file__).resolve()


def code_job(source: str, checks: str) -> Job:
    return {"op": "code", "source": source, "checks": checks}


def text_job(rules: dict[str, Any], checker: str, response: str) -> Job:
    return {"op": "text", "rules": rules, "checker": checker, "response": response}


def is_timeout(verdict: dict[str, Any]) -> bool:
    return "timeout" in verdict


class Verifier:
    """One child Python, replaced whenever a job runs out of time or the child dies."""

    def __init__(self, seconds: float = VERIFY_TIMEOUT_SECONDS) -> None:
        self.seconds = seconds
        self.process: subprocess.Popen[str] | None = None
        self.replies: queue.Queue[str | None] = queue.Queue()
        self.lock = threading.Lock()

    def _start(self) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-c", CHILD_PROGRAM], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8",
            env={"PYTHONPATH": str(CHECKER_DIR.parent), "PYTHONIOENCODING": "utf-8",
                 "PYTHONDONTWRITEBYTECODE": "1"},
        )
        replies: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=_read, args=(process, replies), daemon=True,
                         name="therapon-verify-reader").start()

        self.process, self.replies = process, replies
        try:
            ready = replies.get(timeout=START_TIMEOUT_SECONDS)
        except queue.Empty:
            ready = None
        if ready != "ready\n":
            self.close()
            raise RuntimeError("the checking package could not start in a child Python")
        return process

    def run(self, job: Job) -> dict[str, Any]:
        """A therapon_check verdict from the child, or {"timeout": ...} when it ran too long."""
        return self.run_batch([job])[0]

    def run_batch(self, jobs: list[Job]) -> list[dict[str, Any]]:
        """The jobs' verdicts, in order, sent to the child all at once. Each job has the time
        limit to itself. The list ends early, with a {"timeout": ...} verdict, at a job that ran
        out of time or stopped the child; the child is then gone, and the next call starts one.
        One batch at a time: under `mkdocs serve` a new build may start before the last ends."""
        with self.lock:
            process = self.process if self.process and self.process.poll() is None else self._start()
            lines = "".join(json.dumps(job) + "\n" for job in jobs)
            # A writer thread, so a full pipe never blocks this one while it waits for a reply.
            threading.Thread(target=_send, args=(process, lines), daemon=True,
                             name="therapon-verify-writer").start()
            verdicts: list[dict[str, Any]] = []
            for _ in jobs:
                try:
                    reply = self.replies.get(timeout=self.seconds)
                except queue.Empty:
                    self.close()
                    return [*verdicts, {"timeout": f"it ran for more than {self.seconds:g} seconds"}]
                if reply is None:  # the child died, e.g. the code exhausted its memory
                    self.close()
                    return [*verdicts, {"timeout": "Python stopped while running it"}]
                verdicts.append(json.loads(reply))
            return verdicts

    def close(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


def _read(process: subprocess.Popen[str], replies: queue.Queue[str | None]) -> None:
    """The child's answers, as they come, in chunks that gather for GATHER_SECONDS: a thread
    woken for each answer took the lock that the build's rendering holds, 800 times a build."""
    descriptor = process.stdout.fileno()  # type: ignore[union-attr]
    pending = b""
    while chunk := os.read(descriptor, 1 << 20):
        *lines, pending = (pending + chunk).split(b"\n")
        for line in (raw.decode("utf-8", errors="replace") + "\n" for raw in lines):
            if line.startswith(REPLY_PREFIX):
                replies.put(line[len(REPLY_PREFIX):])
        time.sleep(GATHER_SECONDS)
    replies.put(None)


def _send(process: subprocess.Popen[str], lines: str) -> None:
    try:
        assert process.stdin is not None
        process.stdin.write(lines)
        process.stdin.flush()
    except (BrokenPipeError, ValueError, OSError):
        pass  # the child was stopped mid-batch; its replacement gets the rest
