// Formats bibliographies with citation-js (citeproc-js underneath), offline only:
// no plugin that fetches (DOI, URL, Wikidata) is ever loaded.
import { createRequire } from "node:module";
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { cachedFormatting } from "./citation-cache.ts";
import type { CslItem } from "./csl-normalise.ts";
import { escapeHtml } from "./html.ts";
import { languageTag } from "./language-tags.ts";
import { textDirection } from "./text-direction.ts";

// citeproc-js itself, the one plugin-csl wraps: the engines below are ours (see engineFor).
const CSL = createRequire(import.meta.url)("citeproc");
fasterCaseAndCollation(CSL);
fasterHtmlEscape(CSL);
fasterMacroLookup(CSL);

// Two of citeproc-js's hottest helpers, made cheaper with the same results (about a tenth
// of its time on the synthetic site):
// - It changes case through String#toLocaleLowerCase(langs) (and upper), which takes ICU's
//   slow path for every string, while only the first language counts (ECMA-402
//   TransformCase) and only Turkish, Azeri and Lithuanian differ from String#toLowerCase.
// - Its sort compares with a.localeCompare(b, locale, options), which builds a collator on
//   every call; the same comparison through one Intl.Collator per locale.
function fasterCaseAndCollation(csl: any): void {
  const special = /^(?:tr|az|lt)(?:[-_]|$)/i;
  for (const [name, plain] of [["toLocaleLowerCase", (s: string) => s.toLowerCase()], ["toLocaleUpperCase", (s: string) => s.toUpperCase()]] as const) {
    const original = csl[name] as (this: any, s: string) => string;
    csl[name] = function (this: any, s: string): string {
      const langs: unknown = this.tmp?.lang_array;
      // No languages means the host's default, which could be Turkish: leave that to citeproc.
      if (Array.isArray(langs) && typeof langs[0] === "string" && !special.test(langs[0])) return plain(s);
      return original.call(this, s);
    };
  }
  const collators = new Map<string, Intl.Collator>();
  const options: Intl.CollatorOptions = { sensitivity: "base", ignorePunctuation: true, numeric: true };
  // As CSL.getSortCompare in citeproc-js 2.4, with the collator kept.
  csl.getSortCompare = function (this: any, defaultLocale?: string) {
    const locale = defaultLocale || "en-US";
    let collator = collators.get(locale);
    if (!collator) collators.set(locale, (collator = new Intl.Collator(locale, options)));
    const lower = (s: string) => csl.toLocaleLowerCase.call(this, s);
    const strcmp = (a: string, b: string) => collator.compare(lower(a), lower(b));
    const stripPunct = (s: string) => s.replace(/^[[\]'"]*/g, "");
    const bracketPreSort = strcmp("[x", "x") ? (a: string, b: string) => strcmp(stripPunct(a), stripPunct(b)) : false;
    return (a: string, b: string) => (bracketPreSort ? bracketPreSort(a, b) : strcmp(a, b));
  };
}

/**
 * citeproc-js escapes every string it outputs as HTML with five replacements in a row;
 * most strings need none of them, and are returned as they are (as those replacements
 * would). Applied to `csl`, a citeproc-js module; exported for its test.
 */
export function fasterHtmlEscape(csl: any): void {
  const html = csl.Output.Formats.html;
  const escape = html.text_escape as (text: unknown) => string;
  const needsEscape = new RegExp(`[&<>]|\\s\\s|${(csl.SUPERSCRIPTS_REGEXP as RegExp).source}`);
  html.text_escape = (text: unknown) => (typeof text === "string" && text && !needsEscape.test(text) ? text : escape(text));
}

/**
 * Building an engine expands every macro where it is used (140,000 tokens for APA), and each
 * expansion looked its macro up by walking the whole style: about a third of the half second
 * an APA engine takes. The macros are found by one walk per style instead, in the same order.
 * Only a style's own macros are looked up so: the walk is redone if the style's top-level
 * children change (citeproc-js replaces only date nodes inside them while building).
 * Applied to `csl`, a citeproc-js module; exported for its test.
 */
export function fasterMacroLookup(csl: any): void {
  const proto = csl.XmlJSON.prototype;
  const walk = proto.getNodesByName as (this: any, json: any, name: string, nameattrval?: string, ret?: unknown[]) => unknown[];
  const indexes = new WeakMap<object, Map<string, unknown[]>>();
  proto.getNodesByName = function (this: any, json: any, name: string, nameattrval?: string, ret?: unknown[]): unknown[] {
    if (name !== "macro" || !nameattrval || ret || json !== this.dataObj || !Array.isArray(json?.children)) return walk.call(this, json, name, nameattrval, ret);
    let index = indexes.get(json.children);
    if (!index) {
      index = new Map();
      for (const node of walk.call(this, json, "macro") as Array<{ attrs?: { name?: string } }>) {
        const key = node.attrs?.name;
        if (typeof key !== "string") continue;
        const list = index.get(key);
        if (list) list.push(node);
        else index.set(key, [node]);
      }
      indexes.set(json.children, index);
    }
    return [...(index.get(nameattrval) ?? [])];
  };
}

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
  /** The BCP 47 tag of the work's language, when its `language` names one (de-DE, or BibTeX's langid `ngerman` → de-DE). */
  lang?: string;
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
  /**
   * HTML of each cluster, in the order given, each work linked to its bibliography entry.
   * With a note style, each is a footnote reference instead (after the author, for `@key says`).
   */
  citations: string[];
  /** With a note style, the HTML of each cluster's footnote, in the order given (each work linked); otherwise empty. */
  notes: string[];
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
  const formatted = cachedFormatting("citations", { style: style.style, locale: style.locale, input: { items, clusters } }, () => formatCitationsNow(request));
  // Each entry's language is read after the cache, whose key covers this file's code but not
  // language-tags.ts's: a change in what it reads is never served stale.
  const languages = new Map(items.map((item) => [item.id, languageTag(item.language)]));
  const bibliography = formatted.bibliography.map(({ id, html }) => {
    const lang = languages.get(id);
    return { id, html, ...(lang ? { lang } : {}) };
  });
  return { ...formatted, bibliography };
}

function formatCitationsNow({ items, clusters, style: { style, locale } }: CitationRequest): FormattedCitations {
  if (items.length === 0) return { citations: [], notes: [], bibliography: [] };
  if (!hasStyle(style)) throw new CitationError(`unknown citation style "${style}"`);
  // plugin-csl silently falls back to en-US for an unknown locale; we refuse instead.
  if (!hasLocale(locale)) throw new CitationError(`unknown citation locale "${locale}"`);
  const data = items.map(linkSafe);
  const engine = engineFor(style, locale, data);
  engine.opt.development_extensions.wrap_url_and_doi = true;
  wrapEachCite(engine);
  try {
    return formatWith(engine, data, clusters, style);
  } finally {
    unwrapCites(engine);
    // The engine serves the next request, which has other items: keep nothing of this one.
    resetEngine(engine);
  }
}

// One citeproc-js engine per style and locale, built from the XML citation-js holds (site
// files included) and built again when that XML changes. Ours, not plugin-csl's: its cached
// engine outlives a locale registered again under the same name, and is made ready for each
// use with registry updates (three, then two more from restoreProcessorState) that cost
// about 5 ms a post; a new registry costs nothing.
const engines = new Map<string, { styleXml: unknown; localeXml: unknown; engine: any; items: Map<string, CslItem> }>();

function engineFor(style: string, locale: string, data: CslItem[]): any {
  const registry = csl();
  const styleXml = registry.styles.get(style);
  const localeXml = registry.locales.get(locale) ?? registry.locales.get(locale.replace("-", "_"));
  const key = `${style}|${locale}`;
  let known = engines.get(key);
  if (!known || known.styleXml !== styleXml || known.localeXml !== localeXml) {
    const items = new Map<string, CslItem>();
    const sys = {
      retrieveItem: (id: string) => {
        const item = items.get(id);
        if (!item) throw new Error(`Cannot find entry with id '${id}'`);
        return item;
      },
      // As plugin-csl does: the locale by its name, or with "_", else none (citeproc-js falls back to en-US).
      retrieveLocale: (name: string) => registry.locales.get(name) ?? registry.locales.get(name.replace("-", "_")) ?? {},
    };
    // As plugin-csl does: the locale forced when citation-js has it under that name, else the style's own.
    const engine = new CSL.Engine(sys, styleXml, registry.locales.has(locale) ? locale : undefined, true);
    engine.setOutputFormat("html");
    skipPlainStrings(engine);
    known = { styleXml, localeXml, engine, items };
    // A style file edited under `npm start` is a new name each time: keep only the recent engines.
    engines.delete(key);
    if (engines.size >= 8) engines.delete(engines.keys().next().value!);
    engines.set(key, known);
  }
  known.items.clear();
  for (const item of data) known.items.set(item.id, item);
  resetEngine(known.engine);
  return known.engine;
}

/**
 * Build the engine for a style and locale now (about half a second for APA), so that
 * the first post formatted later, e.g. the first edit under `npm start`, does not wait.
 */
export function prepareEngine({ style, locale }: CitationStyle): void {
  if (hasStyle(style) && hasLocale(locale)) engineFor(style, locale, []);
}

/** What a style prints of a citation's parts, found by formatting a few probes (see styleTraits). */
export interface StyleTraits {
  /** Whether a locator ("p. 987") shows in a citation, or in its footnote. */
  locators: boolean;
  /** Whether `@key` prints otherwise than `[@key]`: false for a numeric style, which names no author in the text. */
  narrative: boolean;
  /** The word a figure's number follows in a citation ("Figure" in APA), when the style prints it. */
  figure?: string;
}

const PROBE_ITEM: CslItem = { id: "probe", type: "book", title: "Probe", author: [{ family: "Probe", given: "Ann" }], issued: { "date-parts": [[2000]] } } as CslItem;
const traitsCache = new Map<string, { styleXml: unknown; localeXml: unknown; traits: StyleTraits | undefined }>();

/**
 * How a style treats locators and `@key`, found by formatting one work four ways (with the
 * content cache, and the style's engine, as any post): once per style and locale while
 * their XML is unchanged, the same object each time. Undefined when the style cannot format.
 */
export function styleTraits(style: CitationStyle): StyleTraits | undefined {
  const registry = csl();
  const styleXml = registry.styles.get(style.style);
  const localeXml = registry.locales.get(style.locale) ?? registry.locales.get(style.locale.replace("-", "_"));
  const key = `${style.style}|${style.locale}`;
  const known = traitsCache.get(key);
  if (known && known.styleXml === styleXml && known.localeXml === localeXml) return known.traits;
  let traits: StyleTraits | undefined;
  try {
    const text = (cluster: ClusterItem) => {
      const out = formatCitations({ items: [PROBE_ITEM], clusters: [[cluster]], style });
      return { citation: plainText(out.citations[0] ?? ""), whole: plainText(`${out.citations[0] ?? ""} ${out.notes[0] ?? ""}`) };
    };
    const plain = text({ id: "probe", mode: "normal" });
    const located = text({ id: "probe", mode: "normal", locator: "987", label: "page" });
    const narrative = text({ id: "probe", mode: "author-in-text" });
    const figure = /(\p{L}+\.?)\s*654/u.exec(text({ id: "probe", mode: "normal", locator: "654", label: "figure" }).whole)?.[1];
    traits = { locators: located.whole.includes("987"), narrative: narrative.citation !== plain.citation, ...(figure ? { figure } : {}) };
  } catch {
    traits = undefined;
  }
  traitsCache.set(key, { styleXml, localeXml, traits });
  return traits;
}

const plainText = (html: string) => html.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();

/**
 * citeproc-js looks for inline markup and quotes (<i>, "…", the locale's “…”) in every
 * string it outputs, building a large regular expression each time: a sixth of its time
 * on APA. Every such tag contains "<", a straight quote or a character of the locale's
 * quote marks, and a curly apostrophe becomes a straight one first: a string with none
 * of these characters has no tag, and citeproc-js leaves it as it is. So does this.
 * Applied to an engine; exported for its test.
 */
export function skipPlainStrings(engine: any): void {
  const flipflopper = engine.fun.flipflopper;
  const processTags = flipflopper.processTags as (blob: { blobs: unknown }) => void;
  const quoteMarks = ["open-quote", "close-quote", "open-inner-quote", "close-inner-quote"].map((term) => engine.getTerm(term)).filter((mark) => typeof mark === "string");
  const characters = new Set(["<", '"', "'", "\u2019", ...quoteMarks.flatMap((mark: string) => [...mark])]);
  characters.delete(" ");
  const maybeTag = new RegExp(`[${[...characters].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join("")}]`, "u");
  flipflopper.processTags = function (this: unknown, blob: { blobs: unknown }): void {
    if (typeof blob.blobs === "string" && !maybeTag.test(blob.blobs)) return;
    processTags.call(this, blob);
  };
}

// The empty state restoreProcessorState([]) leaves, without its registry update first.
function resetEngine(engine: any): void {
  engine.registry = new CSL.Registry(engine);
  engine.tmp = new CSL.Engine.Tmp();
  engine.disambiguate = new CSL.Disambiguation(engine);
}

function formatWith(engine: any, data: CslItem[], clusters: ClusterItem[][], style: string): FormattedCitations {
  // Each processCitationCluster registers the works cited so far, in order of first citation
  // (as a numeric style numbers them), and drops any other work not listed as uncited.
  const cited = [...new Set(clusters.flat().map((c) => c.id))];
  // Registering every cited work first would only have the first cluster drop them again
  // (about 5 ms a post); a note style keeps it, as its disambiguation (which counts the cites
  // of each work) can come out differently without it.
  if (engine.opt.xclass === "note") engine.updateItems(cited);
  // Listed but not cited (nocite, post references): processCitationCluster would drop them from plain updateItems.
  engine.updateUncitedItems(data.map((i) => i.id).filter((id) => !cited.includes(id)));

  // A note style puts each cluster in a footnote of its own: numbered for citeproc-js, which chooses "Ibid." and short forms by them.
  const note = engine.opt.xclass === "note";
  const noteIndex = (i: number) => (note ? i + 1 : 0);
  // A link to a URL inside a citation would nest in the link to the entry, which links the URL itself.
  engine.opt.development_extensions.wrap_url_and_doi = false;
  const outputs: string[] = [];
  const done: [string, number][] = [];
  clusters.forEach((cluster, i) => {
    const citationItems = cluster.map(citeprocItem);
    // As pandoc does: a prefix on a later work ("see A; also B") fixes the order the writer chose.
    const unsorted = cluster.slice(1).some((c) => c.prefix);
    const citation = { citationID: `c${i}`, citationItems, properties: { noteIndex: noteIndex(i), ...(unsorted ? { unsorted: true } : {}) } };
    const [, updates] = engine.processCitationCluster(citation, done, []) as [unknown, [number, string, string][]];
    for (const [index, html] of updates) outputs[index] = html;
    done.push([`c${i}`, noteIndex(i)]);
  });

  const rendered = clusters.map((cluster, i) => {
    const html = withLayoutAffixes(engine, outputs[i] ?? "");
    const first = cluster[0]!;
    let author = "";
    if (first.mode === "author-in-text") {
      // "Smith (2004)": the author as the style names them, then the rest of the cluster.
      // A numeric style names no author in citations; pandoc then prints the citation alone.
      // In a footnote style the name takes the form of the cite's place, as pandoc does:
      // in full the first time, short after (an "Ibid." names no one, so short too).
      const position = note ? citedPosition(engine, `c${i}`, first.id) : 0;
      const name: string = engine.makeCitationCluster([{ id: first.id, "author-only": true, ...(position ? { position: 1 } : {}) }]);
      if (name && !name.includes("[NO_PRINTED_FORM]")) author = name;
    }
    const marker = STYLE_ERROR.exec(`${author} ${html}`);
    if (marker) throw new CitationError(`the citation style "${style}" failed on the citation of "${first.id}": ${marker[0]}`);
    return note ? footnoteCluster(capitalizeFirst(html), cluster, author, i + 1) : inTextCluster(html, cluster, author);
  });
  const citations = rendered.map((r) => r.citation);
  const notes = note ? rendered.map((r) => r.note ?? "") : [];
  engine.opt.development_extensions.wrap_url_and_doi = true;

  const sortedIds: string[] = engine.registry.getSortedIds();
  const [, entries] = engine.makeBibliography() as [unknown, string[]];
  const bibliography = entries.map((html, i) => {
    const entry: FormattedEntry = { id: sortedIds[i]!, html: html.trim() };
    const marker = STYLE_ERROR.exec(entry.html);
    if (marker) throw new CitationError(`the citation style "${style}" failed on reference "${entry.id}": ${marker[0]}`);
    return entry;
  });
  return { citations, notes, bibliography };
}

/** Format a bibliography of `items` alone, sorted as the style says. */
export function formatBibliography(items: CslItem[], style: CitationStyle): FormattedEntry[] {
  return formatCitations({ items, clusters: [], style }).bibliography;
}

// citeproc-js puts URL and DOI into href="…" escaping & and < but not quotes: percent-encode
// what could end the attribute (the same address for a browser). Also copies the item,
// which citeproc-js mutates.
function linkSafe(item: CslItem): CslItem {
  // citeproc-js hands a cite to wrapCitationEntry only when its item has a system_id.
  const copy: CslItem = { ...structuredClone(item), system_id: item.id };
  for (const field of ["URL", "DOI"] as const) {
    if (typeof copy[field] === "string") copy[field] = (copy[field] as string).replace(/["'<>`\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  }
  return copy;
}

// citeproc-js's position of a cite after processing: 0 first, 1 subsequent, 2 and 3 ibid.
function citedPosition(engine: any, citationID: string, id: string): number {
  const sorted: [unknown, { id: string; position?: number }][] = engine.registry.citationreg.citationById[citationID]?.sortedItems ?? [];
  return sorted.find(([, item]) => String(item.id) === id)?.[1].position ?? 0;
}

// A footnote starts with a capital, as pandoc writes it: "See Ibid." from [see @a].
function capitalizeFirst(html: string): string {
  return html.replace(/^((?:<[^>]*>)*)(\p{Ll})/u, (_, tags: string, letter: string) => tags + letter.toUpperCase());
}

// `@key says` names the author in the text: the citation leaves it out (a footnote too, as pandoc does).
function citeprocItem(c: ClusterItem): Record<string, unknown> {
  return {
    id: c.id,
    ...(c.prefix ? { prefix: c.prefix } : {}),
    ...(c.suffix ? { suffix: c.suffix } : {}),
    ...(c.locator ? { locator: c.locator, label: c.label ?? "page" } : {}),
    ...(c.mode !== "normal" ? { "suppress-author": true } : {}),
  };
}

// Each cite of a cluster comes out of citeproc-js wrapped in a token naming its work
// (citeproc-js's citation wrapper), so a style that merges works ("Doe, 2005a, 2005b",
// "1–3") still shows which text is which work. citeproc-js escapes "<" in every field
// and affix, so every token in its output is ours; the id inside is percent-encoded.
const CITE_TOKEN = /<chatpost-cite(?: ([^>]*))?>|<\/chatpost-cite>/g;

function wrapEachCite(engine: any): void {
  engine.sys.wrapCitationEntry = (html: string, id: unknown) => `<chatpost-cite${typeof id === "string" ? ` ${encodeURIComponent(id)}` : ""}>${html}</chatpost-cite>`;
  engine.opt.development_extensions.apply_citation_wrapper = true;
  // A cite rendered as a bare number (the "1" of "1–3") loses the wrapper's item id inside
  // citeproc-js; the number keeps it as `id`. Per engine: setOutputFormat makes a new table.
  engine.fun.decorate["@cite"].entry = function (this: { item_id?: unknown; id?: unknown; locator_txt?: string; suffix_txt?: string }, state: any, html: string) {
    return state.sys.wrapCitationEntry(html, this.item_id ?? this.id, this.locator_txt, this.suffix_txt);
  };
}

// plugin-csl hands the cached engine to any other caller: leave it as it was.
function unwrapCites(engine: any): void {
  delete engine.sys.wrapCitationEntry;
  engine.opt.development_extensions.apply_citation_wrapper = false;
}

/**
 * With the wrapper, citeproc-js leaves out the layout's prefix and suffix ("(" and ")",
 * a footnote's final "."): put them back as it does, escaped as it escapes them, with
 * its merging of a final "." into the punctuation or closing quote that ends the text
 * ("Ibid." not "Ibid..", “Title.” in American English).
 */
function withLayoutAffixes(engine: any, html: string): string {
  if (!html) return html;
  const escape: (text: string) => string = engine.fun.decorate.text_escape;
  const prefix: string = engine.citation.opt.layout_prefix ?? "";
  let suffix: string = engine.citation.opt.layout_suffix ?? "";
  let body = html;
  if (/^[:.;!?]/.test(suffix)) suffix = suffix[0]!;
  if (/^[.,;:!?]/.test(suffix)) {
    // The last visible character, behind closing tags, tokens and the locale's closing quotes
    // (one that closes a quotation: an apostrophe is not a quote).
    const pairs = new Map<string, string>([[engine.getTerm("close-quote"), engine.getTerm("open-quote")], [engine.getTerm("close-inner-quote"), engine.getTerm("open-inner-quote")]]);
    let at = body.length;
    let quoteAt = -1;
    while (at > 0) {
      const open = pairs.get(body[at - 1]!);
      if (body[at - 1] === ">" && body.lastIndexOf("<", at - 1) >= 0) at = body.lastIndexOf("<", at - 1);
      else if (open && body.lastIndexOf(open, at - 2) >= 0) quoteAt = at -= 1;
      else break;
    }
    const last = body[at - 1] ?? "";
    if ((/[.!?]/.test(last) && suffix === ".") || last === suffix) suffix = "";
    else if (quoteAt >= 0 && /^[.,]$/.test(suffix) && engine.getOpt("punctuation-in-quote")) {
      // Inside the closing quote, after any tag that closes before it.
      body = body.slice(0, quoteAt) + suffix + body.slice(quoteAt);
      suffix = "";
    }
  }
  return `${escape(prefix)}${body}${escape(suffix)}`;
}

const anchorLink = (id: string) => `<a href="#${escapeHtml(referenceAnchor(id))}">`;

/** The cluster's HTML with each wrapped cite linked to its work's entry; false when no cite names a work of the cluster. */
function linkEachCite(html: string, ids: string[]): { html: string; linked: boolean } {
  let open = false;
  let linked = false;
  const out = html.replace(CITE_TOKEN, (token, encoded: string | undefined) => {
    if (token.startsWith("</")) {
      const close = open ? "</a>" : "";
      open = false;
      return close;
    }
    let id: string | undefined;
    try {
      id = encoded === undefined ? undefined : decodeURIComponent(encoded);
    } catch {
      id = undefined;
    }
    open = id !== undefined && ids.includes(id);
    linked ||= open;
    return open ? anchorLink(id!) : "";
  });
  return { html: out, linked };
}

const stripCites = (html: string) => html.replace(CITE_TOKEN, "");

/** An in-text cluster as a span naming its works, each work linked to its entry. */
function inTextCluster(html: string, cluster: ClusterItem[], author: string): { citation: string; note?: string } {
  const ids = [...new Set(cluster.map((c) => c.id))];
  const open = `<span class="citation" data-cites="${escapeHtml(ids.join(" "))}">`;
  // One work: the whole citation is its link, as it always was.
  if (ids.length === 1) return { citation: `${open}${anchorLink(ids[0]!)}${stripCites(author ? `${author} ${html}` : html)}</a></span>` };
  const each = linkEachCite(html, ids);
  if (!each.linked) return { citation: `${open}${anchorLink(ids[0]!)}${stripCites(author ? `${author} ${html}` : html)}</a></span>` };
  // "Smith (2004; see also Doe, 2005)": the name links to the work it names.
  return { citation: `${open}${author ? `${anchorLink(cluster[0]!.id)}${author}</a> ` : ""}${each.html}</span>` };
}

/** The id of the n-th footnote of citations (1-based) and of its reference in the text. */
export const noteAnchor = (n: number) => `cite-note-${n}`;
export const noteRefAnchor = (n: number) => `cite-ref-${n}`;

/**
 * With a note style, a cluster is a footnote: in the text, a superscript number linked to
 * the note (after the author, for `@key says`); in the note, the citation, each work linked.
 */
function footnoteCluster(html: string, cluster: ClusterItem[], author: string, n: number): { citation: string; note: string } {
  const ids = [...new Set(cluster.map((c) => c.id))];
  const ref = `<a href="#${noteAnchor(n)}" id="${noteRefAnchor(n)}" class="footnote-ref" role="doc-noteref" aria-label="Note ${n}"><sup>${n}</sup></a>`;
  const named = author ? `${anchorLink(cluster[0]!.id)}${author}</a>` : "";
  const each = linkEachCite(html, ids);
  return {
    citation: `<span class="citation" data-cites="${escapeHtml(ids.join(" "))}">${named}${ref}</span>`,
    note: each.linked ? each.html : `${anchorLink(ids[0]!)}${stripCites(html)}</a>`,
  };
}

/**
 * The footnotes of a note style, as a list; each note links back to its reference in the text.
 * Each work's link in a note says its language (from `bibliography`, the formatted entries)
 * when that is not the page's, and its direction when that is not the page's either, as its
 * entry does (bibliographyHtml).
 */
export function notesHtml(notes: string[], bibliography: FormattedEntry[] = [], pageLanguage?: string): string {
  if (!notes.length) return "";
  const langs = new Map<string, string>();
  for (const entry of bibliography) {
    const attributes = languageAttributes(entry, pageLanguage);
    if (attributes) langs.set(referenceAnchor(entry.id), attributes);
  }
  // Every link to an entry in a note is anchorLink's: citeproc-js escapes "<" in what it prints.
  const marked = (note: string) =>
    langs.size ? note.replace(/<a href="#([^"]*)">/g, (link, anchor: string) => (langs.has(anchor) ? `<a href="#${anchor}"${langs.get(anchor)!}>` : link)) : note;
  const items = notes
    .map((note, i) => `<li id="${noteAnchor(i + 1)}">${marked(note)} <a href="#${noteRefAnchor(i + 1)}" class="footnote-back" role="doc-backlink" aria-label="Back to note reference ${i + 1}">↩︎</a></li>`)
    .join("\n");
  return `<ol class="notes">\n${items}\n</ol>`;
}

/** The anchor id of a bibliography entry. */
export function referenceAnchor(id: string): string {
  return `ref-${id.replace(/[^\p{L}\p{N}_-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;
}

/**
 * The bibliography as an HTML list; each entry has an anchor. An entry for a work in another
 * language than the page's (`pageLanguage`, the site's language) says which, so that screen
 * readers read its title in that language's voice (WCAG 3.1.2); without `pageLanguage`, every
 * entry whose work names its language says it. One whose language runs the other way (Arabic
 * on an English page, English on an Arabic one) says its direction too, so that its words and
 * punctuation are laid out in its own order.
 */
export function bibliographyHtml(entries: FormattedEntry[], pageLanguage?: string): string {
  if (!entries.length) return "";
  const items = entries
    .map((e) => {
      return `<li id="${escapeHtml(referenceAnchor(e.id))}" class="csl-entry"${languageAttributes(e, pageLanguage)}>${stripEntryWrapper(e.html)}</li>`;
    })
    .join("\n");
  return `<ol class="references csl-bib-body" role="list">\n${items}\n</ol>`;
}

/**
 * The attributes a work's entry needs on a page in `pageLanguage`: its lang when that is not
 * the page's, and its dir when its language runs the other way; "" for the page's language.
 * A page without a language is taken to run left to right, as browsers do.
 */
function languageAttributes(entry: FormattedEntry, pageLanguage: string | undefined): string {
  const lang = otherLanguage(entry, pageLanguage);
  if (!lang) return "";
  const direction = textDirection(lang);
  return ` lang="${escapeHtml(lang)}"${direction !== (pageLanguage ? textDirection(pageLanguage) : "ltr") ? ` dir="${direction}"` : ""}`;
}

/** The entry's language when a page in `pageLanguage` needs to say it: another language, or another script of it (zh-Hant on a zh-Hans page). */
function otherLanguage(entry: FormattedEntry, pageLanguage: string | undefined): string | undefined {
  if (!entry.lang || !pageLanguage) return entry.lang;
  try {
    const [work, page] = [new Intl.Locale(entry.lang).maximize(), new Intl.Locale(pageLanguage).maximize()];
    return work.language === page.language && work.script === page.script ? undefined : entry.lang;
  } catch {
    return entry.lang;
  }
}

// citeproc-js wraps every entry in <div class="csl-entry">; the <li> takes its place.
function stripEntryWrapper(html: string): string {
  const m = /^<div class="csl-entry">([\s\S]*)<\/div>$/.exec(html);
  return (m ? m[1]! : html).trim();
}
