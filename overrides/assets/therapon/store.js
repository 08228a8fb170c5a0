// @ts-check
/**
 * The one progress store. Every read and write of localStorage goes through here.
 *
 * Keys are namespaced by course id (many courses can share one github.io origin) and keyed by
 * profile and exercise id, never by position. The schema is versioned, with migrations. A
 * value that cannot be read is kept aside under a backup key and reported, never silently
 * overwritten. A browser that refuses storage gets an in-memory store and a visible notice;
 * a full quota gets a notice and leaves what was saved intact. Other tabs' changes arrive
 * through the `storage` event, and every write re-reads first, so tabs do not clobber.
 *
 * Layout (schema 2), under `therapon:<course>:`
 *   schema                         "2"
 *   profiles                       {"active": "<pid>", "list": [{"id", "name"}]}
 *   profile:<pid>:exercise:<id>    an ExerciseRecord
 *   turns                          [{"exercise", "listener", "speaker", "at"}]
 *   corrupt:<what>:<time>          an unreadable value, kept aside
 */
import { cleanRecord, emptyRecord, betterStatus, isProfile, isRecord, isTurn } from "./records.js";

/** @typedef {import("./records.js").ExerciseRecord} ExerciseRecord */
/** @typedef {import("./records.js").Profile} Profile */
/** @typedef {import("./records.js").Turn} Turn */
/** @typedef {{active: string, list: Profile[]}} Profiles */
/** @typedef {(text: string) => void} Notify */

export const SCHEMA_VERSION = 2;
export const FIRST_PROFILE = Object.freeze({ id: "me", name: "Me" });
export { emptyRecord, betterStatus };

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

/** A Storage-like map for browsers that refuse localStorage. */
function memoryStorage() {
  const map = new Map();
  return {
    getItem: (/** @type {string} */ k) => (map.has(k) ? map.get(k) : null),
    setItem: (/** @type {string} */ k, /** @type {string} */ v) => void map.set(k, String(v)),
    removeItem: (/** @type {string} */ k) => void map.delete(k),
    keys: () => Array.from(map.keys()),
  };
}

/** Schema migrations, by the version they start from. Each moves data, never drops it. */
const MIGRATIONS = {
  /** 1 → 2: records move under the first profile. @param {ReturnType<typeof memoryStorage>} s @param {string} prefix */
  1(s, prefix) {
    for (const key of s.keys()) {
      if (!key.startsWith(`${prefix}exercise:`)) continue;
      const id = key.slice(`${prefix}exercise:`.length);
      const target = `${prefix}profile:${FIRST_PROFILE.id}:exercise:${id}`;
      if (s.getItem(target) === null) s.setItem(target, /** @type {string} */ (s.getItem(key)));
      s.removeItem(key);
    }
  },
};

