// @ts-check
/**
 * Asks for Python at the first moment the rules allow: once the page has painted. This module
 * is loaded `async` from <head>, and only on pages with an exercise that needs Python (the
 * build knows which), so it runs while the rest of the page is still parsing, long before
 * main.js (a deferred module, run once the whole page is parsed and Material's bundle has run).
 * It shares the page's one runtime with main.js (the same module, worker-client.js), so
 * main.js finds Python already starting and never starts a second one.
 */
import { readConfig } from "./config.js";
import { getRuntime } from "./worker-client.js";
import { afterFirstPaint } from "./first-paint.js";

performance.mark("therapon:python-early");  // benchmarks read when this module ran
afterFirstPaint(() => getRuntime(readConfig()).start());
