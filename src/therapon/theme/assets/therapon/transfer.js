// @ts-check
/**
 * Moving progress between browsers: the export file, and the strict check of a file before
 * anything from it is kept. Learner data leaves the device only through an export the learner
 * asks for. An imported file is untrusted: it is parsed with every dangerous key refused,
 * checked field by field, and rebuilt from known fields only, so it can carry no markup, no
 * script and no prototype pollution. Optional passphrase protection uses WebCrypto: AES-GCM
 * with a key derived by PBKDF2-SHA-256.
 *
 * A locked profile's words travel sealed, with its lock record (salt and verifier, no
 * secret): the file alone, encrypted or not, does not reveal them, and an import brings them
 * back locked. Only a profile with a lock in the file may have sealed words in it.
 */
import { ID_PATTERN, STATUS } from "./contract.js";
import { t } from "./i18n.js";
import { PBKDF2_ITERATIONS, cleanLock, deriveKey, fromBase64, isLockRecord, toBase64 } from "./lock.js";
import {
  cleanRecord, combineCopies, hasWords, isLegacyRecord, isProfile, isRecord, isSealedRecord, isTurn,
  mergeRecords, turnKey, upgradeRecord,
} from "./records.js";
import { SCHEMA_VERSION } from "./migrations.js";

/** @typedef {import("./records.js").ExerciseRecord} ExerciseRecord */
/** @typedef {import("./records.js").Turn} Turn */
/** @typedef {{active: string, list: import("./records.js").Profile[]}} Profiles */
/**
 * Everything this course keeps on the device: each profile's own records, the couple's shared
 * partner-practice records, the role log, and the locks of locked profiles.
 * @typedef {{profiles: Profiles, records: Record<string, Record<string, ExerciseRecord>>, shared: Record<string, ExerciseRecord>, turns: Turn[], locks: Record<string, import("./lock.js").LockRecord>}} Progress
 */
/**
 * What a look at a file found: a plain-language `message` when it is refused; otherwise either
 * the checked `progress`, or an `envelope` that needs its passphrase first.
 * @typedef {{ok: boolean, message?: string, encrypted?: boolean, envelope?: any, progress?: Progress, exportedAt?: string}} FileCheck
 */

export const FORMAT = "therapon-progress";
export const ENCRYPTED_FORMAT = "therapon-progress-encrypted";
export const MAX_FILE_BYTES = 5_000_000;
const MAX_PROFILES = 12;
const MAX_RECORDS = 5_000;
const MAX_TURNS = 20_000;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

class Refused extends Error {}

/** A new object with no prototype, so no key of a file can reach Object.prototype. */
const bare = () => /** @type {Record<string, any>} */ (Object.create(null));

/** @param {import("./store.js").Store} store @returns {Progress} */
export function snapshot(store) {
  const profiles = store.profiles();
  /** @type {Record<string, Record<string, ExerciseRecord>>} */
  const records = {};
  for (const profile of profiles.list) records[profile.id] = store.privateRecords(profile.id);
  return { profiles, records, shared: store.sharedRecords(), turns: store.turns(), locks: store.locks() };
}

/** The file the learner downloads. @param {Progress} progress @param {string} courseId */
export function exportFile(progress, courseId) {
  return { format: FORMAT, schema: SCHEMA_VERSION, course: courseId, exportedAt: new Date().toISOString(), ...progress };
}

/** Parse JSON, refusing any key that could pollute prototypes. @param {string} text */
function parseStrict(text) {
  return JSON.parse(text, (key, value) => {
    if (FORBIDDEN_KEYS.has(key)) throw new Refused(t("transfer.forbiddenKey", { key }));
    return value;
  });
}

/**
 * First look at a chosen file: is it ours, this course's, a version we understand, encrypted?
 * @param {string} text @param {string} courseId
 * @param {string[]} [partnerPractice]  exercises whose records are the couple's (for older files)
 * @returns {FileCheck}
 */
export function readProgressFile(text, courseId, partnerPractice = []) {
  if (text.length > MAX_FILE_BYTES) return { ok: false, message: t("data.tooLarge") };
  let value;
  try {
    value = parseStrict(text);
  } catch (error) {
    return { ok: false, message: error instanceof Refused ? error.message : t("transfer.notOurs") };
  }
  const notOurs = { ok: false, message: t("transfer.notOurs") };
  if (value === null || typeof value !== "object" || Array.isArray(value)) return notOurs;
  if (value.format !== FORMAT && value.format !== ENCRYPTED_FORMAT) return notOurs;
  if (value.course !== courseId) {
    const other = typeof value.course === "string" ? t("transfer.otherCourseName", { name: value.course.slice(0, 60) }) : "";
    return { ok: false, message: t("transfer.otherCourse", { course: other }) };
  }
  if (!Number.isInteger(value.schema) || value.schema < 1) return notOurs;
  if (value.schema > SCHEMA_VERSION) {
    return { ok: false, message: t("transfer.newer") };
  }
  if (value.format === ENCRYPTED_FORMAT) {
    return isEnvelope(value) ? { ok: true, encrypted: true, envelope: value } : notOurs;
  }
  return checkProgress(value, partnerPractice);
}