/** @param {string} courseId @param {Notify} notify */
export function createStore(courseId, notify) {
  const prefix = `therapon:${courseId}:`;
  const real = usableStorage();
  const storage = real
    ? {
        getItem: (/** @type {string} */ k) => real.getItem(k),
        setItem: (/** @type {string} */ k, /** @type {string} */ v) => real.setItem(k, v),
        removeItem: (/** @type {string} */ k) => real.removeItem(k),
        keys: () => Array.from({ length: real.length }, (_, i) => real.key(i) ?? ""),
      }
    : memoryStorage();
  /** @type {Set<(id: string) => void>} */
  const listeners = new Set();
  let readOnly = false;
  if (!real) {
    notify("This browser is not letting the course save your progress, so it will be kept only until you close this tab.");
  }
  migrate();

  function migrate() {
    const key = `${prefix}schema`;
    const stored = storage.getItem(key);
    const hasData = storage.keys().some((k) => k.startsWith(prefix) && k !== key);
    let version = stored === null ? (hasData ? 1 : SCHEMA_VERSION) : Number(stored);
    if (!Number.isInteger(version) || version > SCHEMA_VERSION) {
      readOnly = true;
      notify("Your progress was saved by a newer version of this course. Reload the page to get the newest version; until then, nothing here is saved, so nothing is overwritten.");
      return;
    }
    try {
      for (; version < SCHEMA_VERSION; version++) MIGRATIONS[/** @type {1} */ (version)](storage, prefix);
      storage.setItem(key, String(SCHEMA_VERSION));
    } catch {
      notify("Your saved progress could not be updated to this version of the course. It is unchanged; try again after freeing some space.");
    }
  }

  /** @param {string} key @param {string} value */
  function write(key, value) {
    if (readOnly) return false;
    try {
      storage.setItem(key, value);
      return true;
    } catch {
      notify("Your browser's storage for this site is full, so your latest change was not saved. Your earlier progress is safe.");
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
    notify(`Saved ${what} could not be read. A copy was kept aside (${aside}) and that part starts fresh.`);
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
      : { active: FIRST_PROFILE.id, list: [{ ...FIRST_PROFILE }] };
  }
  /** @param {Profiles} value */
  const saveProfiles = (value) => write(`${prefix}profiles`, JSON.stringify(value));
  const recordKey = (/** @type {string} */ pid, /** @type {string} */ id) => `${prefix}profile:${pid}:exercise:${id}`;

  /** @param {string} id @param {string} [pid] @returns {ExerciseRecord} */
  function read(id, pid = profiles().active) {
    const found = readJson(recordKey(pid, id), isRecord, "progress for one exercise");
    return found ? cleanRecord(found) : emptyRecord();
  }

  /**
   * Change one exercise's record for the active profile. Storage is re-read first, so a
   * change made in another tab is merged rather than overwritten, and status never drops.
   * @param {string} id @param {(record: ExerciseRecord) => Partial<ExerciseRecord>} change
   */
  function update(id, change) {
    const pid = profiles().active;
    const current = read(id, pid);
    const next = { ...current, ...change(current), updatedAt: Date.now() };
    next.status = betterStatus(current.status, next.status);
    write(recordKey(pid, id), JSON.stringify(next));
    emit(id);
    return next;
  }

  /** Every saved record of a profile, by exercise id. @param {string} [pid] */
  function records(pid = profiles().active) {
    /** @type {Record<string, ExerciseRecord>} */
    const found = {};
    const start = `${prefix}profile:${pid}:exercise:`;
    for (const key of storage.keys()) {
      if (key.startsWith(start)) found[key.slice(start.length)] = read(key.slice(start.length), pid);
    }
    return found;
  }

  /** @returns {Turn[]} */
  const turns = () => readJson(`${prefix}turns`, (v) => Array.isArray(v) && v.every(isTurn), "turns")?.map((t) => ({ ...t })) ?? [];

  /** @param {Turn} turn */
  function addTurn(turn) {
    if (!isTurn(turn)) return;
    write(`${prefix}turns`, JSON.stringify([...turns(), turn]));
    emit("*");
  }

  /** @param {string} pid */
  function switchProfile(pid) {
    const current = profiles();
    if (!current.list.some((p) => p.id === pid)) return;
    saveProfiles({ ...current, active: pid });
    emit("*");
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
    for (const key of ownKeys()) storage.removeItem(key);
    write(`${prefix}schema`, String(SCHEMA_VERSION));
    emit("*");
  }

  /**
   * Write many records at once (an import). Nothing is written when any write fails, and
   * what was there before is put back.
   * @param {{profiles: Profiles, records: Record<string, Record<string, ExerciseRecord>>, turns: Turn[]}} data
   * @param {boolean} replace
   */
  function restore(data, replace) {
    const before = new Map(ownKeys().map((k) => [k, /** @type {string} */ (storage.getItem(k))]));
    try {
      if (replace) for (const key of before.keys()) storage.removeItem(key);
      storage.setItem(`${prefix}schema`, String(SCHEMA_VERSION));
      storage.setItem(`${prefix}profiles`, JSON.stringify(data.profiles));
      for (const [pid, byId] of Object.entries(data.records)) {
        for (const [id, record] of Object.entries(byId)) storage.setItem(recordKey(pid, id), JSON.stringify(record));
      }
      storage.setItem(`${prefix}turns`, JSON.stringify(data.turns));
    } catch {
      for (const key of ownKeys()) if (!before.has(key)) storage.removeItem(key);
      for (const [key, value] of before) {
        try { storage.setItem(key, value); } catch { /* it was there a moment ago */ }
      }
      notify("The import could not be saved, because this browser's storage is full. Nothing was changed.");
      return false;
    } finally {
      emit("*");
    }
    return true;
  }

  /** @param {string} id  an exercise id, or "*" when anything may have changed */
  function emit(id) {
    for (const listener of listeners) listener(id);
  }

  /** @param {(id: string) => void} listener */
  function subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  // Another tab saved something: tell this tab's exercises so they show it.
  window.addEventListener("storage", (event) => {
    const key = event.key;
    if (key === null) return emit("*"); // the other tab cleared storage
    if (!key.startsWith(prefix)) return;
    const mine = `${prefix}profile:${profiles().active}:exercise:`;
    emit(key.startsWith(mine) ? key.slice(mine.length) : "*");
  });

  return {
    read, update, records, subscribe, profiles, switchProfile, addProfile, renameProfile,
    turns, addTurn, clearAll, restore, ownKeys,
    courseId,
    persistent: Boolean(real),
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */
