// @ts-check
/**
 * Where the store keeps its values: localStorage, or, in a browser that refuses it (a private
 * window with storage off, a sandboxed frame), a map in memory for this visit only, so the page
 * still works and the store can say that nothing will be kept.
 */

/** @typedef {{getItem: (key: string) => string | null, setItem: (key: string, value: string) => void, removeItem: (key: string) => void, keys: () => string[]}} KeyValues */

/** @returns {Storage | null} */
function usableStorage() {
  try {
    const storage = window.localStorage;
    const probe = "therapon:probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** A Storage-like map for browsers that refuse localStorage. @returns {KeyValues} */
function memoryStorage() {
  const map = new Map();
  return {
    getItem: (/** @type {string} */ k) => (map.has(k) ? map.get(k) : null),
    setItem: (/** @type {string} */ k, /** @type {string} */ v) => void map.set(k, String(v)),
    removeItem: (/** @type {string} */ k) => void map.delete(k),
    keys: () => Array.from(map.keys()),
  };
}

/** @returns {{storage: KeyValues, persistent: boolean}} */
export function openKeyValues() {
  const real = usableStorage();
  if (!real) return { storage: memoryStorage(), persistent: false };
  return {
    storage: {
      getItem: (k) => real.getItem(k),
      setItem: (k, v) => real.setItem(k, v),
      removeItem: (k) => real.removeItem(k),
      keys: () => Array.from({ length: real.length }, (_, i) => real.key(i) ?? ""),
    },
    persistent: true,
  };
}
