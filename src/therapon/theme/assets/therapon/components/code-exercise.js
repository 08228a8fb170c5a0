// @ts-check
/**
 * The `code` exercise: an editor, Run, Check, Hint, Show solution and Reset. Feedback is
 * built with textContent, never innerHTML.
 */
import { ACTION, SELECTOR, STATUS } from "../contract.js";
import { actionSelector } from "./dom.js";
import { t } from "../i18n.js";
import { isCrashed } from "../protocol.js";
import { MAX_DRAFT_LENGTH } from "../records.js";
import { renderFeedback, renderLoading } from "./common.js";
import { createExercise } from "./exercise.js";

/** @typedef {import("../store.js").Store} Store */
/** @typedef {{getValue(): string, setValue(text: string): void, destroy(): void}} Editor */


/**
 * The worker's answer in the shape the page renders, with plain words for a Python that broke.
 * @param {any} answer
 */
function explain(answer) {
  if (isCrashed(answer)) {
    const crashed = t("code.crashed");
    return { crashed: true, stdout: "", stderr: "", error: { message: crashed }, passed: false, items: [], summary: crashed };
  }
  return answer;
}

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
  const textarea = /** @type {HTMLTextAreaElement} */ ($(SELECTOR.code));
  const output = $(SELECTOR.output);
  const run = $(actionSelector(ACTION.run));
  const check = $(actionSelector(ACTION.check));

  if (exercise.record.words.draft !== null) textarea.value = exercise.record.words.draft;
  // A draft too long to be read back is not saved at all (the saved one stays), and the
  // learner is told why.
  const onChange = exercise.autosave(() => {
    const code = editor.getValue();
    if (code.length <= MAX_DRAFT_LENGTH) return code;
    feedback.dataset.result = "error";
    feedback.textContent = t("code.tooLong", { count: MAX_DRAFT_LENGTH });
    return /** @type {string} */ (exercise.record.words.draft);
  });
  /** @type {Editor} */
  let editor = textareaEditor(textarea, onChange, signal);
  // The code editor (370 KB, parsed on the page's thread) waits until Python is up, or until
  // the learner reaches for the box, so that a cold start has both cores to itself.
  let upgraded = false;
  const upgrade = () => {
    if (upgraded || signal.aborted) return;
    upgraded = true;
    loadEditor().then((module) => {
      if (signal.aborted) return;
      editor = module.createEditor(textarea, { onChange, labelId: `${el.id}-code-label` });
      el.dataset.editor = "ready";
    }, () => { el.dataset.editor = "textarea"; });
  };
  // (The box itself: a press on Check at first paint goes to Python, not to the editor.)
  for (const reach of ["pointerdown", "focus", "keydown"]) textarea.addEventListener(reach, upgrade, { signal });
  const stopWaiting = runtime.subscribe((/** @type {{state: string}} */ status) => {
    if (status.state === "ready" || status.state === "failed") upgrade();
  });
  signal.addEventListener("abort", () => stopWaiting(), { once: true });

  /** @param {"run" | "check"} type */
  const execute = async (type) => {
    exercise.saveDraft();
    exercise.setBusy(true, [run, check]);
    try {
      const answer = await runtime.request(type, { code: editor.getValue(), checks: data.checks });
      const result = explain(answer);
      if (signal.aborted) return;
      if (type === "check") {
        exercise.update((r) => ({ attempts: r.attempts + 1, status: result.passed ? STATUS.passed : STATUS.attempted }));
      }
      renderFeedback({ feedback, output }, type, result, config.timeoutMs / 1000);
      if (result.output_cut) {
        const note = document.createElement("p");
        note.textContent = t("code.outputCut");
        feedback.append(note);
      }
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
    exercise.update(() => ({ words: { draft: data.starter } }));
    feedback.textContent = t("code.reset");
  });
  // The record changed elsewhere: adopt its draft unless the learner is typing here.
  exercise.onExternalChange(() => {
    const draft = exercise.record.words.draft ?? data.starter;
    if (!exercise.typing && draft !== editor.getValue()) editor.setValue(draft);
  });
  const stopWatching = runtime.subscribe((status) => renderLoading($(SELECTOR.loading), status));
  el.addEventListener("focusin", () => runtime.start(), { signal, once: true });
  signal.addEventListener("abort", () => {
    stopWatching();
    editor.destroy();
  });
  exercise.show();
}
