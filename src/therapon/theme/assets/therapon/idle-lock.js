// @ts-check
/**
 * When an unlocked profile locks again by itself: after the quiet period its learner chose
 * (no key, click, touch or scroll in this tab for that long), and when this tab has been
 * hidden for long (HIDDEN_LIMIT_MS, or the quiet period if shorter): a phone put down on the
 * table. Times are compared on every check, so a timer that a hidden tab's browser slowed
 * down still locks at the first look back. Runs once per tab; the key is the store's.
 */
import { HIDDEN_LIMIT_MS } from "./lock.js";

const CHECK_EVERY_MS = 5_000;
const ACTIVITY = ["pointerdown", "keydown", "input", "wheel", "touchstart", "scroll"];

/** @param {import("./store.js").Store} store */
export function watchIdle(store) {
  let lastActive = Date.now();
  /** @type {number | null} */
  let hiddenSince = document.hidden ? Date.now() : null;
  const active = () => { lastActive = Date.now(); };
  for (const type of ACTIVITY) window.addEventListener(type, active, { capture: true, passive: true });

  const check = () => {
    if (store.openProfile() === null) return;
    const quiet = store.lockState().idleMinutes * 60_000;
    const now = Date.now();
    const hiddenTooLong = hiddenSince !== null && now - hiddenSince >= Math.min(quiet, HIDDEN_LIMIT_MS);
    if (now - lastActive >= quiet || hiddenTooLong) store.lockAll(true);  // this tab; the others have their own time
  };
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) {
      hiddenSince = Date.now();
    } else {
      check();  // before anyone sees the page again
      hiddenSince = null;
    }
  });
  // A page restored from the back-forward cache was away for a while: look at once.
  window.addEventListener("pageshow", (event) => { if (event.persisted) check(); });
  // An unlock counts as activity: the quiet period starts then.
  store.subscribe((id) => { if (id === "lock") active(); });
  setInterval(check, CHECK_EVERY_MS);
}
