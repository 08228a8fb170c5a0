// @ts-check
/**
 * The page's side of offline use: register the service worker (sw.js at the site root, so it
 * covers the whole course, also under a GitHub Pages sub-path), tell it to keep Python once a
 * page has started it, and offer an update when a new version of the course is ready.
 * Registration waits until the page is idle, so it never competes with the first paint.
 */
import { h } from "./components/dom.js";
import { t } from "./i18n.js";
import { noticeBox } from "./notices.js";

/** @type {ServiceWorkerRegistration | undefined} */
let registration;
let reloading = false;

/**
 * @param {URL} siteRoot
 * @param {boolean} enabled  false under `mkdocs serve`, where cached pages would hide edits
 */
export function registerOffline(siteRoot, enabled) {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  if (!enabled) {
    navigator.serviceWorker.getRegistrations()
      .then((all) => all.forEach((found) => found.unregister()), () => {});
    return;
  }
  const register = () => navigator.serviceWorker
    .register(new URL("sw.js", siteRoot), { scope: siteRoot.pathname })
    .then((found) => {
      if (!found) return;  // registration refused (an automated browser can do this)
      registration = found;
      if (found.waiting && navigator.serviceWorker.controller) showUpdate();
      if (found.installing) watch(found.installing);
      found.addEventListener("updatefound", () => { if (found.installing) watch(found.installing); });
    })
    .catch((error) => console.warn("Offline use is not available:", error));
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
  });
  if (document.readyState === "complete") whenIdle(register);
  else addEventListener("load", () => whenIdle(register), { once: true });
}

/** A new version installed while another runs this page is an update, not a first visit. @param {ServiceWorker} incoming */
function watch(incoming) {
  incoming.addEventListener("statechange", () => {
    if (incoming.state === "installed" && navigator.serviceWorker.controller) showUpdate();
  });
}

/** @param {() => void} task */
const whenIdle = (task) => ("requestIdleCallback" in window ? requestIdleCallback(task, { timeout: 3000 }) : setTimeout(task, 200));

/** Once Python runs on this page, ask the service worker to keep it for offline visits. */
export function keepRuntime() {
  navigator.serviceWorker?.ready.then((ready) => ready.active?.postMessage({ type: "keep-runtime" }));
}

/** @type {Promise<void> | undefined} */
let runtimeKept;

/** Resolves once the service worker says it keeps all of Python (after keepRuntime). */
export function whenRuntimeKept() {
  runtimeKept ||= new Promise((resolve) => navigator.serviceWorker?.addEventListener("message", (event) => {
    if (event.data?.type === "runtime-kept") resolve();
  }));
  return runtimeKept;
}

/**
 * Hand a memory snapshot to the service worker, which keeps it in its build's cache if it was
 * made with this build's checking wheel. @param {ArrayBuffer} bytes @param {string} wheelSha256
 */
export function keepSnapshot(bytes, wheelSha256) {
  navigator.serviceWorker?.ready.then((ready) => ready.active?.postMessage(
    { type: "keep-snapshot", bytes, wheelSha256 }, [bytes]));
}

/** Show the update notice again after instant navigation replaced the content. */
export function renderUpdateNotice() {
  if (registration?.waiting && navigator.serviceWorker.controller) showUpdate();
}

function showUpdate() {
  const place = noticeBox("update", "info", "status");
  if (!place?.isNew) return;
  const button = /** @type {HTMLButtonElement} */ (
    h("button", { type: "button", class: "md-button md-button--primary" }, t("offline.update")));
  place.box.append(h("p", {}, t("offline.ready")), button);
  button.addEventListener("click", () => {
    const waiting = registration?.waiting;
    if (!waiting) return location.reload();
    reloading = true;
    button.disabled = true;
    button.textContent = t("offline.updating");
    waiting.postMessage({ type: "skip-waiting" });
  });
}
