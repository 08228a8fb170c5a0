// @ts-check
/**
 * The answer to the first-visit question (one learner, a couple, or skipped), kept so the
 * question is asked once per device; "returning" marks data from before it was asked.
 */

/** @typedef {{answer: string, at: number}} Welcome */

/** The answers the first-visit question can have; "returning" marks data from before it was asked. */
export const WELCOME_ANSWERS = Object.freeze(["one", "two", "skipped", "returning"]);

/** @param {any} v @returns {v is Welcome} */
const isWelcome = (v) => v !== null && typeof v === "object" && WELCOME_ANSWERS.includes(v.answer) && Number.isSafeInteger(v.at);

/** @param {{values: import("./course-values.js").CourseValues, emit: import("./store-events.js").Emit}} parts */
export function createWelcomeStore({ values, emit }) {
  const { prefix, write, readJson } = values;

  /** @returns {Welcome | null} */
  const welcome = () => readJson(`${prefix}welcome`, isWelcome, "welcome");

  /** @param {string} answer  one of WELCOME_ANSWERS */
  function answerWelcome(answer) {
    write(`${prefix}welcome`, JSON.stringify({ answer, at: Date.now() }));
    emit("welcome");
  }

  return { welcome, answerWelcome };
}
