// What `npm run check` finds: every problem of the settings, every post, the checks
// between posts and the citations, in the same order as a build reports them. Posts
// whose validation is on record (lib/validation-cache.ts) are not parsed again; only
// the rest load the validator (zod, the YAML parser, citation-js), so checking a site
// after a build, or after editing one post, reads files and records and little else.
// The Nunjucks pages' checks are on record too: Nunjucks is loaded only to compile a
// page whose record is missing (lib/template-check.ts).
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { trace } from "./build-trace.ts";
import { chatRevisionsKey, mustStayAhead, readChatRevisions, unrevisedMoves, unrevisedMoveWarning, withdrawnChats, withdrawnChatWarning } from "./chat-revisions.ts";
import { checkCacheFolder, projectCache, type ContentCache } from "./content-cache.ts";
import { now, today } from "./clock.ts";
import { crossFileProblems, unresolvedCitationProblems } from "./cross-file-checks.ts";
import type { Diagnostic, Position } from "./diagnostics.ts";
import { listContentFiles, listDataFiles, listPageFiles, listPostFiles, POSTS_DIR, slugFromFile, unpublishableFiles, SETTINGS_FILE } from "./content-paths.ts";
import type { Settings } from "./settings.ts";
import type { TemplateLanguage } from "./template-check.ts";
import {
  checkIndexKey, fileStat, postRecordKey, probesHold, readCheckIndex, readPostRecord, readSiteRecord, readTemplatePageRecord, settingsRecordKeys, siteFilesHash,
  siteRecordKey, templatePageRecordKey, templatePages, templateScope, textHash, writeCheckIndex, writeTemplatePageRecord, type CheckIndex, type PostRecord,
  type TemplatePageRecord,
} from "./validation-cache.ts";

/**
 * Where a front-matter field of a site file is written, read again from the file: asked only
 * for an error's advice (the reference another post holds). `yaml` is lib/front-matter.ts,
 * passed in so that a check that needs no position does not load the YAML parser.
 */
export function frontMatterPositions(root: string, yaml: Pick<typeof import("./front-matter.ts"), "readYamlDocument" | "splitFrontMatter">): (file: string, field: ReadonlyArray<PropertyKey>) => Position {
  const located = new Map<string, (field: ReadonlyArray<PropertyKey>) => Position>();
  return (file, field) => {
    let locate = located.get(file);
    if (!locate) {
      try {
        const split = yaml.splitFrontMatter(readFileSync(path.join(root, file), "utf8"));
        locate = split.yaml === undefined ? () => ({}) : yaml.readYamlDocument(split.yaml, file, split.yamlLine).locate;
      } catch {
        locate = () => ({});
      }
      located.set(file, locate);
    }
    return locate(field);
  };
}

export interface CheckResult {
  posts: number;
  diagnostics: Diagnostic[];
}

/** Validated settings and their warnings, from the records of the same settings text when there are. Throws SettingsError. */
async function settingsOf(root: string, cache: ContentCache | undefined): Promise<{ settings: Settings; warnings: Diagnostic[] }> {
  let text: string | undefined;
  try {
    text = readFileSync(path.join(root, SETTINGS_FILE), "utf8");
  } catch {
    // loadSettings reports the missing file.
  }
  const keys = text === undefined ? undefined : settingsRecordKeys(text);
  const key = keys?.settings;
  const warningsKey = keys?.warnings;
  const stored = cache && key ? cache.get(key) : undefined;
  const storedWarnings = cache && warningsKey ? cache.get(warningsKey) : undefined;
  if (stored !== undefined && storedWarnings !== undefined) {
    try {
      const recorded = { settings: JSON.parse(stored) as Settings, warnings: JSON.parse(storedWarnings) as Diagnostic[] };
      // The settings name font files, which their text does not hold: a font moved or deleted
      // since is the settings' error (lib/settings.ts), told by validating them again.
      const fontsHold = recorded.settings.shareImage.fonts.every((font) => statSync(path.resolve(root, font), { throwIfNoEntry: false })?.isFile());
      if (fontsHold) {
        trace("settings: on record");
        return recorded;
      }
    } catch {
      // A sealed record is whole; recompute rather than fail.
    }
  }
  const { loadSiteSettings } = await import("./settings.ts");
  const loaded = loadSiteSettings(root);
  trace("settings: validated");
  if (cache && key && warningsKey) {
    cache.set(key, JSON.stringify(loaded.settings));
    cache.set(warningsKey, JSON.stringify(loaded.warnings));
  }
  return loaded;
}

