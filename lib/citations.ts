// Formats bibliographies with citation-js (citeproc-js underneath), offline only:
// no plugin that fetches (DOI, URL, Wikidata) is ever loaded.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { cachedFormatting } from "./citation-cache.ts";
import type { CslItem } from "./csl-normalise.ts";
import { escapeHtml } from "./html.ts";

export interface CitationStyle {
  /** A style name citation-js knows: apa, vancouver, harvard1, or one registered with registerStyle. */
  style: string;
  /** A CSL locale such as en-US. */
  locale: string;
}

export interface FormattedEntry {
  id: string;
  /** citeproc-js HTML for the entry (it escapes field text itself). */
  html: string;
}

const csl = () => plugins.config.get("@csl");

export function hasStyle(name: string): boolean {
  return csl().styles.has(name);
}

export function hasLocale(name: string): boolean {
  return csl().locales.has(name) || csl().locales.has(name.replace("-", "_"));
}

export function registerStyle(name: string, xml: string): void {
  csl().styles.add(name, xml);
}

export function registerLocale(name: string, xml: string): void {
  csl().locales.add(name, xml);
}

export class CitationError extends Error {}

/** One cited work inside a cluster, ready for citeproc: prefix and suffix are citeproc rich text (<i>, <b> and plain text). */
export interface ClusterItem {
  id: string;
  mode: "normal" | "suppress-author" | "author-in-text";
  prefix?: string;
  suffix?: string;
  label?: string;
  locator?: string;
}

export interface CitationRequest {
  /** Every item of the bibliography: cited, listed in nocite, or from the post's references. */
  items: CslItem[];
  /** The in-text citations, in document order. */
  clusters: ClusterItem[][];
  style: CitationStyle;
}

export interface FormattedCitations {
  /** HTML of each cluster, in the order given, each linked to its bibliography entry. */
  citations: string[];
  bibliography: FormattedEntry[];
}

const STYLE_ERROR = /\[CSL STYLE ERROR: [^\]]*\]/;

/**
 * Format the in-text citations and the bibliography in one pass, as pandoc does:
 * clusters are processed in order, so numbering follows first citation and
 * disambiguation (2005a, 2005b) covers every cluster. Pure: the same request
 * always gives the same result, so it is kept in the persistent content cache
 * (lib/citation-cache.ts), keyed by the request, the style and locale XML and the library versions.
 */
export function formatCitations(request: CitationRequest): FormattedCitations {
  const { items, clusters, style } = request;
  return cachedFormatting("citations", { style: style.style, locale: style.locale, input: { items, clusters } }, () => formatCitationsNow(request));
}

function formatCitationsNow({ items, clusters, style: { style, locale } }: CitationRequest): FormattedCitations {
  if (items.length === 0) return { citations: [], bibliography: [] };
  if (!hasStyle(style)) throw new CitationError(`unknown citation style "${style}"`);
  // plugin-csl silently falls back to en-US for an unknown locale; we refuse instead.
  if (!hasLocale(locale)) throw new CitationError(`unknown citation locale "${locale}"`);
  const data = items.map(linkSafe);
  const engine = csl().engine(data, style, locale, "html");
  engine.opt.development_extensions.wrap_url_and_doi = true;
  try {
    return formatWith(engine, data, clusters, style);
  } finally {
    // plugin-csl reuses the engine for the next request, which has other items: leave nothing of this one registered.
    engine.restoreProcessorState([]);
    engine.updateUncitedItems([]);
    engine.updateItems([]);
  }
}

function formatWith(engine: any, data: CslItem[], clusters: ClusterItem[][], style: string): FormattedCitations {
  // The engine is cached per style and locale by plugin-csl: forget the citations of the previous post.
  engine.restoreProcessorState([]);
  // Cited works first, in order of first citation, so a numeric style numbers them that way.
  const cited = [...new Set(clusters.flat().map((c) => c.id))];
  engine.updateItems(cited);
  // Listed but not cited (nocite, post references): processCitationCluster would drop them from plain updateItems.
  engine.updateUncitedItems(data.map((i) => i.id).filter((id) => !cited.includes(id)));

  const layout = layoutAffixes(csl().styles.get(style));
  const outputs: string[] = [];
  const done: [string, number][] = [];
  clusters.forEach((cluster, i) => {
    const citationItems = cluster.map(citeprocItem);
    // As pandoc does: a prefix on a later work ("see A; also B") fixes the order the writer chose.
    const unsorted = cluster.slice(1).some((c) => c.prefix);
    const citation = { citationID: `c${i}`, citationItems, properties: { noteIndex: 0, ...(unsorted ? { unsorted: true } : {}) } };
    const [, updates] = engine.processCitationCluster(citation, done, []) as [unknown, [number, string, string][]];
    for (const [index, html] of updates) outputs[index] = html;
    done.push([`c${i}`, 0]);
  });

  const citations = clusters.map((cluster, i) => {
    let html = outputs[i] ?? "";
    const first = cluster[0]!;
    if (first.mode === "author-in-text") {
      // "Smith (2004)": the author as the style names them, then the rest of the cluster.
      // A numeric style names no author in citations; pandoc then prints the citation alone.
      const author: string = engine.makeCitationCluster([{ id: first.id, "author-only": true }]);
      if (author && !author.includes("[NO_PRINTED_FORM]")) html = `${author} ${html}`;
    }
    const marker = STYLE_ERROR.exec(html);
    if (marker) throw new CitationError(`the citation style "${style}" failed on the citation of "${first.id}": ${marker[0]}`);
    return citationHtml(html, cluster, engine, layout);
  });

  const sortedIds: string[] = engine.registry.getSortedIds();
  const [, entries] = engine.makeBibliography() as [unknown, string[]];
  const bibliography = entries.map((html, i) => {
    const entry = { id: sortedIds[i]!, html: html.trim() };
    const marker = STYLE_ERROR.exec(entry.html);
    if (marker) throw new CitationError(`the citation style "${style}" failed on reference "${entry.id}": ${marker[0]}`);
    return entry;
  });
  return { citations, bibliography };
}

