// @ts-check
/** Build small pieces of page with textContent only: learner data never reaches innerHTML. */
import { ATTR } from "../contract.js";

/**
 * An HTML element with attributes and children; strings become text nodes, never markup.
 * Children may be given one by one or as arrays.
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {...(Node | string | (Node | string)[])} children
 * @returns {HTMLElement}
 */
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.flat());
  return node;
}

/** A real button whose visible text is its action. @param {string} label @param {() => void} onClick @param {AbortSignal} signal @param {boolean} [primary] */
export function button(label, onClick, signal, primary = false) {
  const node = h("button", { type: "button", class: primary ? "md-button md-button--primary" : "md-button" }, [label]);
  node.addEventListener("click", onClick, { signal });
  return node;
}

/** The selector of an exercise's button by its action (contract.js ACTION). @param {string} action */
export const actionSelector = (action) => `[${ATTR.action}="${action}"]`;

/** A polite live region for what just happened. */
export const status = () => h("div", { class: "therapon-feedback", [ATTR.feedback]: "", role: "status", "aria-live": "polite" });

/**
 * Redraw `container` without throwing keyboard focus out of it: the element that had focus is
 * found again in the new content by its id, or by its data-focus-key (the first element with
 * that key, such as the other profile's "Switch" button once this one is gone), and focused.
 * @param {HTMLElement} container @param {() => void} render
 */
export function keepingFocus(container, render) {
  const active = document.activeElement;
  let selector = null;
  if (active instanceof HTMLElement && container.contains(active)) {
    if (active.id) selector = `#${CSS.escape(active.id)}`;
    else if (active.dataset.focusKey) selector = `[data-focus-key="${CSS.escape(active.dataset.focusKey)}"]`;
  }
  render();
  if (selector && !container.contains(document.activeElement)) {
    /** @type {HTMLElement | null} */ (container.querySelector(selector))?.focus();
  }
}
