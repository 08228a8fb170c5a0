// @ts-check
/**
 * The `text` exercise: written practice. The author's checker runs in Python in this browser,
 * so feedback is instant and the words never leave the device. Observations are rendered as
 * a list with textContent; nothing from the checker or the learner reaches innerHTML.
 */
import { renderLoading } from "./common.js";
import { createExercise } from "./exercise.js";

const LEVEL_LABELS = { good: "Good", tip: "Tip", concern: "Watch out" };

/**
 * @param {HTMLElement} feedback
 * @param {any} result
 * @param {number} timeoutSeconds
 */
function renderVerdict(feedback, result, timeoutSeconds) {
  const summary = document.createElement("p");
  /** @type {HTMLElement[]} */
  const nodes = [summary];
  if (result.failedToLoad) {
    feedback.dataset.result = "error";
    summary.textContent = "Python could not be loaded, so your answer was not checked. Check your connection and try again. Your words are saved.";
  } else if (result.timedOut) {
    feedback.dataset.result = "timeout";
    summary.textContent = `The check took longer than ${timeoutSeconds} seconds and was stopped. This is a problem in the exercise, not in your answer.`;
  } else {
    feedback.dataset.result = result.broken ? "error" : result.meets_goal ? "pass" : "fail";
    summary.textContent = result.summary;
    if (result.observations?.length) {
      const list = document.createElement("ul");
      list.className = "therapon-observations";
      for (const observation of result.observations) {
        const item = document.createElement("li");
        item.dataset.level = observation.level;
        item.dataset.observation = observation.id;
        const label = document.createElement("strong");
        label.textContent = `${LEVEL_LABELS[observation.level] ?? observation.level}: `;
        item.append(label, observation.message);
        list.append(item);
      }
      nodes.push(list);
    }
  }
  feedback.replaceChildren(...nodes);
}

/**
 * @param {HTMLElement} el
 * @param {{runtime: any, store: import("../store.js").Store, signal: AbortSignal, config: any}} context
 */
export function mount(el, { runtime, store, signal, config }) {
  const exercise = createExercise(el, { store, signal });
  const { data, feedback } = exercise;
  const textarea = /** @type {HTMLTextAreaElement} */ (el.querySelector("[data-response]"));
  const check = /** @type {HTMLElement} */ (el.querySelector('[data-action="check"]'));
  if (exercise.record.draft !== null) textarea.value = exercise.record.draft;
  textarea.addEventListener("input", exercise.autosave(() => textarea.value), { signal });

  check.addEventListener("click", async () => {
    exercise.saveDraft();
    const response = textarea.value;
    if (!response.trim()) {
      feedback.dataset.result = "fail";
      feedback.textContent = "Write your answer in the box first, then press Check.";
      textarea.focus();
      return;
    }
    exercise.setBusy(true, [check]);
    try {
      const result = await runtime.request("text", { checker: data.checker, response });
      if (signal.aborted) return;
      if (!result.broken && !result.timedOut) {
        exercise.update((r) => ({ attempts: r.attempts + 1, status: result.meets_goal ? "passed" : "attempted" }));
      }
      renderVerdict(feedback, result, config.timeoutMs / 1000);
    } catch (error) {
      renderVerdict(feedback, { failedToLoad: String(error) }, 0);
    } finally {
      if (!signal.aborted) exercise.setBusy(false, [check]);
    }
  }, { signal });

  exercise.onReset(() => {
    textarea.value = "";
    exercise.update(() => ({ draft: "" }));
    feedback.textContent = "Your answer was cleared.";
  });
  exercise.onExternalChange(() => {
    if (!exercise.typing) textarea.value = exercise.record.draft ?? "";
  });
  const loading = /** @type {HTMLElement} */ (el.querySelector("[data-loading]"));
  const stopWatching = runtime.subscribe((status) => renderLoading(loading, status));
  el.addEventListener("focusin", () => runtime.start(), { signal, once: true });
  signal.addEventListener("abort", () => stopWatching());
  exercise.show();
}
