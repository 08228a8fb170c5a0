// @ts-check
/**
 * What every exercise kind shares: its record in the store (kept in step with other tabs),
 * the status badge, hints, the solution's reveal policy, Reset with a confirmation, busy
 * buttons, and a draft that saves itself as the learner types.
 */
import { ACTION, ATTR, SELECTOR, STATUS } from "../contract.js";
import { actionSelector } from "./dom.js";
import { t } from "../i18n.js";
import { readData, renderStatus } from "./common.js";

/** @typedef {import("../store.js").Store} Store */
/** @typedef {import("../records.js").ExerciseRecord} ExerciseRecord */

const DRAFT_SAVE_DELAY_MS = 300;

/**
 * @param {HTMLElement} el
 * @param {{store: Store, signal: AbortSignal}} context
 */
export function createExercise(el, { store, signal }) {
  const id = el.getAttribute(ATTR.exercise) || "";
  const data = readData(el);
  let record = store.read(id);
  const find = (/** @type {string} */ selector) => /** @type {HTMLElement | null} */ (el.querySelector(selector));
  const hints = /** @type {HTMLElement[]} */ (Array.from(el.querySelectorAll(`${SELECTOR.hints} > li`)));
  const hintButton = find(actionSelector(ACTION.hint));
  const solutionButton = find(actionSelector(ACTION.solution));
  const solutionBox = find(SELECTOR.solution);
  /** @type {Set<() => void>} */
  const externalListeners = new Set();

  const solutionAllowed = () => {
    if (data.reveal === "always") return true;
    if (data.reveal === "after-passing") return record.status === STATUS.passed;
    if (data.reveal === "after-attempts") {
      return record.attempts >= data.revealAfterAttempts || record.status === STATUS.passed;
    }
    return false;
  };

  const show = () => {
    renderStatus(el, record.status);
    hints.forEach((hint, index) => { hint.hidden = index >= record.hintsShown; });
    if (hintButton) hintButton.hidden = record.hintsShown >= hints.length;
    if (solutionButton) solutionButton.hidden = !solutionAllowed();
  };

  hintButton?.addEventListener("click", () => {
    record = store.update(id, (r) => ({ hintsShown: Math.min(r.hintsShown + 1, hints.length) }));
    show();
    const hint = hints[record.hintsShown - 1];
    hint?.setAttribute("tabindex", "-1");
    hint?.focus();
  }, { signal });

  solutionButton?.addEventListener("click", () => {
    if (!solutionBox) return;
    solutionBox.hidden = !solutionBox.hidden;
    solutionButton.textContent = solutionBox.hidden ? t("exercise.showSolution") : t("exercise.hideSolution");
  }, { signal });

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let saveTimer;
  /** @type {(() => string) | undefined} */
  let readDraft;
  const saveDraft = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    if (!readDraft) return;
    const draft = readDraft();
    if (draft !== record.words.draft) record = store.update(id, () => ({ words: { draft } }));
  };

  // Another tab, a profile switch or an import changed this exercise ("*": maybe everything).
  const unsubscribe = store.subscribe((changed) => {
    if (changed !== id && changed !== "*") return;
    record = store.read(id);
    show();
    for (const listener of externalListeners) listener();
  });
  signal.addEventListener("abort", () => {
    if (saveTimer !== undefined) saveDraft();
    unsubscribe();
  });
  window.addEventListener("pagehide", () => { if (saveTimer !== undefined) saveDraft(); }, { signal });
  // A button marked aria-disabled (busy) does nothing: its click stops here, before its own listener.
  el.addEventListener("click", (event) => {
    const target = /** @type {Element} */ (event.target);
    if (target.closest?.('[aria-disabled="true"]')) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, { signal, capture: true });

  return {
    id,
    data,
    el,
    feedback: /** @type {HTMLElement} */ (find(SELECTOR.feedback)),
    get record() { return record; },
    /** Whether the learner is typing and the draft is not saved yet. */
    get typing() { return saveTimer !== undefined; },
    /** @param {(record: ExerciseRecord) => Partial<ExerciseRecord>} change */
    update(change) {
      record = store.update(id, change);
      show();
      return record;
    },
    show,
    /**
     * Save the draft a short while after each change; `read` returns the current text.
     * @param {() => string} read
     */
    autosave(read) {
      readDraft = read;
      return () => {
        clearTimeout(saveTimer);
        saveTimer = setTimeout(saveDraft, DRAFT_SAVE_DELAY_MS);
      };
    },
    saveDraft,
    /** @param {() => void} listener  called when the record changed elsewhere (tab, profile, import) */
    onExternalChange(listener) { externalListeners.add(listener); },
    /**
     * While Python works, the buttons say they are unavailable but stay focusable
     * (aria-disabled, not disabled): a disabled button would drop keyboard focus to the page.
     * After Check, focus stays on the button and the result is announced by the feedback,
     * a polite live region (role="status"), as for every kind.
     * @param {boolean} busy @param {HTMLElement[]} buttons
     */
    setBusy(busy, buttons) {
      for (const button of buttons) {
        if (busy) button.setAttribute("aria-disabled", "true");
        else button.removeAttribute("aria-disabled");
      }
      el.toggleAttribute("aria-busy", busy);
    },
    /**
     * Reset asks first, in the page (no browser dialog), then calls `confirmed`.
     * @param {() => void} confirmed
     */
    onReset(confirmed) {
      const reset = /** @type {HTMLElement} */ (find(actionSelector(ACTION.reset)));
      const confirm = /** @type {HTMLElement} */ (find(SELECTOR.confirm));
      reset.addEventListener("click", () => {
        confirm.hidden = false;
        /** @type {HTMLElement} */ (confirm.querySelector(actionSelector(ACTION.cancelReset))).focus();
      }, { signal });
      confirm.addEventListener("click", (event) => {
        const target = /** @type {HTMLElement} */ (event.target);
        const action = target.closest(SELECTOR.action)?.getAttribute(ATTR.action);
        if (action === ACTION.confirmReset) confirmed();
        if (action === ACTION.confirmReset || action === ACTION.cancelReset) {
          confirm.hidden = true;
          reset.focus();
        }
      }, { signal });
    },
  };
}

/** @typedef {ReturnType<typeof createExercise>} ExerciseHandle */
