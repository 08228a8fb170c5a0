// @ts-check
/*
 * Material's search worker, started late: on a page that starts Python, building the search
 * index at the same moment takes one of a phone's few cores from Python's start, and so from
 * the first Check. The build points Material's config at this file (therapon/search.py), with
 * the real worker's path in `?real=`. Until the page says "go" (Python is up or failed, the
 * page has no Python, the learner opened search, or ten seconds passed), the messages Material
 * sends are kept; then the real worker is loaded here and given them in order.
 * A classic worker, as Material's is, so importScripts can load it.
 */
const CHANNEL = "therapon:search";
const site = new URL("../../../", self.location.href);
const real = new URL(new URL(self.location.href).searchParams.get("real") || "", site);
/** @type {MessageEvent[]} */
const held = [];
let started = false;

/** @param {MessageEvent} event */
function hold(event) {
  held.push(event);
  event.stopImmediatePropagation();
}

function start() {
  if (started) return;
  started = true;
  self.removeEventListener("message", hold);
  channel.close();
  if (real.origin !== self.location.origin) return;  // only the site's own worker, never another's
  importScripts(real.href);
  for (const event of held.splice(0)) self.dispatchEvent(new MessageEvent("message", { data: event.data }));
}

self.addEventListener("message", hold);
const channel = new BroadcastChannel(CHANNEL);
channel.addEventListener("message", (event) => { if (event.data === "go") start(); });
channel.postMessage("waiting");
setTimeout(start, 10_000);
