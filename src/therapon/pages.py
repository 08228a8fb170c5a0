"""Lesson pages, read before MkDocs reads them: it stops with a Python traceback on a page that
is not UTF-8, and quietly shows broken front matter as page text. Both are reported here with
the page and the line instead.

Reading the pages first also says how many lines of front matter MkDocs strips from each, so
a fence's error can name its line in the file rather than in what is left after stripping."""

from __future__ import annotations

import difflib
from pathlib import Path

import yaml
from jinja2 import Environment, TemplateNotFound
from mkdocs.utils.meta import YAML_RE, get_data

from .errors import AuthoringError, AuthoringFailed, line_of
from .load import decode_utf8, relative
from .options import did_you_mean

DOCS_DIR = "docs"
# Where the quick exit goes: a plain page with no course words and no script (docs/blank.md,
# with the theme's blank.html). The browser reads it from the generated config.
NEUTRAL_PAGE = "blank/"
# A quote or bracket that is never closed is reported where it opens, not where YAML gives up.
OPENERS = {
    "while scanning a quoted scalar": "the quoted text",
    "while parsing a flow sequence": "the [...] list",
    "while parsing a flow mapping": "the {...} table",
}


def front_matter_error(text: str, shown: Path) -> AuthoringError | None:
    """The YAML error in a page's front matter (between --- lines at the very top), if any."""
    match = YAML_RE.match(text)
    if not match:
        return None
    try:
        yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        opener = OPENERS.get(getattr(exc, "context", None) or "")
        problem = getattr(exc, "problem", None) or str(exc)
        mark = getattr(exc, "context_mark" if opener else "problem_mark", None)
        where = f", in {opener} that starts on this line" if opener else ""
        line = mark.line + 2 if mark else 1  # 0-based, and the YAML starts after the first ---
        return AuthoringError(shown, f"the front matter at the top of this page is not valid YAML "
                              f"({problem}{where}). Write one `key: value` per line, put quotes "
                              "around values that hold a colon, or remove the --- lines.", line)
    return None


# Front-matter keys the course itself reads, each with the type it must have.
OPTIONAL_KEY = "optional"


def optional_error(text: str, shown: Path) -> AuthoringError | None:
    """`optional:` in a page's front matter marks a part of the course that a learner may skip
    (it is counted apart); anything but true or false is an error, not a guess."""
    match = YAML_RE.match(text)
    if not match:
        return None
    meta = yaml.safe_load(match.group(1))
    if not isinstance(meta, dict) or OPTIONAL_KEY not in meta or isinstance(meta[OPTIONAL_KEY], bool):
        return None
    return AuthoringError(shown, f"`{OPTIONAL_KEY}:` in the front matter must be true or false, got "
                          f"{meta[OPTIONAL_KEY]!r}. Write `{OPTIONAL_KEY}: true` on a page a learner may "
                          "skip (it is then counted apart from the course), or remove the line.",
                          line_of(text, f"{OPTIONAL_KEY}:"))


# What the engine reads from a page's front matter. A key a letter or two away from one of
# these (`optinal:`, `Optional:`, `templates:`) is read by nothing, so the page would quietly
# not be optional or not use its template. Other keys stay free: MkDocs, Material and an
# author's own templates read their own (title, hide, icon, status, tags, ...).
ENGINE_KEYS = (OPTIONAL_KEY, "template")
NEAR_MISS = 0.85  # difflib's ratio: 'optinal' and 'templates' are near misses, 'options' is not


def unknown_key_error(text: str, shown: Path) -> AuthoringError | None:
    """A front-matter key that is almost, but not quite, one the engine reads."""
    match = YAML_RE.match(text)
    meta = yaml.safe_load(match.group(1)) if match else None
    if not isinstance(meta, dict):
        return None
    for key in meta:
        if not isinstance(key, str) or key in ENGINE_KEYS:
            continue
        close = difflib.get_close_matches(key.lower(), ENGINE_KEYS, n=1, cutoff=NEAR_MISS)
        if close:
            return AuthoringError(
                shown, f"unknown front matter key '{key}', which nothing reads. "
                f"{did_you_mean(key, close)}Rename it to `{close[0]}:`, or remove the line.",
                line_of(text, f"{key}:"))
    return None


def body_offset(text: str) -> int:
    """How many lines MkDocs strips from the top of a page as front matter (meta-data)."""
    body, _ = get_data(text)
    return text[: len(text) - len(body)].count("\n") if text.endswith(body) else 0


def read_pages(docs_dir: Path, root: Path) -> dict[str, int]:
    """Each page's body offset, by its path inside docs/. Raises AuthoringFailed listing every
    page that is not UTF-8 or has broken front matter."""
    errors: list[AuthoringError] = []
    offsets: dict[str, int] = {}
    pages = sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else []
    for path in pages:
        inside = path.relative_to(docs_dir)
        if any(part.startswith(".") for part in inside.parts):
            continue  # MkDocs skips hidden files too
        shown = relative(path, root)
        text = decode_utf8(path.read_bytes(), shown, errors)
        if text is None:
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # as MkDocs reads it
        error = (front_matter_error(text, shown) or optional_error(text, shown)
                 or unknown_key_error(text, shown))
        if error:
            errors.append(error)
        offsets[inside.as_posix()] = body_offset(text)
    if errors:
        raise AuthoringFailed(errors)
    return offsets


def check_templates(env: Environment, pages: list[tuple[Path, str | None]], root: Path) -> None:
    """Each page's `template:` from its front matter exists in the theme. MkDocs would stop
    with a Jinja traceback; this names the page, the line and the templates there are."""
    errors: list[AuthoringError] = []
    for path, name in pages:
        if name is None:
            continue
        try:
            env.get_template(str(name))
        except TemplateNotFound:
            shown = relative(path, root)
            text = path.read_text(encoding="utf-8-sig")
            known = sorted(t for t in env.list_templates(extensions=["html"])
                           if "/" not in t and not t.startswith(("404", "base")))
            errors.append(AuthoringError(
                shown, f"the front matter asks for the template '{name}', which the theme does not "
                f"have. Remove the `template:` line, or name one of: {', '.join(known)}.",
                line_of(text, "template:")))
    if errors:
        raise AuthoringFailed(errors)
