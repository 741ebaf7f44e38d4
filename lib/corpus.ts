// All posts of a site, loaded and validated together, so that every problem in
// every file is reported at once, including those between files.
import { readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { trace } from "./build-trace.ts";
import { fileLookup, probesHold, type FileProbe } from "./file-case.ts";
import type { SharedBibliography } from "./bibliography.ts";
import { chatRevisionsKey, mustStayAhead, readChatRevisions, unrevisedMoves, unrevisedMoveWarning, withdrawnChats, withdrawnChatWarning, type ChatOfPost, type ChatRevisions } from "./chat-revisions.ts";
import { now, today } from "./clock.ts";
import { crossFileProblems, sitePostsHold, unresolvedCitationProblems, type LinkingPost, type UnresolvedCitation } from "./cross-file-checks.ts";
import type { Diagnostic, Position } from "./diagnostics.ts";
import { isPostFile, listPageFiles, listPostFiles, POSTS_DIR, slugFromFile, unpublishableFiles } from "./content-paths.ts";
import { readYamlDocument, recordValidatedYaml, splitFrontMatter } from "./front-matter.ts";
import { dataFileLayoutProblems, loadPage } from "./page-loader.ts";
import { loadPost, type LoadContext, type LoadResult, type Post } from "./post-loader.ts";
import { FormattingAhead } from "./parallel-formatting.ts";
import { bibliographyToken, citationDiagnostics, formatAhead, rememberUnresolvedProblems, resolvePostCitations, siteCitations } from "./post-citations.ts";
import { frontMatterPositions } from "./site-check.ts";
import { settingsSource, type Settings } from "./settings.ts";
import { checkCacheFolder, projectCache, type ContentCache } from "./content-cache.ts";
import {
  fileStat, loadedPostKey, postRecordKey, readLoadedPost, readPostRecord, settingsRecordKeys, siteFilesHash, siteRecordKey, textHash,
  writeLoadedPost, writePostRecord, writeSiteRecord, type LoadedPost, type PostRecord, type ValidationScope,
} from "./validation-cache.ts";

// Where posts are and which files they are (lib/content-paths.ts).
export { listPostFiles, POSTS_DIR } from "./content-paths.ts";

export interface Corpus {
  posts: Post[];
  diagnostics: Diagnostic[];
  /**
   * Each post file's load result as this validation read it (the object loadPostFile
   * returns while the file is unchanged): a later read that gives another one is a newer text.
   */
  loaded: Map<string, LoadResult>;
  /** The site's chats as the last build published them (lib/chat-revisions.ts), when the content cache has a record. */
  calendarRevisions?: ChatRevisions;
  /** Whether a published chat changed without a later `updated:` (its warning, in `diagnostics`, gives today's date). */
  moved: boolean;
}

// Parsed posts keyed by file and content hash: the check, the build and each
// incremental rebuild under `npm start` parse a file only when its text changed.
// `probes` are the files whose existence the validation looked at (lib/validation-cache.ts keeps them).
interface LoadedEntry {
  hash: string;
  root: string;
  settings: string;
  result: LoadResult;
  probes: FileProbe[];
  /** The file's size, times and inode when it was read: unchanged, it is not read again. */
  stat: string | undefined;
  /** The shared bibliography it was loaded with (bibliographyToken): a bare `@key` of its entries in a title is a citation. */
  shared?: object;
  /** Its validation record's key, and the scope (settings, shared bibliography) it was made for. */
  record?: { scope: string; key: string };
  /** A post parsed here, to keep beside its validation record until that is written (lib/validation-cache.ts). */
  loaded?: LoadedPost;
  /** Whether the post was taken from its record rather than parsed. */
  fromRecord?: true;
}
const cache = new Map<string, LoadedEntry>();

/** Where a corpus load finds and keeps validation records: the project cache, for one scope. */
interface RecordStore {
  store: ContentCache;
  scope: ValidationScope;
  scopeId: string;
  /** Keys already in the store (read or written by this process): not written again. */
  stored: Set<string>;
}

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

function loadedEntry(root: string, file: string, settings: Settings, records?: RecordStore, shared?: SharedBibliography): LoadedEntry {
  const full = path.join(root, file);
  // Under `npm start` every rebuild asks for every post several times (validation, each
  // page's preprocessor): a stat decides whether the file must be read and hashed again.
  const stat = fileStat(full);
  const hit = cache.get(file);
  const key = settingsKey(settings);
  // The files it looked for are looked at again: under `npm start` a post whose linked
  // post, picture or PDF was deleted (or added) since is validated again, as a build would.
  // So are the other posts' titles a link's suggestion was made from. A caller without the
  // shared bibliography (a page's data) takes the post validated with it.
  const token = shared && bibliographyToken(shared);
  const same = hit && hit.root === root && hit.settings === key && (!token || hit.shared === token) && probesHold(root, hit.probes) && sitePostsHold(root, hit.result.sitePosts);
  if (same && stat !== undefined && hit.stat === stat) return hit;
  // Hashed as read: a file not in UTF-8 reads the same whichever letter it has where
  // UTF-8 reads "�", and its encoding error shows that letter.
  const bytes = readFileSync(full);
  const raw = bytes.toString("utf8");
  const hash = textHash(bytes);
  if (same && hit.hash === hash) {
    hit.stat = stat;
    return hit;
  }
  const fromRecord = records && entryFromRecord(root, file, raw, hash, key, stat, records, token);
  if (fromRecord) {
    cache.set(file, fromRecord);
    return fromRecord;
  }
  const probes: FileProbe[] = [];
  // Names must match in capitals too, as on the web server, even where the disk does not care.
  const fileExists = fileLookup(root, (rel, found, bytes) => probes.push(bytes === undefined ? [rel, found] : [rel, found, bytes]));
  const { frontMatter, ...result } = (isPostFile(file) ? loadPost : loadPage)(file, raw, { settings, root, fileExists, bytes, ...(shared ? { sharedBibliography: shared } : {}) } satisfies LoadContext);
  const entry: LoadedEntry = { hash, root, settings: key, result, probes, stat, ...(token ? { shared: token } : {}) };
  if (result.post && !result.diagnostics.some((d) => d.severity === "error")) {
    const { body: _body, bodyLine: _bodyLine, ...post } = result.post;
    const loaded: LoadedPost = { post, frontMatter };
    // Kept only if JSON gives back the same values (no undefined, -0, non-finite number…),
    // so that a post read from its record is the post the loader would make.
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(loaded)), loaded)) entry.loaded = loaded;
  }
  cache.set(file, entry);
  return entry;
}

