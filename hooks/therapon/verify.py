"""Run exercise code at build time with a time limit, so a looping solution fails the build
instead of hanging it. Results are cached by content, which keeps `mkdocs serve` rebuilds fast."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

VERIFY_TIMEOUT_SECONDS = 10.0
_cache: dict[str, Any] = {}


class TookTooLong(Exception):
    """The code ran past the build's time limit, most likely in an endless loop."""


def call_with_timeout(func: Callable[..., Any], *args: Any,
                      seconds: float | None = None) -> Any:
    """Call func in a daemon thread; raise TookTooLong if it has not returned in time.

    `seconds` defaults to VERIFY_TIMEOUT_SECONDS as it is when called, not when defined."""
    if seconds is None:
        seconds = VERIFY_TIMEOUT_SECONDS
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = func(*args)
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=target, daemon=True, name="therapon-verify")
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise TookTooLong(f"it ran for more than {seconds:g} seconds")
    if "error" in box:
        raise box["error"]
    return box["value"]


def checker_fingerprint() -> str:
    """A hash of the checking package, so editing it invalidates cached verdicts."""
    import therapon_check

    digest = hashlib.sha256()
    for path in sorted(Path(therapon_check.__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cached(key_parts: tuple[str, ...], compute: Callable[[], Any]) -> Any:
    """Memoise a verification result by the exact text it depends on (and the checker's code)."""
    parts = (checker_fingerprint(), *key_parts)
    key = hashlib.sha256("\0".join(parts).encode()).hexdigest()
    if key not in _cache:
        _cache[key] = compute()
    return _cache[key]
