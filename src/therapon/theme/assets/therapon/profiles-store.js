// @ts-check
/**
 * The profiles: the one or two partners who use the course on this device, their names, and
 * which of them is in use. Switching leaves the profile in use locked (its key is dropped),
 * after its pending drafts are saved, so one partner never sees the other's open words.
 */
import { t } from "./i18n.js";
import { FIRST_PROFILE } from "./migrations.js";
import { isProfile } from "./records.js";

/** @typedef {import("./records.js").Profile} Profile */
/** @typedef {{active: string, list: Profile[]}} Profiles */

/** The first profile, named in the course's language ("Me"). */
const firstProfile = () => ({ id: FIRST_PROFILE.id, name: t("profiles.me") });

/** @param {any} v @returns {v is Profiles} */
const isProfiles = (v) => v !== null && typeof v === "object" && Array.isArray(v.list) &&
  v.list.length > 0 && v.list.every(isProfile) && v.list.some((/** @type {Profile} */ p) => p.id === v.active);

/**
 * @param {{values: import("./course-values.js").CourseValues, unlocked: import("./unlocked-key.js").UnlockedKey,
 *   emit: import("./store-events.js").Emit}} parts
 */
export function createProfilesStore({ values, unlocked, emit }) {
  const { prefix, readJson, write } = values;

  /** @returns {Profiles} */
  function profiles() {
    const found = readJson(`${prefix}profiles`, isProfiles, "profiles");
    return found
      ? { active: found.active, list: found.list.map((p) => ({ id: p.id, name: p.name })) }
      : { active: FIRST_PROFILE.id, list: [firstProfile()] };
  }
  /** @param {Profiles} value */
  const saveProfiles = (value) => write(`${prefix}profiles`, JSON.stringify(value));

  /** @param {string} pid */
  function switchProfile(pid) {
    const current = profiles();
    if (!current.list.some((p) => p.id === pid)) return;
    if (pid === current.active) return;
    unlocked.saveBeforeLock();  // pending drafts go to the profile left
    unlocked.drop();  // the profile left is locked
    saveProfiles({ ...current, active: pid });
    emit("lock");  // the exercises show the new profile's words, or that they are locked
    emit("*");
  }

  /** @param {string} name @returns {Profile | null} */
  function addProfile(name) {
    const current = profiles();
    const profile = { id: `p-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, name: name.trim() };
    if (!isProfile(profile)) return null;
    saveProfiles({ active: current.active, list: [...current.list, profile] });
    emit("*");
    return profile;
  }

  /** @param {string} pid @param {string} name */
  function renameProfile(pid, name) {
    const current = profiles();
    const list = current.list.map((p) => (p.id === pid ? { id: p.id, name: name.trim() } : p));
    if (!list.every(isProfile)) return false;
    saveProfiles({ ...current, list });
    emit("*");
    return true;
  }

  return { profiles, switchProfile, addProfile, renameProfile };
}
