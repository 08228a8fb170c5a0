// @ts-check
/**
 * The lock of the profile in use, on the progress page: set it (after saying plainly what it
 * covers, what stays readable, and that a forgotten passphrase loses the locked words, with
 * the export offered first), unlock it, lock it now, choose the quiet period, change the
 * passphrase, remove it, or, when the passphrase is forgotten, remove it with the locked
 * words. Every result is said in one live region below the controls, which stays across redraws.
 */
import { ATTR } from "../contract.js";
import { DEFAULT_IDLE_MINUTES, IDLE_CHOICES, MIN_PASSPHRASE_LENGTH } from "../lock.js";
import { t, tn } from "../i18n.js";
import { button, h, keepingFocus, status } from "./dom.js";
import { unlockForm } from "./unlock-form.js";

/** @typedef {import("../store.js").Store} Store */

/** @param {string} id @param {string} text */
const passphraseField = (id, text) => {
  const input = /** @type {HTMLInputElement} */ (h("input", { type: "password", id, autocomplete: "new-password", class: "therapon-passphrase" }));
  return { input, field: h("div", { class: "therapon-field" }, [h("label", { for: id }, [text]), input]) };
};

/** @param {string} id @param {number} chosen */
const quietChoice = (id, chosen) => {
  const select = /** @type {HTMLSelectElement} */ (h("select", { id, class: "therapon-select" },
    IDLE_CHOICES.map((m) => h("option", { value: String(m) }, [tn("lock.minutes", m)]))));
  select.value = String(chosen);
  return { select, field: h("div", { class: "therapon-field" }, [h("label", { for: id }, [t("lock.quietLabel")]), select]) };
};

/** @param {HTMLElement} node @param {string} key */
const focusKey = (node, key) => { node.dataset.focusKey = key; return node; };

/**
 * @param {HTMLElement} el
 * @param {{store: Store, signal: AbortSignal}} context
 */
