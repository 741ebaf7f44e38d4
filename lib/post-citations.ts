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
import { defaultLocatorTerms, editSource, judgeSlip, keyText, locatorSlips, parseBracketContent, readKey, scanCitations, type CitationCluster, type CitationItem, type KeyLookup, type LocatorTerms, type SlipJudgement } from "./citation-syntax.ts";
import type { UnresolvedCitation } from "./cross-file-checks.ts";
import { CitationError, formatCitations, styleTraits, type CitationRequest, type CitationStyle, type ClusterItem, type FormattedCitations, type StyleTraits } from "./citations.ts";
import type { CslItem } from "./csl-normalise.ts";
import { ContentError, fieldPath, hasErrors, type Diagnostic } from "./diagnostics.ts";
import { readYamlDocument, splitFrontMatter } from "./front-matter.ts";
import { citationLocatorTerms, locatorSpellings } from "./locator-terms.ts";
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

/**
 * What the shared bibliography could not use, as lib/bibliography.ts tells it: the keys of
 * entries it left out for an error of their own (each with its file and first line), and
 * the files it could not read at all. Both are reported with the bibliography already.
 */
export interface SharedFailures {
  broken?: ReadonlyMap<string, { file: string; line?: number }>;
  unreadable?: readonly string[];
}
const failuresOf = (shared: SharedBibliography): SharedFailures => shared as SharedBibliography & SharedFailures;

/**
 * A post whose `references:` could not be read, and whose ids could not be read from it either
 * (a BibTeX entry or RIS record pasted there, a YAML slip before any `id:`): its YAML error is
 * already reported, and any key may be one of its works. Set by lib/post-loader.ts.
 */
