// @ts-check
/**
 * The progress dashboard on progress/, for the active profile: how far they are, where to
 * pick up, every lesson's exercises (read from course.json, so exercises never opened are
 * listed too) and, for a couple, how evenly they take turns listening. The course and its
 * optional parts are counted apart, so the course can be finished without them. Everything
 * is built with DOM calls: profile names and titles are set as text, never parsed as markup.
 */
import { ATTR, STATUS } from "../contract.js";
import { courseParts, exerciseUrl, loadCourse } from "../course.js";
import { countListens, nextListener, weeklyBalance } from "../turns.js";
import { formatDate, listOf, t, tn, tNodes } from "../i18n.js";
import { statusWord } from "./common.js";
import { h } from "./dom.js";
import { renderNowAndOnChange } from "./live.js";

/** @typedef {import("../store.js").Store} Store */
/** @typedef {import("../config.js").TheraponConfig} TheraponConfig */
/** @typedef {import("../course.js").Course} Course */
/** @typedef {import("../course.js").CourseLesson} CourseLesson */
/** @typedef {import("../course.js").CourseExercise} CourseExercise */
/** @typedef {import("../records.js").Profile} Profile */
/** @typedef {import("../records.js").ExerciseRecord} ExerciseRecord */
/** @typedef {import("../records.js").Turn} Turn */
/** @typedef {{lesson: CourseLesson, exercise: CourseExercise}} Place */

const CHART_WEEKS = 8;
const IMBALANCE_SHARE = 0.75;    // one partner did this share of the listening or more…
const IMBALANCE_MIN_TURNS = 4;   // …over at least this many turns
const COLOURS = 4;               // profile colour classes in progress.css, reused in turn
const SVG = "http://www.w3.org/2000/svg";

/**
 * @param {HTMLElement} el
 * @param {{store: Store, config: TheraponConfig, signal: AbortSignal}} context
 */
export function mount(el, { store, config, signal }) {
  loadCourse(config).then((course) => {
    if (signal.aborted) return;
    if (!course) {
      el.replaceChildren(h("p", {}, t("dashboard.noCourse")));
      el.setAttribute(ATTR.ready, "");
      return;
    }
    const render = () => {
      const focus = focusedLink(el);
      el.replaceChildren(...dashboard(course, store, config));
      focus?.();
      el.setAttribute(ATTR.ready, "");
    };
    renderNowAndOnChange(store, signal, render);
  });
}

/**
 * A re-render replaces the links; put keyboard focus back on the same one (the same target,
 * the same occurrence of it), so a change from another tab does not throw the learner out.
 * @param {HTMLElement} el @returns {(() => void) | null}
 */
function focusedLink(el) {
  const active = document.activeElement;
  if (!(active instanceof HTMLAnchorElement) || !el.contains(active)) return null;
  const same = (/** @type {ParentNode} */ root) => Array.from(root.querySelectorAll("a")).filter((a) => a.href === active.href);
  const nth = same(el).indexOf(active);
  return () => same(el)[nth]?.focus();
}

/** @param {Course} course @param {Store} store @param {TheraponConfig} config @returns {HTMLElement[]} */
function dashboard(course, store, config) {
  const { active, list } = store.profiles();
  const me = list.find((p) => p.id === active) ?? list[0];
  const records = store.records(active);
  const { core, optional } = courseParts(course);
  const placesOf = (/** @type {CourseLesson[]} */ lessons) =>
    lessons.flatMap((lesson) => lesson.exercises.map((exercise) => ({ lesson, exercise })));
  const places = placesOf(core);
  const extras = placesOf(optional);
  const status = (/** @type {string} */ id) => records[id]?.status ?? STATUS.new;
  // Sentences about the learner: "You have…" alone, "Sam has…" for one of a couple.
  const who = list.length > 1 ? { name: me.name, form: "Name" } : { name: "", form: "You" };
  if (places.length + extras.length === 0) return [h("p", {}, t("dashboard.noExercises"))];

  const finished = (/** @type {Place[]} */ some) => some.filter(({ exercise }) => status(exercise.id) === STATUS.passed).length;
  const summary = h("p", { class: "therapon-dashboard__summary", "data-summary": "" },
    tn(`dashboard.summary${who.form}`, places.length, { name: who.name, done: finished(places) }));
  const extrasSummary = extras.length === 0 ? [] : [h("p", { class: "therapon-dashboard__extras", "data-summary-optional": "" },
    t("dashboard.extras", { done: finished(extras), total: extras.length }))];
  const byLesson = [
    h("h2", {}, t("dashboard.byLesson")),
    ...core.map((lesson) => lessonProgress(lesson, status, config.siteRoot)),
    ...(optional.length === 0 ? [] : [
      h("h2", {}, t("dashboard.optional")),
      h("p", {}, t("dashboard.optionalIntro")),
      ...optional.map((lesson) => lessonProgress(lesson, status, config.siteRoot)),
    ]),
  ];
  const turns = config.partners ? turnsSection(store.turns(), list) : [];
  // A couple sees the balance of turns before the long list; one learner sees the list first.
  return [summary, ...extrasSummary, nextStep(places, extras, records, who, config.siteRoot),
    ...(list.length > 1 ? [...turns, ...byLesson] : [...byLesson, ...turns])];
}

