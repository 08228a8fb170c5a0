// @ts-check
/**
 * The engine's words in the course's language. The build puts the chosen catalog
 * (src/therapon/messages/<language>.json, set by theme.language in mkdocs.yml) into the page's
 * generated config, so nothing here is copied by hand: `t("key", {name})` looks a sentence up
 * and fills in its {placeholders}; numbers and dates follow the page's language, which
 * Material writes into <html lang>.
 */

/** @type {Record<string, string> | undefined} */
let catalog;

/** The sentences of the page's config, read once (every page of a build has the same). */
function words() {
  if (!catalog) {
    try {
      catalog = JSON.parse(document.getElementById("therapon-config")?.textContent || "{}").messages ?? {};
    } catch {
      catalog = {};
    }
  }
  return /** @type {Record<string, string>} */ (catalog);
}

/** The page's language, as Intl takes it. */
export const language = () => document.documentElement.lang || "en";

/** A number as the language writes it: 5,000 or 5 000. @param {number} n */
export const formatNumber = (n) => new Intl.NumberFormat(language()).format(n);

/** A date (or a time in ms) in the language. @param {Date | number} when @param {Intl.DateTimeFormatOptions} options */
export const formatDate = (when, options) => new Intl.DateTimeFormat(language(), options).format(when);

/** "a, b and c" in the language. @param {string[]} items */
export const listOf = (items) => new Intl.ListFormat(language(), { type: "conjunction" }).format(items);

/** @typedef {Record<string, string | number>} Values */

/**
 * The sentence for `key`, each {name} replaced by its value (numbers formatted), in one pass.
 * A key the catalog lacks shows as itself, so a missing sentence is seen, not silently empty.
 * @param {string} key @param {Values} [values]
 */
export function t(key, values = {}) {
  const text = words()[key];
  if (text === undefined) return key;
  return text.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name) => {
    if (!(name in values)) return whole;
    const value = values[name];
    return typeof value === "number" ? formatNumber(value) : String(value);
  });
}

/**
 * `key.one` or `key.other`, as the language counts `count` (French says "one" for 0 and 1),
 * with {count} filled in. @param {string} key @param {number} count @param {Values} [values]
 */
export function tn(key, count, values = {}) {
  const form = new Intl.PluralRules(language()).select(count) === "one" ? "one" : "other";
  return t(`${key}.${form}`, { count, ...values });
}

/**
 * A sentence with page nodes in it (a link, a name in bold): the text around each {name} stays
 * text, and each named node takes its placeholder's place.
 * @param {string} key @param {Record<string, Node>} nodes @param {Values} [values]
 * @returns {(Node | string)[]}
 */
export function tNodes(key, nodes, values = {}) {
  const marker = "\u0000";
  const keep = Object.fromEntries(Object.keys(nodes).map((name) => [name, `${marker}${name}${marker}`]));
  return t(key, { ...values, ...keep }).split(marker).map((part, i) => (i % 2 === 1 ? nodes[part] : part))
    .filter((part) => part !== "");
}