export interface UnreadReferences {
  referencesUnread?: boolean;
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
// What the style prints (its traits: locators, `@key`, a table's word) is asked only by a
// post that needs it, and then is part of what its result depends on.
const resolvedMemo = new WeakMap<CitingPost, { bibliography: object; root: string | undefined; terms: LocatorTerms; traits: { used: false } | { used: true; traits: StyleTraits | undefined; style: string }; resolved: ResolvedCitations }>();
const formattedMemo = new WeakMap<ResolvedCitations, { style: string; locale: string; xml: string; root: string | undefined; out: { result?: FormattedCitations; diagnostics: Diagnostic[] } }>();

// The shared bibliography is a new object on each load, but made of the same entries while
// its files are unchanged (lib/bibliography.ts caches them by content): one token for those
// (and the same entries left out for their errors, and the same files unread). A post loaded
// with the shared bibliography (lib/corpus.ts) is kept by this token too.
const bibliographyTokens = new WeakMap<SharedBibliography, object>();
let lastBibliography: { entries: SharedEntry[]; failed: string; token: object } | undefined;
export function bibliographyToken(shared: SharedBibliography): object {
  let token = bibliographyTokens.get(shared);
  if (token) return token;
  const entries = [...shared.entries.values()];
  const { broken, unreadable } = failuresOf(shared);
  const failed = JSON.stringify([[...(broken ?? [])], unreadable ?? []]);
  const last = lastBibliography;
  if (last && last.failed === failed && last.entries.length === entries.length && entries.every((entry, i) => entry === last.entries[i])) token = last.token;
  else {
    token = {};
    lastBibliography = { entries, failed, token };
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
  const sameStyle = (h: NonNullable<typeof hit>) => !h.traits.used || (h.traits.style === style!.style && h.traits.traits === styleTraits(style!));
  if (hit && hit.bibliography === bibliography && (terms === undefined || (hit.terms === terms && sameStyle(hit))) && (hit.root === root || !hit.resolved.diagnostics.length)) return hit.resolved;
  const used = terms ?? defaultLocatorTerms();
  // The style's traits, asked for only when a citation needs them (a probe formats a few citations once per style).
  let asked: { used: false } | { used: true; traits: StyleTraits | undefined; style: string } = { used: false };
  const traits = () => {
    if (!style) return undefined;
    if (!asked.used) asked = { used: true, traits: styleTraits(style), style: style.style };
    return asked.traits;
  };
  const resolved = resolveNow(post, shared, root, used, style, traits);
  resolvedMemo.set(post, { bibliography, root, terms: used, traits: asked, resolved });
  return resolved;
}

function resolveNow(post: CitingPost, shared: SharedBibliography, root: string | undefined, terms: LocatorTerms, style?: CitationStyle, traits: () => StyleTraits | undefined = () => undefined): ResolvedCitations {
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
  // No key is said to be missing from references that could not be read: the writer would add the work twice.
  const unread = (post as CitingPost & UnreadReferences).referencesUnread === true;
  // Shared entries left out for an error of their own, and shared files that could not be read (both reported with the bibliography).
  const failures = failuresOf(shared);
  const sharedBroken = failures.broken ?? new Map<string, { file: string; line?: number }>();
  const unreadable = failures.unreadable ?? [];
  // A reference with an error of its own is still a key the writer may have meant.
  const known = () => [...own.keys(), ...broken, ...shared.entries.keys(), ...sharedBroken.keys()];
  // The works a key may name by author and year (nearKey).
  const works = function* () {
    yield* post.references;
    for (const entry of shared.entries.values()) yield entry.item;
  };
  // A key whose shared entry is broken, or perhaps in an unread file: its error, told once
  // per post ("told" after that); undefined when neither is the case ("broken": only the former).
  const toldFailed = new Set<string>();
  const failedShared = (key: string, what: string, at: Pick<Diagnostic, "file" | "line" | "column" | "field">, source?: string, only?: "broken"): Diagnostic | "told" | undefined => {
    const entry = sharedBroken.get(key);
    if (!entry && (!unreadable.length || only)) return undefined;
    if (toldFailed.has(key)) return "told";
    toldFailed.add(key);
    if (entry) {
      const place = `${entry.file}${entry.line ? `, line ${entry.line}` : ""}`;
      return {
        severity: "error", ...at,
        message: `${what} "${key}": the shared bibliography's entry "${key}" (${place}) has an error of its own, so it is left out`,
        fix: `fix that entry first (its error is reported at ${place}); ${source ? "the citation then works as written" : "nocite then lists it as written"}`,
      };
    }
    const several = unreadable.length > 1;
    const files = several ? `the shared bibliography files ${unreadable.join(", ")}, which may hold it, could not be read (see their errors)` : `the shared bibliography file ${unreadable[0]}, which may hold it, could not be read (see that file's error)`;
    const guess = closest(key, known());
    const otherwise = guess
      ? `did you mean @${guess}?${source ? ` write \`${withKey(source, key, guess)}\`` : ""}`
      : "add the work to `references:`";
    return {
      severity: "error", ...at,
      message: `${what} "${key}", which is not in this post's references, and ${files}`,
      fix: `fix ${several ? "those files" : unreadable[0]} first; then, if "${key}" is not in ${several ? "them" : "it"}, ${otherwise}`,
    };
  };

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
        const at = { severity: "error", file: post.file, line: post.bodyLine + cluster.line, column: cluster.column, field: "" } as const;
        const dropped = failedShared(c.key, `the citation ${cluster.source} cites`, at, cluster.source, "broken");
        if (dropped) {
          if (dropped !== "told") diagnostics.push(dropped);
          continue;
        }
        const guess = closest(c.key, known());
        if (guess?.toLowerCase() === c.key.toLowerCase()) {
          diagnostics.push({
            ...at,
            message: `the citation ${cluster.source} cites "${c.key}", but the reference id is "${guess}": ids must match in capitals and small letters`,
            fix: `write \`${withKey(cluster.source, c.key, guess)}\``,
          });
          continue;
        }
        const failed = failedShared(c.key, `the citation ${cluster.source} cites`, at, cluster.source);
        if (failed) {
          if (failed !== "told") diagnostics.push(failed);
          continue;
        }
        if (unread) continue;
        const handle = "if this is not a citation, such as a social media handle, write \\@ instead of @";
        const near = nearKey(c.key, cluster.source, known(), works, guess);
        const written = near?.edits.map((e) => `\`${editSource(cluster.source, [{ ...e, text: keyText(e.id) }])}\``);
        const problem: Diagnostic = {
          ...at,
          message: `the citation ${cluster.source} cites "${c.key}", which is neither in this post's references nor in the shared bibliography${near?.why ?? ""}`,
          fix: !near ? `add the work to \`references:\` (or to the shared bibliography); ${handle}`
            : near.braces ? `write the id in braces: ${written![0]}`
            : `did you mean ${orList(near.edits.map((e) => keyText(e.id)))}? write ${orList(written!)}${near.byStart && c.mode === "author-in-text" ? `; ${handle}` : ""}`,
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

  diagnostics.push(...locatorProblems(post, clustersFound, terms, style, traits, (id) => own.get(id)?.item ?? shared.entries.get(id)?.item));

  // Citation syntax that pandoc reads otherwise than meant: "[smith2016]", "[@a, @b]", "(@a)".
  const lookup = keyLookup([...own.keys(), ...shared.entries.keys(), ...broken, ...sharedBroken.keys()]);
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
        fix: `write the key with @ in quotes, as pandoc does: "@${entry.trim().replace(/^@+\s*/, "") || "key"}", or "@*" for every shared entry`,
      });
    }
    for (const key of keys) {
      if (key === "*") {
        for (const id of shared.entries.keys()) include(id);
      } else if (!include(key) && !broken.has(key)) {
        const failed = failedShared(key, "nocite lists", { file: post.file, ...locate(["nocite", i]), field: fieldPath(["nocite", i]) });
        if (failed) {
          if (failed !== "told") diagnostics.push(failed);
          continue;
        }
        if (unread) continue;
        const guess = closest(key, known());
        const near = nearKey(key, entry, known(), works, guess);
        const meant = near && orList(near.edits.map((e) => keyText(e.id)));
        const problem: Diagnostic = {
          severity: "error", file: post.file, ...locate(["nocite", i]), field: fieldPath(["nocite", i]),
          message: `nocite lists "${key}", which is neither in this post's references nor in the shared bibliography${near?.why ?? ""}`,
          // Applied as written in either form: `- "@smith2019"` and `nocite: "@smith2019, @who2021"`.
          fix: !near ? "check the key against the shared bibliography"
            : `${near.braces ? "write the id in braces:" : `did you mean ${meant}?`} replace ${entry.slice(near.edits[0]!.at, near.edits[0]!.end)} with ${near.edits.length > 1 ? `one of ${meant}` : meant}`,
        };
        diagnostics.push(problem);
        unresolved.push({ key, problem });
      }
    }
  });
  return { items, clusters, diagnostics, unresolved };
}

