// Eleventy configuration: wiring only. Every piece of logic lives in lib/ and is
// attached by one small plugin in plugins/.
import { HtmlBasePlugin } from "@11ty/eleventy";
import { initContext, layoutsDirectoryFor } from "./plugins/context.ts";
import calendarPlugin from "./plugins/calendar.ts";
import contentFilesPlugin from "./plugins/content-files.ts";
import feedsPlugin from "./plugins/feeds.ts";
import markdownPlugin from "./plugins/markdown.ts";
import navigationPlugin from "./plugins/navigation.ts";
import ogImagePlugin from "./plugins/og-image.ts";
import postsPlugin from "./plugins/posts.ts";
import previewOutputsPlugin from "./plugins/preview-outputs.ts";
import searchPlugin from "./plugins/search.ts";
import seoPlugin from "./plugins/seo.ts";
import sharePlugin from "./plugins/share.ts";
import sitePlugin from "./plugins/site.ts";
import siteLinksPlugin from "./plugins/site-links.ts";

export default function (eleventyConfig: any) {
  const ctx = initContext(eleventyConfig.directories.input);
  eleventyConfig.setIncludesDirectory(layoutsDirectoryFor(eleventyConfig.directories.input));
  eleventyConfig.addPlugin(contentFilesPlugin);
  eleventyConfig.addPlugin(sitePlugin);
  eleventyConfig.addPlugin(markdownPlugin);
  eleventyConfig.addPlugin(postsPlugin);
  eleventyConfig.addPlugin(sharePlugin);
  eleventyConfig.addPlugin(calendarPlugin);
  eleventyConfig.addPlugin(feedsPlugin);
  eleventyConfig.addPlugin(seoPlugin);
  eleventyConfig.addPlugin(ogImagePlugin);
  eleventyConfig.addPlugin(navigationPlugin);
  eleventyConfig.addPlugin(searchPlugin);
  eleventyConfig.addPlugin(previewOutputsPlugin);
  eleventyConfig.addPlugin(siteLinksPlugin);
  eleventyConfig.addPlugin(HtmlBasePlugin);
  return { pathPrefix: process.env.CHATPOST_PATH_PREFIX ?? ctx.settings.pathPrefix };
}

export const config = {
  dir: { input: "content", data: "_data" },
  // Writers' markdown is markdown, never a template: `{{` in a post stays text.
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
  templateFormats: ["md", "njk"],
};
