// @ts-check
/**
 * The lock records as stored (`lock:<pid>`, see lock.js for their shape), read with care: a
 * lock that cannot be read still keeps its profile locked. It is reported and left in place,
 * and nothing is written over the profile's sealed words.
 */
import { t } from "./i18n.js";
import { cleanLock, isLockRecord } from "./lock.js";

/** @typedef {import("./lock.js").LockRecord} LockRecord */

/** @param {{values: import("./course-values.js").CourseValues, notify: import("./course-values.js").Notify}} parts */
export function createLockRecords({ values, notify }) {
  const { storage, lockKey } = values;

  /**
   * A profile's lock: its record, "bad" when one is stored but cannot be read (it is left in
   * place, and the profile stays locked: nothing is written over its words), or null.
   * @param {string} pid @returns {LockRecord | "bad" | null}
   */
  function lockOf(pid) {
    const raw = storage.getItem(lockKey(pid));
    if (raw === null) return null;
    try {
      const value = JSON.parse(raw);
      if (isLockRecord(value)) return cleanLock(value);
    } catch { /* reported below */ }
    notify(t("store.badLock"));
    return "bad";
  }
  /** @param {string} pid @returns {LockRecord | null} */
  const goodLock = (pid) => { const lock = lockOf(pid); return lock === "bad" ? null : lock; };

  return { lockOf, goodLock };
}

/** @typedef {ReturnType<typeof createLockRecords>} LockRecords */