/**
 * Locators that do not print as written: words pandoc does not read as a locator ("p 3",
 * "para 4"), each cluster told; and, once per post at the first citation concerned, a
 * locator the site's style prints nowhere, and `@key` in a style that names no author in the
 * text (a numeric one). `traits` says what the style prints, asked only when needed.
 */
function locatorProblems(post: CitingPost, clusters: CitationCluster[], terms: LocatorTerms, style: CitationStyle | undefined, traits: () => StyleTraits | undefined, itemOf: (id: string) => CslItem | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (cluster: CitationCluster) => ({ file: post.file, line: post.bodyLine + cluster.line, column: cluster.column, field: "" });
  const tableWord = () => (/^\p{Lu}/u.test(traits()?.figure ?? "") ? "Table" : "table");
  for (const cluster of clusters) {
    const found = locatorSlips(cluster, terms, tableWord);
    // A style that prints no locator prints the words as typed: the only way they show (see below).
    if (!found || (found.slips.some((slip) => slip.label !== "table") && traits()?.locators === false)) continue;
    const { slips, corrected } = found;
    const written = slips.map((slip) => `"${slip.written}"`).join(" and ");
    const tables = slips.filter((slip) => slip.label === "table");
    const words = slips.filter((slip) => slip.label !== "table");
    const why = [
      words.length ? `pandoc reads only the locator words of the site's citation language, periods included (${words.map((slip) => `"${slip.suggested.split(" ")[0]}" for a ${LABEL_WORDS[slip.label] ?? slip.label}`).join(", ")}), and the style then prints them its own way` : "",
      tables.length ? `pandoc has no locator for a table, so write it as the style writes one (${tables.map((slip) => `"${slip.suggested}"`).join(", ")})` : "",
    ].filter(Boolean).join("; ");
    out.push({
      severity: "warning", ...at(cluster),
      message: `the citation ${cluster.source} prints ${written} as typed: ${why}`,
      fix: `write \`${corrected}\``,
    });
  }
  out.push(...restatedProblems(post, clusters, terms, itemOf));
  if (!style) return out;
  // Once per post: the first citation with a locator, and the first `@key`.
  const located = clusters.filter((cluster) => cluster.items.some((item) => item.locator));
  const narrative = clusters.filter((cluster) => cluster.items[0]?.mode === "author-in-text");
  if (!located.length && !narrative.length) return out;
  const known = traits();
  if (!known) return out;
  const others = (n: number, what: string) => (n > 1 ? ` (and ${n - 1} more ${what} in this post)` : "");
  if (!known.locators && located.length) {
    const cluster = located[0]!;
    const item = cluster.items.find((i) => i.locator)!;
    out.push({
      severity: "warning", ...at(cluster),
      message: `the citation ${cluster.source} gives a locator (${LABEL_WORDS[item.label ?? "page"] ?? item.label} ${item.locator}), but the site's citation style (${style.style}) prints no locator in a citation: it would be lost${others(located.length, located.length > 2 ? "citations with a locator" : "citation with a locator")}`,
      fix: `write \`${withoutLocators(cluster)}\` and say where in the work in your sentence (e.g. "on ${LABEL_WORDS[item.label ?? "page"] ?? item.label} ${item.locator}"), or have \`citations.style\` in the site settings name a style that prints locators`,
    });
  }
  if (!known.narrative && narrative.length) {
    const cluster = narrative[0]!;
    const key = cluster.items[0]!.key;
    const name = workName(itemOf(key), style.locale);
    out.push({
      severity: "warning", ...at(cluster),
      message: `the citation ${cluster.source} is meant to name the author in your sentence, but the site's citation style (${style.style}) names no author in the text: it prints only the citation, as [${keyText(key)}] would${others(narrative.length, narrative.length > 2 ? "such citations" : "such citation")}`,
      fix: `write the name yourself before the citation: \`${narrativeWritten(cluster, name ?? "Name", known.locators)}\`${name ? "" : ", with the author's name (or the work's title) for Name"}`,
    });
  }
  return out;
}

