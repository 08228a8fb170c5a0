// @ts-check
/**
 * This course's values in storage, under `therapon:<course>:` (see store.js for the layout):
 * the names of its keys, one write that respects a read-only store and a full quota, and one
 * read that keeps an unreadable value aside rather than lose it. Opening them brings older
 * data to today's schema first (migrations.js), so every other part of the store reads one
 * shape, and never writes over a newer copy's data.
 */
import { t } from "./i18n.js";
import { openKeyValues } from "./key-values.js";
import { migrate } from "./migrations.js";
import { cleanRecord, emptyRecord, isRecord } from "./records.js";

/** @typedef {(text: string) => void} Notify */

/**
 * @param {string} courseId @param {Notify} notify
 * @param {string[]} partnerPractice  ids of the exercises a couple does together (from the build)
 */
export function openCourseValues(courseId, notify, partnerPractice) {
  const shared = new Set(partnerPractice);
  const prefix = `therapon:${courseId}:`;
  const { storage, persistent } = openKeyValues();
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

  /** Where an unreadable value is kept aside, named after where it was. @param {string} key */
  const asideKey = (key) => `${prefix}corrupt:${key.slice(prefix.length)}:${Date.now()}`;

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
    const aside = asideKey(key);
    if (write(aside, raw)) storage.removeItem(key);
    notify(t("store.unreadable", { what: t(`store.what.${what}`), aside }));
    return null;
  }

  const privateKey = (/** @type {string} */ pid, /** @type {string} */ id) => `${prefix}profile:${pid}:exercise:${id}`;
  const sharedKey = (/** @type {string} */ id) => `${prefix}shared:exercise:${id}`;
  /** Where an exercise's record lives: the couple's for partner practice, else the profile's. */
  const recordKey = (/** @type {string} */ pid, /** @type {string} */ id) => (shared.has(id) ? sharedKey(id) : privateKey(pid, id));
  const lockKey = (/** @type {string} */ pid) => `${prefix}lock:${pid}`;

  /** The record as stored: sealed words stay sealed (for export, counts and the lock itself). */
  function stored(/** @type {string} */ id, /** @type {string} */ pid) {
    const what = shared.has(id) ? "partnerPractice" : "exercise";
    const found = readJson(recordKey(pid, id), isRecord, what);
    return found ? cleanRecord(found) : emptyRecord();
  }

  /** Every key this course stored on this device (for export and "delete all"). */
  const ownKeys = () => storage.keys().filter((k) => k.startsWith(prefix));

  /** Undo a write of many keys that the quota cut short. @param {Map<string, string | null>} before */
  function putBack(before) {
    for (const [key, value] of before) {
      try {
        if (value === null) storage.removeItem(key);
        else storage.setItem(key, value);
      } catch { /* it was there a moment ago */ }
    }
  }

  return {
    storage, persistent, prefix, shared, write, readJson, asideKey,
    privateKey, sharedKey, recordKey, lockKey, stored, ownKeys, putBack,
  };
}

/** @typedef {ReturnType<typeof openCourseValues>} CourseValues */
