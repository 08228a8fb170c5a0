// @ts-check
/**
 * The store's one emitter: what changed, for whoever shows it. This tab's writes and other
 * tabs' arrive the same way, so an exercise, the switcher or the progress page redraws from
 * one signal whatever the source.
 */

/** @typedef {(id: string) => void} Emit  an exercise id, "*" when anything may have changed, "lock" when a lock opened or closed, "welcome" for the first-visit answer */

export function createStoreEvents() {
  /** @type {Set<(id: string) => void>} */
  const listeners = new Set();

  /** @type {Emit} */
  function emit(id) {
    for (const listener of listeners) listener(id);
  }

  /** @param {(id: string) => void} listener */
  function subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return { emit, subscribe };
}