/**
 * What a citation prints already, written again by hand (pandoc prints it twice, silently):
 * the work's year as a locator ("[@eysenbach2008, 2008]" prints "p. 2008"), and "et al."
 * after a key ("[@moorhead2013 et al.]" prints "(Moorhead et al., 2013 et al.)").
 */
function restatedProblems(post: CitingPost, clusters: CitationCluster[], terms: LocatorTerms, itemOf: (id: string) => CslItem | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The locale's word for a page, which pandoc reads as one: "p.", "S.".
  const page = () => locatorSpellings(terms).find((s) => s.label === "page" && s.form === "short" && !s.plural)?.text ?? "p.";
  let lines: string[] | undefined;
  for (const cluster of clusters) {
    const at = { file: post.file, line: post.bodyLine + cluster.line, column: cluster.column, field: "" };
    const { source } = cluster;
    for (const item of cluster.items) {
      const spot = keyAt(source, item.key);
      if (!spot) continue;
      const after = source.slice(spot.end);
      const year = yearOf(itemOf(item.key));
      // The year alone where a locator goes, with no label: "[@a, 2008]", "[@a 2008]", "@a [2008]".
      const asLocator = item.locator === year && year !== undefined && item.label === "page"
        ? (item.mode === "author-in-text" && cluster.items.length === 1 ? /^[ \t]*(?:\n[ \t]*)?\[\s*,?\s*(\d{4})\s*\]$/ : /^[ \t]*,?[ \t]*(\d{4})(?=\s*(?:;|\]$))/).exec(after)
        : null;
      if (asLocator) {
        const corrected = editSource(source, [{ at: spot.end, end: spot.end + asLocator[0].length, text: "" }]);
        const paged = editSource(source, [{ at: spot.end, end: spot.end + asLocator[0].length, text: item.mode === "author-in-text" ? ` [${page()} ${year}]` : `, ${page()} ${year}` }]);
        out.push({
          severity: "warning", ...at,
          message: `the citation ${source} gives ${year}, the year of ${keyText(item.key)}, where a page number goes: it prints as a page ("${page()} ${year}"), and the style prints the year by itself`,
          fix: `write \`${corrected}\` (for page ${year} of the work, write \`${paged}\`)`,
        });
        continue;
      }
      // "et al." just after the key: in the bracket, or after a narrative citation in the sentence.
      const etAl = /^[ \t]*,?[ \t]*et\s+al\.?(?![\p{L}\p{N}])/u;
      const inBracket = etAl.exec(after);
      if (inBracket && !item.locator) {
        out.push({
          severity: "warning", ...at,
          message: `the citation ${source} has "et al." after its key, which prints after the year: the style writes "et al." itself when a work has more authors than it names`,
          fix: `write \`${editSource(source, [{ at: spot.end, end: spot.end + inBracket[0].length, text: "" }])}\``,
        });
        continue;
      }
      if (item.mode === "author-in-text" && spot.end === source.length && !source.includes("\n")) {
        lines ??= post.body.split("\n");
        const line = lines[cluster.line] ?? "";
        const from = cluster.column - 1;
        const following = line.startsWith(source, from) ? etAl.exec(line.slice(from + source.length)) : null;
        if (following && !following[0].includes(",")) {
          out.push({
            severity: "warning", ...at,
            message: `the citation ${source} is followed by "et al.", which then prints after the year: the style writes "et al." itself when a work has more authors than it names`,
            fix: `write \`${source}\` in place of \`${source}${following[0]}\``,
          });
        }
      }
    }
  }
  return out;
}

