"""Saved progress survives bad stored data and browsers that refuse storage."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from .helpers import LAB, editor_text, exercise, open_settled, press, solution, type_code

REFUSED = "The operation is insecure."
KEY = "therapon:therapeutic-partnership:profile:me:exercise:listener-tally"


def test_progress_is_saved_under_the_course_and_exercise_id(page: Page, site):
    page.goto(site.url + LAB)
    type_code(page, "listener-tally", solution("listener-tally"))
    press(page, "listener-tally", "Check")
    record = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert record["status"] == "passed" and record["attempts"] == 1
    assert record["draft"] == solution("listener-tally")
    assert page.evaluate("localStorage.getItem('therapon:therapeutic-partnership:schema')") == "2"


def test_corrupt_saved_value_is_kept_aside_and_reported(page: Page, site, page_errors):
    open_settled(page, site.url)
    page.evaluate(f"localStorage.setItem('{KEY}', '{{not json')")
    page.goto(site.url + LAB)
    expect(page.locator("[data-therapon-notices]")).to_contain_text("could not be read")
    keys = page.evaluate("Object.keys(localStorage)")
    aside = [k for k in keys if k.startswith("therapon:therapeutic-partnership:corrupt:")]
    assert len(aside) == 1 and page.evaluate(f"localStorage.getItem('{aside[0]}')") == "{not json"
    box = exercise(page, "listener-tally")
    expect(box).to_have_attribute("data-status", "new")
    expect(press(page, "listener-tally", "Check")).to_contain_text("checks pass")
    expect(box).to_have_attribute("data-status", "attempted")
    assert page_errors == []


def test_wrong_shaped_saved_value_is_kept_aside(page: Page, site):
    open_settled(page, site.url)
    wrong = json.dumps({"status": "solved!!", "attempts": -1})
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, wrong])
    page.goto(site.url + LAB)
    expect(page.locator("[data-therapon-notices]")).to_contain_text("kept aside")
    expect(exercise(page, "listener-tally")).to_have_attribute("data-status", "new")
    keys = page.evaluate("Object.keys(localStorage)")
    aside = [k for k in keys if k.startswith("therapon:therapeutic-partnership:corrupt:")]
    assert len(aside) == 1, keys
    assert page.evaluate("(key) => localStorage.getItem(key)", aside[0]) == wrong  # kept, byte for byte


def test_storage_refused_keeps_working_in_memory_with_a_notice(page: Page, site, page_errors):
    page.add_init_script(f"""
        Object.defineProperty(window, "localStorage", {{
          get() {{ throw new DOMException("{REFUSED}", "SecurityError"); }},
        }});
    """)
    page.goto(site.url + LAB)
    expect(page.locator("[data-therapon-notices]")).to_contain_text("kept only until you close this tab")
    type_code(page, "listener-tally", solution("listener-tally"))
    press(page, "listener-tally", "Check")
    expect(exercise(page, "listener-tally")).to_have_attribute("data-status", "passed")
    # Material's own inline scripts read localStorage unguarded; ours must not add errors.
    assert [e for e in page_errors if e != REFUSED] == []


def test_full_storage_reports_and_keeps_what_was_saved(page: Page, site):
    page.goto(site.url + LAB)
    type_code(page, "listener-tally", "# first draft\n")
    page.wait_for_function(f"() => JSON.parse(localStorage.getItem('{KEY}'))?.draft === '# first draft\\n'")
    page.evaluate("""() => {
        Storage.prototype.setItem = function () {
          throw new DOMException("quota", "QuotaExceededError");
        };
    }""")
    type_code(page, "listener-tally", "# second draft\n")
    expect(page.locator("[data-therapon-notices]")).to_contain_text("storage for this site is full")
    saved = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}')).draft")
    assert saved == "# first draft\n"


def test_two_tabs_see_each_others_progress(page: Page, site):
    page.goto(site.url + LAB)
    other = page.context.new_page()
    other.goto(site.url + LAB)
    type_code(page, "listener-tally", solution("listener-tally"))
    press(page, "listener-tally", "Check")
    expect(exercise(other, "listener-tally")).to_have_attribute("data-status", "passed")
    # the other tab's later attempt does not undo the pass
    press(other, "listener-tally", "Check")
    record = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert record["status"] == "passed" and record["attempts"] == 2


def test_version_1_progress_is_migrated_to_the_first_profile(page: Page, site, page_errors):
    open_settled(page, site.url)
    old = {"status": "passed", "attempts": 3, "hintsShown": 1, "draft": "# from version 1\n",
           "updatedAt": 1_700_000_000_000}
    page.evaluate("""(record) => {
        localStorage.clear();
        localStorage.setItem('therapon:therapeutic-partnership:schema', '1');
        localStorage.setItem('therapon:therapeutic-partnership:exercise:listener-tally',
                             JSON.stringify(record));
    }""", old)
    page.goto(site.url + LAB)
    box = exercise(page, "listener-tally")
    expect(box).to_have_attribute("data-status", "passed")
    assert editor_text(page, "listener-tally") == "# from version 1\n"
    keys = page.evaluate("Object.keys(localStorage).sort()")
    assert "therapon:therapeutic-partnership:exercise:listener-tally" not in keys
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')")) == old
    assert page.evaluate("localStorage.getItem('therapon:therapeutic-partnership:schema')") == "2"
    assert page_errors == []


def test_progress_from_a_newer_version_is_left_untouched(page: Page, site):
    open_settled(page, site.url)
    page.evaluate("""() => {
        localStorage.setItem('therapon:therapeutic-partnership:schema', '99');
        localStorage.setItem('therapon:therapeutic-partnership:future-key', 'keep me');
    }""")
    page.goto(site.url + LAB)
    expect(page.locator("[data-therapon-notices]")).to_contain_text("newer version")
    type_code(page, "listener-tally", "# typed now\n")
    press(page, "listener-tally", "Check")
    assert page.evaluate("localStorage.getItem('therapon:therapeutic-partnership:schema')") == "99"
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert page.evaluate("localStorage.getItem('therapon:therapeutic-partnership:future-key')") == "keep me"
