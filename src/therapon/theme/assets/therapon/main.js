// @ts-check
/**
 * Entry point on every page. It mounts each exercise on Material's document$ (which fires on
 * first load and after each instant navigation) with one AbortController per page, and
 * starts Python only on pages that have exercises, after the page has painted.
 */
import { ATTR, PYTHON_KINDS, SELECTOR } from "./contract.js";
import { readConfig } from "./config.js";
import { mountCourseProgress } from "./course-progress.js";
import { answerEarlyPresses, dropEarlyPresses, earlyEdits } from "./early-presses.js";
import { afterFirstPaint } from "./first-paint.js";
import { mountHeaderTitle } from "./header-title.js";
import { notify, render as renderNotices } from "./notices.js";
import { keepRuntime, registerOffline, renderUpdateNotice } from "./offline.js";
import { allowSearch, holdSearch } from "./search-start.js";
import { createStore } from "./store.js";
import { getRuntime } from "./worker-client.js";
import { mount as mountChoice } from "./components/choice-exercise.js";
import { mount as mountCode } from "./components/code-exercise.js";
import { mount as mountPartnerTurn } from "./components/partner-turn.js";
import { mountSwitcher } from "./components/profiles.js";
import { mountWelcome } from "./components/welcome.js";
import { mountLocked } from "./components/locked-exercise.js";
import { mountQuickExit } from "./components/quick-exit.js";
import { watchIdle } from "./idle-lock.js";
import { mount as mountReflection } from "./components/reflection-exercise.js";
import { mount as mountText } from "./components/text-exercise.js";

/** data-kind -> mount function: one for every kind of the contract (tsc checks it). */
/** @type {Record<import("./contract.js").Kind, (el: HTMLElement, context: any) => void>} */
const MOUNTS = { code: mountCode, text: mountText, choice: mountChoice, reflection: mountReflection };

const config = readConfig();
/** Whether an exercise's page must start Python. @param {HTMLElement} el */
const needsPython = (el) => /** @type {readonly string[]} */ (PYTHON_KINDS).includes(el.getAttribute(ATTR.kind) ?? "");
const store = createStore(config.courseId, notify, config.partnerPractice);
/** @type {Promise<any> | undefined} */
let editorModule;
const loadEditor = () => (editorModule ||= import(new URL("editor.js", config.assetsUrl).href));

/** @type {AbortController | undefined} */
let page;
/** Whether this page starts Python: "never" (no exercise needs it) or "ahead" (once painted, or when seen). */
let pythonPlan = "";

function mountPage() {
  page?.abort();
  page = new AbortController();
  const { signal } = page;
  const exercises = /** @type {HTMLElement[]} */ (Array.from(document.querySelectorAll(SELECTOR.exercise)));
  const python = exercises.filter(needsPython);
  pythonPlan = python.length > 0 ? "ahead" : "never";
  // Python is asked for before the rest of the page is mounted: every millisecond before
  // the worker starts is one more that the first Check waits.
  if (python.length > 0) startAhead(python, getRuntime(config), signal);
  renderNotices();
  renderUpdateNotice();
  mountHeaderTitle(config);
  mountWelcome({ store, signal, config });
  mountCourseProgress({ store, config, signal });
  mountSwitcher({ store, signal });
  mountQuickExit({ store, config });
  // The progress page's parts, each into its own placeholder; their code loads only there.
  const parts = {
    "[data-therapon-dashboard]": () => import("./components/dashboard.js"),
    "[data-therapon-profiles]": () => import("./components/profiles.js"),
    "[data-therapon-data]": () => import("./components/your-data.js"),
    "[data-therapon-lock]": () => import("./components/lock-controls.js"),
    [SELECTOR.answers]: () => import("./components/answers.js"),
  };
  for (const [selector, load] of Object.entries(parts)) {
    const el = /** @type {HTMLElement | null} */ (document.querySelector(selector));
    if (el) load().then(({ mount }) => { if (!signal.aborted) mount(el, { store, config, signal }); });
  }
  if (pythonPlan === "never") allowSearch();
  if (exercises.length === 0) return;
  const runtime = getRuntime(config);
  // Once Python runs, the service worker keeps it, so the next visit works offline; and
  // Material's search may build its index (search-start.js).
  const unsubscribe = runtime.subscribe((status) => {
    if (status.state === "ready") keepRuntime();
    if (status.state === "ready" || status.state === "failed") allowSearch();
  });
  signal.addEventListener("abort", unsubscribe);
  // The exercises are mounted again whenever a lock opens or closes: a locked one shows that
  // it is locked, an unlocked one its words. Before a lock drops the key, pending drafts are
  // saved (sealed) by aborting the mounts.
  let mounted = mountExercises(exercises, runtime, signal);
  const stopRelock = store.subscribe((id) => {
    if (id !== "lock") return;
    mounted.abort();
    mounted = mountExercises(exercises, runtime, signal);
  });
  const stopFlush = store.onBeforeLock(() => mounted.abort());
  signal.addEventListener("abort", () => { stopRelock(); stopFlush(); });
}

