// @ts-check
/**
 * Other tabs of the course on this device: what they save arrives here through the `storage`
 * event and is shown at once; what they change about a lock (a lock removed or changed, another
 * profile chosen, storage cleared) locks this tab too, since its key may no longer be the one.
 * (A Lock pressed in another tab arrives by BroadcastChannel: see locks-store.js.)
 */
import { isSealedRecord } from "./records.js";
import { unseal } from "./lock.js";

/**
 * @param {{values: import("./course-values.js").CourseValues, profiles: () => {active: string},
 *   unlocked: import("./unlocked-key.js").UnlockedKey, lockRecords: import("./lock-records.js").LockRecords,
 *   lockAll: (here?: boolean) => void, emit: import("./store-events.js").Emit}} parts
 */
export function followOtherTabs({ values, profiles, unlocked, lockRecords, lockAll, emit }) {
  const { prefix, stored } = values;
  const { goodLock } = lockRecords;

  /** Another tab sealed new words for the open profile: open them here too. @param {string} id */
  async function reopen(id) {
    const open = /** @type {import("./unlocked-key.js").Opened} */ (unlocked.opened());
    const record = stored(id, open.pid);
    if (!isSealedRecord(record)) return;
    const text = await unseal(open.key, /** @type {import("./lock.js").Sealed} */ (record.words.sealed));
    if (unlocked.opened() !== open || text === null) return;
    open.words.set(id, text);
    emit(id);
  }

  // Another tab saved something: tell this tab's exercises so they show it.
  window.addEventListener("storage", (event) => {
    const key = event.key;
    const opened = unlocked.opened();
    if (opened && (key === null || profiles().active !== opened.pid || goodLock(opened.pid)?.salt !== opened.salt)) {
      lockAll(true);  // storage cleared, another profile chosen, or the lock changed or removed there
    }
    if (key === null) return emit("*"); // the other tab cleared storage
    if (!key.startsWith(prefix)) return;
    if (key.startsWith(`${prefix}lock:`) || key === `${prefix}profiles`) emit("lock");
    if (key.startsWith(`${prefix}lock:`)) return;
    const mine = `${prefix}profile:${profiles().active}:exercise:`;
    if (unlocked.opened() && key.startsWith(mine)) reopen(key.slice(mine.length));
    const ours = `${prefix}shared:exercise:`;
    if (key.startsWith(mine)) return emit(key.slice(mine.length));
    if (key.startsWith(ours)) return emit(key.slice(ours.length));
    emit(key === `${prefix}welcome` ? "welcome" : "*");
  });
}
