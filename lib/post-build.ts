// What a build does to the finished site after Eleventy, before it is swapped in:
// the search index (it reads the built pages) and `_headers` (it hashes their inline
// scripts, so it comes after everything that writes HTML).
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "./site-files.ts";
import { buildSearchIndex } from "./search-index.ts";
import { headersFile } from "./security-headers.ts";
import { trace } from "./build-trace.ts";

export interface FinishOptions {
  pathPrefix: string;
  language: string;
}

export async function finishSite(siteDir: string, options: FinishOptions): Promise<void> {
  const files = listFiles(siteDir);
  trace("search index starts");
  await buildSearchIndex(siteDir, files, options.pathPrefix, options.language);
  trace("search index done");
  // One page in memory at a time: a big site's pages together are tens of megabytes.
  function* pages() {
    for (const f of files) if (f.endsWith(".html")) yield readFileSync(path.join(siteDir, f), "utf8");
  }
  await writeFile(path.join(siteDir, "_headers"), headersFile(pages()));
}
