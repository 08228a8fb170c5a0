// @ts-check
/**
 * The one verdict renderer, for written practice and code alike. A verdict is
 * {meets_goal, items: [{level: "good" | "tip" | "concern", id, message}], summary}: the summary
 * first, then the items in the order Python gave them (concerns first). Every word reaches the
 * page as text, never as markup.
 */
import { LEVEL, LEVELS } from "../contract.js";
import { t } from "../i18n.js";

const MARKS = Object.freeze({ concern: "!", tip: "→", good: "✓" });

/**
 * @typedef {{level: string, id: string, message: string}} VerdictItem
 * @typedef {{meets_goal: boolean, items: VerdictItem[], summary: string}} Verdict
 */

/** @param {string} tag @param {string} text @param {string} [className] */
function element(tag, text, className) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * The verdict's nodes: its summary, then one list item per note.
 * @param {Verdict} verdict @returns {HTMLElement[]}
 */
export function verdictNodes(verdict) {
  const nodes = [element("p", verdict.summary, "therapon-summary")];
  // While a concern stands nothing is praised: what is good is only said to be there.
  const concerned = verdict.items?.some((note) => note.level === LEVEL.concern);
  if (verdict.items?.length) {
    const list = element("ul", "", "therapon-items");
    for (const note of verdict.items) {
      const item = element("li", "", `therapon-item therapon-item--${note.level}`);
      item.dataset.level = note.level;
      item.dataset.item = note.id;
      const mark = element("span", MARKS[/** @type {keyof typeof MARKS} */ (note.level)] ?? "•", "therapon-item__mark");
      mark.setAttribute("aria-hidden", "true");
      const name = LEVELS.includes(/** @type {any} */ (note.level)) ? t(`verdict.${note.level}`) : note.level;
      if (note.level === LEVEL.good && concerned) item.append(mark, note.message);
      else item.append(mark, element("strong", t("verdict.label", { label: name })), note.message);
      list.append(item);
    }
    nodes.push(list);
  }
  return nodes;
}

/**
 * Show a verdict in an exercise's feedback region (an aria-live region, so it is announced).
 * @param {HTMLElement} feedback @param {Verdict} verdict @param {string} outcome  pass, fail or error
 * @param {HTMLElement[]} [after]  more nodes to show below, e.g. a note about saving
 */
export function renderVerdict(feedback, verdict, outcome, after = []) {
  feedback.dataset.result = outcome;
  feedback.replaceChildren(...verdictNodes(verdict), ...after);
}

/**
 * A plain sentence in the feedback region, for what is not a verdict (Python did not load…).
 * @param {HTMLElement} feedback @param {string} text @param {string} outcome
 */
export function renderMessage(feedback, text, outcome) {
  feedback.dataset.result = outcome;
  feedback.replaceChildren(element("p", text));
}
