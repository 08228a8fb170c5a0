"""`mkdocs serve`: a failed rebuild is shown in the page the author has open, and a mended one
brings the page back. A real `mkdocs serve` on a copy of the starter course, fetched over HTTP."""

from __future__ import annotations

import html
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from support.project import add_runtime
from therapon.scaffold import new_course
from therapon.serving import STATE_PATH, sha256_source

LESSON = "docs/lessons/01-first-steps.md"
WAIT_SECONDS = 120  # how long a rebuild may take on a loaded machine before the test gives up


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def until(what: str, fetched: Callable[[], tuple[int, str]], wanted: Callable[[int, str], bool],
          log: Path) -> tuple[int, str]:
    """Fetch until the answer is the wanted one; fail with the server's log after WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            status, body = fetched()
            if wanted(status, body):
                return status, body
        except (urllib.error.URLError, ConnectionError):
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"never saw {what}; mkdocs serve said:\n{log.read_text()}")
        time.sleep(0.3)


class Serving:
    def __init__(self, root: Path, url: str, log: Path) -> None:
        self.root, self.url, self.log = root, url, log

    def page(self, path: str = "lessons/01-first-steps/") -> tuple[int, str]:
        return fetch(self.url + path)

    def state(self) -> str:
        return fetch(self.url.rstrip("/") + STATE_PATH)[1]

    def wait(self, what: str, wanted: Callable[[int, str], bool]) -> tuple[int, str]:
        return until(what, self.page, wanted, self.log)


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[Serving]:
    root = tmp_path / "course"
    new_course(root, "serve-course")
    add_runtime(root)
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root, stdout=out, stderr=subprocess.STDOUT,
            env={"NO_MKDOCS_2_WARNING": "1", "PATH": os.environ["PATH"]})
    try:
        running = Serving(root, f"http://127.0.0.1:{port}/", log)
        running.wait("the first build", lambda status, _: status == 200)
        yield running
    finally:
        server.terminate()
        server.wait(timeout=30)


def failed(status: int, body: str) -> bool:
    return status == 200 and "data-therapon-build-error" in body


def report(body: str) -> str:
    return html.unescape(re.search(r"<pre>(.*?)</pre>", body, re.DOTALL).group(1))


def test_a_failed_rebuild_is_shown_in_the_page_and_a_mended_one_brings_it_back(serving: Serving) -> None:
    lesson = serving.root / LESSON
    text = lesson.read_text(encoding="utf-8")
    line = text.splitlines().index("first-open-reply")  # the fence opens on the line above the id
    lesson.write_text(text.replace("first-open-reply\n", "first-open-replies\n"), encoding="utf-8")
    _, body = serving.wait("the error page", failed)
    assert (f"{LESSON}:{line}: the exercise fence names 'first-open-replies', but no exercise has "
            "that id. Known ids close to it: 'first-open-reply'") in report(body)
    assert "Aborted with a BuildError" not in report(body)  # MkDocs's word for "see above"
    assert failed(*serving.page("progress/"))  # every page says so, not only the one edited
    # Not "stuck" as MkDocs alone leaves it after a failed rebuild, holding every request until a
    # build succeeds: a file is answered (404 here, as the build had emptied the site folder).
    assert serving.page("assets/therapon/therapon.css")[0] in (200, 404)
    before = serving.state()

    lesson.write_text(text, encoding="utf-8")
    _, body = serving.wait("the mended page", lambda status, body: status == 200 and not failed(status, body))
    assert 'data-exercise="first-open-reply"' in body
    assert serving.state() != before  # the report page's poll sees that a new build finished


def test_a_broken_mkdocs_yml_is_shown_with_its_line_and_fix(serving: Serving) -> None:
    config = serving.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = text.splitlines().index('  - "Before you start: safety": safety.md') + 1
    config.write_text(text.replace('"Before you start: safety"', "Before you start: safety"),
                      encoding="utf-8")
    _, body = serving.wait("the error page", failed)
    assert report(body).startswith(
        f"mkdocs.yml:{line}: a nav title holds a colon, which YAML reads as another key. Put the title "
        'in quotes: `- "Before you start: safety": safety.md`.\n'), report(body)


def test_the_pages_policy_lets_the_live_reload_script_run(serving: Serving) -> None:
    """Without its hash in the page's Content-Security-Policy, the browser would block the script
    that reloads the page, and neither an edit nor a failed build would ever show."""
    _, body = serving.page()
    script = re.search(r"<script>(\s*var livereload = function.*?)</script>", body, re.DOTALL)
    assert script, "mkdocs serve added no live-reload script"
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', body).group(1)
    script_src = re.search(r"script-src ([^;]*)", policy).group(1).split()
    assert sha256_source(script.group(1).encode()) in script_src
