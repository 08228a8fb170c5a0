"""Every choice exercise's marks, read in context in the browser: after a wrong answer and
after the right one, no option is labelled with praise, and above all no option that its
author explains as harmful (contempt, fixing, a weapon…). A question may ask which reply
hurts; its right answers are marked "Correct", never "A good answer"."""

from __future__ import annotations

import json
import re

from e2e.helpers import exercise, open_tab_of
from playwright.sync_api import Page, expect

NEUTRAL = {"Correct.", "Not this one."}
PRAISE = re.compile(r"\b(good|great|best|well done|nice|excellent|perfect|brilliant|bravo|kind|helpful)\b",
                    re.IGNORECASE)
# How authors explain an option that hurts a conversation. A mark beside one must be neutral.
HARM = re.compile(r"\b(contempt|blam\w*|mock\w*|stonewall\w*|defensive\w*|critic\w*|weapon|talks? down|"
                  r"brush\w* aside|dismiss\w*|shame\w*|sarcas\w*|attack\w*|threat\w*|label\w*|demand\w*|"
                  r"judg\w*|fix\w*|skips?|smaller|against)\b", re.IGNORECASE)
READ = """el => Array.from(el.querySelectorAll("[data-option]"), (option) => ({
    id: option.dataset.option,
    verdict: option.dataset.verdict,
    shown: !option.querySelector("[data-explanation]").hidden,
    mark: option.querySelector("[data-mark]")?.textContent.trim() ?? null,
    note: option.querySelector("[data-explanation]").textContent.trim(),
}))"""


def test_the_praise_detector_would_catch_the_old_marks() -> None:
    """The words the component once used: this test fails on them."""
    assert PRAISE.search("A good answer.") and PRAISE.search("Not the best answer.")
    assert not any(PRAISE.search(mark) for mark in NEUTRAL)


def choice_exercises(page: Page, site) -> list[tuple[str, str]]:
    course = page.request.get(site.url + "course.json").json()
    return [(lesson["url"], e["id"]) for lesson in course["lessons"] for e in lesson["exercises"]
            if e["kind"] == "choice"]


def test_no_choice_labels_a_harmful_option_with_praise(page: Page, site, page_errors) -> None:
    found = choice_exercises(page, site)
    assert len(found) >= 10
    harmful_seen = 0
    for url, exercise_id in found:
        page.goto(site.url + url)
        box = exercise(page, exercise_id)
        open_tab_of(page, exercise_id)
        box.scroll_into_view_if_needed()
        data = json.loads(box.locator("template[data-exercise-data]").evaluate("t => t.content.textContent"))
        options = box.evaluate(READ)
        ids = [o["id"] for o in options]
        wrong = next(i for i in ids if i not in data["correct"])

        # A first wrong answer: only its own note is shown, and the answer is not given away
        # (unless the author asked for it at once).
        box.locator(f'[data-option="{wrong}"] input').check()
        box.get_by_role("button", name="Check", exact=True).click()
        expect(box).to_have_attribute("data-status", "attempted")
        after_wrong = {o["id"]: o for o in box.evaluate(READ)}
        assert after_wrong[wrong]["shown"] and after_wrong[wrong]["mark"] == "Not this one.", exercise_id
        if data["showAnswerAfter"] > 1:
            hidden = [i for i in data["correct"] if not after_wrong[i]["shown"]]
            assert hidden == data["correct"], f"{exercise_id}: the first wrong answer showed the right one"
        feedback = box.locator("[data-feedback]").text_content() or ""
        assert not PRAISE.search(feedback), (exercise_id, feedback)

        # The right answer: every note is shown, each with a neutral mark that fits the question.
        for option_id in ids:
            choice = box.locator(f'[data-option="{option_id}"] input')
            if data["multiple"]:
                choice.set_checked(option_id in data["correct"])
            elif option_id in data["correct"]:
                choice.check()
        box.get_by_role("button", name="Check", exact=True).click()
        expect(box).to_have_attribute("data-status", "passed")
        for option in box.evaluate(READ):
            where = f"{url}#{exercise_id}, option {option['id']}: {option['mark']} {option['note'][:60]}"
            right = option["id"] in data["correct"]
            assert option["shown"], where
            assert option["mark"] == ("Correct." if right else "Not this one."), where
            assert option["mark"] in NEUTRAL and not PRAISE.search(option["mark"]), where
            assert option["verdict"] == ("right" if right else "wrong"), where
            if HARM.search(option["note"].removeprefix(option["mark"])):
                harmful_seen += 1
        feedback = box.locator("[data-feedback]").text_content() or ""
        assert not PRAISE.search(feedback), (exercise_id, feedback)
    # The course's choices do explain harmful options; this test read them in context.
    assert harmful_seen >= 10, harmful_seen
    assert page_errors == []
