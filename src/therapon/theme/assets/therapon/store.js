// @ts-check
/**
 * The one progress store. Every read and write of localStorage goes through here.
 *
 * Keys are namespaced by course id (many courses can share one github.io origin) and keyed by
 * profile and exercise id, never by position. The schema is versioned, with migrations
 * (migrations.js); values live in localStorage, or in memory where it is refused (key-values.js). A
 * value that cannot be read is kept aside under a backup key and reported, never silently
 * overwritten. A browser that refuses storage gets an in-memory store and a visible notice;
 * a full quota gets a notice and leaves what was saved intact. Other tabs' changes arrive
 * through the `storage` event, and every write re-reads first, so tabs do not clobber.
 *
 * Layout (schema 4), under `therapon:<course>:`
 *   schema                         "4"
 *   profiles                       {"active": "<pid>", "list": [{"id", "name"}]}
 *   profile:<pid>:exercise:<id>    an ExerciseRecord: one partner's own (private) work
 *   shared:exercise:<id>           an ExerciseRecord of a partner practice: the couple's, one
 *                                  for every profile on this device
 *   turns                          [{"exercise", "listener", "speaker", "at"}]
 *   welcome                        {"answer": "one" | "two" | "skipped" | "returning", "at"}
 *   lock:<pid>                     a LockRecord (lock.js): the profile's words are sealed
 *   corrupt:<what>:<time>          an unreadable value, kept aside
 *
 * Which exercises are partner practice comes from the build (config.partnerPractice), so a
 * record's key follows the exercise: a practice that became shared has its partners' copies
 * folded into the shared record at start, every word kept.
 *
 * A locked profile (issue 15): its records keep status and counts in clear and their words
 * sealed; the one key lives in this store's memory only, for the profile in use, from an
 * unlock until a lock (Lock now, a quiet period, a hidden tab, a profile switch, another
 * tab's lock, a quick exit). Words are written sealed or not at all: a change of words that
 * arrives while the profile is locked is dropped, so the ciphertext can't be typed over.
 * Partner practice is the couple's and is never sealed.
 */
import { STATUS } from "./contract.js";
import { t, tn } from "./i18n.js";
import { openKeyValues } from "./key-values.js";
import { cleanLock, createLock, isLockRecord, openLock, retryDelay, seal, unseal } from "./lock.js";
import {
  betterStatus, cleanRecord, emptyRecord, isProfile, isRecord, isSealedRecord, isTurn, sameTalk,
} from "./records.js";
import { FIRST_PROFILE, SCHEMA_VERSION, foldShared, migrate } from "./migrations.js";

/** @typedef {import("./records.js").ExerciseRecord} ExerciseRecord */
/** @typedef {import("./records.js").Profile} Profile */
/** @typedef {import("./records.js").Turn} Turn */
/** @typedef {{active: string, list: Profile[]}} Profiles */
/** @typedef {(text: string) => void} Notify */
/** @typedef {{answer: string, at: number}} Welcome */
/** @typedef {import("./lock.js").LockRecord} LockRecord */
/** The unlocked profile: its key, and its words opened, by exercise id (in memory only). @typedef {{pid: string, key: CryptoKey, salt: string, words: Map<string, string | null>, broken: Set<string>}} Opened */

/** The answers the first-visit question can have; "returning" marks data from before it was asked. */
export const WELCOME_ANSWERS = Object.freeze(["one", "two", "skipped", "returning"]);

/** The first profile, named in the course's language ("Me"). */
const firstProfile = () => ({ id: FIRST_PROFILE.id, name: t("profiles.me") });
export { emptyRecord, betterStatus, FIRST_PROFILE, SCHEMA_VERSION };

/** @param {any} v @returns {v is Welcome} */
const isWelcome = (v) => v !== null && typeof v === "object" && WELCOME_ANSWERS.includes(v.answer) && Number.isSafeInteger(v.at);

/**
 * @param {string} courseId @param {Notify} notify
 * @param {string[]} [partnerPractice]  ids of the exercises a couple does together (from the build)
 */
