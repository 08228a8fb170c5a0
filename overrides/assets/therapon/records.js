// @ts-check
/**
 * The shape of saved progress, in one place: an exercise's record, a profile, a turn in the
 * role log, and how two copies of the same record are merged (the better status wins, and
 * the newer draft). Pure functions: the store and the import both use them.
 */

/**
 * @typedef {{status: string, attempts: number, hintsShown: number, draft: string | null, updatedAt: number}} ExerciseRecord
 * @typedef {{id: string, name: string}} Profile
 * @typedef {{exercise: string, listener: string, speaker: string, at: number}} Turn
 */

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_NAME_LENGTH = 40;
export const MAX_DRAFT_LENGTH = 200_000;
const STATUS_RANK = Object.freeze({ new: 0, attempted: 1, passed: 2 });

/** @returns {ExerciseRecord} */
export const emptyRecord = () => ({ status: "new", attempts: 0, hintsShown: 0, draft: null, updatedAt: 0 });

/** The better of two statuses: progress never goes backwards. @param {string} a @param {string} b */
export const betterStatus = (a, b) => (rank(b) > rank(a) ? b : a);
/** @param {string} status */
const rank = (status) => (Object.hasOwn(STATUS_RANK, status) ? STATUS_RANK[/** @type {keyof typeof STATUS_RANK} */ (status)] : 0);

/** @param {unknown} n */
const count = (n) => Number.isSafeInteger(n) && /** @type {number} */ (n) >= 0;

/** @param {any} value @returns {value is ExerciseRecord} */
export function isRecord(value) {
  return (
    value !== null && typeof value === "object" && !Array.isArray(value) &&
    typeof value.status === "string" && Object.hasOwn(STATUS_RANK, value.status) &&
    count(value.attempts) && count(value.hintsShown) &&
    (value.updatedAt === undefined || count(value.updatedAt)) &&
    (value.draft === null || (typeof value.draft === "string" && value.draft.length <= MAX_DRAFT_LENGTH))
  );
}

/** Only the known fields, as a fresh object (nothing else from a file or storage survives). @param {ExerciseRecord} value */
export const cleanRecord = (value) => ({
  status: value.status,
  attempts: value.attempts,
  hintsShown: value.hintsShown,
  draft: value.draft,
  updatedAt: value.updatedAt ?? 0,
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
 * newer draft.
 * @param {ExerciseRecord} mine @param {ExerciseRecord} theirs @returns {ExerciseRecord}
 */
export function mergeRecords(mine, theirs) {
  const newer = (theirs.updatedAt ?? 0) > (mine.updatedAt ?? 0) ? theirs : mine;
  return {
    status: betterStatus(mine.status, theirs.status),
    attempts: Math.max(mine.attempts, theirs.attempts),
    hintsShown: Math.max(mine.hintsShown, theirs.hintsShown),
    draft: newer.draft ?? (newer === theirs ? mine.draft : theirs.draft),
    updatedAt: Math.max(mine.updatedAt ?? 0, theirs.updatedAt ?? 0),
  };
}

/** A turn's identity, so merging two role logs keeps each turn once. @param {Turn} turn */
export const turnKey = (turn) => `${turn.at}:${turn.exercise}:${turn.listener}:${turn.speaker}`;
