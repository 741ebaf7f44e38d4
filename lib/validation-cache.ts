// Validation results kept across runs in the project cache, so that `npm run check`
// (and a build's validation) re-reads only what changed. A post's record is stored
// under the hash of everything its validation reads: its path and text, the settings,
// the shared bibliography's files, and chatpost's own code and installed packages.
// The files whose existence it looked at (images, linked files and posts), and the other
// posts' titles when a link was judged by them, are kept with it and looked at again on every use. Light on purpose: reading records loads neither zod, the YAML
// parser nor citation-js. A Nunjucks page's check (lib/template-check.ts) is kept the same
// way, and its records and pages are found here without loading Nunjucks.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { citationFileChoices } from "./citation-files.ts";
import { isPostFile, listContentFiles, SETTINGS_FILE } from "./content-paths.ts";
import { bibliographyFilesIn, sitePostsHold, type CrossFilePost, type LinkingPost, type UnresolvedCitation } from "./cross-file-checks.ts";
import { findFile, probesHold as probedFilesHold, type FileProbe } from "./file-case.ts";
import { contentKey, type ContentCache } from "./content-cache.ts";
import type { ChatOfPost } from "./chat-revisions.ts";
import type { Diagnostic, Position } from "./diagnostics.ts";
import type { Post } from "./post-loader.ts";
import type { TemplateLanguage } from "./template-check.ts";
import { templateFiles } from "./template-errors.ts";

export { templateFiles };

const LIB_DIR = import.meta.dirname;

/** chatpost's layouts: the build's includes folder (.eleventy.ts), where a page's `layout:` is looked up. */
export const LAYOUTS_FOLDER = path.resolve(LIB_DIR, "../layouts");

/**
 * Every file under `folder` and its folders, as `layout:` names them ("base.njk",
 * "partials/share.njk"), with their exact capitals, sorted. Part of the key of a page's
 * record and of the check's index: a layout added, removed or renamed retires them.
 */
export function layoutFiles(folder = LAYOUTS_FOLDER): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
      .sort();
  } catch {
    return [];
  }
}

let codeVersion: string | undefined;
/** chatpost's code (every lib/ module), installed packages and Node: any change retires every record. */
export function validationCodeVersion(): string {
  if (codeVersion) return codeVersion;
  const hash = createHash("sha256").update(process.version);
  for (const name of readdirSync(LIB_DIR).filter((n) => n.endsWith(".ts")).sort()) hash.update(`${name}\0`).update(readFileSync(path.join(LIB_DIR, name)));
  for (const lock of ["../node_modules/.package-lock.json", "../package-lock.json"]) {
    const file = path.join(LIB_DIR, lock);
    if (existsSync(file)) hash.update(`${lock}\0`).update(readFileSync(file));
  }
  return (codeVersion = hash.digest("hex"));
}