const LABEL_WORDS: Record<string, string> = { "sub verbo": "sub verbo", "number-of-pages": "page" };

/** A citation's works without their locators, as written between semicolons: "see @a and elsewhere". */
function partsWithoutLocators(items: CitationItem[]): string[] {
  return items.map((item) => `${item.prefix ? `${item.prefix} ` : ""}${item.mode === "suppress-author" ? "-" : ""}${keyText(item.key)}${item.suffix}`);
}

/** A citation as written, without its locators: "[see @a, pp. 3-5 and elsewhere]" → "[see @a and elsewhere]". */
function withoutLocators(cluster: CitationCluster): string {
  const [first, ...rest] = cluster.items;
  if (!first) return cluster.source;
  if (first.mode === "author-in-text") {
    const bracket = [first.suffix.trim(), ...partsWithoutLocators(rest)].filter(Boolean);
    return `${keyText(first.key)}${bracket.length ? ` [${bracket.join("; ")}]` : ""}`;
  }
  return `[${partsWithoutLocators(cluster.items).join("; ")}]`;
}

/** `@key [p. 3]` with the name written out: "Smith [@key, p. 3]"; without the locator when the style prints none. */
function narrativeWritten(cluster: CitationCluster, name: string, locators: boolean): string {
  if (!locators) {
    // The text in the bracket after `@key` is its suffix, to follow the key after a comma.
    const first = cluster.items[0]!;
    const suffix = !first.suffix.trim() ? "" : /^[,\s]/.test(first.suffix) ? first.suffix : `, ${first.suffix}`;
    return `${name} [${partsWithoutLocators([{ ...first, mode: "normal", suffix }, ...cluster.items.slice(1)]).join("; ")}]`;
  }
  const source = cluster.source;
  const key = readKey(source, 1);
  const open = key ? source.indexOf("[", key.end) : -1;
  const cite = keyText(cluster.items[0]!.key);
  if (open < 0 || !source.endsWith("]")) return `${name} [${cite}]`;
  const inner = source.slice(open + 1, -1).trim();
  if (!inner) return `${name} [${cite}]`;
  return parseBracketContent(inner) ? `${name} [${cite}; ${inner}]` : `${name} [${cite}, ${inner.replace(/^,\s*/, "")}]`;
}

