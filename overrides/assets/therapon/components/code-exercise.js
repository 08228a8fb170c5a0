// @ts-check
/**
 * The `code` exercise: an editor, Run, Check, Hint, Show solution and Reset. State lives in
 * the store, keyed by exercise id; feedback is built with textContent, never innerHTML.
 */
import { readData, renderFeedback, renderLoading, renderStatus } from "./common.js";

/** @typedef {import("../store.js").Store} Store */
/** @typedef {{getValue(): string, setValue(text: string): void, focus(): void, destroy(): void}} Editor */

const DRAFT_SAVE_DELAY_MS = 300;

/** A plain textarea as the editor, until (or unless) the code editor loads. @returns {Editor} */
function textareaEditor(/** @type {HTMLTextAreaElement} */ textarea, /** @type {() => void} */ onChange, /** @type {AbortSignal} */ signal) {
  textarea.addEventListener("input", onChange, { signal });
  return {
    getValue: () => textarea.value,
    setValue: (text) => { textarea.value = text; },
    focus: () => textarea.focus(),
    destroy: () => {},
  };
}

/**
 * @param {HTMLElement} el
 * @param {{runtime: any, store: Store, signal: AbortSignal, config: any, loadEditor: () => Promise<any>}} context
 */
export function mount(el, { runtime, store, signal, config, loadEditor }) {
  const data = readData(el);
  const id = el.dataset.exercise || "";
  const $ = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (el.querySelector(selector));
  const textarea = /** @type {HTMLTextAreaElement} */ ($("[data-code]"));
  const feedback = $("[data-feedback]");
  const output = $("[data-output]");
  const hints = /** @type {HTMLElement[]} */ (Array.from(el.querySelectorAll("[data-hints] > li")));
  const buttons = {
    run: $('[data-action="run"]'),
    check: $('[data-action="check"]'),
    hint: /** @type {HTMLElement | null} */ (el.querySelector('[data-action="hint"]')),
    solution: /** @type {HTMLElement | null} */ (el.querySelector('[data-action="solution"]')),
    reset: $('[data-action="reset"]'),
  };

  let record = store.read(id);
  if (record.draft !== null) textarea.value = record.draft;

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let saveTimer;
  const saveDraft = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    const draft = editor.getValue();
    if (draft !== (record.draft ?? data.starter)) record = store.update(id, () => ({ draft }));
  };
  const onChange = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveDraft, DRAFT_SAVE_DELAY_MS);
  };
  /** @type {Editor} */
  let editor = textareaEditor(textarea, onChange, signal);
  loadEditor().then((module) => {
    if (signal.aborted) return;
    editor = module.createEditor(textarea, { onChange, labelId: `${el.id}-code-label` });
    el.dataset.editor = "ready";
  }, () => { el.dataset.editor = "textarea"; });

  const showState = () => {
    renderStatus(el, record.status);
    hints.forEach((hint, index) => { hint.hidden = index >= record.hintsShown; });
    if (buttons.hint) buttons.hint.hidden = record.hintsShown >= hints.length;
    if (buttons.solution) buttons.solution.hidden = !solutionAllowed();
  };
  const solutionAllowed = () => {
    if (data.reveal === "always") return true;
    if (data.reveal === "after-passing") return record.status === "passed";
    if (data.reveal === "after-attempts") return record.attempts >= data.revealAfterAttempts || record.status === "passed";
    return false;
  };

  /** @param {boolean} busy */
  const setBusy = (busy) => {
    for (const button of [buttons.run, buttons.check]) button.toggleAttribute("disabled", busy);
    el.toggleAttribute("aria-busy", busy);
  };

  /** @param {"run" | "check"} type */
  const execute = async (type) => {
    saveDraft();
    setBusy(true);
    const code = editor.getValue();
    try {
      const result = await runtime.request(type, { code, checks: data.checks });
      if (signal.aborted) return;
      if (type === "check") {
        const passed = Boolean(result.passed);
        record = store.update(id, (r) => ({
          attempts: r.attempts + 1,
          status: passed ? "passed" : "attempted",
        }));
      }
      renderFeedback({ feedback, output }, type, result, config.timeoutMs / 1000);
      showState();
    } catch (error) {
      renderFeedback({ feedback, output }, type, { failedToLoad: String(error?.message || error) }, 0);
    } finally {
      if (!signal.aborted) setBusy(false);
    }
  };

  buttons.run.addEventListener("click", () => execute("run"), { signal });
  buttons.check.addEventListener("click", () => execute("check"), { signal });
  buttons.hint?.addEventListener("click", () => {
    record = store.update(id, (r) => ({ hintsShown: Math.min(r.hintsShown + 1, hints.length) }));
    showState();
    /** @type {HTMLElement | undefined} */ (hints[record.hintsShown - 1])?.setAttribute("tabindex", "-1");
    /** @type {HTMLElement | undefined} */ (hints[record.hintsShown - 1])?.focus();
  }, { signal });
  buttons.solution?.addEventListener("click", () => {
    const solution = $("[data-solution]");
    solution.hidden = !solution.hidden;
    buttons.solution.textContent = solution.hidden ? "Show solution" : "Hide solution";
  }, { signal });

  const confirm = $("[data-confirm]");
  buttons.reset.addEventListener("click", () => {
    confirm.hidden = false;
    /** @type {HTMLElement} */ (confirm.querySelector('[data-action="cancel-reset"]')).focus();
  }, { signal });
  confirm.addEventListener("click", (event) => {
    const action = /** @type {HTMLElement} */ (event.target).closest("[data-action]")?.getAttribute("data-action");
    if (action === "confirm-reset") {
      editor.setValue(data.starter);
      record = store.update(id, () => ({ draft: data.starter }));
      feedback.textContent = "Your code was reset to the starter code.";
    }
    if (action === "confirm-reset" || action === "cancel-reset") {
      confirm.hidden = true;
      buttons.reset.focus();
    }
  }, { signal });

  // Another tab changed this exercise: show its status; adopt its draft unless we are typing.
  const unsubscribe = store.subscribe((changed) => {
    if (changed !== id) return;
    record = store.read(id);
    if (saveTimer === undefined && record.draft !== null && record.draft !== editor.getValue()) {
      editor.setValue(record.draft);
    }
    showState();
  });
  const stopWatching = runtime.subscribe((status) => renderLoading($("[data-loading]"), status));
  el.addEventListener("focusin", () => runtime.start(), { signal, once: true });
  signal.addEventListener("abort", () => {
    if (saveTimer !== undefined) saveDraft();
    unsubscribe();
    stopWatching();
    editor.destroy();
  });
  window.addEventListener("pagehide", () => { if (saveTimer !== undefined) saveDraft(); }, { signal });
  showState();
}
