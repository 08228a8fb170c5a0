// @ts-check
/**
 * A returning learner's Python, kept as a memory snapshot in Cache Storage: find it, drop it,
 * and pack it for keeping. Only the service worker writes it (offline.js hands it the bytes),
 * into a cache named after its build, so an update deletes it with the old pages. The Python
 * worker looks here before it downloads anything: a Cache Storage lookup, never a request,
 * so a first visit (nothing kept) costs no byte of it.
 *
 * An entry is kept gzipped (a 31 MB memory image is about 6 MB) under SNAPSHOT_PATH, with the
 * sha256 of its stored bytes (a changed byte is caught before Pyodide sees it) and the sha256
 * of the checking wheel inside it (a snapshot never runs another build's checker).
 */

export const SNAPSHOT_PATH = "__therapon__/memory-snapshot";
export const SHA_HEADER = "X-Therapon-Sha256";
export const WHEEL_HEADER = "X-Therapon-Wheel";

/**
 * @typedef {object} SnapshotPlace  where this page's snapshot would be kept
 * @property {string} cachePrefix  the service worker's snapshot caches: `therapon:<course>:<scope>:snapshot:`
 * @property {string} url  the entry's key (SNAPSHOT_PATH under the site root)
 * @property {string} wheelSha256  the checking wheel this page's build lists
 */

/** @param {ArrayBuffer | Uint8Array} bytes */
export async function sha256(bytes) {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", /** @type {BufferSource} */ (bytes)));
  return Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** @param {SnapshotPlace} place */
async function cacheNames(place) {
  return (await caches.keys()).filter((name) => name.startsWith(place.cachePrefix));
}

/**
 * The kept snapshot's memory image, or undefined when there is none. Throws when one is kept
 * but is not whole or not for this build; the caller then drops it and starts normally.
 * @param {SnapshotPlace} place
 * @returns {Promise<Uint8Array | undefined>}
 */
export async function findSnapshot(place) {
  for (const name of await cacheNames(place)) {
    const response = await (await caches.open(name)).match(place.url);
    if (!response) continue;
    if (response.headers.get(WHEEL_HEADER) !== place.wheelSha256) throw new Error("a snapshot of another build");
    const packed = await response.arrayBuffer();
    const [sha, image] = await Promise.all([sha256(packed), unpack(packed)]);  // both off this thread
    if (sha !== response.headers.get(SHA_HEADER)) throw new Error("a snapshot with changed bytes");
    return image;
  }
  return undefined;
}

/** Delete every kept snapshot of this site. @param {SnapshotPlace} place */
export async function dropSnapshot(place) {
  for (const name of await cacheNames(place)) await caches.delete(name);
}

/** @param {Uint8Array} image @returns {Promise<ArrayBuffer>} */
export function pack(image) {
  const stream = new Blob([/** @type {BlobPart} */ (image)]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

/** @param {ArrayBuffer} packed */
async function unpack(packed) {
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
