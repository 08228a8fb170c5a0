// @ts-check
/**
 * Partner practice: record who listened (the "therapist") and who spoke (the "client") this
 * time, and suggest whose turn it is to listen next. Names are the profiles' names, chosen
 * on this device; they are rendered as text and never leave it.
 */
import { nextListener } from "../turns.js";
import { button, h, keepingFocus } from "./dom.js";

/** @typedef {import("../store.js").Store} Store */

/**
 * @param {HTMLElement} el  the exercise
 * @param {{store: Store, signal: AbortSignal, config: {siteRoot: URL}}} context
 */
export function mount(el, { store, signal, config }) {
  const box = /** @type {HTMLElement | null} */ (el.querySelector("[data-partner-turn]"));
  if (!box) return;
  const exerciseId = el.dataset.exercise || "";
  const say = h("p", { class: "therapon-turn__status", role: "status", "aria-live": "polite" });

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
        const input = h("input", { type: "radio", name: group, id, value: `${listener.id} ${speaker.id}` });
        options.push(h("div", { class: "therapon-option" }, [
          input, h("label", { for: id }, [`${listener.name} listened, ${speaker.name} spoke`]),
        ]));
      }
    }
    const fieldset = h("fieldset", { class: "therapon-choice" }, [h("legend", {}, ["Who listened this time?"]), ...options]);
    const save = button("Save our turn", () => {
      const chosen = /** @type {HTMLInputElement | null} */ (fieldset.querySelector("input:checked"));
      if (!chosen) {
        say.textContent = "Choose who listened and who spoke, then save.";
        return;
      }
      const [listener, speaker] = chosen.value.split(" ");
      store.addTurn({ exercise: exerciseId, listener, speaker, at: Date.now() });
      const after = nextListener(store.turns(), store.profiles().list);
      say.textContent = `Saved: ${name(listener)} listened and ${name(speaker)} spoke.` +
        (after ? ` Next time, it's ${after.name}'s turn to listen.` : "");
    }, signal);
    save.dataset.focusKey = "save-turn";
    const hint = next ? h("p", { class: "therapon-turn__next", "data-next-listener": next.id }, [
      `Whose turn is it to listen? The course suggests ${next.name}.`]) : "";
    box.replaceChildren(hint, fieldset, h("div", { class: "therapon-actions" }, [save]), say);
  };

  render();
  // Saving a turn redraws the box (the suggestion changes): focus stays on Save, and the
  // result is announced by `say`, a polite live region.
  const unsubscribe = store.subscribe((id) => { if (id === "*") keepingFocus(box, render); });
  signal.addEventListener("abort", () => unsubscribe());
}
