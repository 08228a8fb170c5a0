"""The Therapon engine as a MkDocs plugin: `plugins: [therapon]` in mkdocs.yml.

Each event only hands MkDocs' objects to the plain modules of this package. A course built from
this repository runs the same class through its hooks file (hooks/therapon_hooks.py), so one
code path serves both."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from jinja2.nodes import EvalContext
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from .answers import ANSWERS_FENCE
from .catalog import choose_catalog
from .contract import ATTR, EARLY_MESSAGE, EARLY_WORKER, PYTHON_WORKER
from .course import CourseBuild
from .csp import ContentSecurityPolicy
from .dialogs import name_search_dialog
from .errors import AuthoringFailed
from .fence import custom_fence
from .links import missing_link_errors
from .notice import safety_notice
from .pages import check_templates
from .runtime import SITE_PYODIDE_DIR, SITE_SCRIPTS_DIR, THEME_DIR, is_bundled_source
from .search import defer_search_worker
from .serving import BuildReport
from .settings import read_settings

log = get_plugin_logger("therapon")
# Notices that never fail a build, strict or not: MkDocs counts only its own loggers' warnings.
# Whether the built-in English detectors suit a course in another language is its author's call.
notices = logging.getLogger("therapon.notices")
if not notices.handlers:
    _stream = logging.StreamHandler()
    _stream.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    notices.addHandler(_stream)
    notices.propagate = False


@contextmanager
def reported():
    """An authoring error reaches MkDocs as its one message: file, line and fix, no traceback."""
    try:
        yield
    except AuthoringFailed as exc:
        raise PluginError(str(exc)) from None


def add_theme(theme) -> None:
    """Our templates and styles sit under the author's own overrides, over Material's."""
    if str(THEME_DIR) in theme.dirs:
        return
    theme.dirs.insert(1 if theme.custom_dir else 0, str(THEME_DIR))


class TheraponPlugin(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        self.build: CourseBuild | None = None
        self.nav = None
        self.csp = ContentSecurityPolicy()
        self.command = "build"

    def on_startup(self, *, command, dirty) -> None:
        self.command = command

    def on_config(self, config):
        self.csp = ContentSecurityPolicy()
        if "pymdownx.superfences" not in config.markdown_extensions:
            raise PluginError("mkdocs.yml: add pymdownx.superfences to markdown_extensions; "
                              "exercise fences need it.")
        add_theme(config.theme)
        self.config_file = Path(config.config_file_path)
        self.config_text = self.config_file.read_text(encoding="utf-8")
        words, fallback = choose_catalog(config.theme.get("language"))
        if fallback:
            log.warning(fallback)
        with reported():
            self.settings = read_settings(config.extra, self.config_file.name, self.config_text)
            self.build = CourseBuild(self.config_file.parent, self.settings, words=words)
        for warning in self.build.detector_warnings():
            notices.warning(warning)
        self.build.start_verification()
        superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
        superfences.setdefault("custom_fences", []).extend([
            custom_fence(self.build.render_fence),
            custom_fence(self.build.render_answers_fence, ANSWERS_FENCE)])
        # Under `mkdocs serve` a service worker would show an author yesterday's page.
        config.extra["therapon_runtime"] = {**self.build.browser_config(config.site_name),
                                            "offline": self.command != "serve"}
        config.extra["therapon_preload"] = self.build.runtime.preload()
        # The templates' own words (the safety notice, the neutral page…), from the same catalog.
        config.extra["therapon_words"] = dict(words.words)
        return config

    def on_serve(self, server, *, config, builder):
        exercises = Path(config.config_file_path).parent / "exercises"
        if exercises.is_dir():
            server.watch(str(exercises))
        BuildReport(server, Path(config.config_file_path))  # a failed rebuild shows in the page
        return server

    def on_files(self, files, *, config):
        # The scripts reach the site bundled (runtime.install), not as their sources.
        for file in [f for f in files if is_bundled_source(f.src_uri)
                     and f.abs_src_path and Path(f.abs_src_path).is_relative_to(THEME_DIR)]:
            files.remove(file)
        pages = {f.src_uri: f.url for f in files.documentation_pages()}
        with reported():
            config.extra["therapon_notice"] = safety_notice(self.settings, pages, self.config_file,
                                                            self.config_text)
        return files

    def on_nav(self, nav, *, config, files):
        self.nav = nav

    def on_page_markdown(self, markdown, *, page, config, files):
        self.build.begin_page(page.file.src_path, markdown)

    def on_env(self, env, *, config, files):
        # Every page's fences are read by now, and no page is written yet.
        env.globals["therapon_attr"] = asdict(ATTR)  # for the templates' inline script
        env.globals["therapon_needs_python"] = self.build.needs_python  # python-early.js or not
        env.globals["therapon_early_python"] = {  # for the inline script that starts it early
            "worker": f"{SITE_SCRIPTS_DIR}/{PYTHON_WORKER}", "pyodide": f"{SITE_PYODIDE_DIR}/",
            "message": EARLY_MESSAGE, "global": EARLY_WORKER}
        templates = [(Path(f.abs_src_path), f.page.meta.get("template"))
                     for f in files.documentation_pages() if f.abs_src_path and f.page]
        in_nav = {p.file.src_path for p in self.nav.pages}
        titles = {f.src_path: f.page.title or f.name for f in files.documentation_pages() if f.page}
        with reported():
            check_templates(env, templates, Path(config.config_file_path).parent)
            if errors := self.build.outside_nav(in_nav, titles):
                raise AuthoringFailed(errors)
        pages = [(p.file.src_path, p.title or p.file.name, p.url, p.meta.get("optional") is True)
                 for p in self.nav.pages]
        config.extra["therapon_runtime"]["course"] = self.build.plan_manifest(config.site_name, pages)
        # The same 27 kB of JSON on every page: serialised once here, by the template's own
        # tojson filter, rather than once per page (40 ms on 200 pages).
        env.globals["therapon_config"] = env.filters["tojson"](EvalContext(env),
                                                               config.extra["therapon_runtime"])
        return env

    def on_post_page(self, output, *, page, config):
        # The theme's own markup first, outside the page's content, while the page is one byte a
        # character: an exercise's "…" makes the whole page two (and every pass over it slower).
        output = name_search_dialog(defer_search_worker(output))
        with reported():
            output = self.build.complete_page(output, page.file.src_path)
        output = self.csp.add(output, page.file.dest_path)
        self.build.written.record(page.file.dest_path, output)
        return output

    def on_post_template(self, output_content, *, template_name, config):
        if not template_name.endswith(".html"):
            return output_content
        output = self.csp.add(name_search_dialog(defer_search_worker(output_content)), template_name)
        self.build.written.record(template_name, output)
        return output

    def on_post_build(self, *, config):
        for dest_path, html in self.csp.finish(Path(config.site_dir)).items():
            self.build.written.record(dest_path, html)
        for warning in self.build.unused_exercises():
            log.warning(warning)
        with reported():
            self.build.finish(Path(config.site_dir))
            dirs = [THEME_DIR] + ([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])
            if errors := missing_link_errors(dirs, Path(config.site_dir), self.config_file.parent):
                raise AuthoringFailed(errors)
