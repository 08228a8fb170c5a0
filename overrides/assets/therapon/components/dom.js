// @ts-check
/** Build small pieces of page with textContent only: learner data never reaches innerHTML. */

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

/** A polite live region for what just happened. */
export const status = () => h("div", { class: "therapon-feedback", "data-feedback": "", role: "status", "aria-live": "polite" });
