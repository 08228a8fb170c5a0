// @ts-check
/**
 * Course-wide progress on every page, for the active profile: a ✓ beside each finished
 * lesson in Material's navigation, and "3/5" in the header, linking to the progress page.
 * The header counts the course without its optional parts (they are named in its label), so
 * a couple who skips them still sees the count reach the end.
 * Instant navigation replaces the navigation with each page but keeps the header, so the
 * marks are redrawn on every page and the header link is inserted once and then updated.
 * Both follow the store live (a Check, another tab, a profile switch, an import).
 */
import { STATUS } from "./contract.js";
import { courseParts, loadCourse } from "./course.js";
import { t } from "./i18n.js";

/** @typedef {import("./store.js").Store} Store */
/** @typedef {import("./config.js").TheraponConfig} TheraponConfig */
/** @typedef {import("./course.js").Course} Course */

const MARK = "therapon-nav-done";

/** @param {{store: Store, config: TheraponConfig, signal: AbortSignal}} context */
export function mountCourseProgress({ store, config, signal }) {
  loadCourse(config).then((course) => {
    if (!course || signal.aborted) return;
    const update = () => {
      const counts = tally(course, store, config.siteRoot);
      markNavigation(counts.finishedLessons);
      showInHeader(counts, config.siteRoot);
    };
    update();
    let queued = false;
    const unsubscribe = store.subscribe(() => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => { queued = false; if (!signal.aborted) update(); });
    });
    signal.addEventListener("abort", () => void unsubscribe(), { once: true });
  });
}

/** @typedef {{done: number, total: number, optionalDone: number, optionalTotal: number}} Counts */

/** @param {Course} course @param {Store} store @param {URL} siteRoot */
function tally(course, store, siteRoot) {
  const records = store.records();
  const passed = (/** @type {string} */ id) => records[id]?.status === STATUS.passed;
  const { core, optional } = courseParts(course);
  const count = (/** @type {import("./course.js").CourseLesson[]} */ lessons) => {
    const exercises = lessons.flatMap((lesson) => lesson.exercises);
    return [exercises.filter((e) => passed(e.id)).length, exercises.length];
  };
  const [done, total] = count(core);
  const [optionalDone, optionalTotal] = count(optional);
  return {
    finishedLessons: new Set([...core, ...optional].filter((lesson) => lesson.exercises.every((e) => passed(e.id)))
      .map((lesson) => new URL(lesson.url, siteRoot).href)),
    done, total, optionalDone, optionalTotal,
  };
}

/**
 * Mark the navigation's links to finished lessons, and unmark the rest. On small screens
 * Material shows the current page as a <label> for its table of contents instead of the
 * link beside it; that label gets the mark too.
 * @param {Set<string>} finished  lesson URLs, absolute
 */
function markNavigation(finished) {
  for (const link of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".md-nav__link"))) {
    const target = link instanceof HTMLAnchorElement ? link
      : link.matches('label[for="__toc"]') ? link.parentElement?.querySelector(":scope > a.md-nav__link") : null;
    const isDone = target instanceof HTMLAnchorElement && finished.has(target.href);
    const mark = link.querySelector(`:scope > .${MARK}`);
    if (isDone && !mark) {
      const span = document.createElement("span");
      span.className = MARK;
      span.setAttribute("role", "img");
      span.setAttribute("aria-label", t("header.finished"));
      span.textContent = "✓";
      const icon = link.querySelector(":scope > .md-nav__icon");  // keep Material's arrow last
      link.insertBefore(span, icon);
    } else if (!isDone && mark) {
      mark.remove();
    }
  }
}

/** @param {Counts} counts @param {URL} siteRoot */
function showInHeader({ done, total, optionalDone, optionalTotal }, siteRoot) {
  const header = document.querySelector(".md-header__inner");
  if (!header) return;
  /** @type {HTMLAnchorElement | null} */
  let link = header.querySelector("[data-therapon-header-progress]");
  if (total === 0) return void link?.remove();
  if (!link) {
    link = document.createElement("a");
    link.className = "therapon-header-progress";
    link.setAttribute("data-therapon-header-progress", "");
    link.href = new URL("progress/", siteRoot).href;
    const icon = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    icon.setAttribute("viewBox", "0 0 24 24");
    icon.setAttribute("aria-hidden", "true");
    icon.classList.add("therapon-header-progress__icon");
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    // Material Design Icons "check-circle-outline" (Apache 2.0), as Material's own icons are.
    path.setAttribute("d", "M12 2C6.5 2 2 6.5 2 12s4.5 10 10 10 10-4.5 10-10S17.5 2 12 2m0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8m4.59-12.42L10 14.17l-2.59-2.58L6 13l4 4 8-8z");
    icon.append(path);
    // The name is the hidden sentence; the short visible text is for the eye only, so the
    // name never disagrees with what is shown (and "4/45" is not read as "4 slash 45").
    const label = document.createElement("span");
    label.className = "therapon-header-progress__label";
    label.setAttribute("aria-hidden", "true");
    label.textContent = t("header.course");
    const count = document.createElement("span");
    count.className = "therapon-header-progress__count";
    count.setAttribute("aria-hidden", "true");
    const name = document.createElement("span");
    name.className = "therapon-header-progress__name therapon-visually-hidden";
    link.append(icon, label, count, name);
    const search = header.querySelector('label[for="__search"]') ?? header.querySelector(".md-search");
    header.insertBefore(link, search);
  }
  const extra = optionalTotal > 0 ? t("header.extras", { done: optionalDone, total: optionalTotal }) : "";
  const name = t("header.progress", { done, total, extra });
  /** @type {HTMLElement} */ (link.querySelector(".therapon-header-progress__name")).textContent = name;
  link.title = name;
  /** @type {HTMLElement} */ (link.querySelector(".therapon-header-progress__count")).textContent = `${done}/${total}`;
  link.dataset.done = String(done === total);
  if (location.href.split("#")[0] === link.href) link.setAttribute("aria-current", "page");
  else link.removeAttribute("aria-current");
}
