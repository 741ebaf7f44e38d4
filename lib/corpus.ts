// All posts of a site, loaded and validated together, so that every problem in
// every file is reported at once, including those between files.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic, Position } from "./diagnostics.ts";
import type { Locate } from "./front-matter.ts";
import { loadPost, type LoadContext, type LoadResult, type Post } from "./post-loader.ts";
import { resolvePostCitations, siteCitationDiagnostics, siteCitations } from "./post-citations.ts";
import type { Settings } from "./settings.ts";

export const POSTS_DIR = "content/posts";

export interface Corpus {
  posts: Post[];
  diagnostics: Diagnostic[];
}

// Parsed posts keyed by file and content hash: the check, the build and each
// incremental rebuild under `npm start` parse a file only when its text changed.
const cache = new Map<string, { hash: string; root: string; settings: string; result: LoadResult }>();

// Settings compared by value: `scripts/build.ts` and the Eleventy plugins each load them,
// and the plugins' validation must find every post the build's validation just parsed.
const settingsKeys = new WeakMap<Settings, string>();
function settingsKey(settings: Settings): string {
  let key = settingsKeys.get(settings);
  if (key === undefined) settingsKeys.set(settings, (key = JSON.stringify(settings)));
  return key;
}

export function loadPostFile(root: string, file: string, settings: Settings): LoadResult {
  const raw = readFileSync(path.join(root, file), "utf8");
  const hash = createHash("sha1").update(raw).digest("hex");
  const hit = cache.get(file);
  const key = settingsKey(settings);
  if (hit && hit.hash === hash && hit.root === root && hit.settings === key) return hit.result;
  const ctx: LoadContext = { settings, root, fileExists: (rel) => existsSync(path.join(root, rel)) };
  const result = loadPost(file, raw, ctx);
  cache.set(file, { hash, root, settings: key, result });
  return result;
}

export function listPostFiles(root: string): string[] {
  const dir = path.join(root, POSTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `${POSTS_DIR}/${name}`);
}

export interface CorpusOptions {
  /**
   * "format" (the default, for the build) also formats every post's citations with
   * citeproc, on every core, which warms the cache Eleventy then reads. "resolve" only
   * checks citation keys, the shared bibliography and the style: `npm run check` stays
   * a small fraction of a build.
   */
  citations?: "format" | "resolve";
}

export function loadCorpus(root: string, settings: Settings, options: CorpusOptions = {}): Corpus {
  const posts: Post[] = [];
  const diagnostics: Diagnostic[] = [];
  const located = new Map<string, Locate>();
  for (const file of listPostFiles(root)) {
    const result = loadPostFile(root, file, settings);
    diagnostics.push(...result.diagnostics);
    if (result.post) posts.push(result.post);
    if (result.locate) located.set(file, result.locate);
  }
  const where = (file: string, field: ReadonlyArray<PropertyKey>): Position => located.get(file)?.(field) ?? { line: 1, column: 1 };
  diagnostics.push(...crossFileProblems(posts, where));
  // Citations: unknown keys, shared bibliography, style and locale (lib/post-citations.ts).
  if (options.citations === "resolve") {
    const site = siteCitations(root, settings);
    diagnostics.push(...site.diagnostics, ...posts.flatMap((post) => resolvePostCitations(post, site.bibliography, root).diagnostics));
  } else diagnostics.push(...siteCitationDiagnostics(root, settings, posts));
  return { posts, diagnostics };
}

/**
 * Problems between posts: two posts at one address, or two chats at one instant.
 * Each file of a pair gets its own error naming the other, so fixing either is obvious.
 */
export function crossFileProblems(
  posts: Post[],
  where: (file: string, field: ReadonlyArray<PropertyKey>) => Position = () => ({ line: 1, column: 1 }),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byUrl = groupBy(posts, (p) => p.url);
  for (const [url, group] of byUrl) {
    if (group.length < 2) continue;
    for (const post of group) {
      const others = group.filter((p) => p !== post).map((p) => p.file);
      out.push({
        severity: "error", file: post.file, line: 1, column: 1, field: "",
        message: `this post and ${others.join(", ")} both get the address ${url}`,
        fix: "rename one of the files so that the part of the name after the date differs",
      });
    }
  }
  // Drafts are not published, so they may share a slot with the post that replaces them.
  const byStart = groupBy(posts.filter((p) => p.chat && !p.draft), (p) => p.chat!.startMillis);
  for (const [, group] of byStart) {
    if (group.length < 2) continue;
    for (const post of group) {
      const others = group.filter((p) => p !== post).map((p) => p.file);
      out.push({
        severity: "error", file: post.file, ...where(post.file, ["chat", "start"]), field: "chat.start",
        message: `this chat starts at the same moment (${new Date(post.chat!.startMillis).toISOString().replace(".000Z", "Z")}) as the chat in ${others.join(", ")}`,
        fix: "correct the start of one of them, or mark one `draft: true`",
      });
    }
  }
  return out;
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
