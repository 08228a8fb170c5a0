// @ts-check
/**
 * Partner practice: record who listened (the "therapist") and who spoke (the "client") this
 * time, and suggest whose turn it is to listen next. The practice is the couple's: saving a
 * turn finishes it for every profile, and the turns saved for it are listed for both. Names
 * are the profiles' names, chosen on this device; they are rendered as text and never leave it.
 */
import { ATTR, SELECTOR } from "../contract.js";
import { nextListener } from "../turns.js";
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
      const link = h("a", { href: new URL("progress/", config.siteRoot).href }, ["add your partner's profile"]);
      box.replaceChildren(h("p", {}, ["This is partner practice. To record who listened and who spoke, ", link,
        " on the progress page."]));
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
          input, h("label", { for: id }, [`${listener.name} listened, ${speaker.name} spoke`]),
        ]));
      }
    }
    const fieldset = h("fieldset", { class: "therapon-choice" }, [h("legend", {}, ["Who listened this time?"]), ...options]);
    fieldset.addEventListener("change", (event) => { picked = /** @type {HTMLInputElement} */ (event.target).value; }, { signal });
    const save = button("Save our turn", () => {
      const chosen = /** @type {HTMLInputElement | null} */ (fieldset.querySelector("input:checked"));
      if (!chosen) {
        say.textContent = "Choose who listened and who spoke, then save.";
        return;
      }
      const [listener, speaker] = chosen.value.split(" ");
      const saved = store.saveTurn({ exercise: exerciseId, listener, speaker, at: Date.now() });
      const pair = `${name(listener)} listened and ${name(speaker)} spoke`;
      const after = nextListener(store.turns(), store.profiles().list);
      const comingUp = after ? ` Next time, it's ${after.name}'s turn to listen.` : "";
      say.textContent = saved === null ? "This turn could not be saved. Your earlier turns are safe."
        : saved ? `Saved: ${pair}. This practice now counts as done for both of you.${comingUp}`
          : `This turn is already saved for today (${pair}), so it was not counted twice.`;
    }, signal);
    save.dataset.focusKey = "save-turn";
    const hint = next ? h("p", { class: "therapon-turn__next", "data-next-listener": next.id }, [
      `Whose turn is it to listen? The course suggests ${next.name}.`]) : "";
    box.replaceChildren(hint, fieldset, h("div", { class: "therapon-actions" }, [save]), say, savedTurns(name));
  };

  /** The turns saved for this practice, newest first, as both partners see them. @param {(id: string) => string} name */
  const savedTurns = (name) => {
    const mine = store.turns().filter((t) => t.exercise === exerciseId).sort((a, b) => b.at - a.at);
    if (mine.length === 0) return h("p", { class: "therapon-help", "data-saved-turns": "" }, ["No turn is saved for this practice yet. Saving one marks it done for both of you."]);
    const day = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { weekday: "short", day: "numeric", month: "short" });
    const shown = mine.slice(0, SHOWN_TURNS);
    return h("div", { class: "therapon-turn__saved", "data-saved-turns": "" }, [
      h("p", {}, [`Saved for this practice (${mine.length === 1 ? "1 turn" : `${mine.length} turns`}):`]),
      h("ul", {}, shown.map((t) => h("li", {}, [`${day.format(t.at)}: ${name(t.listener)} listened, ${name(t.speaker)} spoke`]))),
    ]);
  };

  render();
  // Saving a turn redraws the box (the suggestion changes): focus stays on Save, and the
  // result is announced by `say`, a polite live region.
  const unsubscribe = store.subscribe((id) => { if (id === "*") keepingFocus(box, render); });
  signal.addEventListener("abort", () => unsubscribe());
}
