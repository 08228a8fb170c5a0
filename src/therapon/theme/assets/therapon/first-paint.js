// @ts-check
/**
 * Run a function once the browser has reported the page's first paint: Python may start only
 * then, so that its download and start never hold back what the learner first sees. The paint
 * entry is the browser's own word for it (a frame's end can come a little before the pixels
 * are shown); a browser without paint timing gets the task after the next frame instead.
 */

/** @param {() => void} run */
export function afterFirstPaint(run) {
  if (performance.getEntriesByType("paint").length > 0) return run();
  if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) {
    requestAnimationFrame(() => setTimeout(run, 0));
    return;
  }
  const observer = new PerformanceObserver(() => {
    observer.disconnect();
    run();
  });
  observer.observe({ type: "paint", buffered: true });
}
