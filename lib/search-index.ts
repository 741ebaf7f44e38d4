// The site's search index: Pagefind reads the built pages and writes its index and UI
// into <site>/pagefind/. Runs after Eleventy, on the finished output.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { normalisePrefix } from "./site-url.ts";

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
  const { index, errors } = await pagefind.createIndex({ rootSelector: "main", forceLanguage: language.split("-")[0] });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    let count = 0;
    // One file at a time in a sorted order: the index is the same bytes on every build.
    for (const rel of [...files].filter(isSearchable).sort()) {
      const content = await readFile(path.join(siteDir, rel), "utf8");
      const added = await index.addHTMLFile({ url: pageUrl(rel, pathPrefix), content });
      if (added.errors.length) throw new Error(`Pagefind could not index ${rel}: ${added.errors.join("; ")}`);
      count++;
    }
    // The bundle is taken in memory and written here: Pagefind's own writeFiles can return
    // before its last files are complete, and closing the service then leaves them empty.
    const bundle = await index.getFiles();
    if (bundle.errors.length) throw new Error(`Pagefind could not build its index: ${bundle.errors.join("; ")}`);
    for (const file of bundle.files) {
      const target = path.join(siteDir, SEARCH_BUNDLE_DIR, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    return count;
  } finally {
    await pagefind.close();
  }
}
