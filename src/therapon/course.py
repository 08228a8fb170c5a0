"""One build of the course: the exercises, where each is used, and what the browser is told.

The MkDocs hook creates one CourseBuild per build and forwards events to it; nothing here
needs MkDocs beyond the exception types that make errors read well.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import threading
from pathlib import Path
from typing import Any

from therapon_check import LANGUAGES as DETECTOR_LANGUAGES

from .answers import ANSWERS_FENCE, list_problems, listed_ids, render_answers
from .cache import CACHE_DIR
from .catalog import Catalog, load_catalog
from .contract import PYTHON_KINDS
from .errors import AuthoringError, AuthoringFailed
from .fence import FenceError, fence_id, fence_lines
from .kinds import KINDS
from .load import load_exercises, relative
from .locate import table_line
from .manifest import Lesson, manifest, manifest_text, versioned_url, write_manifest
from .model import Exercise
from .notice import partner_errors
from .offline import WrittenPages, write_service_worker
from .pages import DOCS_DIR, NEUTRAL_PAGE, read_pages
from .render import render_exercise, search_stub
from .runtime import SITE_PYODIDE_DIR, Runtime, engine_files, install, locate
from .settings import Settings
from .verdicts import Verdicts
from .wheel import DIST_NAME, PACKAGE_NAME, browser_wheel


def verify_all(exercises: dict[str, Exercise], root: Path, verdicts: Verdicts) -> None:
    """Every exercise's verdicts, computed in one batch, then judged by its kind. Raises
    AuthoringFailed with every problem found."""
    verdicts.prefetch(KINDS[e.kind].jobs(e) for e in exercises.values())
    errors: list[AuthoringError] = []
    for exercise in exercises.values():
        shown = {role: relative(f.path, root) for role, f in exercise.files.items()}
        shown["metadata"] = relative(exercise.metadata_path, root)
        errors.extend(KINDS[exercise.kind].verify(exercise, shown, verdicts))
    verdicts.save()
    if errors:
        raise AuthoringFailed(errors)


def nav_title(title: str) -> str:
    """A title as a nav line can hold it: quoted when YAML would read it as something else."""
    if re.search(r":(\s|$)|\s#", title) or title[:1] in "!&*[]{}|>'\"%@`#-?,":
        return '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return title


class Verification:
    """Verify every exercise in a thread while MkDocs renders the pages: the work happens in
    a child Python, so on two cores it costs the build almost nothing. `result` re-raises
    what it found, so the build still fails with every problem, file and line."""

    def __init__(self, exercises: dict[str, Exercise], root: Path, verdicts: Verdicts) -> None:
        self.failure: BaseException | None = None
        self.verdicts = verdicts
        self.thread = threading.Thread(target=self._run, args=(exercises, root), daemon=True,
                                       name="therapon-verification")
        self.thread.start()

    def _run(self, exercises: dict[str, Exercise], root: Path) -> None:
        try:
            verify_all(exercises, root, self.verdicts)
        except BaseException as exc:  # handed to the build's own thread by result()
            self.failure = exc
        finally:
            self.verdicts.close()  # the child Python is not needed after this

    def result(self) -> None:
        self.thread.join()
        if self.failure:
            raise self.failure


class CourseBuild:
    """One build, in four phases: load (here), verify (in the background, while MkDocs
    renders), plan (`plan_manifest`, once every page is read) and write (`complete_page`,
    `finish`)."""

    def __init__(self, root: Path, settings: Settings, cache_dir: Path | None = None,
                 verdicts: Verdicts | None = None, words: Catalog | None = None) -> None:
        self.root = root
        self.settings = settings
        self.words = words or load_catalog("en")  # the learner's language (theme.language)
        self.cache_dir = root / CACHE_DIR if cache_dir is None else cache_dir
        # This build's verdicts and their cache (a test may pass its own); started with the
        # verification, closed when it ends.
        self._verdicts = verdicts
        self.body_offsets = read_pages(root / DOCS_DIR, root)
        self.written = WrittenPages()  # what each page's file holds, for the service worker
        self.exercises = load_exercises(root / "exercises", root)
        if errors := partner_errors(settings, self.exercises, root):
            raise AuthoringFailed(errors)
        self.verification: Verification | None = None
        files = engine_files()
        wheel = browser_wheel(files.built_dir, files.pyodide_dir)
        self.runtime: Runtime = locate(wheel, self.cache_dir, files)
        self.used_on: dict[str, tuple[str, int | None]] = {}
        self.page_exercises: dict[str, list[str]] = {}
        self._stubs: dict[str, str] = {}  # what each placed exercise's fence wrote, until complete_page
        self._page = ""
        self._page_fences: list[int] = []
        self._fence_index = 0
        self._answer_fences: list[int] = []
        self._answer_index = 0
        self._manifest = manifest_text({})  # course.json's text, settled by plan_manifest
        self.course_url = ""

    def start_verification(self) -> Verification:
        """Judge every exercise in a child Python while the pages render; `finish` waits for it."""
        verdicts = self._verdicts or Verdicts(self.cache_dir / "verdicts.json")
        self.verification = Verification(self.exercises, self.root, verdicts)
        return self.verification

    def browser_config(self, site_name: str) -> dict[str, Any]:
        """What the page scripts learn of this build (what never changes between builds is in
        the contract, therapon/contract.py, which they import)."""
        return {
            "courseId": self.settings.course_id,
            "shortName": self.settings.header_name(site_name),
            "timeoutMs": int(self.settings.timeout_seconds * 1000),
            # Their records are the couple's, shared by every profile on the device.
            "partnerPractice": sorted(e.id for e in self.exercises.values() if e.partner_practice),
            "partners": self.settings.partners,
            "neutralPage": NEUTRAL_PAGE,
            "language": self.words.language,
            "messages": self.words.browser(),
            "checkWords": {"language": self.words.language, "words": self.words.checking()},
            "pyodide": {
                "dir": f"{SITE_PYODIDE_DIR}/",
                "package": PACKAGE_NAME,
                "module": DIST_NAME,
                "downloadBytes": self.runtime.download_bytes(),
                # A kept memory snapshot is used only if it holds this wheel (snapshot.js).
                "wheelFile": self.runtime.wheel.filename,
                "wheelSha256": hashlib.sha256(self.runtime.wheel.data).hexdigest(),
            },
        }

    def begin_page(self, src_path: str, markdown: str) -> None:
        self._page = src_path
        offset = self.body_offsets.get(src_path, 0)  # front matter lines MkDocs stripped
        self._page_fences = [line + offset for line in fence_lines(markdown)]
        self._fence_index = 0
        self._answer_fences = [line + offset for line in fence_lines(markdown, ANSWERS_FENCE)]
        self._answer_index = 0
        self.page_exercises[src_path] = []

    def render_fence(self, source: str) -> str:
        line = self._page_fences[self._fence_index] if self._fence_index < len(
            self._page_fences) else None
        self._fence_index += 1
        where = f"{DOCS_DIR}/{self._page}:{line}" if line else f"{DOCS_DIR}/{self._page}"
        exercise_id = fence_id(source)
        if not exercise_id:
            raise FenceError(f"{where}: this exercise fence has no id. Put the exercise's id "
                             "alone on the line inside the fence, e.g. listener-tally.")
        if exercise_id not in self.exercises:
            close = difflib.get_close_matches(exercise_id, list(self.exercises), n=3)
            hint = f" Known ids close to it: {', '.join(repr(c) for c in close)}." if close \
                else " Check the id in the exercise's exercise.toml."
            raise FenceError(f"{where}: the exercise fence names '{exercise_id}', but no "
                             f"exercise has that id.{hint}")
        if exercise_id in self.used_on:
            page, first_line = self.used_on[exercise_id]
            first = f"{DOCS_DIR}/{page}:{first_line}" if first_line else f"{DOCS_DIR}/{page}"
            raise FenceError(f"{where}: the exercise '{exercise_id}' is already placed at "
                             f"{first}. Each exercise appears once; make a copy with a new id.")
        self.used_on[exercise_id] = (self._page, line)
        self.page_exercises[self._page].append(exercise_id)
        self._stubs[exercise_id] = search_stub(self.exercises[exercise_id])
        return self._stubs[exercise_id]

    def render_answers_fence(self, source: str) -> str:
        """A page that gathers saved answers (```answers): every listed id must be an
        exercise with words; errors name the line of the id in the page."""
        index = self._answer_index
        self._answer_index += 1
        opening = self._answer_fences[index] if index < len(self._answer_fences) else None
        listed = listed_ids(source)
        problems = list_problems(listed, self.exercises)
        if problems:
            line, message = problems[0]
            at = opening + line if opening and line else opening
            where = f"{DOCS_DIR}/{self._page}:{at}" if at else f"{DOCS_DIR}/{self._page}"
            raise FenceError(f"{where}: {message}")
        return render_answers([exercise_id for _, exercise_id in listed], self.exercises, self.words)

    def needs_python(self, src_path: str) -> bool:
        """Whether the page places an exercise that Python checks, so it starts Pyodide early."""
        return any(self.exercises[exercise_id].kind in PYTHON_KINDS
                   for exercise_id in self.page_exercises.get(src_path, ()))

    def complete_page(self, html: str, src_path: str) -> str:
        """The written page, with each exercise's stub replaced by the whole exercise.

        The page is put together once from its pieces: a replace per exercise copied the whole
        page each time (a page of 100 kB, three exercises: 40 ms on 200 pages). Each stub names
        its own id, so no two overlap and no exercise's HTML holds another's stub."""
        found: list[tuple[int, str, str]] = []
        for exercise_id in self.page_exercises.get(src_path, ()):
            stub = self._stubs[exercise_id]
            at = html.find(stub)
            if at < 0:
                raise AuthoringFailed([AuthoringError(
                    f"{DOCS_DIR}/{src_path}", f"the exercise '{exercise_id}' was changed by another "
                    "plugin before Therapon could finish the page. List that plugin after the "
                    "hooks, or remove it.")])
            found.append((at, stub, exercise_id))
        pieces, done = [], 0
        for at, stub, exercise_id in sorted(found):
            pieces += [html[done:at], render_exercise(self.exercises[exercise_id], self.words)]
            done = at + len(stub)
        return "".join(pieces) + html[done:] if found else html

    def detector_uses(self) -> list[str]:
        """Where a text exercise's rule uses a built-in detector: "file:line (rule id)"."""
        found = []
        for exercise in self.exercises.values():
            if exercise.kind != "text":
                continue
            text = exercise.metadata_path.read_text(encoding="utf-8")
            for table in ("look_for", "avoid"):
                for number, rule in enumerate(exercise.fields[table], start=1):
                    if rule["detect"]:
                        line = table_line(text, table, number)
                        at = f":{line}" if line else ""
                        where = f"{relative(exercise.metadata_path, self.root)}{at}"
                        found.append(f"{where} ('{rule['id']}')")
        return found

    def detector_warnings(self) -> list[str]:
        """The built-in text detectors read English only: a course in another language is told
        so once, with where its rules use them, and what works in any language instead."""
        if self.words.language in DETECTOR_LANGUAGES:
            return []
        uses = self.detector_uses()
        where = (f" {len(uses)} of this course's rules use them, first {', '.join(uses[:3])}." if uses
                 else " No rule of this course uses them now.")
        return [f"mkdocs.yml: theme.language is '{self.words.language}', and the built-in text detectors "
                f"(detect = \"…\" in a text exercise's rules) understand {', '.join(DETECTOR_LANGUAGES)} "
                f"only.{where} Bring your own lexicon: phrases = [\"…\"] in a rule work in any language "
                "(AUTHORING.md, \"A course in another language\")."]

    def outside_nav(self, in_nav: set[str], titles: dict[str, str]) -> list[AuthoringError]:
        """Pages that place exercises but are missing from `nav`: MkDocs still writes them, but
        course.json and the progress page follow nav, so their exercises would silently vanish
        from both. `in_nav` holds the src paths of nav's pages (every page when mkdocs.yml has no
        nav); `titles` each page's title, for a nav line to copy."""
        errors = []
        for page, placed in self.page_exercises.items():
            if not placed or page in in_nav:
                continue
            _, line = self.used_on[placed[0]]
            ids = ", ".join(f"'{i}'" for i in placed)
            errors.append(AuthoringError(
                f"{DOCS_DIR}/{page}", f"this page places exercises ({ids}) but is not in nav, so "
                "they would be left out of course.json and the progress page. Add it to nav in "
                f"mkdocs.yml, for example `- {nav_title(titles.get(page, page))}: {page}`.", line))
        return errors

    def unused_exercises(self) -> list[str]:
        """Warnings for exercises that no lesson places, so none is forgotten."""
        return [
            f"{relative(e.metadata_path, self.root)}: the exercise '{e.id}' is not used on any "
            f"page. Add a fence with its id to a lesson, or delete its folder."
            for e in self.exercises.values() if e.id not in self.used_on
        ]

    def plan_manifest(self, title: str, pages: list[tuple[str, str, str, bool]]) -> str:
        """Settle course.json once every page's fences are read, before any page is written,
        and return its versioned URL: pages ask for exactly their own build's outline.
        `pages` are (src_path, title, url, optional) in reading order."""
        lessons = [Lesson(t, url, tuple(self.page_exercises.get(src, ())), optional)
                   for src, t, url, optional in pages]
        # Its text once: json.dumps with an indent is the pure-Python encoder (25 ms on 600 exercises).
        self._manifest = manifest_text(manifest(self.settings.course_id, title, lessons, self.exercises))
        self.course_url = versioned_url(self._manifest)
        return self.course_url

    def finish(self, site_dir: Path) -> None:
        """Write course.json, the runtime and, last, the service worker that lists them all."""
        if self.verification is not None:
            self.verification.result()
        write_manifest(site_dir, self._manifest)
        install(self.runtime, site_dir)
        write_service_worker(site_dir, self.settings.course_id, self.course_url, self.runtime.cache_dir,
                             self.written)
