// @ts-check
/**
 * The one Pyodide worker. It loads Python and the checking wheel together (the wheel is
 * downloaded while Python starts, and unpacked once its sha256 matches the lock file's entry),
 * and answers run and check requests. It has no DOM and no localStorage, so
 * learner code cannot reach the page or the learner's saved progress. The sandbox refuses
 * `import js` for learner code; once Python is up, the worker also removes what a worker could
 * still reach (storage, the network, new workers), so code that finds its way to JavaScript
 * anyway finds nothing there to harm. Every request gets an answer: if Python itself breaks,
 * the answer says so (`crashed`) and the page starts a fresh worker.
 *
 * A returning learner's worker starts from a memory snapshot (snapshot.js) when one is kept,
 * and from scratch on any error with it. A worker asked to make a snapshot (`makeSnapshot`) is
 * a second, fresh one that runs only our own code and is ended once it has answered, so the
 * snapshot holds Python and our package, never a learner's code or words.
 */
import { MESSAGE } from "./protocol.js";
import { dropSnapshot, findSnapshot, pack, sha256 } from "./snapshot.js";

/** @type {Promise<{run: Function, check: Function, text: Function}> | undefined} */
let api;

/**
 * What the inline script in <head> let this worker start before the page's options came
 * (MESSAGE.early): Pyodide's module and the wheel downloading, and Python itself when this
 * visit can have no snapshot.
 * @typedef {{pyodideUrl: string, wheelFile: string, started: number, module: Promise<any>, wheel: Promise<ArrayBuffer>, scratch?: Promise<any>}} EarlyStart
 * @type {EarlyStart | undefined}
 */
let early;

/**
 * Messages for the page wait until the page listens: a worker started early (from <head>) has
 * no listener until the page script takes it over and sends its first request, and a message
 * sent before then would be lost.
 * @type {Array<[any, Transferable[]]> | null}
 */
let held = [];

/** @param {any} message @param {Transferable[]} [transfer] */
function send(message, transfer = []) {
  if (held) held.push([message, transfer]);
  else self.postMessage(message, transfer);
}

/** The page listens now: what waited goes first, in order. */
function pageListens() {
  const waiting = held ?? [];
  held = null;
  for (const [message, transfer] of waiting) self.postMessage(message, transfer);
}

/** @type {(() => void) | undefined} */
let counting;

/**
 * Count the bytes of every response while Pyodide downloads, so the page can show a real
 * percentage. The total is known at build time from the files' sizes. Counted once, from the
 * first of the early start and the boot; returns what puts the plain fetch back.
 * @param {number} total
 */
function countDownloads(total) {
  counting ||= countEveryDownload(total);
  return counting;
}

