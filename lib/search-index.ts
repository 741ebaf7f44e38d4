// The site's search index: Pagefind reads the built pages and writes its index and UI
// into <site>/pagefind/. Runs after Eleventy, on the finished output.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { citationCache } from "./citation-cache.ts";
import { contentKey } from "./content-cache.ts";
import { normalisePrefix } from "./site-url.ts";

// What the bundle depends on besides the pages: Pagefind's version and this file's code.
const INDEX_VERSIONS = {
  // Pagefind exports no package.json: read it next to its entry point (lib/index.js).
  pagefind: (JSON.parse(readFileSync(new URL("../package.json", import.meta.resolve("pagefind")), "utf8")) as { version: string }).version,
  code: createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).digest("hex").slice(0, 16),
};

export const SEARCH_BUNDLE_DIR = "pagefind";

/** Pages worth a search result: posts and content pages, not lists of other pages. */
export function isSearchable(relPath: string): boolean {
  if (!relPath.endsWith(".html")) return false;
  if (relPath === "404.html" || relPath.startsWith(`${SEARCH_BUNDLE_DIR}/`)) return false;
  return !/^(page|tags|archive|search)(\/|$)/.test(relPath) && relPath !== "index.html";
}

/** Page URL for a built file, with the path prefix: about/index.html → /repo/about/ */
export function pageUrl(relPath: string, pathPrefix: string): string {
  return normalisePrefix(pathPrefix) + relPath.replace(/(^|\/)index\.html$/, "$1");
}

/**
 * Index `files` (paths relative to `siteDir`, forward slashes) and write the bundle.
 * URLs in the index carry the path prefix, so results link inside the site.
 */
export async function buildSearchIndex(siteDir: string, files: string[], pathPrefix: string, language: string): Promise<number> {
  const options = { rootSelector: "main", forceLanguage: language.split("-")[0] };
  const pages = [...files].filter(isSearchable).sort().map((rel) => ({ rel, url: pageUrl(rel, pathPrefix) }));
  // The bundle is the same bytes for the same pages, so an unchanged site reuses the one
  // kept in the content cache (lib/content-cache.ts) instead of running Pagefind (seconds).
  const cache = citationCache();
  const pagesHash = createHash("sha256");
  for (const page of pages) pagesHash.update(`${page.url}\0${await readFile(path.join(siteDir, page.rel), "utf8")}\0`);
  const key = contentKey({ kind: "search-index", versions: INDEX_VERSIONS, options, pages: pagesHash.digest("hex") });
  const stored = cache?.get(key);
  let bundle: { path: string; content: Uint8Array }[] | undefined;
  if (stored !== undefined) {
    try {
      bundle = (JSON.parse(stored) as { path: string; base64: string }[]).map((file) => ({ path: file.path, content: Buffer.from(file.base64, "base64") }));
    } catch {
      bundle = undefined;
    }
  }
  if (!bundle) {
    bundle = await runPagefind(siteDir, pages, options);
    cache?.set(key, JSON.stringify(bundle.map((file) => ({ path: file.path, base64: Buffer.from(file.content).toString("base64") }))));
  }
  for (const file of bundle) {
    const target = path.join(siteDir, SEARCH_BUNDLE_DIR, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  return pages.length;
}

async function runPagefind(siteDir: string, pages: { rel: string; url: string }[], options: { rootSelector: string; forceLanguage?: string }): Promise<{ path: string; content: Uint8Array }[]> {
  const { index, errors } = await pagefind.createIndex(options);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    // One file at a time in a sorted order: the index is the same bytes on every build.
    for (const { rel, url } of pages) {
      const content = await readFile(path.join(siteDir, rel), "utf8");
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length) throw new Error(`Pagefind could not index ${rel}: ${added.errors.join("; ")}`);
    }
    // The bundle is taken in memory and written here: Pagefind's own writeFiles can return
    // before its last files are complete, and closing the service then leaves them empty.
    const bundle = await index.getFiles();
    if (bundle.errors.length) throw new Error(`Pagefind could not build its index: ${bundle.errors.join("; ")}`);
    return bundle.files;
  } finally {
    await pagefind.close();
  }
}