/** How a sentence names a work's authors: "Smith", "Smith and Doe", "Smith et al."; its title when it has none. */
function workName(item: CslItem | undefined, locale: string): string | undefined {
  if (!item) return undefined;
  const people = (item.author ?? item.editor ?? []) as { family?: string; literal?: string; "non-dropping-particle"?: string }[];
  const names = people.map((p) => p.literal ?? [p["non-dropping-particle"], p.family].filter(Boolean).join(" ")).filter(Boolean);
  if (names.length === 1) return names[0];
  if (names.length === 2) return `${names[0]} ${locale.toLowerCase().startsWith("en") ? "and" : "&"} ${names[1]}`;
  if (names.length > 2) return `${names[0]} et al.`;
  return typeof item.title === "string" && item.title ? item.title : undefined;
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

// At most this many ids are offered for one key ("did you mean @a, @b or @c?"); more is no suggestion.
const MAX_SUGGESTED = 5;

/** A key that names no reference, and the ids it was likely meant to be, each with where to write it in the source. */
interface NearKey {
  /** Each id meant, most likely first, and the text of the source ([at, end)) its key replaces. */
  edits: { id: string; at: number; end: number }[];
  /** Why the key was read otherwise than meant, to end the message ("" when "did you mean" says it). */
  why: string;
  /** The source holds the whole id, which needs only braces. */
  braces: boolean;
  /** Found by the key's first letters: a social media handle is as likely. */
  byStart: boolean;
}

/** Small letters, without the spaces and separators keys are written with: "Fox_2013" and "fox 2013" both "fox2013". */
const folded = (text: string) => text.toLowerCase().replace(/[\s\-_:./]/g, "");
const orList = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words.at(-1)}` : (words[0] ?? ""));

/**
 * The references a key that names none was meant to cite, from how writers miss: an id
 * that a key without braces cannot hold ("@http://…" is read "@http"), a year written apart
 * ("[@fox 2013]"), the author and year of a work under another id ("@garcia2019"), the
 * start of an id ("[@fox]"), a typo (`guess`, the nearest id). Computed only for a key that
 * does not resolve. `source` is the text that holds "@key", a citation or a nocite entry.
 */
function nearKey(key: string, source: string, ids: readonly string[], items: () => Iterable<CslItem>, guess: string | undefined): NearKey | undefined {
  const spot = keyAt(source, key);
  if (!spot) return undefined;
  const bare = source[spot.at + 1] !== "{";
  const after = source.slice(spot.end);
  const found = (found: string[], why: string, end = spot.end, more: Partial<NearKey> = {}): NearKey | undefined =>
    found.length && found.length <= MAX_SUGGESTED ? { edits: found.map((id) => ({ id, at: spot.at, end })), why, braces: false, byStart: false, ...more } : undefined;

  // An id that goes on past where a key without braces ends: "http://zotero.org/…" is read "http".
  if (bare) {
    const longer = ids.filter((id) => id.length > key.length && id.startsWith(key) && readKey(id, 0)?.key === key);
    if (longer.length) {
      const stop = (id: string) => {
        const chars = /^[^\p{L}\p{N}_]+/u.exec(id.slice(key.length))?.[0] ?? "";
        return chars.trim() ? `"${chars.trim()}"` : "a space";
      };
      const whole = longer.find((id) => after.startsWith(id.slice(key.length)) && !/^[\p{L}\p{N}_]/u.test(after.slice(id.length - key.length)));
      if (whole) {
        return { edits: [{ id: whole, at: spot.at, end: spot.end + whole.length - key.length }], why: `; the reference id is "${whole}", but a key written without braces ends before ${stop(whole)}`, braces: true, byStart: false };
      }
      const rest = /^[^\s;[\]]*/.exec(after)![0].replace(/[.,]+$/, "");
      const meant = closest(key + rest, longer) ?? (longer.length === 1 ? longer[0] : undefined);
      if (meant) return { edits: [{ id: meant, at: spot.at, end: spot.end + rest.length }], why: `; a key written without braces ends before ${stop(meant)}, as in the reference id "${meant}"`, braces: false, byStart: false };
    }
  }

  // A year written apart from its key: "[@fox 2013]", "[@fox, 2013]" cite "fox" at page 2013.
  const year = /^([ \t]*,?[ \t]*)(\d{4}[a-z]?)(?![\p{L}\p{N}_])/u.exec(after);
  if (year) {
    const joined = folded(key + year[2]);
    const same = ids.filter((id) => folded(id) === joined);
    const near = same.length ? same : ids.filter((id) => folded(id).startsWith(joined));
    const meant = found(near, `; the year "${year[2]}" is written apart from the key, so it is read as a page number`, spot.end + year[0].length);
    if (meant) return meant;
  }

  // A key made of an author and a year ("garcia2019") for a work that has another id.
  const authorYear = /^(\p{L}+?)[-_:.]?((?:1[5-9]|20)\d\d)/u.exec(key);
  if (authorYear) {
    const name = plainName(authorYear[1]!);
    const works = [...items()].filter((item) => item.id !== key && yearOf(item) === authorYear[2] && firstAuthor(item)?.plains.includes(name));
    const family = works.length ? firstAuthor(works[0]!)!.written : "";
    const braced = works.some((item) => keyText(item.id).startsWith("@{"));
    const meant = found(
      works.map((item) => item.id),
      works.length === 1
        ? `; the work by ${family} from ${authorYear[2]} has the id "${works[0]!.id}"${braced ? ", which is written in braces after @, as it holds characters a key without braces cannot" : ""}`
        : `; the works by ${family} from ${authorYear[2]} have the ids ${orList(works.map((item) => `"${item.id}"`)).replace(/ or /, " and ")}`,
    );
    if (meant) return meant;
  }

  // The start of an id: "[@fox]" for fox2013. Ids that go on with a digit or a separator
  // ("fox2013", "fox_2013") first; those that go on with letters ("foxman2019") only when
  // no typo is nearer.
  const start = key.toLowerCase();
  const starting = key.length >= 2 ? ids.filter((id) => id.length > key.length && id.toLowerCase().startsWith(start)) : [];
  const byYear = starting.filter((id) => !/\p{L}/u.test(id[key.length]!));
  const startWhy = (list: string[]) => list.length === 1 ? `; "${key}" is the start of the reference id "${list[0]}"` : `; the reference ids ${orList(list.map((id) => `"${id}"`)).replace(/ or /, " and ")} start with "${key}"`;
  const first = found(byYear, startWhy(byYear), spot.end, { byStart: true });
  if (first) return first;
  if (guess) return found([guess], "");
  return found(starting, startWhy(starting), spot.end, { byStart: true });
}

/** A name as a key writes it: small letters without accents or spaces ("García" → "garcia", "van der Berg" → "vanderberg"). */
const plainName = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}]/gu, "");

/** The first author's (or editor's) family name, as written and as a key would write it. */
function firstAuthor(item: CslItem): { written: string; plains: string[] } | undefined {
  const people = (Array.isArray(item.author) && item.author.length ? item.author : item.editor) as { family?: string; literal?: string; "non-dropping-particle"?: string }[] | undefined;
  const first = Array.isArray(people) ? people[0] : undefined;
  const written = first?.family ?? first?.literal;
  if (typeof written !== "string" || !written) return undefined;
  return { written, plains: [plainName(written), plainName(`${first?.["non-dropping-particle"] ?? ""}${written}`)] };
}

/** The year a work was issued, as written in a citation ("2013"); undefined when it has none. */
function yearOf(item: CslItem | undefined): string | undefined {
  const issued = item?.issued as { "date-parts"?: unknown[][]; literal?: string; raw?: string } | undefined;
  const first = issued?.["date-parts"]?.[0]?.[0];
  if (typeof first === "number" || typeof first === "string") return String(first);
  return /\b\d{4}\b/.exec(issued?.literal ?? issued?.raw ?? "")?.[0];
}

/** Where `key` is written in a citation's source text, "@key" or "@{key}": [at, end) from the @. */
function keyAt(source: string, key: string): { at: number; end: number } | undefined {
  for (const written of [`@{${key}}`, `@${key}`]) {
    for (let at = source.indexOf(written); at >= 0; at = source.indexOf(written, at + 1)) {
      const after = source.slice(at + written.length);
      // "@ab" is not "@abc": the key must end there (a final period is not part of a key).
      if (written.endsWith("}") || !/^(?:[\p{L}\p{N}_]|[-:.#$%&+?<>~/][\p{L}\p{N}_])/u.test(after)) return { at, end: at + written.length };
    }
  }
  return undefined;
}

/** A citation's source text with `key` cited as `id` instead ("[see @Smith2016]" → "[see @smith2016]"). */
function withKey(source: string, key: string, id: string): string {
  const found = keyAt(source, key);
  return found ? editSource(source, [{ ...found, text: keyText(id) }]) : source;
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
