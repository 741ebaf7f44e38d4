// Formats bibliographies with citation-js (citeproc-js underneath), offline only:
// no plugin that fetches (DOI, URL, Wikidata) is ever loaded.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
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

/**
 * Format a bibliography of `items`, sorted as the style says.
 * The engine is cached per style and locale by plugin-csl and reused across posts.
 */
export function formatBibliography(items: CslItem[], { style, locale }: CitationStyle): FormattedEntry[] {
  if (items.length === 0) return [];
  if (!hasStyle(style)) throw new CitationError(`unknown citation style "${style}"`);
  // plugin-csl silently falls back to en-US for an unknown locale; we refuse instead.
  if (!hasLocale(locale)) throw new CitationError(`unknown citation locale "${locale}"`);
  // citeproc-js mutates the items it is given; hand it copies.
  const data = items.map((item) => structuredClone(item));
  const engine = csl().engine(data, style, locale, "html");
  engine.opt.development_extensions.wrap_url_and_doi = true;
  const sortedIds: string[] = engine.updateItems(data.map((i) => i.id));
  const [, entries] = engine.makeBibliography() as [unknown, string[]];
  return entries.map((html, i) => {
    const entry = { id: sortedIds[i]!, html: html.trim() };
    const marker = /\[CSL STYLE ERROR: [^\]]*\]/.exec(entry.html);
    if (marker) throw new CitationError(`the citation style "${style}" failed on reference "${entry.id}": ${marker[0]}`);
    return entry;
  });
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
