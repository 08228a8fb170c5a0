// @ts-check
/**
 * Gives Python its options at the first moment a module can: this module is loaded `async`
 * from <head>, and only on pages with an exercise that needs Python (the build knows which),
 * so it runs while the rest of the page is still parsing, long before main.js (a deferred
 * module, run once the whole page is parsed and Material's bundle has run). The worker itself
 * was started sooner, by the inline script in <head> (partials/therapon-early-python.html);
 * the runtime takes it over here, or starts one if that script did not. It is the page's one
 * runtime (the same module, worker-client.js), so main.js finds Python already starting.
 */
import { readConfig } from "./config.js";
import { getRuntime } from "./worker-client.js";
import { afterFirstPaint } from "./first-paint.js";

performance.mark("therapon:python-early");  // benchmarks read when this module ran
afterFirstPaint(() => getRuntime(readConfig()).start());
