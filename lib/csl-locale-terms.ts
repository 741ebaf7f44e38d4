// The terms of CSL locales (the words a locale gives for "page", "table"…), read from the
// locale XML citation-js holds: its built-in locales and those lib/citation-styles.ts
// registers from the site's files. Locale files are flat lists of `<term name=… form=…>`
// elements holding either text or `<single>`/`<multiple>`, so a pattern reads them without
// a full XML parser.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { BUILT_IN_LOCALES } from "./citation-styles.ts";

/** A `<term>` element of a CSL locale as written: its attributes' values, and its content (markup in it kept). */
export interface CslTermElement {
  name: string | undefined;
  form: string | undefined;
  content: string;
}

/** The `<term>` elements of CSL XML (a locale file, or a style's `<locale>` blocks), in order; comments are not read. */
export function cslTermElements(xml: string): CslTermElement[] {
  const terms: CslTermElement[] = [];
  for (const m of xml.replace(/<!--[\s\S]*?-->/g, "").matchAll(/<term\b([^>]*?)(?:\/>|>([\s\S]*?)<\/term>)/g)) {
    const attribute = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(m[1]!)?.slice(1).find((v) => v !== undefined);
    terms.push({ name: attribute("name"), form: attribute("form"), content: m[2] ?? "" });
  }
  return terms;
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text with its character references decoded. */
export function decodeXml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (whole, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (XML_ENTITIES[name] ?? whole));
}

/** The words of a term's markup as a reader sees them: tags out, references decoded, white space made one space. */
export function termText(markup: string): string {
  return decodeXml(markup.replace(/<[^>]*>/g, "")).replace(/\s+/gu, " ").trim();
}

/** The name citation-js holds a citation locale under: a file (locales/locales-it-IT.xml) is registered under its language. */
export function citationLocaleName(locale: string): string {
  return /([a-z]{2,3}-[A-Z]{2})(?:\.xml)?$/.exec(locale)?.[1] ?? locale;
}

/** The XML of the CSL locale citation-js holds under `name`, if any. */
export function cslLocale(name: string): string | undefined {
  const xml: unknown = plugins.config.get("@csl").locales.get(name);
  return typeof xml === "string" ? xml : undefined;
}

/**
 * The "table" term of a CSL locale in `language`: of the site's citation locale
 * (`citationLocale`, a name or a file) or of one citation-js has built in, the exact tag
 * first (de-AT), then the language's (de-DE). Not a term the locale left in English, as
 * locales do with the words nobody translated yet (citation-js's de-DE says "table").
 */
export function localeTableTerm(language: string, citationLocale: string | undefined): string | undefined {
  const tag = (name: string) => name.replace("_", "-").toLowerCase();
  const primary = (name: string) => tag(name).split("-")[0]!;
  const names = [...new Set([...(citationLocale ? [citationLocaleName(citationLocale)] : []), ...BUILT_IN_LOCALES])];
  const english = tableTerm(cslLocale("en-US"))?.toLowerCase();
  const candidates = [...names.filter((n) => tag(n) === tag(language)), ...names.filter((n) => primary(n) === primary(language))];
  for (const name of candidates) {
    const term = tableTerm(cslLocale(name));
    if (term && term.toLowerCase() !== english) return term;
  }
  return undefined;
}

// Keyed by the locale's XML, so an edited locale file is read again.
const tableTerms = new Map<string, string | undefined>();

/** The long singular "table" term of a CSL locale's XML. */
function tableTerm(xml: string | undefined): string | undefined {
  if (xml === undefined) return undefined;
  if (tableTerms.has(xml)) return tableTerms.get(xml);
  let found: string | undefined;
  for (const term of cslTermElements(xml)) {
    if (term.name !== "table" || (term.form ?? "long") !== "long") continue;
    const single = /<single\b[^>]*>([\s\S]*?)<\/single>/.exec(term.content)?.[1] ?? term.content;
    const text = termText(single);
    if (text) {
      found = text;
      break;
    }
  }
  tableTerms.set(xml, found);
  return found;
}
