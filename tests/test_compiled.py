"""The lexicon table compiled ahead of time (therapon_check/compiled.py): current, equal to a
live compile entry by entry, and never used when it does not match the installed files."""

from __future__ import annotations

import json

import pytest

from therapon.lexicon_table import write_table
from therapon.wheel import CHECKER_DIR, build_wheel, package_files
from therapon_check import compiled, matching
from therapon_check.compiled import TABLE, detector_entries, generate, lexicon_entries, table


def test_the_committed_table_is_what_the_generator_writes() -> None:
    assert (CHECKER_DIR / TABLE).read_text(encoding="utf-8") == generate(), (
        "src/therapon_check/lexicon/compiled.json is stale: run `make install` "
        "(or `python -m therapon.lexicon_table`) and commit it")


def test_every_entry_is_compiled_as_a_live_compile_would() -> None:
    known = table()
    assert set(known) == set(lexicon_entries()) | set(detector_entries())
    for text, (parts, not_before, opens) in known.items():
        live = matching.compile_live(text)
        compiled_now = (live.parts, tuple(sorted(live.not_before)), live.opens_clause)
        assert compiled_now == (parts, not_before, opens), text
        assert matching.compile_full(text) == live


def test_the_detectors_own_phrases_are_in_the_table() -> None:
    """A first Check compiles none of the built-in detectors' phrases live."""
    from therapon_check import detect_feelings, detect_moves

    entries = detector_entries()
    assert {"^i know", "because you", "take your time", "i feel like !we !i"} <= set(entries)
    kept_in_code = {*detect_moves.GRANTING.entries, *detect_feelings.THOUGHT_AS_FEELING.entries}
    assert kept_in_code <= set(entries)
    assert set(entries) <= set(table())


def test_a_table_of_other_files_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    table.cache_clear()
    monkeypatch.setattr(compiled, "source_key", lambda: "another build")
    try:
        assert table() == {}
    finally:
        monkeypatch.undo()
        table.cache_clear()
    assert table(), "with the right key the table is used again"


def test_an_unreadable_table_is_not_used(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lexicon").mkdir()
    (tmp_path / TABLE).write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(compiled, "PACKAGE", tmp_path)
    table.cache_clear()
    try:
        assert table() == {}
    finally:
        monkeypatch.undo()
        table.cache_clear()


def test_the_generator_writes_only_a_change(tmp_path) -> None:
    (tmp_path / "lexicon").mkdir()
    assert write_table(tmp_path) is True
    assert write_table(tmp_path) is False
    assert json.loads((tmp_path / TABLE).read_text(encoding="utf-8"))["key"] == compiled.source_key()


def test_the_browser_wheel_ships_the_table() -> None:
    assert CHECKER_DIR / TABLE in package_files(CHECKER_DIR)
    assert f"therapon_check/{TABLE}".encode() in build_wheel(CHECKER_DIR).data
