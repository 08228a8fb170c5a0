"""What the build writes for offline use and for the Content-Security-Policy."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from support.csp import csp_source, inline_scripts, script_sources
from therapon.csp import meta, script_hashes
from therapon.offline import WrittenPages, page_url
from therapon.pages import NEUTRAL_PAGE

SW_BUILD = re.compile(r"^self\.THERAPON_BUILD = (\{.*\});$", re.MULTILINE)


def service_worker_build(site_dir: Path) -> dict:
    return json.loads(SW_BUILD.search((site_dir / "sw.js").read_text()).group(1))


def page_config(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="therapon-config">(.*?)</script>',
                                html, re.DOTALL).group(1))


def course_pages(site_dir: Path) -> list[Path]:
    """Every page of the theme; the quick exit's plain page (no theme, no script) is apart."""
    return [p for p in site_dir.rglob("index.html") if p != site_dir / NEUTRAL_PAGE / "index.html"]


def test_the_quick_exit_page_has_the_policy_and_no_script_or_course_word(built_fixture_site: Path) -> None:
    html = (built_fixture_site / NEUTRAL_PAGE / "index.html").read_text()
    assert len(re.findall(r'<meta http-equiv="Content-Security-Policy"', html)) == 1
    assert "<script" not in html
    assert not re.search(r"therapon|partner|lesson|course|couple", re.sub(r'href="[^"]*"', "", html), re.I)
    assert NEUTRAL_PAGE in dict(service_worker_build(built_fixture_site)["precache"])  # it works offline too


def test_page_urls_are_the_folders_material_links_to() -> None:
    assert page_url("index.html") == ""
    assert page_url("lessons/01-x/index.html") == "lessons/01-x/"
    assert page_url("assets/therapon/main.js") == "assets/therapon/main.js"


def test_service_worker_lists_every_page_and_asset_with_its_hash(built_fixture_site: Path) -> None:
    build = service_worker_build(built_fixture_site)
    listed = dict(build["precache"])
    pages = [page_url(p.relative_to(built_fixture_site).as_posix())
             for p in built_fixture_site.rglob("index.html")]
    assert set(pages) <= set(listed) and "404.html" in listed
    for url in ("assets/therapon/main.js", "assets/therapon/editor.js", "search/search_index.json",
                "sitemap.xml"):
        assert url in listed, url
    for url, sha in listed.items():
        page = "index.html" if url.endswith("/") or url == "" else ""
        file = built_fixture_site / (url.split("?")[0] + page)
        assert hashlib.sha256(file.read_bytes()).hexdigest() == sha, url
    assert not [u for u in listed if u.startswith("pyodide/") or u.endswith((".map", ".gz"))]
    runtime = dict(build["runtime"])
    assert {"pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip"} <= set(runtime)


def test_pages_ask_for_the_course_outline_of_their_own_build(built_fixture_site: Path) -> None:
    course_url = page_config((built_fixture_site / "index.html").read_text())["course"]
    content = (built_fixture_site / "course.json").read_bytes()
    assert course_url == f"course.json?v={hashlib.sha256(content).hexdigest()[:12]}"
    precache = dict(service_worker_build(built_fixture_site)["precache"])
    assert precache[course_url] == hashlib.sha256(content).hexdigest()
    for page in course_pages(built_fixture_site):
        assert page_config(page.read_text())["course"] == course_url, page


def test_every_page_has_one_policy_that_allows_its_own_inline_scripts(built_fixture_site: Path) -> None:
    policies = set()
    for page in [*course_pages(built_fixture_site), built_fixture_site / "404.html"]:
        html = page.read_text()
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert len(found) == 1, page
        policies.add(found[0])
        bodies = inline_scripts(html)
        assert bodies, page  # Material writes inline scripts on every page
        assert {csp_source(body) for body in bodies} <= script_sources(found[0]), page
        assert html.index("Content-Security-Policy") < html.index("<script"), page
    assert len(policies) == 1  # the same on every page, for instant navigation
    policy = policies.pop()
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in policy
    assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy


def test_json_data_blocks_are_not_hashed_as_scripts() -> None:
    html = '<script type="application/json">{"a": 1}</script><script>run()</script>' \
        '<script src="x.js"></script><script type="module">go()</script>'
    assert len(script_hashes(html)) == 2
    assert meta(set()).startswith('<meta http-equiv="Content-Security-Policy"')


def test_page_digests_come_from_memory_unless_the_file_changed_after(tmp_path: Path) -> None:
    """The build hashes each page as it hands it to MkDocs; a page another plugin rewrote later
    (its size differs) is hashed from disk, so the list always matches what is served."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>café</p>", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>changed by a later plugin</p>", encoding="utf-8")
    written = WrittenPages()
    written.record("a/index.html", "<p>café</p>")
    written.record("b.html", "<p>as handed over</p>")
    (tmp_path / "a" / "index.html").write_bytes(b"<p>cafe!</p>")  # same size, never read
    assert written.digest(tmp_path, "a/index.html") == hashlib.sha256("<p>café</p>".encode()).hexdigest()
    changed = hashlib.sha256(b"<p>changed by a later plugin</p>").hexdigest()
    assert written.digest(tmp_path, "b.html") == changed
