// The citation style and locale named in the site settings: a built-in name
// (apa, vancouver, harvard1; en-US, de-DE, …) or a CSL file in the site's folder.
// Files are registered with citation-js under a name that holds their content
// hash, so an edited file is picked up and an unchanged one is registered once.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { siteCitationFiles } from "./citation-files.ts";
import { hasLocale, hasStyle, registerLocale, registerStyle, type CitationStyle } from "./citations.ts";
import type { Diagnostic } from "./diagnostics.ts";
import { readYamlDocument } from "./front-matter.ts";
import { SETTINGS_FILE, type Settings } from "./settings.ts";
import { closestName } from "./suggest.ts";

export const BUILT_IN_STYLES = ["apa", "vancouver", "harvard1"];
// The locales citation-js bundles. A locale file registers its language too: only these
// names are read as built in, so that `locale: en-GB` does not depend on what ran before.
export const BUILT_IN_LOCALES = ["en-US", "de-DE", "es-ES", "fr-FR", "nl-NL"];

export interface ResolvedStyle {
  style?: CitationStyle;
  diagnostics: Diagnostic[];
}

const isFile = (name: string, ext: string) => name.endsWith(ext) || name.includes("/");

/** Resolve and register the settings' style and locale; every problem names the settings file and field. */
export function resolveCitationStyle(root: string, citations: Settings["citations"]): ResolvedStyle {
  const diagnostics: Diagnostic[] = [];
  const problem = (field: "style" | "locale", message: string, fix: string) =>
    diagnostics.push({ severity: "error", file: SETTINGS_FILE, ...settingsLine(root, field), field: `citations.${field}`, message, fix });

  let style: string | undefined;
  if (isFile(citations.style, ".csl")) {
    const xml = readSiteFile(root, citations.style);
    const meant = xml === undefined ? meantStyle(root, citations.style) : [];
    if (xml === undefined) problem("style", `the style file ${citations.style} was not found`, meant.length ? didYouMean("style", meant) : "give the path of a .csl file from the site's folder, e.g. styles/nature.csl");
    else if (!/<style[\s>]/.test(xml) || !/<citation[\s>]/.test(xml)) problem("style", `${citations.style} is not a CSL style (no <style> with a <citation>)`, "download the style's .csl file from https://github.com/citation-style-language/styles");
    else {
      style = `file:${citations.style}#${hash(xml)}`;
      if (!hasStyle(style)) registerStyle(style, xml);
    }
  } else if (hasStyle(citations.style) && BUILT_IN_STYLES.includes(citations.style)) style = citations.style;
  else {
    const meant = meantStyle(root, citations.style);
    problem("style", `"${citations.style}" is not a citation style chatpost knows`, meant.length ? didYouMean("style", meant) : `use ${BUILT_IN_STYLES.join(", ")}, or the path of a .csl file in the site's folder, e.g. styles/nature.csl`);
  }

  let locale: string | undefined;
  if (isFile(citations.locale, ".xml")) {
    const xml = readSiteFile(root, citations.locale);
    const lang = xml && /<locale\b[^>]*\bxml:lang="([^"]+)"/.exec(xml)?.[1];
    const meant = xml === undefined ? meantLocale(root, citations.locale) : [];
    if (xml === undefined) problem("locale", `the locale file ${citations.locale} was not found`, meant.length ? didYouMean("locale", meant) : "give the path of a CSL locale file from the site's folder, e.g. locales/locales-en-GB.xml");
    else if (!lang) problem("locale", `${citations.locale} is not a CSL locale (no <locale xml:lang="…">)`, "download the locale from https://github.com/citation-style-language/locales");
    else {
      locale = lang;
      registerLocale(lang, xml);
    }
  } else if (BUILT_IN_LOCALES.includes(citations.locale) && hasLocale(citations.locale)) locale = citations.locale;
  else {
    const meant = meantLocale(root, citations.locale);
    const tag = localeTag(citations.locale);
    const download = tag && /-/.test(tag) ? localeDownload(tag) : undefined;
    problem(
      "locale",
      `"${citations.locale}" is not a citation locale chatpost has`,
      meant.length ? didYouMean("locale", meant) : download ?? `use ${BUILT_IN_LOCALES.slice(0, -1).join(", ")} or ${BUILT_IN_LOCALES[BUILT_IN_LOCALES.length - 1]}, or the path of a CSL locale file in the site's folder, e.g. locales/locales-en-GB.xml`,
    );
  }

  return style && locale && !diagnostics.length ? { style: { style, locale }, diagnostics } : { diagnostics };
}

