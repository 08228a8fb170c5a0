// @ts-check
/**
 * The course's service worker: once a learner has visited, the course works without a
 * network. The build prepends THERAPON_BUILD, the list of every page and asset with its
 * sha256, so each deployment is a new worker with its own cache.
 *
 * - install: download every page and asset into a cache named after this build, checking
 *   each file's sha256, so one cache never mixes two deployments. A failed install leaves the
 *   old worker in charge, and the browser tries again on a later visit.
 * - An update waits until the learner accepts it (the page shows a notice), then takes over;
 *   the old caches are deleted then.
 * - course.json is cached under the versioned URL the pages of this build ask for, so a page
 *   can never get a course.json from another build.
 * - Pyodide (13 MB) is not downloaded at install: a page that starts Python asks for it, and
 *   any runtime file fetched through this worker is checked and kept (one that fails its
 *   sha256 is refused: the download fails instead). Pages without exercises never cost
 *   a byte of it. Its cache outlives deployments, file by file: a new build that changes
 *   only the checking wheel downloads only the wheel.
 * - Every kept response carries its sha256 (SHA_HEADER), so a file that did not change is
 *   taken from an older cache instead of downloaded again.
 * - A returning learner's memory snapshot (made in the learner's browser, see
 *   assets/therapon/snapshot.js) is kept in a cache named after this build (whose version
 *   covers every runtime file's sha256), marked with the sha256 of its bytes, of the wheel and
 *   of the runtime list, and only if it holds this build's wheel. Only the active worker keeps
 *   one. It is never fetched: the Python worker reads it from Cache Storage, and an update
 *   deletes it with the old pages.
 */

const sw = /** @type {any} */ (self);
/** @type {{course: string, version: string, precache: [string, string][], runtime: [string, string][], worker: {url: string, policy: string}}} */
const BUILD = sw.THERAPON_BUILD;
const scope = new URL(sw.registration.scope);
const PREFIX = `therapon:${BUILD.course}:${scope.pathname}:`;
const PAGES = `${PREFIX}pages:${BUILD.version}`;
const RUNTIME = `${PREFIX}runtime`;
const SNAPSHOTS = `${PREFIX}snapshot:${BUILD.version}`;
const SHA_HEADER = "X-Therapon-Sha256";
const WHEEL_HEADER = "X-Therapon-Wheel";  // as in assets/therapon/snapshot.js
const SNAPSHOT_URL = new URL("__therapon__/memory-snapshot", scope).href;

/** @param {[string, string][]} list @returns {Map<string, string>} absolute URL -> sha256 */
const byUrl = (list) => new Map(list.map(([url, sha]) => [new URL(url, scope).href, sha]));
const precached = byUrl(BUILD.precache);
const runtimeFiles = byUrl(BUILD.runtime);
const pythonWorker = new URL(BUILD.worker.url, scope).href;

/** @param {ArrayBuffer} bytes */
async function sha256(bytes) {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * What the cache keeps: the bytes and their type. Content-Encoding and Content-Length would
 * describe the network's compressed body, not these bytes.
 * @param {ArrayBuffer} bytes @param {Response} response @param {string} sha
 */
const stored = (bytes, response, sha) => new Response(bytes, {
  status: 200,
  headers: { "Content-Type": response.headers.get("Content-Type") || "application/octet-stream", [SHA_HEADER]: sha },
});

/** A kept response, if it holds exactly these bytes. @param {Response | undefined} response @param {string} sha */
const holds = (response, sha) => response?.headers.get(SHA_HEADER) === sha ? response : undefined;

/**
 * Keep a downloaded file in `cache` only if it holds the bytes this build lists; say whether it did.
 * @param {Cache} cache @param {string} url @param {Response} response @param {string} expected
 */
async function keepIfListed(cache, url, response, expected) {
  const bytes = await response.arrayBuffer();
  const listed = response.ok && (await sha256(bytes)) === expected;
  if (listed) await cache.put(url, stored(bytes, response, expected));
  return listed;
}

/**
 * Keep one file: from an earlier deployment's cache if it did not change, else downloaded
 * past the HTTP cache. A file from another deployment fails the install.
 * @param {Cache} cache @param {string} url @param {string} expected
 */
async function keep(cache, url, expected) {
  const unchanged = holds(await caches.match(url), expected);
  if (unchanged) return cache.put(url, unchanged);
  const response = await fetch(url, { cache: "no-cache" });
  if (!(await keepIfListed(cache, url, response, expected))) {
    throw new Error(`${url}: HTTP ${response.status}, or a file from another deployment`);
  }
}

/** Fill a cache with the files it still lacks, a few at a time. @param {string} name @param {Map<string, string>} files */
async function fill(name, files) {
  const cache = await caches.open(name);
  const missing = [];
  for (const [url, sha] of files) if (!holds(await cache.match(url), sha)) missing.push([url, sha]);
  const workers = Array.from({ length: 6 }, async () => {
    for (let next = missing.shift(); next; next = missing.shift()) await keep(cache, next[0], next[1]);
  });
  await Promise.all(workers);
}

sw.addEventListener("install", (/** @type {any} */ event) => {
  event.waitUntil(fill(PAGES, precached).then(() => {
    // The first worker takes charge at once; an update waits for the learner's yes.
    if (!sw.registration.active) return sw.skipWaiting();
  }));
});

sw.addEventListener("activate", (/** @type {any} */ event) => {
  event.waitUntil((async () => {
    const keepNames = [PAGES, RUNTIME, SNAPSHOTS];
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && !keepNames.includes(name)) await caches.delete(name);
    }
    // Runtime files of other builds go, file by file; the unchanged ones stay.
    const runtime = await caches.open(RUNTIME);
    for (const request of await runtime.keys()) {
      if (!holds(await runtime.match(request), runtimeFiles.get(request.url) ?? "")) await runtime.delete(request);
    }
    await sw.clients.claim();
  })());
});

