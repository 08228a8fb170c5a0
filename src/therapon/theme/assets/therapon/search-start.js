// @ts-check
/**
 * When Material's search may build its index: the build gives Material a worker of ours
 * (assets/javascripts/workers/therapon-search.js, see src/therapon/search.py) that waits for this page's
 * "go", so the index is not built while Python starts on the same few cores. "Go" is said
 * once Python is up or has failed, at once on a page without Python, and as soon as the
 * learner opens search. The waiting worker asks on start; the answer may come from another
 * tab of the site, which only lets search start a little sooner.
 */
const CHANNEL = "therapon:search";
let allowed = false;
/** @type {BroadcastChannel | undefined} */
let channel;

export function holdSearch() {
  if (channel || !("BroadcastChannel" in self)) return;
  channel = new BroadcastChannel(CHANNEL);
  channel.addEventListener("message", (event) => {
    if (event.data === "waiting" && allowed) channel?.postMessage("go");
  });
  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.matches(".md-search__input")) allowSearch();
  });
}

export function allowSearch() {
  if (allowed) return;
  allowed = true;
  channel?.postMessage("go");
}
