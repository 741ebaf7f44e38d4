// Wires validated posts into Eleventy: page data, drafts, collections.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { buildAnnouncement, type Announcement } from "../lib/announcement.ts";
import { now } from "../lib/clock.ts";
import { isPostFile, listPageFiles } from "../lib/content-paths.ts";
import { loadCorpus, loadPostFile, POSTS_DIR, type Corpus } from "../lib/corpus.ts";
import { ContentError, formatDiagnostic, formatProblemsHtml, formatReport, hasErrors, REPORT_ENDINGS, sortDiagnostics, type Diagnostic } from "../lib/diagnostics.ts";
import { splitFrontMatter } from "../lib/front-matter-split.ts";
import { fileNameDate, onCalendar } from "../lib/post-dates.ts";
import { slugFromFile, type LoadResult, type Post } from "../lib/post-loader.ts";
import { isPublished, isScheduled, newestFirst, upcomingChats } from "../lib/publishing.ts";
import { usualChatTime } from "../lib/weekly-slot.ts";
import { calendarSite } from "./calendar.ts";
import { citationOptions } from "./citations.ts";
import { context } from "./context.ts";
import { templatePageProblems } from "./page-templates.ts";

function relativeFile(inputPath: string): string {
  return path.relative(context().root, path.resolve(context().root, inputPath)).split(path.sep).join("/");
}

/** The validated post behind a template, or undefined for pages that are not posts. */
export function postFor(inputPath: string): Post | undefined {
  const file = relativeFile(inputPath);
  if (!file.startsWith(`${POSTS_DIR}/`)) return undefined;
  const { root, settings } = context();
  const result = loadPostFile(root, file, settings);
  if (!result.post) throw new ContentError(result.diagnostics);
  return result.post;
}

const announcements = new WeakMap<Post, Announcement>();

/** A post's announcement, once its page data is made (before any page renders). */
export function announcementFor(post: Post): Announcement | undefined {
  return announcements.get(post);
}

/**
 * Under `npm start`, what the last validation of the whole site found in each post file:
 * its own problems and those its citations and the checks between posts give it. Set
 * before each rebuild renders anything, so a post's page shows what the terminal prints.
 */
interface FileFindings {
  /** The load result validated: a later read of the file that gives another is a newer text. */
  result: LoadResult;
  diagnostics: Diagnostic[];
  /** Where its problems page goes: its address, or the address of another file it shares it with. */
  address: string;
  /** The files sharing this address, when several do: the first (by name) shows all their problems there, the others nothing. */
  sharing: string[];
}
let previewFindings = new Map<string, FileFindings>();

function findingsByFile(corpus: Corpus): Map<string, FileFindings> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of corpus.diagnostics) {
    if (!corpus.loaded.has(d.file)) continue;
    let list = byFile.get(d.file);
    if (!list) byFile.set(d.file, (list = []));
    list.push(d);
  }
  const findings = new Map<string, FileFindings>();
  const byAddress = new Map<string, string[]>();
  for (const [file, result] of corpus.loaded) {
    const address = result.post?.url ?? `/posts/${slugFromFile(file)}/`;
    findings.set(file, { result, diagnostics: byFile.get(file) ?? [], address, sharing: [] });
    byAddress.set(address, [...(byAddress.get(address) ?? []), file]);
  }
  // Two files with one address (a post copied under a new date) cannot both have a page there.
  for (const files of byAddress.values()) {
    if (files.length < 2) continue;
    const sorted = [...files].sort();
    for (const file of files) findings.get(file)!.sharing = sorted;
  }
  return findings;
}

type PreviewPage =
  | { kind: "problems"; url: string; diagnostics: Diagnostic[] }
  | { kind: "post"; warnings: Diagnostic[] }
  /** Another file sharing its address shows the problems of both there. */
  | { kind: "hidden" };

/** Under `npm start`, what a post's page shows: its problems instead of the post, or the post with its warnings. */
function previewPage(inputPath: string): PreviewPage | undefined {
  const file = relativeFile(inputPath);
  if (!file.startsWith(`${POSTS_DIR}/`)) return undefined;
  const result = loadPostFile(context().root, file, context().settings);
  const found = previewFindings.get(file);
  // Saved again since this rebuild's validation: its own problems now, the next rebuild tells the rest.
  if (!found || found.result !== result) {
    return result.post ? { kind: "post", warnings: result.diagnostics } : { kind: "problems", url: `/posts/${slugFromFile(file)}/`, diagnostics: result.diagnostics };
  }
  if (found.sharing.length > 1) {
    if (found.sharing[0] !== file) return { kind: "hidden" };
    return { kind: "problems", url: found.address, diagnostics: found.sharing.flatMap((other) => previewFindings.get(other)?.diagnostics ?? []) };
  }
  if (!result.post || hasErrors(found.diagnostics)) return { kind: "problems", url: found.address, diagnostics: found.diagnostics };
  return { kind: "post", warnings: found.diagnostics };
}

