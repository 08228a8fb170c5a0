// @ts-check
/**
 * Partner practice: record who listened (the "therapist") and who spoke (the "client") this
 * time, and suggest whose turn it is to listen next. The practice is the couple's: saving a
 * turn finishes it for every profile, and the turns saved for it are listed for both. Names
 * are the profiles' names, chosen on this device; they are rendered as text and never leave it.
 */
import { ATTR, SELECTOR } from "../contract.js";
import { nextListener } from "../turns.js";
import { formatDate, t, tn, tNodes } from "../i18n.js";
import { button, h, keepingFocus } from "./dom.js";

/** @typedef {import("../store.js").Store} Store */

const SHOWN_TURNS = 6;

/**
 * @param {HTMLElement} el  the exercise
 * @param {{store: Store, signal: AbortSignal, config: {siteRoot: URL}}} context
 */
export function mount(el, { store, signal, config }) {
  const box = /** @type {HTMLElement | null} */ (el.querySelector(SELECTOR.partnerTurn));
  if (!box) return;
  const exerciseId = el.getAttribute(ATTR.exercise) || "";
  const say = h("p", { class: "therapon-turn__status", role: "status", "aria-live": "polite" });
  let picked = "";

  const render = () => {
    const profiles = store.profiles();
    if (profiles.list.length < 2) {
      const link = h("a", { href: new URL("progress/", config.siteRoot).href }, [t("turn.addPartner")]);
      box.replaceChildren(h("p", {}, tNodes("turn.needsTwo", { link })));
      return;
    }
    const name = (/** @type {string} */ id) => profiles.list.find((p) => p.id === id)?.name ?? id;
    const next = nextListener(store.turns(), profiles.list);
    const group = `${el.id}-turn`;
    const options = [];
    for (const listener of profiles.list) {
      for (const speaker of profiles.list) {
        if (listener.id === speaker.id) continue;
        const id = `${group}-${listener.id}-${speaker.id}`;
        const input = /** @type {HTMLInputElement} */ (h("input", { type: "radio", name: group, id, value: `${listener.id} ${speaker.id}` }));
        input.checked = input.value === picked;  // a redraw keeps the choice
        options.push(h("div", { class: "therapon-option" }, [
          input, h("label", { for: id }, [t("turn.option", { listener: listener.name, speaker: speaker.name })]),
        ]));
      }
    }
    const fieldset = h("fieldset", { class: "therapon-choice" }, [h("legend", {}, [t("turn.question")]), ...options]);
    fieldset.addEventListener("change", (event) => { picked = /** @type {HTMLInputElement} */ (event.target).value; }, { signal });
    const save = button(t("turn.save"), () => {
      const chosen = /** @type {HTMLInputElement | null} */ (fieldset.querySelector("input:checked"));
      if (!chosen) {
        say.textContent = t("turn.choose");
        return;
      }
      const [listener, speaker] = chosen.value.split(" ");
      const saved = store.saveTurn({ exercise: exerciseId, listener, speaker, at: Date.now() });
      const pair = t("turn.pair", { listener: name(listener), speaker: name(speaker) });
      const after = nextListener(store.turns(), store.profiles().list);
      const comingUp = after ? t("turn.comingUp", { name: after.name }) : "";
      say.textContent = saved === null ? t("turn.notSaved")
        : saved ? t("turn.saved", { pair, next: comingUp })
          : t("turn.already", { pair });
    }, signal);
    save.dataset.focusKey = "save-turn";
    const hint = next ? h("p", { class: "therapon-turn__next", "data-next-listener": next.id }, [
      t("turn.suggests", { name: next.name })]) : "";
    box.replaceChildren(hint, fieldset, h("div", { class: "therapon-actions" }, [save]), say, savedTurns(name));
  };

  /** The turns saved for this practice, newest first, as both partners see them. @param {(id: string) => string} name */
  const savedTurns = (name) => {
    const mine = store.turns().filter((t) => t.exercise === exerciseId).sort((a, b) => b.at - a.at);
    if (mine.length === 0) return h("p", { class: "therapon-help", "data-saved-turns": "" }, [t("turn.none")]);
    const day = { weekday: "short", day: "numeric", month: "short" };
    const shown = mine.slice(0, SHOWN_TURNS);
    return h("div", { class: "therapon-turn__saved", "data-saved-turns": "" }, [
      h("p", {}, [tn("turn.savedList", mine.length)]),
      h("ul", {}, shown.map((turn) => h("li", {}, [t("turn.savedItem", { day: formatDate(turn.at, /** @type {Intl.DateTimeFormatOptions} */ (day)), listener: name(turn.listener), speaker: name(turn.speaker) })]))),
    ]);
  };

  render();
  // Saving a turn redraws the box (the suggestion changes): focus stays on Save, and the
  // result is announced by `say`, a polite live region.
  const unsubscribe = store.subscribe((id) => { if (id === "*") keepingFocus(box, render); });
  signal.addEventListener("abort", () => unsubscribe());
}