/**
 * Check every field and rebuild the progress from known fields only. A schema-2 file (words
 * beside the counts, partner practice in each profile) is brought to today's shape the way
 * the store's own migration does it.
 * @param {any} value @param {string[]} [partnerPractice] @returns {FileCheck}
 */
export function checkProgress(value, partnerPractice = []) {
  /** What is damaged, by its key in the catalog (transfer.what.*). */
  const fail = (/** @type {string} */ what) => ({ ok: false, message: t("transfer.damaged", { what: t(`transfer.what.${what}`) }) });
  const legacy = value.schema < 3;
  const lockable = value.schema >= 4;
  const profiles = value.profiles;
  if (profiles === null || typeof profiles !== "object" || !Array.isArray(profiles.list)) return fail("noProfiles");
  if (profiles.list.length === 0 || profiles.list.length > MAX_PROFILES || !profiles.list.every(isProfile)) return fail("profile");
  const ids = profiles.list.map((/** @type {any} */ p) => p.id);
  if (new Set(ids).size !== ids.length || !ids.includes(profiles.active)) return fail("profiles");
  const isTable = (/** @type {any} */ v) => v !== null && typeof v === "object" && !Array.isArray(v);
  if (!isTable(value.records)) return fail("noRecords");
  if (legacy ? value.shared !== undefined : !isTable(value.shared)) return fail("noShared");
  if (lockable ? !isTable(value.locks) : value.locks !== undefined) return fail("locks");
  const locks = bare();
  for (const [pid, lock] of Object.entries(value.locks ?? {})) {
    if (!ids.includes(pid) || !isLockRecord(lock)) return fail("lock");
    locks[pid] = cleanLock(lock);
  }
  const records = bare();
  let count = 0;
  /** @param {string} id @param {any} record @returns {ExerciseRecord | null} */
  const checked = (id, record) => {
    if (!ID_PATTERN.test(id) || id.length > 80) return null;
    if (legacy) return isLegacyRecord(record) ? upgradeRecord(record) : null;
    return isRecord(record) ? cleanRecord(record) : null;
  };
  for (const [pid, byId] of Object.entries(value.records)) {
    if (!ids.includes(pid) || !isTable(byId)) return fail("unknownRecords");
    records[pid] = bare();
    for (const [id, record] of Object.entries(byId)) {
      const clean = checked(id, record);
      if (!clean) return fail(`the record of ${id.slice(0, 40)}`);
      if (isSealedRecord(clean) && !locks[pid]) return fail(`locked words of ${id.slice(0, 40)} without their lock`);
      if (++count > MAX_RECORDS) return fail("tooMany");
      records[pid][id] = clean;
    }
  }
  const shared = bare();
  for (const [id, record] of Object.entries(value.shared ?? {})) {
    const clean = checked(id, record);
    if (!clean || isSealedRecord(clean)) return fail(`the shared record of ${id.slice(0, 40)}`);
    if (++count > MAX_RECORDS) return fail("tooMany");
    shared[id] = clean;
  }
  if (legacy) foldPartnerPractice(records, shared, profiles.list, new Set(partnerPractice));
  if (!Array.isArray(value.turns) || value.turns.length > MAX_TURNS || !value.turns.every(isTurn)) return fail("turns");
  const turns = value.turns.map((/** @type {Turn} */ t) => ({ exercise: t.exercise, listener: t.listener, speaker: t.speaker, at: t.at }));
  if (!turns.every((/** @type {Turn} */ turn) => ids.includes(turn.listener) && ids.includes(turn.speaker))) return fail("unknownTurn");
  const exportedAt = typeof value.exportedAt === "string" && !Number.isNaN(Date.parse(value.exportedAt)) ? value.exportedAt : "";
  return {
    ok: true,
    encrypted: false,
    exportedAt,
    progress: {
      profiles: { active: profiles.active, list: profiles.list.map((/** @type {any} */ p) => ({ id: p.id, name: p.name })) },
      records: { ...records },
      shared: { ...shared },
      turns,
      locks: { ...locks },
    },
  };
}

/**
 * Move each partner's own copy of a partner practice into the couple's record, every
 * partner's notes kept (as the store does at start).
 * @param {Record<string, Record<string, ExerciseRecord>>} records @param {Record<string, ExerciseRecord>} shared
 * @param {{id: string, name: string}[]} profiles @param {Set<string>} partnerPractice
 */
