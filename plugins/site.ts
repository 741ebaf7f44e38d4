// Wires site settings, static assets and template options into Eleventy.
import path from "node:path";
import { contentFilesGlobs, isPostFile } from "../lib/content-paths.ts";
import { PUBLISHED_FILE_EXTENSIONS } from "../lib/local-paths.ts";
import { pageDefaults } from "../lib/page-loader.ts";
import { openGraphLocale } from "../lib/language-tags.ts";
import { textDirection } from "../lib/text-direction.ts";
import { APP_DIR, context } from "./context.ts";
import pageTemplatesPlugin from "./page-templates.ts";
import { NUNJUCKS_OPTIONS } from "./template-names.ts";

/** "en" when the site's language is not English (the interface's words then need lang="en"), else "". */
export function interfaceLanguage(siteLanguage: string): "en" | "" {
  return /^en(?:-|$)/i.test(siteLanguage) ? "" : "en";
}

export default function sitePlugin(eleventyConfig: any): void {
  eleventyConfig.addGlobalData("site", context().settings);
  // "rtl" for a language written right to left (ar, he, fa, ur…): base.njk then sets <html dir="rtl">.
  eleventyConfig.addFilter("textDirection", textDirection);
  eleventyConfig.addFilter("openGraphLocale", openGraphLocale);
  // The interface's own words ("Skip to content", "Join the chat"…) are English. On a site in
  // another language the elements holding only them say lang="{{ uiLang }}", so screen readers
  // read them with an English voice (WCAG 3.1.2); on an English site uiLang is "" and they say nothing.
  eleventyConfig.addGlobalData("uiLang", interfaceLanguage(context().settings.language));
  // Escape everything a template prints unless it is explicitly marked safe.
  eleventyConfig.setNunjucksEnvironmentOptions({ ...NUNJUCKS_OPTIONS });
  // The writer's Nunjucks pages, each checked before any renders (every broken one in one report).
  pageTemplatesPlugin(eleventyConfig);
  eleventyConfig.addPassthroughCopy({ [path.join(APP_DIR, "layouts/assets")]: "assets" });
  // Hidden files and folders and Word's lock files aside, as the check leaves them (lib/content-paths.ts);
  // extensions in any capitals (`Photo.JPG`), as Eleventy matches the glob and the check counts them.
  for (const glob of contentFilesGlobs(PUBLISHED_FILE_EXTENSIONS)) eleventyConfig.addPassthroughCopy(glob);
  // A markdown page without `layout:` or `title:` gets the site's layout and its first heading
  // (lib/page-loader.ts), not a bare page with an empty title. Posts have their own (plugins/posts.ts).
  eleventyConfig.addPreprocessor("chatpost-page-defaults", "md", (data: any, content: string) => {
    if (isPostFile(String(data.page?.inputPath ?? "").replace(/^\.\//, ""))) return undefined;
    Object.assign(data, pageDefaults(data, content));
    return undefined;
  });
  // Under `npm start`, an edited settings file runs the configuration again (plugins/context.ts).
  eleventyConfig.addWatchTarget("content/_data/site.yaml", { resetConfig: true });
}
