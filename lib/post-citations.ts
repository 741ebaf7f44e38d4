// A post's citations, resolved: the in-text clusters of its body, the works they
// cite, and what its bibliography holds (every `references:` item, plus every
// shared entry cited in the text or listed in `nocite:`; "@*" lists them all).
// Every problem is a diagnostic naming the file, line, item id and field.
import { readFileSync } from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { loadSharedBibliography, type SharedBibliography, type SharedEntry } from "./bibliography.ts";
import { styleFingerprint } from "./citation-cache.ts";
import { resolveCitationStyle } from "./citation-styles.ts";
import type { Settings } from "./settings.ts";
import { defaultLocatorTerms, editSource, judgeSlip, keyText, scanCitations, type CitationCluster, type KeyLookup, type LocatorTerms, type SlipJudgement } from "./citation-syntax.ts";
import type { UnresolvedCitation } from "./cross-file-checks.ts";
import { CitationError, formatCitations, type CitationRequest, type CitationStyle, type ClusterItem, type FormattedCitations } from "./citations.ts";
import type { CslItem } from "./csl-normalise.ts";
import { ContentError, fieldPath, hasErrors, type Diagnostic } from "./diagnostics.ts";
import { readYamlDocument, splitFrontMatter } from "./front-matter.ts";
import { citationLocatorTerms } from "./locator-terms.ts";
import { createMarkdown } from "./markdown.ts";
import { FormattingAhead } from "./parallel-formatting.ts";
import type { CitingPost, Post } from "./post-loader.ts";
import { closest } from "./suggest.ts";

export interface ResolvedCitations {
  /** The bibliography's items, post references first. */
  items: CslItem[];
  clusters: ClusterItem[][];
  diagnostics: Diagnostic[];
  /**
   * Its citations (and `nocite:` keys) that neither its references nor the shared
   * bibliography hold. Each one's `problem` is in `diagnostics` too, as the post alone
   * tells it; a check of the whole site tells it instead with the posts that do hold the
   * key (unresolvedCitationProblems, lib/cross-file-checks.ts).
   */
  unresolved: UnresolvedCitation[];
}

let parser: MarkdownIt | undefined;
// Prefixes and suffixes are markdown too, rendered without citation parsing.
const affixes = new MarkdownIt({ html: false, linkify: false, typographer: true });

// A build asks for each post's citations three times (its validation, Eleventy's
// eleventy.before, the page's announcement): each is resolved and formatted once.
// Posts are cached by content (lib/corpus.ts), so an unchanged post is the same object,
// and an edited one a new object that misses. `root` only places diagnostics on lines,
// so a result without diagnostics serves any root. Locator words depend on the term table
// of the style and locale (a new object when their XML changes); a caller that names no
// style only reads diagnostics, which no locale changes, so any result serves it.
const resolvedMemo = new WeakMap<CitingPost, { bibliography: object; root: string | undefined; terms: LocatorTerms; resolved: ResolvedCitations }>();
const formattedMemo = new WeakMap<ResolvedCitations, { style: string; locale: string; xml: string; root: string | undefined; out: { result?: FormattedCitations; diagnostics: Diagnostic[] } }>();

// The shared bibliography is a new object on each load, but made of the same entries while
// its files are unchanged (lib/bibliography.ts caches them by content): one token for those.
const bibliographyTokens = new WeakMap<SharedBibliography, object>();
let lastBibliography: { entries: SharedEntry[]; token: object } | undefined;
function bibliographyToken(shared: SharedBibliography): object {
  let token = bibliographyTokens.get(shared);
  if (token) return token;
  const entries = [...shared.entries.values()];
  const last = lastBibliography;
  if (last && last.entries.length === entries.length && entries.every((entry, i) => entry === last.entries[i])) token = last.token;
  else {
    token = {};
    lastBibliography = { entries, token };
  }
  bibliographyTokens.set(shared, token);
  return token;
}

/**
 * Resolve the citations of `post` against its references and the shared bibliography;
 * locator words ("S. 33") are read in the citation style's locale (en-US when no style is given).
 */