/** The text of site files the settings name (shared bibliography, style and locale files); a missing one counts too. */
export function siteFilesHash(root: string, files: string[]): string {
  const hash = createHash("sha256");
  for (const rel of files) {
    const full = path.resolve(root, rel);
    hash.update(`${rel}\0`);
    try {
      hash.update(readFileSync(full));
      // A disk that ignores capitals (macOS, Windows) reads `bibliography.bib` from `Bibliography.bib`:
      // its error names the file as it is written on disk, so that name is part of it too.
      const inside = path.relative(root, full);
      if (!inside.startsWith("..") && !path.isAbsolute(inside)) {
        const found = findFile(root, inside.split(path.sep).join("/"));
        if (!found.exact) hash.update(`\0case\0${found.otherCase ?? ""}`);
      }
    } catch {
      hash.update("\0missing");
      // Its error names a file of a near name in its folder (other capitals, ".txt" added,
      // another extension) or the bibliography files under content/: those names are part of
      // it, and only those (the folder may be the site's, where a build's output appears). A
      // built-in style or locale ("apa", "en-US") is no file: nothing to look at.
      if (/[/.]/.test(rel)) {
        const stem = path.basename(full).replace(/\.[^.]*$/, "").toLowerCase();
        let near: string[];
        try {
          near = readdirSync(path.dirname(full)).filter((name) => name.toLowerCase().startsWith(stem)).sort();
        } catch {
          near = ["\0none"];
        }
        hash.update(`\0${near.join("\0")}\0${bibliographyFilesIn(root).join("\0")}`);
      }
    }
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** What every post's validation depends on besides its own text. */
export interface ValidationScope {
  /** The validated settings, as JSON. */
  settings: string;
  /** siteFilesHash of the shared bibliography files. */
  bibliography: string;
}

/**
 * The facts of a post that the checks between posts need (its tags and where each is
 * written among them, its references' ids), with where its chat's start is written.
 * Records of an older shape are never read: their key holds validationCodeVersion, which
 * changes with lib/.
 */
export interface PostFacts extends CrossFilePost {
  chatStartAt?: Position;
}

export interface PostRecord {
  /** The post's own problems: front matter, schema, references. */
  load: Diagnostic[];
  /** Its citations against its references and the shared bibliography, but for `unresolved`. */
  citations: Diagnostic[];
  /**
   * Its citations of keys neither its references nor the shared bibliography hold: told by
   * the checks between posts, which know whether another post holds the key.
   */
  unresolved?: UnresolvedCitation[];
  /** Absent when the post could not be loaded. */
  facts?: PostFacts;
  /** When it could not be loaded, its links to other posts, its tags and its references' ids, if any. */
  linking?: LinkingPost;
  /** When it could not be loaded for an error elsewhere, its chat as the loader read it (LoadResult's chatOfPost), with where its start is written. */
  chatOfPost?: ChatOfPost & { chatStartAt?: Position };
  /** Files whose existence validation looked at, and what it found. */
  probes: FileProbe[];
  /**
   * When a link of it was judged by the site's posts and their titles (`[last week](Online
   * Communities)`): their sitePostsDigest, so that another post's new title (or a post
   * added or removed) makes the validation be done again, with the right suggestion.
   */
  sitePosts?: string;
}

/**
 * A post as the loader made it, without its body (the text after the front matter, read
 * again from the file), and its front matter as parsed: a build reads it instead of
 * parsing the YAML again (most of a post's validation). Kept apart from the record, which
 * `npm run check` reads whole, and only for a post without errors whose values JSON gives
 * back exactly.
 */
export interface LoadedPost {
  post: Omit<Post, "body" | "bodyLine">;
  frontMatter: unknown;
}

/** The hash a post's text is known by in its record's key: of its bytes (the same as of its text, when that is UTF-8). */
export function textHash(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

export function postRecordKey(scope: ValidationScope, file: string, hashOfText: string, layoutsFolder = LAYOUTS_FOLDER): string {
  // A page's `layout:` is checked against the layouts there are (lib/page-loader.ts); a post has none.
  return contentKey({ kind: "post-validation", code: validationCodeVersion(), ...scope, file, text: hashOfText, ...(isPostFile(file) ? {} : { layouts: layoutFiles(layoutsFolder) }) });
}

/** Where the loaded post of the record under `recordKey` is kept. */
export function loadedPostKey(recordKey: string): string {
  return contentKey({ kind: "loaded-post", record: recordKey });
}

export function readLoadedPost(cache: ContentCache, key: string): LoadedPost | undefined {
  const loaded = parse<LoadedPost>(cache.get(key));
  return loaded && typeof loaded.post === "object" && loaded.post !== null ? loaded : undefined;
}

export function writeLoadedPost(cache: ContentCache, key: string, loaded: LoadedPost): void {
  cache.set(key, JSON.stringify(loaded));
}

/** A stored record, if present, whole, and its probed files still exist (or not) as they did. */
export function readPostRecord(cache: ContentCache, key: string, root: string): PostRecord | undefined {
  const record = parse<PostRecord>(cache.get(key));
  return record && probesHold(record, root) ? record : undefined;
}

export function writePostRecord(cache: ContentCache, key: string, record: PostRecord): void {
  cache.set(key, JSON.stringify(record));
}

/**
 * A file's size, modification and change times and inode: while they are unchanged, its
 * text is taken to be unchanged (as git's index does), so it need not be read and hashed.
 */
export function fileStat(file: string): string | undefined {
  const s = statSync(file, { bigint: true, throwIfNoEntry: false });
  return s && `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`;
}

/**
 * The check's index of one site: for each post file, its stat, the hash of its text and
 * its record, so that a check of an unchanged site reads one file instead of one per post.
 * Kept per site folder, scope and code version; entries are trusted only while the stat holds.
 */
export type CheckIndex = Record<string, { stat: string; hash: string; record: PostRecord }>;

export function checkIndexKey(root: string, scope: ValidationScope, layoutsFolder = LAYOUTS_FOLDER): string {
  // The pages' records in it hold while the layouts are the same (postRecordKey).
  return contentKey({ kind: "check-index", root: path.resolve(root), code: validationCodeVersion(), ...scope, layouts: layoutFiles(layoutsFolder) });
}

export function readCheckIndex(cache: ContentCache, key: string): CheckIndex {
  const index = parse<CheckIndex>(cache.get(key));
  return index && typeof index === "object" && !Array.isArray(index) ? index : {};
}

export function writeCheckIndex(cache: ContentCache, key: string, index: CheckIndex): void {
  cache.set(key, JSON.stringify(index));
}

/** Whether the files a record looked for still exist, or not, as they did, and the posts' titles it read are unchanged. */
export function probesHold(record: PostRecord, root: string): boolean {
  return probedFilesHold(root, record.probes) && sitePostsHold(root, record.sitePosts);
}

/**
 * Problems of the settings' style, locale and shared bibliography files (`files`). They name
 * their line in the settings file, and suggest the site's own style and locale files: the
 * settings' text and those files' names are part of the key, not only the settings' values.
 */
export function siteRecordKey(root: string, settings: string, files: string[]): string {
  let settingsText: string | undefined;
  try {
    settingsText = readFileSync(path.join(root, SETTINGS_FILE), "utf8");
  } catch {
    settingsText = undefined;
  }
  return contentKey({
    kind: "site-validation", code: validationCodeVersion(), settings, settingsText: settingsText ?? null,
    choices: citationFileChoices(root), files: siteFilesHash(root, files),
  });
}

export function readSiteRecord(cache: ContentCache, key: string): Diagnostic[] | undefined {
  const stored = parse<{ diagnostics: Diagnostic[] }>(cache.get(key));
  return Array.isArray(stored?.diagnostics) ? stored.diagnostics : undefined;
}

export function writeSiteRecord(cache: ContentCache, key: string, diagnostics: Diagnostic[]): void {
  cache.set(key, JSON.stringify({ diagnostics }));
}

/** Validated settings, stored under the settings file's text. */
/**
 * Where the settings validated from the settings file's `text` are kept, and apart from them
 * their warnings (an old zone name): both written by the build and the check, so that a check
 * after a build loads neither the YAML parser nor the schema for them.
 */
export function settingsRecordKeys(text: string): { settings: string; warnings: string } {
  const settings = contentKey({ kind: "settings", code: validationCodeVersion(), text });
  return { settings, warnings: contentKey({ kind: "settings warnings", settings }) };
}

/** Every Nunjucks page of a site, from its folder: content/**\/*.njk, but content/_data/ and what the check never reads (lib/content-paths.ts). */
export function templatePages(root: string): string[] {
  return listContentFiles(root).filter((file) => file.endsWith(".njk"));
}

export function isFile(full: string): boolean {
  try {
    return statSync(full).isFile();
  } catch {
    return false;
  }
}

/** A place an `{% include %}`, `{% extends %}` or `{% import %}` was looked for (absolute), and whether a file was there. */
export interface IncludeProbe {
  path: string;
  found: boolean;
}

/** A Nunjucks page's check as recorded. */
export interface TemplatePageRecord {
  diagnostics: Diagnostic[];
  /**
   * Where its includes were looked for: a file appearing or disappearing at one of them
   * retires the record. What an included file says does not matter: the page is compiled,
   * not rendered, and an include is only looked up (Nunjucks reads it when rendering).
   */
  includes: IncludeProbe[];
}

/**
 * What the check of every Nunjucks page of the site in `root` depends on besides the page's
 * path and text: chatpost's code (the check, Nunjucks' version), the filters, tags, include
 * folders and options given, and the names of the files in the first include folder (a
 * message lists them). The other folders (the site's own, with node_modules/ and the
 * built site in it) are not listed: each record keeps where it looked instead. Undefined
 * when the language has tags that read themselves (Eleventy's, made by code no key can
 * hold): those pages are compiled every time.
 */
export function templateScope(root: string, language: TemplateLanguage): string | undefined {
  if (Object.keys(language.extensions ?? {}).length || holdsCode(language.options)) return undefined;
  return contentKey({
    kind: "template-language",
    code: validationCodeVersion(),
    root: path.resolve(root),
    filters: language.filters,
    tags: language.tags,
    includeFolders: language.includeFolders.map((folder) => path.resolve(folder)),
    options: language.options,
    layoutFiles: templateFiles(language.includeFolders[0] ?? root),
  });
}

function holdsCode(value: unknown): boolean {
  if (typeof value === "function") return true;
  return !!value && typeof value === "object" && Object.values(value).some(holdsCode);
}

export function templatePageRecordKey(scope: string, file: string, hashOfText: string): string {
  return contentKey({ kind: "template-page", scope, file, text: hashOfText });
}

/** A stored record, if present, whole, and every place its includes were looked for still holds a file or not as it did. */
export function readTemplatePageRecord(cache: ContentCache, key: string): TemplatePageRecord | undefined {
  const record = parse<TemplatePageRecord>(cache.get(key));
  if (!record || !Array.isArray(record.diagnostics) || !Array.isArray(record.includes)) return undefined;
  return record.includes.every((probe) => typeof probe?.path === "string" && isFile(probe.path) === probe.found) ? record : undefined;
}

export function writeTemplatePageRecord(cache: ContentCache, key: string, record: TemplatePageRecord): void {
  cache.set(key, JSON.stringify(record));
}

function parse<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
