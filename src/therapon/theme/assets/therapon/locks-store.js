// @ts-check
/**
 * The passphrase lock of each profile (issue 15), as the learner uses it: unlock, set a lock,
 * change its passphrase, remove or forget it, and lock again. Its record is stored in clear
 * (lock-records.js); its key lives in memory only (unlocked-key.js), for the profile in use,
 * and is dropped by every tab of the course at once when one of them locks.
 */
import { t, tn } from "./i18n.js";
import { createLock, openLock, retryDelay, seal, unseal } from "./lock.js";
import { isSealedRecord } from "./records.js";

/** @typedef {import("./lock.js").LockRecord} LockRecord */

/**
 * @param {{courseId: string, values: import("./course-values.js").CourseValues,
 *   notify: import("./course-values.js").Notify, profiles: () => {active: string, list: {id: string}[]},
 *   unlocked: import("./unlocked-key.js").UnlockedKey, lockRecords: import("./lock-records.js").LockRecords,
 *   seals: import("./seal-queue.js").SealQueue, privateRecords: import("./records-store.js").RecordsStore["privateRecords"],
 *   emit: import("./store-events.js").Emit}} parts
 */
export function createLocksStore({ courseId, values, notify, profiles, unlocked, lockRecords, seals, privateRecords, emit }) {
  const { storage, write, asideKey, privateKey, lockKey, stored, putBack } = values;
  const { lockOf, goodLock } = lockRecords;
  const { sealLater, settled } = seals;
  const channel = "BroadcastChannel" in window ? new BroadcastChannel(`therapon:${courseId}:lock`) : null;

  /** What the progress page and a locked exercise need to know about a profile's lock. @param {string} [pid] */
  function lockState(pid = profiles().active) {
    const lock = lockOf(pid);
    return {
      locked: lock !== null,
      bad: lock === "bad",
      open: lock !== null && unlocked.opened()?.pid === pid,
      idleMinutes: lock && lock !== "bad" ? lock.idleMinutes : 0,
      retryAt: lock && lock !== "bad" ? lock.retryAt : 0,
    };
  }

  /** The profile whose words are open in this tab, if any. */
  const openProfile = () => unlocked.opened()?.pid ?? null;

  /**
   * Drop the key: every profile is locked in this tab, and (unless this came from another
   * tab, or stays in this one) in every other tab of this course too. Pending drafts are
   * saved first, sealed, by whoever registered with onBeforeLock.
   * @param {boolean} [here]  lock this tab only (another tab told us, or a profile switch)
   */
  function lockAll(here = false) {
    if (!here) channel?.postMessage({ type: "lock" });
    if (!unlocked.opened()) return;
    unlocked.saveBeforeLock();
    unlocked.drop();
    emit("lock");
  }

  /**
   * Open a locked profile with its words, after the key was found. Any plain words left by
   * a sealing that was cut short are sealed now.
   * @param {string} pid @param {CryptoKey} key @param {string} salt
   */
  async function openWith(pid, key, salt) {
    const words = new Map();
    const broken = new Set();
    const plain = [];
    for (const [id, record] of Object.entries(privateRecords(pid))) {
      if (isSealedRecord(record)) {
        const text = await unseal(key, /** @type {import("./lock.js").Sealed} */ (record.words.sealed));
        if (text === null) broken.add(id);
        else words.set(id, text);
      } else if (record.words.draft !== null) {
        words.set(id, record.words.draft);
        plain.push(id);
      }
    }
    if (profiles().active !== pid || goodLock(pid)?.salt !== salt) return false;
    unlocked.hold({ pid, key, salt, words, broken });
    for (const id of plain) sealLater(pid, id, words.get(id) ?? null, key, salt);
    if (broken.size > 0) {
      notify(tn("store.broken", broken.size));
    }
    emit("lock");
    return true;
  }

  /**
   * Unlock the profile in use. A wrong passphrase is counted (in the lock record, so a
   * reload does not reset it) and the next try must wait longer.
   * @param {string} passphrase
   * @returns {Promise<{ok: boolean, waitMs: number, bad?: boolean, wrong?: boolean}>}
   */
  async function unlock(passphrase) {
    const pid = profiles().active;
    const lock = lockOf(pid);
    if (lock === null || unlocked.opened()?.pid === pid) return { ok: true, waitMs: 0 };
    if (lock === "bad") return { ok: false, waitMs: 0, bad: true };
    const wait = lock.retryAt - Date.now();
    if (wait > 0) return { ok: false, waitMs: wait };
    const key = await openLock(lock, passphrase);
    const now = goodLock(pid);  // read again: the derivation takes a while
    if (!now || now.salt !== lock.salt || profiles().active !== pid) return { ok: false, waitMs: 0 };
    if (!key) {
      const failures = now.failures + 1;
      const delay = retryDelay(failures);
      write(lockKey(pid), JSON.stringify({ ...now, failures, retryAt: Date.now() + delay }));
      return { ok: false, waitMs: delay, wrong: true };
    }
    if (now.failures > 0 || now.retryAt > 0) write(lockKey(pid), JSON.stringify({ ...now, failures: 0, retryAt: 0 }));
    return { ok: await openWith(pid, key, lock.salt), waitMs: 0 };
  }

  /**
   * Seal every word of the profile in use under a new lock, and keep it open. Used to set a
   * lock and to change its passphrase. All is written at once, or nothing (storage full).
   * @param {string} passphrase @param {number} idleMinutes
   */
  async function sealAll(passphrase, idleMinutes) {
    const pid = profiles().active;
    await settled();
    const { lock, key } = await createLock(passphrase, idleMinutes);
    const wasOpen = unlocked.opened()?.pid === pid ? unlocked.opened() : null;
    /** @type {Map<string, string | null>} */
    const texts = new Map();
    for (const [id, record] of Object.entries(privateRecords(pid))) {
      if (wasOpen?.broken.has(id)) continue;  // sealed under an older lock, never opened: left as it is
      if (wasOpen) texts.set(id, wasOpen.words.get(id) ?? null);
      else if (!isSealedRecord(record)) texts.set(id, record.words.draft);
    }
    const sealed = new Map();
    for (const [id, text] of texts) sealed.set(id, text === null ? null : await seal(key, text));
    // From here on, synchronous: nothing else in this tab runs in between.
    if (profiles().active !== pid || (wasOpen ? unlocked.opened() !== wasOpen : lockOf(pid) !== null)) return false;
    const touched = [lockKey(pid), ...[...sealed.keys()].map((id) => privateKey(pid, id))];
    const before = new Map(touched.map((k) => [k, storage.getItem(k)]));
    try {
      storage.setItem(lockKey(pid), JSON.stringify(lock));
      for (const [id, value] of sealed) {
        storage.setItem(privateKey(pid, id), JSON.stringify({ ...stored(id, pid), words: value ? { draft: null, sealed: value } : { draft: null } }));
      }
    } catch {
      putBack(before);
      notify(t("store.lockFull"));
      return false;
    }
    unlocked.hold({ pid, key, salt: lock.salt, words: texts, broken: wasOpen?.broken ?? new Set() });
    emit("lock");
    return true;
  }

  /** Set a lock on the profile in use (it has none). @param {string} passphrase @param {number} idleMinutes */
  const setLock = (passphrase, idleMinutes) => (lockOf(profiles().active) === null ? sealAll(passphrase, idleMinutes) : Promise.resolve(false));

  /** A new passphrase for the unlocked profile in use. @param {string} passphrase */
  function changePassphrase(passphrase) {
    const pid = profiles().active;
    const lock = goodLock(pid);
    return lock && unlocked.opened()?.pid === pid ? sealAll(passphrase, lock.idleMinutes) : Promise.resolve(false);
  }

  /**
   * End the lock of the unlocked profile in use: its words are written plain again. Words
   * that could not be opened are kept aside (they could never be read without their lock).
   */
  async function removeLock() {
    const pid = profiles().active;
    if (unlocked.opened()?.pid !== pid) return false;
    await settled();
    const open = unlocked.opened();
    const before = new Map([lockKey(pid), ...Object.keys(privateRecords(pid)).map((id) => privateKey(pid, id))]
      .map((k) => [k, storage.getItem(k)]));
    try {
      for (const id of Object.keys(privateRecords(pid))) {
        const at = privateKey(pid, id);
        if (open.broken.has(id)) {
          storage.setItem(asideKey(at), /** @type {string} */ (storage.getItem(at)));
          storage.removeItem(at);
        } else {
          storage.setItem(at, JSON.stringify({ ...stored(id, pid), words: { draft: open.words.get(id) ?? null } }));
        }
      }
      storage.removeItem(lockKey(pid));
    } catch {
      putBack(before);
      notify(t("store.unlockFull"));
      return false;
    }
    unlocked.drop();
    emit("lock");
    return true;
  }

  /** A forgotten passphrase: the lock goes, and with it the locked words (status and counts stay). */
  function forgetLock() {
    const pid = profiles().active;
    if (lockOf(pid) === null) return false;
    for (const [id, record] of Object.entries(privateRecords(pid))) {
      if (isSealedRecord(record)) write(privateKey(pid, id), JSON.stringify({ ...record, words: { draft: null } }));
    }
    storage.removeItem(lockKey(pid));
    unlocked.drop();
    emit("lock");
    return true;
  }

  /** The quiet period after which the unlocked profile in use locks again. @param {number} minutes */
  function setIdleMinutes(minutes) {
    const pid = profiles().active;
    const lock = goodLock(pid);
    if (!lock || unlocked.opened()?.pid !== pid) return false;
    return write(lockKey(pid), JSON.stringify({ ...lock, idleMinutes: minutes }));
  }

  /** Every profile's lock record, for the export: a file of a locked profile keeps its words sealed. */
  function locks() {
    /** @type {Record<string, LockRecord>} */
    const found = {};
    for (const { id } of profiles().list) {
      const lock = goodLock(id);
      if (lock) found[id] = { ...lock, failures: 0, retryAt: 0 };
    }
    return found;
  }

  // Another tab pressed Lock (or the quick exit): lock here too.
  channel?.addEventListener("message", (event) => { if (event.data?.type === "lock") lockAll(true); });

  return {
    lockState, openProfile, lockAll, unlock, setLock, changePassphrase, removeLock, forgetLock,
    setIdleMinutes, locks, onBeforeLock: unlocked.onBeforeLock,
  };
}
