"""An author's whole path, as the README gives it: build the wheel, install it where there is no
Node, `therapon new`, `mkdocs build --strict`, and a learner's text exercise answers in Chromium
with no request to another host (issue 16).

The wheel is built from a copy of the repository, so its bundling step never rewrites the
repository's own build/ under other tests. The new environment borrows the test environment's
dependencies (MkDocs, Material...) through a path file, so nothing is downloaded; Therapon
itself comes only from the wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import ROOT
from support.subpath_server import SiteServer

from .conftest import is_foreign
from .helpers import NO_SERVICE_WORKER, PYTHON_READY_MS

pytestmark = NO_SERVICE_WORKER


def repository_copy(target: Path) -> Path:
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{args}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = repository_copy(tmp_path_factory.mktemp("repository"))
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)])
    [built] = out.glob("therapon-*.whl")
    return built


@pytest.fixture(scope="module")
def author_site(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    base = tmp_path_factory.mktemp("author")
    venv = base / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    purelib = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
                   .stdout.strip())
    (purelib / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run([str(python), "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)])
    env = {"PATH": str(venv / "bin"), "HOME": str(base), "NO_MKDOCS_2_WARNING": "1"}
    assert shutil.which("node", path=env["PATH"]) is None and shutil.which("npm", path=env["PATH"]) is None
    run([str(venv / "bin" / "therapon"), "new", "my-course"], cwd=base, env=env)
    course = base / "my-course"
    server = SiteServer(base / "site")
    built = run([str(python), "-m", "mkdocs", "build", "--strict", "--site-dir", str(server.directory)],
                cwd=course, env={**env, "SITE_URL": server.url})
    assert "WARNING" not in built.stderr, built.stderr
    located = run([str(python), "-c", "import therapon; print(therapon.__file__)"], env=env).stdout
    assert located.startswith(str(venv)), located  # the wheel's engine, not the repository's
    with server:
        yield server


def test_the_wheel_carries_the_built_browser_files_and_no_script_sources(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "therapon/built/therapon/main.js" in names and "therapon/built/editor/editor.js" in names
    assert "therapon/built/pyodide/pyodide.asm.wasm" in names
    assert "therapon/theme/main.html" in names and "therapon/starter/mkdocs.yml" in names
    # The bundles' sources stay behind; the search worker shim is served as written (search.py).
    assert not [n for n in names if n.startswith("therapon/theme/assets/therapon/") and n.endswith(".js")]
    assert "therapon/theme/assets/javascripts/workers/therapon-search.js" in names
    assert "therapon/theme/src/build.mjs" not in names


def test_a_new_course_from_the_wheel_answers_a_written_reply(page: Page, author_site: SiteServer) -> None:
    foreign: list[str] = []
    page.context.on("request", lambda r: is_foreign(r.url, author_site.url) and foreign.append(r.url))
    page.goto(author_site.url + "lessons/01-first-steps/")
    box = page.locator('[data-exercise="first-reflect-back"][data-ready]')
    box.get_by_role("textbox").fill("It sounds like you're worn out and feel alone with it all.")
    box.get_by_role("button", name="Check", exact=True).click()
    expect(box).not_to_have_attribute("aria-busy", "", timeout=PYTHON_READY_MS)
    expect(box.locator("[data-feedback]")).to_contain_text("named what your partner may feel")
    expect(box).to_have_attribute("data-status", "passed")
    assert foreign == []
    assert os.path.isfile(author_site.directory / "sw.js")
