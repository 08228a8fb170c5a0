// @ts-check
/**
 * Taking turns, as plain functions over the role log: who listened how often, whose turn it
 * is to listen, and the listening per week. No DOM and no storage, so they are easy to test.
 * The rule is the one the Python lab teaches: fewer listens goes next; on a tie, whoever did
 * not listen last time.
 */

/** @typedef {import("./records.js").Turn} Turn */
/** @typedef {import("./records.js").Profile} Profile */
/** @typedef {{weekStart: number, counts: Record<string, number>}} Week */

const DAYS_PER_WEEK = 7;

/**
 * How often each profile listened. Turns by profiles not in the list are left out.
 * @param {Turn[]} turns @param {Profile[]} profiles @returns {Map<string, number>}
 */
export function countListens(turns, profiles) {
  const counts = new Map(profiles.map((p) => [p.id, 0]));
  for (const turn of turns) {
    const count = counts.get(turn.listener);
    if (count !== undefined) counts.set(turn.listener, count + 1);
  }
  return counts;
}

/**
 * Who should listen next: the one who listened least; on a tie, one who did not listen
 * last; with no turns, the first profile. Null when there is nobody to take turns with.
 * @param {Turn[]} turns @param {Profile[]} profiles @returns {Profile | null}
 */
export function nextListener(turns, profiles) {
  if (profiles.length < 2) return null;
  const counts = countListens(turns, profiles);
  const fewest = Math.min(...counts.values());
  const candidates = profiles.filter((p) => counts.get(p.id) === fewest);
  const last = lastListener(turns, profiles);
  return candidates.find((p) => p.id !== last) ?? candidates[0];
}

/**
 * The listener of the latest turn (by time; among equal times, the later in the log).
 * @param {Turn[]} turns @param {Profile[]} profiles @returns {string | null}
 */
function lastListener(turns, profiles) {
  const known = new Set(profiles.map((p) => p.id));
  /** @type {Turn | null} */
  let latest = null;
  for (const turn of turns) {
    if (known.has(turn.listener) && (latest === null || turn.at >= latest.at)) latest = turn;
  }
  return latest?.listener ?? null;
}

/**
 * Listens per profile in each of the last `weeks` calendar weeks (Monday to Sunday, in the
 * learner's own time zone), oldest first; the last week is the one that holds `now`.
 * @param {Turn[]} turns @param {Profile[]} profiles @param {number} [weeks] @param {number} [now]
 * @returns {Week[]}
 */
export function weeklyBalance(turns, profiles, weeks = 8, now = Date.now()) {
  const thisWeek = startOfWeek(now);
  const starts = Array.from({ length: weeks + 1 }, (_, i) => shiftDays(thisWeek, (i - weeks + 1) * DAYS_PER_WEEK));
  const result = starts.slice(0, weeks).map((weekStart) => ({
    weekStart,
    counts: Object.fromEntries(profiles.map((p) => [p.id, 0])),
  }));
  for (const turn of turns) {
    if (!Object.hasOwn(result[0]?.counts ?? {}, turn.listener)) continue;
    const index = starts.findIndex((start, i) => i < weeks && turn.at >= start && turn.at < starts[i + 1]);
    if (index >= 0) result[index].counts[turn.listener] += 1;
  }
  return result;
}

/** Monday 00:00, local time, of the week holding `time`. @param {number} time */
function startOfWeek(time) {
  const day = new Date(time);
  day.setHours(0, 0, 0, 0);
  day.setDate(day.getDate() - ((day.getDay() + 6) % DAYS_PER_WEEK));
  return day.getTime();
}

/** Calendar arithmetic, so a week across a daylight-saving change still starts at midnight. @param {number} time @param {number} days */
function shiftDays(time, days) {
  const day = new Date(time);
  day.setDate(day.getDate() + days);
  return day.getTime();
}
