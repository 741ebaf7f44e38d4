// A persistent content-addressed cache: values are stored under the hash of
// everything that determines them, so an entry can never be stale, only absent.
// Each file carries the hash of its own payload: a corrupt or truncated file is
// detected, ignored and rewritten, never served. Writes go to a temporary file
// that is renamed into place, so concurrent builds and crashes leave either a
// whole entry or none.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

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

  /** `dir` is created on the first write; nothing is read from it until asked. */
  constructor(readonly dir: string) {}

  fileFor(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key.slice(2)}.entry`);
  }

  /** Whether an entry for `key` is present (not verified: get() still checks it). */
  has(key: string): boolean {
    return this.memory.has(key) || existsSync(this.fileFor(key));
  }

  /** The stored text for `key`, or undefined when absent or damaged. */
  get(key: string): string | undefined {
    const remembered = this.memory.get(key);
    if (remembered !== undefined) {
      this.stats.hits++;
      this.remember(key, remembered); // most recently used again
      return remembered;
    }
    const file = this.fileFor(key);
    let raw: string;
    try {
      raw = readFileSync(file, "utf8");
    } catch {
      this.stats.misses++;
      return undefined;
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
