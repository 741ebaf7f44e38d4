// The filters and tags a writer's Nunjucks page may use, and where its includes are looked
// up, as the build's Eleventy has them. Eleventy knows them only once its configuration is
// loaded, which `npm run check` and the build's first pass over the writer's files do not
// do (they never load Eleventy): both read them from here, and the page check inside
// Eleventy (plugins/page-templates.ts) asks Eleventy itself. Data only, so that any
// command may import it. tests/site/nj2-template-names.test.ts keeps it equal to what
// Eleventy registers: a filter added to a plugin is added here too.
import path from "node:path";
import type { TemplateLanguage } from "../lib/template-check.ts";
import { NUNJUCKS_FILTERS } from "../lib/template-errors.ts";

/** Eleventy 3.1's own filters, and those of the plugins chatpost adds (RSS, HTML base). */
export const ELEVENTY_FILTERS: readonly string[] = [
  "inputPathToUrl", "slug", "slugify", "url", "log", "getCollectionItemIndex", "getCollectionItem", "getPreviousCollectionItem", "getNextCollectionItem", "renderTransforms",
  // @11ty/eleventy-plugin-rss
  "getNewestCollectionItemDate", "dateToRfc3339", "dateToRfc822", "absoluteUrl", "rssLastUpdatedDate", "rssDate", "htmlToAbsoluteUrls",
  // HtmlBasePlugin
  "addPathPrefixToFullUrl", "htmlBaseUrl", "transformWithHtmlBase",
];

/** chatpost's own filters (plugins/*.ts). */
export const CHATPOST_FILTERS: readonly string[] = [
  "textDirection", "openGraphLocale", "shareLinks", "chatCalendarFeed", "feedPublished", "feedUpdated", "feedNewest", "cdata", "fullUrl", "isNotFoundPage", "metaDescription",
  "structuredData", "sitemapXml", "shareImageUrl", "siteShareImage", "tagUrl", "postLang", "langAttributes", "interfaceLang", "titleWithChatState",
  "usualChatTime",
];

/** Tags Eleventy adds to Nunjucks: its `setAsync`, and the shortcodes of its bundle plugin. */
export const ELEVENTY_TAGS: TemplateLanguage["tags"] = [
  { name: "setAsync", paired: true },
  { name: "getBundle", paired: false },
  { name: "getBundleFileUrl", paired: false },
];

/** chatpost's layouts: the build's includes folder (.eleventy.ts). */
export const LAYOUTS_FOLDER = path.resolve(import.meta.dirname, "../layouts");

/** The Nunjucks environment's options (plugins/site.ts sets them in Eleventy). */
export const NUNJUCKS_OPTIONS = { autoescape: true, throwOnUndefined: false } as const;

/**
 * What the pages of the site in `root` may use, as the build has it: includes are looked up
 * in chatpost's layouts, then from the site's folder (Eleventy's working folder).
 */
export function siteTemplateLanguage(root: string): TemplateLanguage {
  return {
    filters: [...NUNJUCKS_FILTERS, ...ELEVENTY_FILTERS, ...CHATPOST_FILTERS],
    tags: ELEVENTY_TAGS,
    includeFolders: [LAYOUTS_FOLDER, root],
    options: NUNJUCKS_OPTIONS,
  };
}
