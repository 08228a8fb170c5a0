// @ts-check
/**
 * The quick exit: one visible control in the header of every page, and Escape pressed twice
 * within a second, anywhere (also while the search dialog or a text box has focus: a safety
 * exit that works only sometimes is not one). It locks every profile in every tab of this
 * course (the key is dropped; nothing needs saving), blanks this page at once, and replaces
 * it with a neutral page of this site, so Back does not return to it. No other host is asked.
 */
import { t } from "../i18n.js";
import { h } from "./dom.js";

const TWICE_WITHIN_MS = 1_000;
let escapeListening = false;

/**
 * @param {import("../store.js").Store} store
 * @param {{siteRoot: URL, neutralPage: string}} config  neutralPage: a plain page of this site with no course words
 */
export function quickExit(store, config) {
  store.lockAll();
  document.documentElement.classList.add("therapon-leaving");  // nothing of the page stays on screen
  document.title = t("exit.title");  // the neutral page's own title
  location.replace(new URL(config.neutralPage, config.siteRoot).href);
}

/**
 * The header's button (the header stays across instant navigation, so it is made once) and
 * the Escape keys (listened to once per tab, before any other listener sees them).
 * @param {{store: import("../store.js").Store, config: {siteRoot: URL, neutralPage: string}}} context
 */
export function mountQuickExit({ store, config }) {
  const header = document.querySelector(".md-header__inner");
  if (header && !header.querySelector("[data-therapon-quick-exit]")) {
    const exit = h("button", { type: "button", class: "therapon-exit", "data-therapon-quick-exit": "", "aria-label": t("exit.label") },
      [h("span", { class: "therapon-exit__long" }, [t("exit.label")]), h("span", { class: "therapon-exit__short" }, [t("exit.short")])]);
    exit.addEventListener("click", () => quickExit(store, config));
    header.insertBefore(exit, header.querySelector("[data-therapon-profile-switcher]") ?? header.querySelector(".md-search") ?? null);
  }
  if (escapeListening) return;
  escapeListening = true;
  let last = -Infinity;
  window.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.repeat) return;
    const now = performance.now();
    if (now - last <= TWICE_WITHIN_MS) quickExit(store, config);
    last = now;
  }, { capture: true });
}