/** "did you mean harvard1? write style: harvard1", each value as it is to be written. */
function didYouMean(field: "style" | "locale", values: readonly string[]): string {
  const or = (words: readonly string[]) => (words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}` : words[0]!);
  return `did you mean ${or(values)}? write ${or(values.map((v) => `${field}: ${v}`))}`;
}

const squash = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
const baseName = (file: string) => path.basename(file).replace(/\.[^.]*$/, "");

/**
 * The style values a writer who wrote `written` meant: `APA` is apa, `harvard` harvard1
 * (a name with an edition number), `nature` or `nature.csl` the site's styles/nature.csl,
 * `vancover` vancouver. Edit distance only for names of five letters or more: `ama` and
 * `mla` are styles of their own, not apa.
 */
function meantStyle(root: string, written: string): string[] {
  const files = siteCitationFiles(root, "styles", ".csl").filter((file) => file !== written);
  const candidates = [...BUILT_IN_STYLES.map((name) => ({ value: name, name })), ...files.map((file) => ({ value: file, name: baseName(file) }))];
  const word = squash(baseName(written.trim()));
  if (!word) return [];
  const same = candidates.filter((c) => squash(c.name) === word);
  if (same.length) return same.map((c) => c.value);
  // `harvard` for harvard1, `apa7` or `apa 7th` for apa: the same name, but for an edition.
  const edition = candidates.filter((c) => {
    const [short, long] = [squash(c.name), word].sort((a, b) => a.length - b.length) as [string, string];
    return short.length >= 3 && long.startsWith(short) && /^\d+(st|nd|rd|th)?(edition|ed)?$/.test(long.slice(short.length));
  });
  if (edition.length) return edition.map((c) => c.value);
  if (word.length < 5) return [];
  const near = closestName(word, candidates.map((c) => squash(c.name)));
  return near === undefined ? [] : candidates.filter((c) => squash(c.name) === near).map((c) => c.value);
}

/** A locale name as CSL writes it (`en_gb` → "en-GB"); undefined for text that is no language tag. */
function localeTag(written: string): string | undefined {
  try {
    const [tag] = Intl.getCanonicalLocales(written.trim().replace(/_/g, "-"));
    return tag && /^[a-z]{2,3}(-[A-Z]{2})?$/.test(tag) ? tag : undefined;
  } catch {
    return undefined;
  }
}

/** The language of the CSL locale file `file`, from its xml:lang; undefined when it has none. */
function fileLanguage(root: string, file: string): string | undefined {
  const xml = readSiteFile(root, file);
  return (xml && /<locale\b[^>]*\bxml:lang="([^"]+)"/.exec(xml)?.[1]) || undefined;
}

/**
 * The locale values a writer who wrote `written` meant: `en-GB`, `en_GB` or `British
 * English` the site's locales/locales-en-GB.xml, `de` or `German` de-DE, `en` both en-US
 * and the site's English locale files. A locale file of the site comes before a built-in
 * locale of the same language and region.
 */
function meantLocale(root: string, written: string): string[] {
  const files = siteCitationFiles(root, "locales", ".xml").filter((file) => file !== written);
  const candidates = [
    ...files.flatMap((file) => {
      const tag = fileLanguage(root, file);
      return tag ? [{ value: file, tag }] : [];
    }),
    ...BUILT_IN_LOCALES.map((tag) => ({ value: tag, tag })),
  ];
  const unique = (values: string[]) => [...new Set(values)];
  // A file's name: `locales-en-GB.xml` for locales/locales-en-GB.xml, or the language it names.
  const writtenFile = /\.xml$/i.test(written) || written.includes("/");
  if (writtenFile) {
    const name = path.basename(written).toLowerCase();
    const byName = candidates.filter((c) => c.value.includes("/") && path.basename(c.value).toLowerCase() === name);
    if (byName.length) return byName.map((c) => c.value);
  }
  const words = writtenFile ? (/([a-z]{2,3})[-_]([a-z]{2})(?=\.xml$)/i.exec(path.basename(written))?.slice(1).join("-") ?? "") : written;
  const tag = localeTag(words);
  if (tag) {
    const exact = candidates.filter((c) => c.tag === tag);
    if (exact.length) return [exact[0]!.value];
    const language = tag.split("-")[0]!;
    // `de` for de-DE; not `en-GB` for en-US, a language of its own in its spelling and dates.
    if (!tag.includes("-")) return unique(candidates.filter((c) => c.tag.split("-")[0] === language).map((c) => c.value));
    return [];
  }
  // `German`, `British English`: the language's English name.
  const names = new Intl.DisplayNames("en", { type: "language" });
  const said = written.trim().toLowerCase();
  const named = candidates.filter((c) => names.of(c.tag)?.toLowerCase() === said);
  if (named.length) return [named[0]!.value];
  return unique(candidates.filter((c) => names.of(c.tag.split("-")[0]!)?.toLowerCase() === said).map((c) => c.value));
}

/** The fix for a locale that is neither built in nor a file of the site: the file to save, and the line that names it. */
function localeDownload(tag: string): string {
  return `save locales-${tag}.xml from https://github.com/citation-style-language/locales in the site's locales/ folder and write locale: locales/locales-${tag}.xml, or use one of the built-in locales: ${BUILT_IN_LOCALES.join(", ")}`;
}

function readSiteFile(root: string, rel: string): string | undefined {
  const full = path.resolve(root, rel);
  if (!full.startsWith(path.resolve(root) + path.sep) || !existsSync(full)) return undefined;
  return readFileSync(full, "utf8");
}

function hash(text: string): string {
  return createHash("sha1").update(text).digest("hex").slice(0, 12);
}

function settingsLine(root: string, field: string): { line?: number; column?: number } {
  try {
    const doc = readYamlDocument(readFileSync(path.join(root, SETTINGS_FILE), "utf8"), SETTINGS_FILE, 1);
    return doc.locate(["citations", field]);
  } catch {
    return {};
  }
}
