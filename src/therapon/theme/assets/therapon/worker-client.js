// @ts-check
/**
 * The page's handle on the one Pyodide worker: created lazily, shared by every exercise and
 * kept for the whole visit (it survives Material's instant navigation, because this module
 * is evaluated once). A watchdog ends runaway code by restarting the worker.
 *
 * A returning learner's worker starts from a memory snapshot kept by the service worker. After
 * a start without one, once the first answer is back (or a while after Python is ready) and
 * the page is idle, a second worker makes a snapshot and the service worker keeps it.
 */
import { EARLY_WORKER, PYTHON_WORKER } from "./contract.js";
import { keepSnapshot, whenRuntimeKept } from "./offline.js";
import { MESSAGE, isCrashed, isFailed, isProgress, isReady, isResult, isSnapshotMade } from "./protocol.js";
import { SNAPSHOT_PATH } from "./snapshot.js";

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
    /** Whether a snapshot is being made or was made in this visit (at most one). */
    this.snapshotPlanned = false;
    /** @type {() => void} */
    this.answered = () => {};
    /** Resolves when the first request of this visit is answered. */
    this.firstAnswer = new Promise((resolve) => { this.answered = () => resolve(undefined); });
  }

  /**
   * Where this site's snapshot is kept, or null where none is used: under `mkdocs serve` and
   * on a page no service worker controls (a first visit, a forced reload), since only the
   * service worker of the build that served this page keeps snapshots of it.
   * @returns {import("./snapshot.js").SnapshotPlace | null}
   */
  snapshotPlace() {
    if (!this.config.offline || !navigator.serviceWorker?.controller || !("caches" in self)) return null;
    return {
      cachePrefix: `therapon:${this.config.courseId}:${this.config.siteRoot.pathname}:snapshot:`,
      url: new URL(SNAPSHOT_PATH, this.config.siteRoot).href,
      wheelSha256: this.config.pyodide.wheelSha256,
    };
  }

  /** The worker's start options, with where to look for a snapshot. */
  bootOptions() {
    return {
      pyodideUrl: this.config.pyodideUrl.href,
      package: this.config.pyodide.package,
      module: this.config.pyodide.module,
      downloadBytes: this.config.pyodide.downloadBytes,
      wheelFile: this.config.pyodide.wheelFile,
      words: this.config.checkWords,
      snapshot: this.snapshotPlace(),
    };
  }

  /** After a start without a snapshot: make one later, off the first Check's path. */
  planSnapshot() {
    if (this.snapshotPlanned || !this.snapshotPlace()) return;
    this.snapshotPlanned = true;
    const later = new Promise((resolve) => setTimeout(resolve, 5000));
    // The maker's Python files then come from the service worker's cache: no byte downloaded twice.
    Promise.all([Promise.race([this.firstAnswer, later]), whenRuntimeKept()])
      .then(() => whenIdle(() => this.makeSnapshot()));
  }

  /** A second, fresh worker that runs none of the learner's code makes the snapshot, then ends. */
  makeSnapshot() {
    const maker = new Worker(new URL(PYTHON_WORKER, this.config.assetsUrl), { type: "module" });
    const end = () => maker.terminate();
    maker.addEventListener("message", (event) => {
      if (isSnapshotMade(event.data)) keepSnapshot(event.data.bytes, this.config.pyodide.wheelSha256);
      if (isSnapshotMade(event.data) || isFailed(event.data)) end();
    });
    maker.addEventListener("error", end);
    maker.postMessage({ type: MESSAGE.makeSnapshot, options: { ...this.bootOptions(), snapshot: null } });
  }

  newWorker() {
    performance.mark("therapon:python-start");  // benchmarks read when Python was asked for
    return new Worker(new URL(PYTHON_WORKER, this.config.assetsUrl), { type: "module" });
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
    // The first start takes over the worker that <head> started once the page had painted.
    const worker = (this.starts === 1 && takeEarlyWorker()) || this.newWorker();
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
          performance.mark("therapon:python-ready");  // benchmarks read when Python was ready
          document.documentElement.dataset.theraponStart = m.timings.start;  // tests read how it started
          if (m.timings.start !== "snapshot") this.planSnapshot();
          this.update({ state: "ready", percent: 100, phase: "ready" });
          resolve();
        } else if (isFailed(m)) {
          console.error(`Python could not start: ${m.message}`);  // for the author; the learner sees plain words
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
    worker.postMessage({ type: MESSAGE.load, options: this.bootOptions() });
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
    job.then(this.answered, () => {});
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

/**
 * The worker the inline script in <head> started (partials/therapon-early-python.html), once:
 * it holds its messages until it hears from the page, so nothing it said is lost.
 * @returns {Worker | undefined}
 */
function takeEarlyWorker() {
  const holder = /** @type {any} */ (window);
  const worker = holder[EARLY_WORKER];
  delete holder[EARLY_WORKER];
  return worker instanceof Worker ? worker : undefined;
}

/** @param {() => void} task */
const whenIdle = (task) => ("requestIdleCallback" in self ? requestIdleCallback(task, { timeout: 5000 }) : setTimeout(task, 500));