/**
 * Where to pick up: the exercise worked on most recently that is not done yet, else the
 * first one not done, in reading order; the optional extras only once the course is done.
 * @param {Place[]} places @param {Place[]} extras @param {Record<string, ExerciseRecord>} records
 * @param {{name: string, form: string}} who @param {URL} siteRoot
 */
function nextStep(places, extras, records, who, siteRoot) {
  const isOpen = (/** @type {Place} */ p) => records[p.exercise.id]?.status !== STATUS.passed;
  const open = places.filter(isOpen);
  const box = h("p", { class: "therapon-dashboard__next", "data-continue": "" });
  if (open.length === 0) {
    const extra = extras.find(isOpen);
    box.append(t(`dashboard.finished${who.form}`, { name: who.name }));
    if (extra) {
      box.append(...tNodes("dashboard.moreExtras",
        { link: h("a", { href: exerciseUrl(extra.lesson, extra.exercise.id, siteRoot).href }, extra.exercise.title) }));
    }
    return box;
  }
  const updated = (/** @type {Place} */ p) => records[p.exercise.id]?.updatedAt ?? 0;
  const recent = open.filter((p) => updated(p) > 0).sort((a, b) => updated(b) - updated(a))[0];
  const started = places.some((p) => updated(p) > 0);
  const { lesson, exercise } = recent ?? open[0];
  box.append(
    h("span", { class: "therapon-dashboard__next-label" }, started ? t("dashboard.continue") : t("dashboard.startHere")), " ",
    h("a", { href: exerciseUrl(lesson, exercise.id, siteRoot).href }, exercise.title), " ",
    h("span", { class: "therapon-dashboard__where" }, t("dashboard.inLesson", { lesson: lesson.title })),
  );
  return box;
}

/** @param {CourseLesson} lesson @param {(id: string) => string} status @param {URL} siteRoot */
function lessonProgress(lesson, status, siteRoot) {
  const total = lesson.exercises.length;
  const done = lesson.exercises.filter((e) => status(e.id) === STATUS.passed).length;
  const words = t("dashboard.lessonDone", { done, total });
  const bar = h("progress", { max: String(total), value: String(done), "aria-label": words });
  const items = lesson.exercises.map((exercise) => h("li", { "data-exercise-id": exercise.id, [ATTR.status]: status(exercise.id) },
    h("a", { href: exerciseUrl(lesson, exercise.id, siteRoot).href }, exercise.title), " ",
    h("span", { class: "therapon-dashboard__status" }, statusWord(status(exercise.id)))));
  return h("div", { class: "therapon-dashboard__lesson", "data-lesson": lesson.url, ...(lesson.optional ? { "data-optional": "" } : {}) },
    h("h3", {}, h("a", { href: new URL(lesson.url, siteRoot).href }, lesson.title)),
    h("div", { class: "therapon-dashboard__bar" }, bar, h("span", { "aria-hidden": "true" }, words)),
    h("ul", { class: "therapon-dashboard__exercises" }, ...items));
}

/** @param {Turn[]} turns @param {Profile[]} profiles @returns {HTMLElement[]} */
function turnsSection(turns, profiles) {
  const heading = h("h2", {}, t("dashboard.turns"));
  if (profiles.length < 2) {
    return [heading, h("p", { "data-turns": "" }, t("dashboard.turnsAlone"))];
  }
  const next = /** @type {Profile} */ (nextListener(turns, profiles));
  const counts = countListens(turns, profiles);
  const weeks = weeklyBalance(turns, profiles, CHART_WEEKS);
  const recent = new Map(profiles.map((p) => [p.id, weeks.reduce((sum, w) => sum + w.counts[p.id], 0)]));
  const recentTotal = [...recent.values()].reduce((a, b) => a + b, 0);
  const nodes = [heading, h("p", { class: "therapon-dashboard__next-listener", "data-next-listener": "" },
    ...tNodes("dashboard.nextListener", { name: h("strong", {}, next.name) }))];

  const leader = profiles.find((p) => recentTotal >= IMBALANCE_MIN_TURNS && /** @type {number} */ (recent.get(p.id)) >= IMBALANCE_SHARE * recentTotal);
  if (leader) {
    const advice = leader.id === next.id ? "" : t("dashboard.letListen", { name: next.name });
    nodes.push(h("p", { class: "therapon-dashboard__imbalance", "data-imbalance": "" },
      t("dashboard.imbalance", { name: leader.name, advice })));
  }
  nodes.push(h("p", { "data-listens": "" }, turns.length === 0
    ? t("dashboard.noTalks")
    : t("dashboard.soFar", { list: listOf(profiles.map((p) => listened(p.name, /** @type {number} */ (counts.get(p.id))))) })));
  if (recentTotal > 0) nodes.push(chart(weeks, profiles, recent));
  return nodes;
}