/** @param {number} total */
function countEveryDownload(total) {
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
        send({ type: MESSAGE.progress, phase: "download", loaded, total });
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
  send({ type: MESSAGE.failed, message });
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

/**
 * @typedef {object} BootOptions
 * @property {string} pyodideUrl
 * @property {string} package  its name in pyodide-lock.json
 * @property {string} module
 * @property {{language: string, words: Record<string, string>}} [words]  the checking package's sentences in the course's language
 * @property {number} downloadBytes
 * @property {string} wheelFile  the checking wheel's file name, as pyodide-lock.json lists it
 * @property {import("./snapshot.js").SnapshotPlace | null} snapshot  where a kept snapshot would be; null: never look
 */

/** @param {string} pyodideUrl */
const pyodideModule = (pyodideUrl) => import(new URL("pyodide.mjs", pyodideUrl).href);

/**
 * Put the checking wheel into site-packages ourselves, as a snapshot needs (loadPackage leaves
 * JavaScript references that no snapshot can hold): its sha256 is checked against its entry in
 * the site's pyodide-lock.json (the lock Pyodide loaded) before a byte of it is unpacked.
 * `download` may be under way already (fetchWheel), started while Python starts.
 * @param {any} pyodide @param {BootOptions} options @param {Promise<ArrayBuffer>} download
 */
async function installWheel(pyodide, options, download = fetchWheel(options)) {
  const entry = pyodide.lockfile.packages[options.package];
  if (!entry || entry.file_name !== options.wheelFile) throw new Error(`${options.wheelFile} is not in pyodide-lock.json`);
  const wheel = await download;
  if ((await sha256(wheel)) !== entry.sha256) throw new Error(`${entry.file_name} is not the wheel pyodide-lock.json lists`);
  // site-packages from sys.path, as Python set it up: importing sysconfig to ask took 40 ms.
  const sitePackages = pyodide.runPython(
    "import sys\nnext((p for p in sys.path if p.endswith('/site-packages')), None) or __import__('sysconfig').get_path('purelib')");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
}

/** @param {{pyodideUrl: string, wheelFile: string}} options */
async function fetchWheel(options) {
  const response = await fetch(new URL(options.wheelFile, options.pyodideUrl));
  if (!response.ok) throw new Error(`could not download ${options.wheelFile} (${response.status})`);
  return response.arrayBuffer();
}

/**
 * A fresh Python with our package imported, made into a snapshot. Nothing but this function
 * ever runs in this interpreter, so the snapshot holds no learner code, answer or words.
 * @param {BootOptions} options
 */
async function makeSnapshot(options) {
  const { loadPyodide } = await pyodideModule(options.pyodideUrl);
  const pyodide = await loadPyodide({ indexURL: options.pyodideUrl, _makeSnapshot: true });
  await installWheel(pyodide, options);
  // Our own fixed reply and line, judged once, so the word lists and patterns are in the image.
  if (pyodide.runPython(`import ${options.module}; from ${options.module}.warm import warm_up; warm_up()`) !== true) {
    throw new Error("the checking package did not warm up");
  }
  return pack(pyodide.makeMemorySnapshot());
}

/**
 * What this worker began early for these options, if anything: the page's options are the
 * word on where Pyodide and the wheel are, so an early start for other files is not used.
 * @param {BootOptions} options
 */
function earlyFor(options) {
  return early && early.pyodideUrl === options.pyodideUrl && early.wheelFile === options.wheelFile
    ? early : undefined;
}

/**
 * Begin, before the page's options come, what every start needs (Pyodide's module, the wheel),
 * and Python itself on a visit that can have no snapshot. Failures wait to be awaited by the
 * boot, which reports them once the page listens.
 * @param {{pyodideUrl: string, wheelFile: string, downloadBytes: number, mayHaveSnapshot: boolean}} message
 */
function startEarly({ pyodideUrl, wheelFile, downloadBytes, mayHaveSnapshot }) {
  countDownloads(downloadBytes);
  const module = pyodideModule(pyodideUrl);
  const wheel = fetchWheel({ pyodideUrl, wheelFile });
  const scratch = mayHaveSnapshot ? undefined
    : module.then(({ loadPyodide }) => loadPyodide({ indexURL: pyodideUrl }));
  for (const promise of [module, wheel, scratch]) promise?.catch(() => {});
  early = { pyodideUrl, wheelFile, started: performance.now(), module, wheel, scratch };
}

/**
 * Python from the kept snapshot, or undefined when none is kept. Its wheel files are put back
 * (a snapshot holds memory, not files: the word lists are read from them later), and one line
 * with a known answer shows that the restored Python works before the page relies on it.
 * @param {BootOptions} options @param {import("./snapshot.js").SnapshotPlace} place
 */
async function fromSnapshot(options, place) {
  const image = await findSnapshot(place);
  if (!image) return undefined;
  const wheel = earlyFor(options)?.wheel ?? fetchWheel(options);
  wheel.catch(() => {});  // awaited below; a failure there is the fallback's reason
  const { loadPyodide } = await (earlyFor(options)?.module ?? pyodideModule(options.pyodideUrl));
  const pyodide = await loadPyodide({ indexURL: options.pyodideUrl, _loadSnapshot: image });
  await installWheel(pyodide, options, wheel);
  const module = pyodide.pyimport(options.module);
  const sane = pyodide.runPython(
    `import json; from ${options.module}.phrases import lexicon\n`
    + `json.loads(${options.module}.run_json("print(6 * 7)"))["stdout"] == "42\\n" and len(lexicon("feelings")) > 0`);
  if (sane !== true) throw new Error("the restored Python gave a wrong answer");
  return { pyodide, module };
}

/**
 * Python from scratch (or the one the early start began), with the wheel downloaded while it
 * starts and unpacked by installWheel (its sha256 checked against the lock) once it is up:
 * loadPackage did the same checks but only after Python was up, and took about four times as
 * long as unpacking.
 * @param {BootOptions} options
 */
async function fromScratch(options) {
  const begun = earlyFor(options);
  const wheel = begun?.wheel ?? fetchWheel(options);
  wheel.catch(() => {});  // awaited in installWheel, which reports its failure
  const pyodide = await (begun?.scratch ?? (begun?.module ?? pyodideModule(options.pyodideUrl))
    .then(({ loadPyodide }) => loadPyodide({ indexURL: options.pyodideUrl })));
  await installWheel(pyodide, options, wheel);
  return { pyodide, module: undefined };
}

/** @param {BootOptions} options */
async function boot(options) {
  const started = earlyFor(options)?.started ?? performance.now();
  const restoreFetch = countDownloads(options.downloadBytes);
  try {
    /** @type {"snapshot" | "normal"} */
    let start = "normal";
    let fallback;
    let python;
    // A Python already starting from scratch (a visit that could have no snapshot) is used.
    if (options.snapshot && !earlyFor(options)?.scratch) {
      try {
        python = await fromSnapshot(options, options.snapshot);
        if (python) start = "snapshot";
      } catch (error) {
        // Any fault with a kept snapshot: forget it, start as on a first visit, and say
        // nothing to the learner beyond the usual loading message.
        fallback = String(/** @type {any} */ (error)?.message || error).slice(0, 200);
        await dropSnapshot(options.snapshot).catch(() => {});
        python = undefined;
      }
    }
    python ||= await fromScratch(options);
    const pythonReady = performance.now();
    send({ type: MESSAGE.progress, phase: "start", loaded: 1, total: 1 });
    const module = python.module ?? python.pyodide.pyimport(options.module);
    // The feedback's sentences in the course's language (the package speaks English until told).
    if (options.words) module.use_json(JSON.stringify(options.words));
    const done = performance.now();
    restoreFetch();
    lockDown();
    booted = true;
    send({
      type: MESSAGE.ready,
      timings: { pyodideMs: pythonReady - started, packageMs: done - pythonReady, start, fallback },
    });
    return { run: module.run_json, check: module.check_json, text: module.check_written_json };
  } finally {
    restoreFetch();
  }
}

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message?.type === MESSAGE.early) {
    if (!early && !api) startEarly(message);
    return;
  }
  pageListens();  // any other message comes from the page script, which listens from then on
  if (message?.type === MESSAGE.makeSnapshot) {
    if (api) return;  // a worker that serves the learner never makes a snapshot
    makeSnapshot(message.options).then(
      (bytes) => send({ type: MESSAGE.snapshotMade, bytes }, [bytes]),
      (error) => fail(String(error?.message || error)));
    return;
  }
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
  send({ type: MESSAGE.result, id: message.id, result });
});
