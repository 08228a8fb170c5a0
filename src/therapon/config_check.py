"""mkdocs.yml read before MkDocs reads it, so its usual YAML mistakes get a plain hint.

MkDocs parses mkdocs.yml before any plugin or hook exists (mkdocs/config/base.py load_config:
the YAML first, then the `plugins:` and `hooks:` it names), so no plugin can word that error.
`therapon check-config`, which `make build` and `make serve` run first, and the `mkdocs serve`
error page (serving.py) use this instead. It only reads the YAML: what the settings mean is the
plugin's to judge once MkDocs has loaded them."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from .errors import AuthoringError

NAV_ITEM = re.compile(r"^(?P<indent>\s*-\s+)(?P<title>[^\"'].*?):\s+(?P<target>\S+)\s*$")
LIST_ITEM = re.compile(r"^(\s*)-(\s|$)")


def loader() -> type:
    """MkDocs's own loader (for !ENV), which also lets any other tag (!relative, a theme's
    !!python/name) through: only the YAML's shape is judged here."""
    base = get_yaml_loader()

    class Loader(base):  # type: ignore[valid-type, misc]
        pass

    Loader.add_multi_constructor("!", lambda _loader, _suffix, _node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda _loader, _suffix, _node: None)
    return Loader


def colon_hint(line: str) -> str:
    """A title with ': ' in it reads as a second key; quotes make it one title again."""
    item = NAV_ITEM.match(line)
    if item:
        fixed = f'{item["indent"].strip()} "{item["title"]}": {item["target"]}'
        return (f"a nav title holds a colon, which YAML reads as another key. Put the title in "
                f"quotes: `{fixed}`.")
    return ("a value holds a colon followed by a space, which YAML reads as another key. Put the "
            "value in double quotes, for example `site_name: \"Therapon: partners\"`.")


def spaces(count: int) -> str:
    return f"{count} space" if count == 1 else f"{count} spaces"


def indent_hint(lines: list[str], number: int) -> str:
    """A `- ` item indented unlike the items of its list, found by the item above it."""
    this = LIST_ITEM.match(lines[number - 1])
    for above in range(number - 1, 0, -1):
        item = LIST_ITEM.match(lines[above - 1])
        if item and this:
            return (f"this list item is indented by {spaces(len(this.group(1)))}, but the item on line "
                    f"{above} by {spaces(len(item.group(1)))}. Indent every `- ` of one list by the same "
                    "number of spaces (a list inside an item by more).")
    return ("this line is indented unlike the lines above it. Indent the keys of one table, and the "
            "`- ` items of one list, by the same number of spaces.")


def unclosed_quote(lines: list[str], number: int) -> int | None:
    """The first line up to the error with an odd number of double quotes. YAML lets a quoted
    text run on over the next lines, so an unclosed one is seen only where the next quote
    makes nonsense of what follows, often lines later."""
    for at in range(1, min(number, len(lines)) + 1):
        line = lines[at - 1].replace('\\"', "")
        if not line.lstrip().startswith("#") and line.count('"') % 2:
            return at
    return None


def unclosed_bracket(lines: list[str], number: int, opened: int | None,
                     context: str) -> tuple[str, int] | None:
    """The [ or { that YAML was still inside when it gave up, and its line. PyYAML names it for
    a list or table cut short, not when the file ends right after it; then the last line above
    with more openers than closers is the one."""
    if opened and "sequence" in context:
        return "[", opened
    if opened and "mapping" in context:
        return "{", opened
    for at in range(min(number, len(lines)), 0, -1):
        line = lines[at - 1]
        for bracket, closing in (("[", "]"), ("{", "}")):
            if line.count(bracket) > line.count(closing):
                return bracket, at
    return None


def config_error(text: str, name: str = "mkdocs.yml") -> AuthoringError | None:
    """The YAML mistake in mkdocs.yml's text, with its line and the fix, or None if it parses."""
    try:
        yaml.load(text, Loader=loader())  # noqa: S506  (MkDocs's loader, as MkDocs reads the file)
        return None
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None) or ""
        mark = getattr(exc, "problem_mark", None)
        opened = getattr(exc, "context_mark", None)
    lines = text.splitlines()
    number = mark.line + 1 if mark else 1
    if "'\\t'" in problem:  # PyYAML writes the tab as \t
        tab_line = next((n for n, line in enumerate(lines, 1)
                         if "\t" in line[: len(line) - len(line.lstrip())]), number)
        return AuthoringError(name, "this line is indented with a tab. YAML indents with spaces "
                              "only: replace the tab with spaces (two for each level).", tab_line)
    quote = opened.line + 1 if "while scanning a quoted scalar" in context and opened else None
    if quote := quote or unclosed_quote(lines, number):
        return AuthoringError(name, "the quote that opens on this line is never closed. Add the "
                              "closing quote where the text ends, on the same line.", quote)
    if context.startswith("while parsing a flow"):
        if unclosed := unclosed_bracket(lines, number, opened.line + 1 if opened else None, context):
            bracket, at = unclosed
            closing, what = ("]", "list") if bracket == "[" else ("}", "table")
            return AuthoringError(name, f"the {bracket} that opens on this line is never closed. Close "
                                  f"it with {closing} where the {what} ends.", at)
    if problem.startswith("mapping values are not allowed"):
        return AuthoringError(name, colon_hint(lines[number - 1] if number <= len(lines) else ""), number)
    if problem.startswith("expected <block end>") or "did not find expected" in problem:
        return AuthoringError(name, indent_hint(lines, min(number, len(lines))), number)
    return AuthoringError(name, f"this is not valid YAML ({problem}). Check the indentation and "
                          "the quotes on this line and the one above.", number)


def check_config(path: Path) -> AuthoringError | None:
    """check_config(Path('mkdocs.yml')): what `therapon check-config` reports, or None."""
    if not path.is_file():
        return AuthoringError(path.name, "there is no mkdocs.yml here. Run therapon from your course's "
                              "folder (the one with mkdocs.yml), or start one with `therapon new`.")
    return config_error(path.read_text(encoding="utf-8-sig"), path.name)
