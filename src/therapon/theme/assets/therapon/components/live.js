// @ts-check
/** A part of the progress page that shows saved progress, drawn again whenever it changes. */

/** @typedef {import("../store.js").Store} Store */

/**
 * Draw now, then again after every change to the store, once per task however many changes it
 * holds (an import or a profile switch changes many records at once).
 * @param {Store} store @param {AbortSignal} signal @param {() => void} render
 */
export function renderNowAndOnChange(store, signal, render) {
  render();
  let queued = false;
  const unsubscribe = store.subscribe(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; if (!signal.aborted) render(); });
  });
  signal.addEventListener("abort", () => void unsubscribe(), { once: true });
}
