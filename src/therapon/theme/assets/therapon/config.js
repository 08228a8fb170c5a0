// @ts-check
/** What the build tells the page about this build (what never changes is in contract.js), and the site's root URL. */

/**
 * @typedef {object} TheraponConfig
 * @property {string} courseId
 * @property {string} shortName  what a phone's header shows instead of the whole site name
 * @property {number} timeoutMs
 * @property {string} course  course.json's URL relative to the site root, versioned by its content
 * @property {boolean} offline  whether to use the service worker (not under `mkdocs serve`)
 * @property {string[]} partnerPractice  ids of the exercises a couple does together (one shared record)
 * @property {boolean} partners  a course for two partners taking turns (the `partners` setting)
 * @property {string} neutralPage  where the quick exit goes, relative to the site root
 * @property {string} language  the catalog the build chose from theme.language (en, fr, de, es)
 * @property {Record<string, string>} messages  that catalog's words for the page scripts (i18n.js reads them)
 * @property {{language: string, words: Record<string, string>}} checkWords  its words for the checking package in Pyodide
 * @property {{dir: string, package: string, module: string, downloadBytes: number, wheelFile: string, wheelSha256: string}} pyodide
 * @property {URL} siteRoot
 * @property {URL} pyodideUrl
 * @property {URL} assetsUrl
 */

/** @returns {TheraponConfig} */
export function readConfig() {
  const element = document.getElementById("therapon-config");
  const generated = JSON.parse(element?.textContent || "{}");
  // This module lives at <site>/assets/therapon/config.js, whatever the page's URL is.
  const assetsUrl = new URL("./", import.meta.url);
  const siteRoot = new URL("../../", import.meta.url);
  return {
    ...generated,
    siteRoot,
    assetsUrl,
    pyodideUrl: new URL(generated.pyodide.dir, siteRoot),
  };
}
