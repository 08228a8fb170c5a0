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
  `${s.names.length === 1 ? "1 profile" : `${s.names.length} profiles`} (${s.names.join(", ")}): ` +
  `${s.done} exercises done, ${s.inProgress} in progress, ${s.entries} saved answers and reflections, ` +
  `and ${s.turns} recorded ${s.turns === 1 ? "turn" : "turns"}.` +
  (s.locked.length === 0 ? "" : ` The words of ${s.locked.join(" and ")} are locked: they stay locked, and open only with that passphrase.`);

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
  const exportButton = button("Export my progress", async () => {
    if (exportButton.getAttribute("aria-disabled") === "true") return;
    const file = exportFile(snapshot(store), config.courseId);
    const secret = passphrase.value;
    const day = new Date().toISOString().slice(0, 10);
    const name = `therapon-${config.courseId}-${day}.json`;
    exportButton.setAttribute("aria-disabled", "true");
    if (secret) exported.say("Protecting the file with your passphrase…");
    try {
      const body = secret ? await encrypt(file, secret, config.courseId) : file;
      download(new Blob([JSON.stringify(body, null, 1)], { type: "application/json" }), name);
      exported.say(`Your progress was saved as ${name}, in your browser's downloads.` +
        (secret ? " It opens only with your passphrase." : " Anyone who has the file can read it, so keep it somewhere private."));
    } finally {
      exportButton.removeAttribute("aria-disabled");
    }
  }, signal);
  const exportSection = h("section", { class: "therapon-data-part", "data-part": "export", "aria-labelledby": "therapon-export-title" }, [
    h("h3", { id: "therapon-export-title" }, ["Export"]),
    h("p", {}, ["Download one file with the progress, answers, reflections and turns of every profile on this device. Keep it somewhere private. A locked profile's words stay locked inside the file: they open only with that profile's passphrase."]),
    h("label", { for: "therapon-export-passphrase" }, ["Passphrase (optional)"]),
    passphrase,
    h("p", { class: "therapon-help" }, ["With a passphrase, the file can only be opened with it. If you forget it, the file cannot be recovered."]),
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
    const when = exportedAt ? ` It was exported on ${new Date(exportedAt).toLocaleDateString()}.` : "";
    previewBox.replaceChildren(
      h("p", { "data-import-summary": "" }, [`This file holds ${describe(summarise(progress))}${when}`]),
      h("p", {}, ["Merge keeps the best of both: finished stays finished, and the newer answer wins. Replace removes what is on this device first."]),
      h("div", { class: "therapon-actions" }, [
        button("Merge with my progress", () => {
          const here = snapshot(store);
          const conflict = lockConflict(here, progress);
          if (conflict) {
            imported.say(`${conflict}'s answers are locked differently here and in the file, so they can't be merged. ` +
              "Choose Replace to use the file as it is, or Cancel. Nothing was imported.");
            return;
          }
          apply(mergeProgress(here, progress), false, "merged");
        }, signal, true),
        button("Replace my progress", () => apply(progress, true, "replaced"), signal),
        button("Cancel", () => { resetImport(); imported.say("Nothing was imported."); picker.focus(); }, signal),
      ]),
    );
    previewBox.hidden = false;
    /** @type {HTMLElement} */ (previewBox.querySelector("button")).focus();
  };
  /** @param {import("../transfer.js").Progress} progress @param {boolean} replace @param {string} verb */
  const apply = (progress, replace, verb) => {
    const saved = store.restore(progress, replace);
    resetImport();
    imported.say(saved ? `Your progress was ${verb}.` : "The import could not be saved. Nothing was changed.");
    picker.focus();  // the buttons that had focus are gone; the result is announced
  };
  picker.addEventListener("change", async () => {
    const file = picker.files?.[0];
    imported.say("");  // a new file: what was said about the last one no longer holds
    unlockBox.hidden = true;
    previewBox.hidden = true;
    if (!file) return;
    const refuse = (/** @type {string} */ message) => { resetImport(); imported.say(message); };
    if (file.size > MAX_FILE_BYTES) return refuse("This file is too large to be a progress file, so it was not imported.");
    const first = readProgressFile(await file.text(), config.courseId, store.partnerPractice);
    if (!first.ok) return refuse(/** @type {string} */ (first.message));
    if (!first.encrypted) return preview(/** @type {import("../transfer.js").Progress} */ (first.progress), first.exportedAt ?? "");
    const secret = /** @type {HTMLInputElement} */ (h("input", { type: "password", id: "therapon-import-passphrase", autocomplete: "off" }));
    const unlockResult = resultArea();
    secret.addEventListener("input", () => unlockResult.say(""), { signal });
    const unlock = button("Unlock", async () => {
      if (unlock.getAttribute("aria-disabled") === "true") return;
      unlock.setAttribute("aria-disabled", "true");
      unlockResult.say("Opening the file…");
      try {
        const text = await decrypt(first.envelope, secret.value);
        if (text === null) return unlockResult.say("That passphrase does not open this file. Check it and try again; nothing was imported.");
        const inner = readProgressFile(text, config.courseId, store.partnerPractice);
        if (!inner.ok) return refuse(/** @type {string} */ (inner.message));
        if (inner.encrypted) return refuse("This file is damaged, so nothing was imported.");
        unlockResult.say("");
        imported.say("The file is open. Look at what it holds, then choose.");
        preview(/** @type {import("../transfer.js").Progress} */ (inner.progress), inner.exportedAt ?? "");
      } finally {
        unlock.removeAttribute("aria-disabled");
      }
    }, signal, true);
    unlockBox.replaceChildren(
      h("p", {}, ["This file is protected. Enter its passphrase."]),
      h("label", { for: "therapon-import-passphrase" }, ["Passphrase for this file"]),
      secret,
      h("div", { class: "therapon-actions" }, [unlock]),
      unlockResult.region,
    );
    unlockBox.hidden = false;
    secret.focus();
  }, { signal });
  const importSection = h("section", { class: "therapon-data-part", "data-part": "import", "aria-labelledby": "therapon-import-title" }, [
    h("h3", { id: "therapon-import-title" }, ["Import"]),
    h("p", {}, ["Bring in progress exported from another browser or device. You will see what the file holds before anything changes."]),
    h("label", { for: "therapon-import-file" }, ["Choose a progress file"]),
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
  const deleteButton = button("Delete all my data", () => {
    deleted.say("");
    const s = summarise(snapshot(store));
    confirmBox.replaceChildren(
      h("p", { "data-delete-summary": "" }, [`This removes from this browser everything this course saved: ${describe(s)} It cannot be undone. Export first if you want a copy.`]),
      button("Yes, delete everything", () => {
        store.clearAll();
        closeConfirm("Everything this course saved on this device was deleted.");
      }, signal, true),
      button("Cancel", () => closeConfirm("Nothing was deleted."), signal),
    );
    confirmBox.hidden = false;
    /** @type {HTMLElement} */ (confirmBox.querySelector("button")).focus();
  }, signal);
  const deleteSection = h("section", { class: "therapon-data-part", "data-part": "delete", "aria-labelledby": "therapon-delete-title" }, [
    h("h3", { id: "therapon-delete-title" }, ["Delete"]),
    deleteButton, confirmBox, deleted.region,
  ]);

  el.replaceChildren(exportSection, importSection, deleteSection);
  el.setAttribute(ATTR.ready, "");
}
