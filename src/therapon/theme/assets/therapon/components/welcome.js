// @ts-check
/**
 * The first visit's one question: is one person using the course on this device, or two who
 * take turns? Then their names, then go. It sits in the page, under the title, so reading is
 * never blocked; it is not a browser dialog and it takes no focus until the learner acts. Once
 * answered or skipped it never comes back by itself; the progress page offers it again.
 * Names are set as text and stay on the device.
 */
import { MAX_NAME_LENGTH } from "../records.js";
import { button, h } from "./dom.js";

/** @typedef {import("../store.js").Store} Store */

let panels = 0;  // ids for each panel's fields, in case the progress page shows a second one

/**
 * The question, as an element. `onClose` runs when the learner has answered or skipped.
 * @param {{store: Store, signal: AbortSignal, config: {siteRoot: URL}, onClose?: () => void}} context
 */
export function welcomePanel({ store, signal, config, onClose }) {
  const uid = `therapon-welcome-${++panels}`;
  const panel = h("section", { class: "therapon-welcome", "data-therapon-welcome": "", "aria-labelledby": `${uid}-title` });
  const said = h("p", { class: "therapon-welcome__said", role: "status", "aria-live": "polite", tabindex: "-1" });
  const progressLink = () => h("a", { href: new URL("progress/", config.siteRoot).href }, ["Your progress"]);
  const title = h("p", { class: "therapon-welcome__title", id: `${uid}-title` }, [
    h("strong", {}, ["Welcome."]), " Who is using the course on this device?"]);

  /** @param {Node[]} body @param {HTMLElement} [focus] */
  const show = (body, focus) => {
    panel.replaceChildren(title, ...body, said);
    focus?.focus();
  };
  /** @param {string} label @param {string} id @param {string} [value] */
  const nameField = (label, id, value = "") => {
    const input = /** @type {HTMLInputElement} */ (h("input", { type: "text", id, maxlength: String(MAX_NAME_LENGTH),
      autocomplete: "off", autocapitalize: "words" }));
    input.value = value;
    return { input, field: h("div", { class: "therapon-field" }, [h("label", { for: id }, [label]), input]) };
  };
  const finish = (/** @type {string} */ answer, /** @type {(Node | string)[]} */ message) => {
    onClose?.();  // first: the answer is saved next, and this panel must stay to say so
    store.answerWelcome(answer);
    panel.replaceChildren(title, said);
    said.replaceChildren(...message);
    said.focus();
  };

  const ask = () => show([
    h("div", { class: "therapon-actions" }, [
      button("Just me", askOne, signal, true),
      button("Two of us, taking turns", askTwo, signal, true),
      button("Not now", () => finish("skipped", ["Fine. If two of you share this device later, add a profile on ",
        progressLink(), "."]), signal),
    ]),
    h("p", { class: "therapon-help" }, ["Two of you? Each gets a profile for their own answers, and the course suggests whose turn it is to listen. You can change this later on ",
      progressLink(), "."]),
  ]);

  const askOne = () => {
    const { profiles } = currentNames();
    const { input, field } = nameField("Your name (optional)", `${uid}-one`, profiles[0] === "Me" ? "" : profiles[0]);
    show([field, h("div", { class: "therapon-actions" }, [
      button("Start", () => {
        const name = input.value.trim();
        if (name && !store.renameProfile(store.profiles().active, name)) return void (said.textContent = "Write a name of 1 to 40 characters, or leave it empty.");
        finish("one", [name ? `Ready, ${name}. Your answers are saved on this device.` : "Ready. Your answers are saved on this device."]);
      }, signal, true),
      button("Back", ask, signal),
    ])], input);
  };

  const askTwo = () => {
    const { profiles } = currentNames();
    const first = nameField("Your name", `${uid}-first`, profiles[0] === "Me" ? "" : profiles[0]);
    const second = nameField("Your partner's name", `${uid}-second`, profiles[1] ?? "");
    show([first.field, second.field, h("div", { class: "therapon-actions" }, [
      button("Start", () => {
        const [a, b] = [first.input.value.trim(), second.input.value.trim()];
        if (!a || !b) {
          said.textContent = "Write both names, so the course can tell whose turn it is.";
          return (a ? second.input : first.input).focus();
        }
        if (a.toLowerCase() === b.toLowerCase()) {
          said.textContent = "Write two different names, so the course can tell you apart.";
          return second.input.focus();
        }
        if (!setUpTwo(store, a, b)) return void (said.textContent = "Write names of 1 to 40 characters.");
        finish("two", [`Ready: ${a} and ${b} each have a profile. The course is using ${a}'s now; switch at the top of the page when it is ${b}'s turn.`]);
      }, signal, true),
      button("Back", ask, signal),
    ])], first.input);
  };

  /** The names there are, the one in use first. */
  const currentNames = () => {
    const { active, list } = store.profiles();
    const ordered = [...list.filter((p) => p.id === active), ...list.filter((p) => p.id !== active)];
    return { profiles: ordered.map((p) => p.name) };
  };

  ask();
  return panel;
}

/**
 * The profile in use becomes the first name, and the next profile (made if there is none)
 * the second. Nothing is removed: other profiles keep their progress.
 * @param {Store} store @param {string} first @param {string} second
 */
function setUpTwo(store, first, second) {
  const { active, list } = store.profiles();
  if (!store.renameProfile(active, first)) return false;
  const other = list.find((p) => p.id !== active);
  return other ? store.renameProfile(other.id, second) : store.addProfile(second) !== null;
}

/**
 * On every page until the question is answered or skipped: the panel under the page's title.
 * A course not set up for partners has nothing to ask.
 * @param {{store: Store, signal: AbortSignal, config: {siteRoot: URL, partners: boolean}}} context
 */
export function mountWelcome({ store, signal, config }) {
  const host = document.querySelector(".md-content__inner");
  if (!host || !config.partners || store.welcome() !== null || !store.persistent) return;
  let answeredHere = false;
  const panel = welcomePanel({ store, signal, config, onClose: () => { answeredHere = true; } });
  const heading = host.querySelector(":scope > h1");
  if (heading) heading.after(panel);
  else host.prepend(panel);
  // Answered in another tab (or everything deleted and answered again): the question goes.
  const unsubscribe = store.subscribe((id) => {
    if ((id === "welcome" || id === "*") && !answeredHere && store.welcome() !== null) panel.remove();
  });
  signal.addEventListener("abort", () => unsubscribe());
}