function fromRecords(files: string[]): number {
  return files.filter((file) => cache.get(file)?.fromRecord).length;
}

/**
 * A post kept beside its validation record, as the loader made it, without parsing its
 * YAML again: the record's key covers the file's path and text, the settings, the shared
 * bibliography and chatpost's code, and the files it looked for are looked at again.
 */
function entryFromRecord(root: string, file: string, raw: string, hash: string, settings: string, stat: string | undefined, records: RecordStore, shared: object | undefined): LoadedEntry | undefined {
  const key = postRecordKey(records.scope, file, hash);
  const record = readPostRecord(records.store, key, root);
  const loaded = record && readLoadedPost(records.store, loadedPostKey(key));
  if (!record || !loaded) return undefined;
  const split = splitFrontMatter(raw);
  if (split.yaml === undefined) return undefined;
  // Eleventy's front-matter engine takes this data instead of parsing the YAML (lib/front-matter.ts).
  recordValidatedYaml(split.yaml, loaded.frontMatter);
  records.stored.add(key);
  const post: Post = { ...loaded.post, body: split.body, bodyLine: split.bodyLine };
  return {
    hash, root, settings, stat, probes: record.probes, ...(shared ? { shared } : {}),
    result: { post, diagnostics: record.load, ...(record.facts?.chatStartAt ? { chatStartAt: record.facts.chatStartAt } : {}), ...(record.sitePosts ? { sitePosts: record.sitePosts } : {}) },
    record: { scope: records.scopeId, key },
    fromRecord: true,
  };
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
  const records = recordStore(root, settings);
  // Citations: unknown keys, shared bibliography, style and locale (lib/post-citations.ts).
  const site = siteCitations(root, settings);
  const { style } = site;
  // On a cold cache, the posts validated so far are formatted on the other cores while the rest are validated.
  const ahead = options.citations === "resolve" ? undefined : new FormattingAhead();
  const linkingOnly: LinkingPost[] = [];
  const citationProblems: Diagnostic[] = [];
  const unresolved: UnresolvedCitation[] = [];
  const loaded = new Map<string, LoadResult>();
  // The chats of posts with errors elsewhere, for the chats moved without `updated:` below.
  const brokenChats: ChatOfPost[] = [];
  for (const file of files) {
    const result = loadedEntry(root, file, settings, records, site.bibliography).result;
    loaded.set(file, result);
    diagnostics.push(...result.diagnostics);
    if (result.linking) linkingOnly.push(result.linking);
    if (result.chatOfPost) brokenChats.push(result.chatOfPost);
    if (result.post) posts.push(result.post);
    else if (result.citing) {
      // A post with errors has its citation keys checked too; it is not formatted.
      const resolved = resolvePostCitations(result.citing, site.bibliography, root, style);
      citationProblems.push(...resolved.diagnostics);
      unresolved.push(...resolved.unresolved);
    }
    if (result.chatStartAt) located.set(file, result.chatStartAt);
    if (ahead && style && result.post) formatAhead(ahead, result.post, site.bibliography, style, root);
  }
  if (records) trace(`posts read: ${fromRecords(files)} of ${files.length} from validation records`);
  // The site's other pages: their YAML, images and links.
  const pages = listPageFiles(root);
  for (const file of pages) {
    const result = loadedEntry(root, file, settings, records, site.bibliography).result;
    diagnostics.push(...result.diagnostics);
    if (result.linking) linkingOnly.push(result.linking);
  }
  diagnostics.push(...unpublishableFiles(root));
  // A `"layout"` in a JSON data file (content/posts/posts.json) naming no layout: told before Eleventy stops on it.
  diagnostics.push(...dataFileLayoutProblems(root));
  const cache = projectCache();
  const revisionsKey = cache && chatRevisionsKey(root, settings.url);
  const calendarRevisions = revisionsKey ? readChatRevisions(cache!, revisionsKey) : undefined;
  const day = today(settings.chat.zone);
  const clock = now();
  diagnostics.push(...crossFileProblems(posts, {
    today: day, where: (file) => located.get(file) ?? { line: 1, column: 1 }, linkingOnly, postFiles: files,
    mustStayAhead: mustStayAhead(calendarRevisions, posts, day, clock.getTime()),
  }));
  // Published chats whose time changed since a build recorded them, without a later `updated:`:
  // the build, the preview and (from its records, lib/site-check.ts) the check tell them alike.
  const moves = unrevisedMoves(calendarRevisions, [...posts, ...brokenChats], day, settings.chat.zone, clock.getTime());
  // Published chats no post publishes any more: made a draft, dated ahead, renamed or deleted.
  const withdrawn = withdrawnChats(calendarRevisions, [...posts, ...brokenChats], new Set(files.map((file) => `/posts/${slugFromFile(file)}/`)), day, clock.getTime());
  if (moves.length || withdrawn.length) {
    const held = frontMatterPositions(root, { readYamlDocument, splitFrontMatter });
    const where = (file: string, field: readonly string[]) => (field.join(".") === "chat.start" ? located.get(file) : undefined) ?? held(file, field);
    diagnostics.push(...moves.map((move) => unrevisedMoveWarning(move, { today: day, now: clock, where })));
    diagnostics.push(...withdrawn.map((chat) => withdrawnChatWarning(chat, { today: day, zone: settings.chat.zone, postsDir: POSTS_DIR, where })));
  }
  diagnostics.push(...site.diagnostics);
  if (!ahead) citationProblems.push(...posts.flatMap((post) => resolvePostCitations(post, site.bibliography, root, style).diagnostics));
  else citationProblems.push(...citationDiagnostics(posts, site.bibliography, style, root, ahead));
  // A citation of a key no reference of its post holds is told once, naming the posts that hold it (memoised: no second resolution).
  for (const post of posts) unresolved.push(...resolvePostCitations(post, site.bibliography, root, style).unresolved);
  const told = unresolvedCitationProblems(unresolved, [...posts, ...linkingOnly], { where: frontMatterPositions(root, { readYamlDocument, splitFrontMatter }), sharedBibliography: settings.citations.bibliography, root });
  // Kept with this site's posts, for their pages: another site's validation does not touch them.
  rememberUnresolvedProblems(posts, unresolved, told);
  const moved = new Set(unresolved.map((u) => u.problem));
  diagnostics.push(...told, ...citationProblems.filter((d) => !moved.has(d)));
  rememberValidation(root, settings, [...files, ...pages], site.diagnostics, records);
  return { posts, diagnostics, loaded, moved: moves.length > 0, ...(calendarRevisions ? { calendarRevisions } : {}) };
}

