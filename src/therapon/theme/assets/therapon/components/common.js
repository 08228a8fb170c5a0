// @ts-check
/** Shared by every exercise kind: its build-time data, status badge, loading bar and feedback. */
import { ATTR, SELECTOR, STATUS } from "../contract.js";
import { verdictNodes } from "./verdict.js";

/**
 * The exercise's data, generated at build time as JSON text inside an inert <template>.
 * @param {HTMLElement} el
 */
export function readData(el) {
  const template = /** @type {HTMLTemplateElement | null} */ (el.querySelector(`template${SELECTOR.exerciseData}`));
  return JSON.parse(template?.content.textContent || "{}");
}

/** A status in words, for badges and the dashboard. */
export const STATUS_WORDS = Object.freeze({ [STATUS.new]: "Not started", [STATUS.attempted]: "In progress", [STATUS.passed]: "Done" });

/** @param {HTMLElement} el @param {string} status */
export function renderStatus(el, status) {
  el.setAttribute(ATTR.status, status);
  const label = el.querySelector(SELECTOR.statusLabel);
  if (label) label.textContent = STATUS_WORDS[status] ?? "";
}

/**
 * Show Python's loading progress while it loads, and a plain message if it cannot.
 * @param {HTMLElement} box
 * @param {{state: string, percent: number, phase: string, message?: string}} status
 */
export function renderLoading(box, status) {
  const bar = /** @type {HTMLProgressElement} */ (box.querySelector("progress"));
  const text = /** @type {HTMLElement} */ (box.querySelector(SELECTOR.loadingText));
  box.hidden = status.state !== "loading" && status.state !== "failed";
  bar.hidden = status.state === "failed";
  bar.value = status.percent;
  if (status.state === "failed") {
    text.textContent = "Python could not be loaded. Check your connection, then try again. Your work is saved.";
  } else {
    text.textContent = status.phase === "start" ? "Starting Python…" : `Loading Python… ${status.percent}%`;
  }
}

/**
 * @param {string} tag @param {string} text @param {string} [className]
 */
function element(tag, text, className) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * @param {{feedback: HTMLElement, output: HTMLElement}} parts
 * @param {"run" | "check"} type
 * @param {any} result
 * @param {number} timeoutSeconds
 */
export function renderFeedback({ feedback, output }, type, result, timeoutSeconds) {
  const nodes = [];
  let outcome;
  if (result.failedToLoad) {
    outcome = "error";
    nodes.push(element("p", "Python could not be loaded, so your code did not run. Check your connection and try again. Your work is saved."));
  } else if (result.timedOut) {
    outcome = "timeout";
    nodes.push(element("p", `Your code ran for more than ${timeoutSeconds} seconds, so it was stopped. Look for a loop that never ends. Python is restarting; you can try again in a moment.`));
  } else if (type === "run") {
    outcome = result.error ? "error" : "ran";
    nodes.push(element("p", result.error ? result.error.message : "Your code ran without errors."));
  } else {
    outcome = result.passed ? "pass" : result.error ? "error" : "fail";
    nodes.push(...verdictNodes({ meets_goal: Boolean(result.passed), items: result.items ?? [], summary: result.summary }));
  }
  feedback.dataset.result = outcome;
  feedback.replaceChildren(...nodes);
  const printed = [result.stdout, result.stderr, result.error?.traceback].filter(Boolean).join("\n");
  output.textContent = printed;
  output.hidden = !printed;
}
