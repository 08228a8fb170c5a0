// @ts-check
/**
 * The shape of saved progress, in one place: an exercise's record, a profile, a turn in the
 * role log, and how two copies of the same record are merged (the better status wins, and
 * the newer words). Pure functions: the store, its migrations and the import all use them.
 *
 * A record keeps what the learner wrote (`words`) apart from its status and counts, so that
 * words can be sealed on their own (a passphrase lock, issue 15) while the dashboard and the
 * navigation marks still read the status. Under a lock, `words` is `{draft: null, sealed}`:
 * the draft as AES-GCM ciphertext (lock.js), which only the store opens, with the key.
 */
import { ID_PATTERN, STATUS, STATUSES } from "./contract.js";
import { t } from "./i18n.js";
import { isSealed } from "./lock.js";

/**
 * @typedef {{draft: string | null, sealed?: import("./lock.js").Sealed}} Words
 * @typedef {{status: string, attempts: number, hintsShown: number, updatedAt: number, words: Words}} ExerciseRecord
 * @typedef {{status: string, attempts: number, hintsShown: number, draft: string | null, updatedAt?: number}} LegacyRecord
 * @typedef {{id: string, name: string}} Profile
 * @typedef {{exercise: string, listener: string, speaker: string, at: number}} Turn
 */

export const MAX_NAME_LENGTH = 40;
export const MAX_DRAFT_LENGTH = 200_000;
/** @type {Readonly<Record<string, number>>} */
const STATUS_RANK = Object.freeze(Object.fromEntries(STATUSES.map((status, rank) => [status, rank])));

/** @returns {ExerciseRecord} */
export const emptyRecord = () => ({ status: STATUS.new, attempts: 0, hintsShown: 0, updatedAt: 0, words: { draft: null } });

/** The better of two statuses: progress never goes backwards. @param {string} a @param {string} b */
export const betterStatus = (a, b) => (rank(b) > rank(a) ? b : a);
/** @param {string} status */
const rank = (status) => (Object.hasOwn(STATUS_RANK, status) ? STATUS_RANK[status] : 0);

/** @param {unknown} n */
const count = (n) => Number.isSafeInteger(n) && /** @type {number} */ (n) >= 0;
/** @param {unknown} draft */
const isDraft = (draft) => draft === null || (typeof draft === "string" && draft.length <= MAX_DRAFT_LENGTH);
/** @param {any} value */
const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
/** @param {any} value */
const hasCounts = (value) =>
  isPlainObject(value) && typeof value.status === "string" && Object.hasOwn(STATUS_RANK, value.status) &&
  count(value.attempts) && count(value.hintsShown) && (value.updatedAt === undefined || count(value.updatedAt));

/** Plain words (a draft), or sealed ones (no draft beside the ciphertext). @param {any} words */
const isWords = (words) => isPlainObject(words) && (Object.hasOwn(words, "sealed")
  ? words.draft === null && Object.keys(words).length === 2 && isSealed(words.sealed)
  : isDraft(words.draft));

/** @param {any} value @returns {value is ExerciseRecord} */
export const isRecord = (value) => hasCounts(value) && isWords(value.words);

/** Whether a record's words are sealed by a lock. @param {ExerciseRecord} record */
export const isSealedRecord = (record) => record.words.sealed !== undefined;

/** Whether a record holds any words, plain or sealed. @param {ExerciseRecord} record */
export const hasWords = (record) => Boolean(record.words.draft) || isSealedRecord(record);

/** @param {import("./records.js").Words} words @returns {import("./records.js").Words} */
const cleanWords = (words) => (words.sealed
  ? { draft: null, sealed: { iv: words.sealed.iv, data: words.sealed.data } }
  : { draft: words.draft });

/** A record as schema 2 saved it, with the words beside the counts. @param {any} value @returns {value is LegacyRecord} */
export const isLegacyRecord = (value) => hasCounts(value) && isDraft(value.draft);

