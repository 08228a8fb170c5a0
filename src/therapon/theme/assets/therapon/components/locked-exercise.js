// @ts-check
/**
 * An exercise of a locked profile: its title, prompt and status stay (they are the course's,
 * or in clear by design), and in place of the answer, "This answer is locked" with an Unlock
 * control that asks the passphrase right here. No box is shown that could be typed into and
 * saved over the locked words, and whatever the page held of them is wiped first. When the
 * signal aborts (the profile was unlocked, or the page changed), the exercise is put back as
 * it was built, for its own component to mount.
 */
import { ATTR, SELECTOR } from "../contract.js";
import { t } from "../i18n.js";
import { renderStatus } from "./common.js";
import { button, h } from "./dom.js";
import { unlockForm } from "./unlock-form.js";

/** @typedef {import("../store.js").Store} Store */

/** What stays visible: the exercise's title and prompt (and its data, which is never shown). */
const KEPT = ".therapon-title, .therapon-prompt, template";

/**
 * @param {HTMLElement} el
 * @param {{store: Store, signal: AbortSignal}} context
 */
export function mountLocked(el, { store, signal }) {
  const id = el.getAttribute(ATTR.exercise) || "";
  renderStatus(el, store.read(id).status);
  el.dataset.locked = "";
  // Nothing of the words stays in the page: boxes go back to what the page was built with
  // (empty, or the starter code), choices to none chosen.
  for (const box of /** @type {NodeListOf<HTMLTextAreaElement>} */ (el.querySelectorAll("textarea"))) box.value = box.defaultValue;
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (el.querySelectorAll("input"))) input.checked = input.defaultChecked;
  const hidden = /** @type {HTMLElement[]} */ (Array.from(el.children)).filter((child) => !child.matches(KEPT) && !child.hidden);
  for (const child of hidden) child.hidden = true;

  const { active, list } = store.profiles();
  const name = list.find((p) => p.id === active)?.name ?? t("lock.thisProfile");
  const panel = h("div", { class: "therapon-locked", "data-lock-panel": "" });
  if (store.lockState().open) {
    // Unlocked, yet this one record would not open: it stays as it is.
    panel.append(h("p", {}, [h("strong", {}, [t("locked.title")]), t("locked.broken")]));
  } else {
    const ask = unlockForm({
      store, signal, idPrefix: `${el.id}-lock`, name,
      onUnlocked: () => {
        // The exercise has been mounted again by now, with its words: go to them, and say so.
        const target = /** @type {HTMLElement | null} */ (el.querySelector(`${SELECTOR.response}, ${SELECTOR.entry}, .cm-content, fieldset input, button:not([hidden])`));
        target?.focus();
        const feedback = el.querySelector(SELECTOR.feedback);
        if (feedback) feedback.textContent = t("locked.unlocked", { name });
      },
    });
    ask.form.hidden = true;
    const open = button(t("locked.unlock"), () => {
      open.hidden = true;
      ask.form.hidden = false;
      ask.focus();
    }, signal, true);
    panel.append(
      h("p", {}, [h("strong", {}, [t("locked.title")]), t("locked.protected", { name })]),
      h("div", { class: "therapon-actions" }, [open]),
      ask.form,
    );
  }
  const before = el.querySelector(`template${SELECTOR.exerciseData}`);
  el.insertBefore(panel, before);
  signal.addEventListener("abort", () => {
    panel.remove();
    for (const child of hidden) child.hidden = false;
    delete el.dataset.locked;
  }, { once: true });
}