/**
 * Mount each exercise, or its locked view, under a controller of its own that the page's ends with.
 * @param {HTMLElement[]} exercises @param {ReturnType<typeof getRuntime>} runtime @param {AbortSignal} pageSignal
 */
function mountExercises(exercises, runtime, pageSignal) {
  const controller = new AbortController();
  pageSignal.addEventListener("abort", () => controller.abort(), { once: true, signal: controller.signal });
  const { signal } = controller;
  for (const el of exercises) {
    const mount = MOUNTS[/** @type {import("./contract.js").Kind} */ (el.getAttribute(ATTR.kind))];
    if (!mount) continue;
    try {
      const edits = earlyEdits(el);
      if (store.isLocked(el.getAttribute(ATTR.exercise) || "")) {
        mountLocked(el, { store, signal });
        el.setAttribute(ATTR.ready, "");
        dropEarlyPresses(el);  // a locked answer is never typed over, not even by an early press
      } else {
        mount(el, { runtime, store, signal, config, loadEditor });
        mountPartnerTurn(el, { store, signal, config });
        el.setAttribute(ATTR.ready, "");  // its buttons work from now on (tests and benchmarks wait for it)
        answerEarlyPresses(el, edits);
      }
    } catch (error) {
      console.error(`Exercise ${el.getAttribute(ATTR.exercise)} could not start`, error);
    }
  }
  return controller;
}

/**
 * Start Python ahead of need, but only where an exercise needs it (choices and reflections
 * never download Python): as soon as the page has painted, or sooner if the learner sees or
 * reaches an exercise.
 * @param {HTMLElement[]} exercises
 * @param {ReturnType<typeof getRuntime>} runtime
 * @param {AbortSignal} signal
 */
function startAhead(exercises, runtime, signal) {
  const seen = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) warm();
  });
  function warm() {
    seen.disconnect();
    if (!signal.aborted) runtime.start();
  }
  for (const el of exercises) {
    seen.observe(el);
    el.addEventListener("focusin", warm, { once: true, signal });
  }
  signal.addEventListener("abort", () => seen.disconnect());
  // Python starts in a worker thread of its own, so once the page has painted it need not wait
  // for an idle moment: it would start by then anyway, and every millisecond before the first
  // Check is one the learner waits (the trace in benchmarks/results.md). The page has usually
  // painted before this runs (and python-early.js has asked for Python); if not, it waits.
  afterFirstPaint(warm);
}

// Exposed for tests and benchmarks: how often Pyodide started in this visit, and how long it took.
Object.defineProperty(window, "__therapon", {
  value: {
    get starts() { return getRuntime(config).starts; },
    get timings() { return getRuntime(config).timings; },
    get state() { return getRuntime(config).status.state; },
    /** "never" once this page has decided it needs no Python: nothing will start it later. */
    get plan() { return pythonPlan; },
  },
});

holdSearch();
registerOffline(config.siteRoot, config.offline);
watchIdle(store);
const documents = /** @type {any} */ (window).document$;
if (documents) documents.subscribe(mountPage);
else mountPage();
