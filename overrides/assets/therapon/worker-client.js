// @ts-check
/**
 * The page's handle on the one Pyodide worker: created lazily, shared by every exercise and
 * kept for the whole visit (it survives Material's instant navigation, because this module
 * is evaluated once). A watchdog ends runaway code by restarting the worker.
 */
import { MESSAGE, isCrashed, isFailed, isProgress, isReady, isResult } from "./protocol.js";

/** @typedef {import("./config.js").TheraponConfig} TheraponConfig */
/** @typedef {{state: "idle" | "loading" | "ready" | "failed", percent: number, phase: string, message?: string}} RuntimeStatus */

/** @type {Runtime | undefined} */
let shared;

/** @param {TheraponConfig} config */
export function getRuntime(config) {
  shared ||= new Runtime(config);
  return shared;
}

class Runtime {
  /** @param {TheraponConfig} config */
  constructor(config) {
    this.config = config;
    /** @type {RuntimeStatus} */
    this.status = { state: "idle", percent: 0, phase: "download" };
    /** @type {Set<(status: RuntimeStatus) => void>} */
    this.listeners = new Set();
    this.nextId = 1;
    /** @type {Promise<unknown>} */
    this.queue = Promise.resolve();
    /** How many times Pyodide was started in this visit (tests read it). */
    this.starts = 0;
    /** How long the last start took, by phase (benchmarks read it). */
    this.timings = undefined;
    /** @type {Worker | undefined} */
    this.worker = undefined;
    /** @type {Promise<void> | undefined} */
    this.ready = undefined;
  }

  /** @param {(status: RuntimeStatus) => void} listener */
  subscribe(listener) {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  /** @param {Partial<RuntimeStatus>} change */
  update(change) {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener(this.status);
  }

  /** Start Pyodide if it is not started yet; safe to call as often as you like. */
  start() {
    if (this.ready && this.status.state !== "failed") return this.ready;
    this.worker?.terminate();
    this.starts += 1;
    performance.mark("therapon:python-start");  // benchmarks read when Python was asked for
    const worker = new Worker(new URL("pyodide-worker.js", this.config.assetsUrl), { type: "module" });
    this.worker = worker;
    this.update({ state: "loading", percent: 0, phase: "download", message: undefined });
    this.ready = new Promise((resolve, reject) => {
      worker.addEventListener("message", (event) => {
        const m = event.data;
        if (isProgress(m)) {
          const percent = m.phase === "start" ? 100 : Math.min(99, Math.round((100 * m.loaded) / m.total));
          this.update({ percent, phase: m.phase });
        } else if (isReady(m)) {
          this.timings = m.timings;
          this.update({ state: "ready", percent: 100, phase: "ready" });
          resolve();
        } else if (isFailed(m)) {
          this.update({ state: "failed", message: m.message });
          reject(new Error(m.message));
        }
      });
      worker.addEventListener("error", (event) => {
        this.update({ state: "failed", message: event.message || "the worker could not start" });
        reject(new Error(event.message));
      });
    });
    this.ready.catch(() => {});
    worker.postMessage({
      type: MESSAGE.load,
      options: {
        pyodideUrl: this.config.pyodideUrl.href,
        package: this.config.pyodide.package,
        module: this.config.pyodide.module,
        downloadBytes: this.config.pyodide.downloadBytes,
      },
    });
    return this.ready;
  }

  /**
   * Run or check code. Requests run one at a time; the time limit starts only when Python
   * is ready and the request is really running.
   * @param {"run" | "check" | "text"} type
   * @param {{code?: string, checks?: string, checker?: string, response?: string}} payload
   * @returns {Promise<any>}
   */
  request(type, payload) {
    const job = this.queue.then(() => this.execute(type, payload));
    this.queue = job.catch(() => {});
    return job;
  }

  /** @param {"run" | "check" | "text"} type @param {object} payload */
  async execute(type, payload) {
    await this.start();
    const worker = /** @type {Worker} */ (this.worker);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.removeEventListener("message", onMessage);
        this.restart();
        resolve({ timedOut: true, seconds: this.config.timeoutMs / 1000 });
      }, this.config.timeoutMs);
      /** @param {MessageEvent} event */
      const onMessage = (event) => {
        if (!isResult(event.data) || event.data.id !== id) return;
        clearTimeout(timer);
        worker.removeEventListener("message", onMessage);
        const result = event.data.result;
        // A Python that broke, or that ran out of memory and now holds all it grew to, is
        // replaced by a fresh one before anything else is asked of it.
        if (isCrashed(result) || result?.error?.type === "MemoryError") this.restart();
        resolve(result);
      };
      worker.addEventListener("message", onMessage);
      worker.postMessage({ type: MESSAGE[type], id, payload });
    });
  }

  /** End a runaway worker and start a fresh one, so the next Run works. */
  restart() {
    this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
    this.update({ state: "idle" });
    this.start();
  }
}
