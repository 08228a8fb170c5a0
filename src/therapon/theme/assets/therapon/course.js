// @ts-check
/**
 * The course manifest, course.json, written by the build at the site root: every lesson and
 * exercise in reading order, so progress can list exercises the learner never opened.
 * Its URL carries a hash of its content (config.course), so neither the HTTP cache nor the
 * service worker can pair a page with another build's outline. Fetched once per visit and
 * shared by everything that needs it. A failed fetch resolves to
 * null (callers show a plain message) and is tried again on the next page.
 */
import { ANCHOR_PREFIX, COURSE_SCHEMA } from "./contract.js";

/** @typedef {{id: string, kind: string, title: string, partner?: boolean}} CourseExercise */
/** @typedef {{title: string, url: string, optional?: boolean, exercises: CourseExercise[]}} CourseLesson */
/** @typedef {{schema: number, id: string, title: string, lessons: CourseLesson[]}} Course */

/** @type {Promise<Course | null> | undefined} */
let shared;

/** @param {any} e @returns {e is CourseExercise} */
const isExercise = (e) => e !== null && typeof e === "object" &&
  typeof e.id === "string" && typeof e.kind === "string" && typeof e.title === "string";

/** @param {any} l @returns {l is CourseLesson} */
const isLesson = (l) => l !== null && typeof l === "object" && typeof l.title === "string" &&
  typeof l.url === "string" && Array.isArray(l.exercises) && l.exercises.every(isExercise);

/** @param {any} c @returns {c is Course} */
const isCourse = (c) => c !== null && typeof c === "object" && c.schema === COURSE_SCHEMA &&
  Array.isArray(c.lessons) && c.lessons.every(isLesson);

/**
 * @param {{siteRoot: URL, course: string}} config
 * @returns {Promise<Course | null>}
 */
export function loadCourse(config) {
  shared ||= fetch(new URL(config.course, config.siteRoot))
    .then((response) => {
      if (!response.ok) throw new Error(`course.json: HTTP ${response.status}`);
      return response.json();
    })
    .then((data) => {
      if (!isCourse(data)) throw new Error(`course.json does not have the expected shape (schema ${COURSE_SCHEMA})`);
      return data;
    })
    .catch((error) => {
      console.error("The course outline could not be loaded", error);
      shared = undefined;
      return null;
    });
  return shared;
}

/** Where an exercise lives, as a link target. @param {CourseLesson} lesson @param {string} id @param {URL} siteRoot */
export const exerciseUrl = (lesson, id, siteRoot) => new URL(`${lesson.url}#${ANCHOR_PREFIX}${id}`, siteRoot);

/**
 * The course's lessons with exercises, split into the course itself and the optional parts
 * (front matter `optional: true`), which are counted apart: a learner can finish the course
 * without them.
 * @param {Course} course
 */
export function courseParts(course) {
  const lessons = course.lessons.filter((lesson) => lesson.exercises.length > 0);
  return { core: lessons.filter((l) => !l.optional), optional: lessons.filter((l) => l.optional) };
}
