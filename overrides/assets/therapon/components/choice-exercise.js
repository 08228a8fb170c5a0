// @ts-check
/**
 * The `choice` exercise: radio buttons or checkboxes in a fieldset. Answers are saved by
 * option id, never by position, so shuffling the options or editing the page is safe.
 * Marking is done here: it needs no Python.
 */
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
  const options = /** @type {HTMLElement[]} */ (Array.from(el.querySelectorAll("[data-option]")));
  const inputs = /** @type {HTMLInputElement[]} */ (options.map((o) => o.querySelector("input")));
  const check = /** @type {HTMLElement} */ (el.querySelector('[data-action="check"]'));
  if (data.shuffle) {
    const legend = fieldset.querySelector("legend");
    fieldset.replaceChildren(...(legend ? [legend] : []), ...shuffle(options));
  }

  const chosen = () => inputs.filter((input) => input.checked).map((input) => input.value);
  /** @param {string[]} ids */
  const choose = (ids) => { for (const input of inputs) input.checked = ids.includes(input.value); };
  /** @param {boolean} visible */
  const showExplanations = (visible) => {
    for (const option of options) {
      const right = data.correct.includes(option.dataset.option);
      option.dataset.verdict = visible ? (right ? "right" : "wrong") : "";
      const explanation = /** @type {HTMLElement} */ (option.querySelector("[data-explanation]"));
      explanation.hidden = !visible;
      let label = /** @type {HTMLElement | null} */ (explanation.querySelector(".therapon-verdict"));
      if (!label) {
        label = document.createElement("strong");
        label.className = "therapon-verdict";
        explanation.prepend(label);
      }
      label.textContent = right ? "A good answer. " : "Not the best answer. ";
    }
  };

  // The saved answer is a JSON list of option ids; unknown ids (an option since removed) are ignored.
  const saved = () => {
    try {
      const ids = JSON.parse(exercise.record.draft ?? "[]");
      return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : [];
    } catch {
      return [];
    }
  };
  choose(saved());
  fieldset.addEventListener("change", exercise.autosave(() => JSON.stringify(chosen())), { signal });
  if (exercise.record.attempts > 0 && chosen().length) showExplanations(true);

  // After Check, focus stays on the button and the feedback (a polite live region) is announced.
  check.addEventListener("click", () => {
    exercise.saveDraft();
    const answer = chosen();
    if (answer.length === 0) {
      feedback.dataset.result = "fail";
      feedback.textContent = data.multiple ? "Choose at least one answer, then press Check." : "Choose an answer, then press Check.";
      // Nothing to check: focus goes to the first option shown, as a text exercise goes to its box.
      /** @type {HTMLElement | null} */ (fieldset.querySelector("input"))?.focus();
      return;
    }
    const right = answer.length === data.correct.length && answer.every((id) => data.correct.includes(id));
    exercise.update((r) => ({ attempts: r.attempts + 1, status: right ? "passed" : "attempted" }));
    feedback.dataset.result = right ? "pass" : "fail";
    feedback.textContent = right
      ? "That's right. Read why each option fits, or doesn't, below."
      : "Not quite. Read the notes under each option, then try again.";
    showExplanations(true);
  }, { signal });

  exercise.onReset(() => {
    choose([]);
    exercise.update(() => ({ draft: "[]" }));
    showExplanations(false);
    feedback.textContent = "Your answer was cleared.";
  });
  exercise.onExternalChange(() => { if (!exercise.typing) choose(saved()); });
  exercise.show();
}
