"""Therapon's command line, run from a course's folder (the one with mkdocs.yml):

    therapon new <folder>                              a small working course to start from
    therapon check-config [mkdocs.yml]                 mkdocs.yml's YAML mistakes, with line and fix
    therapon try <exercise-id> "<reply>"               feedback on one reply
    therapon try <exercise-id> --json                  JSON replies in, JSON verdicts out, a line each
    therapon eval [<exercise-id> ...]                  agreement with each exercise's labelled corpus

(`python -m therapon` is the same command.)
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

from .catalog import DEFAULT_LANGUAGE, LANGUAGES
from .config_check import check_config
from .errors import AuthoringFailed
from .evaluation import evaluate, report
from .load import load_exercises
from .model import Exercise
from .scaffold import new_course
from .trying import as_learner_sees_it, contract, json_lines, verdicts
from .verify import Verifier


def text_exercise(exercises: dict[str, Exercise], exercise_id: str) -> Exercise:
    if exercise_id not in exercises:
        close = difflib.get_close_matches(exercise_id, list(exercises), n=3)
        hint = f" Known ids close to it: {', '.join(close)}." if close else ""
        raise SystemExit(f"No exercise has the id '{exercise_id}'.{hint}")
    exercise = exercises[exercise_id]
    if exercise.kind != "text":
        raise SystemExit(f"'{exercise_id}' is a {exercise.kind} exercise; try works on text exercises.")
    return exercise


def start_course(folder: Path, course_id: str | None, language: str) -> int:
    written = new_course(folder, course_id, language)
    print(f"Wrote a course of {len(written)} files in {folder}. Next:\n"
          f"    cd {folder}\n"
          "    therapon check-config && mkdocs serve            # a preview at http://127.0.0.1:8000/\n"
          "    therapon check-config && mkdocs build --strict   # the site, in site/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="therapon", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    starting = commands.add_parser("new", help="write a small working course into a new folder")
    starting.add_argument("folder", type=Path)
    starting.add_argument("--course-id", help="the id learners' progress is saved under "
                          "(default: from the folder's name)")
    starting.add_argument("--language", default=DEFAULT_LANGUAGE, choices=LANGUAGES,
                          help="theme.language: the language of the learner's controls and messages")
    checking = commands.add_parser(
        "check-config", help="mkdocs.yml's YAML mistakes (a colon in a title, a tab, an indent, a quote), "
        "with the line and the fix: MkDocs reads the file before any plugin can explain them")
    checking.add_argument("config_file", nargs="?", type=Path, default=Path("mkdocs.yml"))
    trying = commands.add_parser("try", help="an exercise's feedback on a reply, as a learner sees it")
    trying.add_argument("exercise")
    trying.add_argument("reply", nargs="?")
    trying.add_argument("--json", action="store_true",
                        help="read JSON replies from stdin, write JSON verdicts")
    evaluating = commands.add_parser("eval", help="agreement with each text exercise's labelled corpus")
    evaluating.add_argument("exercises", nargs="*")
    evaluating.add_argument("--misses", action="store_true", help="list the replies each exercise got wrong")
    args = parser.parse_args(argv)
    if args.command == "new":
        return start_course(args.folder, args.course_id, args.language)
    if args.command == "check-config":
        if error := check_config(args.config_file):
            print(f"{error}\n(MkDocs would stop here with YAML's own words; fix this line first.)",
                  file=sys.stderr)
            return 1
        return 0
    root = Path.cwd()
    try:
        exercises = load_exercises(root / "exercises", root)
        if args.command == "eval":
            print(report(evaluate(exercises, root, args.exercises), show_misses=args.misses))
            return 0
        exercise = text_exercise(exercises, args.exercise)
    except AuthoringFailed as failed:
        print(failed, file=sys.stderr)
        return 1
    if args.json == (args.reply is not None):
        parser.error('give one reply in quotes, or --json and replies on stdin (one JSON string a line)')
    verifier = Verifier()
    try:
        if args.json:
            for verdict in verdicts(exercise, list(json_lines(sys.stdin)), verifier):
                print(json.dumps(contract(verdict), ensure_ascii=False), flush=True)
        else:
            print(as_learner_sees_it(verdicts(exercise, [args.reply], verifier)[0]))
    finally:
        verifier.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