/** Format a bibliography of `items` alone, sorted as the style says. */
export function formatBibliography(items: CslItem[], style: CitationStyle): FormattedEntry[] {
  return formatCitations({ items, clusters: [], style }).bibliography;
}

// citeproc-js puts URL and DOI into href="…" escaping & and < but not quotes: percent-encode
// what could end the attribute (the same address for a browser). Also copies the item,
// which citeproc-js mutates.
function linkSafe(item: CslItem): CslItem {
  const copy = structuredClone(item);
  for (const field of ["URL", "DOI"] as const) {
    if (typeof copy[field] === "string") copy[field] = (copy[field] as string).replace(/["'<>`\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  }
  return copy;
}

function citeprocItem(c: ClusterItem): Record<string, unknown> {
  return {
    id: c.id,
    ...(c.prefix ? { prefix: c.prefix } : {}),
    ...(c.suffix ? { suffix: c.suffix } : {}),
    ...(c.locator ? { locator: c.locator, label: c.label ?? "page" } : {}),
    ...(c.mode !== "normal" ? { "suppress-author": true } : {}),
  };
}

// The prefix and suffix of the style's citation layout, e.g. "(" and ")", as citeproc-js prints them.
function layoutAffixes(xml: string): { prefix: string; suffix: string } {
  const attrs = /<citation\b[\s\S]*?<layout\b([^>]*)>/.exec(xml)?.[1] ?? "";
  const attr = (name: string) => {
    const raw = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? "";
    const text = raw.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
    return text.replace(/&/g, "&#38;").replace(/</g, "&#60;").replace(/>/g, "&#62;");
  };
  return { prefix: attr("prefix"), suffix: attr("suffix") };
}

/**
 * One cluster as a span that names its works, each work linked to its entry.
 * citeproc-js cannot wrap the works of a cluster itself, so each work is
 * formatted alone and found in the cluster's text; when a style merges works
 * (Doe, 2005a, 2005b; numeric ranges 1–3) the cluster links its first work.
 */
function citationHtml(html: string, cluster: ClusterItem[], engine: any, layout: { prefix: string; suffix: string }): string {
  const ids = [...new Set(cluster.map((c) => c.id))];
  const open = `<span class="citation" data-cites="${escapeHtml(ids.join(" "))}">`;
  const link = (id: string, text: string) => `<a href="#${escapeHtml(referenceAnchor(id))}">${text}</a>`;
  if (ids.length === 1) return `${open}${link(ids[0]!, html)}</span>`;
  const found: { start: number; end: number; id: string }[] = [];
  for (const c of cluster) {
    let piece: string = engine.makeCitationCluster([citeprocItem(c)]);
    if (layout.prefix && piece.startsWith(layout.prefix)) piece = piece.slice(layout.prefix.length);
    if (layout.suffix && piece.endsWith(layout.suffix)) piece = piece.slice(0, -layout.suffix.length);
    const start = piece ? html.indexOf(piece) : -1;
    if (start < 0 || html.indexOf(piece, start + 1) >= 0) return `${open}${link(ids[0]!, html)}</span>`;
    found.push({ start, end: start + piece.length, id: c.id });
  }
  found.sort((a, b) => a.start - b.start);
  if (found.some((f, i) => i > 0 && f.start < found[i - 1]!.end)) return `${open}${link(ids[0]!, html)}</span>`;
  let out = "";
  let at = 0;
  for (const f of found) {
    out += html.slice(at, f.start) + link(f.id, html.slice(f.start, f.end));
    at = f.end;
  }
  return `${open}${out}${html.slice(at)}</span>`;
}

/** The anchor id of a bibliography entry. */
export function referenceAnchor(id: string): string {
  return `ref-${id.replace(/[^\p{L}\p{N}_-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;
}

/** The bibliography as an HTML list; each entry has an anchor. */
export function bibliographyHtml(entries: FormattedEntry[]): string {
  if (!entries.length) return "";
  const items = entries
    .map((e) => `<li id="${escapeHtml(referenceAnchor(e.id))}" class="csl-entry">${stripEntryWrapper(e.html)}</li>`)
    .join("\n");
  return `<ol class="references csl-bib-body">\n${items}\n</ol>`;
}

// citeproc-js wraps every entry in <div class="csl-entry">; the <li> takes its place.
function stripEntryWrapper(html: string): string {
  const m = /^<div class="csl-entry">([\s\S]*)<\/div>$/.exec(html);
  return (m ? m[1]! : html).trim();
}
