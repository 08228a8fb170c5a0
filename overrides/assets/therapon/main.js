// @ts-check
/**
 * Entry point on every page. It mounts each exercise on Material's document$ (which fires on
 * first load and after each instant navigation) with one AbortController per page, and
 * starts Python only on pages that have exercises, after the page has painted.
 */
import { readConfig } from "./config.js";
import { mountCourseProgress } from "./course-progress.js";
import { notify, render as renderNotices } from "./notices.js";
import { createStore } from "./store.js";
import { getRuntime } from "./worker-client.js";
import { mount as mountChoice } from "./components/choice-exercise.js";
import { mount as mountCode } from "./components/code-exercise.js";
import { mount as mountPartnerTurn } from "./components/partner-turn.js";
import { mountSwitcher } from "./components/profiles.js";
import { mount as mountReflection } from "./components/reflection-exercise.js";
import { mount as mountText } from "./components/text-exercise.js";

/** data-kind -> mount function */
const MOUNTS = { code: mountCode, text: mountText, choice: mountChoice, reflection: mountReflection };

const config = readConfig();
const store = createStore(config.courseId, notify);
/** @type {Promise<any> | undefined} */
let editorModule;
const loadEditor = () => (editorModule ||= import(new URL("editor.js", config.assetsUrl).href));

/** @type {AbortController | undefined} */
let page;

function mountPage() {
  page?.abort();
  page = new AbortController();
  const { signal } = page;
  renderNotices();
  mountCourseProgress({ store, config, signal });
  mountSwitcher({ store, signal });
  // The progress page's parts, each into its own placeholder; their code loads only there.
  const parts = {
    "[data-therapon-dashboard]": () => import("./components/dashboard.js"),
    "[data-therapon-profiles]": () => import("./components/profiles.js"),
    "[data-therapon-data]": () => import("./components/your-data.js"),
  };
  for (const [selector, load] of Object.entries(parts)) {
    const el = /** @type {HTMLElement | null} */ (document.querySelector(selector));
    if (el) load().then(({ mount }) => { if (!signal.aborted) mount(el, { store, config, signal }); });
  }
  const exercises = /** @type {HTMLElement[]} */ (Array.from(document.querySelectorAll("[data-exercise]")));
  if (exercises.length === 0) return;
  const runtime = getRuntime(config);
  for (const el of exercises) {
    const mount = MOUNTS[/** @type {keyof typeof MOUNTS} */ (el.dataset.kind)];
    if (!mount) continue;
    try {
      mount(el, { runtime, store, signal, config, loadEditor });
      mountPartnerTurn(el, { store, signal, config });
      el.dataset.ready = "";  // its buttons work from now on (tests and benchmarks wait for it)
    } catch (error) {
      console.error(`Exercise ${el.dataset.exercise} could not start`, error);
    }
  }
  // Warm Python up once the page is idle, so the first Check does not wait for it, but only
  // where an exercise needs it: choices and reflections never download Python.
  if (!exercises.some((el) => config.pythonKinds.includes(el.dataset.kind ?? ""))) return;
  const warm = () => { if (!signal.aborted) runtime.start(); };
  if ("requestIdleCallback" in window) requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 500);
}

// Exposed for tests and benchmarks: how often Pyodide started in this visit, and how long it took.
Object.defineProperty(window, "__therapon", {
  value: {
    get starts() { return getRuntime(config).starts; },
    get timings() { return getRuntime(config).timings; },
  },
});

const documents = /** @type {any} */ (window).document$;
if (documents) documents.subscribe(mountPage);
else mountPage();
