"""Shared fixtures: one real build of the whole site per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.project import ROOT, copy_project, fixture_project, starter_project
from support.subpath_server import SiteServer


def build_site(site_dir: Path, site_url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict`, as `make build` does, for a given address, in a
    copy of the project (support.project), never in the repository itself."""
    assert cwd.resolve() != ROOT, "build a copy (support.project.copy_project), not the repository"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=cwd, capture_output=True, text=True,
        # The copy's own engine (src/), so a test may change it without touching the repository.
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": os.environ["PATH"], "SITE_URL": site_url,
             "PYTHONPATH": str(cwd / "src")},
    )


def built(project: Path, what: str) -> SiteServer:
    """`project` built into project/site for the server that will serve it (its port first, so
    the build's site_url matches: Material's instant navigation only intercepts links listed in
    sitemap.xml under that address)."""
    server = SiteServer(project / "site")
    result = build_site(server.directory, server.url, cwd=project)
    assert result.returncode == 0, f"{what} did not build:\n{result.stdout}\n{result.stderr}"
    return server


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The engine's test course (tests/fixture/), built once per session (per worker) for and
    served at a sub-path, with its build cache in its own copy under tmp_path. The engine's
    tests use this one; `site` is the couples course, for the course's own tests."""
    with built(fixture_project(tmp_path_factory.mktemp("fixture")), "the fixture course") as server:
        yield server


@pytest.fixture(scope="session")
def built_fixture_site(fixture_site: SiteServer) -> Path:
    return fixture_site.directory


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The couples course's whole site, built for and served at a sub-path, as GitHub Pages serves it."""
    with built(copy_project(tmp_path_factory.mktemp("course")), "the site") as server:
        yield server


@pytest.fixture(scope="session")
def built_site(site: SiteServer) -> Path:
    return site.directory


@pytest.fixture(scope="session")
def starter_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The engine's own test course (the one `therapon new` writes), built once, at a sub-path."""
    return built(starter_project(tmp_path_factory.mktemp("starter")), "the starter").directory
