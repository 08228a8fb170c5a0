// @ts-check
/**
 * The passphrase asked in place: a labelled field and an Unlock button, with the result in a
 * polite live region beside them. A wrong passphrase is refused in plain words, and the
 * button then waits (1 s, 2 s, 4 s…), saying so on itself; it stays focusable meanwhile
 * (aria-disabled), so keyboard focus is never thrown to the page.
 */
import { t, tn } from "../i18n.js";
import { button, h } from "./dom.js";

/** @typedef {import("../store.js").Store} Store */

/**
 * @param {{store: Store, signal: AbortSignal, idPrefix: string, name: string, onUnlocked: () => void}} context
 * @returns {{form: HTMLElement, focus: () => void}}
 */
export function unlockForm({ store, signal, idPrefix, name, onUnlocked }) {
  const id = `${idPrefix}-passphrase`;
  const input = /** @type {HTMLInputElement} */ (h("input", { type: "password", id, autocomplete: "current-password", class: "therapon-passphrase" }));
  const say = h("p", { class: "therapon-feedback", role: "status", "aria-live": "polite", "data-lock-status": "" });
  const label = t("unlock.button", { name });
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let timer;
  let busy = false;
  const go = button(label, () => submit(), signal, true);

  /** @param {number} until */
  const waitUntil = (until) => {
    clearInterval(timer);
    const tick = () => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left <= 0) {
        clearInterval(timer);
        go.removeAttribute("aria-disabled");
        go.textContent = label;
        return;
      }
      go.setAttribute("aria-disabled", "true");
      go.textContent = t("unlock.wait", { label, seconds: left });
    };
    tick();
    timer = setInterval(tick, 250);
  };
  signal.addEventListener("abort", () => clearInterval(timer));

  async function submit() {
    if (busy || go.getAttribute("aria-disabled") === "true") return;
    if (!input.value) {
      say.textContent = t("unlock.empty");
      input.focus();
      return;
    }
    busy = true;
    go.setAttribute("aria-disabled", "true");
    say.textContent = t("unlock.checking");
    try {
      const result = await store.unlock(input.value);
      if (signal.aborted && !result.ok) return;
      if (result.ok) {
        input.value = "";
        say.textContent = "";
        onUnlocked();
      } else if (result.bad) {
        say.textContent = t("unlock.bad", { name });
      } else {
        const seconds = Math.ceil(result.waitMs / 1000);
        say.textContent = (result.wrong ? t("unlock.wrong", { name }) : "") +
          (seconds > 0 ? tn("unlock.later", seconds) : t("unlock.tryAgain"));
        input.select();
        if (result.waitMs > 0) return waitUntil(Date.now() + result.waitMs);
      }
    } finally {
      busy = false;
      if (!timer || go.textContent === label) go.removeAttribute("aria-disabled");
    }
  }

  const form = h("form", { class: "therapon-unlock", "data-unlock": "" }, [
    h("label", { for: id }, [t("unlock.label", { name })]),
    input,
    h("div", { class: "therapon-actions" }, [go]),
    say,
  ]);
  form.addEventListener("submit", (event) => { event.preventDefault(); submit(); }, { signal });
  const { retryAt } = store.lockState();
  if (retryAt > Date.now()) waitUntil(retryAt);
  return { form, focus: () => input.focus() };
}
