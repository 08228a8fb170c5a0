"""The engine's words for the learner, in the course's language: one catalog per language in
messages/<language>.json, flat keys to strings with {name} placeholders.

These files are the one source of truth for every word the engine shows: the build writes the
page's controls and notices from them, the browser gets the chosen catalog in the generated
config (CourseBuild.browser_config), and the checking package gets its `check.*` strings from
the page (therapon_check/words.py holds the English ones, kept equal to en.json by a test).
Author-written text (prompts, hints, rule messages) is the author's and is never looked up here.

Plurals are two keys, `<key>.one` and `<key>.other`, and the form is chosen by the language's
rule (Intl.PluralRules in the browser, `plural_form` here). Every catalog must have exactly the
keys of English, with the same placeholders in each string: `catalog_problems` says where not.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MESSAGES_DIR = Path(__file__).parent / "messages"
DEFAULT_LANGUAGE = "en"
# Every catalog file is a language the engine speaks: adding one is adding a file.
LANGUAGES = tuple(sorted((p.stem for p in MESSAGES_DIR.glob("*.json")),
                         key=lambda name: (name != DEFAULT_LANGUAGE, name)))
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
# Keys only the build uses (templates and the page's HTML); the browser is not sent them.
BUILD_ONLY = "page."
# Keys the checking package (therapon_check) uses in the browser's Python.
CHECKING = "check."


def plural_form(language: str, count: int) -> str:
    """"one" or "other", as Intl.PluralRules says it for these languages' whole numbers."""
    if language == "fr":
        return "one" if count in (0, 1) else "other"
    return "one" if count == 1 else "other"


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def fill(text: str, values: Mapping[str, object]) -> str:
    """Each {name} replaced by its value, in one pass (a value's own braces stay as they are)."""
    return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


@dataclass(frozen=True)
class Catalog:
    """One language's words; calling it looks a key up and fills in its placeholders."""

    language: str
    words: Mapping[str, str]

    def __call__(self, key: str, **values: object) -> str:
        return fill(self.words[key], values)

    def plural(self, key: str, count: int, **values: object) -> str:
        return self(f"{key}.{plural_form(self.language, count)}", count=count, **values)

    def browser(self) -> dict[str, str]:
        """What the page scripts need: every key but the build's own and the checking package's."""
        return {k: v for k, v in self.words.items() if not k.startswith((BUILD_ONLY, CHECKING))}

    def checking(self) -> dict[str, str]:
        """The checking package's words, without their prefix, as therapon_check.words takes them."""
        return {k.removeprefix(CHECKING): v for k, v in self.words.items() if k.startswith(CHECKING)}


def catalog_path(language: str) -> Path:
    return MESSAGES_DIR / f"{language}.json"


@cache
def read_words(language: str) -> dict[str, str]:
    """A catalog file as it is written: a JSON object of strings (validated by catalog_problems)."""
    path = catalog_path(language)
    words = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(words, dict) or not all(isinstance(v, str) for v in words.values()):
        raise ValueError(f"{path}: a catalog must be one JSON object of key: \"string\" pairs.")
    return words


@cache
def load_catalog(language: str) -> Catalog:
    return Catalog(language, read_words(language))


def catalog_problems(language: str) -> list[str]:
    """Where a catalog differs from English: missing or extra keys, other placeholders."""
    english, words = read_words(DEFAULT_LANGUAGE), read_words(language)
    where = catalog_path(language).relative_to(MESSAGES_DIR.parent.parent)
    found = [f"{where}: the key '{key}' is missing. Add it, translated from {DEFAULT_LANGUAGE}.json."
             for key in english if key not in words]
    found += [f"{where}: the key '{key}' is not in {DEFAULT_LANGUAGE}.json. Remove it, or add it there too."
              for key in words if key not in english]
    for key in english.keys() & words.keys():
        if placeholders(english[key]) != placeholders(words[key]):
            want = ", ".join(f"{{{p}}}" for p in sorted(placeholders(english[key]))) or "none"
            found.append(f"{where}: '{key}' must use the placeholders of {DEFAULT_LANGUAGE}.json "
                         f"({want}), and only those.")
    for key in english:
        if key.endswith(".one") and key.removesuffix(".one") + ".other" not in english:
            found.append(f"{where}: '{key}' has no '.other' form beside it.")
    return found


def base_language(setting: str) -> str:
    """`fr-CA`, `pt_BR`, `FR`: the language part, in lower case."""
    return re.split(r"[-_]", setting.strip(), maxsplit=1)[0].lower()


def choose_catalog(setting: object) -> tuple[Catalog, str | None]:
    """The catalog for mkdocs.yml's theme.language, and a warning when it falls back to English."""
    text = setting if isinstance(setting, str) and setting.strip() else DEFAULT_LANGUAGE
    language = base_language(text)
    if language in LANGUAGES:
        return load_catalog(language), None
    return load_catalog(DEFAULT_LANGUAGE), (
        f"mkdocs.yml: theme.language is '{text}', and Therapon's controls and messages come in "
        f"{', '.join(LANGUAGES)} only, so the learner sees them in English. Set theme.language to "
        f"one of those, or add src/therapon/messages/{language}.json.")
