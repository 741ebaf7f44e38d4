// All posts of a site, loaded and validated together, so that every problem in
// every file is reported at once, including those between files.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { crossFileProblems } from "./cross-file-checks.ts";
import type { Diagnostic, Position } from "./diagnostics.ts";
import { listPostFiles } from "./content-paths.ts";
import { loadPost, type LoadContext, type LoadResult, type Post } from "./post-loader.ts";
import { FormattingAhead } from "./parallel-formatting.ts";
import { citationDiagnostics, formatAhead, resolvePostCitations, siteCitations } from "./post-citations.ts";
import { settingsSource, type Settings } from "./settings.ts";
import { projectCache } from "./content-cache.ts";
import {
  fileStat, postRecordKey, settingsRecordKey, siteFilesHash, siteRecordKey, textHash, writePostRecord, writeSiteRecord, type PostRecord, type ValidationScope,
} from "./validation-cache.ts";

// Where posts are and which files they are (lib/content-paths.ts).
export { listPostFiles, POSTS_DIR } from "./content-paths.ts";

export interface Corpus {
  posts: Post[];
  diagnostics: Diagnostic[];
}

// Parsed posts keyed by file and content hash: the check, the build and each
// incremental rebuild under `npm start` parse a file only when its text changed.
// `probes` are the files whose existence the validation looked at (lib/validation-cache.ts keeps them).
interface LoadedEntry {
  hash: string;
  root: string;
  settings: string;
  result: LoadResult;
  probes: [string, boolean][];
  /** The file's size, times and inode when it was read: unchanged, it is not read again. */
  stat: string | undefined;
  /** Its validation record's key, and the scope (settings, shared bibliography) it was made for. */
  record?: { scope: string; key: string };
}
const cache = new Map<string, LoadedEntry>();

// Settings compared by value: `scripts/build.ts` and the Eleventy plugins each load them,
// and the plugins' validation must find every post the build's validation just parsed.
const settingsKeys = new WeakMap<Settings, string>();
function settingsKey(settings: Settings): string {
  let key = settingsKeys.get(settings);
  if (key === undefined) settingsKeys.set(settings, (key = JSON.stringify(settings)));
  return key;
}

/**
 * Drop every loaded post: a build calls it once Eleventy has written the site, so that
 * the posts and all that hangs on them (their citations, announcements) can be collected.
 */
export function forgetLoadedPosts(): void {
  cache.clear();
}

export function loadPostFile(root: string, file: string, settings: Settings): LoadResult {
  return loadedEntry(root, file, settings).result;
}

function loadedEntry(root: string, file: string, settings: Settings): LoadedEntry {
  const full = path.join(root, file);
  // Under `npm start` every rebuild asks for every post several times (validation, each
  // page's preprocessor): a stat decides whether the file must be read and hashed again.
  const stat = fileStat(full);
  const hit = cache.get(file);
  const key = settingsKey(settings);
  const same = hit && hit.root === root && hit.settings === key;
  if (same && stat !== undefined && hit.stat === stat) return hit;
  const raw = readFileSync(full, "utf8");
  const hash = textHash(raw);
  if (same && hit.hash === hash) {
    hit.stat = stat;
    return hit;
  }
  const probes: [string, boolean][] = [];
  const fileExists = (rel: string) => {
    const found = existsSync(path.join(root, rel));
    probes.push([rel, found]);
    return found;
  };
  const entry: LoadedEntry = { hash, root, settings: key, result: loadPost(file, raw, { settings, root, fileExists } satisfies LoadContext), probes, stat };
  cache.set(file, entry);
  return entry;
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
  const located = new Map<string, Position>();
  const files = listPostFiles(root);
  // Citations: unknown keys, shared bibliography, style and locale (lib/post-citations.ts).
  const site = siteCitations(root, settings);
  const { style } = site;
  // On a cold cache, the posts validated so far are formatted on the other cores while the rest are validated.
  const ahead = options.citations === "resolve" ? undefined : new FormattingAhead();
  for (const file of files) {
    const result = loadPostFile(root, file, settings);
    diagnostics.push(...result.diagnostics);
    if (result.post) posts.push(result.post);
    if (result.chatStartAt) located.set(file, result.chatStartAt);
    if (ahead && style && result.post) formatAhead(ahead, result.post, site.bibliography, style, root);
  }
  diagnostics.push(...crossFileProblems(posts, (file) => located.get(file) ?? { line: 1, column: 1 }));
  diagnostics.push(...site.diagnostics);
  if (!ahead) diagnostics.push(...posts.flatMap((post) => resolvePostCitations(post, site.bibliography, root, style).diagnostics));
  else diagnostics.push(...citationDiagnostics(posts, site.bibliography, style, root, ahead));
  rememberValidation(root, settings, files, site.diagnostics);
  return { posts, diagnostics };
}

