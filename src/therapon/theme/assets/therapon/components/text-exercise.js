// @ts-check
/**
 * The `text` exercise: written practice. The author's checker runs in Python in this browser,
 * so feedback is instant and the words never leave the device. The verdict is rendered by
 * verdict.js with textContent; nothing from the rules or the learner reaches innerHTML.
 */
import { ACTION, SELECTOR, STATUS } from "../contract.js";
import { actionSelector } from "./dom.js";
import { t } from "../i18n.js";
import { isCrashed } from "../protocol.js";
import { MAX_DRAFT_LENGTH } from "../records.js";
import { renderLoading } from "./common.js";
import { createExercise } from "./exercise.js";
import { renderMessage, renderVerdict } from "./verdict.js";

/** Feedback is made for a few sentences; a whole letter pasted in is saved, not checked. */
export const MAX_CHECKED_LENGTH = 5_000;
/** What a box says when it is full (reflections too). */
export const fullBox = () => t("text.fullBox", { count: MAX_DRAFT_LENGTH });

/**
 * @param {HTMLElement} feedback
 * @param {any} result  a verdict, or what went wrong on the way to one
 * @param {number} timeoutSeconds
 */
function showResult(feedback, result, timeoutSeconds) {
  if (result.failedToLoad) {
    renderMessage(feedback, t("text.notLoaded"), "error");
  } else if (result.timedOut) {
    renderMessage(feedback, t("text.timedOut", { seconds: timeoutSeconds }), "timeout");
  } else {
    renderVerdict(feedback, result, result.broken ? "error" : result.meets_goal ? "pass" : "fail");
  }
}

/**
 * @param {HTMLElement} el
 * @param {{runtime: any, store: import("../store.js").Store, signal: AbortSignal, config: any}} context
 */
export function mount(el, { runtime, store, signal, config }) {
  const exercise = createExercise(el, { store, signal });
  const { data, feedback } = exercise;
  const textarea = /** @type {HTMLTextAreaElement} */ (el.querySelector(SELECTOR.response));
  const check = /** @type {HTMLElement} */ (el.querySelector(actionSelector(ACTION.check)));
  if (exercise.record.words.draft !== null) textarea.value = exercise.record.words.draft;
  // Longer drafts could not be read back, so the box itself stops there, and says so.
  textarea.maxLength = MAX_DRAFT_LENGTH;
  const save = exercise.autosave(() => textarea.value);
  textarea.addEventListener("input", () => {
    save();
    if (textarea.value.length >= MAX_DRAFT_LENGTH) {
      feedback.dataset.result = "fail";
      feedback.textContent = fullBox();
    }
  }, { signal });

  check.addEventListener("click", async () => {
    exercise.saveDraft();
    const response = textarea.value;
    if (!response.trim()) {
      feedback.dataset.result = "fail";
      feedback.textContent = t("text.empty");
      textarea.focus();
      return;
    }
    if (response.length > MAX_CHECKED_LENGTH) {
      feedback.dataset.result = "fail";
      feedback.textContent = t("text.tooLong", { length: response.length, limit: MAX_CHECKED_LENGTH });
      return;
    }
    exercise.setBusy(true, [check]);
    try {
      const answer = await runtime.request("text", { rules: data.rules, checker: data.checker, response });
      const result = isCrashed(answer) ? { broken: true, summary: t("text.crashed") } : answer;
      if (signal.aborted) return;
      if (!result.broken && !result.timedOut) {
        exercise.update((r) => ({ attempts: r.attempts + 1, status: result.meets_goal ? STATUS.passed : STATUS.attempted }));
      }
      showResult(feedback, result, config.timeoutMs / 1000);
    } catch (error) {
      showResult(feedback, { failedToLoad: String(error) }, 0);
    } finally {
      if (!signal.aborted) exercise.setBusy(false, [check]);
    }
  }, { signal });

  exercise.onReset(() => {
    textarea.value = "";
    exercise.update(() => ({ words: { draft: "" } }));
    feedback.textContent = t("exercise.answerCleared");
  });
  exercise.onExternalChange(() => {
    if (!exercise.typing) textarea.value = exercise.record.words.draft ?? "";
  });
  const loading = /** @type {HTMLElement} */ (el.querySelector(SELECTOR.loading));
  const stopWatching = runtime.subscribe((status) => renderLoading(loading, status));
  el.addEventListener("focusin", () => runtime.start(), { signal, once: true });
  signal.addEventListener("abort", () => stopWatching());
  exercise.show();
}
