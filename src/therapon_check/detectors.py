"""The built-in detectors an author names in a rule (`detect = "partner-feeling"`), by name.

Each reads a reply (reading.py) and returns what it found, as the learner's own words, so that
feedback can quote them. Most are a lexicon (lexicon/<name>.txt) found with the one matcher; the
rest add what a word list cannot see: whose feeling a word names, whether it is negated,
whether a question really asks, and whether "but" takes back what came before it. They live in
four modules by what they look for; importing them registers them here.
"""

from __future__ import annotations

from . import detect_feelings, detect_goals, detect_moves, detect_questions  # noqa: F401  (they register)
from .detecting import DETECTORS, Detector, Scene

__all__ = ["DETECTORS", "Detector", "Scene"]
