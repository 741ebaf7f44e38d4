// Wires the site's citation style and shared bibliography into Eleventy: the
// announcement of each post formats its citations with them, and an edited
// bibliography, style or locale file rebuilds the site under `npm start`.
import path from "node:path";
import { ContentError } from "../lib/diagnostics.ts";
import { siteCitations } from "../lib/post-citations.ts";
import { prepareEngine, type CitationStyle } from "../lib/citations.ts";
import type { SharedBibliography } from "../lib/bibliography.ts";
import { context } from "./context.ts";

// Resolved once per Eleventy run (files are re-read when `npm start` rebuilds), not once per post.
let current: { citations: CitationStyle; bibliography: SharedBibliography } | undefined;

/** The options lib/announcement.ts needs to format a post's citations. */
export function citationOptions(): { citations: CitationStyle; bibliography: SharedBibliography } {
  if (current) return current;
  const { root, settings } = context();
  const site = siteCitations(root, settings);
  if (!site.style || site.diagnostics.some((d) => d.severity === "error")) throw new ContentError(site.diagnostics);
  current = { citations: site.style, bibliography: site.bibliography };
  return current;
}

export default function citationsPlugin(eleventyConfig: any): void {
  eleventyConfig.on("eleventy.before", () => {
    current = undefined;
  });
  // Under `npm start` a warm cache may mean citeproc never started: start it once the first
  // build is served, so the first edited post does not wait for it.
  let prepared = false;
  eleventyConfig.on("eleventy.after", () => {
    if (prepared || context().mode !== "preview") return;
    prepared = true;
    setTimeout(() => {
      try {
        prepareEngine(citationOptions().citations);
      } catch {
        // A problem with the style is reported by the next build, not here.
      }
    }, 100);
  });
  const { root, settings } = context();
  for (const file of [...settings.citations.bibliography, settings.citations.style, settings.citations.locale]) {
    // Relative to the working folder, as Eleventy's own paths are: with chatpost's layouts
    // outside the site (`--root`), Eleventy watches from a common parent folder and joins an
    // absolute path onto the working folder, watching a file that does not exist.
    if (file.includes("/")) eleventyConfig.addWatchTarget(path.relative(process.cwd(), path.resolve(root, file)).split(path.sep).join("/"));
  }
}
