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
import { formatDate, listOf, t, tn, tNodes } from "../i18n.js";
import { button, h } from "./dom.js";
import { renderNowAndOnChange } from "./live.js";

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
    renderNowAndOnChange(store, signal, render);
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
    ? tn("answers.whoseCouple", others.length, { name: me.name, others: listOf(others) })
    : t("answers.whose");
  const name = (/** @type {string} */ id) => list.find((p) => p.id === id)?.name ?? t("answers.someoneGone");
  const day = (/** @type {number} */ at) => formatDate(at, { day: "numeric", month: "long", year: "numeric" });
  const items = listed.map(({ id, title }) => {
    const lesson = course?.lessons.find((l) => l.exercises.some((e) => e.id === id));
    const shared = store.isShared(id);
    const text = store.read(id).words.draft?.trim() ?? "";
    const locked = store.isLocked(id);
    const whoWrote = shared ? t("answers.together") : t("answers.own", { name: me.name });
    const where = lesson ? tNodes("answers.from", { link: h("a", { href: exerciseUrl(lesson, id, siteRoot).href }, lesson.title) }) : [];
    const turns = shared ? store.turns().filter((t) => t.exercise === id).sort((a, b) => a.at - b.at) : [];
    return h("article", { class: "therapon-answer", "data-answer": id, "data-shared": String(shared) },
      h("h2", {}, title),
      h("p", { class: "therapon-answer__where" }, whoWrote, ...where),
      locked
        ? h("p", { class: "therapon-answer__empty", "data-answer-locked": "" },
          t("answers.locked", { name: me.name }))
        : text
        ? h("div", { class: "therapon-answer__text", "data-answer-text": "" }, text)
        : h("p", { class: "therapon-answer__empty", "data-answer-empty": "" },
          lesson ? tNodes("answers.emptyWrite", { link: h("a", { href: exerciseUrl(lesson, id, siteRoot).href }, t("answers.writeIn", { lesson: lesson.title })) })
            : [t("answers.empty")]),
      turns.length === 0 ? "" : h("p", { class: "therapon-answer__turns" },
        t("answers.talkedThrough", { turns: turns.map((turn) => t("answers.turn", { day: day(turn.at), listener: name(turn.listener), speaker: name(turn.speaker) })).join("; ") })));
  });
  const print = button(t("answers.print"), () => window.print(), signal);
  return [
    h("p", { class: "therapon-answers__whose", "data-answers-whose": "" }, whose),
    h("div", { class: "therapon-actions therapon-no-print" }, print),
    ...(course ? [] : [h("p", {}, t("answers.noCourse"))]),
    ...items,
  ];
}
