// @ts-check
/**
 * The one Pyodide worker. It loads Python and the checking wheel together (loadPyodide's
 * `packages` runs loadPackage, which checks the wheel's sha256 against the lock file, while
 * Python is still starting), and answers run and check requests. It has no DOM and no localStorage, so
 * learner code cannot reach the page or the learner's saved progress. The sandbox refuses
 * `import js` for learner code; once Python is up, the worker also removes what a worker could
 * still reach (storage, the network, new workers), so code that finds its way to JavaScript
 * anyway finds nothing there to harm. Every request gets an answer: if Python itself breaks,
 * the answer says so (`crashed`) and the page starts a fresh worker.
 */
import { MESSAGE } from "./protocol.js";

/** @type {Promise<{run: Function, check: Function, text: Function}> | undefined} */
let api;

/**
 * Count the bytes of every response while Pyodide downloads, so the page can show a real
 * percentage. The total is known at build time from the files' sizes.
 * @param {number} total
 */
function countDownloads(total) {
  const realFetch = self.fetch.bind(self);
  let loaded = 0;
  self.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    // Pyodide can hang instead of failing when a runtime file is missing; say so at once.
    if (!response.ok) fail(`could not download ${response.url} (${response.status})`);
    if (!response.body) return response;
    const counter = new TransformStream({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        self.postMessage({ type: MESSAGE.progress, phase: "download", loaded, total });
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  let restored = false;
  return () => {
    if (!restored) self.fetch = realFetch;
    restored = true;
  };
}

/** Tell the page that Python cannot start; it shows a plain message and keeps the work. */
function fail(/** @type {string} */ message) {
  self.postMessage({ type: MESSAGE.failed, message });
}

/**
 * What a worker can reach besides Python's own needs: storage shared with the page (IndexedDB,
 * Cache Storage, which a service worker uses, the origin's private file system), the network,
 * and new workers (a fresh global with all of the above). Loading is done when this runs, so
 * nothing here is needed any more. postMessage stays: it is how answers get back.
 */
const UNNEEDED_AFTER_BOOT = [
  "indexedDB", "caches", "cookieStore", "webkitRequestFileSystem", "webkitResolveLocalFileSystemURL",
  "fetch", "XMLHttpRequest", "WebSocket", "WebSocketStream", "WebTransport", "EventSource",
  "BroadcastChannel", "Worker", "SharedWorker", "importScripts", "close",
];
const UNNEEDED_ON_NAVIGATOR = ["storage", "locks", "serviceWorker"];

/** Remove a property from an object and every prototype above it (Chrome keeps most there). */
function removeEverywhere(/** @type {object} */ target, /** @type {string} */ name) {
  for (let object = target; object; object = Object.getPrototypeOf(object)) {
    if (Object.hasOwn(object, name)) {
      try { delete /** @type {any} */ (object)[name]; } catch { /* not configurable: leave it */ }
    }
  }
}

function lockDown() {
  for (const name of UNNEEDED_AFTER_BOOT) removeEverywhere(self, name);
  for (const name of UNNEEDED_ON_NAVIGATOR) removeEverywhere(self.navigator, name);
}

/** Once Python is up, a stray rejection (say, from learner code) must not mark it as broken. */
let booted = false;
self.addEventListener("unhandledrejection", (event) => {
  if (!booted) fail(String(event.reason?.message || event.reason));
});

/** @param {{pyodideUrl: string, package: string, module: string, downloadBytes: number}} options */
async function boot(options) {
  const started = performance.now();
  const restoreFetch = countDownloads(options.downloadBytes);
  try {
    const { loadPyodide } = await import(new URL("pyodide.mjs", options.pyodideUrl).href);
    const pyodide = await loadPyodide({ indexURL: options.pyodideUrl, packages: [options.package] });
    const pythonReady = performance.now();
    self.postMessage({ type: MESSAGE.progress, phase: "start", loaded: 1, total: 1 });
    const module = pyodide.pyimport(options.module);
    const done = performance.now();
    restoreFetch();
    lockDown();
    booted = true;
    self.postMessage({
      type: MESSAGE.ready,
      timings: { pyodideMs: pythonReady - started, packageMs: done - pythonReady },
    });
    return { run: module.run_json, check: module.check_json, text: module.check_written_json };
  } finally {
    restoreFetch();
  }
}

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message?.type === MESSAGE.load) {
    api ||= boot(message.options);
    api.catch((error) => fail(String(error?.message || error)));
    return;
  }
  if (!api || ![MESSAGE.run, MESSAGE.check, MESSAGE.text].includes(message?.type)) return;
  const python = await api;
  const { code, checks, rules, checker, response } = message.payload;
  let result;
  try {
    const reply =
      message.type === MESSAGE.run ? python.run(code)
      : message.type === MESSAGE.check ? python.check(code, checks)
      : python.text(JSON.stringify(rules ?? {}), checker ?? "", response);
    result = JSON.parse(reply);
    if (result === null || typeof result !== "object") throw new Error("Python gave an answer of the wrong shape");
  } catch (error) {
    // Python itself broke (a stack overflow deep in C, os.abort(), a changed json module…):
    // it may not be usable any more, so the page is told to start a fresh one.
    result = { crashed: true, message: String(/** @type {any} */ (error)?.message || error).slice(0, 500) };
  }
  self.postMessage({ type: MESSAGE.result, id: message.id, result });
});
