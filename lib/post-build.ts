// What a build does to the finished site after Eleventy, before it is swapped in:
// the search index (it reads the built pages) and `_headers` (it hashes their inline
// scripts, so it comes after everything that writes HTML).
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "./site-files.ts";
import { buildSearchIndex } from "./search-index.ts";
import { headersFile } from "./security-headers.ts";

export interface FinishOptions {
  pathPrefix: string;
  language: string;
}

export async function finishSite(siteDir: string, options: FinishOptions): Promise<void> {
  const files = listFiles(siteDir);
  await buildSearchIndex(siteDir, files, options.pathPrefix, options.language);
  const pages = await Promise.all(files.filter((f) => f.endsWith(".html")).map((f) => readFile(path.join(siteDir, f), "utf8")));
  await writeFile(path.join(siteDir, "_headers"), headersFile(pages));
}
