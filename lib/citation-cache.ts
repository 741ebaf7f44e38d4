// Formatted citations and bibliographies, kept in the persistent content cache.
// The key covers everything the output depends on: the items (and any citation
// clusters), the style's XML, the locale's XML, and the versions of citation-js,
// citeproc-js and chatpost's own formatting code. A change to any of them is a
// new key, so nothing stale is ever served.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { contentKey, projectCache, sourceHash, useProjectCache } from "./content-cache.ts";

const require = createRequire(import.meta.url);

/** Versions that change what a formatted entry looks like. */
export const FORMATTER_VERSIONS = {
  "@citation-js/core": (require("@citation-js/core/package.json") as { version: string }).version,
  "@citation-js/plugin-csl": (require("@citation-js/plugin-csl/package.json") as { version: string }).version,
  citeproc: (require("citeproc/package.json") as { version: string }).version,
  // chatpost's own formatting code (citations.ts and the escaping it imports): any edit to it retires old entries.
  "chatpost-format": sourceHash(["./citations.ts", "./html.ts"].map((file) => new URL(file, import.meta.url))),
};

/** Keep formatted output in `dir`, or in no cache at all (undefined): the project's one cache. */
export const useCitationCache = useProjectCache;
export const citationCache = projectCache;

const csl = () => plugins.config.get("@csl");

// Hashing a style's XML (up to ~100 kB) once per build, not once per post.
const xmlHashes = new Map<string, { xml: string; hash: string }>();
function xmlHash(kind: "style" | "locale", name: string, xml: unknown): string {
  const text = typeof xml === "string" ? xml : JSON.stringify(xml ?? null);
  const id = `${kind}:${name}`;
  const known = xmlHashes.get(id);
  if (known && known.xml === text) return known.hash;
  const hash = createHash("sha256").update(text).digest("hex");
  xmlHashes.set(id, { xml: text, hash });
  return hash;
}

/** What a style name and locale name stand for right now (registered XML can change). */
export function styleFingerprint(style: string, locale: string): { style: string; locale: string } {
  const locales = csl().locales;
  const localeXml = locales.get(locale) ?? locales.get(locale.replace("-", "_"));
  return { style: xmlHash("style", style, csl().styles.get(style)), locale: xmlHash("locale", locale, localeXml) };
}

export interface FormattingInput {
  style: string;
  locale: string;
  /** The CSL items and anything else the output depends on (citation clusters, options). */
  input: unknown;
}

/**
 * The result of `format()` for this input, from the cache when it holds one.
 * `kind` separates different formatting functions ("bibliography", "citations").
 * Without a configured cache this is just `format()`.
 */
export function cachedFormatting<T>(kind: string, what: FormattingInput, format: () => T): T {
  const cache = citationCache();
  if (!cache) return format();
  return cache.getOrCompute(formattingKeyParts(kind, what), format);
}

/** Whether the cache already holds the output for this input (e.g. to skip it when formatting ahead in parallel). */
export function isFormattingCached(kind: string, what: FormattingInput): boolean {
  const cache = citationCache();
  return !!cache && cache.has(contentKey(formattingKeyParts(kind, what)));
}

function formattingKeyParts(kind: string, { style, locale, input }: FormattingInput): unknown {
  return { kind, versions: FORMATTER_VERSIONS, xml: styleFingerprint(style, locale), style, locale, input };
}
