// @ts-check
/**
 * The one Pyodide worker. It loads Python, installs the checking wheel (sha256 checked by
 * loadPackage), and answers run and check requests. It has no DOM and no localStorage, so
 * learner code cannot reach the page or the learner's saved progress.
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
  return () => { self.fetch = realFetch; };
}

/** Tell the page that Python cannot start; it shows a plain message and keeps the work. */
function fail(/** @type {string} */ message) {
  self.postMessage({ type: MESSAGE.failed, message });
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
    const pyodide = await loadPyodide({ indexURL: options.pyodideUrl });
    const pythonReady = performance.now();
    self.postMessage({ type: MESSAGE.progress, phase: "start", loaded: 1, total: 1 });
    await pyodide.loadPackage(options.package, { checkIntegrity: true });
    const module = pyodide.pyimport(options.module);
    const done = performance.now();
    booted = true;
    self.postMessage({
      type: MESSAGE.ready,
      timings: { pyodideMs: pythonReady - started, packageMs: done - pythonReady },
    });
    return { run: module.run_json, check: module.check_json, text: module.check_text_json };
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
  const { code, checks, checker, response } = message.payload;
  const reply =
    message.type === MESSAGE.run ? python.run(code)
    : message.type === MESSAGE.check ? python.check(code, checks)
    : python.text(checker, response);
  self.postMessage({ type: MESSAGE.result, id: message.id, result: JSON.parse(reply) });
});
