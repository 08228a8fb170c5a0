"""`make mutants`: put known bugs into a copy of the project, one at a time, and show that the
tests catch each one. Not part of `make test`: it runs the tests named for each bug.

Each bug is one edit (a file, the exact text it replaces, its replacement) and the tests
that must fail because of it. The run prints, per bug, the tests that failed, or NOT CAUGHT;
it exits non-zero when any bug survives, or when an edit no longer applies (the code moved:
update the table). Usage: .venv/bin/python tests/mutants.py [name ...]
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from support.project import add_runtime  # noqa: E402

SW = "src/therapon/theme/src/service-worker.js"
SCRIPTS = "src/therapon/theme/assets/therapon"


@dataclass(frozen=True)
class Mutant:
    name: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...]


MUTANTS = (
    Mutant("service worker installs files without checking their sha256", SW,
           "const listed = response.ok && (await sha256(bytes)) === expected;",
           "const listed = response.ok;",
           ("tests/e2e/test_offline.py::test_a_tampered_file_in_a_new_deployment_is_refused",)),
    Mutant("service worker passes on and keeps runtime files without checking them", SW,
           "if ((await sha256(bytes)) !== expected) {", "if (false) {",
           ("tests/e2e/test_offline.py::test_a_tampered_python_file_is_refused_and_never_kept",)),
    Mutant("the verifier's child runs learner code against no checks", "src/therapon/verify.py",
           'verdict = check(job["source"], job["checks"])', 'verdict = check(job["source"], "")',
           ("tests/test_verify.py",)),
    Mutant("the verdict cache ignores the verifier's own code", "src/therapon/verdicts.py",
           '*CHECKER_DIR.rglob("lexicon/*"), SOURCE]', '*CHECKER_DIR.rglob("lexicon/*")]',
           ("tests/test_verify.py",)),
    Mutant("an imported file may carry __proto__", f"{SCRIPTS}/transfer.js",
           'new Set(["__proto__", "constructor", "prototype"])', "new Set([])",
           ("tests/e2e/test_import_fuzz.py",)),
    Mutant("an unreadable saved value is destroyed, not kept aside", f"{SCRIPTS}/course-values.js",
           "if (write(aside, raw)) storage.removeItem(key);", "storage.removeItem(key);",
           ("tests/e2e/test_stored_progress.py",)),
    Mutant("pages written early lack the script hashes of later pages", "src/therapon/csp.py",
           "if known != self.hashes:", "if False:",
           ("tests/test_offline_build.py", "tests/e2e/test_security.py::"
            "test_instant_navigation_through_the_whole_course_keeps_the_policy")),
    Mutant("script hashes written in hex instead of base64", "src/therapon/csp.py",
           "base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()",
           "hashlib.sha256(body.encode()).hexdigest()",
           ("tests/test_offline_build.py",)),
    Mutant("a hint shown is not saved", f"{SCRIPTS}/components/exercise.js",
           "record = store.update(id, (r) => ({ hintsShown: Math.min(r.hintsShown + 1, hints.length) }));",
           "record = { ...record, hintsShown: Math.min(record.hintsShown + 1, hints.length) };",
           ("tests/e2e/test_code_exercise.py::test_reload_keeps_draft_and_status",)),
    Mutant("a reflection's draft is not saved as the learner types",
           f"{SCRIPTS}/components/reflection-exercise.js",
           "const save = exercise.autosave(() => entry.value);",
           "exercise.autosave(() => entry.value);\n  const save = () => {};",
           ("tests/e2e/test_written_kinds.py::test_hostile_text_is_shown_as_text_and_never_runs",)),
    Mutant("the header switcher shows the first profile, not the active one",
           f"{SCRIPTS}/components/profiles.js",
           "    select.value = active;\n", "    select.value = list[0].id;\n",
           ("tests/e2e/test_your_data.py::test_profiles_switch_and_keep_their_own_progress",)),
    Mutant("code with no checks counts as passing", "src/therapon_check/checking.py",
           "all_passed = outcome.error is None and bool(results) and passed == len(results)",
           "all_passed = outcome.error is None and passed == len(results)",
           ("tests/test_checking.py",)),
    Mutant("front matter is left out of a fence's line", "src/therapon/course.py",
           "offset = self.body_offsets.get(src_path, 0)", "offset = 0",
           ("tests/test_fence.py",)),
    Mutant("every text verdict is summed up as well done", "src/therapon_check/verdict.py",
           '    if meets_goal:\n        return say("met")',
           '    if True:\n        return say("met")',
           ("tests/test_written.py", "tests/test_rules.py")),
    Mutant("a locked profile's words reach storage plain before their seal",
           f"{SCRIPTS}/records-store.js",
           "JSON.stringify({ ...next, words: stored(id, pid).words })",
           "JSON.stringify({ ...next, words: { ...stored(id, pid).words, draft: next.words.draft } })",
           ("tests/e2e/test_lock.py::test_locked_words_are_sealed_hidden_refused_and_come_back",)),
    Mutant("a wrong passphrase may be tried again at once", f"{SCRIPTS}/lock.js",
           "(failures <= 0 ? 0 : Math.min(1000 * 2 ** (failures - 1), MAX_RETRY_DELAY_MS))",
           "0",
           ("tests/e2e/test_lock.py::test_locked_words_are_sealed_hidden_refused_and_come_back",)),
    Mutant("the quick exit pushes a history entry instead of replacing the lesson's",
           f"{SCRIPTS}/components/quick-exit.js",
           "location.replace(new URL(config.neutralPage, config.siteRoot).href);",
           "location.assign(new URL(config.neutralPage, config.siteRoot).href);",
           ("tests/e2e/test_quick_exit.py::test_the_control_leaves_at_once_and_locks_every_tab",)),
)


def copy_of_the_project(target: Path) -> Path:
    """The committed and changed files, as a clean clone would have them, plus the runtime."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return add_runtime(target)


def failed_tests(copy: Path, tests: tuple[str, ...]) -> tuple[list[str], str]:
    run = subprocess.run([str(ROOT / ".venv/bin/python"), "-m", "pytest", "-q", "-rf", "-p",
                          "no:cacheprovider", *tests], cwd=copy, capture_output=True, text=True)
    failed = re.findall(r"^FAILED (\S+)", run.stdout, flags=re.MULTILINE)
    errors = re.findall(r"^ERROR (\S+)", run.stdout, flags=re.MULTILINE)
    return failed + errors, run.stdout[-2000:]


def main(names: list[str]) -> int:
    chosen = [m for m in MUTANTS if not names or any(n in m.name for n in names)]
    survived = 0
    for number, mutant in enumerate(chosen, start=1):
        print(f"[{number}/{len(chosen)}] {mutant.name}", flush=True)
        with tempfile.TemporaryDirectory(prefix="therapon-mutant-") as tmp:
            copy = copy_of_the_project(Path(tmp))
            path = copy / mutant.file
            text = path.read_text()
            if text.count(mutant.old) != 1:
                print(f"    CANNOT APPLY: {mutant.file} no longer holds the text this bug replaces once")
                survived += 1
                continue
            path.write_text(text.replace(mutant.old, mutant.new))
            failed, tail = failed_tests(copy, mutant.tests)
        if failed:
            print("    caught by:", *failed, sep="\n      ")
        else:
            survived += 1
            print("    NOT CAUGHT; the tests said:\n" + tail)
    print(f"\n{len(chosen) - survived} of {len(chosen)} bugs caught.")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