export function resolvePostCitations(post: CitingPost, shared: SharedBibliography, root?: string, style?: CitationStyle): ResolvedCitations {
  const bibliography = bibliographyToken(shared);
  const terms = style === undefined ? undefined : citationLocatorTerms(style.style, style.locale);
  const hit = resolvedMemo.get(post);
  if (hit && hit.bibliography === bibliography && (terms === undefined || hit.terms === terms) && (hit.root === root || !hit.resolved.diagnostics.length)) return hit.resolved;
  const used = terms ?? defaultLocatorTerms();
  const resolved = resolveNow(post, shared, root, used);
  resolvedMemo.set(post, { bibliography, root, terms: used, resolved });
  return resolved;
}

function resolveNow(post: CitingPost, shared: SharedBibliography, root: string | undefined, terms: LocatorTerms): ResolvedCitations {
  parser ??= createMarkdown();
  const diagnostics: Diagnostic[] = [];
  const unresolved: UnresolvedCitation[] = [];
  const locate = lazyLocate(post, root);
  const own = new Map(post.references.map((item, i) => [item.id, { item, index: i }]));
  const items: CslItem[] = [...post.references];
  const included = new Set(own.keys());
  const include = (id: string) => {
    if (included.has(id)) return true;
    const entry = shared.entries.get(id);
    if (!entry) return false;
    included.add(id);
    items.push(entry.item);
    return true;
  };
  const broken = new Set(post.brokenReferences);
  // A reference with an error of its own is still a key the writer may have meant.
  const known = () => [...own.keys(), ...broken, ...shared.entries.keys()];

  // A post reference that shares its key with a different shared entry would make the key ambiguous.
  for (const [id, { item, index }] of own) {
    const entry = shared.entries.get(id);
    if (entry && !sameItem(entry.item, item)) {
      diagnostics.push({
        severity: "error", file: post.file, ...locate(["references", index, "id"]), field: fieldPath(["references", index, "id"]),
        message: `reference "${id}": the shared bibliography (${entry.file}${entry.line ? `, line ${entry.line}` : ""}) has a different entry with this key`,
        fix: `remove this reference to use the shared entry, or give it another id`,
      });
    }
  }

  const scanned = scanCitations(parser, post.body, terms);
  const clustersFound: CitationCluster[] = scanned.clusters;
  const clusters: ClusterItem[][] = [];
  for (const cluster of clustersFound) {
    const out: ClusterItem[] = [];
    for (const c of cluster.items) {
      if (!include(c.key)) {
        if (broken.has(c.key)) continue;
        const guess = closest(c.key, known());
        const at = { severity: "error", file: post.file, line: post.bodyLine + cluster.line, column: cluster.column, field: "" } as const;
        if (guess?.toLowerCase() === c.key.toLowerCase()) {
          diagnostics.push({
            ...at,
            message: `the citation ${cluster.source} cites "${c.key}", but the reference id is "${guess}": ids must match in capitals and small letters`,
            fix: `write \`${withKey(cluster.source, c.key, guess)}\``,
          });
          continue;
        }
        const problem: Diagnostic = {
          ...at,
          message: `the citation ${cluster.source} cites "${c.key}", which is neither in this post's references nor in the shared bibliography`,
          fix: guess ? `did you mean @${guess}? write \`${withKey(cluster.source, c.key, guess)}\`` : "add the work to `references:` (or to the shared bibliography); if this is not a citation, such as a social media handle, write \\@ instead of @",
        };
        diagnostics.push(problem);
        unresolved.push({ key: c.key, problem, source: cluster.source });
        continue;
      }
      out.push({
        id: c.key,
        mode: c.mode,
        ...(c.prefix ? { prefix: richText(c.prefix) } : {}),
        ...(c.suffix ? { suffix: richText(c.suffix) } : {}),
        ...(c.locator ? { locator: c.locator, label: c.label ?? "page" } : {}),
      });
    }
    if (out.length === cluster.items.length) clusters.push(out);
  }

  // Citation syntax that pandoc reads otherwise than meant: "[smith2016]", "[@a, @b]", "(@a)".
  const lookup = keyLookup([...own.keys(), ...shared.entries.keys(), ...broken]);
  for (const slip of scanned.slips) {
    const judged = judgeSlip(slip, lookup);
    if (judged) diagnostics.push({ ...slipDiagnostic(judged), file: post.file, line: post.bodyLine + slip.line, column: slip.column, field: "" });
  }

  post.nocite.forEach((entry, i) => {
    const keys = [...entry.matchAll(/(?<![\p{L}\p{N}_])@(\*|\{[^}]+\}|[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[-:.#$%&+?<>~/](?=[\p{L}\p{N}_]))*)/gu)].map((m) => m[1]!.replace(/^\{|\}$/g, ""));
    if (!keys.length) {
      diagnostics.push({
        severity: "error", file: post.file, ...locate(["nocite", i]), field: fieldPath(["nocite", i]),
        message: `"${entry}" lists no citation key`,
        fix: `write the key with @ in quotes, as pandoc does: "@${entry.trim() || "key"}", or "@*" for every shared entry`,
      });
    }
    for (const key of keys) {
      if (key === "*") {
        for (const id of shared.entries.keys()) include(id);
      } else if (!include(key) && !broken.has(key)) {
        const guess = closest(key, known());
        const problem: Diagnostic = {
          severity: "error", file: post.file, ...locate(["nocite", i]), field: fieldPath(["nocite", i]),
          message: `nocite lists "${key}", which is neither in this post's references nor in the shared bibliography`,
          fix: guess ? `did you mean @${guess}?` : "check the key against the shared bibliography",
        };
        diagnostics.push(problem);
        unresolved.push({ key, problem });
      }
    }
  });
  return { items, clusters, diagnostics, unresolved };
}

/** Which reference a word names, in any case, or the nearest one when it names none. */
function keyLookup(ids: string[]): KeyLookup {
  const exact = new Set(ids);
  let folded: Map<string, string> | undefined;
  return (word) => {
    if (exact.has(word)) return { id: word, known: true };
    folded ??= new Map(ids.map((id) => [id.toLowerCase(), id]));
    const id = folded.get(word.toLowerCase());
    if (id) return { id, known: true };
    const near = closest(word, ids);
    return near ? { id: near, known: false } : undefined;
  };
}

/** A citation's source text with `key` cited as `id` instead ("[see @Smith2016]" → "[see @smith2016]"). */
function withKey(source: string, key: string, id: string): string {
  for (const written of [`@{${key}}`, `@${key}`]) {
    for (let at = source.indexOf(written); at >= 0; at = source.indexOf(written, at + 1)) {
      const after = source.slice(at + written.length);
      // "@ab" is not "@abc": the key must end there (a final period is not part of a key).
      if (written.endsWith("}") || !/^(?:[\p{L}\p{N}_]|[-:.#$%&+?<>~/][\p{L}\p{N}_])/u.test(after)) {
        return editSource(source, [{ at, end: at + written.length, text: keyText(id) }]);
      }
    }
  }
  return source;
}

/** What a writer is told of a slip in citation syntax: an error when a reference id is certainly involved. */
function slipDiagnostic(judged: SlipJudgement): Pick<Diagnostic, "severity" | "message" | "fix"> {
  const { slip, corrected, problems, unknown } = judged;
  const severity = judged.certain ? "error" : "warning";
  const what = problems.join("; ");
  const write = `write \`${corrected}\``;
  switch (slip.kind) {
    case "bare-key":
      return { severity, message: `${slip.source} shows as text in brackets, not as a citation: ${what}`, fix: `${write}: a citation needs @ before the id` };
    case "bracket-text":
      return {
        severity,
        message: `${slip.source} is not read as a citation, so its brackets show as text: ${what}`,
        fix: `${write}: between semicolons, each part of a citation needs its own @key${judged.joined ? "; a comma keeps text with the citation before it" : ""}`,
      };
    case "comma-between": {
      const handles = unknown.length ? `; if ${unknown.map((k) => `@${k}`).join(", ")} is not a citation, such as a social media handle, write \\@ instead of @` : "";
      return { severity, message: `${slip.source} does not show as meant: ${what}`, fix: `${write}: citations in one bracket are separated by semicolons${handles}` };
    }
    case "round-brackets":
      return { severity, message: `${slip.source} shows the author in the text and the year in brackets of its own, as in "(Smith (2016))"`, fix: `${write}: a citation in brackets takes square brackets` };
  }
}

/** Format a post's resolved citations; a citeproc failure becomes a diagnostic naming the item. */
export function formatPostCitations(post: Post, resolved: ResolvedCitations, style: CitationStyle, root?: string): { result?: FormattedCitations; diagnostics: Diagnostic[] } {
  const memo = formattedMemo.get(resolved);
  // The registered XML can change under the same style or locale name (an edited locale file).
  const fingerprint = styleFingerprint(style.style, style.locale);
  const xml = `${fingerprint.style}:${fingerprint.locale}`;
  if (memo && memo.style === style.style && memo.locale === style.locale && memo.xml === xml && (memo.root === root || !memo.out.diagnostics.length)) return memo.out;
  const out = formatNow(post, resolved, style, root);
  formattedMemo.set(resolved, { style: style.style, locale: style.locale, xml, root, out });
  return out;
}

function isFormatted(resolved: ResolvedCitations, style: CitationStyle): boolean {
  const memo = formattedMemo.get(resolved);
  return !!memo && memo.style === style.style && memo.locale === style.locale;
}

function formatNow(post: Post, resolved: ResolvedCitations, style: CitationStyle, root?: string): { result?: FormattedCitations; diagnostics: Diagnostic[] } {
  try {
    return { result: formatCitations(citationRequest(resolved, style)), diagnostics: [] };
  } catch (error) {
    if (!(error instanceof CitationError)) throw error;
    const id = /"([^"]+)": \[CSL/.exec(error.message)?.[1];
    const index = post.references.findIndex((r) => r.id === id);
    const at = index >= 0 ? ["references", index] : [];
    return {
      diagnostics: [{
        severity: "error", file: post.file, ...lazyLocate(post, root)(at), field: fieldPath(at),
        message: id ? `reference "${id}": ${error.message}` : error.message,
        fix: "check this reference's fields against the style (a missing or misspelt field is the usual cause), or choose another style",
      }],
    };
  }
}

/** The formatting request of a post whose citations resolved. */
export function citationRequest(resolved: ResolvedCitations, style: CitationStyle): CitationRequest {
  return { items: resolved.items, clusters: resolved.clusters, style };
}

/** Give a post's citations to `ahead` to format on another core, unless they have problems or are formatted already. */
export function formatAhead(ahead: FormattingAhead, post: Post, shared: SharedBibliography, style: CitationStyle, root?: string): void {
  const resolved = resolvePostCitations(post, shared, root, style);
  if (!hasErrors(resolved.diagnostics) && !isFormatted(resolved, style)) ahead.add(citationRequest(resolved, style), resolved);
}

/**
 * Problems of every post's citations, for the build's validation. On a cold cache the
 * posts are formatted on every core first (lib/parallel-formatting.ts): `ahead` may
 * already have some of them (the build starts it while it validates); the loop then reads the cache.
 */
export function citationDiagnostics(posts: Post[], shared: SharedBibliography, style: CitationStyle | undefined, root?: string, ahead = new FormattingAhead()): Diagnostic[] {
  const out: Diagnostic[] = [];
  const all = posts.map((post) => resolvePostCitations(post, shared, root, style));
  if (style) for (const post of posts) formatAhead(ahead, post, shared, style, root);
  ahead.finish();
  posts.forEach((post, i) => {
    const resolved = all[i]!;
    out.push(...resolved.diagnostics);
    if (!hasErrors(resolved.diagnostics) && style) out.push(...formatPostCitations(post, resolved, style, root).diagnostics);
  });
  return out;
}

// citeproc-js reads prefixes and suffixes as plain text with <i>, <b>, <sup> and <sub>, and escapes the rest itself.
function richText(markdown: string): string {
  const html = affixes.renderInline(markdown);
  return html
    .replace(/<(\/?)em>/g, "<$1i>")
    .replace(/<(\/?)strong>/g, "<$1b>")
    .replace(/<(?!\/?(?:i|b|sup|sub)>)[^>]*>/g, "")
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[e]!);
}

function sameItem(a: CslItem, b: CslItem): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as any)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

// Where a front-matter field is, read again from the file only when a problem needs a line.
function lazyLocate(post: CitingPost, root?: string): (at: (string | number)[]) => { line?: number; column?: number } {
  let locate: ((p: (string | number)[]) => { line?: number; column?: number }) | undefined;
  return (at) => {
    if (!root) return {};
    if (!locate) {
      try {
        const split = splitFrontMatter(readFileSync(path.join(root, post.file), "utf8"));
        locate = split.yaml === undefined ? () => ({}) : readYamlDocument(split.yaml, post.file, split.yamlLine).locate;
      } catch {
        locate = () => ({});
      }
    }
    return locate(at);
  };
}

// An unresolved citation's error as the site's validation last told it (naming the posts that
// hold the key): a page that stops on it (`npm start`) says the same as the validation's report.
// Kept with the post it is about: posts are cached by site and content (lib/corpus.ts), so
// the page's post is the validated one, and two sites checked in one process never see each
// other's. Known by file and place, not by object: a page resolves the post again without a root.
const toldOfPost = new WeakMap<CitingPost, Map<string, Diagnostic>>();
const toldKey = (d: Diagnostic) => `${d.file}\0${d.field || `${d.line}:${d.column}`}\0${d.message}`;

/**
 * Keep what a site's validation told of each unresolved citation, `told[i]` of `citations[i]`,
 * for each of `posts` (that site's), instead of what it told of them before.
 */
export function rememberUnresolvedProblems(posts: ReadonlyArray<CitingPost>, citations: UnresolvedCitation[], told: Diagnostic[]): void {
  const byFile = new Map<string, Map<string, Diagnostic>>();
  citations.forEach((citation, i) => {
    const file = citation.problem.file;
    let kept = byFile.get(file);
    if (!kept) byFile.set(file, (kept = new Map()));
    kept.set(toldKey(citation.problem), told[i] ?? citation.problem);
  });
  for (const post of posts) {
    const kept = byFile.get(post.file);
    if (kept) toldOfPost.set(post, kept);
    else toldOfPost.delete(post);
  }
}

/** What an announcement page needs: each cluster's HTML and the bibliography. Throws ContentError on a writer's mistake. */
export function postCitations(post: Post, style: CitationStyle, shared: SharedBibliography = EMPTY, root?: string): FormattedCitations {
  const resolved = resolvePostCitations(post, shared, root, style);
  // Warnings (a citation typo that may be meant) do not stop the page; they are reported by the check and the build.
  const formatted = hasErrors(resolved.diagnostics) ? { diagnostics: resolved.diagnostics.map((d) => toldOfPost.get(post)?.get(toldKey(d)) ?? d) } : formatPostCitations(post, resolved, style, root);
  if (!formatted.result) throw new ContentError(formatted.diagnostics);
  return formatted.result;
}

const EMPTY: SharedBibliography = { entries: new Map(), diagnostics: [] };

export interface SiteCitations {
  style?: CitationStyle;
  bibliography: SharedBibliography;
  /** Problems of the settings' style and locale, and of the shared bibliography files. */
  diagnostics: Diagnostic[];
}

/** The site's resolved style and shared bibliography (both cached by file content). */
export function siteCitations(root: string, settings: Settings): SiteCitations {
  const { style, diagnostics } = resolveCitationStyle(root, settings.citations);
  const bibliography = loadSharedBibliography(root, settings.citations.bibliography);
  return { ...(style ? { style } : {}), bibliography, diagnostics: [...diagnostics, ...bibliography.diagnostics] };
}

/** Every citation problem of a site: settings, shared bibliography, and each post. */
export function siteCitationDiagnostics(root: string, settings: Settings, posts: Post[]): Diagnostic[] {
  const site = siteCitations(root, settings);
  return [...site.diagnostics, ...citationDiagnostics(posts, site.bibliography, site.style, root)];
}
