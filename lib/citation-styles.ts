// The citation style and locale named in the site settings: a built-in name
// (apa, vancouver, harvard1; en-US, de-DE, …) or a CSL file in the site's folder.
// Files are registered with citation-js under a name that holds their content
// hash, so an edited file is picked up and an unchanged one is registered once.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { hasLocale, hasStyle, registerLocale, registerStyle, type CitationStyle } from "./citations.ts";
import type { Diagnostic } from "./diagnostics.ts";
import { readYamlDocument } from "./front-matter.ts";
import { SETTINGS_FILE, type Settings } from "./settings.ts";

export const BUILT_IN_STYLES = ["apa", "vancouver", "harvard1"];

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
    if (xml === undefined) problem("style", `the style file ${citations.style} was not found`, "give the path of a .csl file from the site's folder, e.g. styles/nature.csl");
    else if (!/<style[\s>]/.test(xml) || !/<citation[\s>]/.test(xml)) problem("style", `${citations.style} is not a CSL style (no <style> with a <citation>)`, "download the style's .csl file from https://github.com/citation-style-language/styles");
    else {
      style = `file:${citations.style}#${hash(xml)}`;
      if (!hasStyle(style)) registerStyle(style, xml);
    }
  } else if (hasStyle(citations.style) && BUILT_IN_STYLES.includes(citations.style)) style = citations.style;
  else problem("style", `"${citations.style}" is not a citation style chatpost knows`, `use ${BUILT_IN_STYLES.join(", ")}, or the path of a .csl file in the site's folder, e.g. styles/nature.csl`);

  let locale: string | undefined;
  if (isFile(citations.locale, ".xml")) {
    const xml = readSiteFile(root, citations.locale);
    const lang = xml && /<locale\b[^>]*\bxml:lang="([^"]+)"/.exec(xml)?.[1];
    if (xml === undefined) problem("locale", `the locale file ${citations.locale} was not found`, "give the path of a CSL locale file from the site's folder, e.g. locales/locales-en-GB.xml");
    else if (!lang) problem("locale", `${citations.locale} is not a CSL locale (no <locale xml:lang="…">)`, "download the locale from https://github.com/citation-style-language/locales");
    else {
      locale = lang;
      registerLocale(lang, xml);
    }
  } else if (/^[a-z]{2,3}-[A-Z]{2}$/.test(citations.locale) && hasLocale(citations.locale)) locale = citations.locale;
  else problem("locale", `"${citations.locale}" is not a citation locale chatpost has`, "use en-US, de-DE, es-ES, fr-FR or nl-NL, or the path of a CSL locale file in the site's folder, e.g. locales/locales-en-GB.xml");

  return style && locale && !diagnostics.length ? { style: { style, locale }, diagnostics } : { diagnostics };
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
