// @ts-check
/**
 * The other half of overrides/partials/therapon-early-presses.html. That inline script keeps
 * every press on an exercise that is not mounted yet (data-pressed-early) and marks the fields
 * typed in before then (data-edited-early). Here, around mounting, the typed words win over an
 * older saved draft, and each kept press is made again on the mounted exercise, in page order.
 */
import { ATTR, SELECTOR } from "./contract.js";

/** The fields of one exercise the learner typed in before it was mounted, with their words. */
export function earlyEdits(/** @type {HTMLElement} */ el) {
  const fields = /** @type {HTMLInputElement[]} */ (Array.from(el.querySelectorAll(SELECTOR.editedEarly)));
  return fields.map((field) => ({ field, value: field.value, checked: field.checked }));
}

/**
 * After mounting: put back the words typed (or the option picked) early, since mounting may
 * have restored an older draft, and tell the exercise they changed, so that it saves them;
 * then answer each kept press.
 * @param {HTMLElement} el  @param {ReturnType<typeof earlyEdits>} edits
 */
export function answerEarlyPresses(el, edits) {
  for (const { field, value, checked } of edits) {
    field.removeAttribute(ATTR.editedEarly);
    if (field.type === "radio" || field.type === "checkbox") field.checked = checked;
    else field.value = value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }
  const pressed = /** @type {HTMLButtonElement[]} */ (Array.from(el.querySelectorAll(SELECTOR.pressedEarly)));
  for (const button of pressed) {
    button.removeAttribute(ATTR.pressedEarly);
    button.removeAttribute("aria-busy");
    if (!button.disabled && !button.hidden) button.click();
  }
}

/** On an exercise that mounted locked: forget the kept presses and the marks of early typing. */
export function dropEarlyPresses(/** @type {HTMLElement} */ el) {
  for (const marked of el.querySelectorAll(`${SELECTOR.pressedEarly}, ${SELECTOR.editedEarly}`)) {
    marked.removeAttribute(ATTR.pressedEarly);
    marked.removeAttribute(ATTR.editedEarly);
    marked.removeAttribute("aria-busy");
  }
}
