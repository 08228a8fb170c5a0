"""Hypothesis feeds the page's import check 1,000+ malformed progress files. None may crash
the page, pollute a prototype, pass as valid when it is not, or change what is stored."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Page

from .test_your_data import PREFIX, PROGRESS, VALID, stored

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
DANGEROUS_KEYS = st.sampled_from(["__proto__", "constructor", "prototype"])
FIELDS = list(VALID)


@st.composite
def malformed_files(draw) -> str:
    """A valid file with one thing broken, or something that is not a progress file at all."""
    kind = draw(st.sampled_from(["noise", "replace-field", "drop-field", "dangerous-key", "bad-record",
                                 "truncate"]))
    if kind == "noise":
        return json.dumps(draw(JSON_VALUES))
    file = json.loads(json.dumps(VALID))
    if kind == "replace-field":
        field = draw(st.sampled_from(["schema", "course", "format", "profiles", "records", "turns"]))
        file[field] = draw(JSON_VALUES.filter(lambda v: v != VALID[field]))
        return json.dumps(file)
    if kind == "drop-field":
        del file[draw(st.sampled_from(["profiles", "records", "turns", "format", "course", "schema"]))]
        return json.dumps(file)
    if kind == "dangerous-key":
        text = json.dumps(file)
        key = draw(DANGEROUS_KEYS)
        return text[:-1] + f', "{key}": {json.dumps(draw(JSON_VALUES))}}}'
    if kind == "bad-record":
        record = file["records"]["me"]["listening-response"]
        wrong = JSON_VALUES.filter(lambda v: not isinstance(v, str))
        record[draw(st.sampled_from(list(record)))] = draw(wrong)
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
            const result = readProgressFile(text, 'therapeutic-partnership');
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
        assert data["course"] == "therapeutic-partnership", text
        if result["encrypted"]:
            assert data["format"] == "therapon-progress-encrypted", text
            continue
        assert data["format"] == "therapon-progress", text
        assert result["progress"] == {key: data[key] for key in ("profiles", "records", "turns")}, text


def test_a_thousand_malformed_files_are_refused_safely(page: Page, site, page_errors):
    page.goto(site.url + PROGRESS)
    before = stored(page)
    seen: list[str] = []
    check_files(page, before, seen)
    assert len(seen) >= 1000
    assert page.evaluate("({}).polluted === undefined && Object.keys(Object.prototype).length === 0")
    assert stored(page) == before and PREFIX + "schema" in before
    assert page_errors == []
