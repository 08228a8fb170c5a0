// @ts-check
/**
 * The passphrase lock's cryptography, in one place: a key derived from the learner's
 * passphrase (PBKDF2-SHA-256 at the strength the export uses, a salt per profile), each
 * record's words sealed with AES-GCM under their own random IV, and a small verifier so a
 * wrong passphrase is told apart without touching any record. No DOM and no storage: the
 * store keeps the lock record and the one key in memory; this module only computes.
 *
 * A lock record (stored in clear, under `lock:<pid>`) holds no secret: the salt, the
 * iteration count, the sealed verifier, the quiet period the learner chose, and the count of
 * wrong tries (so a reload does not reset the growing delay).
 */

/** @typedef {{iv: string, data: string}} Sealed */
/**
 * @typedef {{kdf: string, cipher: string, iterations: number, salt: string, check: Sealed,
 *   idleMinutes: number, failures: number, retryAt: number}} LockRecord
 */

export const PBKDF2_ITERATIONS = 600_000;
export const KDF = "PBKDF2-SHA-256";
export const CIPHER = "AES-GCM";
export const MIN_PASSPHRASE_LENGTH = 8;
/** The quiet periods a learner may choose, in minutes; 10 unless they choose. */
export const IDLE_CHOICES = Object.freeze([1, 5, 10, 15, 30, 60]);
export const DEFAULT_IDLE_MINUTES = 10;
/** A tab hidden this long (or the quiet period, if shorter) locks: the phone was put down. */
export const HIDDEN_LIMIT_MS = 2 * 60_000;
/** Wrong tries wait 1 s, 2 s, 4 s… up to this. */
export const MAX_RETRY_DELAY_MS = 60_000;
/** The known text sealed in every lock record: opening it proves the passphrase. */
const VERIFIER = "therapon-lock-v1";
/** A sealed value is at most the longest draft, as base64 of UTF-8 (4 bytes a character) plus the tag. */
const MAX_SEALED_LENGTH = 1_100_000;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** @param {Uint8Array} bytes */
export const toBase64 = (bytes) => {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};
/** @param {string} text */
export const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** @param {any} value */
const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
/** @param {any} text @param {number} max */
const isBase64 = (text, max) => typeof text === "string" && text.length > 0 && text.length <= max &&
  text.length % 4 === 0 && BASE64.test(text);

/** Exactly an IV and a ciphertext, both base64, nothing else. @param {any} value @returns {value is Sealed} */
export const isSealed = (value) => isPlainObject(value) && Object.keys(value).length === 2 &&
  isBase64(value.iv, 16) && fromBase64(value.iv).length === 12 && isBase64(value.data, MAX_SEALED_LENGTH);

/** @param {any} value @returns {value is LockRecord} */
export const isLockRecord = (value) => isPlainObject(value) && value.kdf === KDF && value.cipher === CIPHER &&
  Number.isInteger(value.iterations) && value.iterations >= 100_000 && value.iterations <= 10_000_000 &&
  isBase64(value.salt, 44) && fromBase64(value.salt).length >= 16 && isSealed(value.check) &&
  IDLE_CHOICES.includes(value.idleMinutes) && Number.isSafeInteger(value.failures) && value.failures >= 0 &&
  Number.isSafeInteger(value.retryAt) && value.retryAt >= 0;

/** Only the known fields, as a fresh object. @param {LockRecord} lock @returns {LockRecord} */
export const cleanLock = (lock) => ({
  kdf: lock.kdf, cipher: lock.cipher, iterations: lock.iterations, salt: lock.salt,
  check: { iv: lock.check.iv, data: lock.check.data }, idleMinutes: lock.idleMinutes,
  failures: lock.failures, retryAt: lock.retryAt,
});

/** @param {string} passphrase @param {Uint8Array} salt @param {number} iterations @returns {Promise<CryptoKey>} */
export async function deriveKey(passphrase, salt, iterations) {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: /** @type {BufferSource} */ (salt), iterations }, material,
    { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

/** Seal one text under its own random IV. @param {CryptoKey} key @param {string} text @returns {Promise<Sealed>} */
export async function seal(key, text) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(text));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** The text inside, or null when this key did not seal it (or it was changed). @param {CryptoKey} key @param {Sealed} sealed */
export async function unseal(key, sealed) {
  try {
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: /** @type {BufferSource} */ (fromBase64(sealed.iv)) },
      key, /** @type {BufferSource} */ (fromBase64(sealed.data)));
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

/**
 * A new lock: a fresh salt, the key, and the record to store (it holds no secret).
 * @param {string} passphrase @param {number} idleMinutes @returns {Promise<{lock: LockRecord, key: CryptoKey}>}
 */
export async function createLock(passphrase, idleMinutes) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const lock = {
    kdf: KDF, cipher: CIPHER, iterations: PBKDF2_ITERATIONS, salt: toBase64(salt),
    check: await seal(key, VERIFIER), idleMinutes, failures: 0, retryAt: 0,
  };
  return { lock, key };
}

/** The key, when the passphrase is the lock's; null otherwise. @param {LockRecord} lock @param {string} passphrase */
export async function openLock(lock, passphrase) {
  const key = await deriveKey(passphrase, fromBase64(lock.salt), lock.iterations);
  return (await unseal(key, lock.check)) === VERIFIER ? key : null;
}

/** How long to wait after `failures` wrong tries in a row: 0, 1 s, 2 s, 4 s… capped. @param {number} failures */
export const retryDelay = (failures) => (failures <= 0 ? 0 : Math.min(1000 * 2 ** (failures - 1), MAX_RETRY_DELAY_MS));