/**
 * The problems of every Nunjucks page of the site in `root` (lib/template-check.ts), each
 * page's from its record when it has one (lib/validation-cache.ts); `compiled` names the
 * pages that had none and were compiled. Only then is Nunjucks loaded. Without a cache,
 * every page is compiled.
 */
export async function checkTemplatePagesOnRecord(root: string, language: TemplateLanguage, cache: ContentCache | undefined): Promise<{ diagnostics: Diagnostic[]; compiled: string[] }> {
  const files = templatePages(root);
  const scope = cache && templateScope(root, language);
  const records = new Map<string, TemplatePageRecord>();
  const missing: { file: string; text: string | undefined; key: string | undefined }[] = [];
  for (const file of files) {
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(path.join(root, file));
    } catch {
      // Gone since it was listed: compiling finds nothing to report either.
    }
    const key = scope && bytes ? templatePageRecordKey(scope, file, textHash(bytes)) : undefined;
    const record = cache && key ? readTemplatePageRecord(cache, key) : undefined;
    if (record) records.set(file, record);
    // The text compiled is the text hashed: a page edited meanwhile is compiled again next time.
    else missing.push({ file, text: bytes?.toString("utf8"), key });
  }
  if (missing.length) {
    const { templatePageRecords } = await import("./template-check.ts");
    const texts = new Map(missing.map((m) => [m.file, m.text]));
    const fresh = templatePageRecords(root, missing.map((m) => m.file), language, (file) => texts.get(file));
    for (const { file, key } of missing) {
      const record = fresh.get(file);
      if (!record) continue;
      records.set(file, record);
      if (cache && key) writeTemplatePageRecord(cache, key, record);
    }
  }
  trace(`Nunjucks pages: ${files.length - missing.length} on record, ${missing.length} compiled`);
  return { diagnostics: files.flatMap((file) => records.get(file)?.diagnostics ?? []), compiled: missing.map((m) => m.file) };
}

/**
 * Every problem of the site in `root`. With `templates` (what its Nunjucks pages may use),
 * its Nunjucks pages are checked too, each on its own: from its record, else compiled
 * (checkTemplatePagesOnRecord).
 */
