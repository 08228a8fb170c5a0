// @ts-check
/**
 * The role log of partner practice as stored: who listened and who spoke, and when. Saving a
 * turn also marks the practice done for the couple. The counting over the log (whose turn it
 * is, the week's chart) is turns.js.
 */
import { STATUS } from "./contract.js";
import { isTurn, sameTalk } from "./records.js";

/** @typedef {import("./records.js").Turn} Turn */

/**
 * @param {{values: import("./course-values.js").CourseValues,
 *   update: import("./records-store.js").RecordsStore["update"], emit: import("./store-events.js").Emit}} parts
 */
export function createTurnsStore({ values, update, emit }) {
  const { prefix, shared, write, readJson } = values;

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
    if (shared.has(turn.exercise)) update(turn.exercise, () => ({ status: STATUS.passed }));
    emit("*");
    return isNew;
  }

  return { turns, saveTurn };
}
