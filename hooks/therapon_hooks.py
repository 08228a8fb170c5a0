"""This course's MkDocs hooks: the Therapon plugin (src/therapon/plugin.py), run as hooks so the
course builds from its own repository. An installed course lists `therapon` under `plugins:`."""

from __future__ import annotations

from therapon.plugin import TheraponPlugin

_plugin = TheraponPlugin()

on_startup = _plugin.on_startup
on_config = _plugin.on_config
on_serve = _plugin.on_serve
on_files = _plugin.on_files
on_nav = _plugin.on_nav
on_page_markdown = _plugin.on_page_markdown
on_env = _plugin.on_env
on_post_page = _plugin.on_post_page
on_post_template = _plugin.on_post_template
on_post_build = _plugin.on_post_build
