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
 * Layout (schema 3), under `therapon:<course>:`
 *   schema                         "3"
 *   profiles                       {"active": "<pid>", "list": [{"id", "name"}]}
 *   profile:<pid>:exercise:<id>    an ExerciseRecord: one partner's own (private) work
 *   shared:exercise:<id>           an ExerciseRecord of a partner practice: the couple's, one
 *                                  for every profile on this device
 *   turns                          [{"exercise", "listener", "speaker", "at"}]
 *   welcome                        {"answer": "one" | "two" | "skipped" | "returning", "at"}
 *   corrupt:<what>:<time>          an unreadable value, kept aside
 *
 * Which exercises are partner practice comes from the build (config.partnerPractice), so a
 * record's key follows the exercise: a practice that became shared has its partners' copies
 * folded into the shared record at start, every word kept.
 */
import {
  betterStatus, cleanRecord, combineCopies, emptyRecord, isLegacyRecord, isProfile, isRecord, isTurn,
  sameTalk, upgradeRecord,
} from "./records.js";

/** @typedef {import("./records.js").ExerciseRecord} ExerciseRecord */
/** @typedef {import("./records.js").Profile} Profile */
/** @typedef {import("./records.js").Turn} Turn */
/** @typedef {{active: string, list: Profile[]}} Profiles */
/** @typedef {(text: string) => void} Notify */
/** @typedef {{answer: string, at: number}} Welcome */
/** @typedef {ReturnType<typeof memoryStorage>} KeyValues */

/** The answers the first-visit question can have; "returning" marks data from before it was asked. */
export const WELCOME_ANSWERS = Object.freeze(["one", "two", "skipped", "returning"]);

export const SCHEMA_VERSION = 3;
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

/** @param {any} v @returns {v is Welcome} */
const isWelcome = (v) => v !== null && typeof v === "object" && WELCOME_ANSWERS.includes(v.answer) && Number.isSafeInteger(v.at);

/** Schema migrations, by the version they start from. Each moves data, never drops it. */
const MIGRATIONS = {
  /** 1 → 2: records move under the first profile. @param {KeyValues} s @param {string} prefix */
  1(s, prefix) {
    for (const key of s.keys()) {
      if (!key.startsWith(`${prefix}exercise:`)) continue;
      const id = key.slice(`${prefix}exercise:`.length);
      const target = `${prefix}profile:${FIRST_PROFILE.id}:exercise:${id}`;
      if (s.getItem(target) === null) s.setItem(target, /** @type {string} */ (s.getItem(key)));
      s.removeItem(key);
    }
  },
  /**
   * 2 → 3: a record's words move beside its counts (`words.draft`), and whoever used the
   * course before the first-visit question existed is not asked it. (Partner practice moves
   * to the shared record at every start: see foldShared.) A value that cannot be read stays
   * as it is, for the store to keep aside when it is read.
   * @param {KeyValues} s @param {string} prefix
   */
  2(s, prefix) {
    const keys = s.keys().filter((k) => k.startsWith(prefix));
    for (const key of keys) {
      if (!/^profile:[^:]+:exercise:[^:]+$/.test(key.slice(prefix.length))) continue;
      try {
        const value = JSON.parse(/** @type {string} */ (s.getItem(key)));
        if (isLegacyRecord(value)) s.setItem(key, JSON.stringify(upgradeRecord(value)));
      } catch { /* unreadable: left for read() to keep aside */ }
    }
    if (keys.some((k) => k !== `${prefix}schema`) && s.getItem(`${prefix}welcome`) === null) {
      s.setItem(`${prefix}welcome`, JSON.stringify({ answer: "returning", at: Date.now() }));
    }
  },
};

/**
 * Partner practice is the couple's: any partner's own copy of one (saved before it was
 * shared, or before this exercise became partner practice) is folded into the shared record,
 * with every partner's notes kept under their name. Run at every start; it does nothing
 * once there is nothing to fold.
 * @param {KeyValues} s @param {string} prefix @param {Set<string>} shared
 */
function foldShared(s, prefix, shared) {
  /** @type {Map<string, {key: string, pid: string, record: import("./records.js").ExerciseRecord}[]>} */
  const copies = new Map();
  for (const key of s.keys()) {
    const match = key.startsWith(prefix) && /^profile:([^:]+):exercise:([^:]+)$/.exec(key.slice(prefix.length));
    if (!match || !shared.has(match[2])) continue;
    let value;
    try { value = JSON.parse(/** @type {string} */ (s.getItem(key))); } catch { continue; }
    if (!isRecord(value)) continue;
    copies.set(match[2], [...(copies.get(match[2]) ?? []), { key, pid: match[1], record: cleanRecord(value) }]);
  }
  if (copies.size === 0) return;
  let names = new Map();
  try {
    const list = JSON.parse(s.getItem(`${prefix}profiles`) ?? "null")?.list;
    if (Array.isArray(list)) names = new Map(list.filter(isProfile).map((p) => [p.id, p.name]));
  } catch { /* names are only labels for the notes */ }
  for (const [id, found] of copies) {
    const target = `${prefix}shared:exercise:${id}`;
    const all = found.map(({ pid, record }) => ({ name: names.get(pid) ?? pid, record }));
    // An unreadable shared record is never overwritten: the copies stay where they are.
    let existing;
    try { existing = JSON.parse(s.getItem(target) ?? "null"); } catch { continue; }
    if (existing !== null && !isRecord(existing)) continue;
    if (existing !== null) all.unshift({ name: "Both of you", record: cleanRecord(existing) });
    s.setItem(target, JSON.stringify(combineCopies(all)));
    for (const { key } of found) s.removeItem(key);
  }
}

