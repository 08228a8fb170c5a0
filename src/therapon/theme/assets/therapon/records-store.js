// @ts-check
/**
 * The exercise records: one partner's own work, or the couple's for partner practice, read as
 * the page shows them and changed so that progress is never lost. Storage is re-read before
 * every change, so another tab's work is merged, and a status never drops. Under a lock the
 * words are shown only while open here, and written sealed or not at all (seal-queue.js).
 */
import { betterStatus, cleanRecord, emptyRecord, isRecord, isSealedRecord } from "./records.js";

/** @typedef {import("./records.js").ExerciseRecord} ExerciseRecord */

/**
 * @param {{values: import("./course-values.js").CourseValues, profiles: () => {active: string},
 *   unlocked: import("./unlocked-key.js").UnlockedKey, lockRecords: import("./lock-records.js").LockRecords,
 *   seals: import("./seal-queue.js").SealQueue, emit: import("./store-events.js").Emit}} parts
 */
export function createRecordsStore({ values, profiles, unlocked, lockRecords, seals, emit }) {
  const { storage, prefix, shared, write, readJson, privateKey, sharedKey, recordKey, stored } = values;
  const { lockOf } = lockRecords;
  const { isOpen } = unlocked;

  /** Whether this exercise's words for this profile are sealed, or must be once written. */
  const sealedFor = (/** @type {string} */ id, /** @type {string} */ pid) =>
    !shared.has(id) && (lockOf(pid) !== null || isSealedRecord(stored(id, pid)));

  /**
   * The record as the page shows it: words opened while its profile is unlocked here, and no
   * words at all while it is locked.
   * @param {string} id @param {string} [pid] @returns {ExerciseRecord}
   */
  function read(id, pid = profiles().active) {
    const record = stored(id, pid);
    if (!sealedFor(id, pid)) return record;
    const opened = unlocked.opened();
    const draft = !isOpen(id, pid) ? null
      : opened.words.has(id) ? opened.words.get(id) ?? null
        : isSealedRecord(record) ? null : record.words.draft;
    return { ...record, words: { draft } };
  }

  /** Whether this exercise shows "locked" for the profile (in use): its words are sealed and not open here. */
  const isLocked = (/** @type {string} */ id, pid = profiles().active) => sealedFor(id, pid) && !isOpen(id, pid);

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
      const opened = unlocked.opened();
      if (delta.words && opened) {
        opened.words.set(id, next.words.draft);
        seals.sealLater(pid, id, next.words.draft, opened.key, opened.salt);
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

  return { read, isLocked, update, privateRecords, sharedRecords, records };
}

/** @typedef {ReturnType<typeof createRecordsStore>} RecordsStore */
