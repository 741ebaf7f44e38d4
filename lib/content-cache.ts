// A persistent content-addressed cache: values are stored under the hash of
// everything that determines them, so an entry can never be stale, only absent.
// Each file carries the hash of its own payload: a corrupt or truncated file is
// detected, ignored and rewritten, never served. Writes go to a temporary file
// that is renamed into place, so concurrent builds and crashes leave either a
// whole entry or none. Other cached files (share images) live in named folders of
// the same cache (projectCacheFolder). A full build deletes what no build or check has
// used for a month (prune), so a cache kept between CI runs does not grow forever.
import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, fstatSync, futimesSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const MAGIC = "chatpost-cache/1";

/** Where the cache lives unless told otherwise: CHATPOST_CACHE_DIR ("off" for none), else .cache/chatpost in the working directory. */
export const DEFAULT_CACHE_DIR = ".cache/chatpost";

// null: not decided yet. Decided once per process, so a build that changes its
// working directory midway (scripts/build.ts --root) keeps one cache.
let shared: ContentCache | undefined | null = null;

/** Keep the project's cached entries in `dir`, or in no cache at all (undefined). */
export function useProjectCache(dir: string | undefined): ContentCache | undefined {
  const resolved = dir === undefined ? undefined : path.resolve(dir);
  shared = resolved === undefined ? undefined : shared?.dir === resolved ? shared : new ContentCache(resolved);
  return shared;
}

/** The project's one content cache (formatted citations, search index, validation, build records). */
export function projectCache(): ContentCache | undefined {
  if (shared === null) {
    const fromEnv = process.env.CHATPOST_CACHE_DIR;
    useProjectCache(fromEnv === "off" ? undefined : fromEnv || DEFAULT_CACHE_DIR);
  }
  return shared ?? undefined;
}

/**
 * A folder of the project cache for files that are not entries (the share images'
 * PNGs: `share-images`), or undefined when the cache is off. Entries are in two-letter
 * folders, so a longer name never meets them.
 */
export function projectCacheFolder(name: string): string | undefined {
  const cache = projectCache();
  return cache && path.join(cache.dir, name);
}

/** A project cache set where its files would be taken for the site's: a mistake in how a command was run (scripts/run-step.ts). */
export class CacheFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CacheFolderError";
  }
}

/**
 * What is wrong with the project cache's folder (`dir`, the project cache's by default) for
 * the site at `root`, in one line; undefined when nothing. Inside content/ its files would
 * be published (the share images' PNGs are copied like a post's pictures) and watched by
 * `npm start`, which each rebuild writing the cache would start again; holding content/
 * (the site's folder, say) its files are mixed with the site's. Anywhere else in the site
 * is fine: only content/ is read, and the build's record leaves the cache out of the
 * inputs it hashes (lib/build-record.ts).
 */
export function cacheFolderProblem(root: string, dir: string | undefined = projectCache()?.dir, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (dir === undefined) return undefined;
  const cache = realPath(dir);
  const content = realPath(path.join(root, "content"));
  const within = (child: string, parent: string) => {
    const rel = path.relative(parent, child);
    return !rel.startsWith("..") && !path.isAbsolute(rel);
  };
  const inContent = within(cache, content);
  if (!inContent && !within(content, cache)) return undefined;
  const set = env.CHATPOST_CACHE_DIR;
  const named = set && set !== "off" ? `CHATPOST_CACHE_DIR=${set}` : `the cache folder ${DEFAULT_CACHE_DIR} of the working directory (CHATPOST_CACHE_DIR is not set)`;
  const example = `e.g. CHATPOST_CACHE_DIR=${path.join(realPath(root), DEFAULT_CACHE_DIR)}, or to off for no cache`;
  return inContent
    ? `${named} is inside the site's content/ folder (${path.relative(realPath(root), cache).split(path.sep).join("/")}), whose files are published with the site: set CHATPOST_CACHE_DIR to a folder outside content/, ${example}`
    : `${named} is ${cache}, which holds the site's content/ folder: the cache's files would be mixed with the site's; set CHATPOST_CACHE_DIR to a folder of its own, ${example}`;
}

