// Wires the ways to browse posts: tag pages, the yearly archive and the pages of the
// home page's post list. Page markup is in layouts/tag.njk and layouts/archive.njk.
import { newestFirst } from "../lib/publishing.ts";
import { tagSlugs } from "../lib/slug.ts";
import { context } from "./context.ts";

export interface TagEntry {
  tag: string;
  slug: string;
  /** Root-relative, without the path prefix. */
  url: string;
  posts: any[];
}

export interface YearEntry {
  year: string;
  url: string;
  posts: any[];
}

/** Split into pages of `size`; there is always a first page, even with no posts. */
export function chunk<T>(items: T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Published posts in the order of collections.posts, whatever order Eleventy holds them in. */
function publishedPosts(api: any): any[] {
  return api
    .getAll()
    .filter((item: any) => item.data.post)
    .sort((a: any, b: any) => newestFirst(a.data.post, b.data.post));
}

export default function navigationPlugin(eleventyConfig: any): void {
  let slugs = new Map<string, string>();

  eleventyConfig.addCollection("tagList", (api: any): TagEntry[] => {
    const byTag = new Map<string, any[]>();
    for (const item of publishedPosts(api)) {
      for (const tag of item.data.post.tags as string[]) {
        if (!byTag.has(tag)) byTag.set(tag, []);
        byTag.get(tag)!.push(item);
      }
    }
    slugs = tagSlugs(byTag.keys());
    return [...byTag]
      .map(([tag, items]) => ({ tag, slug: slugs.get(tag)!, url: `/tags/${slugs.get(tag)}/`, posts: items }))
      .sort((a, b) => byText(a.tag.toLowerCase(), b.tag.toLowerCase()) || byText(a.tag, b.tag));
  });

  eleventyConfig.addCollection("postYears", (api: any): YearEntry[] => {
    const byYear = new Map<string, any[]>();
    for (const item of publishedPosts(api)) {
      const year = (item.data.post.date as string).slice(0, 4);
      if (!byYear.has(year)) byYear.set(year, []);
      byYear.get(year)!.push(item);
    }
    return [...byYear].map(([year, items]) => ({ year, url: `/archive/${year}/`, posts: items }));
  });

  // The home page paginates over this: one entry per page of `postsPerPage` posts.
  eleventyConfig.addCollection("postPages", (api: any): any[][] => {
    return chunk(publishedPosts(api), context().settings.postsPerPage);
  });

  /** A tag's page, for templates that link a post's tags. */
  eleventyConfig.addFilter("tagUrl", (tag: string) => `/tags/${slugs.get(tag) ?? tagSlugs([tag]).get(tag)}/`);

  // eleventyImport: under `npm start` a page that lists a collection without paginating it
  // is rebuilt when a post changes only if it says which collection it lists.
  eleventyConfig.addTemplate("chatpost-tags.njk", "", { layout: "tag.njk", title: "Tags", permalink: "/tags/", eleventyImport: { collections: ["tagList"] } });
  eleventyConfig.addTemplate("chatpost-tag.njk", "", {
    layout: "tag.njk",
    pagination: { data: "collections.tagList", size: 1, alias: "tagPage", addAllPagesToCollections: true },
    permalink: (data: any) => data.tagPage.url,
    eleventyComputed: { title: (data: any) => `Chats tagged “${data.tagPage.tag}”` },
  });
  eleventyConfig.addTemplate("chatpost-archive.njk", "", { layout: "archive.njk", title: "Archive", permalink: "/archive/", eleventyImport: { collections: ["postYears"] } });
  eleventyConfig.addTemplate("chatpost-archive-year.njk", "", {
    layout: "archive.njk",
    pagination: { data: "collections.postYears", size: 1, alias: "yearPage", addAllPagesToCollections: true },
    permalink: (data: any) => data.yearPage.url,
    eleventyComputed: { title: (data: any) => `Chats of ${data.yearPage.year}` },
  });
}
