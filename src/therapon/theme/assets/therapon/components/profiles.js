// @ts-check
/**
 * Two partners on one device: a profile each, each with its own progress. Profiles are
 * managed on the progress page and switched from the header. Names are chosen here, shown
 * as text only, and never leave the device except in an export the learner makes.
 */
import { ATTR } from "../contract.js";
import { t } from "../i18n.js";
import { button, h, keepingFocus, status } from "./dom.js";
import { welcomePanel } from "./welcome.js";

/** @typedef {import("../store.js").Store} Store */

/** The profile list, switching, renaming and adding, on the progress page, and the first
 * visit's question (one of us, or two?) asked again on request.
 * @param {HTMLElement} el @param {{store: Store, signal: AbortSignal, config: {siteRoot: URL, partners: boolean}}} context */
export function mount(el, { store, signal, config }) {
  /** @type {HTMLElement | null} */
  let asking = null;  // the question, while it is open here; kept across redraws
  const feedback = status();
  const say = (/** @type {string} */ text) => { feedback.textContent = text; };
  const render = () => {
    const { active, list } = store.profiles();
    const current = list.find((p) => p.id === active);
    const lockedNote = (/** @type {string} */ pid) => (store.lockState(pid).locked ? t("profiles.lockedNote") : "");
    const items = list.map((profile) => h("li", { "data-profile": profile.id }, profile.id === active
      ? [h("strong", {}, [profile.name]), t("profiles.inUse", { locked: lockedNote(profile.id) })]
      : [profile.name, lockedNote(profile.id) ? t("profiles.locked") : " ", focusKey(button(t("profiles.switchTo", { name: profile.name }), () => {
          store.switchProfile(profile.id);
          say(t("profiles.nowUsing", { name: profile.name }));
        }, signal), "switch")]));
    const rename = /** @type {HTMLInputElement} */ (h("input", { type: "text", id: "therapon-profile-name", maxlength: "40", autocomplete: "off" }));
    rename.value = current?.name ?? "";
    const added = /** @type {HTMLInputElement} */ (h("input", { type: "text", id: "therapon-profile-new", maxlength: "40", autocomplete: "off" }));
    el.replaceChildren(
      h("p", {}, [config.partners
        ? t("profiles.introPartners")
        : t("profiles.intro")]),
      config.partners ? asking ?? focusKey(button(t("profiles.askAgain"), () => {
        asking = welcomePanel({ store, signal, config });
        keepingFocus(el, render);
        /** @type {HTMLElement | null} */ (asking.querySelector("button"))?.focus();
      }, signal), "ask-again") : "",
      h("ul", { class: "therapon-profile-list" }, items),
      h("div", { class: "therapon-field" }, [
        h("label", { for: "therapon-profile-name" }, [t("profiles.nameLabel")]), rename,
        focusKey(button(t("profiles.saveName"), () => {
          say(store.renameProfile(active, rename.value) ? t("profiles.nameSaved") : t("profiles.badName"));
        }, signal), "save-name"),
      ]),
      h("div", { class: "therapon-field" }, [
        h("label", { for: "therapon-profile-new" }, [config.partners ? t("profiles.addLabelPartners") : t("profiles.addLabel")]), added,
        focusKey(button(t("profiles.add"), () => {
          const profile = store.addProfile(added.value);
          say(profile ? t("profiles.added", { name: profile.name }) : t("profiles.badName"));
        }, signal), "add-profile"),
      ]),
      feedback,
    );
    el.setAttribute(ATTR.ready, "");
  };
  render();
  // A change redraws the list; keyboard focus stays where it was (or on the same kind of button).
  const unsubscribe = store.subscribe((id) => { if (id === "*" || id === "lock") keepingFocus(el, render); });
  signal.addEventListener("abort", () => unsubscribe());
}

/** @param {HTMLElement} node @param {string} key */
const focusKey = (node, key) => { node.dataset.focusKey = key; return node; };

/** A compact switcher in Material's header, shown once a second profile exists.
 * @param {{store: Store, signal: AbortSignal}} context */
export function mountSwitcher({ store, signal }) {
  const header = document.querySelector(".md-header__inner");
  if (!header) return;
  let box = /** @type {HTMLElement | null} */ (header.querySelector("[data-therapon-profile-switcher]"));
  if (!box) {
    box = h("div", { class: "therapon-switcher", "data-therapon-profile-switcher": "" });
    header.insertBefore(box, header.querySelector(".md-search") ?? null);
  }
  const host = box;
  const render = () => {
    const { active, list } = store.profiles();
    host.hidden = list.length < 2;
    if (list.length < 2) return host.replaceChildren();
    const select = /** @type {HTMLSelectElement} */ (h("select", { id: "therapon-profile-switch", "aria-label": t("profiles.switcher") },
      list.map((p) => h("option", { value: p.id }, [p.name]))));
    select.value = active;
    select.addEventListener("change", () => store.switchProfile(select.value), { signal });
    host.replaceChildren(select);
  };
  render();
  const unsubscribe = store.subscribe((id) => { if (id === "*") keepingFocus(host, render); });
  signal.addEventListener("abort", () => unsubscribe());
}
