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
    IDLE_CHOICES.map((m) => h("option", { value: String(m) }, [m === 1 ? "1 minute" : `${m} minutes`]))));
  select.value = String(chosen);
  return { select, field: h("div", { class: "therapon-field" }, [h("label", { for: id }, ["Lock again after this many quiet minutes"]), select]) };
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
      say(`Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters. A few words you will remember work well.`);
      first.focus();
      return false;
    }
    if (first.value !== again.value) {
      say("The two passphrases are not the same. Write it once more in the second box.");
      again.focus();
      return false;
    }
    return true;
  };

  const render = () => {
    const { active, list } = store.profiles();
    const name = list.find((p) => p.id === active)?.name ?? "this profile";
    const state = store.lockState();
    const readable = h("p", {}, ["Without the passphrase, anyone using this browser can still see the profile names, which exercises are done or in progress, " +
      "how many tries and hints were used, the turns you saved, and the notes of partner practice: those belong to both of you, so they are never locked."]);
    const forget = () => confirming === "forget"
      ? h("div", { class: "therapon-confirm", "data-lock-confirm": "" }, [
        h("span", {}, [`This removes the lock and deletes ${name}'s locked words for good. What is done stays done.`]),
        focusKey(button("Remove lock and delete locked words", () => {
          confirming = "";
          store.forgetLock();
          say(`The lock is removed and ${name}'s locked words are deleted.`);
        }, signal), "lock-main"),
        focusKey(button("Cancel", () => { confirming = ""; keepingFocus(content, render); say("Nothing was changed."); }, signal), "lock-forgot"),
      ])
      : focusKey(button("Forgot the passphrase?", () => {
        confirming = "forget";
        keepingFocus(content, render);
        /** @type {HTMLElement | null} */ (content.querySelector("[data-lock-confirm] button"))?.focus();
      }, signal), "lock-forgot");

    if (!state.locked) {
      const first = passphraseField("therapon-lock-new", `New passphrase for ${name} (at least ${MIN_PASSPHRASE_LENGTH} characters)`);
      const again = passphraseField("therapon-lock-again", "The same passphrase again");
      const quiet = quietChoice("therapon-lock-idle", DEFAULT_IDLE_MINUTES);
      const lock = focusKey(button(`Lock ${name}'s answers`, () => {
        if (!agreed(first.input, again.input)) return;
        slow(lock, "Locking… this takes a moment.", async () => {
          const done = await store.setLock(first.input.value, Number(quiet.select.value));
          say(done ? `${name}'s answers are locked. They stay open in this tab until you press Lock now, leave it quiet for ` +
            `${quiet.select.value} minutes, hide it for a while or switch profile.` : "The lock could not be set. Nothing was changed.");
        });
      }, signal, true), "lock-main");
      const exportFirst = button("Export a copy first", () => {
        const field = /** @type {HTMLElement | null} */ (document.getElementById("therapon-export-passphrase"));
        field?.scrollIntoView({ block: "center" });
        field?.focus();
        say("Choose a passphrase for the file (or leave it empty), then press Export my progress. Keep the file somewhere private.");
      }, signal);
      content.replaceChildren(
        h("p", {}, [`Lock ${name}'s answers with a passphrase of your own. Then everything ${name} writes here (answers, reflections, code) ` +
          "is saved encrypted in this browser, and shown only after the passphrase is given on this device."]),
        readable,
        h("p", { class: "therapon-lock-warning" }, [h("strong", {}, ["If you forget the passphrase, the locked words are lost."]),
          " Nobody can open them: not this course, not an export. If you want a copy you can always open, export one first."]),
        h("div", { class: "therapon-actions" }, [exportFirst]),
        first.field, again.field, quiet.field,
        h("div", { class: "therapon-actions" }, [lock]),
      );
    } else if (state.bad) {
      content.replaceChildren(
        h("p", {}, [`${name}'s lock could not be read, so the locked words can't be opened here. They are kept exactly as they are. ` +
          "If you have a progress file exported before, importing it brings the lock back."]),
        h("div", { class: "therapon-actions" }, [forget()]),
      );
    } else if (!state.open) {
      const ask = unlockForm({ store, signal, idPrefix: "therapon-lock", name, onUnlocked: () => say(`Unlocked: ${name}'s answers are shown in this tab.`) });
      const unlockButton = /** @type {HTMLElement} */ (ask.form.querySelector("button"));
      focusKey(unlockButton, "lock-main");
      content.replaceChildren(
        h("p", {}, [`${name}'s answers are locked. Give the passphrase to read or change them in this tab.`]),
        readable,
        ask.form,
        h("div", { class: "therapon-actions" }, [forget()]),
      );
    } else {
      const quiet = quietChoice("therapon-lock-idle", state.idleMinutes);
      quiet.select.addEventListener("change", () => {
        say(store.setIdleMinutes(Number(quiet.select.value))
          ? `${name}'s answers now lock again after ${quiet.select.value} quiet ${quiet.select.value === "1" ? "minute" : "minutes"}.`
          : "The quiet time could not be saved.");
      }, { signal });
      const first = passphraseField("therapon-lock-change", "New passphrase");
      const again = passphraseField("therapon-lock-change-again", "The same new passphrase again");
      const change = focusKey(button("Change passphrase", () => {
        if (!agreed(first.input, again.input)) return;
        slow(change, "Changing the passphrase… this takes a moment.", async () => {
          const done = await store.changePassphrase(first.input.value);
          say(done ? `The passphrase is changed. Use the new one from now on to unlock ${name}'s answers.` : "The passphrase could not be changed. The old one still works.");
        });
      }, signal), "lock-change");
      const remove = confirming === "remove"
        ? h("div", { class: "therapon-confirm", "data-lock-confirm": "" }, [
          h("span", {}, [`Remove the lock? ${name}'s words are then saved as plain text in this browser again, readable by anyone who uses it.`]),
          button("Yes, remove the lock", () => slow(remove, "Removing the lock…", async () => {
            confirming = "";
            say(await store.removeLock() ? `The lock is removed. ${name}'s words are no longer locked.` : "The lock could not be removed. Nothing was changed.");
          }), signal),
          focusKey(button("Cancel", () => { confirming = ""; keepingFocus(content, render); say("The lock stays."); }, signal), "lock-remove"),
        ])
        : focusKey(button("Remove lock", () => {
          confirming = "remove";
          keepingFocus(content, render);
          /** @type {HTMLElement | null} */ (content.querySelector("[data-lock-confirm] button"))?.focus();
        }, signal), "lock-remove");
      content.replaceChildren(
        h("p", {}, [`${name}'s answers are locked, and open in this tab now. They lock again after ${state.idleMinutes} quiet ` +
          `${state.idleMinutes === 1 ? "minute" : "minutes"}, when this tab is hidden for a while, when you switch profile, ` +
          "or when you press Lock now, which locks every tab of this course."]),
        h("div", { class: "therapon-actions" }, [focusKey(button("Lock now", () => {
          store.lockAll();
          say(`${name}'s answers are locked.`);
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
