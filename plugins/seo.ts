// Wires what search engines and link previews read: absolute URLs, meta descriptions,
// sitemap.xml and robots.txt. The <head> tags themselves are in layouts/partials/head-meta.njk.
import { postDescription } from "../lib/description.ts";
import type { Post } from "../lib/post-loader.ts";
import { languageMarks, textLanguageMarks } from "../lib/post-schema.ts";
import { lastChanged } from "../lib/publishing.ts";
import { absoluteUrl, normalisePrefix } from "../lib/site-url.ts";
import { isNotFoundPage, isSitemapPage, sitemapXml } from "../lib/sitemap.ts";
import { structuredDataScript } from "../lib/structured-data.ts";
import { context } from "./context.ts";
import { announcementFor } from "./posts.ts";

const ROBOTS = `User-agent: *
Allow: /

Sitemap: {{ '/sitemap.xml' | fullUrl }}
`;

export default function seoPlugin(eleventyConfig: any): void {
  /** Root-relative URL (as page.url) → absolute URL with the site's address and path prefix. */
  const fullUrl = (url: string): string => absoluteUrl(context().settings.url, eleventyConfig.pathPrefix ?? "/", url);
  eleventyConfig.addFilter("fullUrl", fullUrl);
  eleventyConfig.addFilter("isNotFoundPage", isNotFoundPage);

  // Asked for by the page and by both feeds: each post's body is read once.
  const descriptions = new WeakMap<Post, string>();
  const metaDescription = (post: Post | undefined): string => {
    if (!post) return context().settings.description;
    let description = descriptions.get(post);
    if (description === undefined) descriptions.set(post, (description = postDescription(post, context().settings.description, announcementFor(post)?.citations)));
    return description;
  };
  eleventyConfig.addFilter("metaDescription", metaDescription);

  // A post in another language than the site's (a Spanish guest chat on an English site):
  // its own text says so where it is shown (WCAG 3.1.2), with its direction when that differs.
  // `postLang` is its tag ("" for a post in the site's language, which needs nothing);
  // `langAttributes` the attributes for the element holding its text: ` lang="es"`,
  // ` lang="ar" dir="rtl"`, or "". The interface's words and the dates stay the site's.
  // Given one of the post's texts (its title, a topic), the attributes that text needs: a text
  // with no character of the post's script, when that is not the site's, stays in the site's
  // language (an English question in an Arabic post; textLanguageMarks, lib/post-schema.ts).
  const marks = (post: { language?: string } | undefined, text?: unknown) =>
    typeof text === "string" ? textLanguageMarks(text, post?.language, context().settings.language) : languageMarks(post?.language, context().settings.language);
  eleventyConfig.addFilter("postLang", (post: { language?: string } | undefined) => marks(post)?.lang ?? "");
  eleventyConfig.addFilter("langAttributes", (post: { language?: string } | undefined, text?: unknown) => {
    const found = marks(post, text);
    return found ? ` lang="${found.lang}"${found.dir ? ` dir="${found.dir}"` : ""}` : "";
  });

  // An announcement's JSON-LD, with what the page's <head> says too: the share image (the
  // post's own image first) and the meta description, each as that tag and the JSON Feed get it.
  eleventyConfig.addFilter("structuredData", function (this: any, post: Post) {
    const shareImageUrl = eleventyConfig.getFilter("shareImageUrl").call(this, post) as string;
    return structuredDataScript({
      post,
      site: { title: context().settings.title, homeUrl: fullUrl("/"), language: context().settings.language },
      pageUrl: fullUrl(post.url),
      ...(post.image ? { imageUrl: fullUrl(post.image.url) } : {}),
      shareImageUrl: fullUrl(shareImageUrl),
      description: metaDescription(post),
    });
  });

  eleventyConfig.addFilter("sitemapXml", (items: any[]) =>
    sitemapXml(
      items
        .filter((item) => isSitemapPage(item.url, item.outputPath))
        .map((item) => ({ url: fullUrl(item.url), ...(item.data.post ? { lastmod: lastChanged(item.data.post) } : {}) })),
    ),
  );

  const common = { eleventyExcludeFromCollections: true, layout: false };
  eleventyConfig.addTemplate("chatpost-sitemap.njk", "{{ collections.all | sitemapXml | safe }}", {
    ...common,
    permalink: "/sitemap.xml",
    eleventyImport: { collections: ["all"] },
  });
  // Crawlers read robots.txt at the root of the host only (RFC 9309 §2.3): under a path prefix
  // (a GitHub project site) it would never be read, so it is not written; README says where
  // to give the sitemap instead. (Plugins run once the prefix, --path-prefix included, is set.)
  if (normalisePrefix(eleventyConfig.pathPrefix) === "/") {
    eleventyConfig.addTemplate("chatpost-robots.njk", ROBOTS, { ...common, permalink: "/robots.txt" });
  }
}
