"""Saved progress survives bad stored data and browsers that refuse storage."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from .helpers import LAB, PYTHON_READY_MS, editor_text, exercise, open_settled, press, solution, type_code

REFUSED = "The operation is insecure."
KEY = "therapon:engine-fixture:profile:me:exercise:count-wins"


def test_progress_is_saved_under_the_course_and_exercise_id(page: Page, fixture_site):
    page.goto(fixture_site.url + LAB)
    type_code(page, "count-wins", solution("count-wins"))
    press(page, "count-wins", "Check")
    record = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert record["status"] == "passed" and record["attempts"] == 1
    assert record["words"] == {"draft": solution("count-wins")}
    assert page.evaluate("localStorage.getItem('therapon:engine-fixture:schema')") == "4"


def test_corrupt_saved_value_is_kept_aside_and_reported(page: Page, fixture_site, page_errors):
    open_settled(page, fixture_site.url)
    page.evaluate(f"localStorage.setItem('{KEY}', '{{not json')")
    page.goto(fixture_site.url + LAB)
    expect(page.locator("[data-therapon-notices]")).to_contain_text("could not be read")
    keys = page.evaluate("Object.keys(localStorage)")
    aside = [k for k in keys if k.startswith("therapon:engine-fixture:corrupt:")]
    assert len(aside) == 1 and page.evaluate(f"localStorage.getItem('{aside[0]}')") == "{not json"
    box = exercise(page, "count-wins")
    expect(box).to_have_attribute("data-status", "new")
    expect(press(page, "count-wins", "Check")).to_contain_text("checks pass")
    expect(box).to_have_attribute("data-status", "attempted")
    assert page_errors == []


def test_wrong_shaped_saved_value_is_kept_aside(page: Page, fixture_site):
    open_settled(page, fixture_site.url)
    wrong = json.dumps({"status": "solved!!", "attempts": -1})
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, wrong])
    page.goto(fixture_site.url + LAB)
    expect(page.locator("[data-therapon-notices]")).to_contain_text("kept aside")
    expect(exercise(page, "count-wins")).to_have_attribute("data-status", "new")
    keys = page.evaluate("Object.keys(localStorage)")
    aside = [k for k in keys if k.startswith("therapon:engine-fixture:corrupt:")]
    assert len(aside) == 1, keys
    assert page.evaluate("(key) => localStorage.getItem(key)", aside[0]) == wrong  # kept, byte for byte


def test_storage_refused_keeps_working_in_memory_with_a_notice(page: Page, fixture_site, page_errors):
    page.add_init_script(f"""
        Object.defineProperty(window, "localStorage", {{
          get() {{ throw new DOMException("{REFUSED}", "SecurityError"); }},
        }});
    """)
    page.goto(fixture_site.url + LAB)
    expect(page.locator("[data-therapon-notices]")).to_contain_text("kept only until you close this tab")
    type_code(page, "count-wins", solution("count-wins"))
    press(page, "count-wins", "Check")
    expect(exercise(page, "count-wins")).to_have_attribute("data-status", "passed")
    # Material's own inline scripts read localStorage unguarded; ours must not add errors.
    assert [e for e in page_errors if e != REFUSED] == []


def test_full_storage_reports_and_keeps_what_was_saved(page: Page, fixture_site):
    page.goto(fixture_site.url + LAB)
    type_code(page, "count-wins", "# first draft\n")
    page.wait_for_function(
        f"() => JSON.parse(localStorage.getItem('{KEY}'))?.words?.draft === '# first draft\\n'")
    page.evaluate("""() => {
        Storage.prototype.setItem = function () {
          throw new DOMException("quota", "QuotaExceededError");
        };
    }""")
    type_code(page, "count-wins", "# second draft\n")
    expect(page.locator("[data-therapon-notices]")).to_contain_text("storage for this site is full")
    saved = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}')).words.draft")
    assert saved == "# first draft\n"


def test_two_tabs_see_each_others_progress(page: Page, fixture_site):
    page.goto(fixture_site.url + LAB)
    other = page.context.new_page()
    other.goto(fixture_site.url + LAB)
    type_code(page, "count-wins", solution("count-wins"))
    press(page, "count-wins", "Check")
    expect(exercise(other, "count-wins")).to_have_attribute("data-status", "passed")
    # the other tab's later attempt does not undo the pass. Its press may be queued while its
    # Python starts, so wait for the second attempt to be stored before reading the record.
    press(other, "count-wins", "Check")
    page.wait_for_function("""key => (JSON.parse(localStorage.getItem(key) || "{}").attempts || 0) >= 2""",
                           arg=KEY, timeout=PYTHON_READY_MS)
    record = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert record["status"] == "passed" and record["attempts"] == 2


def test_version_1_progress_is_migrated_to_the_first_profile(page: Page, fixture_site, page_errors):
    open_settled(page, fixture_site.url)
    old = {"status": "passed", "attempts": 3, "hintsShown": 1, "draft": "# from version 1\n",
           "updatedAt": 1_700_000_000_000}
    page.evaluate("""(record) => {
        localStorage.clear();
        localStorage.setItem('therapon:engine-fixture:schema', '1');
        localStorage.setItem('therapon:engine-fixture:exercise:count-wins',
                             JSON.stringify(record));
    }""", old)
    page.goto(fixture_site.url + LAB)
    box = exercise(page, "count-wins")
    expect(box).to_have_attribute("data-status", "passed")
    assert editor_text(page, "count-wins") == "# from version 1\n"
    keys = page.evaluate("Object.keys(localStorage).sort()")
    assert "therapon:engine-fixture:exercise:count-wins" not in keys
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')")) == {
        "status": "passed", "attempts": 3, "hintsShown": 1, "updatedAt": 1_700_000_000_000,
        "words": {"draft": "# from version 1\n"}}
    assert page.evaluate("localStorage.getItem('therapon:engine-fixture:schema')") == "4"
    # Someone who used the course before is not asked the first-visit question.
    expect(page.locator("[data-therapon-welcome]")).to_have_count(0)
    assert page_errors == []


def test_version_2_progress_moves_words_apart_and_partner_practice_to_the_couple(page: Page, fixture_site,
                                                                                  page_errors):
    """Schema 2 kept each partner's copy of a partner practice; schema 3 keeps one for the
    couple. Both partners' notes are kept, under their names; nothing is dropped."""
    open_settled(page, fixture_site.url)
    prefix = "therapon:engine-fixture:"

    def v2(status: str, draft: str | None, at: int, attempts: int = 0) -> str:
        return json.dumps({"status": status, "attempts": attempts, "hintsShown": 0, "draft": draft,
                           "updatedAt": at})

    page.evaluate("""(items) => {
        localStorage.clear();
        for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
    }""", {
        prefix + "schema": "2",
        prefix + "profiles": json.dumps({"active": "me", "list": [{"id": "me", "name": "Sam"},
                                                                  {"id": "p-alex", "name": "Alex"}]}),
        prefix + "turns": json.dumps([{"exercise": "agree-together", "listener": "me",
                                       "speaker": "p-alex", "at": 1_700_000_000_000}]),
        prefix + "profile:me:exercise:agree-together":
            v2("attempted", "Phones away when one of us shares.", 5),
        prefix + "profile:p-alex:exercise:agree-together":
            v2("passed", "We say when we'll come back.", 9),
        prefix + "profile:me:exercise:first-practice": v2("passed", "It felt slow and kind.", 3),
        prefix + "profile:me:exercise:own-notes": v2("attempted", "The sofa.", 7, 1),
        prefix + "profile:p-alex:exercise:own-notes": v2("new", None, 0),
        prefix + "profile:me:exercise:calm-request": "{not json",
    })
    page.goto(fixture_site.url + "lessons/02-second-steps/")
    box = exercise(page, "agree-together")
    expect(box).to_have_attribute("data-status", "passed")
    expect(box.get_by_role("textbox")).to_have_value(
        "Sam wrote:\nPhones away when one of us shares.\n\nAlex wrote:\nWe say when we'll come back.")
    after = page.evaluate("() => Object.fromEntries(Object.keys(localStorage)"
                          ".map((k) => [k, localStorage.getItem(k)]))")
    assert after[prefix + "schema"] == "4"
    assert prefix + "profile:me:exercise:agree-together" not in after
    assert prefix + "profile:p-alex:exercise:agree-together" not in after
    shared = json.loads(after[prefix + "shared:exercise:first-practice"])
    assert shared["words"] == {"draft": "It felt slow and kind."}
    assert json.loads(after[prefix + "profile:me:exercise:own-notes"]) == {
        "status": "attempted", "attempts": 1, "hintsShown": 0, "updatedAt": 7,
        "words": {"draft": "The sofa."}}
    assert json.loads(after[prefix + "profile:p-alex:exercise:own-notes"])["words"] == {"draft": None}
    assert len(json.loads(after[prefix + "turns"])) == 1
    # An unreadable value is not migrated or dropped: it is kept aside when it is read.
    assert after.get(prefix + "profile:me:exercise:calm-request") == "{not json" or any(
        k.startswith(prefix + "corrupt:") and v == "{not json" for k, v in after.items())
    assert page_errors == []


def test_progress_from_a_newer_version_is_left_untouched(page: Page, fixture_site):
    open_settled(page, fixture_site.url)
    page.evaluate("""() => {
        localStorage.setItem('therapon:engine-fixture:schema', '99');
        localStorage.setItem('therapon:engine-fixture:future-key', 'keep me');
    }""")
    page.goto(fixture_site.url + LAB)
    expect(page.locator("[data-therapon-notices]")).to_contain_text("newer version")
    type_code(page, "count-wins", "# typed now\n")
    press(page, "count-wins", "Check")
    assert page.evaluate("localStorage.getItem('therapon:engine-fixture:schema')") == "99"
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert page.evaluate("localStorage.getItem('therapon:engine-fixture:future-key')") == "keep me"