/**
 * Keep a page's memory snapshot if it holds this build's wheel: a tab of an older build, still
 * open after an update, cannot leave its snapshot for this one.
 * @param {unknown} bytes @param {unknown} wheelSha256
 */
async function keepSnapshot(bytes, wheelSha256) {
  const wheel = BUILD.runtime.find(([url]) => url.endsWith(".whl"));
  if (!(bytes instanceof ArrayBuffer) || !wheel || wheelSha256 !== wheel[1]) return;
  const runtime = await sha256(new TextEncoder().encode(BUILD.runtime.map((e) => e.join(" ")).join("\n")).buffer);
  const cache = await caches.open(SNAPSHOTS);
  await cache.put(SNAPSHOT_URL, new Response(bytes, { headers: {
    "Content-Type": "application/gzip", [SHA_HEADER]: await sha256(bytes), [WHEEL_HEADER]: wheel[1],
    "X-Therapon-Runtime": runtime,
  } }));
}

sw.addEventListener("message", (/** @type {any} */ event) => {
  const type = event.data?.type;
  if (type === "skip-waiting") sw.skipWaiting();
  else if (type === "keep-runtime") {
    // The page learns when Python is kept: a snapshot is made only then, from these copies.
    event.waitUntil(fill(RUNTIME, runtimeFiles).then(() => event.source?.postMessage({ type: "runtime-kept" }))
      .catch(() => {}));
  }
  else if (type === "keep-snapshot" && (!sw.serviceWorker || sw.registration.active === sw.serviceWorker)) {
    event.waitUntil(keepSnapshot(event.data.bytes, event.data.wheelSha256).catch(() => {}));
  }
});

/** The cache key of a request: pages are kept under their folder URL. @param {URL} url */
function keyOf(url) {
  const key = new URL(url.href);
  key.hash = "";
  if (key.pathname.endsWith("/index.html")) key.pathname = key.pathname.slice(0, -"index.html".length);
  return key.href;
}

/**
 * A runtime file: from the cache, else from the network, passed on as it arrives (Pyodide
 * compiles while it downloads) and checked as it ends. Bytes that are not the file this build
 * lists make the response fail at its end, so they are never used, and never kept.
 * @param {Request} request @param {string} key
 */
async function runtimeResponse(request, key) {
  const cache = await caches.open(RUNTIME);
  const expected = /** @type {string} */ (runtimeFiles.get(key));
  const hit = holds(await cache.match(key), expected);
  if (hit) return hit;
  const response = await fetch(request);
  if (!response.ok || !response.body) return response;
  /** @type {BlobPart[]} */
  const chunks = [];
  const checked = new TransformStream({
    transform(chunk, controller) {
      chunks.push(chunk);
      controller.enqueue(chunk);
    },
    async flush(controller) {
      const bytes = await new Blob(chunks).arrayBuffer();
      if ((await sha256(bytes)) !== expected) {
        controller.error(new TypeError(`${key}: not the file this build lists, so it was refused`));
        return;
      }
      await cache.put(key, stored(bytes, response, expected));
    },
  });
  return new Response(response.body.pipeThrough(checked), {
    status: response.status, statusText: response.statusText, headers: response.headers,
  });
}

/**
 * The Python worker's script, with the worker's own Content-Security-Policy, which GitHub
 * Pages cannot send. @param {Response} response
 */
async function withWorkerPolicy(response) {
  const headers = new Headers(response.headers);
  headers.set("Content-Security-Policy", BUILD.worker.policy);
  return new Response(await response.arrayBuffer(), { status: response.status, headers });
}

/** A page or asset of this build, or the network for anything else. @param {Request} request @param {string} key */
async function pageResponse(request, key) {
  const hit = await caches.match(key, { cacheName: PAGES });
  if (hit) return key === pythonWorker ? withWorkerPolicy(hit) : hit;
  try {
    return await fetch(request);
  } catch (error) {
    // Offline, on a page this build does not have: its own "not found" page says so.
    if (request.mode === "navigate") {
      const missing = await caches.match(new URL("404.html", scope).href, { cacheName: PAGES });
      if (missing) return missing;
    }
    throw error;
  }
}

sw.addEventListener("fetch", (/** @type {any} */ event) => {
  const request = /** @type {Request} */ (event.request);
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const key = keyOf(url);
  if (runtimeFiles.has(key)) event.respondWith(runtimeResponse(request, key));
  else if (precached.has(key) || request.mode === "navigate") event.respondWith(pageResponse(request, key));
});
