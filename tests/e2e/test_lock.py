"""The passphrase lock of a profile, in Chromium against the built site: its words are sealed
in localStorage (no 6 characters of them in any stored value), hidden after a reload until the
right passphrase is given, a wrong passphrase is refused with a growing delay and changes
nothing, typing into a locked exercise cannot reach its words, and export, delete all and
import keep them locked and give them back. The real PBKDF2 strength is used; tests wait for it."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect

from .helpers import LESSON, exercise
from .test_your_data import PREFIX, PROGRESS, choose_file, data_section, export, part

PASSPHRASE = "blue kettle at dawn"
TEXT = "I feel lonely when you look at your phone while I'm talking, because I need connection."
REFLECTION = "Listening is the seat where I rest, though my sister taught me the other one first."
TEXT_ID, REFLECTION_ID = "calm-request", "own-notes"
SLOW = 20_000  # a key derivation at full strength, on a busy machine


def everything_stored(page: Page) -> dict[str, str]:
    """Every key and value in this origin's localStorage, not only the course's."""
    return page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]))")


def pieces(text: str, size: int = 6) -> set[str]:
    return {text[i:i + size] for i in range(len(text) - size + 1)}


def leaked(values: list[str], *texts: str) -> list[str]:
    """Every 6-character piece of the texts found in any of the values."""
    return sorted({piece for text in texts for piece in pieces(text) for value in values if piece in value})


# Every value the page writes to localStorage, kept in sessionStorage (which survives a reload
# in the tab), so a test sees what was ever written, not only what is there at the end.
RECORD_WRITES = """(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
        if (this === window.localStorage) {
            const log = JSON.parse(sessionStorage.getItem("written") || "[]");
            set.call(sessionStorage, "written", JSON.stringify([...log, key + " " + value]));
        }
        return set.call(this, key, value);
    };
})()"""


def ever_written(page: Page) -> list[str]:
    return page.evaluate("() => JSON.parse(sessionStorage.getItem('written') || '[]')")


def lock_section(page: Page):
    section = page.locator("[data-therapon-lock][data-ready]")
    expect(section).to_be_visible()
    return section


def set_lock(page: Page, fixture_site, passphrase: str = PASSPHRASE, name: str = "Me") -> None:
    page.goto(fixture_site.url + PROGRESS)
    section = lock_section(page)
    expect(section).to_contain_text("If you forget the passphrase, the locked words are lost.")
    section.get_by_label(f"New passphrase for {name}").fill(passphrase)
    section.get_by_label("The same passphrase again").fill(passphrase)
    section.get_by_role("button", name=f"Lock {name}'s answers").click()
    expect(section.get_by_role("button", name="Lock now")).to_be_visible(timeout=SLOW)
    expect(section.locator("[data-feedback]")).to_contain_text(f"{name}'s answers are locked.")


def wait_sealed(page: Page, *ids: str) -> None:
    page.wait_for_function("""([prefix, ids]) => ids.every((id) => {
        const key = `${prefix}profile:me:exercise:${id}`;
        try { return JSON.parse(localStorage.getItem(key)).words.sealed !== undefined; }
        catch { return false; } })""", arg=[PREFIX, list(ids)])


def unlock_in_exercise(page: Page, exercise_id: str, passphrase: str, name: str = "Me") -> None:
    box = exercise(page, exercise_id)
    ask = box.get_by_role("button", name="Unlock", exact=True)
    if ask.is_visible():
        ask.click()
    box.get_by_label(f"Passphrase for {name}'s answers").fill(passphrase)
    go = box.get_by_role("button", name=f"Unlock {name}'s answers")
    expect(go).not_to_have_attribute("aria-disabled", "true", timeout=SLOW)
    go.click()


def test_locked_words_are_sealed_hidden_refused_and_come_back(page: Page, fixture_site, tmp_path: Path,
                                                              page_errors):
    page.add_init_script(RECORD_WRITES)
    set_lock(page, fixture_site)
    page.goto(fixture_site.url + LESSON)  # a new page: the key stayed behind, so the lesson starts locked
    expect(exercise(page, TEXT_ID)).to_have_attribute("data-locked", "")
    unlock_in_exercise(page, TEXT_ID, PASSPHRASE)
    exercise(page, TEXT_ID).get_by_label("Your rephrased sentence").fill(TEXT)
    exercise(page, REFLECTION_ID).get_by_label("Your reflection").fill(REFLECTION)
    wait_sealed(page, TEXT_ID, REFLECTION_ID)
    stored = everything_stored(page)
    assert [k for k, v in stored.items() if leaked([k, v], TEXT, REFLECTION)] == []
    written = ever_written(page)
    assert len(written) > 3 and leaked(written, TEXT, REFLECTION) == []  # not even for a moment
    lock = json.loads(stored[PREFIX + "lock:me"])
    assert lock["kdf"] == "PBKDF2-SHA-256" and lock["iterations"] == 600_000 and lock["cipher"] == "AES-GCM"
    record = json.loads(stored[f"{PREFIX}profile:me:exercise:{REFLECTION_ID}"])
    assert record["status"] == "attempted" and record["words"]["draft"] is None  # counts in clear
    text_record = json.loads(stored[f"{PREFIX}profile:me:exercise:{TEXT_ID}"])
    assert text_record["words"]["sealed"]["iv"] != record["words"]["sealed"]["iv"]  # an IV of its own

    # A reload drops the key: the words are hidden, and no box is there to type over them.
    page.reload()
    for exercise_id in (TEXT_ID, REFLECTION_ID):
        box = exercise(page, exercise_id)
        expect(box).to_have_attribute("data-locked", "")
        expect(box.get_by_text("This answer is locked.")).to_be_visible()
        expect(box.locator("textarea")).to_be_hidden()
    boxes = page.evaluate("() => Array.from(document.querySelectorAll('textarea'), (t) => t.value)")
    assert leaked(boxes, TEXT, REFLECTION) == []  # (the lesson's own text shares short pieces with them)
    shown = page.evaluate("() => document.body.innerText")
    assert TEXT not in shown and REFLECTION not in shown

    # Typing into a locked exercise, even into its box made visible by force, saves nothing.
    before = everything_stored(page)
    box = exercise(page, TEXT_ID)
    box.get_by_role("button", name="Unlock", exact=True).focus()
    page.keyboard.type("overwrite me")
    page.evaluate("""(id) => { const area = document.querySelector(`[data-exercise="${id}"] textarea`);
        area.closest('[hidden]')?.removeAttribute('hidden'); area.hidden = false;
        area.value = 'overwrite me'; area.dispatchEvent(new Event('input', { bubbles: true })); }""", TEXT_ID)
    page.goto(fixture_site.url + PROGRESS)  # leaving the page saves whatever was waiting to be saved
    expect(lock_section(page).get_by_role("button", name="Unlock Me's answers")).to_be_visible()
    assert everything_stored(page) == before

    # A wrong passphrase is refused in plain words, waits before the next try, and changes nothing.
    page.goto(fixture_site.url + LESSON)
    unlock_in_exercise(page, TEXT_ID, "not the passphrase")
    box = exercise(page, TEXT_ID)
    expect(box.get_by_text("That passphrase does not unlock Me's answers.")).to_be_visible(timeout=SLOW)
    expect(box.get_by_role("button", name="Unlock Me's answers")).to_contain_text("wait")
    expect(box).to_have_attribute("data-locked", "")
    after = everything_stored(page)
    lock_after = json.loads(after.pop(PREFIX + "lock:me"))
    lock_before = json.loads(before.pop(PREFIX + "lock:me"))
    assert after == before  # only the count of wrong tries changed
    assert lock_after["failures"] == 1 and lock_after["retryAt"] > 0
    assert {k: v for k, v in lock_after.items() if k not in ("failures", "retryAt")} == \
        {k: v for k, v in lock_before.items() if k not in ("failures", "retryAt")}

    # The right one, once the wait is over, shows both answers.
    unlock_in_exercise(page, TEXT_ID, PASSPHRASE)
    expect(exercise(page, TEXT_ID).get_by_label("Your rephrased sentence")).to_have_value(TEXT, timeout=SLOW)
    expect(exercise(page, TEXT_ID)).not_to_have_attribute("data-locked", "")
    expect(exercise(page, REFLECTION_ID).get_by_label("Your reflection")).to_have_value(REFLECTION)
    expect(exercise(page, TEXT_ID).locator("[data-feedback]")).to_have_text("Unlocked: Me's answer is shown.")
    assert json.loads(everything_stored(page)[PREFIX + "lock:me"])["failures"] == 0

    # Export (without a passphrase of its own), delete all, import: the words come back, locked.
    page.goto(fixture_site.url + PROGRESS)
    path = export(page, tmp_path)
    text = path.read_text()
    assert leaked([text], TEXT, REFLECTION) == []
    file = json.loads(text)
    assert file["schema"] == 4 and set(file["locks"]) == {"me"}
    assert file["records"]["me"][TEXT_ID]["words"]["sealed"]["data"]
    section = data_section(page)
    section.get_by_role("button", name="Delete all my data").click()
    section.get_by_role("button", name="Yes, delete everything").click()
    assert {k for k in everything_stored(page) if k.startswith(PREFIX)} == {PREFIX + "schema"}
    expect(lock_section(page).get_by_role("button", name="Lock Me's answers")).to_be_visible()
    choose_file(page, path)
    expect(section.locator("[data-import-summary]")).to_contain_text("The words of Me are locked")
    section.get_by_role("button", name="Replace my progress").click()
    expect(part(page, "import").locator("[data-feedback]").first).to_have_text("Your progress was replaced.")
    assert leaked(list(everything_stored(page).values()), TEXT, REFLECTION) == []
    page.goto(fixture_site.url + LESSON)
    expect(exercise(page, REFLECTION_ID)).to_have_attribute("data-locked", "")
    unlock_in_exercise(page, REFLECTION_ID, PASSPHRASE)
    reflection = exercise(page, REFLECTION_ID).get_by_label("Your reflection")
    expect(reflection).to_have_value(REFLECTION, timeout=SLOW)
    expect(exercise(page, TEXT_ID).get_by_label("Your rephrased sentence")).to_have_value(TEXT)
    assert leaked(ever_written(page), TEXT, REFLECTION) == []
    assert page_errors == []


def boxes_text(page: Page) -> str:
    return page.evaluate("() => Array.from(document.querySelectorAll('textarea'), (t) => t.value).join()")


def sealed_record(page: Page, exercise_id: str) -> dict:
    return json.loads(everything_stored(page)[f"{PREFIX}profile:me:exercise:{exercise_id}"])


def write_reflection(page: Page, fixture_site, passphrase: str = PASSPHRASE) -> None:
    page.goto(fixture_site.url + LESSON)
    unlock_in_exercise(page, REFLECTION_ID, passphrase)
    entry = exercise(page, REFLECTION_ID).get_by_label("Your reflection")
    expect(entry).to_be_visible(timeout=SLOW)
    entry.fill(REFLECTION)
    wait_sealed(page, REFLECTION_ID)


def test_change_the_passphrase_then_remove_the_lock(page: Page, fixture_site, page_errors):
    set_lock(page, fixture_site)
    write_reflection(page, fixture_site)
    before = sealed_record(page, REFLECTION_ID)
    salt = json.loads(everything_stored(page)[PREFIX + "lock:me"])["salt"]
    page.goto(fixture_site.url + PROGRESS)
    section = lock_section(page)
    section.get_by_label("Passphrase for Me's answers").fill(PASSPHRASE)
    section.get_by_role("button", name="Unlock Me's answers").click()
    section.get_by_label("New passphrase", exact=True).fill("a new kettle")
    section.get_by_label("The same new passphrase again").fill("a new kettle")
    section.get_by_role("button", name="Change passphrase").click()
    expect(section.locator("[data-feedback]")).to_contain_text("The passphrase is changed.", timeout=SLOW)
    stored = everything_stored(page)
    assert json.loads(stored[PREFIX + "lock:me"])["salt"] != salt
    assert sealed_record(page, REFLECTION_ID)["words"]["sealed"] != before["words"]["sealed"]  # sealed again
    assert leaked(list(stored.values()), REFLECTION) == []
    # The old passphrase no longer opens it; the new one does.
    page.goto(fixture_site.url + LESSON)
    unlock_in_exercise(page, REFLECTION_ID, PASSPHRASE)
    box = exercise(page, REFLECTION_ID)
    expect(box.get_by_text("That passphrase does not unlock Me's answers.")).to_be_visible(timeout=SLOW)
    unlock_in_exercise(page, REFLECTION_ID, "a new kettle")
    expect(box.get_by_label("Your reflection")).to_have_value(REFLECTION, timeout=SLOW)
    # Remove the lock: asked first, then the words are plain again and the lock record is gone.
    page.goto(fixture_site.url + PROGRESS)
    section = lock_section(page)
    section.get_by_label("Passphrase for Me's answers").fill("a new kettle")
    section.get_by_role("button", name="Unlock Me's answers").click()
    section.get_by_role("button", name="Remove lock").click()
    section.get_by_role("button", name="Yes, remove the lock").click()
    expect(section.locator("[data-feedback]")).to_contain_text("The lock is removed.", timeout=SLOW)
    stored = everything_stored(page)
    assert PREFIX + "lock:me" not in stored
    assert sealed_record(page, REFLECTION_ID)["words"] == {"draft": REFLECTION}
    page.goto(fixture_site.url + LESSON)
    expect(exercise(page, REFLECTION_ID)).not_to_have_attribute("data-locked", "")
    expect(exercise(page, REFLECTION_ID).get_by_label("Your reflection")).to_have_value(REFLECTION)
    assert page_errors == []


def test_switching_profile_locks_the_one_left(page: Page, fixture_site):
    page.goto(fixture_site.url + PROGRESS)
    profiles = page.locator("[data-therapon-profiles][data-ready]")
    profiles.get_by_label("Add a profile").fill("Alex")
    profiles.get_by_role("button", name="Add profile").click()
    set_lock(page, fixture_site)
    write_reflection(page, fixture_site)
    switcher = page.get_by_role("combobox", name="Who is using the course")
    switcher.select_option(label="Alex")
    box = exercise(page, REFLECTION_ID)
    expect(box).not_to_have_attribute("data-locked", "")  # Alex has no lock, and nothing written
    expect(box.get_by_label("Your reflection")).to_have_value("")
    switcher.select_option(label="Me")
    expect(box).to_have_attribute("data-locked", "")  # Me was locked when left
    assert REFLECTION not in boxes_text(page)


def test_a_quiet_period_locks_again(page: Page, fixture_site):
    page.clock.install()
    page.goto(fixture_site.url + PROGRESS)
    section = lock_section(page)
    section.get_by_label("New passphrase for Me").fill(PASSPHRASE)
    section.get_by_label("The same passphrase again").fill(PASSPHRASE)
    section.get_by_label("Lock again after this many quiet minutes").select_option(label="1 minute")
    section.get_by_role("button", name="Lock Me's answers").click()
    expect(section.get_by_role("button", name="Lock now")).to_be_visible(timeout=SLOW)
    write_reflection(page, fixture_site)
    page.clock.run_for("00:30")
    expect(exercise(page, REFLECTION_ID)).not_to_have_attribute("data-locked", "")  # half the quiet time
    page.clock.run_for("00:40")
    expect(exercise(page, REFLECTION_ID)).to_have_attribute("data-locked", "")
    assert REFLECTION not in boxes_text(page)


def test_unreadable_lock_data_keeps_the_words_locked_and_kept(page: Page, fixture_site, page_errors):
    set_lock(page, fixture_site)
    write_reflection(page, fixture_site)
    broken = '{"kdf": "PBKDF2-SHA-256", "salt": '  # cut short
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [PREFIX + "lock:me", broken])
    page.goto(fixture_site.url + LESSON)
    before = everything_stored(page)
    box = exercise(page, REFLECTION_ID)
    expect(box).to_have_attribute("data-locked", "")
    expect(page.locator("[data-therapon-notices]")).to_contain_text("lock could not be read")
    page.goto(fixture_site.url + PROGRESS)
    expect(lock_section(page)).to_contain_text("lock could not be read")
    assert everything_stored(page) == before  # the broken lock and the sealed words are kept as they were
    assert page_errors == []


def test_a_file_locked_otherwise_replaces_but_does_not_merge_and_a_forgotten_lock_goes(
        page: Page, fixture_site, tmp_path: Path, page_errors):
    set_lock(page, fixture_site)
    write_reflection(page, fixture_site)
    page.goto(fixture_site.url + PROGRESS)
    path = export(page, tmp_path)
    # Here, the lock is forgotten: it goes, and the locked words with it; what is done stays.
    section = lock_section(page)
    section.get_by_role("button", name="Forgot the passphrase?").click()
    section.get_by_role("button", name="Remove lock and delete locked words").click()
    expect(section.locator("[data-feedback]")).to_contain_text("locked words are deleted")
    stored = everything_stored(page)
    assert PREFIX + "lock:me" not in stored
    assert sealed_record(page, REFLECTION_ID)["words"] == {"draft": None}
    assert sealed_record(page, REFLECTION_ID)["status"] == "attempted"
    # A file where Me is locked can't be merged into a Me without that lock: nothing changes.
    before = everything_stored(page)
    choose_file(page, path)
    data = data_section(page)
    data.get_by_role("button", name="Merge with my progress").click()
    expect(part(page, "import").locator("[data-feedback]").first).to_contain_text(
        "locked differently here and in the file")
    assert everything_stored(page) == before
    data.get_by_role("button", name="Replace my progress").click()
    expect(part(page, "import").locator("[data-feedback]").first).to_have_text("Your progress was replaced.")
    page.goto(fixture_site.url + LESSON)
    unlock_in_exercise(page, REFLECTION_ID, PASSPHRASE)
    entry = exercise(page, REFLECTION_ID).get_by_label("Your reflection")
    expect(entry).to_have_value(REFLECTION, timeout=SLOW)
    assert page_errors == []
