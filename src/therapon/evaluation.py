"""`make eval`: how far each text exercise's feedback agrees with the people who labelled its
corpus (corpus.py), measured the way the course is judged:

- agreement: the verdict (meets the goal or not) is the labelled one;
- false accepts: a reply labelled as not meeting the goal that the rules praise;
- false rejects: a reply labelled as meeting the goal that the rules refuse;
- harmful moves named: of the refused replies that make a harmful move, how many have every
  move named as a concern (by the id of the rule that should catch it).

The examples in exercise.toml count too: they are labelled replies as well.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .corpus import Labelled, read_corpus
from .kinds import text
from .kinds.rules import rules_of
from .model import Exercise
from .verify import Verifier, text_job


@dataclass
class Score:
    """One exercise's figures, and the replies it got wrong (for an author to look at)."""

    exercise: str
    replies: int = 0
    agreed: int = 0
    bad: int = 0
    false_accepts: int = 0
    good: int = 0
    false_rejects: int = 0
    harmful: int = 0
    named: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def agreement(self) -> float:
        return self.agreed / self.replies if self.replies else 1.0


def labelled(exercise: Exercise, root: Path) -> list[Labelled]:
    examples = [Labelled(e["response"], e["meets_goal"], (), 0) for e in exercise.fields["examples"]]
    return examples + read_corpus(exercise, root)


def score(exercise: Exercise, root: Path, verifier: Verifier) -> Score:
    replies = labelled(exercise, root)
    rules, checker = rules_of(exercise), text.checker_source(exercise)
    verdicts = verifier.run_batch([text_job(rules, checker, r.reply) for r in replies])
    found = Score(exercise.id)
    for reply, verdict in zip(replies, verdicts, strict=False):
        meets = bool(verdict.get("meets_goal"))
        concerns = {i["id"] for i in verdict.get("items", ()) if i["level"] == "concern"}
        found.replies += 1
        found.agreed += meets == reply.meets_goal
        if reply.meets_goal:
            found.good += 1
            found.false_rejects += not meets
        else:
            found.bad += 1
            found.false_accepts += meets
        unnamed = [h for h in reply.harms if h not in concerns]
        if reply.harms and not meets:
            found.harmful += 1
            found.named += not unnamed
        if meets != reply.meets_goal or unnamed:
            why = ("praised" if meets and not reply.meets_goal
                   else "refused" if not meets and reply.meets_goal else f"did not name {', '.join(unnamed)}")
            where = f"corpus.jsonl:{reply.line}" if reply.line else "an example"
            found.misses.append(f"{where}: {why}: {reply.reply[:90]}")
    return found


def evaluate(exercises: dict[str, Exercise], root: Path, only: list[str] | None = None) -> list[Score]:
    chosen = [e for e in exercises.values() if e.kind == "text" and (not only or e.id in only)]
    verifier = Verifier()
    try:
        return [score(exercise, root, verifier) for exercise in chosen]
    finally:
        verifier.close()


COUNTS = ("replies", "agreed", "bad", "false_accepts", "good", "false_rejects", "harmful", "named")


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"


def report(scores: list[Score], show_misses: bool = False) -> str:
    rows = [("exercise", "replies", "agreement", "false accepts", "false rejects", "harmful moves named")]
    total = Score("all")
    for s in [*scores, total]:
        if s is not total:
            for name in COUNTS:
                setattr(total, name, getattr(total, name) + getattr(s, name))
        rows.append((s.exercise, str(s.replies), f"{100 * s.agreement:.1f}%", percent(s.false_accepts, s.bad),
                     percent(s.false_rejects, s.good), percent(s.named, s.harmful)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    if show_misses:
        for s in scores:
            lines += [f"\n{s.exercise}:", *(f"  {miss}" for miss in s.misses)] if s.misses else []
    return "\n".join(lines)