/**
 * @param {string} courseId @param {Notify} notify
 * @param {string[]} [partnerPractice]  ids of the exercises a couple does together (from the build)
 */
export function createStore(courseId, notify, partnerPractice = []) {
  const shared = new Set(partnerPractice);
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
      for (; version < SCHEMA_VERSION; version++) MIGRATIONS[/** @type {1 | 2} */ (version)](storage, prefix);
      storage.setItem(key, String(SCHEMA_VERSION));
      foldShared(storage, prefix, shared);
    } catch {
      // Each migration can run again over its own output, so the next start finishes the job.
      readOnly = true;
      notify("Your saved progress could not be updated to this version of the course, because this browser's storage is full. Nothing is lost, and nothing new is saved until there is room: free some space, then reload the page.");
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
  const privateKey = (/** @type {string} */ pid, /** @type {string} */ id) => `${prefix}profile:${pid}:exercise:${id}`;
  const sharedKey = (/** @type {string} */ id) => `${prefix}shared:exercise:${id}`;
  /** Where an exercise's record lives: the couple's for partner practice, else the profile's. */
  const recordKey = (/** @type {string} */ pid, /** @type {string} */ id) => (shared.has(id) ? sharedKey(id) : privateKey(pid, id));

  /** @param {string} id @param {string} [pid] @returns {ExerciseRecord} */
  function read(id, pid = profiles().active) {
    const what = shared.has(id) ? "progress for one partner practice" : "progress for one exercise";
    const found = readJson(recordKey(pid, id), isRecord, what);
    return found ? cleanRecord(found) : emptyRecord();
  }

  /**
   * Change one exercise's record for the active profile (or the couple's, for partner
   * practice). Storage is re-read first, so a change made in another tab is merged rather
   * than overwritten, and status never drops.
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

  /** @param {string} start @param {(id: string) => ExerciseRecord} reader */
  function collect(start, reader) {
    /** @type {Record<string, ExerciseRecord>} */
    const found = {};
    for (const key of storage.keys()) {
      if (key.startsWith(start)) found[key.slice(start.length)] = reader(key.slice(start.length));
    }
    return found;
  }

  /** One profile's own saved records, by exercise id (partner practice left out). @param {string} [pid] */
  function privateRecords(pid = profiles().active) {
    const own = collect(`${prefix}profile:${pid}:exercise:`, (id) => {
      const found = readJson(privateKey(pid, id), isRecord, "progress for one exercise");
      return found ? cleanRecord(found) : emptyRecord();
    });
    for (const id of shared) delete own[id];
    return own;
  }

  /** The couple's saved partner-practice records, by exercise id. */
  const sharedRecords = () => collect(`${prefix}shared:exercise:`, (id) => {
    const found = readJson(sharedKey(id), isRecord, "progress for one partner practice");
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
    if (shared.has(turn.exercise)) update(turn.exercise, () => ({ status: "passed" }));
    emit("*");
    return isNew;
  }

  /** @returns {Welcome | null} */
  const welcome = () => readJson(`${prefix}welcome`, isWelcome, "the first-visit answer");

  /** @param {string} answer  one of WELCOME_ANSWERS */
  function answerWelcome(answer) {
    write(`${prefix}welcome`, JSON.stringify({ answer, at: Date.now() }));
    emit("welcome");
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
   * @param {import("./transfer.js").Progress} data
   * @param {boolean} replace
   */
  function restore(data, replace) {
    const before = new Map(ownKeys().map((k) => [k, /** @type {string} */ (storage.getItem(k))]));
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
      foldShared(storage, prefix, shared);
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
    const ours = `${prefix}shared:exercise:`;
    if (key.startsWith(mine)) return emit(key.slice(mine.length));
    if (key.startsWith(ours)) return emit(key.slice(ours.length));
    emit(key === `${prefix}welcome` ? "welcome" : "*");
  });

  return {
    read, update, records, privateRecords, sharedRecords, subscribe, profiles, switchProfile, addProfile,
    renameProfile, turns, saveTurn, welcome, answerWelcome, clearAll, restore, ownKeys,
    isShared: (/** @type {string} */ id) => shared.has(id),
    partnerPractice: [...shared],
    courseId,
    persistent: Boolean(real),
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */
