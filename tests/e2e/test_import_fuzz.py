"""Hypothesis feeds the page's import check 1,000+ malformed progress files, in today's shape
(schema 4: words apart from counts, the couple's shared records, a locked profile's lock and
sealed words), in schema 3's (no locks) and in schema 2's. None may
crash the page, pollute a prototype, pass as valid when it is not, or change what is stored."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Page

from .test_your_data import LOCKED, PREFIX, PROGRESS, VALID, stored

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
DANGEROUS_KEYS = st.sampled_from(["__proto__", "constructor", "prototype"])
FIELDS = list(VALID)
# The same progress as schema 2 wrote it: words beside the counts, partner practice per profile.
LEGACY = {**{k: v for k, v in VALID.items() if k not in ("shared", "locks")}, "schema": 2, "records": {"me": {
    "best-reply": {"status": "passed", "attempts": 1, "hintsShown": 0,
                           "draft": "[\"names-feeling\"]", "updatedAt": 1},
    "first-practice": {"status": "passed", "attempts": 0, "hintsShown": 0, "draft": "We took turns.",
                   "updatedAt": 2}}}}
# Schema 3: today's records, no locks.
SCHEMA_3 = {**{k: v for k, v in VALID.items() if k != "locks"}, "schema": 3}


@st.composite
def malformed_files(draw) -> str:
    """A valid file with one thing broken, or something that is not a progress file at all."""
    kind = draw(st.sampled_from(["noise", "replace-field", "drop-field", "dangerous-key", "bad-record",
                                 "bad-words", "bad-shared", "bad-lock", "bad-sealed", "truncate"]))
    if kind == "noise":
        return json.dumps(draw(JSON_VALUES))
    file = json.loads(json.dumps(draw(st.sampled_from([VALID, LOCKED, SCHEMA_3, LEGACY]))))
    legacy = file["schema"] == 2
    if kind == "replace-field":
        field = draw(st.sampled_from(["schema", "course", "format", "profiles", "records", "turns",
                                      "shared", "locks"]))
        original = file.get(field)
        file[field] = draw(JSON_VALUES.filter(lambda v: v != original))
        return json.dumps(file)
    if kind == "drop-field":
        del file[draw(st.sampled_from(["profiles", "records", "turns", "format", "course", "schema"]
                                      + ([] if legacy else ["shared"])
                                      + (["locks"] if "locks" in file else [])))]
        return json.dumps(file)
    if kind == "dangerous-key":
        text = json.dumps(file)
        key = draw(DANGEROUS_KEYS)
        return text[:-1] + f', "{key}": {json.dumps(draw(JSON_VALUES))}}}'
    wrong = JSON_VALUES.filter(lambda v: not isinstance(v, str))
    if kind == "bad-record":
        record = file["records"]["me"]["best-reply"]
        record[draw(st.sampled_from(list(record)))] = draw(wrong)
        return json.dumps(file)
    if kind == "bad-words":  # words in the wrong place or of the wrong type, in either shape
        record = file["records"]["me"]["best-reply"]
        if legacy:
            record["words"] = {"draft": draw(st.text(max_size=20))}
            del record["draft"]
        else:
            record["words"] = draw(st.one_of(wrong, st.fixed_dictionaries({"draft": wrong})))
        return json.dumps(file)
    if kind == "bad-shared":
        if legacy:
            file["shared"] = draw(JSON_VALUES)  # schema 2 had no shared records
        else:
            target = file["shared"]["first-practice"]
            target[draw(st.sampled_from(list(target)))] = draw(wrong)
        return json.dumps(file)
    if kind == "bad-lock":  # a lock of the wrong shape, or one where the file may have none
        lock = file.get("locks", {}).get("me")
        if lock is None:
            file["locks"] = {"me": draw(JSON_VALUES)}
        else:
            not_a_count = JSON_VALUES.filter(lambda v: not isinstance(v, int))
            lock[draw(st.sampled_from(list(lock)))] = draw(not_a_count)
        return json.dumps(file)
    if kind == "bad-sealed":  # sealed words broken, or where they may not be
        record = file["records"]["me"]["best-reply"]
        words = record.get("words")
        if isinstance(words, dict) and "sealed" in words:
            words["sealed"][draw(st.sampled_from(["iv", "data"]))] = draw(st.text(max_size=30))
        else:
            record["words"] = {"draft": None, "sealed": {"iv": "MTIzNDU2Nzg5MDEy", "data": "c2VhbGVk"}}
        return json.dumps(file)
    text = json.dumps(file)
    return text[: draw(st.integers(min_value=0, max_value=len(text) - 1))]


def dangerous_keys(text: str) -> list[str]:
    """Every key of a JSON text, at any depth, that could reach an object's prototype."""
    found: list[str] = []

    def pairs(items: list[tuple[str, object]]) -> dict:
        found.extend(key for key, _ in items if key in ("__proto__", "constructor", "prototype"))
        return dict(items)

    try:
        json.loads(text, object_pairs_hook=pairs)
    except ValueError:
        return []
    return found


CHECK = """async (texts) => {
    const { readProgressFile } = await import(new URL('assets/therapon/transfer.js', document.baseURI
        .replace(/progress\\/.*$/, '')).href);
    return texts.map((text) => {
        try {
            const result = readProgressFile(text, 'engine-fixture', ['first-practice']);
            return { ok: result.ok, message: result.message ?? '', encrypted: Boolean(result.encrypted),
                     progress: result.progress ?? null };
        } catch (error) {
            return { crashed: String(error) };
        }
    });
}"""


@settings(max_examples=1000, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(files=st.lists(malformed_files(), min_size=1, max_size=1))
def check_files(page: Page, before: dict, seen: list, files: list[str]) -> None:
    results = page.evaluate(CHECK, files)
    for text, result in zip(files, results, strict=True):
        seen.append(text)
        assert "crashed" not in result, (text, result)
        if not result["ok"]:
            assert result["message"], text
            continue
        # A mutation may happen to leave a valid file: then it must really be one, hold no
        # dangerous key anywhere, and come back exactly as it was written.
        assert not dangerous_keys(text), (text, result)
        data = json.loads(text)
        assert data["course"] == "engine-fixture", text
        if result["encrypted"]:
            assert data["format"] == "therapon-progress-encrypted", text
            continue
        assert data["format"] == "therapon-progress", text
        assert data["schema"] in (2, 3, 4) and ("shared" in data) == (data["schema"] >= 3), text
        assert ("locks" in data) == (data["schema"] == 4), text
        if data["schema"] >= 3:  # a file of these versions comes back exactly; an older one is migrated
            sealed = {pid for pid, by_id in data["records"].items()
                      for r in by_id.values() if "sealed" in r["words"]}
            assert sealed <= set(data.get("locks", {})), text  # sealed words only with their lock
            assert not any("sealed" in r["words"] for r in data["shared"].values()), text
            kept = {key: data[key] for key in ("profiles", "records", "shared", "turns")}
            kept["locks"] = data.get("locks", {})
            assert result["progress"] == kept, text


def test_a_thousand_malformed_files_are_refused_safely(page: Page, fixture_site, page_errors):
    page.goto(fixture_site.url + PROGRESS)
    before = stored(page)
    seen: list[str] = []
    check_files(page, before, seen)
    assert len(seen) >= 1000
    assert page.evaluate("({}).polluted === undefined && Object.keys(Object.prototype).length === 0")
    assert stored(page) == before and PREFIX + "schema" in before
    assert page_errors == []