export function mount(el, { store, signal }) {
  const content = h("div", { class: "therapon-lock-controls" });
  const feedback = status();
  const say = (/** @type {string} */ text) => { feedback.textContent = text; };
  let busy = false;
  /** @type {"" | "remove" | "forget"} */
  let confirming = "";

  /**
   * Run a slow step (a key is derived: about a second) once, with the button saying it is busy.
   * @param {HTMLElement} control @param {string} working @param {() => Promise<void>} step
   */
  const slow = async (control, working, step) => {
    if (busy) return;
    busy = true;
    control.setAttribute("aria-disabled", "true");
    say(working);
    try { await step(); } finally {
      busy = false;
      control.removeAttribute("aria-disabled");
    }
  };

  /** Two passphrase fields that must agree. @param {HTMLInputElement} first @param {HTMLInputElement} again */
  const agreed = (first, again) => {
    if (first.value.length < MIN_PASSPHRASE_LENGTH) {
      say(t("lock.tooShort", { count: MIN_PASSPHRASE_LENGTH }));
      first.focus();
      return false;
    }
    if (first.value !== again.value) {
      say(t("lock.notSame"));
      again.focus();
      return false;
    }
    return true;
  };

  const render = () => {
    const { active, list } = store.profiles();
    const name = list.find((p) => p.id === active)?.name ?? t("lock.thisProfile");
    const state = store.lockState();
    const readable = h("p", {}, [t("lock.readable")]);
    const forget = () => confirming === "forget"
      ? h("div", { class: "therapon-confirm", "data-lock-confirm": "" }, [
        h("span", {}, [t("lock.forgetConfirm", { name })]),
        focusKey(button(t("lock.forgetButton"), () => {
          confirming = "";
          store.forgetLock();
          say(t("lock.forgotten", { name }));
        }, signal), "lock-main"),
        focusKey(button(t("common.cancel"), () => { confirming = ""; keepingFocus(content, render); say(t("lock.nothingChanged")); }, signal), "lock-forgot"),
      ])
      : focusKey(button(t("lock.forgot"), () => {
        confirming = "forget";
        keepingFocus(content, render);
        /** @type {HTMLElement | null} */ (content.querySelector("[data-lock-confirm] button"))?.focus();
      }, signal), "lock-forgot");

    if (!state.locked) {
      const first = passphraseField("therapon-lock-new", t("lock.newFor", { name, count: MIN_PASSPHRASE_LENGTH }));
      const again = passphraseField("therapon-lock-again", t("lock.again"));
      const quiet = quietChoice("therapon-lock-idle", DEFAULT_IDLE_MINUTES);
      const lock = focusKey(button(t("lock.lockButton", { name }), () => {
        if (!agreed(first.input, again.input)) return;
        slow(lock, t("lock.locking"), async () => {
          const done = await store.setLock(first.input.value, Number(quiet.select.value));
          say(done ? t("lock.set", { name, minutes: quiet.select.value }) : t("lock.notSet"));
        });
      }, signal, true), "lock-main");
      const exportFirst = button(t("lock.exportFirst"), () => {
        const field = /** @type {HTMLElement | null} */ (document.getElementById("therapon-export-passphrase"));
        field?.scrollIntoView({ block: "center" });
        field?.focus();
        say(t("lock.exportHow"));
      }, signal);
      content.replaceChildren(
        h("p", {}, [t("lock.explain", { name })]),
        readable,
        h("p", { class: "therapon-lock-warning" }, [h("strong", {}, [t("lock.warning")]), t("lock.warningMore")]),
        h("div", { class: "therapon-actions" }, [exportFirst]),
        first.field, again.field, quiet.field,
        h("div", { class: "therapon-actions" }, [lock]),
      );
    } else if (state.bad) {
      content.replaceChildren(
        h("p", {}, [t("lock.bad", { name })]),
        h("div", { class: "therapon-actions" }, [forget()]),
      );
    } else if (!state.open) {
      const ask = unlockForm({ store, signal, idPrefix: "therapon-lock", name, onUnlocked: () => say(t("lock.unlocked", { name })) });
      const unlockButton = /** @type {HTMLElement} */ (ask.form.querySelector("button"));
      focusKey(unlockButton, "lock-main");
      content.replaceChildren(
        h("p", {}, [t("lock.closed", { name })]),
        readable,
        ask.form,
        h("div", { class: "therapon-actions" }, [forget()]),
      );
    } else {
      const quiet = quietChoice("therapon-lock-idle", state.idleMinutes);
      quiet.select.addEventListener("change", () => {
        say(store.setIdleMinutes(Number(quiet.select.value))
          ? tn("lock.quietSaved", Number(quiet.select.value), { name })
          : t("lock.quietNotSaved"));
      }, { signal });
      const first = passphraseField("therapon-lock-change", t("lock.newPassphrase"));
      const again = passphraseField("therapon-lock-change-again", t("lock.newAgain"));
      const change = focusKey(button(t("lock.change"), () => {
        if (!agreed(first.input, again.input)) return;
        slow(change, t("lock.changing"), async () => {
          const done = await store.changePassphrase(first.input.value);
          say(done ? t("lock.changed", { name }) : t("lock.notChanged"));
        });
      }, signal), "lock-change");
      const remove = confirming === "remove"
        ? h("div", { class: "therapon-confirm", "data-lock-confirm": "" }, [
          h("span", {}, [t("lock.removeConfirm", { name })]),
          button(t("lock.removeYes"), () => slow(remove, t("lock.removing"), async () => {
            confirming = "";
            say(await store.removeLock() ? t("lock.removed", { name }) : t("lock.notRemoved"));
          }), signal),
          focusKey(button(t("common.cancel"), () => { confirming = ""; keepingFocus(content, render); say(t("lock.stays")); }, signal), "lock-remove"),
        ])
        : focusKey(button(t("lock.remove"), () => {
          confirming = "remove";
          keepingFocus(content, render);
          /** @type {HTMLElement | null} */ (content.querySelector("[data-lock-confirm] button"))?.focus();
        }, signal), "lock-remove");
      content.replaceChildren(
        h("p", {}, [tn("lock.open", state.idleMinutes, { name })]),
        h("div", { class: "therapon-actions" }, [focusKey(button(t("lock.now"), () => {
          store.lockAll();
          say(t("lock.nowDone", { name }));
        }, signal, true), "lock-main")]),
        quiet.field,
        first.field, again.field,
        h("div", { class: "therapon-actions" }, [change]),
        h("div", { class: "therapon-actions" }, [remove]),
      );
    }
    el.setAttribute(ATTR.ready, "");
  };
  el.replaceChildren(content, feedback);
  render();
  const unsubscribe = store.subscribe((id) => {
    if (id !== "lock" && id !== "*") return;
    if (id === "*") confirming = "";
    keepingFocus(content, render);
  });
  signal.addEventListener("abort", () => unsubscribe());
}
