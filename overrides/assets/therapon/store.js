// @ts-check
/**
 * The one progress store. Every read and write of localStorage goes through here: keys are
 * namespaced by course id and keyed by exercise id, the schema is versioned, a value that
 * cannot be read is kept aside (never overwritten), and a browser that refuses storage gets
 * an in-memory fallback and a visible notice.
 */

export const SCHEMA_VERSION = 1;

/**
 * @typedef {{status: string, attempts: number, hintsShown: number, draft: string | null, updatedAt: number}} ExerciseRecord
 * @typedef {(text: string) => void} Notify
 */

/** @returns {ExerciseRecord} */
export const emptyRecord = () => ({ status: "new", attempts: 0, hintsShown: 0, draft: null, updatedAt: 0 });

const STATUS_RANK = { new: 0, attempted: 1, passed: 2 };

/** The better of two statuses: progress never goes backwards. @param {string} a @param {string} b */
export const betterStatus = (a, b) => ((STATUS_RANK[b] ?? 0) > (STATUS_RANK[a] ?? 0) ? b : a);

/** @param {any} value @returns {value is ExerciseRecord} */
function isRecord(value) {
  return (
    value !== null && typeof value === "object" && !Array.isArray(value) &&
    value.status in STATUS_RANK && Number.isInteger(value.attempts) && value.attempts >= 0 &&
    Number.isInteger(value.hintsShown) && value.hintsShown >= 0 &&
    (value.draft === null || typeof value.draft === "string")
  );
}

/** @returns {Storage | null} */
function usableStorage() {
  try {
    const storage = window.localStorage;
    const probe = "therapon:probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** A Storage-like map for browsers that refuse localStorage. */
function memoryStorage() {
  const map = new Map();
  return {
    getItem: (/** @type {string} */ k) => (map.has(k) ? map.get(k) : null),
    setItem: (/** @type {string} */ k, /** @type {string} */ v) => void map.set(k, String(v)),
    removeItem: (/** @type {string} */ k) => void map.delete(k),
  };
}

/** @param {string} courseId @param {Notify} notify */
export function createStore(courseId, notify) {
  const prefix = `therapon:${courseId}:`;
  const real = usableStorage();
  const storage = real ?? memoryStorage();
  /** @type {Set<(id: string) => void>} */
  const listeners = new Set();
  if (!real) {
    notify("This browser is not letting the course save your progress, so it will be kept only until you close this tab.");
  } else {
    migrate();
  }

  function migrate() {
    const key = `${prefix}schema`;
    const found = Number(storage.getItem(key) ?? SCHEMA_VERSION);
    if (found > SCHEMA_VERSION) {
      notify("Your progress was saved by a newer version of this course. Reload the page to get the newest version.");
      return;
    }
    if (storage.getItem(key) === null) write(key, String(SCHEMA_VERSION));
  }

  /** @param {string} key @param {string} value */
  function write(key, value) {
    try {
      storage.setItem(key, value);
      return true;
    } catch {
      notify("Your browser's storage for this site is full, so your latest change was not saved. Your earlier progress is safe.");
      return false;
    }
  }

  /** @param {string} id @returns {ExerciseRecord} */
  function read(id) {
    const key = `${prefix}exercise:${id}`;
    const raw = storage.getItem(key);
    if (raw === null) return emptyRecord();
    try {
      const value = JSON.parse(raw);
      if (isRecord(value)) return { ...emptyRecord(), ...value };
    } catch {
      // fall through: keep the unreadable value aside below
    }
    const aside = `${prefix}corrupt:${id}:${Date.now()}`;
    if (write(aside, raw)) storage.removeItem(key);
    notify(`Saved progress for one exercise could not be read. A copy was kept aside (${aside}) and the exercise starts fresh.`);
    return emptyRecord();
  }

  /**
   * Change one exercise's record. It re-reads storage first, so a change made in another tab
   * is merged rather than overwritten.
   * @param {string} id @param {(record: ExerciseRecord) => Partial<ExerciseRecord>} change
   */
  function update(id, change) {
    const current = read(id);
    const next = { ...current, ...change(current), updatedAt: Date.now() };
    next.status = betterStatus(current.status, next.status);
    write(`${prefix}exercise:${id}`, JSON.stringify(next));
    for (const listener of listeners) listener(id);
    return next;
  }

  /** @param {(id: string) => void} listener */
  function subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  // Another tab saved something: tell this tab's exercises so they show it.
  window.addEventListener("storage", (event) => {
    const key = event.key ?? "";
    if (!key.startsWith(`${prefix}exercise:`)) return;
    const id = key.slice(`${prefix}exercise:`.length);
    for (const listener of listeners) listener(id);
  });

  return { read, update, subscribe, persistent: Boolean(real) };
}

/** @typedef {ReturnType<typeof createStore>} Store */