/**
 * Validate only `files` (the posts the check found no record for), for `npm run check`:
 * their records, and the site's own citation problems when `withSite`. Both are stored.
 */
export function validateForCheck(root: string, settings: Settings, files: string[], withSite: boolean): { records: Map<string, PostRecord>; site?: Diagnostic[] } {
  const site = siteCitations(root, settings);
  return { records: rememberValidation(root, settings, files, withSite ? site.diagnostics : undefined), ...(withSite ? { site: site.diagnostics } : {}) };
}

// Keys already in each cache, so that rebuilds under `npm start` do not rewrite them.
const storedIn = new WeakMap<object, Set<string>>();

/** Each post's validation record (lib/validation-cache.ts), stored in the project cache when there is one. */
function rememberValidation(root: string, settings: Settings, files: string[], siteDiagnostics: Diagnostic[] | undefined): Map<string, PostRecord> {
  const store = projectCache();
  let stored = store && storedIn.get(store);
  if (store && !stored) storedIn.set(store, (stored = new Set()));
  const key = settingsKey(settings);
  const { bibliography: bibliographyFiles, style, locale } = settings.citations;
  const site = siteCitations(root, settings);
  const scope: ValidationScope = { settings: key, bibliography: siteFilesHash(root, bibliographyFiles) };
  const records = new Map<string, PostRecord>();
  for (const file of files) {
    const entry = loadedEntry(root, file, settings);
    const { post, chatStartAt, diagnostics } = entry.result;
    const record: PostRecord = {
      load: diagnostics,
      // With the site's style, so the locator words are the locale's and the memo serves the build too.
      citations: post ? resolvePostCitations(post, site.bibliography, root, site.style).diagnostics : [],
      probes: entry.probes,
      ...(post
        ? { facts: { file, url: post.url, draft: post.draft, ...(post.chat ? { chat: { startMillis: post.chat.startMillis }, chatStartAt: chatStartAt ?? { line: 1, column: 1 } } : {}) } }
        : {}),
    };
    records.set(file, record);
    const scopeId = `${scope.settings}\0${scope.bibliography}`;
    if (entry.record?.scope !== scopeId) entry.record = { scope: scopeId, key: postRecordKey(scope, file, entry.hash) };
    const recordKey = entry.record.key;
    if (store && stored && !stored.has(recordKey)) {
      writePostRecord(store, recordKey, record);
      stored.add(recordKey);
    }
  }
  // The validated settings too, so that a check after a build need not load the validator for them.
  const source = settingsSource(settings);
  if (store && stored && source !== undefined) {
    const settingsRecord = settingsRecordKey(source);
    if (!stored.has(settingsRecord)) {
      store.set(settingsRecord, key);
      stored.add(settingsRecord);
    }
  }
  if (store && stored && siteDiagnostics) {
    const siteKey = siteRecordKey(key, siteFilesHash(root, [style, locale, ...bibliographyFiles]));
    if (!stored.has(siteKey)) {
      writeSiteRecord(store, siteKey, siteDiagnostics);
      stored.add(siteKey);
    }
  }
  return records;
}
