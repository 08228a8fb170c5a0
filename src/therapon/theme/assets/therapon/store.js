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
 *
 * This file only wires the store's parts, each one concept, and keeps its one API for the
 * page and the components. The state they share is made here once and handed to each:
 *   course-values.js    the course's keys, the guarded write and read, the migration at start
 *   store-events.js     the one emitter (subscribe)
 *   unlocked-key.js     the key in memory and the words it opened
 *   profiles-store.js   the partners: add, rename, switch
 *   records-store.js    each exercise's record: read, update, collect
 *   turns-store.js      the role log of partner practice
 *   welcome-store.js    the answer to the first-visit question
 *   lock-records.js     the lock records as stored
 *   seal-queue.js       words on their way to being sealed
 *   locks-store.js      unlock, set, change, remove, forget, and lock every tab
 *   restore.js          "delete all" and an import
 *   other-tabs.js       what other tabs save, shown here; their lock changes, followed
 */
import { openCourseValues } from "./course-values.js";
import { createLockRecords } from "./lock-records.js";
import { createLocksStore } from "./locks-store.js";
import { FIRST_PROFILE, SCHEMA_VERSION } from "./migrations.js";
import { followOtherTabs } from "./other-tabs.js";
import { createProfilesStore } from "./profiles-store.js";
import { betterStatus, emptyRecord } from "./records.js";
import { createRecordsStore } from "./records-store.js";
import { createRestore } from "./restore.js";
import { createSealQueue } from "./seal-queue.js";
import { createStoreEvents } from "./store-events.js";
import { createTurnsStore } from "./turns-store.js";
import { createUnlockedKey } from "./unlocked-key.js";
import { WELCOME_ANSWERS, createWelcomeStore } from "./welcome-store.js";

export { emptyRecord, betterStatus, FIRST_PROFILE, SCHEMA_VERSION, WELCOME_ANSWERS };

/**
 * @param {string} courseId @param {import("./course-values.js").Notify} notify
 * @param {string[]} [partnerPractice]  ids of the exercises a couple does together (from the build)
 */
export function createStore(courseId, notify, partnerPractice = []) {
  const { emit, subscribe } = createStoreEvents();
  const values = openCourseValues(courseId, notify, partnerPractice);
  const unlocked = createUnlockedKey();
  const lockRecords = createLockRecords({ values, notify });
  const seals = createSealQueue({ values, lockRecords });
  const { profiles, switchProfile, addProfile, renameProfile } = createProfilesStore({ values, unlocked, emit });
  const { read, isLocked, update, privateRecords, sharedRecords, records } =
    createRecordsStore({ values, profiles, unlocked, lockRecords, seals, emit });
  const { turns, saveTurn } = createTurnsStore({ values, update, emit });
  const { welcome, answerWelcome } = createWelcomeStore({ values, emit });
  const {
    lockState, openProfile, lockAll, unlock, setLock, changePassphrase, removeLock, forgetLock, setIdleMinutes, locks,
    onBeforeLock,
  } = createLocksStore({ courseId, values, notify, profiles, unlocked, lockRecords, seals, privateRecords, emit });
  const { clearAll, restore } = createRestore({ values, notify, unlocked, seals, emit });
  followOtherTabs({ values, profiles, unlocked, lockRecords, lockAll, emit });

  return {
    read, update, records, privateRecords, sharedRecords, subscribe, profiles, switchProfile, addProfile,
    renameProfile, turns, saveTurn, welcome, answerWelcome, clearAll, restore, ownKeys: values.ownKeys,
    isLocked, lockState, openProfile, lockAll, unlock, setLock, changePassphrase, removeLock, forgetLock,
    setIdleMinutes, locks, onBeforeLock, settled: seals.settled,
    isShared: (/** @type {string} */ id) => values.shared.has(id),
    partnerPractice: [...values.shared],
    courseId,
    persistent: values.persistent,
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */
