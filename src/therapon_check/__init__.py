"""Checking code that runs in CPython at build time and in Pyodide in the browser.

This package uses the standard library only, takes plain data in and returns plain data
out, so the very same files are shipped to the browser as a wheel.
"""

from __future__ import annotations

from .checking import check, check_json
from .language import Feedback
from .learner import Learner
from .sandbox import LEARNER_FILENAME, run_code, run_json
from .words import LANGUAGES, use_json
from .written import check_text, check_written, check_written_json

__all__ = ["LANGUAGES", "LEARNER_FILENAME", "Feedback", "Learner", "check", "check_json", "check_text",
           "check_written", "check_written_json", "run_code", "run_json", "use_json"]
