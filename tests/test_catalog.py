"""The engine's catalogs (src/therapon/messages/*.json): every language says everything English
says, with the same placeholders; the code asks only for keys that exist; theme.language picks
one, and the checking package's English is en.json's."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT
from therapon import catalog
from therapon.catalog import (
    LANGUAGES,
    Catalog,
    base_language,
    catalog_problems,
    choose_catalog,
    fill,
    load_catalog,
    plural_form,
    read_words,
)
from therapon_check import words as checking_words
from therapon_check.verdict import verdict

SCRIPTS = ROOT / "src/therapon/theme/assets/therapon"
PYTHON = ROOT / "src/therapon"
TEMPLATES = ROOT / "src/therapon/theme"


def test_the_engine_speaks_english_french_german_and_spanish() -> None:
    assert LANGUAGES == ("en", "de", "es", "fr")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalog_has_englishs_keys_and_placeholders(language: str) -> None:
    assert catalog_problems(language) == []


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_every_catalog_is_translated(language: str) -> None:
    """A string copied from English unchanged is a string nobody translated (names and
    symbols aside)."""
    english, words = read_words("en"), read_words(language)
    same = [k for k in english if words[k] == english[k] and re.search(r"[a-z]{4,}", english[k])
            and k not in {"verdict.label", "check.and", "check.onLine", "data.and"}]
    # Words that are the same in the other language, or Python's own.
    allowed = {"lock.minutes.one", "lock.minutes.other", "check.tracebackTitle",
               "profiles.switcher", "dashboard.inLesson", "data.lockedNames"}
    assert [k for k in same if k not in allowed] == []


def test_a_catalog_that_disagrees_is_named_with_its_fix(tmp_path: Path, monkeypatch) -> None:
    """Missing and extra keys, other placeholders and a lone plural form each get a sentence."""
    messages = tmp_path / "therapon/messages"
    messages.mkdir(parents=True)
    (messages / "en.json").write_text(json.dumps(
        {"a": "Hello {name}", "b": "Bye", "n.one": "{count} word"}))
    (messages / "xx.json").write_text(json.dumps({"a": "Hallo {nom}", "c": "Extra", "n.one": "x"}))
    monkeypatch.setattr(catalog, "MESSAGES_DIR", messages)
    read_words.cache_clear()
    try:
        problems = catalog_problems("xx")
    finally:
        read_words.cache_clear()
    assert sorted(problems) == sorted([
        "therapon/messages/xx.json: the key 'b' is missing. Add it, translated from en.json.",
        "therapon/messages/xx.json: the key 'c' is not in en.json. Remove it, or add it there too.",
        "therapon/messages/xx.json: 'a' must use the placeholders of en.json ({name}), and only those.",
        "therapon/messages/xx.json: 'n.one' must use the placeholders of en.json ({count}), and only those.",
        "therapon/messages/xx.json: 'n.one' has no '.other' form beside it.",
    ])


def keys_asked_for() -> dict[str, set[str]]:
    """Every literal key the code looks up: t("…") and tn("…") in the page scripts, words("…")
    in the build, the templates' therapon_words[…], say("…") in the checking package."""
    found: dict[str, set[str]] = {}
    scripts = [p for p in [*SCRIPTS.glob("*.js"), *SCRIPTS.glob("components/*.js")] if p.name != "i18n.js"]
    for path in scripts:
        text = path.read_text(encoding="utf-8")
        found[path.name] = {m for m in re.findall(r"\btNodes?\(\"([\w.]+)\"", text)} | {
            m for m in re.findall(r"\bt\(\"([\w.]+)\"", text)} | {
            f"{m}.one" for m in re.findall(r"\btn\(\"([\w.]+)\"", text)}
    for path in PYTHON.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found[path.name] = set(re.findall(r"\bwords\(['\"]([\w.]+)['\"]", text))
    for path in TEMPLATES.rglob("*.html"):
        found[path.name] = set(re.findall(r"therapon_words\[['\"]([\w.]+)['\"]\]", path.read_text()))
    for path in (ROOT / "src/therapon_check").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found[path.name] = {f"check.{m}" for m in re.findall(r"\bsay\(['\"]([\w.]+)['\"]\s*[,)]", text)} | {
            f"check.{m}.one" for m in re.findall(r"\bsay_count\(['\"]([\w.]+)['\"]", text)}
    return found