/**
 * One group of bars per week, one bar per profile; the numbers again in a table for screen
 * readers, which announce the picture by its label only.
 * @param {import("../turns.js").Week[]} weeks @param {Profile[]} profiles @param {Map<string, number>} totals
 */
function chart(weeks, profiles, totals) {
  const width = 320, top = 16, base = 112, height = 132;
  const slot = width / weeks.length;
  const gap = 2;
  const barWidth = Math.min(12, (slot - 10 - gap * (profiles.length - 1)) / profiles.length);
  const highest = Math.max(1, ...weeks.flatMap((w) => Object.values(w.counts)));
  const short = (/** @type {Date | number} */ when) => formatDate(when, { day: "numeric", month: "short" });
  const long = (/** @type {Date | number} */ when) => formatDate(when, { day: "numeric", month: "long", year: "numeric" });
  const label = t("dashboard.chartLabel", { weeks: weeks.length,
    list: listOf(profiles.map((p) => listened(p.name, /** @type {number} */ (totals.get(p.id))))) });

  const svg = svgNode("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label, class: "therapon-chart__svg", focusable: "false" });
  svg.append(svgNode("line", { x1: "0", x2: String(width), y1: String(base), y2: String(base), class: "therapon-chart__axis" }));
  weeks.forEach((week, i) => {
    const left = i * slot + (slot - (barWidth * profiles.length + gap * (profiles.length - 1))) / 2;
    const day = short(week.weekStart);
    profiles.forEach((profile, j) => {
      const count = week.counts[profile.id];
      if (count === 0) return;
      const x = left + j * (barWidth + gap);
      const barHeight = (count / highest) * (base - top);
      const bar = svgNode("rect", { x: fixed(x), y: fixed(base - barHeight), width: fixed(barWidth), height: fixed(barHeight),
        rx: "1.5", class: `therapon-chart__bar therapon-chart__bar--p${j % COLOURS}` });
      bar.append(svgNode("title", {}, t("dashboard.barTitle", { name: profile.name, times: times(count), day })));
      svg.append(bar, svgNode("text", { x: fixed(x + barWidth / 2), y: fixed(base - barHeight - 3), class: "therapon-chart__count" }, String(count)));
    });
    svg.append(svgNode("text", { x: fixed(i * slot + slot / 2), y: String(height - 6), class: "therapon-chart__week" }, day));
  });

  const legend = h("ul", { class: "therapon-chart__legend", "aria-hidden": "true" }, ...profiles.map((p, j) =>
    h("li", {}, h("span", { class: `therapon-chart__swatch therapon-chart__swatch--p${j % COLOURS}` }), p.name)));
  const table = h("table", { class: "therapon-visually-hidden" },
    h("caption", {}, t("dashboard.tableCaption")),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("dashboard.weekOf")), ...profiles.map((p) => h("th", { scope: "col" }, p.name)))),
    h("tbody", {}, ...weeks.map((w) => h("tr", {}, h("th", { scope: "row" }, long(w.weekStart)),
      ...profiles.map((p) => h("td", {}, String(w.counts[p.id])))))));
  return h("figure", { class: "therapon-chart", "data-turns-chart": "" },
    svg, legend, table, h("figcaption", {}, t("dashboard.chartCaption", { weeks: weeks.length })));
}

/** @param {number} n */
const times = (n) => (n === 1 ? t("dashboard.once") : n === 2 ? t("dashboard.twice") : t("dashboard.times", { count: n }));
/** @param {string} name @param {number} n */
const listened = (name, n) => t("dashboard.listened", { name, times: times(n) });
/** @param {number} n */
const fixed = (n) => String(Math.round(n * 10) / 10);
/** @param {string} tag @param {Record<string, string>} attributes @param {string} [text] */
function svgNode(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
