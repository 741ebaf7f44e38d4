// The locator words a writer may put after a citation key ("p. 33", "S. 33",
// "Kap. 2"), read from a CSL locale as pandoc's citeproc reads them
// (Text.Pandoc.Citeproc.Locator, toLocatorMap): every form of every locator
// term of the locale (long, short, symbol, verb; singular and plural) maps to
// its CSL label, compared case-insensitively. Only the terms of the locale (and
// of the style's own <locale> blocks for its language) count: pandoc has no
// English fallback, so under de-DE "p. 33" is not a locator.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { cslTermElements, termText } from "./csl-locale-terms.ts";

/** Normalised term text → CSL locator label. */
export type LocatorTerms = ReadonlyMap<string, string>;

/** One way a locale writes a locator term: "pp." is the short plural of page. */
export interface LocatorSpelling {
  /** As the locale writes it (white space made one space), e.g. "S." or "pp.". */
  text: string;
  /** The CSL locator label. */
  label: string;
  form: "long" | "short" | "symbol" | "verb" | "verb-short";
  plural: boolean;
}

// Each table's spellings, in the order the table was built from (the style's own first).
const spellingsOf = new WeakMap<LocatorTerms, readonly LocatorSpelling[]>();

/** The spellings behind a table made by locatorTermsFromXml or citationLocatorTerms (none for another map). */
export function locatorSpellings(terms: LocatorTerms): readonly LocatorSpelling[] {
  return spellingsOf.get(terms) ?? [];
}

// pandoc's list, in its order: when two labels share a word (page and
// number-of-pages both have "p."), the earlier one wins, as in pandoc.
const LOCATOR_TERM_NAMES = [
  "book", "chapter", "column", "figure", "folio", "issue", "line", "note", "opus", "page",
  "number-of-pages", "paragraph", "part", "section", "sub verbo", "sub-verbo", "verse", "volume",
];

// CSL 1.0.2 locales name the term "sub-verbo"; citeproc-js takes either label, and "sub verbo" is the CSL 1.0 one.
const LABEL_OF_TERM: Record<string, string> = { "sub-verbo": "sub verbo" };

/**
 * How a term and the text after a key are compared: case-insensitive, and any
 * run of white space as one space. The latter is ours: de-DE writes "s.&#160;v.",
 * which pandoc matches only when the writer types the no-break space.
 */
export function normaliseTerm(text: string): string {
  return text.replace(/\s+/gu, " ").trim().toLowerCase();
}

/** The locator-term table of a CSL locale file (its `<term>` elements read by lib/csl-locale-terms.ts). */
export function locatorTermsFromXml(xml: string): LocatorTerms {
  const found = new Map<string, LocatorSpelling[]>();
  for (const element of cslTermElements(xml)) {
    const term = element.name ?? "";
    if (!LOCATOR_TERM_NAMES.includes(term)) continue;
    const body = element.content;
    const form = (element.form || "long") as LocatorSpelling["form"];
    const forms = /<(single|multiple)\b/.test(body)
      ? [...body.matchAll(/<(single|multiple)\b[^>]*>([\s\S]*?)<\/(?:single|multiple)>/g)].map((f) => ({ text: f[2]!, plural: f[1] === "multiple" }))
      : [{ text: body, plural: false }];
    const list = found.get(term) ?? [];
    const label = LABEL_OF_TERM[term] ?? term;
    for (const f of forms) {
      const text = termText(f.text);
      if (text) list.push({ text, label, form, plural: f.plural });
    }
    found.set(term, list);
  }
  const table = new Map<string, string>();
  const spellings: LocatorSpelling[] = [];
  for (const term of LOCATOR_TERM_NAMES) {
    for (const spelling of found.get(term) ?? []) {
      const text = normaliseTerm(spelling.text);
      if (!table.has(text)) table.set(text, spelling.label);
      spellings.push(spelling);
    }
  }
  spellingsOf.set(table, spellings);
  return table;
}

const csl = () => plugins.config.get("@csl");
const cache = new Map<string, { styleXml: unknown; localeXml: string; terms: LocatorTerms }>();
// Equal tables are one object, so that callers can compare tables by identity (APA adds
// no locator term to en-US: its table is en-US's, and a post resolved for one serves both).
const interned = new Map<string, LocatorTerms>();
function intern(terms: LocatorTerms): LocatorTerms {
  const signature = JSON.stringify([[...terms], locatorSpellings(terms)]);
  const known = interned.get(signature);
  if (known) return known;
  interned.set(signature, terms);
  return terms;
}

/**
 * The `<locale>` blocks of a style that apply to `locale`, as citeproc's mergeLocales
 * picks them: the exact language ("de-DE"), the bare language ("de"), and no language.
 * (citeproc also takes a style block for the language's primary dialect, "de-DE" for
 * a "de-AT" document; no built-in locale needs it.)
 */
export function styleLocaleBlocks(styleXml: string, locale: string): string[] {
  const language = locale.split("-")[0]!.toLowerCase();
  const blocks: string[] = [];
  for (const m of styleXml.replace(/<!--[\s\S]*?-->/g, "").matchAll(/<locale\b([^>]*?)(?:\/>|>([\s\S]*?)<\/locale>)/g)) {
    const lang = /\bxml:lang\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1]!);
    const tag = lang ? (lang[1] ?? lang[2])!.replace("_", "-") : "";
    if (!tag || tag.toLowerCase() === locale.toLowerCase() || tag.toLowerCase() === language) blocks.push(m[2] ?? "");
  }
  return blocks;
}

/**
 * The table for a site's citations: the locator terms of `locale` as citation-js has
 * it (built in, or registered from a file by lib/citation-styles.ts), plus those the
 * style defines for that language in its own `<locale>` blocks (Vancouver's "sect."),
 * as pandoc merges them. Cached while both XMLs are unchanged. A locale citation-js
 * does not have gives en-US's table: the settings check reports that locale already.
 */
export function citationLocatorTerms(style: string | undefined, locale: string): LocatorTerms {
  const locales = csl().locales;
  const localeXml: unknown = locales.get(locale) ?? locales.get(locale.replace("-", "_"));
  if (typeof localeXml !== "string") return locale === "en-US" ? new Map() : citationLocatorTerms(style, "en-US");
  const styleXml: unknown = style === undefined ? undefined : csl().styles.get(style);
  const key = `${style ?? ""}\u0000${locale}`;
  const hit = cache.get(key);
  if (hit && hit.localeXml === localeXml && hit.styleXml === styleXml) return hit.terms;
  const fromStyle = typeof styleXml === "string" ? styleLocaleBlocks(styleXml, locale).join("\n") : "";
  const terms = intern(locatorTermsFromXml(`${fromStyle}\n${localeXml}`));
  cache.set(key, { styleXml, localeXml, terms });
  return terms;
}

/** The table of a locale alone, with no style's additions. */
export function localeLocatorTerms(locale: string): LocatorTerms {
  return citationLocatorTerms(undefined, locale);
}
