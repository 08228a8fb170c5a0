// @ts-check
/**
 * The `code` exercise: an editor, Run, Check, Hint, Show solution and Reset. Feedback is
 * built with textContent, never innerHTML.
 */
import { renderFeedback, renderLoading } from "./common.js";
import { createExercise } from "./exercise.js";

/** @typedef {import("../store.js").Store} Store */
/** @typedef {{getValue(): string, setValue(text: string): void, destroy(): void}} Editor */

/** A plain textarea as the editor, until (or unless) the code editor loads. @returns {Editor} */
function textareaEditor(/** @type {HTMLTextAreaElement} */ textarea, /** @type {() => void} */ onChange, /** @type {AbortSignal} */ signal) {
  textarea.addEventListener("input", onChange, { signal });
  return {
    getValue: () => textarea.value,
    setValue: (text) => { textarea.value = text; },
    destroy: () => {},
  };
}

/**
 * @param {HTMLElement} el
 * @param {{runtime: any, store: Store, signal: AbortSignal, config: any, loadEditor: () => Promise<any>}} context
 */
export function mount(el, { runtime, store, signal, config, loadEditor }) {
  const exercise = createExercise(el, { store, signal });
  const { data, feedback } = exercise;
  const $ = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (el.querySelector(selector));
  const textarea = /** @type {HTMLTextAreaElement} */ ($("[data-code]"));
  const output = $("[data-output]");
  const run = $('[data-action="run"]');
  const check = $('[data-action="check"]');

  if (exercise.record.draft !== null) textarea.value = exercise.record.draft;
  const onChange = exercise.autosave(() => editor.getValue());
  /** @type {Editor} */
  let editor = textareaEditor(textarea, onChange, signal);
  loadEditor().then((module) => {
    if (signal.aborted) return;
    editor = module.createEditor(textarea, { onChange, labelId: `${el.id}-code-label` });
    el.dataset.editor = "ready";
  }, () => { el.dataset.editor = "textarea"; });

  /** @param {"run" | "check"} type */
  const execute = async (type) => {
    exercise.saveDraft();
    exercise.setBusy(true, [run, check]);
    try {
      const result = await runtime.request(type, { code: editor.getValue(), checks: data.checks });
      if (signal.aborted) return;
      if (type === "check") {
        exercise.update((r) => ({ attempts: r.attempts + 1, status: result.passed ? "passed" : "attempted" }));
      }
      renderFeedback({ feedback, output }, type, result, config.timeoutMs / 1000);
    } catch (error) {
      renderFeedback({ feedback, output }, type, { failedToLoad: String(error?.message || error) }, 0);
    } finally {
      if (!signal.aborted) exercise.setBusy(false, [run, check]);
    }
  };
  run.addEventListener("click", () => execute("run"), { signal });
  check.addEventListener("click", () => execute("check"), { signal });

  exercise.onReset(() => {
    editor.setValue(data.starter);
    exercise.update(() => ({ draft: data.starter }));
    feedback.textContent = "Your code was reset to the starter code.";
  });
  // The record changed elsewhere: adopt its draft unless the learner is typing here.
  exercise.onExternalChange(() => {
    const draft = exercise.record.draft ?? data.starter;
    if (!exercise.typing && draft !== editor.getValue()) editor.setValue(draft);
  });
  const stopWatching = runtime.subscribe((status) => renderLoading($("[data-loading]"), status));
  el.addEventListener("focusin", () => runtime.start(), { signal, once: true });
  signal.addEventListener("abort", () => {
    stopWatching();
    editor.destroy();
  });
  exercise.show();
}
