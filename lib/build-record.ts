// Whether building a site again would change anything. A successful build leaves a
// record: the hash of every input it read (the site's files, chatpost's own code and
// installed packages, the environment that reaches the output), the span of time in
// which the clock does not change the output (which posts are published, which chats
// are upcoming), and a stamp of the output folder as it was written. When all three
// still hold, the build has nothing to do; anything else, including a hand-edited or
// deleted output file, builds again.
import { createHash, type Hash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { contentKey, projectCache, realPath, type ContentCache } from "./content-cache.ts";
import { publishStart } from "./publishing.ts";

/** Folders that are never inputs: dependencies, version control, caches, build output. */
const NOT_INPUT = new Set(["node_modules", "_site", "_preview", "test-results"]);

function isNotInput(name: string, isDirectory: boolean): boolean {
  // Dot-folders (.git, .cache, staging folders of a running build) and retired sites hold no input.
  return isDirectory && (NOT_INPUT.has(name) || name.startsWith(".") || /\.previous-\d+$/.test(name));
}

/** Feed every input file under `dir` (path and bytes, in a stable order) into `hash`. */
function hashTree(hash: Hash, dir: string, label: string, exclude: Set<string>, seen: Set<string>): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return; // a symlink loop, or a folder reached twice
  seen.add(real);
  if (exclude.has(real)) return; // reached by another name (a link, a linked parent)
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    if (exclude.has(abs)) continue;
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && statSafe(abs)?.isDirectory() === true);
    if (isNotInput(entry.name, isDirectory)) continue;
    const rel = `${label}/${entry.name}`;
    if (isDirectory) hashTree(hash, abs, rel, exclude, seen);
    else if (entry.isFile() || entry.isSymbolicLink()) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(abs);
      } catch {
        continue; // a dangling link reads as nothing, as Eleventy sees it
      }
      hash.update(`${rel}\0${bytes.length}\0`).update(bytes);
    }
  }
}

function statSafe(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

export interface FingerprintInput {
  /** The site: the folder that holds content/. */
  root: string;
  /** chatpost itself: layouts, code, fonts, installed packages. */
  appDir: string;
  /** The output folder (excluded from the inputs when it lies inside them). */
  output: string;
  /** Environment variables, of which those that reach the output are hashed. */
  env: NodeJS.ProcessEnv;
  /**
   * The project cache's folder (the project cache's by default; null: none), excluded when it
   * lies inside the site or chatpost: every build writes it, so it would always read as changed.
   */
  cacheDir?: string | null;
}

/**
 * The variables from which ICU, and so Node's Intl, takes the default locale (LC_ALL, then
 * LC_MESSAGES, then LANG; LC_TIME, LC_CTYPE and LANGUAGE change nothing in it). chatpost
 * names its locale everywhere it formats or compares text, but a place that does not
 * (localeCompare without a locale, in a dependency too) would then write other bytes.
 */
const LOCALE_VARIABLES = new Set(["LC_ALL", "LC_MESSAGES", "LANG"]);

/** Environment that changes what a build writes; CHATPOST_NOW is covered by the time span instead. */
export function outputEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (name === "CHATPOST_PATH_PREFIX" || name === "TZ" || LOCALE_VARIABLES.has(name) || name.startsWith("ELEVENTY_")) out[name] = value;
  }
  return out;
}

/** The hash of everything a build of `root` reads. */
export function inputFingerprint({ root, appDir, output, env, cacheDir = projectCache()?.dir }: FingerprintInput): string {
  const hash = createHash("sha256");
  const target = path.resolve(output);
  // Only a cache inside them: one that is chatpost's folder, or holds it, must not hide its code.
  const cache = cacheDir ? realPath(cacheDir) : undefined;
  const holds = (dir: string) => {
    const rel = path.relative(cache!, realPath(dir));
    return !rel.startsWith("..") && !path.isAbsolute(rel);
  };
  const skipped = cache && !holds(root) && !holds(appDir) ? [path.resolve(cacheDir!)] : [];
  // Each by the name given and by its real one, so that a link to it or to a parent does not hide it.
  const exclude = new Set([target, ...skipped].flatMap((dir) => [dir, realPath(dir)]));
  const seen = new Set<string>();
  hash.update(JSON.stringify({ node: process.version, platform: process.platform, arch: process.arch, output: target, env: outputEnvironment(env) }));
  hashTree(hash, path.resolve(root), "site", exclude, seen);
  hashTree(hash, path.resolve(appDir), "app", exclude, seen);
  // What npm actually installed (npm writes this hidden lock file on every install).
  for (const lock of ["node_modules/.package-lock.json", "package-lock.json"]) {
    const file = path.join(appDir, lock);
    if (existsSync(file)) hash.update(`${lock}\0`).update(readFileSync(file));
  }
  return hash.digest("hex");
}

/**
 * A stamp of an output folder: every file's path, size, modification time and inode.
 * Any write, deletion or replacement changes it (as git's index notices a changed file).
 */
export function outputStamp(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const hash = createHash("sha256");
  const walk = (abs: string, rel: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const file = path.join(abs, entry.name);
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(file, name);
      else {
        const s = lstatSync(file, { bigint: true });
        hash.update(`${name}\0${s.size}\0${s.mtimeNs}\0${s.ino}\n`);
      }
    }
  };
  walk(dir, "");
  return hash.digest("hex");
}

/** What decides, with the clock, whether a post is published and whether its chat is upcoming. */
export interface TimedPost {
  date: string;
  draft: boolean;
  chat?: { endMillis: number };
}

/**
 * The span around `now` in which the clock changes nothing a build writes: a post dated D
 * appears at the start of D in the site's chat zone (publishStart, lib/publishing.ts), a chat
 * leaves the upcoming list when it ends. `from`/`until` are epoch milliseconds; null is unbounded.
 */
export function stableSpan(posts: TimedPost[], now: Date, zone: string): { from: number | null; until: number | null } {
  const t = now.getTime();
  let from: number | null = null;
  let until: number | null = null;
  for (const post of posts) {
    const moments = [post.chat?.endMillis];
    if (!post.draft) moments.push(publishStart(post.date, zone));
    for (const m of moments) {
      if (m === undefined || Number.isNaN(m)) continue;
      if (m <= t) from = from === null ? m : Math.max(from, m);
      else until = until === null ? m : Math.min(until, m);
    }
  }
  return { from, until };
}

export interface BuildRecord {
  inputs: string;
  output: string;
  from: number | null;
  until: number | null;
  /** Warnings the build printed, printed again when the build is skipped. */
  warnings: string;
}

const recordKey = (target: string) => contentKey({ kind: "build-record", target: path.resolve(target) });

export function readBuildRecord(cache: ContentCache, target: string): BuildRecord | undefined {
  const text = cache.get(recordKey(target));
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as BuildRecord;
  } catch {
    return undefined;
  }
}

export function writeBuildRecord(cache: ContentCache, target: string, record: BuildRecord): void {
  cache.set(recordKey(target), JSON.stringify(record));
}

/** Whether the output recorded in `record` is still exactly what a build would write now. */
export function isUpToDate(record: BuildRecord | undefined, inputs: string, target: string, now: Date): record is BuildRecord {
  if (!record || record.inputs !== inputs) return false;
  const t = now.getTime();
  if (record.from !== null && t < record.from) return false;
  if (record.until !== null && t >= record.until) return false;
  return outputStamp(target) === record.output;
}