/**
 * Validate only `files` (the posts the check found no record for), for `npm run check`:
 * their records, and the site's own citation problems when `withSite`. Both are stored.
 */
export function validateForCheck(root: string, settings: Settings, files: string[], withSite: boolean): { records: Map<string, PostRecord>; site?: Diagnostic[] } {
  const site = siteCitations(root, settings);
  return { records: rememberValidation(root, settings, files, withSite ? site.diagnostics : undefined, recordStore(root, settings)), ...(withSite ? { site: site.diagnostics } : {}) };
}

// Keys already in each cache, so that rebuilds under `npm start` do not rewrite them.
const storedIn = new WeakMap<object, Set<string>>();

/** The project cache's validation records for these settings and the shared bibliography as they are now. */
function recordStore(root: string, settings: Settings): RecordStore | undefined {
  const store = projectCache();
  if (!store) return undefined;
  // Inside content/, the cache's files would be the site's: a usage error, before anything is written.
  checkCacheFolder(root);
  let stored = storedIn.get(store);
  if (!stored) storedIn.set(store, (stored = new Set()));
  const scope: ValidationScope = { settings: settingsKey(settings), bibliography: siteFilesHash(root, settings.citations.bibliography) };
  return { store, scope, scopeId: `${scope.settings}\0${scope.bibliography}`, stored };
}

