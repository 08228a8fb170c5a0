// @ts-check
/**
 * "Your data" on the progress page: export (optionally protected by a passphrase), import
 * with a preview and a choice to merge or replace, and "Delete all my data" after a
 * confirmation that says exactly what will go. A rejected file changes nothing.
 *
 * Each part says what happened right beside its own controls, in its own live region, and a
 * message is cleared as soon as it no longer holds (a new file, a new passphrase).
 */
import { ATTR } from "../contract.js";
import { MAX_FILE_BYTES, decrypt, encrypt, exportFile, lockConflict, mergeProgress, readProgressFile, snapshot, summarise } from "../transfer.js";
import { formatDate, t, tn } from "../i18n.js";
import { button, h, status } from "./dom.js";

/** @typedef {import("../store.js").Store} Store */

/** @param {Blob} blob @param {string} name */
function download(blob, name) {
  const link = h("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  /** @type {HTMLAnchorElement} */ (link).click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(/** @type {HTMLAnchorElement} */ (link).href), 1000);
}

/** @param {ReturnType<typeof summarise>} s */
const describe = (s) =>
  t("data.describe", { profiles: tn("data.profiles", s.names.length), names: s.names.join(", "), done: s.done,
    inProgress: s.inProgress, entries: s.entries, turns: tn("data.turns", s.turns) }) +
  (s.locked.length === 0 ? "" : t("data.lockedNames", { names: s.locked.reduce((a, b) => t("data.and", { first: a, second: b })) }));

/**
 * @param {HTMLElement} el
 * @param {{store: Store, config: {courseId: string}, signal: AbortSignal}} context
 */
export function mount(el, { store, config, signal }) {
  /** A live region for one part's results, and the function that sets (or clears) it. */
  const resultArea = () => {
    const region = status();
    return { region, say: (/** @type {string} */ text) => { region.textContent = text; } };
  };

  // --- export ---
  const exported = resultArea();
  const passphrase = /** @type {HTMLInputElement} */ (h("input", { type: "password", id: "therapon-export-passphrase", autocomplete: "new-password" }));
  passphrase.addEventListener("input", () => exported.say(""), { signal });
  const exportButton = button(t("data.export"), async () => {
    if (exportButton.getAttribute("aria-disabled") === "true") return;
    const file = exportFile(snapshot(store), config.courseId);
    const secret = passphrase.value;
    const day = new Date().toISOString().slice(0, 10);
    const name = `therapon-${config.courseId}-${day}.json`;
    exportButton.setAttribute("aria-disabled", "true");
    if (secret) exported.say(t("data.protecting"));
    try {
      const body = secret ? await encrypt(file, secret, config.courseId) : file;
      download(new Blob([JSON.stringify(body, null, 1)], { type: "application/json" }), name);
      exported.say(t("data.exported", { file: name }) + (secret ? t("data.exportedSecret") : t("data.exportedPlain")));
    } finally {
      exportButton.removeAttribute("aria-disabled");
    }
  }, signal);
  const exportSection = h("section", { class: "therapon-data-part", "data-part": "export", "aria-labelledby": "therapon-export-title" }, [
    h("h3", { id: "therapon-export-title" }, [t("data.exportTitle")]),
    h("p", {}, [t("data.exportIntro")]),
    h("label", { for: "therapon-export-passphrase" }, [t("data.passphraseOptional")]),
    passphrase,
    h("p", { class: "therapon-help" }, [t("data.passphraseHelp")]),
    h("div", { class: "therapon-actions" }, [exportButton]),
    exported.region,
  ]);

  // --- import ---
  const imported = resultArea();
  const picker = /** @type {HTMLInputElement} */ (h("input", { type: "file", id: "therapon-import-file", accept: ".json,application/json" }));
  const unlockBox = h("div", { class: "therapon-import-step", hidden: "" });
  const previewBox = h("div", { class: "therapon-import-step", hidden: "" });
  const resetImport = () => {
    unlockBox.hidden = true;
    previewBox.hidden = true;
    unlockBox.replaceChildren();
    previewBox.replaceChildren();
    picker.value = "";
  };
  /** @param {import("../transfer.js").Progress} progress @param {string} exportedAt */
  const preview = (progress, exportedAt) => {
    unlockBox.hidden = true;
    const when = exportedAt ? t("data.exportedOn", { day: formatDate(new Date(exportedAt), { year: "numeric", month: "numeric", day: "numeric" }) }) : "";
    previewBox.replaceChildren(
      h("p", { "data-import-summary": "" }, [t("data.holds", { what: describe(summarise(progress)), when })]),
      h("p", {}, [t("data.mergeOrReplace")]),
      h("div", { class: "therapon-actions" }, [
        button(t("data.merge"), () => {
          const here = snapshot(store);
          const conflict = lockConflict(here, progress);
          if (conflict) {
            imported.say(t("data.lockConflict", { name: conflict }));
            return;
          }
          apply(mergeProgress(here, progress), false, "merged");
        }, signal, true),
        button(t("data.replace"), () => apply(progress, true, "replaced"), signal),
        button(t("common.cancel"), () => { resetImport(); imported.say(t("data.nothingImported")); picker.focus(); }, signal),
      ]),
    );
    previewBox.hidden = false;
    /** @type {HTMLElement} */ (previewBox.querySelector("button")).focus();
  };
  /** @param {import("../transfer.js").Progress} progress @param {boolean} replace @param {"merged" | "replaced"} verb */
  const apply = (progress, replace, verb) => {
    const saved = store.restore(progress, replace);
    resetImport();
    imported.say(saved ? t(`data.${verb}`) : t("data.importNotSaved"));
    picker.focus();  // the buttons that had focus are gone; the result is announced
  };
  picker.addEventListener("change", async () => {
    const file = picker.files?.[0];
    imported.say("");  // a new file: what was said about the last one no longer holds
    unlockBox.hidden = true;
    previewBox.hidden = true;
    if (!file) return;
    const refuse = (/** @type {string} */ message) => { resetImport(); imported.say(message); };
    if (file.size > MAX_FILE_BYTES) return refuse(t("data.tooLarge"));
    const first = readProgressFile(await file.text(), config.courseId, store.partnerPractice);
    if (!first.ok) return refuse(/** @type {string} */ (first.message));
    if (!first.encrypted) return preview(/** @type {import("../transfer.js").Progress} */ (first.progress), first.exportedAt ?? "");
    const secret = /** @type {HTMLInputElement} */ (h("input", { type: "password", id: "therapon-import-passphrase", autocomplete: "off" }));
    const unlockResult = resultArea();
    secret.addEventListener("input", () => unlockResult.say(""), { signal });
    const unlock = button(t("data.unlock"), async () => {
      if (unlock.getAttribute("aria-disabled") === "true") return;
      unlock.setAttribute("aria-disabled", "true");
      unlockResult.say(t("data.opening"));
      try {
        const text = await decrypt(first.envelope, secret.value);
        if (text === null) return unlockResult.say(t("data.wrongPassphrase"));
        const inner = readProgressFile(text, config.courseId, store.partnerPractice);
        if (!inner.ok) return refuse(/** @type {string} */ (inner.message));
        if (inner.encrypted) return refuse(t("data.damaged"));
        unlockResult.say("");
        imported.say(t("data.open"));
        preview(/** @type {import("../transfer.js").Progress} */ (inner.progress), inner.exportedAt ?? "");
      } finally {
        unlock.removeAttribute("aria-disabled");
      }
    }, signal, true);
    unlockBox.replaceChildren(
      h("p", {}, [t("data.protected")]),
      h("label", { for: "therapon-import-passphrase" }, [t("data.filePassphrase")]),
      secret,
      h("div", { class: "therapon-actions" }, [unlock]),
      unlockResult.region,
    );
    unlockBox.hidden = false;
    secret.focus();
  }, { signal });
  const importSection = h("section", { class: "therapon-data-part", "data-part": "import", "aria-labelledby": "therapon-import-title" }, [
    h("h3", { id: "therapon-import-title" }, [t("data.importTitle")]),
    h("p", {}, [t("data.importIntro")]),
    h("label", { for: "therapon-import-file" }, [t("data.chooseFile")]),
    picker, imported.region, unlockBox, previewBox,
  ]);

  // --- delete ---
  const deleted = resultArea();
  const confirmBox = h("div", { class: "therapon-confirm", hidden: "" });
  /** Close the question and put focus back on the button that asked it. @param {string} result */
  const closeConfirm = (result) => {
    confirmBox.hidden = true;
    deleted.say(result);
    deleteButton.focus();
  };
  const deleteButton = button(t("data.delete"), () => {
    deleted.say("");
    const s = summarise(snapshot(store));
    confirmBox.replaceChildren(
      h("p", { "data-delete-summary": "" }, [t("data.deleteSummary", { what: describe(s) })]),
      button(t("data.deleteYes"), () => {
        store.clearAll();
        closeConfirm(t("data.deleted"));
      }, signal, true),
      button(t("common.cancel"), () => closeConfirm(t("data.nothingDeleted")), signal),
    );
    confirmBox.hidden = false;
    /** @type {HTMLElement} */ (confirmBox.querySelector("button")).focus();
  }, signal);
  const deleteSection = h("section", { class: "therapon-data-part", "data-part": "delete", "aria-labelledby": "therapon-delete-title" }, [
    h("h3", { id: "therapon-delete-title" }, [t("data.deleteTitle")]),
    deleteButton, confirmBox, deleted.region,
  ]);

  el.replaceChildren(exportSection, importSection, deleteSection);
  el.setAttribute(ATTR.ready, "");
}
