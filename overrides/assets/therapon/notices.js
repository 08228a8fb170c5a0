// @ts-check
/** Plain-language notices about storage, shown at the top of the page and announced. */

/** @type {string[]} */
const notices = [];

/** @param {string} text */
export function notify(text) {
  if (!notices.includes(text)) notices.push(text);
  render();
}

/** Show the notices on the current page (Material replaces the content on navigation). */
export function render() {
  const host = document.querySelector(".md-content__inner");
  if (!host || notices.length === 0) return;
  let box = host.querySelector("[data-therapon-notices]");
  if (!box) {
    box = document.createElement("div");
    box.className = "therapon-notice admonition warning";
    box.setAttribute("data-therapon-notices", "");
    box.setAttribute("role", "alert");
    host.prepend(box);
  }
  box.replaceChildren(...notices.map((text) => {
    const p = document.createElement("p");
    p.textContent = text;
    return p;
  }));
}
