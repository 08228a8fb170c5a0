// @ts-check
/**
 * The site's name in Material's header. On a phone there is room for a few letters only, so
 * "Therapon: partners as comrades" was cut to its first four letters; the course's short name (from the build:
 * `short_name`, or the site name up to its colon) is shown there instead, by CSS, and the
 * whole name on wider screens. Instant navigation keeps the header, so this runs once.
 */

/** @param {{shortName?: string}} config */
export function mountHeaderTitle(config) {
  const topic = document.querySelector(".md-header__title .md-header__topic:first-child .md-ellipsis");
  if (!topic || !config.shortName || topic.querySelector(".therapon-name-short")) return;
  const whole = topic.textContent?.trim() ?? "";
  if (whole === config.shortName) return;
  const long = document.createElement("span");
  long.className = "therapon-name-long";
  long.textContent = whole;
  const short = document.createElement("span");
  short.className = "therapon-name-short";
  short.textContent = config.shortName;
  topic.replaceChildren(long, short);
}
