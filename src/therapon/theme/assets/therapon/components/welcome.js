// @ts-check
/**
 * The first visit's one question: is one person using the course on this device, or two who
 * take turns? Then their names, then go. It sits in the page, under the title, so reading is
 * never blocked; it is not a browser dialog and it takes no focus until the learner acts. Once
 * answered or skipped it never comes back by itself; the progress page offers it again.
 * Names are set as text and stay on the device.
 */
import { MAX_NAME_LENGTH } from "../records.js";
import { t, tNodes } from "../i18n.js";
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
  const progressLink = () => h("a", { href: new URL("progress/", config.siteRoot).href }, [t("welcome.progressLink")]);
  const title = h("p", { class: "therapon-welcome__title", id: `${uid}-title` }, [
    h("strong", {}, [t("welcome.title")]), t("welcome.question")]);

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
      button(t("welcome.justMe"), askOne, signal, true),
      button(t("welcome.two"), askTwo, signal, true),
      button(t("welcome.notNow"), () => finish("skipped", tNodes("welcome.skipped", { link: progressLink() })), signal),
    ]),
    h("p", { class: "therapon-help" }, tNodes("welcome.help", { link: progressLink() })),
  ]);

  const askOne = () => {
    const { profiles } = currentNames();
    const { input, field } = nameField(t("welcome.nameOptional"), `${uid}-one`, isDefaultName(profiles[0]) ? "" : profiles[0]);
    show([field, h("div", { class: "therapon-actions" }, [
      button(t("welcome.start"), () => {
        const name = input.value.trim();
        if (name && !store.renameProfile(store.profiles().active, name)) return void (said.textContent = t("welcome.badOptionalName"));
        finish("one", [name ? t("welcome.readyName", { name }) : t("welcome.ready")]);
      }, signal, true),
      button(t("welcome.back"), ask, signal),
    ])], input);
  };

  const askTwo = () => {
    const { profiles } = currentNames();
    const first = nameField(t("welcome.yourName"), `${uid}-first`, isDefaultName(profiles[0]) ? "" : profiles[0]);
    const second = nameField(t("welcome.partnerName"), `${uid}-second`, profiles[1] ?? "");
    show([first.field, second.field, h("div", { class: "therapon-actions" }, [
      button(t("welcome.start"), () => {
        const [a, b] = [first.input.value.trim(), second.input.value.trim()];
        if (!a || !b) {
          said.textContent = t("welcome.bothNames");
          return (a ? second.input : first.input).focus();
        }
        if (a.toLowerCase() === b.toLowerCase()) {
          said.textContent = t("welcome.differentNames");
          return second.input.focus();
        }
        if (!setUpTwo(store, a, b)) return void (said.textContent = t("welcome.badNames"));
        finish("two", [t("welcome.readyTwo", { first: a, second: b })]);
      }, signal, true),
      button(t("welcome.back"), ask, signal),
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

/** The first profile's own name, which nobody chose (older data may hold the English one). @param {string} [name] */
const isDefaultName = (name) => name === t("profiles.me") || name === "Me";

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
