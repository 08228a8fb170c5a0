// @ts-check
/**
 * The `reflection` exercise: a private journal entry, saved as it is typed and never graded.
 * It is done when the learner says so, or writes the author's minimum number of words.
 * The learner can copy it or download it as a text file; nothing is sent anywhere.
 */
import { MAX_DRAFT_LENGTH } from "../records.js";
import { createExercise } from "./exercise.js";
import { FULL_BOX } from "./text-exercise.js";

/** @param {string} text */
export const countWords = (text) => (text.trim().match(/\S+/g) ?? []).length;

/**
 * @param {HTMLElement} el
 * @param {{store: import("../store.js").Store, signal: AbortSignal}} context
 */
export function mount(el, { store, signal }) {
  const exercise = createExercise(el, { store, signal });
  const { data, feedback } = exercise;
  const entry = /** @type {HTMLTextAreaElement} */ (el.querySelector("[data-entry]"));
  const counter = /** @type {HTMLElement} */ (el.querySelector("[data-word-count]"));
  const done = /** @type {HTMLElement} */ (el.querySelector('[data-action="done"]'));
  const $action = (/** @type {string} */ name) => /** @type {HTMLElement} */ (el.querySelector(`[data-action="${name}"]`));
  if (exercise.record.draft !== null) entry.value = exercise.record.draft;
  // Longer entries could not be read back, so the box itself stops there, and says so.
  entry.maxLength = MAX_DRAFT_LENGTH;

  const refresh = () => {
    const words = countWords(entry.value);
    const goal = data.minWords > 0 && exercise.record.status !== "passed"
      ? ` (${Math.max(data.minWords - words, 0)} more to finish)` : "";
    counter.textContent = `${words} ${words === 1 ? "word" : "words"}${goal}`;
    done.hidden = exercise.record.status === "passed";
  };
  const save = exercise.autosave(() => entry.value);
  entry.addEventListener("input", () => {
    save();
    const words = countWords(entry.value);
    if (data.minWords > 0 && words >= data.minWords && exercise.record.status !== "passed") {
      exercise.saveDraft();
      exercise.update(() => ({ status: "passed" }));
      feedback.textContent = "That's enough words to count this reflection as done. Keep writing if you like.";
    } else if (words > 0 && exercise.record.status === "new") {
      exercise.update(() => ({ status: "attempted" }));
    }
    if (entry.value.length >= MAX_DRAFT_LENGTH) feedback.textContent = FULL_BOX;
    refresh();
  }, { signal });

  done.addEventListener("click", () => {
    exercise.saveDraft();
    exercise.update(() => ({ status: "passed" }));
    feedback.textContent = "Marked as done. Your reflection stays saved on this device.";
    refresh();
    entry.focus();
  }, { signal });

  $action("copy").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(entry.value);
      feedback.textContent = "Copied. You can paste it wherever you keep your notes.";
    } catch {
      feedback.textContent = "This browser did not allow copying. Select the text in the box and copy it yourself.";
    }
  }, { signal });

  $action("download").addEventListener("click", () => {
    const title = el.querySelector(".therapon-title")?.firstChild?.textContent?.trim() || exercise.id;
    const body = `${title}\n\n${entry.value}\n`;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([body], { type: "text/plain;charset=utf-8" }));
    link.download = `${exercise.id}.txt`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    feedback.textContent = `Downloaded as ${exercise.id}.txt.`;
  }, { signal });

  exercise.onExternalChange(() => {
    if (!exercise.typing) entry.value = exercise.record.draft ?? "";
    refresh();
  });
  exercise.show();
  refresh();
}