def test_the_code_asks_only_for_keys_the_catalog_has() -> None:
    english = read_words("en")
    missing = {name: sorted(k for k in keys if k not in english) for name, keys in keys_asked_for().items()}
    assert {name: keys for name, keys in missing.items() if keys} == {}
    # and finds plenty: a scan that found nothing would prove nothing
    assert sum(len(keys) for keys in keys_asked_for().values()) > 300


def test_keys_built_at_run_time_exist_for_every_value() -> None:
    english = read_words("en")
    families = {
        "status": ("new", "attempted", "passed"), "verdict": ("concern", "tip", "good"),
        "store.what": ("profiles", "exercise", "partnerPractice", "turns", "welcome"),
        "data": ("merged", "replaced"), "dashboard.summaryYou": ("one", "other"),
        "dashboard.summaryName": ("one", "other"), "dashboard.finished": ("You", "Name"),
        "check.plain": ("RecursionError", "MemoryError", "OverflowError"),
    }
    assert [f"{family}.{v}".replace("finished.", "finished") for family, values in families.items()
            for v in values if f"{family}.{v}".replace("finished.", "finished") not in english] == []
    damaged = re.findall(r'fail\("(\w+)"\)', (SCRIPTS / "transfer.js").read_text())
    assert len(damaged) >= 10 and [w for w in damaged if f"transfer.what.{w}" not in english] == []


def test_the_checking_packages_english_is_en_json() -> None:
    assert checking_words.ENGLISH == load_catalog("en").checking()


def test_the_checking_package_speaks_the_language_it_is_given() -> None:
    french = load_catalog("fr").checking()
    try:
        checking_words.use(french, "fr")
        summary = verdict(False, [{"level": "concern", "id": "x", "message": "…"}] * 2)["summary"]
        assert summary == french["concerns.other"].replace("{count}", "2").replace("{already}", "")
        assert verdict(True, [])["summary"] == "Cela atteint l'objectif. Bravo\u00a0!"
    finally:
        checking_words.use({}, "en")
    assert verdict(True, [])["summary"] == "This meets the goal. Well done!"


@pytest.mark.parametrize(("setting", "language", "warned"), [
    ("en", "en", False), ("fr", "fr", False), ("fr-CA", "fr", False), ("de_AT", "de", False),
    ("ES", "es", False), (None, "en", False), ("pt_BR", "en", True), ("ja", "en", True),
])
def test_theme_language_picks_the_catalog(setting, language: str, warned: bool) -> None:
    chosen, warning = choose_catalog(setting)
    assert chosen.language == language
    assert (warning is not None) is warned
    if warned:
        assert warning.startswith(f"mkdocs.yml: theme.language is '{setting}'")
        assert "en, de, es, fr" in warning and "English" in warning


def test_region_forms_name_their_base_language() -> None:
    assert [base_language(s) for s in ("fr-CA", "pt_BR", "DE", " es ")] == ["fr", "pt", "de", "es"]


def test_placeholders_are_filled_once_and_plurals_follow_the_language() -> None:
    assert fill("{a} and {b}", {"a": "{b}", "b": "x"}) == "{b} and x"
    assert [plural_form("fr", n) for n in (0, 1, 2)] == ["one", "one", "other"]
    assert [plural_form("en", n) for n in (0, 1, 2)] == ["other", "one", "other"]
    words = Catalog("en", {"w.one": "{count} word", "w.other": "{count} words"})
    assert (words.plural("w", 1), words.plural("w", 3)) == ("1 word", "3 words")


def test_the_browser_gets_neither_the_builds_nor_the_checkers_keys() -> None:
    sent = load_catalog("de").browser()
    assert sent and not [k for k in sent if k.startswith(("page.", "check."))]
    assert sent["status.passed"] == "Erledigt"
