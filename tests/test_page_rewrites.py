"""The build's per-page rewrites, written for speed (issue 17), give what the plain versions
gave: Material's search worker deferred, the policy after the charset, the service worker's
file list in pathlib's order, and paths shown from the course's folder."""

from __future__ import annotations

from pathlib import Path

from therapon.csp import ContentSecurityPolicy, meta
from therapon.load import relative
from therapon.offline import site_files
from therapon.search import CONFIG_SEARCH, SHIM, defer_search_worker

WORKER = "assets/javascripts/workers/search.0123abcd.min.js"
CONFIG = f'<script id="__config" type="application/json">{{"base": "..", "search": "../{WORKER}"}}</script>'


def plain_defer(html: str) -> str:
    """The rewrite as a whole-page substitution, which the build did before."""
    return CONFIG_SEARCH.sub(lambda m: f'"search": "{m[1]}{SHIM}?real={m[2]}"', html, count=1)


def test_the_search_worker_is_deferred_in_materials_config_at_the_end_of_the_page() -> None:
    page = f"<html><body>{'<p>text …</p>' * 50}{CONFIG}</body></html>"
    deferred = defer_search_worker(page)
    assert f'"search": "../{SHIM}?real={WORKER}"' in deferred
    assert deferred == plain_defer(page)


def test_a_config_without_materials_script_tag_is_still_found() -> None:
    page = f'<p>x</p><script>var c = {{"search": "/repo/{WORKER}"}}</script>'
    assert defer_search_worker(page) == plain_defer(page) != page


def test_a_page_without_the_search_config_is_unchanged() -> None:
    page = '<script id="__config" type="application/json">{"base": "."}</script>'
    assert defer_search_worker(page) == page


def test_the_policy_goes_right_after_the_charset_or_else_after_head() -> None:
    inline = "<script>go()</script>"
    with_charset = f'<html><head><META CHARSET="utf-8"><title>…</title></head><body>{inline}</body></html>'
    without = f"<html><head><title>t</title></head><body>{inline}</body></html>"
    for page, after in ((with_charset, '<META CHARSET="utf-8">'), (without, "<head>")):
        policy = ContentSecurityPolicy()
        written = policy.add(page, "index.html")
        tag = meta(policy.hashes)
        at = page.index(after) + len(after)
        assert written == page[:at] + tag + page[at:]
        assert written.count("Content-Security-Policy") == 1


def test_the_file_list_keeps_pathlibs_order_and_only_files(tmp_path: Path) -> None:
    for name in ("a-b/index.html", "a/b/index.html", "a/index.html", "sw.js", "x.js.map", "pyodide/p.wasm"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "empty").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    expected = [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path.rglob("*")) if p.is_file()]
    expected = [r for r in expected if r not in ("sw.js", "x.js.map") and not r.startswith("pyodide/")]
    assert list(site_files(tmp_path)) == expected == ["a/b/index.html", "a/index.html", "a-b/index.html"]


def test_relative_paths_match_pathlib(tmp_path: Path) -> None:
    root = tmp_path / "course"
    for path in (root / "exercises" / "x.toml", root, tmp_path / "course-2" / "y", Path("docs/a.md"),
                 tmp_path / "elsewhere"):
        try:
            expected = path.relative_to(root)
        except ValueError:
            expected = path
        assert relative(path, root) == expected
    assert relative(Path("docs/a.md"), Path("docs")) == Path("a.md")
