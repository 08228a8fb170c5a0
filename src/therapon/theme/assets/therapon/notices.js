// @ts-check
/** Plain-language notices about storage, shown at the top of the page and announced. */
import { h } from "./components/dom.js";

/** @type {string[]} */
const notices = [];

/** @param {string} text */
export function notify(text) {
  if (!notices.includes(text)) notices.push(text);
  render();
}

/**
 * The notice box `name` at the top of the page's content, made if it is not there yet.
 * @param {string} name @param {"warning" | "info"} kind @param {"alert" | "status"} role
 * @returns {{box: Element, isNew: boolean} | null}  null when the page has no content area
 */
export function noticeBox(name, kind, role) {
  const host = document.querySelector(".md-content__inner");
  if (!host) return null;
  const found = host.querySelector(`[data-therapon-${name}]`);
  if (found) return { box: found, isNew: false };
  const box = h("div", { class: `therapon-notice admonition ${kind}`, [`data-therapon-${name}`]: "", role });
  host.prepend(box);
  return { box, isNew: true };
}

/** Show the notices on the current page (Material replaces the content on navigation). */
export function render() {
  if (notices.length === 0) return;
  noticeBox("notices", "warning", "alert")?.box.replaceChildren(...notices.map((text) => h("p", {}, text)));
}