function foldPartnerPractice(records, shared, profiles, partnerPractice) {
  for (const id of partnerPractice) {
    const copies = profiles.filter((p) => records[p.id]?.[id]).map((p) => ({ name: p.name, record: records[p.id][id] }));
    if (copies.length === 0) continue;
    if (shared[id]) copies.unshift({ name: t("records.both"), record: shared[id] });
    shared[id] = combineCopies(copies);
    for (const p of profiles) if (records[p.id]) delete records[p.id][id];
  }
}

/** What a file holds, in numbers a learner can read before deciding. @param {Progress} progress */
export function summarise(progress) {
  const all = [...Object.values(progress.records).flatMap((byId) => Object.values(byId)), ...Object.values(progress.shared)];
  return {
    names: progress.profiles.list.map((p) => p.name),
    done: all.filter((r) => r.status === STATUS.passed).length,
    inProgress: all.filter((r) => r.status === STATUS.attempted).length,
    entries: all.filter(hasWords).length,
    locked: progress.profiles.list.filter((p) => progress.locks[p.id]).map((p) => p.name),
    turns: progress.turns.length,
  };
}

/** Merge two tables of records, each by mergeRecords. @param {Record<string, ExerciseRecord>} here @param {Record<string, ExerciseRecord>} there */
function mergeTables(here, there) {
  /** @type {Record<string, ExerciseRecord>} */
  const merged = {};
  for (const id of new Set([...Object.keys(here), ...Object.keys(there)])) {
    merged[id] = here[id] && there[id] ? mergeRecords(here[id], there[id]) : (here[id] ?? there[id]);
  }
  return merged;
}

/**
 * The name of a profile that is locked differently here and in the file (another
 * passphrase, or locked on one side only): its words could not all be opened by one lock,
 * so such a file can replace what is here but not merge into it. Null when there is none.
 * @param {Progress} mine @param {Progress} theirs @returns {string | null}
 */
export function lockConflict(mine, theirs) {
  for (const profile of theirs.profiles.list) {
    if (!mine.profiles.list.some((p) => p.id === profile.id)) continue;
    const here = mine.locks[profile.id];
    const there = theirs.locks[profile.id];
    if ((here || there) && here?.salt !== there?.salt) return mine.profiles.list.find((p) => p.id === profile.id)?.name ?? profile.name;
  }
  return null;
}

/**
 * Merge a file into what is here: profiles by id (names here win), each record by
 * mergeRecords (better status, newer words), the couple's records likewise, and every turn once.
 * (Check lockConflict first: a profile locked the same way on both sides merges as any other.)
 * @param {Progress} mine @param {Progress} theirs @returns {Progress}
 */
export function mergeProgress(mine, theirs) {
  const list = [...mine.profiles.list];
  for (const profile of theirs.profiles.list) if (!list.some((p) => p.id === profile.id)) list.push(profile);
  /** @type {Record<string, Record<string, ExerciseRecord>>} */
  const records = {};
  for (const { id: pid } of list) records[pid] = mergeTables(mine.records[pid] ?? {}, theirs.records[pid] ?? {});
  const turns = new Map([...mine.turns, ...theirs.turns].map((t) => [turnKey(t), t]));
  return {
    profiles: { active: mine.profiles.active, list },
    records,
    shared: mergeTables(mine.shared, theirs.shared),
    turns: [...turns.values()].sort((a, b) => a.at - b.at),
    locks: { ...theirs.locks, ...mine.locks },
  };
}

// --- passphrase protection -------------------------------------------------------------

/** @param {any} v */
const isEnvelope = (v) => typeof v.salt === "string" && typeof v.iv === "string" && typeof v.data === "string" &&
  Number.isInteger(v.iterations) && v.iterations >= 100_000 && v.iterations <= 10_000_000 && v.cipher === "AES-GCM" && v.kdf === "PBKDF2-SHA-256";


/** @param {object} file  the plain export @param {string} passphrase @param {string} courseId */
export async function encrypt(file, passphrase, courseId) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(JSON.stringify(file)));
  return {
    format: ENCRYPTED_FORMAT, schema: SCHEMA_VERSION, course: courseId, kdf: "PBKDF2-SHA-256",
    iterations: PBKDF2_ITERATIONS, cipher: "AES-GCM", salt: toBase64(salt), iv: toBase64(iv),
    data: toBase64(new Uint8Array(data)),
  };
}

/**
 * The plain file text inside an encrypted one, or null when the passphrase is wrong.
 * @param {any} envelope @param {string} passphrase @returns {Promise<string | null>}
 */
export async function decrypt(envelope, passphrase) {
  try {
    const key = await deriveKey(passphrase, fromBase64(envelope.salt), envelope.iterations);
    const iv = /** @type {BufferSource} */ (fromBase64(envelope.iv));
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv }, key, /** @type {BufferSource} */ (fromBase64(envelope.data)));
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
