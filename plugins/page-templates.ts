// The writer's Nunjucks pages checked inside Eleventy, before any page renders
// (lib/template-check.ts), with the filters, tags and includes folder Eleventy really has:
// under `npm start` on each rebuild, in a build once more after the check before
// Eleventy (scripts/build.ts), which could only use the names of plugins/template-names.ts.
import path from "node:path";
import { ContentError, type Diagnostic } from "../lib/diagnostics.ts";
import { checkTemplatePages, templatePages, type TemplateLanguage } from "../lib/template-check.ts";
import { NUNJUCKS_FILTERS } from "../lib/template-errors.ts";
import { context } from "./context.ts";
import { ELEVENTY_TAGS, LAYOUTS_FOLDER, NUNJUCKS_OPTIONS } from "./template-names.ts";

type Registry = Record<string, unknown> | undefined;

/** What Eleventy's configuration gives the pages' Nunjucks (as its Nunjucks engine adds it). */
export function eleventyTemplateLanguage(eleventyConfig: any): TemplateLanguage {
  const njk = eleventyConfig.nunjucks ?? {};
  const names = (...registries: Registry[]) => registries.flatMap((r) => Object.keys(r ?? {}));
  const includes = eleventyConfig.directories?.includes;
  return {
    filters: [...NUNJUCKS_FILTERS, ...names(njk.filters, njk.asyncFilters)],
    // Eleventy's engine adds `setAsync` itself, not through its configuration.
    tags: [
      ...ELEVENTY_TAGS.filter((tag) => tag.name === "setAsync"),
      ...names(njk.shortcodes, njk.asyncShortcodes).map((name) => ({ name, paired: false })),
      ...names(njk.pairedShortcodes, njk.asyncPairedShortcodes).map((name) => ({ name, paired: true })),
    ],
    extensions: njk.tags ?? {},
    // Nunjucks looks in the includes folder, then in the working folder (the site's).
    includeFolders: [includes ? path.resolve(includes) : LAYOUTS_FOLDER, process.cwd()],
    options: njk.environmentOptions ?? NUNJUCKS_OPTIONS,
  };
}

/** Every mistake the site's Nunjucks pages show before they are rendered, with the names Eleventy really has. */
export function templatePageProblems(eleventyConfig: any): Diagnostic[] {
  const { root } = context();
  return checkTemplatePages(root, templatePages(root), eleventyTemplateLanguage(eleventyConfig));
}

export default function pageTemplatesPlugin(eleventyConfig: any): void {
  // Checked once per build, when Eleventy reads its first Nunjucks page: after every
  // listener of `eleventy.before` (the posts' problems are printed first), before any render.
  let checked: Promise<void> | undefined;
  eleventyConfig.on("eleventy.before", () => {
    checked = undefined;
  });
  eleventyConfig.addPreprocessor("chatpost-page-templates", "njk", () => {
    // The preview checks them with the posts and shows each broken page's mistakes at its address (plugins/posts.ts).
    if (context().mode === "preview") return undefined;
    checked ??= (async () => {
      const problems = templatePageProblems(eleventyConfig);
      if (problems.length) throw new ContentError(problems);
    })();
    return checked.then(() => undefined);
  });
}
