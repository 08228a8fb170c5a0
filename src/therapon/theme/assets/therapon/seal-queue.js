// @ts-check
/**
 * Words on their way to being sealed. Sealing takes a moment (Web Crypto), so a locked
 * record's counts are written at once and its words only when their seal is ready; until
 * then the words on disk stay as they were, sealed. Only the latest seal of each record is
 * written, and only while the lock that made it is still the one.
 */
import { seal } from "./lock.js";

/**
 * @param {{values: import("./course-values.js").CourseValues,
 *   lockRecords: import("./lock-records.js").LockRecords}} parts
 */
export function createSealQueue({ values, lockRecords }) {
  const { recordKey, stored, write } = values;
  const { goodLock } = lockRecords;
  /** Seals on their way to storage, by storage key: only the latest of each is written. */
  const sealing = new Map();
  /** @type {Set<Promise<void>>} */
  const writes = new Set();
  let sealCount = 0;

  /**
   * Seal a draft and write it, after the record's counts (already written). Only the latest
   * seal of each record is written, and only while the lock that made it is still the one.
   * @param {string} pid @param {string} id @param {string | null} draft @param {CryptoKey} key @param {string} salt
   */
  function sealLater(pid, id, draft, key, salt) {
    const at = recordKey(pid, id);
    const mine = ++sealCount;
    sealing.set(at, mine);
    const job = (draft === null ? Promise.resolve(null) : seal(key, draft)).then((sealed) => {
      if (sealing.get(at) !== mine) return;
      sealing.delete(at);
      if (goodLock(pid)?.salt !== salt) return;  // the lock was changed or removed meanwhile, from the words in memory
      const now = stored(id, pid);
      write(at, JSON.stringify({ ...now, words: sealed ? { draft: null, sealed } : { draft: null } }));
    });
    writes.add(job);
    job.finally(() => writes.delete(job));
  }
  /** Every seal on its way has been written. */
  const settled = async () => { while (writes.size > 0) await Promise.all([...writes]); };
  /** Storage was cleared or replaced: a seal still on its way finds nothing to write into. */
  const forgetPending = () => sealing.clear();

  return { sealLater, settled, forgetPending };
}

/** @typedef {ReturnType<typeof createSealQueue>} SealQueue */
