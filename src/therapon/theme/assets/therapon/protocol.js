// @ts-check
/** Messages between the page and the Pyodide worker: one table, one guard per type. */
import { EARLY_MESSAGE } from "./contract.js";

export const MESSAGE = Object.freeze({
  early: EARLY_MESSAGE,  // from the inline script in <head> (contract.py), before "load"
  load: "load",
  progress: "progress",
  ready: "ready",
  failed: "failed",
  run: "run",
  check: "check",
  text: "text",
  result: "result",
  makeSnapshot: "make-snapshot",
  snapshotMade: "snapshot-made",
});

/**
 * @typedef {{type: "progress", loaded: number, total: number, phase: "download" | "start"}} ProgressMessage
 * @typedef {{pyodideMs: number, packageMs: number, start: "snapshot" | "normal", fallback?: string}} StartTimings  how Python started, and why not from a kept snapshot
 * @typedef {{type: "ready", timings: StartTimings}} ReadyMessage
 * @typedef {{type: "failed", message: string}} FailedMessage
 * @typedef {{type: "result", id: number, result: any}} ResultMessage
 * @typedef {{crashed: true, message: string}} CrashedResult  Python itself broke: start a fresh worker
 */

/** @param {any} m @returns {m is ProgressMessage} */
export const isProgress = (m) =>
  m?.type === MESSAGE.progress && Number.isFinite(m.loaded) && Number.isFinite(m.total);
/** @param {any} m @returns {m is ReadyMessage} */
export const isReady = (m) => m?.type === MESSAGE.ready;
/** @param {any} m @returns {m is FailedMessage} */
export const isFailed = (m) => m?.type === MESSAGE.failed && typeof m.message === "string";
/** @param {any} m @returns {m is ResultMessage} */
export const isResult = (m) =>
  m?.type === MESSAGE.result && Number.isInteger(m.id) && typeof m.result === "object";
/** @param {any} m @returns {m is {type: "snapshot-made", bytes: ArrayBuffer}} */
export const isSnapshotMade = (m) => m?.type === MESSAGE.snapshotMade && m.bytes instanceof ArrayBuffer;
/** @param {any} r @returns {r is CrashedResult} */
export const isCrashed = (r) => r?.crashed === true;