/** Each post's validation record (lib/validation-cache.ts), stored in the project cache when there is one. */
function rememberValidation(root: string, settings: Settings, files: string[], siteDiagnostics: Diagnostic[] | undefined, records: RecordStore | undefined): Map<string, PostRecord> {
  const key = settingsKey(settings);
  const { bibliography: bibliographyFiles, style, locale } = settings.citations;
  const site = siteCitations(root, settings);
  const out = new Map<string, PostRecord>();
  for (const file of files) {
    const entry = loadedEntry(root, file, settings, records, site.bibliography);
    const { post, citing, chatStartAt, diagnostics, linking } = entry.result;
    // With the site's style, so the locator words are the locale's and the memo serves the build too.
    const resolved = post || citing ? resolvePostCitations((post ?? citing)!, site.bibliography, root, site.style) : undefined;
    // Citations of keys its references do not hold are the checks between posts' to tell.
    const moved = new Set(resolved?.unresolved.map((u) => u.problem));
    const record: PostRecord = {
      load: diagnostics,
      citations: resolved ? resolved.diagnostics.filter((d) => !moved.has(d)) : [],
      ...(resolved?.unresolved.length ? { unresolved: resolved.unresolved } : {}),
      probes: entry.probes,
      ...(entry.result.sitePosts ? { sitePosts: entry.result.sitePosts } : {}),
      ...(post
        ? {
            facts: {
              file, url: post.url, date: post.date, draft: post.draft, postLinks: post.postLinks, title: post.title, ...(post.titleAt ? { titleAt: post.titleAt } : {}),
              ...(post.topics.length ? { topics: post.topics, ...(post.topicsAt ? { topicsAt: post.topicsAt } : {}) } : {}),
              ...(post.updated !== undefined ? { updated: post.updated, ...(post.updatedAt ? { updatedAt: post.updatedAt } : {}), ...(post.updatedFieldAt ? { updatedFieldAt: post.updatedFieldAt } : {}) } : {}),
              ...(post.tags.length ? { tags: post.tags, tagsAt: post.tagsAt } : {}),
              ...(post.references.length ? { references: post.references.map(({ id }) => ({ id })) } : {}),
              ...(post.chat ? { chat: { startMillis: post.chat.startMillis, endMillis: post.chat.endMillis, hashtag: post.chat.hashtag, wallClock: post.chat.wallClock, zone: post.chat.zone, ...(post.chat.status ? { status: post.chat.status } : {}), ...(post.chat.movedFrom ? { movedFrom: { startMillis: post.chat.movedFrom.startMillis } } : {}), ...(post.chat.changeAt ? { changeAt: post.chat.changeAt } : {}) }, chatStartAt: chatStartAt ?? { line: 1, column: 1 } } : {}),
            },
          }
        : linking ? { linking } : {}),
      ...(!post && entry.result.chatOfPost ? { chatOfPost: { ...entry.result.chatOfPost, chatStartAt: chatStartAt ?? { line: 1, column: 1 } } } : {}),
    };
    out.set(file, record);
    if (!records) {
      delete entry.loaded;
      continue;
    }
    if (entry.record?.scope !== records.scopeId) entry.record = { scope: records.scopeId, key: postRecordKey(records.scope, file, entry.hash) };
    const recordKey = entry.record.key;
    if (!records.stored.has(recordKey)) {
      writePostRecord(records.store, recordKey, record);
      if (entry.loaded) writeLoadedPost(records.store, loadedPostKey(recordKey), entry.loaded);
      records.stored.add(recordKey);
    }
    // Written, or with no cache never to be: the post itself stays in the entry.
    delete entry.loaded;
  }
  // The validated settings too, so that a check after a build need not load the validator for them.
  const source = settingsSource(settings);
  if (records && source !== undefined) {
    const recordKeys = settingsRecordKeys(source.text);
    if (!records.stored.has(recordKeys.settings)) {
      records.store.set(recordKeys.settings, key);
      records.store.set(recordKeys.warnings, JSON.stringify(source.warnings));
      records.stored.add(recordKeys.settings);
    }
  }
  if (records && siteDiagnostics) {
    const siteKey = siteRecordKey(root, key, [style, locale, ...bibliographyFiles]);
    if (!records.stored.has(siteKey)) {
      writeSiteRecord(records.store, siteKey, siteDiagnostics);
      records.stored.add(siteKey);
    }
  }
  return out;
}
