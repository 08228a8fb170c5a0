// Generated from src/therapon/contract.py, do not edit: change the Python and run
// `python -m therapon.contract` (tests/test_contract.py fails while this file is stale).
// @ts-check
/** @typedef {"new" | "attempted" | "passed"} Status */
/** @typedef {"code" | "text" | "choice" | "reflection"} Kind */
/** @typedef {"good" | "tip" | "concern"} Level */

/** An exercise's statuses, in rank order: progress never goes backwards. */
export const STATUSES = /** @type {readonly Status[]} */ (Object.freeze(["new", "attempted", "passed"]));
export const STATUS = Object.freeze({
  new: "new",
  attempted: "attempted",
  passed: "passed",
});

/** The exercise kinds, and those whose page starts Python. */
export const KINDS = /** @type {readonly Kind[]} */ (Object.freeze(["code", "text", "choice", "reflection"]));
export const PYTHON_KINDS = /** @type {readonly Kind[]} */ (Object.freeze(["code", "text"]));

/** A verdict item's level. */
export const LEVELS = /** @type {readonly Level[]} */ (Object.freeze(["good", "tip", "concern"]));
export const LEVEL = Object.freeze({
  good: "good",
  tip: "tip",
  concern: "concern",
});

/** The shape of every id: an exercise's, a profile's, a verdict item's. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** course.json's schema version. */
export const COURSE_SCHEMA = 1;
/** An exercise's element id is ANCHOR_PREFIX + its id. */
export const ANCHOR_PREFIX = "exercise-";
/** The Python worker's script, beside the page scripts. */
export const PYTHON_WORKER = "pyodide-worker.js";
/** The worker <head> starts early: its first message, and where the page finds it. */
export const EARLY_MESSAGE = "early";
export const EARLY_WORKER = "__theraponEarlyWorker";

/** Each exercise button's data-action. */
export const ACTION = Object.freeze({
  run: "run",
  check: "check",
  hint: "hint",
  solution: "solution",
  reset: "reset",
  confirmReset: "confirm-reset",
  cancelReset: "cancel-reset",
  done: "done",
  copy: "copy",
  download: "download",
});

/** The data-* attributes the build renders and the page reads, and a selector for each. */
export const ATTR = Object.freeze({
  exercise: "data-exercise",
  kind: "data-kind",
  status: "data-status",
  statusLabel: "data-status-label",
  exerciseData: "data-exercise-data",
  pending: "data-therapon-pending",
  ready: "data-ready",
  pressedEarly: "data-pressed-early",
  editedEarly: "data-edited-early",
  partnerTurn: "data-partner-turn",
  action: "data-action",
  hints: "data-hints",
  confirm: "data-confirm",
  loading: "data-loading",
  loadingText: "data-loading-text",
  feedback: "data-feedback",
  solution: "data-solution",
  option: "data-option",
  explanation: "data-explanation",
  code: "data-code",
  output: "data-output",
  response: "data-response",
  entry: "data-entry",
  wordCount: "data-word-count",
  doneRule: "data-done-rule",
  answers: "data-therapon-answers",
  answersData: "data-answers-data",
});
export const SELECTOR = Object.freeze({
  exercise: "[data-exercise]",
  kind: "[data-kind]",
  status: "[data-status]",
  statusLabel: "[data-status-label]",
  exerciseData: "[data-exercise-data]",
  pending: "[data-therapon-pending]",
  ready: "[data-ready]",
  pressedEarly: "[data-pressed-early]",
  editedEarly: "[data-edited-early]",
  partnerTurn: "[data-partner-turn]",
  action: "[data-action]",
  hints: "[data-hints]",
  confirm: "[data-confirm]",
  loading: "[data-loading]",
  loadingText: "[data-loading-text]",
  feedback: "[data-feedback]",
  solution: "[data-solution]",
  option: "[data-option]",
  explanation: "[data-explanation]",
  code: "[data-code]",
  output: "[data-output]",
  response: "[data-response]",
  entry: "[data-entry]",
  wordCount: "[data-word-count]",
  doneRule: "[data-done-rule]",
  answers: "[data-therapon-answers]",
  answersData: "[data-answers-data]",
});
