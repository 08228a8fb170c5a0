// @ts-check
/** Shared by every exercise kind: its build-time data, status badge, loading bar and feedback. */
import { ATTR, SELECTOR, STATUS, STATUSES } from "../contract.js";
import { t } from "../i18n.js";
import { verdictNodes } from "./verdict.js";

/**
 * The exercise's data, generated at build time as JSON text inside an inert <template>.
 * @param {HTMLElement} el
 */
export function readData(el) {
  const template = /** @type {HTMLTemplateElement | null} */ (el.querySelector(`template${SELECTOR.exerciseData}`));
  return JSON.parse(template?.content.textContent || "{}");
}

/** A status in words, for badges and the dashboard. @param {string} status */
export const statusWord = (status) => t(`status.${STATUSES.includes(/** @type {any} */ (status)) ? status : STATUS.new}`);

/** @param {HTMLElement} el @param {string} status */
export function renderStatus(el, status) {
  el.setAttribute(ATTR.status, status);
  const label = el.querySelector(SELECTOR.statusLabel);
  if (label) label.textContent = statusWord(status);
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
    text.textContent = t("python.failed");
  } else {
    text.textContent = status.phase === "start" ? t("python.starting") : t("python.loading", { percent: status.percent });
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
    nodes.push(element("p", t("code.notLoaded")));
  } else if (result.timedOut) {
    outcome = "timeout";
    nodes.push(element("p", t("code.timedOut", { seconds: timeoutSeconds })));
  } else if (type === "run") {
    outcome = result.error ? "error" : "ran";
    nodes.push(element("p", result.error ? result.error.message : t("code.ranWithoutErrors")));
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