/** Only the known fields, as a fresh object (nothing else from a file or storage survives). @param {ExerciseRecord} value */
export const cleanRecord = (value) => ({
  status: value.status,
  attempts: value.attempts,
  hintsShown: value.hintsShown,
  updatedAt: value.updatedAt ?? 0,
  words: cleanWords(value.words),
});

/** A schema-2 record in today's shape. @param {LegacyRecord} value @returns {ExerciseRecord} */
export const upgradeRecord = (value) => ({
  status: value.status,
  attempts: value.attempts,
  hintsShown: value.hintsShown,
  updatedAt: value.updatedAt ?? 0,
  words: { draft: value.draft },
});

/** @param {any} value @returns {value is Profile} */
export const isProfile = (value) =>
  value !== null && typeof value === "object" && typeof value.id === "string" && ID_PATTERN.test(value.id) &&
  value.id.length <= 40 && typeof value.name === "string" && value.name.trim().length > 0 &&
  value.name.length <= MAX_NAME_LENGTH;

/** @param {any} value @returns {value is Turn} */
export const isTurn = (value) =>
  value !== null && typeof value === "object" &&
  typeof value.exercise === "string" && ID_PATTERN.test(value.exercise) &&
  typeof value.listener === "string" && ID_PATTERN.test(value.listener) &&
  typeof value.speaker === "string" && ID_PATTERN.test(value.speaker) &&
  value.listener !== value.speaker && count(value.at);

/**
 * Merge two copies of one exercise's record: the better status, the larger counts, and the
 * newer words.
 * @param {ExerciseRecord} mine @param {ExerciseRecord} theirs @returns {ExerciseRecord}
 */
export function mergeRecords(mine, theirs) {
  const newer = (theirs.updatedAt ?? 0) > (mine.updatedAt ?? 0) ? theirs : mine;
  const older = newer === theirs ? mine : theirs;
  return {
    status: betterStatus(mine.status, theirs.status),
    attempts: Math.max(mine.attempts, theirs.attempts),
    hintsShown: Math.max(mine.hintsShown, theirs.hintsShown),
    updatedAt: Math.max(mine.updatedAt ?? 0, theirs.updatedAt ?? 0),
    words: cleanWords(hasWords(newer) ? newer.words : older.words),
  };
}

/**
 * One record for the couple, made from each partner's own copy (a partner practice saved
 * before it was shared): the better status and counts, and everyone's notes kept. Notes that
 * differ are put one after the other under each writer's name, so no word is lost.
 * @param {{name: string, record: ExerciseRecord}[]} copies  non-empty
 * @returns {ExerciseRecord}
 */
export function combineCopies(copies) {
  const merged = copies.map((c) => c.record).reduce((a, b) => mergeRecords(a, b));
  const notes = [];
  for (const { name, record } of copies) {
    const draft = record.words.draft?.trim();
    if (draft && !notes.some((n) => n.draft === draft)) notes.push({ name, draft });
  }
  const draft = notes.length === 0 ? merged.words.draft
    : notes.length === 1 ? notes[0].draft
      : notes.map((n) => `${t("records.wrote", { name: n.name })}\n${n.draft}`).join("\n\n");
  return { ...merged, words: { draft: draft === null ? null : draft.slice(0, MAX_DRAFT_LENGTH) } };
}

/** A turn's identity, so merging two role logs keeps each turn once. @param {Turn} turn */
export const turnKey = (turn) => `${turn.at}:${turn.exercise}:${turn.listener}:${turn.speaker}`;

/**
 * Whether two turns are the same talk saved twice: the same practice, the same listener and
 * speaker, on the same day (local time). The next day's talk is a new turn.
 * @param {Turn} a @param {Turn} b
 */
export const sameTalk = (a, b) => a.exercise === b.exercise && a.listener === b.listener &&
  a.speaker === b.speaker && new Date(a.at).toDateString() === new Date(b.at).toDateString();
