// @ts-check
/**
 * The `reflection` exercise: a journal entry, saved as it is typed and never graded. One rule
 * makes it done, and the page states it under the box: press Mark as done (after the author's
 * minimum number of words, if there is one). A partner practice done as a couple is done when
 * its turn is saved instead. With no minimum, no word count is shown at all: some prompts are
 * too tender to be measured. The learner can copy the entry or download it; nothing is sent.
 */
import { ACTION, SELECTOR, STATUS } from "../contract.js";
import { actionSelector } from "./dom.js";
import { t, tn } from "../i18n.js";
import { MAX_DRAFT_LENGTH } from "../records.js";
import { createExercise } from "./exercise.js";
import { fullBox } from "./text-exercise.js";

/** @param {string} text */
export const countWords = (text) => (text.trim().match(/\S+/g) ?? []).length;

/**
 * @param {HTMLElement} el
 * @param {{store: import("../store.js").Store, signal: AbortSignal}} context
 */
export function mount(el, { store, signal }) {
  const exercise = createExercise(el, { store, signal });
  const { data, feedback } = exercise;
  const entry = /** @type {HTMLTextAreaElement} */ (el.querySelector(SELECTOR.entry));
  const counter = /** @type {HTMLElement} */ (el.querySelector(SELECTOR.wordCount));
  const done = /** @type {HTMLElement} */ (el.querySelector(actionSelector(ACTION.done)));
  const $action = (/** @type {string} */ name) => /** @type {HTMLElement} */ (el.querySelector(actionSelector(name)));
  if (exercise.record.words.draft !== null) entry.value = exercise.record.words.draft;
  // Longer entries could not be read back, so the box itself stops there, and says so.
  entry.maxLength = MAX_DRAFT_LENGTH;

  const rule = /** @type {HTMLElement} */ (el.querySelector(SELECTOR.doneRule));
  const byTurn = () => data.partnerPractice && store.profiles().list.length > 1;
  const wordsLeft = () => Math.max(data.minWords - countWords(entry.value), 0);

  const refresh = () => {
    const words = countWords(entry.value);
    const passed = exercise.record.status === STATUS.passed;
    counter.hidden = data.minWords === 0;
    counter.textContent = passed || words >= data.minWords
      ? tn("reflection.words", words) : t("reflection.wordsOf", { count: words, minimum: data.minWords });
    done.hidden = passed || byTurn();
    rule.textContent = passed ? t("reflection.ruleDone")
      : byTurn() ? t("reflection.ruleTurn")
        : data.minWords > 0 ? t("reflection.ruleMinimum", { minimum: data.minWords })
          : t("reflection.rule");
  };
  const save = exercise.autosave(() => entry.value);
  entry.addEventListener("input", () => {
    save();
    if (countWords(entry.value) > 0 && exercise.record.status === STATUS.new) exercise.update(() => ({ status: STATUS.attempted }));
    if (entry.value.length >= MAX_DRAFT_LENGTH) feedback.textContent = fullBox();
    refresh();
  }, { signal });

  done.addEventListener("click", () => {
    exercise.saveDraft();
    const left = wordsLeft();
    if (left > 0) {
      feedback.textContent = tn("reflection.moreWords", left, { minimum: data.minWords });
      entry.focus();
      return;
    }
    exercise.update(() => ({ status: STATUS.passed }));
    feedback.textContent = data.partnerPractice ? t("reflection.doneShared") : t("reflection.done");
    refresh();
    entry.focus();
  }, { signal });

  $action(ACTION.copy).addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(entry.value);
      feedback.textContent = t("reflection.copied");
    } catch {
      feedback.textContent = t("reflection.copyRefused");
    }
  }, { signal });

  $action(ACTION.download).addEventListener("click", () => {
    const title = el.querySelector(".therapon-title")?.firstChild?.textContent?.trim() || exercise.id;
    const body = `${title}\n\n${entry.value}\n`;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([body], { type: "text/plain;charset=utf-8" }));
    link.download = `${exercise.id}.txt`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    feedback.textContent = t("reflection.downloaded", { file: `${exercise.id}.txt` });
  }, { signal });

  exercise.onExternalChange(() => {
    if (!exercise.typing) entry.value = exercise.record.words.draft ?? "";
    refresh();
  });
  // A profile added or switched may change the rule (a couple finishes by saving a turn).
  const unsubscribe = store.subscribe((id) => { if (id === "*") refresh(); });
  signal.addEventListener("abort", () => unsubscribe());
  exercise.show();
  refresh();
}