// A rebuild under `npm start` writes only the pages of the saved file, but the checks between
// posts may change what another post's page must show (a chat now at the same time as the
// saved one's). What each post's page shows (its problems, or its warnings) is kept as this
// rebuild made it and as last written; the pages that differ are named to scripts/serve.ts.
const pageMade = new Map<string, string>();
const pageWritten = new Map<string, string>();
let staleListener: ((files: string[]) => void) | undefined;
let lastStale = "";
/** The report the last rebuild printed, and the one the rebuild it asked for need not print again. */
let lastReport: string | undefined;
let reprintSkipped: string | undefined;

/**
 * Under `npm start`, `listener` is called after a rebuild that left posts' pages showing
 * other problems or warnings than they have now, with their files (as Eleventy names them);
 * not twice in a row for the same files, so a page that cannot be written does not loop.
 */
export function whenPreviewPagesStale(listener: (files: string[]) => void): void {
  staleListener = listener;
}

function noteMade(inputPath: string, page: PreviewPage | undefined): void {
  if (!page || page.kind === "hidden") return;
  const shown = page.kind === "problems" ? page.diagnostics : page.warnings;
  pageMade.set(relativeFile(inputPath), `${page.kind}\n${sortDiagnostics(shown).map(formatDiagnostic).join("\n")}`);
}

function staleAfterWriting(results: unknown): string[] {
  for (const result of [results].flat(3) as ({ inputPath?: string } | undefined)[]) {
    if (!result?.inputPath) continue;
    const file = relativeFile(result.inputPath);
    const made = pageMade.get(file);
    if (made !== undefined) pageWritten.set(file, made);
  }
  return [...pageMade].filter(([file, made]) => pageWritten.get(file) !== made).map(([file]) => file);
}

/**
 * Under `npm start`, the errors of each page that is not a post (content/about.md,
 * content/index.njk: its front matter, its links, its Nunjucks), from this rebuild's
 * validation: shown at the page's address instead of it, as a post's are.
 */
let pageProblems = new Map<string, Diagnostic[]>();

function problemsByPage(root: string, diagnostics: Diagnostic[]): Map<string, Diagnostic[]> {
  const pages = new Set(listPageFiles(root));
  const byPage = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) if (pages.has(d.file)) byPage.set(d.file, [...(byPage.get(d.file) ?? []), d]);
  // Eleventy looks a page's layout up before it can be shown otherwise: a `layout:` naming
  // none stops the rebuild, as a problem in the site's own files does.
  for (const [file, list] of byPage) if (!hasErrors(list) || list.some((d) => d.severity === "error" && d.field === "layout")) byPage.delete(file);
  return byPage;
}