export function createStore(courseId, notify, partnerPractice = []) {
  const shared = new Set(partnerPractice);
  const prefix = `therapon:${courseId}:`;
  const { storage, persistent } = openKeyValues();
  /** @type {Set<(id: string) => void>} */
  const listeners = new Set();
  let readOnly = false;
  if (!persistent) {
    notify(t("store.noStorage"));
  }
  // Data of a newer copy of the course, or a migration the quota stopped, is read, never written.
  const migrated = migrate(storage, prefix, shared);
  if (migrated !== "done") {
    readOnly = true;
    notify(t(migrated === "newer" ? "store.newer" : "store.migrationFull"));
  }

  /** @param {string} key @param {string} value */
  function write(key, value) {
    if (readOnly) return false;
    try {
      storage.setItem(key, value);
      return true;
    } catch {
      notify(t("store.full"));
      return false;
    }
  }

  /**
   * Read and check one JSON value. Unreadable values are kept aside and reported.
   * @template T @param {string} key @param {(value: any) => value is T} valid @param {string} what
   * @returns {T | null}
   */
  function readJson(key, valid, what) {
    const raw = storage.getItem(key);
    if (raw === null) return null;
    try {
      const value = JSON.parse(raw);
      if (valid(value)) return value;
    } catch {
      // fall through: keep the unreadable value aside
    }
    const aside = `${prefix}corrupt:${key.slice(prefix.length)}:${Date.now()}`;
    if (write(aside, raw)) storage.removeItem(key);
    notify(t("store.unreadable", { what: t(`store.what.${what}`), aside }));
    return null;
  }

  /** @param {any} v @returns {v is Profiles} */
  const isProfiles = (v) => v !== null && typeof v === "object" && Array.isArray(v.list) &&
    v.list.length > 0 && v.list.every(isProfile) && v.list.some((/** @type {Profile} */ p) => p.id === v.active);

  /** @returns {Profiles} */
  function profiles() {
    const found = readJson(`${prefix}profiles`, isProfiles, "profiles");
    return found
      ? { active: found.active, list: found.list.map((p) => ({ id: p.id, name: p.name })) }
      : { active: FIRST_PROFILE.id, list: [firstProfile()] };
  }
  /** @param {Profiles} value */
  const saveProfiles = (value) => write(`${prefix}profiles`, JSON.stringify(value));
  const privateKey = (/** @type {string} */ pid, /** @type {string} */ id) => `${prefix}profile:${pid}:exercise:${id}`;
  const sharedKey = (/** @type {string} */ id) => `${prefix}shared:exercise:${id}`;
  /** Where an exercise's record lives: the couple's for partner practice, else the profile's. */
  const recordKey = (/** @type {string} */ pid, /** @type {string} */ id) => (shared.has(id) ? sharedKey(id) : privateKey(pid, id));

  const lockKey = (/** @type {string} */ pid) => `${prefix}lock:${pid}`;
  /** @type {Opened | null} */
  let opened = null;
  /** @type {Set<() => void>} */
  const beforeLock = new Set();
  /** Seals on their way to storage, by storage key: only the latest of each is written. */
  const sealing = new Map();
  /** @type {Set<Promise<void>>} */
  const writes = new Set();
  let sealCount = 0;
  const channel = "BroadcastChannel" in window ? new BroadcastChannel(`therapon:${courseId}:lock`) : null;

  /** The record as stored: sealed words stay sealed (for export, counts and the lock itself). */
  function stored(/** @type {string} */ id, /** @type {string} */ pid) {
    const what = shared.has(id) ? "partnerPractice" : "exercise";
    const found = readJson(recordKey(pid, id), isRecord, what);
    return found ? cleanRecord(found) : emptyRecord();
  }

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
  /** Whether this exercise's words for this profile are sealed, or must be once written. */
  const sealedFor = (/** @type {string} */ id, /** @type {string} */ pid) =>
    !shared.has(id) && (lockOf(pid) !== null || isSealedRecord(stored(id, pid)));
  const isOpen = (/** @type {string} */ id, /** @type {string} */ pid) =>
    opened !== null && opened.pid === pid && !opened.broken.has(id);

  /**
   * The record as the page shows it: words opened while its profile is unlocked here, and no
   * words at all while it is locked.
   * @param {string} id @param {string} [pid] @returns {ExerciseRecord}
   */
  function read(id, pid = profiles().active) {
    const record = stored(id, pid);
    if (!sealedFor(id, pid)) return record;
    const draft = !isOpen(id, pid) ? null
      : /** @type {Opened} */ (opened).words.has(id) ? /** @type {Opened} */ (opened).words.get(id) ?? null
        : isSealedRecord(record) ? null : record.words.draft;
    return { ...record, words: { draft } };
  }

  /** Whether this exercise shows "locked" for the profile (in use): its words are sealed and not open here. */
  const isLocked = (/** @type {string} */ id, pid = profiles().active) => sealedFor(id, pid) && !isOpen(id, pid);

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

  /**
   * Change one exercise's record for the active profile (or the couple's, for partner
   * practice). Storage is re-read first, so a change made in another tab is merged rather
   * than overwritten, and status never drops.
   * @param {string} id @param {(record: ExerciseRecord) => Partial<ExerciseRecord>} change
   */
  function update(id, change) {
    const pid = profiles().active;
    const current = read(id, pid);
    const delta = { ...change(current) };
    const sealed = sealedFor(id, pid);
    if (sealed && !isOpen(id, pid)) delete delta.words;  // a locked answer is never typed over
    const next = { ...current, ...delta, updatedAt: Date.now() };
    next.status = betterStatus(current.status, next.status);
    if (!sealed) {
      write(recordKey(pid, id), JSON.stringify(next));
    } else {
      // Counts now, in clear; the words stay as they are on disk until their seal is ready.
      write(recordKey(pid, id), JSON.stringify({ ...next, words: stored(id, pid).words }));
      if (delta.words && opened) {
        opened.words.set(id, next.words.draft);
        sealLater(pid, id, next.words.draft, opened.key, opened.salt);
      }
    }
    emit(id);
    return next;
  }
  /** @param {string} start @param {(id: string) => ExerciseRecord} reader */
  function collect(start, reader) {
    /** @type {Record<string, ExerciseRecord>} */
    const found = {};
    for (const key of storage.keys()) {
      if (key.startsWith(start)) found[key.slice(start.length)] = reader(key.slice(start.length));
    }
    return found;
  }

  /** One profile's own saved records as stored (sealed words stay sealed), by exercise id
   * (partner practice left out). @param {string} [pid] */
  function privateRecords(pid = profiles().active) {
    const own = collect(`${prefix}profile:${pid}:exercise:`, (id) => {
      const found = readJson(privateKey(pid, id), isRecord, "exercise");
      return found ? cleanRecord(found) : emptyRecord();
    });
    for (const id of shared) delete own[id];
    return own;
  }

  /** The couple's saved partner-practice records, by exercise id. */
  const sharedRecords = () => collect(`${prefix}shared:exercise:`, (id) => {
    const found = readJson(sharedKey(id), isRecord, "partnerPractice");
    return found ? cleanRecord(found) : emptyRecord();
  });

  /** Everything a profile sees: its own records and the couple's. @param {string} [pid] */
  const records = (pid = profiles().active) => {
    const all = { ...privateRecords(pid) };
    for (const [id, record] of Object.entries(sharedRecords())) if (shared.has(id)) all[id] = record;
    return all;
  };

  /** @returns {Turn[]} */
  const turns = () => readJson(`${prefix}turns`, (v) => Array.isArray(v) && v.every(isTurn), "turns")?.map((t) => ({ ...t })) ?? [];

  /**
   * Save who listened and who spoke in a partner practice, and mark the practice done for the
   * couple. The same talk saved twice (same practice, listener and speaker, same day) is kept
   * once. Returns whether the turn was new, or null when it could not be recorded.
   * @param {Turn} turn @returns {boolean | null}
   */
  function saveTurn(turn) {
    if (!isTurn(turn)) return null;
    const log = turns();
    const isNew = !log.some((t) => sameTalk(t, turn));
    if (isNew && !write(`${prefix}turns`, JSON.stringify([...log, turn]))) return null;
    if (shared.has(turn.exercise)) update(turn.exercise, () => ({ status: STATUS.passed }));
    emit("*");
    return isNew;
  }

  /** @returns {Welcome | null} */
  const welcome = () => readJson(`${prefix}welcome`, isWelcome, "welcome");

  /** @param {string} answer  one of WELCOME_ANSWERS */
  function answerWelcome(answer) {
    write(`${prefix}welcome`, JSON.stringify({ answer, at: Date.now() }));
    emit("welcome");
  }

  /** @param {string} pid */
  function switchProfile(pid) {
    const current = profiles();
    if (!current.list.some((p) => p.id === pid)) return;
    if (pid === current.active) return;
    for (const listener of beforeLock) listener();  // pending drafts go to the profile left
    opened = null;  // the profile left is locked
    saveProfiles({ ...current, active: pid });
    emit("lock");  // the exercises show the new profile's words, or that they are locked
    emit("*");
  }

  // --- the lock -------------------------------------------------------------------------

  /** What the progress page and a locked exercise need to know about a profile's lock. @param {string} [pid] */
  function lockState(pid = profiles().active) {
    const lock = lockOf(pid);
    return {
      locked: lock !== null,
      bad: lock === "bad",
      open: lock !== null && opened?.pid === pid,
      idleMinutes: lock && lock !== "bad" ? lock.idleMinutes : 0,
      retryAt: lock && lock !== "bad" ? lock.retryAt : 0,
    };
  }

  /** The profile whose words are open in this tab, if any. */
  const openProfile = () => opened?.pid ?? null;

  /**
   * Drop the key: every profile is locked in this tab, and (unless this came from another
   * tab, or stays in this one) in every other tab of this course too. Pending drafts are
   * saved first, sealed, by whoever registered with onBeforeLock.
   * @param {boolean} [here]  lock this tab only (another tab told us, or a profile switch)
   */
  function lockAll(here = false) {
    if (!here) channel?.postMessage({ type: "lock" });
    if (!opened) return;
    for (const listener of beforeLock) listener();
    opened = null;
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
    opened = { pid, key, salt, words, broken };
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
    if (lock === null || opened?.pid === pid) return { ok: true, waitMs: 0 };
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
    const wasOpen = opened?.pid === pid ? opened : null;
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
    if (profiles().active !== pid || (wasOpen ? opened !== wasOpen : lockOf(pid) !== null)) return false;
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
    opened = { pid, key, salt: lock.salt, words: texts, broken: wasOpen?.broken ?? new Set() };
    emit("lock");
    return true;
  }

  /** @param {Map<string, string | null>} before */
  function putBack(before) {
    for (const [key, value] of before) {
      try {
        if (value === null) storage.removeItem(key);
        else storage.setItem(key, value);
      } catch { /* it was there a moment ago */ }
    }
  }

  /** Set a lock on the profile in use (it has none). @param {string} passphrase @param {number} idleMinutes */
  const setLock = (passphrase, idleMinutes) => (lockOf(profiles().active) === null ? sealAll(passphrase, idleMinutes) : Promise.resolve(false));

  /** A new passphrase for the unlocked profile in use. @param {string} passphrase */
  function changePassphrase(passphrase) {
    const pid = profiles().active;
    const lock = goodLock(pid);
    return lock && opened?.pid === pid ? sealAll(passphrase, lock.idleMinutes) : Promise.resolve(false);
  }

  /**
   * End the lock of the unlocked profile in use: its words are written plain again. Words
   * that could not be opened are kept aside (they could never be read without their lock).
   */
  async function removeLock() {
    const pid = profiles().active;
    if (opened?.pid !== pid) return false;
    await settled();
    const open = opened;
    const before = new Map([lockKey(pid), ...Object.keys(privateRecords(pid)).map((id) => privateKey(pid, id))]
      .map((k) => [k, storage.getItem(k)]));
    try {
      for (const id of Object.keys(privateRecords(pid))) {
        const at = privateKey(pid, id);
        if (open.broken.has(id)) {
          storage.setItem(`${prefix}corrupt:${at.slice(prefix.length)}:${Date.now()}`, /** @type {string} */ (storage.getItem(at)));
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
    opened = null;
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
    opened = null;
    emit("lock");
    return true;
  }

  /** The quiet period after which the unlocked profile in use locks again. @param {number} minutes */
  function setIdleMinutes(minutes) {
    const pid = profiles().active;
    const lock = goodLock(pid);
    if (!lock || opened?.pid !== pid) return false;
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

  /** @param {() => void} listener  called just before a lock drops the key (save what is pending) */
  function onBeforeLock(listener) {
    beforeLock.add(listener);
    return () => beforeLock.delete(listener);
  }

  /** @param {string} name @returns {Profile | null} */
  function addProfile(name) {
    const current = profiles();
    const profile = { id: `p-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, name: name.trim() };
    if (!isProfile(profile)) return null;
    saveProfiles({ active: current.active, list: [...current.list, profile] });
    emit("*");
    return profile;
  }

  /** @param {string} pid @param {string} name */
  function renameProfile(pid, name) {
    const current = profiles();
    const list = current.list.map((p) => (p.id === pid ? { id: p.id, name: name.trim() } : p));
    if (!list.every(isProfile)) return false;
    saveProfiles({ ...current, list });
    emit("*");
    return true;
  }

  /** Every key this course stored on this device (for export and "delete all"). */
  const ownKeys = () => storage.keys().filter((k) => k.startsWith(prefix));

  /** Remove everything this course stored on this device. */
  function clearAll() {
    opened = null;
    sealing.clear();  // a seal still on its way finds nothing to write into
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
    opened = null;  // the imported locks and words are opened afresh
    sealing.clear();
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

  /** Another tab sealed new words for the open profile: open them here too. @param {string} id */
  async function reopen(id) {
    const open = /** @type {Opened} */ (opened);
    const record = stored(id, open.pid);
    if (!isSealedRecord(record)) return;
    const text = await unseal(open.key, /** @type {import("./lock.js").Sealed} */ (record.words.sealed));
    if (opened !== open || text === null) return;
    open.words.set(id, text);
    emit(id);
  }

  /** @param {string} id  an exercise id, "*" when anything may have changed, "lock" when a lock opened or closed */
  function emit(id) {
    for (const listener of listeners) listener(id);
  }

  /** @param {(id: string) => void} listener */
  function subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  // Another tab pressed Lock (or the quick exit): lock here too.
  channel?.addEventListener("message", (event) => { if (event.data?.type === "lock") lockAll(true); });

  // Another tab saved something: tell this tab's exercises so they show it.
  window.addEventListener("storage", (event) => {
    const key = event.key;
    if (opened && (key === null || profiles().active !== opened.pid || goodLock(opened.pid)?.salt !== opened.salt)) {
      lockAll(true);  // storage cleared, another profile chosen, or the lock changed or removed there
    }
    if (key === null) return emit("*"); // the other tab cleared storage
    if (!key.startsWith(prefix)) return;
    if (key.startsWith(`${prefix}lock:`) || key === `${prefix}profiles`) emit("lock");
    if (key.startsWith(`${prefix}lock:`)) return;
    const mine = `${prefix}profile:${profiles().active}:exercise:`;
    if (opened && key.startsWith(mine)) reopen(key.slice(mine.length));
    const ours = `${prefix}shared:exercise:`;
    if (key.startsWith(mine)) return emit(key.slice(mine.length));
    if (key.startsWith(ours)) return emit(key.slice(ours.length));
    emit(key === `${prefix}welcome` ? "welcome" : "*");
  });

  return {
    read, update, records, privateRecords, sharedRecords, subscribe, profiles, switchProfile, addProfile,
    renameProfile, turns, saveTurn, welcome, answerWelcome, clearAll, restore, ownKeys,
    isLocked, lockState, openProfile, lockAll, unlock, setLock, changePassphrase, removeLock, forgetLock,
    setIdleMinutes, locks, onBeforeLock, settled,
    isShared: (/** @type {string} */ id) => shared.has(id),
    partnerPractice: [...shared],
    courseId,
    persistent,
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */
