"""MkDocs hooks for Therapon: wire MkDocs events to the plain modules in hooks/therapon/."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from therapon.answers import ANSWERS_FENCE
from therapon.course import CourseBuild
from therapon.csp import ContentSecurityPolicy
from therapon.dialogs import name_search_dialog
from therapon.errors import AuthoringFailed
from therapon.fence import custom_fence
from therapon.pages import check_templates
from therapon.runtime import is_bundled_source
from therapon.settings import read_settings

log = get_plugin_logger("therapon")
_build: CourseBuild | None = None
_nav = None
_csp = ContentSecurityPolicy()
_command = "build"


@contextmanager
def reported():
    """An authoring error reaches MkDocs as its one message: file, line and fix, no traceback."""
    try:
        yield
    except AuthoringFailed as exc:
        raise PluginError(str(exc)) from None


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    global _build, _csp
    _csp = ContentSecurityPolicy()
    if "pymdownx.superfences" not in config.markdown_extensions:
        raise PluginError("mkdocs.yml: add pymdownx.superfences to markdown_extensions; "
                          "exercise fences need it.")
    config_file = Path(config.config_file_path)
    with reported():
        settings = read_settings(config.extra, config_file.name, config_file.read_text(encoding="utf-8"))
        _build = CourseBuild(config_file.parent, settings)
    _build.start_verification()
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    superfences.setdefault("custom_fences", []).extend([
        custom_fence(_build.render_fence), custom_fence(_build.render_answers_fence, ANSWERS_FENCE)])
    # Under `mkdocs serve` a service worker would show an author yesterday's page.
    config.extra["therapon_runtime"] = {**_build.browser_config(config.site_name),
                                        "offline": _command != "serve"}
    config.extra["therapon_preload"] = _build.runtime.preload()
    return config


def on_files(files, config):
    # The scripts reach the site bundled (runtime.install), not as their sources.
    overrides = Path(config.theme.custom_dir)
    for file in [f for f in files if is_bundled_source(f.src_uri)
                 and f.abs_src_path and Path(f.abs_src_path).is_relative_to(overrides)]:
        files.remove(file)
    return files


def on_nav(nav, config, files):
    global _nav
    _nav = nav


def on_page_markdown(markdown, page, config, files):
    _build.begin_page(page.file.src_path, markdown)


def on_env(env, config, files):
    # Every page's fences are read by now, and no page is written yet.
    templates = [(Path(f.abs_src_path), f.page.meta.get("template"))
                 for f in files.documentation_pages() if f.abs_src_path and f.page]
    with reported():
        check_templates(env, templates, Path(config.config_file_path).parent)
    pages = [(p.file.src_path, p.title or p.file.name, p.url, p.meta.get("optional") is True)
             for p in _nav.pages]
    config.extra["therapon_runtime"]["course"] = _build.plan_manifest(config.site_name, pages)
    return env


def on_post_page(output, page, config):
    with reported():
        output = _build.complete_page(output, page.file.src_path)
    output = _csp.add(name_search_dialog(output), page.file.dest_path)
    _build.written.record(page.file.dest_path, output)
    return output


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    output = _csp.add(name_search_dialog(output_content), template_name)
    _build.written.record(template_name, output)
    return output


def on_post_build(config):
    for dest_path, html in _csp.finish(Path(config.site_dir)).items():
        _build.written.record(dest_path, html)
    for warning in _build.unused_exercises():
        log.warning(warning)
    with reported():
        _build.finish(Path(config.site_dir))
