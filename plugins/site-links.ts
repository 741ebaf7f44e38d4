// Checks the links of posts and pages to the site's own addresses on the site Eleventy
// has just written (lib/site-links.ts): a build with a broken one stops before the
// site is published (scripts/build.ts asks brokenSiteLinks()); the preview prints them
// and keeps serving. Nothing is thrown here: the other plugins' eleventy.after handlers
// run at the same time and still write into the output folder.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { postCalendarPath } from "../lib/calendar.ts";
import { loadPostFile } from "../lib/corpus.ts";
import { formatReport, REPORT_ENDINGS, type Diagnostic } from "../lib/diagnostics.ts";
import { listPostFiles } from "../lib/content-paths.ts";
import { listFiles } from "../lib/site-files.ts";
import { placesInHtml, siteLinkProblems, type BuiltSite, type LinkingPage } from "../lib/site-links.ts";
import { context } from "./context.ts";

interface Result {
  inputPath: string;
  outputPath: string | false;
  url: string | false;
  content: unknown;
}

let broken: Diagnostic[] = [];

/** The broken links to the site found when Eleventy last wrote it. */
export function brokenSiteLinks(): Diagnostic[] {
  return broken;
}

export default function siteLinksPlugin(eleventyConfig: any): void {
  eleventyConfig.on("eleventy.after", ({ directories, results }: { directories: { output: string }; results: Result[] }) => {
    broken = [];
    const { root, settings, mode } = context();
    const output = path.resolve(directories.output);
    const pages: LinkingPage[] = [];
    // What this run wrote, by file from the site's root (/about/index.html); a preview's
    // incremental rebuild writes only what changed, so the folder is looked at too.
    const written = new Map<string, unknown>();
    // Written by another plugin's eleventy.after, which may not have run yet.
    const pending = new Set<string>();
    for (const result of results) {
      if (!result.outputPath || typeof result.url !== "string") continue;
      written.set(`/${path.relative(output, path.resolve(result.outputPath)).split(path.sep).join("/")}`, result.content);
      const file = path.relative(root, path.resolve(result.inputPath)).split(path.sep).join("/");
      if (!file.startsWith("content/") || !file.endsWith(".md")) continue;
      const loaded = loadPostFile(root, file, settings);
      if (loaded.post?.chat) pending.add(postCalendarPath(loaded.post));
      const links = loaded.post?.siteLinks ?? loaded.siteLinks ?? [];
      if (links.length) pages.push({ file, url: result.url, links });
    }
    if (!pages.length) return;
    const places = new Map<string, ReadonlySet<string>>();
    const onDisk = (file: string) => {
      const full = path.join(output, ...file.split("/").filter(Boolean));
      return full.startsWith(output + path.sep) && existsSync(full) && statSync(full).isFile() ? full : undefined;
    };
    const site: BuiltSite = {
      hasFile: (file) => written.has(file) || pending.has(file) || onDisk(file) !== undefined,
      placesIn(file) {
        let found = places.get(file);
        if (!found) {
          const content = written.get(file);
          const full = typeof content === "string" ? undefined : onDisk(file);
          places.set(file, (found = placesInHtml(typeof content === "string" ? content : full ? readFileSync(full, "utf8") : "")));
        }
        return found;
      },
      // A preview's rebuild wrote only some pages: the others are in the folder.
      addresses: () =>
        [...new Set([...written.keys(), ...listFiles(output).map((f) => `/${f}`)])].filter((f) => f.endsWith("/index.html")).map((f) => f.slice(0, -"index.html".length)),
      // For the example of a link by file name: one of this site's posts.
      postFiles: () => listPostFiles(root),
    };
    broken = siteLinkProblems(pages, site);
    if (broken.length && mode === "preview") console.error(formatReport(broken, REPORT_ENDINGS.previewLinks));
  });
}
