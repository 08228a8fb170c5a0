// @ts-check
/**
 * The `choice` exercise: radio buttons or checkboxes in a fieldset. Answers are saved by
 * option id, never by position, so shuffling the options or editing the page is safe.
 * Marking is done here: it needs no Python.
 *
 * A wrong answer first shows the notes on the options the learner chose, so they can think
 * again; the right answer is marked from the author's `showAnswerAfter`-th Check, or once it
 * is found. Marks are neutral words that fit any question: a question may ask which reply
 * hurts, and its right answers must not be praised.
 */
import { ACTION, ATTR, SELECTOR, STATUS } from "../contract.js";
import { actionSelector } from "./dom.js";
import { t, tn } from "../i18n.js";
import { createExercise } from "./exercise.js";

/** Fisher–Yates, so every order is equally likely. @param {HTMLElement[]} items */
function shuffle(items) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * @param {HTMLElement} el
 * @param {{store: import("../store.js").Store, signal: AbortSignal}} context
 */
export function mount(el, { store, signal }) {
  const exercise = createExercise(el, { store, signal });
  const { data, feedback } = exercise;
  const fieldset = /** @type {HTMLFieldSetElement} */ (el.querySelector("fieldset"));
  const options = /** @type {HTMLElement[]} */ (Array.from(el.querySelectorAll(SELECTOR.option)));
  const inputs = /** @type {HTMLInputElement[]} */ (options.map((o) => o.querySelector("input")));
  const check = /** @type {HTMLElement} */ (el.querySelector(actionSelector(ACTION.check)));
  if (data.shuffle) {
    const legend = fieldset.querySelector("legend");
    fieldset.replaceChildren(...(legend ? [legend] : []), ...shuffle(options));
  }

  const chosen = () => inputs.filter((input) => input.checked).map((input) => input.value);
  /** @param {string[]} ids */
  const choose = (ids) => { for (const input of inputs) input.checked = ids.includes(input.value); };
  /**
   * Show the notes under no option, under the chosen ones, or under all (the answer marked).
   * @param {"none" | "chosen" | "all"} which
   */
  const showNotes = (which) => {
    const picked = chosen();
    for (const option of options) {
      const id = option.getAttribute(ATTR.option) ?? "";
      const visible = which === "all" || (which === "chosen" && picked.includes(id));
      const right = data.correct.includes(id);
      option.dataset.verdict = visible ? (right ? "right" : "wrong") : "";
      const explanation = /** @type {HTMLElement} */ (option.querySelector(SELECTOR.explanation));
      explanation.hidden = !visible;
      let label = /** @type {HTMLElement | null} */ (explanation.querySelector(".therapon-verdict"));
      if (!label) {
        label = document.createElement("strong");
        label.className = "therapon-verdict";
        label.dataset.mark = "";
        explanation.prepend(label);
      }
      // The words that mark an option once its note is shown, whatever the question asks.
      label.textContent = `${right ? t("choice.right") : t("choice.wrong")} `;
    }
  };
  const answerShown = () => exercise.record.status === STATUS.passed || exercise.record.attempts >= data.showAnswerAfter;

  // The saved answer is a JSON list of option ids; unknown ids (an option since removed) are ignored.
  const saved = () => {
    try {
      const ids = JSON.parse(exercise.record.words.draft ?? "[]");
      return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : [];
    } catch {
      return [];
    }
  };
  choose(saved());
  fieldset.addEventListener("change", exercise.autosave(() => JSON.stringify(chosen())), { signal });
  if (chosen().length && answerShown()) showNotes("all");

  // After Check, focus stays on the button and the feedback (a polite live region) is announced.
  check.addEventListener("click", () => {
    exercise.saveDraft();
    const answer = chosen();
    if (answer.length === 0) {
      feedback.dataset.result = "fail";
      feedback.textContent = data.multiple ? t("choice.chooseSome") : t("choice.chooseOne");
      // Nothing to check: focus goes to the first option shown, as a text exercise goes to its box.
      /** @type {HTMLElement | null} */ (fieldset.querySelector("input"))?.focus();
      return;
    }
    const right = answer.length === data.correct.length && answer.every((id) => data.correct.includes(id));
    exercise.update((r) => ({ attempts: r.attempts + 1, status: right ? STATUS.passed : STATUS.attempted }));
    feedback.dataset.result = right ? "pass" : "fail";
    const partly = data.multiple && answer.every((id) => data.correct.includes(id));
    if (right) {
      feedback.textContent = t("choice.isRight");
    } else if (answerShown()) {
      feedback.textContent = t("choice.answerShown");
    } else {
      feedback.textContent = partly
        ? t("choice.missing")
        : tn("choice.notQuite", answer.length);
    }
    showNotes(right || answerShown() ? "all" : "chosen");
  }, { signal });

  exercise.onReset(() => {
    choose([]);
    exercise.update(() => ({ words: { draft: "[]" } }));
    showNotes("none");
    feedback.textContent = t("exercise.answerCleared");
  });
  exercise.onExternalChange(() => { if (!exercise.typing) choose(saved()); });
  exercise.show();
}
