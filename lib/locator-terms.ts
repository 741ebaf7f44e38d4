// The locator words a writer may put after a citation key ("p. 33", "S. 33",
// "Kap. 2"), read from a CSL locale as pandoc's citeproc reads them
// (Text.Pandoc.Citeproc.Locator, toLocatorMap): every form of every locator
// term of the locale (long, short, symbol, verb; singular and plural) maps to
// its CSL label, compared case-insensitively. Only the locale's own terms
// count: under de-DE, "p. 33" is not a locator, as in pandoc.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";

/** Normalised term text → CSL locator label. */
export type LocatorTerms = ReadonlyMap<string, string>;

// pandoc's list, in its order: when two labels share a word (page and
// number-of-pages both have "p."), the earlier one wins, as in pandoc.
const LOCATOR_TERM_NAMES = [
  "book", "chapter", "column", "figure", "folio", "issue", "line", "note", "opus", "page",
  "number-of-pages", "paragraph", "part", "section", "sub verbo", "sub-verbo", "verse", "volume",
];

// CSL 1.0.2 locales name the term "sub-verbo"; citeproc-js takes either label, and "sub verbo" is the CSL 1.0 one.
const LABEL_OF_TERM: Record<string, string> = { "sub-verbo": "sub verbo" };

/**
 * How a term and the text after a key are compared: case-insensitive, and
 * any run of white space (a locale writes "s.&#160;v.") as one space.
 */
export function normaliseTerm(text: string): string {
  return text.replace(/\s+/gu, " ").trim().toLowerCase();
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decodeXml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (whole, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (ENTITIES[name] ?? whole));
}

/**
 * The locator-term table of a CSL locale file. Locale files are flat lists of
 * `<term name=… form=…>` elements holding either text or `<single>`/`<multiple>`,
 * so a pattern reads them without a full XML parser.
 */
export function locatorTermsFromXml(xml: string): LocatorTerms {
  const found = new Map<string, string[]>();
  const source = xml.replace(/<!--[\s\S]*?-->/g, "");
  for (const m of source.matchAll(/<term\b([^>]*?)(?:\/>|>([\s\S]*?)<\/term>)/g)) {
    const name = /\bname\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1]!);
    const term = name ? (name[1] ?? name[2])! : "";
    if (!LOCATOR_TERM_NAMES.includes(term)) continue;
    const body = m[2] ?? "";
    const forms = /<(single|multiple)\b/.test(body)
      ? [...body.matchAll(/<(?:single|multiple)\b[^>]*>([\s\S]*?)<\/(?:single|multiple)>/g)].map((f) => f[1]!)
      : [body];
    const list = found.get(term) ?? [];
    list.push(...forms.map((f) => normaliseTerm(decodeXml(f.replace(/<[^>]*>/g, "")))).filter(Boolean));
    found.set(term, list);
  }
  const table = new Map<string, string>();
  for (const term of LOCATOR_TERM_NAMES) {
    for (const text of found.get(term) ?? []) if (!table.has(text)) table.set(text, LABEL_OF_TERM[term] ?? term);
  }
  return table;
}

const csl = () => plugins.config.get("@csl");
const cache = new Map<string, { xml: string; terms: LocatorTerms }>();

/**
 * The table of a locale citation-js has (built in, or registered from a file by
 * lib/citation-styles.ts), cached while its XML is unchanged. A locale it does
 * not have gives en-US's table: the settings check reports that locale already.
 */
export function localeLocatorTerms(locale: string): LocatorTerms {
  const locales = csl().locales;
  const xml: unknown = locales.get(locale) ?? locales.get(locale.replace("-", "_"));
  if (typeof xml !== "string") return locale === "en-US" ? new Map() : localeLocatorTerms("en-US");
  const hit = cache.get(locale);
  if (hit && hit.xml === xml) return hit.terms;
  const terms = locatorTermsFromXml(xml);
  cache.set(locale, { xml, terms });
  return terms;
}