/** Throws a CacheFolderError when the project cache lies where the site's files are (cacheFolderProblem). */
export function checkCacheFolder(root: string): void {
  const problem = cacheFolderProblem(root);
  if (problem) throw new CacheFolderError(problem);
}

/** `file` with its links resolved, as far as it exists (a cache folder is made on the first write): two names of one folder compare equal. */
export function realPath(file: string): string {
  const full = path.resolve(file);
  const parent = path.dirname(full);
  try {
    return realpathSync(full);
  } catch {
    return parent === full ? full : path.join(realPath(parent), path.basename(full));
  }
}

/** The folder of the share images' PNGs (plugins/og-image.ts), named here so that scripts/build.ts need not load the drawing code to clean it. */
export const SHARE_IMAGES = "share-images";

/** Unused cached files are kept this long, so that switching branches back and forth keeps theirs. */
export const KEEP_UNUSED_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

/**
 * Marks a cached file (a path, or an open file) as used now, unless it was within the last
 * day: pruning goes by the modification time, which reading a file does not change. A file
 * that cannot be touched (a read-only cache) only risks being pruned and made again.
 */
export function markUsed(file: string | number, mtimeMs: number): void {
  const now = Date.now();
  if (now - mtimeMs < DAY) return;
  try {
    if (typeof file === "number") futimesSync(file, now / 1000, now / 1000);
    else utimesSync(file, now / 1000, now / 1000);
  } catch {
    // See above.
  }
}

/** Whether process `pid` has ended (another user's process is running: EPERM). */
export function hasEnded(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "EPERM";
  }
}

// `<file>.<pid>.tmp` (share images) and `<file>.<pid>.<8 hex>.tmp` (entries): written, then renamed.
const TEMPORARY = /\.(\d+)(?:\.[0-9a-f]{8})?\.tmp$/;

/** Removes the temporary files in `dir` (not below it) of the processes `whose` says: those a killed process left, or this one's. */
export function removeTemporaryFiles(dir: string, whose: (pid: number) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no folder, nothing written
  }
  for (const name of names) {
    const m = TEMPORARY.exec(name);
    if (m && whose(Number(m[1]))) rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Deletes the files directly in `dir` whose names `used` lacks and that no one has used for
 * `days` (modification time, see markUsed), and the temporary files of processes that have
 * ended. How many were deleted.
 */
export function pruneFolder(dir: string, used: ReadonlySet<string>, days = KEEP_UNUSED_DAYS): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  const before = Date.now() - days * DAY;
  let removed = 0;
  for (const name of names) {
    if (used.has(name)) continue;
    const file = path.join(dir, name);
    const m = TEMPORARY.exec(name);
    // A temporary file's age says nothing: a big build may take long. Its process does.
    if (m ? !hasEnded(Number(m[1])) : (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) >= before) continue;
    try {
      rmSync(file, { force: true }); // not a folder: cached files only
      removed++;
    } catch {
      // A folder someone put there, or no right to delete: left alone.
    }
  }
  return removed;
}

/**
 * A short hash of source files' text (chatpost's own code that shapes a cached value), for a
 * key: any edit to them is a new key. Their names count too, so moving code between them does.
 */
