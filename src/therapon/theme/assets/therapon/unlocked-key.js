// @ts-check
/**
 * The one key in memory (issue 15): which profile is unlocked in this tab, its key, and its
 * words as opened. Nothing here is ever stored. It is held in this one place so that the
 * records, the lock, a profile switch and an import all see, and drop, the same key.
 */

/** The unlocked profile: its key, and its words opened, by exercise id (in memory only). @typedef {{pid: string, key: CryptoKey, salt: string, words: Map<string, string | null>, broken: Set<string>}} Opened */

export function createUnlockedKey() {
  /** @type {Opened | null} */
  let opened = null;
  /** @type {Set<() => void>} */
  const beforeLock = new Set();

  return {
    /** The profile open in this tab, with its key and words; null while every profile is locked. */
    opened: () => opened,
    /** @param {Opened} value */
    hold: (value) => { opened = value; },
    drop: () => { opened = null; },
    /** Whether this exercise's words are open here for this profile (not sealed under an older lock). */
    isOpen: (/** @type {string} */ id, /** @type {string} */ pid) =>
      opened !== null && opened.pid === pid && !opened.broken.has(id),
    /** @param {() => void} listener  called just before a lock drops the key (save what is pending) */
    onBeforeLock(listener) {
      beforeLock.add(listener);
      return () => beforeLock.delete(listener);
    },
    /** Whoever registered saves what is pending, while its key is still here to seal it. */
    saveBeforeLock: () => { for (const listener of beforeLock) listener(); },
  };
}

/** @typedef {ReturnType<typeof createUnlockedKey>} UnlockedKey */
