// @ts-check
/**
 * Whole-course writes: "delete all", and an import, which writes many records at once. Both
 * drop the key and the seals on their way first, since what they belonged to is gone or
 * replaced (imported locks and words are opened afresh). An import is all or nothing: when
 * the quota stops it, what was there before is put back.
 */
import { t } from "./i18n.js";
import { SCHEMA_VERSION, foldShared } from "./migrations.js";

/**
 * @param {{values: import("./course-values.js").CourseValues, notify: import("./course-values.js").Notify,
 *   unlocked: import("./unlocked-key.js").UnlockedKey, seals: import("./seal-queue.js").SealQueue,
 *   emit: import("./store-events.js").Emit}} parts
 */
export function createRestore({ values, notify, unlocked, seals, emit }) {
  const { storage, prefix, shared, write, privateKey, sharedKey, lockKey, ownKeys } = values;

  /** Remove everything this course stored on this device. */
  function clearAll() {
    unlocked.drop();
    seals.forgetPending();  // a seal still on its way finds nothing to write into
    for (const key of ownKeys()) storage.removeItem(key);
    write(`${prefix}schema`, String(SCHEMA_VERSION));
    emit("lock");
    emit("*");
  }

  /**
   * Write many records at once (an import). Nothing is written when any write fails, and
   * what was there before is put back.
   * @param {import("./transfer.js").Progress} data
   * @param {boolean} replace
   */
  function restore(data, replace) {
    const before = new Map(ownKeys().map((k) => [k, /** @type {string} */ (storage.getItem(k))]));
    unlocked.drop();  // the imported locks and words are opened afresh
    seals.forgetPending();
    const welcomeBefore = storage.getItem(`${prefix}welcome`);
    try {
      if (replace) for (const key of before.keys()) storage.removeItem(key);
      storage.setItem(`${prefix}schema`, String(SCHEMA_VERSION));
      // Whoever imports their progress has answered the first-visit question already.
      storage.setItem(`${prefix}welcome`, welcomeBefore ?? JSON.stringify({ answer: "returning", at: Date.now() }));
      storage.setItem(`${prefix}profiles`, JSON.stringify(data.profiles));
      for (const [pid, byId] of Object.entries(data.records)) {
        for (const [id, record] of Object.entries(byId)) storage.setItem(privateKey(pid, id), JSON.stringify(record));
      }
      for (const [id, record] of Object.entries(data.shared)) storage.setItem(sharedKey(id), JSON.stringify(record));
      storage.setItem(`${prefix}turns`, JSON.stringify(data.turns));
      for (const [pid, lock] of Object.entries(data.locks)) storage.setItem(lockKey(pid), JSON.stringify(lock));
      foldShared(storage, prefix, shared);
    } catch {
      for (const key of ownKeys()) if (!before.has(key)) storage.removeItem(key);
      for (const [key, value] of before) {
        try { storage.setItem(key, value); } catch { /* it was there a moment ago */ }
      }
      notify(t("store.importFull"));
      return false;
    } finally {
      emit("lock");
      emit("*");
    }
    return true;
  }

  return { clearAll, restore };
}