export function sourceHash(files: readonly (string | URL)[]): string {
  const hash = createHash("sha256");
  for (const file of files) {
    const name = typeof file === "string" ? file : fileURLToPath(file);
    hash.update(`${path.basename(name)}\0`).update(readFileSync(name)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * The installed version of each package in `names` and of every package it depends on, found
 * as Node finds them from `from` (a package's own node_modules/ first, then up): for a key,
 * since a dependency given as a range can change under the same version of the package.
 * A dependency that is not installed (another platform's optional binary) is left out.
 */
export function installedVersions(names: readonly string[], from: string): Record<string, string> {
  const versions: Record<string, Set<string>> = {};
  const seen = new Set<string>();
  const visit = (name: string, dir: string, required: boolean) => {
    const found = packageFolder(name, dir);
    if (!found) {
      if (required) throw new Error(`package ${name} is not installed (from ${from})`);
      return;
    }
    if (seen.has(found)) return;
    seen.add(found);
    const manifest = JSON.parse(readFileSync(path.join(found, "package.json"), "utf8")) as {
      version?: string;
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    (versions[name] ??= new Set()).add(manifest.version ?? "");
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dep, found, false);
  };
  for (const name of names) visit(name, from, true);
  return Object.fromEntries(
    Object.keys(versions)
      .sort()
      .map((name) => [name, [...versions[name]!].sort().join(" ")]),
  );
}

function packageFolder(name: string, from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (path.basename(dir) !== "node_modules" && existsSync(path.join(candidate, "package.json"))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A stable hash of any JSON-compatible value: object keys are sorted first. */
export function contentKey(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

/**
 * JSON.stringify of `value` with every object's keys sorted (as JSON.stringify orders
 * an object's own keys: integer-like keys first, ascending, then the others). Written
 * out rather than through a replacer that copies each object: a post's citation key
 * took 0.15 ms that way, hashed twice per post per build.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, "") ?? (undefined as unknown as string);
}

// An array index: what JSON.stringify puts first, in numeric order, among an object's keys.
function isIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return false;
  return key === "0" || (first !== 48 && /^\d+$/.test(key) && Number(key) < 2 ** 32 - 1);
}

// JSON.stringify's SerializeJSONProperty: undefined for what an object leaves out.
function serialise(value: unknown, key: string): string | undefined {
  if (value !== null && (typeof value === "object" || typeof value === "bigint") && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    case "bigint":
      return JSON.stringify(value); // throws, as JSON.stringify does
    default:
      return undefined; // undefined, a function, a symbol
  }
  if (value === null) return "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += `${i ? "," : ""}${serialise(value[i], String(i)) ?? "null"}`;
    return `${out}]`;
  }
  let keys = Object.keys(value).sort();
  if (keys.some(isIndex)) keys = [...keys.filter(isIndex).sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndex(k))];
  let out = "{";
  for (const k of keys) {
    const text = serialise((value as Record<string, unknown>)[k], k);
    if (text !== undefined) out += `${out.length > 1 ? "," : ""}${JSON.stringify(k)}:${text}`;
  }
  return `${out}}`;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Files found damaged (bad header, wrong length or hash) and discarded. */
  rejected: number;
}

/** Characters of entries kept in memory (UTF-16: twice as many bytes), and the largest entry kept. */
const MEMORY_BUDGET = 16 * 1024 * 1024;
const MEMORY_ENTRY_LIMIT = 1024 * 1024;

export class ContentCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0 };
  // Entries read or written by this process, so incremental rebuilds under `npm start`
  // skip the disk: the most recently used, up to MEMORY_BUDGET characters. Unbounded,
  // a full build of 10,000 posts kept every formatted post and the whole search index.
  private readonly memory = new Map<string, string>();
  private memorySize = 0;
  private readonly made = new Set<string>();
  // Keys this process read, looked for or wrote: never pruned by it.
  private readonly used = new Set<string>();

  /** `dir` is created on the first write; nothing is read from it until asked. */
  constructor(readonly dir: string) {}

  fileFor(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key.slice(2)}.entry`);
  }

  /** Whether an entry for `key` is present (not verified: get() still checks it). */
  has(key: string): boolean {
    this.used.add(key);
    return this.memory.has(key) || existsSync(this.fileFor(key));
  }

  /** The stored text for `key`, or undefined when absent or damaged. */
  get(key: string): string | undefined {
    this.used.add(key);
    const remembered = this.memory.get(key);
    if (remembered !== undefined) {
      this.stats.hits++;
      this.remember(key, remembered); // most recently used again
      return remembered;
    }
    const file = this.fileFor(key);
    let raw: string;
    let fd: number | undefined;
    try {
      fd = openSync(file, "r");
      raw = readFileSync(fd, "utf8");
      // Through the open file: one more system call per entry read, not a path lookup.
      markUsed(fd, fstatSync(fd).mtimeMs);
    } catch {
      this.stats.misses++;
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    const payload = verify(raw);
    if (payload === undefined) {
      this.stats.rejected++;
      this.stats.misses++;
      rmSync(file, { force: true });
      return undefined;
    }
    this.stats.hits++;
    this.remember(key, payload);
    return payload;
  }

  private remember(key: string, payload: string): void {
    const old = this.memory.get(key);
    if (old !== undefined) {
      this.memory.delete(key);
      this.memorySize -= old.length;
    }
    if (payload.length > MEMORY_ENTRY_LIMIT) return;
    this.memory.set(key, payload);
    this.memorySize += payload.length;
    for (const [oldest, text] of this.memory) {
      if (this.memorySize <= MEMORY_BUDGET) break;
      this.memory.delete(oldest);
      this.memorySize -= text.length;
    }
  }

  set(key: string, payload: string): void {
    this.used.add(key);
    this.remember(key, payload);
    const file = this.fileFor(key);
    const folder = path.dirname(file);
    if (!this.made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.made.add(folder);
    }
    const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    try {
      writeFileSync(temp, seal(payload));
      renameSync(temp, file);
    } catch {
      // A cache that cannot be written (read-only checkout, full disk) only costs speed.
      rmSync(temp, { force: true });
    }
  }

  /**
   * Deletes the entries this process has not used that no one has used for `days` (read or
   * written: see markUsed), and temporary files of processes that ended. For the end of a
   * full build (scripts/build.ts), never under `npm start`: an edit there reads only a few
   * entries. Only the two-letter folders of entries are looked in. How many were deleted.
   */
  prune(days = KEEP_UNUSED_DAYS): number {
    let folders: string[];
    try {
      folders = readdirSync(this.dir).filter((name) => /^[0-9a-f]{2}$/.test(name));
    } catch {
      return 0;
    }
    const used = new Map<string, Set<string>>();
    for (const key of this.used) {
      const names = used.get(key.slice(0, 2)) ?? new Set<string>();
      used.set(key.slice(0, 2), names.add(`${key.slice(2)}.entry`));
    }
    let removed = 0;
    for (const folder of folders) {
      const dir = path.join(this.dir, folder);
      removed += pruneFolder(dir, used.get(folder) ?? new Set(), days);
      try {
        rmdirSync(dir); // only when empty
        this.made.delete(dir);
      } catch {
        // Not empty: kept.
      }
    }
    return removed;
  }

  /** The value for `parts` (hashed into the key), computed and stored on a miss. */
  getOrCompute<T>(parts: unknown, compute: () => T): T {
    const key = contentKey(parts);
    const stored = this.get(key);
    if (stored !== undefined) {
      try {
        return JSON.parse(stored) as T;
      } catch {
        // Cannot happen for a sealed entry written by set(); recompute rather than fail a build.
      }
    }
    const value = compute();
    this.set(key, JSON.stringify(value));
    return value;
  }
}

function seal(payload: string): string {
  const bytes = Buffer.byteLength(payload, "utf8");
  return `${MAGIC} ${bytes} ${createHash("sha256").update(payload).digest("hex")}\n${payload}`;
}

function verify(raw: string): string | undefined {
  const newline = raw.indexOf("\n");
  if (newline < 0) return undefined;
  const [magic, length, hash, ...rest] = raw.slice(0, newline).split(" ");
  if (magic !== MAGIC || rest.length || !length || !hash) return undefined;
  const payload = raw.slice(newline + 1);
  if (Buffer.byteLength(payload, "utf8") !== Number(length)) return undefined;
  if (createHash("sha256").update(payload).digest("hex") !== hash) return undefined;
  return payload;
}
