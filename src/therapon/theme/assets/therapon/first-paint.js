// @ts-check
/**
 * Run a function once the page has painted for the first time: Python may start only then, so
 * that its download and start never hold back what the learner first sees. "Painted" is the
 * first of two signs: the browser's paint entry, or the task after the first frame has been
 * drawn (a frame's callbacks run only once the page may render, and the task queued from them
 * runs after that frame's paint). The entry alone comes late where the browser learns of the
 * pixels late: 120 to 180 ms after the frame in headless Chromium on a 2-core machine, all of
 * it added to the learner's first Check.
 */

/** @param {() => void} run */
export function afterFirstPaint(run) {
  if (performance.getEntriesByType("paint").length > 0) return run();
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    run();
  };
  const observer = PerformanceObserver.supportedEntryTypes?.includes("paint")
    ? new PerformanceObserver(once) : undefined;
  observer?.observe({ type: "paint", buffered: true });
  requestAnimationFrame(() => setTimeout(once, 0));
}
