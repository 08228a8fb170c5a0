// @ts-check
/**
 * The store's schema and how older data reaches it (see store.js for the layout). Each
 * migration moves data and never drops it, and can run again over its own output, so a start
 * that the quota interrupts is finished by the next one.
 */
import { t } from "./i18n.js";
import { cleanRecord, combineCopies, isLegacyRecord, isProfile, isRecord, isSealedRecord, upgradeRecord } from "./records.js";

/** @typedef {import("./key-values.js").KeyValues} KeyValues */

export const SCHEMA_VERSION = 4;
/** The profile every course starts with; schema 1's records, from before profiles, move under it. */
export const FIRST_PROFILE = Object.freeze({ id: "me" });

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
  /**
   * 3 → 4: nothing moves. Schema 4 adds the lock (`lock:<pid>`, sealed words); the number
   * goes up so that an older copy of the course, in another tab, saves nothing over them.
   */
  3() {},
};

/**
 * Partner practice is the couple's: any partner's own copy of one (saved before it was
 * shared, or before this exercise became partner practice) is folded into the shared record,
 * with every partner's notes kept under their name. Run at every start; it does nothing
 * once there is nothing to fold.
 * @param {KeyValues} s @param {string} prefix @param {Set<string>} shared
 */
export function foldShared(s, prefix, shared) {
  /** @type {Map<string, {key: string, pid: string, record: import("./records.js").ExerciseRecord}[]>} */
  const copies = new Map();
  for (const key of s.keys()) {
    const match = key.startsWith(prefix) && /^profile:([^:]+):exercise:([^:]+)$/.exec(key.slice(prefix.length));
    if (!match || !shared.has(match[2])) continue;
    let value;
    try { value = JSON.parse(/** @type {string} */ (s.getItem(key))); } catch { continue; }
    if (!isRecord(value) || isSealedRecord(value)) continue;  // sealed words stay with their lock
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
    if (existing !== null) all.unshift({ name: t("records.both"), record: cleanRecord(existing) });
    s.setItem(target, JSON.stringify(combineCopies(all)));
    for (const { key } of found) s.removeItem(key);
  }
}

/**
 * Bring the data under `prefix` to SCHEMA_VERSION, then fold partner practice copies.
 * "newer": the data is a newer copy's, to be read and never written; "full": the quota stopped it.
 * @param {KeyValues} s @param {string} prefix @param {Set<string>} shared
 * @returns {"done" | "newer" | "full"}
 */
export function migrate(s, prefix, shared) {
  const key = `${prefix}schema`;
  const stored = s.getItem(key);
  const hasData = s.keys().some((k) => k.startsWith(prefix) && k !== key);
  let version = stored === null ? (hasData ? 1 : SCHEMA_VERSION) : Number(stored);
  if (!Number.isInteger(version) || version > SCHEMA_VERSION) return "newer";
  try {
    for (; version < SCHEMA_VERSION; version++) MIGRATIONS[/** @type {1 | 2 | 3} */ (version)](s, prefix);
    s.setItem(key, String(SCHEMA_VERSION));
    foldShared(s, prefix, shared);
    return "done";
  } catch {
    return "full";
  }
}