export async function checkSite(root: string, templates?: TemplateLanguage): Promise<CheckResult> {
  const cache = projectCache();
  // Inside content/, the cache's files would be the site's: a usage error, before anything is written.
  checkCacheFolder(root);
  const { settings, warnings: settingsWarnings } = await settingsOf(root, cache);
  const settingsJson = JSON.stringify(settings);
  const { bibliography, style, locale } = settings.citations;
  const scope = { settings: settingsJson, bibliography: siteFilesHash(root, bibliography) };

  // Posts, then the other pages, each with its record.
  const files = [...listPostFiles(root), ...listPageFiles(root)];
  const records = new Map<string, PostRecord>();
  const missing: { file: string; stat: string | undefined; hash: string }[] = [];
  const indexKey = checkIndexKey(root, scope);
  const index = cache ? readCheckIndex(cache, indexKey) : {};
  const next: CheckIndex = {};
  let changed = Object.keys(index).length !== files.length;
  for (const file of files) {
    const full = path.join(root, file);
    const stat = fileStat(full);
    const known = index[file];
    if (known && stat !== undefined && known.stat === stat && probesHold(known.record, root)) {
      records.set(file, known.record);
      next[file] = known;
      continue;
    }
    changed = true;
    const hash = textHash(readFileSync(full));
    const record = cache ? readPostRecord(cache, postRecordKey(scope, file, hash), root) : undefined;
    if (record) {
      records.set(file, record);
      if (stat !== undefined) next[file] = { stat, hash, record };
    } else missing.push({ file, stat, hash });
  }
  const siteKey = siteRecordKey(root, settingsJson, [style, locale, ...bibliography]);
  let siteDiagnostics = cache ? readSiteRecord(cache, siteKey) : undefined;
  if (missing.length || !siteDiagnostics) {
    const { validateForCheck } = await import("./corpus.ts");
    const fresh = validateForCheck(root, settings, missing.map((m) => m.file), !siteDiagnostics);
    for (const { file, stat, hash } of missing) {
      const record = fresh.records.get(file)!;
      records.set(file, record);
      // Indexed under the stat taken before the file was read: a file changed since then is read again next time.
      if (stat !== undefined) next[file] = { stat, hash, record };
    }
    siteDiagnostics ??= fresh.site ?? [];
  }
  if (cache && changed) writeCheckIndex(cache, indexKey, next);

  const ordered = files.map((file) => records.get(file)!);
  const facts = ordered.flatMap((r) => (r.facts ? [r.facts] : []));
  // Chats of posts with errors elsewhere too: a chat moved without `updated:` is told with those errors.
  const brokenChats = ordered.flatMap((r) => (r.chatOfPost ? [r.chatOfPost] : []));
  const positions = new Map([...facts, ...brokenChats].map((f) => [f.file, f.chatStartAt]));
  const linkingOnly = ordered.flatMap((r) => (r.linking ? [r.linking] : []));
  const unresolved = ordered.flatMap((r) => r.unresolved ?? []);
  // Published chats whose time changed since a build recorded them, without a new `updated:`
  // (lib/chat-revisions.ts). Compared here, not kept in the posts' records: the record of the
  // chats is the cache's, not part of a post's record key, and changes with each build.
  const day = today(settings.chat.zone);
  const revisionsKey = cache && chatRevisionsKey(root, settings.url);
  const recorded = revisionsKey ? readChatRevisions(cache!, revisionsKey) : undefined;
  const moves = unrevisedMoves(recorded, [...facts, ...brokenChats], day, settings.chat.zone, now().getTime());
  // Published chats no post publishes any more: made a draft, dated ahead, renamed or deleted.
  const withdrawn = withdrawnChats(recorded, [...facts, ...brokenChats], new Set(files.map((file) => `/posts/${slugFromFile(file)}/`)), day, now().getTime());
  // An unresolved citation may name the line of another post's reference, a chat whose length changed its `duration:`: only then is the YAML parser loaded.
  const held = unresolved.length || moves.length || withdrawn.length ? frontMatterPositions(root, await import("./front-matter.ts")) : undefined;
  const where = (file: string, field: readonly string[]) => (field.join(".") === "chat.start" ? positions.get(file) : undefined) ?? held!(file, field);
  const moveWarnings = [
    ...moves.map((move) => unrevisedMoveWarning(move, { today: day, now: now(), where })),
    ...withdrawn.map((chat) => withdrawnChatWarning(chat, { today: day, zone: settings.chat.zone, postsDir: POSTS_DIR, where })),
  ];
  const templateProblems = templates ? (await checkTemplatePagesOnRecord(root, templates, cache)).diagnostics : [];
  // A JSON data file (content/posts/posts.json, content/_data/links.json) or a `layout` in one, or in a .11tydata.js: read each time, its module only when there is such a file.
  // Any file of content/_data/ but the settings (Eleventy leaves some unread, lib/page-loader.ts), or a data file of pages.
  const dataFiles = listDataFiles(root).some((file) => file !== SETTINGS_FILE) || listContentFiles(root).some((file) => /\.(?:json|11tydata\.[^/]+|ya?ml|toml|csv|tsv|txt|json5|jsonc|ts|xml|ini)$/i.test(file)) ? (await import("./page-loader.ts")).dataFileLayoutProblems(root) : [];
  return {
    posts: facts.length,
    diagnostics: [
      ...settingsWarnings,
      ...ordered.flatMap((r) => r.load),
      ...unpublishableFiles(root),
      ...dataFiles,
      ...crossFileProblems(facts, {
        today: day,
        // Of a post's places only its chat's start is kept here (its title's and tags' are in its facts): none other is guessed.
        where: (file, field) => (field.join(".") === "chat.start" ? positions.get(file) : undefined) ?? { line: 1, column: 1 },
        linkingOnly,
        // Posts with errors of their own too: a link to one is not a link to no post.
        postFiles: files,
        mustStayAhead: mustStayAhead(recorded, facts, day, now().getTime()),
      }),
      ...moveWarnings,
      ...unresolvedCitationProblems(unresolved, [...facts, ...linkingOnly], { where: held, sharedBibliography: bibliography, root }),
      ...siteDiagnostics,
      ...ordered.flatMap((r) => r.citations),
      ...templateProblems,
    ],
  };
}
