// @ts-check
/**
 * A page that gathers saved answers (the ```answers fence), such as "Our agreements": for each
 * listed exercise, what was written, where it comes from, and whose words they are. A partner
 * practice shows the couple's shared notes and the turns saved for it; any other exercise
 * shows the words of the profile in use only, and the page says so. Everything is set as text.
 * It follows the store live (another tab, a profile switch) and prints without its buttons.
 */
import { ATTR, SELECTOR } from "../contract.js";
import { exerciseUrl, loadCourse } from "../course.js";
import { button, h } from "./dom.js";

/** @typedef {import("../store.js").Store} Store */
/** @typedef {import("../course.js").Course} Course */
/** @typedef {{id: string, title: string}} Listed */

/**
 * @param {HTMLElement} el
 * @param {{store: Store, config: {siteRoot: URL, course: string}, signal: AbortSignal}} context
 */
export function mount(el, { store, config, signal }) {
  const template = /** @type {HTMLTemplateElement | null} */ (el.querySelector(`template${SELECTOR.answersData}`));
  /** @type {Listed[]} */
  const listed = JSON.parse(template?.content.textContent || "{}").exercises ?? [];
  loadCourse(config).then((course) => {
    if (signal.aborted) return;
    const render = () => {
      el.replaceChildren(...page(listed, course, store, config.siteRoot, signal));
      el.setAttribute(ATTR.ready, "");
    };
    render();
    let queued = false;  // many changes in one task (an import, a profile switch) render once
    const unsubscribe = store.subscribe(() => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => { queued = false; if (!signal.aborted) render(); });
    });
    signal.addEventListener("abort", () => void unsubscribe(), { once: true });
  });
}

/**
 * @param {Listed[]} listed @param {Course | null} course @param {Store} store @param {URL} siteRoot
 * @param {AbortSignal} signal
 */
function page(listed, course, store, siteRoot, signal) {
  const { active, list } = store.profiles();
  const me = list.find((p) => p.id === active) ?? list[0];
  const couple = list.length > 1;
  const others = list.filter((p) => p.id !== active).map((p) => p.name);
  const whose = couple
    ? `Shown for ${me.name}: what you wrote together, and ${me.name}'s own answers. ` +
      `${listOf(others)}'s own answers are shown when ${others.length === 1 ? "that profile is" : "those profiles are"} in use.`
    : "Shown: what is saved in this browser. Partner practice notes are shared by every profile on this device.";
  const name = (/** @type {string} */ id) => list.find((p) => p.id === id)?.name ?? "someone no longer here";
  const day = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { day: "numeric", month: "long", year: "numeric" });
  const items = listed.map(({ id, title }) => {
    const lesson = course?.lessons.find((l) => l.exercises.some((e) => e.id === id));
    const shared = store.isShared(id);
    const text = store.read(id).words.draft?.trim() ?? "";
    const locked = store.isLocked(id);
    const whoWrote = shared ? "Written together: both profiles see this." : `${me.name}'s own answer.`;
    const where = lesson ? [" From ", h("a", { href: exerciseUrl(lesson, id, siteRoot).href }, lesson.title), "."] : [];
    const turns = shared ? store.turns().filter((t) => t.exercise === id).sort((a, b) => a.at - b.at) : [];
    return h("article", { class: "therapon-answer", "data-answer": id, "data-shared": String(shared) },
      h("h2", {}, title),
      h("p", { class: "therapon-answer__where" }, whoWrote, ...where),
      locked
        ? h("p", { class: "therapon-answer__empty", "data-answer-locked": "" },
          `This answer is locked. ${me.name} can unlock it in its lesson, or on the progress page.`)
        : text
        ? h("div", { class: "therapon-answer__text", "data-answer-text": "" }, text)
        : h("p", { class: "therapon-answer__empty", "data-answer-empty": "" },
          lesson ? ["Nothing is written here yet. ", h("a", { href: exerciseUrl(lesson, id, siteRoot).href }, `Write it in ${lesson.title}`), "."]
            : ["Nothing is written here yet."]),
      turns.length === 0 ? "" : h("p", { class: "therapon-answer__turns" },
        `Talked through: ${turns.map((t) => `${day.format(t.at)} (${name(t.listener)} listened, ${name(t.speaker)} spoke)`).join("; ")}.`));
  });
  const print = button("Print this page", () => window.print(), signal);
  return [
    h("p", { class: "therapon-answers__whose", "data-answers-whose": "" }, whose),
    h("div", { class: "therapon-actions therapon-no-print" }, print),
    ...(course ? [] : [h("p", {}, "The links to the lessons cannot be shown right now, because the list of lessons did not load. Your answers below are complete.")]),
    ...items,
  ];
}

/** @param {string[]} items */
const listOf = (items) => new Intl.ListFormat(document.documentElement.lang || undefined, { type: "conjunction" }).format(items);
