"""Profiles, partner turns, export and import, passphrases and "delete all", in Chromium.

Every refused import must leave the stored state exactly as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .helpers import LESSON, PYTHON_READY_MS, exercise, wait_saved

PROGRESS = "progress/"
PREFIX = "therapon:engine-fixture:"
GOOD = "I feel lonely when you look at your phone while I'm talking, because I need connection."


def stored(page: Page) -> dict[str, str]:
    return page.evaluate(f"""() => Object.fromEntries(Object.keys(localStorage)
        .filter((k) => k.startsWith('{PREFIX}')).sort().map((k) => [k, localStorage.getItem(k)]))""")


def make_progress(page: Page, fixture_site) -> None:
    """Some real progress: a solved choice, a text answer and a reflection."""
    page.goto(fixture_site.url + LESSON)
    choice = exercise(page, "best-reply")
    choice.get_by_label("That sounds upsetting").check()
    choice.get_by_role("button", name="Check").click()
    text = exercise(page, "calm-request")
    text.get_by_label("Your rephrased sentence").fill(GOOD)
    text.get_by_role("button", name="Check", exact=True).click()
    expect(text).to_have_attribute("data-status", "passed", timeout=PYTHON_READY_MS)
    exercise(page, "own-notes").get_by_label("Your reflection").fill("Listening is my easy seat.")
    wait_saved(page, "own-notes", "Listening is my easy seat.")


def data_section(page: Page):
    section = page.locator("[data-therapon-data][data-ready]")
    expect(section).to_be_visible()
    return section


def export(page: Page, tmp_path: Path, passphrase: str = "") -> Path:
    section = data_section(page)
    if passphrase:
        section.get_by_label("Passphrase (optional)").fill(passphrase)
    with page.expect_download() as download:
        section.get_by_role("button", name="Export my progress").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    # The result is told beside the button that caused it, naming the file.
    expect(part(page, "export").locator("[data-feedback]")).to_contain_text(
        f"Your progress was saved as {download.value.suggested_filename}")
    return path


def part(page: Page, name: str):
    """One part of "Your data" (export, import or delete), whose result is shown beside it."""
    return data_section(page).locator(f'[data-part="{name}"]')


def choose_file(page: Page, path: Path) -> None:
    data_section(page).get_by_label("Choose a progress file").set_input_files(str(path))


def test_export_delete_import_gives_the_same_state_back(page: Page, fixture_site, tmp_path, page_errors):
    make_progress(page, fixture_site)
    page.goto(fixture_site.url + PROGRESS)
    before = stored(page)
    path = export(page, tmp_path)
    assert path.name.startswith("therapon-engine-fixture-") and path.suffix == ".json"
    file = json.loads(path.read_text())
    assert file["format"] == "therapon-progress" and file["course"] == "engine-fixture"
    assert file["schema"] == 4 and file["records"]["me"]["calm-request"]["words"] == {"draft": GOOD}
    assert file["shared"] == {} and file["locks"] == {}

    section = data_section(page)
    section.get_by_role("button", name="Delete all my data").click()
    expect(section.locator("[data-delete-summary]")).to_contain_text("2 exercises done")
    expect(section.locator("[data-delete-summary]")).to_contain_text("cannot be undone")
    section.get_by_role("button", name="Yes, delete everything").click()
    expect(part(page, "delete").locator("[data-feedback]")).to_have_text(
        "Everything this course saved on this device was deleted.")
    assert set(stored(page)) == {PREFIX + "schema"}
    assert stored(page)[PREFIX + "schema"] == "4"

    choose_file(page, path)
    expect(section.locator("[data-import-summary]")).to_contain_text("1 profile (Me): 2 exercises done")
    section.get_by_role("button", name="Replace my progress").click()
    expect(part(page, "import").locator("[data-feedback]").first).to_have_text("Your progress was replaced.")
    after = stored(page)
    assert {k: after.get(k) for k in before} == before  # every saved value is back, unchanged
    # the import also writes the profile list, the (empty) role log and the first-visit answer
    assert set(after) - set(before) <= {PREFIX + "profiles", PREFIX + "turns", PREFIX + "welcome"}
    assert json.loads(after[PREFIX + "profiles"]) == {"active": "me", "list": [{"id": "me", "name": "Me"}]}
    page.goto(fixture_site.url + LESSON)
    expect(exercise(page, "calm-request").get_by_label("Your rephrased sentence")).to_have_value(GOOD)
    expect(exercise(page, "best-reply")).to_have_attribute("data-status", "passed")
    assert page_errors == []


def test_encrypted_round_trip_and_wrong_passphrase(page: Page, fixture_site, tmp_path):
    make_progress(page, fixture_site)
    page.goto(fixture_site.url + PROGRESS)
    path = export(page, tmp_path, passphrase="our garden 2026")
    text = path.read_text()
    assert GOOD not in text and "best-reply" not in text
    envelope = json.loads(text)
    assert envelope["format"] == "therapon-progress-encrypted" and envelope["cipher"] == "AES-GCM"
    section = data_section(page)
    section.get_by_role("button", name="Delete all my data").click()
    section.get_by_role("button", name="Yes, delete everything").click()
    empty = stored(page)
    choose_file(page, path)
    section.get_by_label("Passphrase for this file").fill("wrong guess")
    section.get_by_role("button", name="Unlock").click()
    wrong = part(page, "import").get_by_text("That passphrase does not open this file")
    expect(wrong).to_be_visible()  # beside the Unlock button that caused it
    assert stored(page) == empty
    section.get_by_label("Passphrase for this file").fill("our garden 2026")
    section.get_by_role("button", name="Unlock").click()
    section.get_by_role("button", name="Merge with my progress").click()
    expect(wrong).to_have_count(0)  # the right passphrase worked: the message no longer holds
    expect(part(page, "import").locator("[data-feedback]").first).to_have_text("Your progress was merged.")
    assert json.loads(stored(page)[PREFIX + "profile:me:exercise:calm-request"])["words"]["draft"] == GOOD


VALID = {
    "format": "therapon-progress", "schema": 4, "course": "engine-fixture",
    "exportedAt": "2026-11-30T10:00:00Z",
    "profiles": {"active": "me", "list": [{"id": "me", "name": "Me"}]},
    "records": {"me": {"best-reply": {"status": "passed", "attempts": 1, "hintsShown": 0,
                                              "updatedAt": 1, "words": {"draft": "[\"names-feeling\"]"}}}},
    "shared": {"first-practice": {"status": "passed", "attempts": 0, "hintsShown": 0, "updatedAt": 2,
                              "words": {"draft": "We took turns."}}},
    "turns": [],
    "locks": {},
}
RECORD = VALID["records"]["me"]["best-reply"]
# A lock record and sealed words in the shape the lock writes (lock.js): base64 of a 16-byte
# salt, 12-byte IVs and ciphertext. Their bytes are made up: the import checks shapes only.
LOCK = {"kdf": "PBKDF2-SHA-256", "cipher": "AES-GCM", "iterations": 600_000,
        "salt": "c2FsdHNhbHRzYWx0c2FsdA==",
        "check": {"iv": "aXZpdml2aXZpdml2", "data": "Y2lwaGVydGV4dCB0YWcgaGVyZQ=="}, "idleMinutes": 10,
        "failures": 0, "retryAt": 0}
SEALED = {"draft": None, "sealed": {"iv": "MTIzNDU2Nzg5MDEy", "data": "c2VhbGVkIHdvcmRzIGFuZCB0YWc="}}
LOCKED = {**VALID, "locks": {"me": LOCK},
          "records": {"me": {"best-reply": {**RECORD, "words": SEALED}}}}
REJECTED = [
    ("not-json", "{this is not json", "not a Therapon progress file"),
    ("another-app", json.dumps({"hello": "world"}), "not a Therapon progress file"),
    ("another-course", json.dumps({**VALID, "course": "cooking-basics"}), "from another course"),
    ("newer-version", json.dumps({**VALID, "schema": 5}), "newer version"),
    ("sealed-without-its-lock", json.dumps({**LOCKED, "locks": {}}), "damaged"),
    ("lock-of-an-unknown-profile", json.dumps({**LOCKED, "locks": {"me": LOCK, "stranger": LOCK}}),
     "damaged"),
    ("lock-with-a-short-salt", json.dumps({**LOCKED, "locks": {"me": {**LOCK, "salt": "c2FsdA=="}}}),
     "damaged"),
    ("lock-too-weak", json.dumps({**LOCKED, "locks": {"me": {**LOCK, "iterations": 1000}}}), "damaged"),
    ("sealed-with-a-draft-beside", json.dumps({**LOCKED, "records": {"me": {"x": {
        **RECORD, "words": {**SEALED, "draft": "plain text beside the sealed"}}}}}), "damaged"),
    ("sealed-shared-notes", json.dumps({**LOCKED, "shared": {"first-practice": {
        **VALID["shared"]["first-practice"], "words": SEALED}}}), "damaged"),
    ("locks-in-a-schema-3-file", json.dumps({**LOCKED, "schema": 3}), "damaged"),
    ("words-beside-the-counts", json.dumps({**VALID, "records": {"me": {"x": {
        "status": "passed", "attempts": 1, "hintsShown": 0, "draft": "old shape in a new file"}}}}),
     "damaged"),
    ("shared-missing", json.dumps({k: v for k, v in VALID.items() if k != "shared"}), "damaged"),
    ("shared-words-not-text", json.dumps({**VALID, "shared": {"first-practice": {
        **VALID["shared"]["first-practice"], "words": {"draft": ["<b>"]}}}}), "damaged"),
    ("proto-pollution", json.dumps(VALID)[:-1] + ', "__proto__": {"polluted": true}}', "not allowed"),
    ("constructor-key", json.dumps({**VALID, "records": {"me": {"constructor": {"prototype": {"x": 1}}}}}),
     "not allowed"),
    ("markup-in-a-name", json.dumps({**VALID, "profiles": {"active": "me", "list": [
        {"id": "me", "name": "<img src=x onerror=alert(1)>" * 5}]}}), "damaged"),
    ("bad-status", json.dumps({**VALID, "records": {"me": {"x": {**RECORD, "status": "genius"}}}}),
     "damaged"),
    ("unknown-profile-records", json.dumps({**VALID, "records": {"stranger": {}}}), "damaged"),
]


@pytest.mark.parametrize(("name", "content", "message"), REJECTED, ids=[r[0] for r in REJECTED])
def test_rejected_import_changes_nothing(page: Page, fixture_site, tmp_path, page_errors, name, content,
                                        message):
    if name == "not-json":
        make_progress(page, fixture_site)
    page.goto(fixture_site.url + PROGRESS)
    before = stored(page)
    path = tmp_path / f"{name}.json"
    path.write_text(content)
    choose_file(page, path)
    expect(part(page, "import").locator("[data-feedback]")).to_contain_text(message)
    expect(data_section(page).locator("[data-import-summary]")).to_have_count(0)
    assert stored(page) == before
    assert page.evaluate("({}).polluted === undefined && ({}).x === undefined")
    assert page_errors == []


def test_too_large_a_file_is_refused_unread(page: Page, fixture_site, tmp_path):
    page.goto(fixture_site.url + PROGRESS)
    before = stored(page)
    path = tmp_path / "huge.json"
    path.write_text(" " * 5_000_001)
    choose_file(page, path)
    expect(part(page, "import").locator("[data-feedback]")).to_contain_text("too large")
    assert stored(page) == before


def record3(status: str, draft: str | None, at: int, attempts: int = 0, hints: int = 0) -> dict:
    return {"status": status, "attempts": attempts, "hintsShown": hints, "updatedAt": at,
            "words": {"draft": draft}}


def test_merge_keeps_the_better_status_and_the_newer_draft(page: Page, fixture_site, tmp_path):
    page.goto(fixture_site.url + PROGRESS)
    page.evaluate("""([prefix, soften, seat, shared]) => {
        localStorage.setItem(prefix + 'profile:me:exercise:calm-request', JSON.stringify(soften));
        localStorage.setItem(prefix + 'profile:me:exercise:own-notes', JSON.stringify(seat));
        localStorage.setItem(prefix + 'shared:exercise:first-practice', JSON.stringify(shared));
    }""", [PREFIX, record3("passed", "old but passed", 10, 2), record3("attempted", "mine", 50),
           record3("attempted", "our older notes", 5)])
    incoming = {**VALID, "records": {"me": {
        "calm-request": record3("attempted", "newer", 20, 5, 1),
        "own-notes": record3("passed", "older", 5),
    }}, "shared": {"first-practice": record3("passed", "our newer notes", 30)}}
    path = tmp_path / "incoming.json"
    path.write_text(json.dumps(incoming))
    page.reload()
    choose_file(page, path)
    data_section(page).get_by_role("button", name="Merge with my progress").click()
    expect(part(page, "import").locator("[data-feedback]").first).to_have_text("Your progress was merged.")
    soften = json.loads(stored(page)[PREFIX + "profile:me:exercise:calm-request"])
    seat = json.loads(stored(page)[PREFIX + "profile:me:exercise:own-notes"])
    ours = json.loads(stored(page)[PREFIX + "shared:exercise:first-practice"])
    assert (soften["status"], soften["words"]["draft"], soften["attempts"], soften["hintsShown"]) == \
        ("passed", "newer", 5, 1)
    assert (seat["status"], seat["words"]["draft"]) == ("passed", "mine")
    assert (ours["status"], ours["words"]["draft"]) == ("passed", "our newer notes")


def v2(status: str, draft: str, at: int) -> dict:
    return {"status": status, "attempts": 0, "hintsShown": 0, "draft": draft, "updatedAt": at}


def test_a_version_2_file_is_imported_in_todays_shape(page: Page, fixture_site, tmp_path):
    """Files exported before partner practice was shared still import: each partner's copy of
    a partner practice becomes the couple's, with both partners' notes kept."""
    old = {"format": "therapon-progress", "schema": 2, "course": "engine-fixture",
           "profiles": {"active": "me", "list": [{"id": "me", "name": "Sam"},
                                                 {"id": "p-alex", "name": "Alex"}]},
           "records": {
               "me": {"first-practice": v2("passed", "Slow and kind.", 4),
                      "own-notes": v2("attempted", "Sofa.", 3)},
               "p-alex": {"first-practice": v2("attempted", "I liked being heard.", 6)}},
           "turns": [{"exercise": "first-practice", "listener": "me", "speaker": "p-alex",
                      "at": 1_700_000_000_000}]}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old))
    page.goto(fixture_site.url + PROGRESS)
    choose_file(page, path)
    expect(part(page, "import").locator("[data-import-summary]")).to_contain_text("2 profiles (Sam, Alex)")
    data_section(page).get_by_role("button", name="Replace my progress").click()
    expect(part(page, "import").locator("[data-feedback]").first).to_have_text("Your progress was replaced.")
    after = stored(page)
    assert after[PREFIX + "schema"] == "4"
    ours = json.loads(after[PREFIX + "shared:exercise:first-practice"])
    assert ours["status"] == "passed"
    assert ours["words"]["draft"] == "Sam wrote:\nSlow and kind.\n\nAlex wrote:\nI liked being heard."
    assert not [k for k in after if ":exercise:first-practice" in k and ":profile:" in k]
    assert json.loads(after[PREFIX + "profile:me:exercise:own-notes"])["words"] == {"draft": "Sofa."}


def test_profiles_switch_and_keep_their_own_progress(page: Page, fixture_site):
    make_progress(page, fixture_site)
    page.goto(fixture_site.url + PROGRESS)
    profiles = page.locator("[data-therapon-profiles][data-ready]")
    profiles.get_by_label("Name of the profile in use").fill("Sam")
    profiles.get_by_role("button", name="Save name").click()
    profiles.get_by_label("Add a profile").fill("Alex <b>")
    profiles.get_by_role("button", name="Add profile").click()
    expect(profiles.locator("li")).to_have_count(2)
    expect(profiles).to_contain_text("Alex <b>")  # shown as text, not markup
    profiles.get_by_role("button", name="Switch to Alex <b>").click()
    switcher = page.get_by_role("combobox", name="Who is using the course")
    expect(switcher.locator("option:checked")).to_have_text("Alex <b>")
    page.goto(fixture_site.url + LESSON)
    text = exercise(page, "calm-request")
    expect(text).to_have_attribute("data-status", "new")
    expect(text.get_by_label("Your rephrased sentence")).to_have_value("")
    page.get_by_role("combobox", name="Who is using the course").select_option(label="Sam")
    expect(text).to_have_attribute("data-status", "passed")
    expect(text.get_by_label("Your rephrased sentence")).to_have_value(GOOD)


def test_partner_practice_records_turns_and_suggests_the_next_listener(page: Page, fixture_site):
    page.goto(fixture_site.url + LESSON)
    turn = exercise(page, "first-practice").locator("[data-partner-turn]")
    expect(turn).to_contain_text("add your partner's profile")
    page.evaluate(f"""() => localStorage.setItem('{PREFIX}profiles', JSON.stringify(
        {{active: 'me', list: [{{id: 'me', name: 'Sam'}}, {{id: 'p-alex', name: 'Alex'}}]}}))""")
    page.reload()
    box = exercise(page, "first-practice")
    turn = box.locator("[data-partner-turn]")
    expect(turn).to_contain_text("The course suggests Sam")
    # A couple finishes it by saving the turn.
    expect(box.get_by_role("button", name="Mark as done")).to_be_hidden()
    turn.get_by_label("Sam listened, Alex spoke").check()
    turn.get_by_role("button", name="Save our turn").click()
    expect(turn).to_contain_text("This practice now counts as done for both of you.")
    expect(turn).to_contain_text("Next time, it's Alex's turn to listen.")
    expect(box).to_have_attribute("data-status", "passed")
    turn.get_by_role("button", name="Save our turn").click()  # the same talk, saved again
    expect(turn.locator("[role=status]")).to_contain_text("already saved for today")
    turns = json.loads(stored(page)[PREFIX + "turns"])
    assert [(t["exercise"], t["listener"], t["speaker"]) for t in turns] == [
        ("first-practice", "me", "p-alex")]
    expect(turn.locator("[data-saved-turns] li")).to_have_count(1)
    expect(turn.locator("[data-saved-turns] li")).to_contain_text("Sam listened, Alex spoke")
    assert json.loads(stored(page)[PREFIX + "shared:exercise:first-practice"])["status"] == "passed"
    assert PREFIX + "profile:me:exercise:first-practice" not in stored(page)