/** The address a page's front matter gives when the page cannot be read (its YAML is broken): a plain `permalink: /about/`. */
function writtenPermalink(file: string): string | undefined {
  try {
    const text = readFileSync(path.join(context().root, file), "utf8");
    return /^permalink[ \t]*:[ \t]*(["']?)(\/[^"'\s#]*)\1[ \t]*(?:#.*)?$/m.exec(text)?.[2];
  } catch {
    return undefined;
  }
}

/** A page's problems page under `npm start`, at the page's own address: returns the page's content. */
function showPageProblems(data: any, file: string, diagnostics: Diagnostic[]): string {
  const permalink = typeof data.permalink === "string" || data.permalink === false ? data.permalink : writtenPermalink(file);
  Object.assign(data, { layout: "base.njk", title: "Problems in this page" });
  if (permalink !== undefined) data.permalink = permalink;
  // The words are formatProblemsHtml's, said of a page; a Nunjucks page's content is a template:
  // its braces are written as entities, so a quoted `{% if %}` is shown, not run.
  return formatProblemsHtml(diagnostics)
    .replace(">This post cannot be published yet<", ">This page cannot be published yet<")
    .replace(/[{}]/g, (brace) => (brace === "{" ? "&#123;" : "&#125;"));
}

/**
 * Under `npm start`, what a post with errors shows of itself in the lists, labelled "(Has
 * errors)" (plugins/navigation.ts): read from its file as written, since it has no validated
 * Post. Set on its problems page's data (`listedWithErrors`), never in a build.
 */
export interface ListedWithErrors {
  file: string;
  /** Its `title:` when YAML reads it as text, or else its file's name. */
  title: string;
  /** Its `date:` when that is a day on the calendar, or else its file name's; undefined when neither is. */
  date?: string;
  /** Its `tags:` that are text, as written. */
  tags: string[];
}

/** What `file` says of itself, however broken: any field that cannot be read is left to the fallbacks. */
function writtenListing(file: string): ListedWithErrors {
  let yaml = "";
  let fields: Record<string, unknown> = {};
  try {
    yaml = splitFrontMatter(readFileSync(path.join(context().root, file), "utf8")).yaml ?? "";
    // YAML with errors still gives the fields it could read; one it cannot read at all gives nothing.
    const read: unknown = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false }).toJS();
    if (read && typeof read === "object" && !Array.isArray(read)) fields = read as Record<string, unknown>;
  } catch {
    // Unreadable or gone: the file name says the rest.
  }
  const title = typeof fields.title === "string" && fields.title.trim() ? fields.title.trim() : path.posix.basename(file);
  // A date as a writer reads it, also when YAML reads none of the front matter (the post loader's own fallback).
  const written = typeof fields.date === "string" ? fields.date.trim() : /^date:[ \t]*["']?(\d{4}-\d{2}-\d{2})\b/m.exec(yaml)?.[1];
  const date = written !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(written) && onCalendar(written) ? written : fileNameDate(file);
  const tags = Array.isArray(fields.tags) ? fields.tags.filter((tag): tag is string => typeof tag === "string" && tag.trim() !== "").map((tag) => tag.trim()) : [];
  return { file, title, ...(date ? { date } : {}), tags };
}

/** A post's problems page under `npm start`: returns the page's content. The lists show the post, labelled, from what `file` says. */
function showProblems(data: any, url: string, diagnostics: Diagnostic[], file: string): string {
  Object.assign(data, { layout: "base.njk", title: "Problems in this post", permalink: url, listedWithErrors: writtenListing(file) });
  return formatProblemsHtml(diagnostics);
}

/**
 * Under `npm start`, why readers do not see a post yet (layouts/partials/preview-status.njk
 * on its page, preview-label.njk in the lists): it is a draft, its publish date is still
 * to come (the build's own rule, lib/publishing.ts), or both.
 */
export interface PreviewStatus {
  draft: boolean;
  /** The line of its front matter that says `draft: true`, to name in the page's note. */
  draftLine?: number;
  scheduled: boolean;
}

function previewStatus(post: Post): PreviewStatus | undefined {
  const scheduled = isScheduled(post, now(), context().settings.chat.zone);
  if (!post.draft && !scheduled) return undefined;
  return { draft: post.draft, ...(post.draft ? { draftLine: draftLine(post) } : {}), scheduled };
}

/** The front-matter line that makes `post` a draft; undefined when it cannot be told (the file is read again, after validation). */
function draftLine(post: Post): number | undefined {
  let lines: string[];
  try {
    lines = readFileSync(path.join(context().root, post.file), "utf8").split(/\r\n|\r|\n/);
  } catch {
    return undefined;
  }
  // Top-level keys only, and only in the front matter: the body starts on post.bodyLine.
  const index = lines.slice(0, Math.max(0, post.bodyLine - 1)).findIndex((line) => /^draft[ \t]*:/.test(line));
  return index < 0 ? undefined : index + 1;
}

/** Set by scripts/build.ts, which prints the warnings itself before Eleventy starts: once is enough. */
let warningsPrinted = false;
export function warningsAlreadyPrinted(): void {
  warningsPrinted = true;
}

export default function postsPlugin(eleventyConfig: any): void {
  // Validate every post before Eleventy renders anything: all problems at once, no stack trace.
  eleventyConfig.on("eleventy.before", () => {
    const { root, settings, settingsWarnings, mode } = context();
    const corpus = loadCorpus(root, settings);
    // The preview checks the Nunjucks pages here, to show each broken one at its address
    // (a build checks them before Eleventy and again in plugins/page-templates.ts).
    const templates = mode === "preview" ? templatePageProblems(eleventyConfig) : [];
    // The settings' warnings too: printed on every rebuild of the preview, as the posts' are.
    const diagnostics = [...settingsWarnings, ...corpus.diagnostics, ...templates];
    if (mode === "preview") {
      previewFindings = findingsByFile(corpus);
      pageProblems = problemsByPage(root, diagnostics);
      pageMade.clear();
    }
    // A rebuild that only writes pages the last one left showing old problems says nothing new.
    const repeat = reprintSkipped;
    reprintSkipped = undefined;
    if (hasErrors(diagnostics)) {
      // A preview shows a post's or a page's problems on its page; one in the site's own files
      // (the style, locale or shared bibliography) stops every post, so it stops the rebuild too.
      const siteWide = diagnostics.some((d) => d.severity === "error" && !isPostFile(d.file) && !pageProblems.has(d.file));
      if (mode === "build" || siteWide) throw new ContentError(diagnostics);
      const report = formatReport(diagnostics, REPORT_ENDINGS.preview);
      if (report !== repeat) console.error(report);
      lastReport = report;
    } else if (diagnostics.length && !(mode === "build" && warningsPrinted)) {
      const report = formatReport(diagnostics);
      if (report !== repeat) console.warn(report);
      lastReport = report;
    } else lastReport = undefined;
  });

  eleventyConfig.on("eleventy.after", ({ results }: { results?: unknown }) => {
    if (context().mode !== "preview") return;
    const stale = staleAfterWriting(results);
    const key = stale.join("\n");
    const notify = stale.length > 0 && key !== lastStale;
    lastStale = key;
    if (notify && staleListener) {
      reprintSkipped = lastReport;
      staleListener(stale);
    }
  });

  // Each post's page data comes from its validated Post; drafts and future posts are skipped.
  eleventyConfig.addPreprocessor("chatpost-posts", "md", (data: any) => {
    const { settings, mode } = context();
    // Preview: a post with errors (its citations' and those between posts included) shows
    // them at its own address instead of stopping the server; one with warnings shows them above it.
    const preview = mode === "preview" ? previewPage(data.page.inputPath) : undefined;
    noteMade(data.page.inputPath, preview);
    // Set again below on a page that shows problems; a post fixed since is listed as itself.
    delete data.listedWithErrors;
    if (preview?.kind === "hidden") return false;
    if (preview?.kind === "problems") return showProblems(data, preview.url, preview.diagnostics, relativeFile(data.page.inputPath));
    const post = postFor(data.page.inputPath);
    if (!post) return undefined;
    if (!isPublished(post, now(), mode, settings.chat.zone)) return false;
    // Posts are cached by content (lib/corpus.ts), so an unchanged post keeps its formatted
    // announcement across the rebuilds of `npm start`: citeproc runs only for the edited post.
    let announcement = announcements.get(post);
    if (!announcement) {
      try {
        announcement = buildAnnouncement(post, { ...citationOptions(), locale: settings.language, site: calendarSite(), siteHashtag: settings.chat.hashtag });
      } catch (error) {
        // Saved again after this rebuild's validation: its page shows what stops it, the next rebuild prints it.
        if (mode === "preview" && error instanceof ContentError && error.diagnostics.every((d) => d.file === post.file)) {
          return showProblems(data, post.url, [...loadPostFile(context().root, post.file, settings).diagnostics, ...error.diagnostics], post.file);
        }
        throw error;
      }
      announcements.set(post, announcement);
    }
    data.post = post;
    data.announcement = announcement;
    // Under `npm start` only: the post's warnings, above it, as the terminal prints them (layouts/partials/preview-warnings.njk).
    if (preview?.kind === "post" && preview.warnings.length) data.previewWarnings = sortDiagnostics(preview.warnings).map(formatDiagnostic);
    // Under `npm start` only: a draft or a post dated later says so on its page and in the lists; a build publishes neither.
    const status = mode === "preview" ? previewStatus(post) : undefined;
    if (status) data.previewStatus = status;
    else delete data.previewStatus;
    // Whether the chat was over when the site was built; a chat's end is in the build record's clock span (lib/build-record.ts).
    data.chatEnded = post.chat !== undefined && post.chat.endMillis <= now().getTime();
    data.layout = "post.njk";
    data.permalink = post.url;
    return undefined;
  });

  // Preview: a page that is not a post, with errors, shows them at its own address; the rest keeps updating.
  eleventyConfig.addPreprocessor("chatpost-preview-pages", "md,njk", (data: any) => {
    if (context().mode !== "preview") return undefined;
    const file = relativeFile(data.page.inputPath);
    if (isPostFile(file)) return undefined;
    const problems = pageProblems.get(file);
    return problems ? showPageProblems(data, file, problems) : undefined;
  });

  const postsOf = (api: any): any[] =>
    api
      .getFilteredByGlob(`${POSTS_DIR}/**/*.md`)
      .filter((item: any) => item.data.post)
      .sort((a: any, b: any) => newestFirst(a.data.post, b.data.post));

  eleventyConfig.addCollection("posts", postsOf);
  eleventyConfig.addCollection("upcoming", (api: any) => {
    const items = postsOf(api);
    const byPost = new Map(items.map((item) => [item.data.post as Post, item]));
    return upcomingChats([...byPost.keys()], now()).map((post) => byPost.get(post));
  });
  // When chats usually are (layouts/partials/next-chat.njk), for the home page once the
  // upcoming chats have ended: EST or EDT as the first weekly slot after the last of them has it.
  eleventyConfig.addFilter("usualChatTime", (upcoming: any[] | undefined): string => {
    const { chat } = context().settings;
    const ends = (upcoming ?? []).map((item) => item.data.post.chat.endMillis as number);
    return usualChatTime({ weekday: chat.weekday, time: chat.time, zone: chat.zone }, new Date(Math.max(now().getTime(), ...ends)));
  });
}
