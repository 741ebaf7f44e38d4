// Wires the ways to browse posts: tag pages, the yearly archive and the pages of the
// home page's post list. Page markup is in layouts/tag.njk and layouts/archive.njk.
import { publishedText } from "../lib/announcement.ts";
import { newestFirst } from "../lib/publishing.ts";
import { tagSlugs } from "../lib/slug.ts";
import { context } from "./context.ts";
import type { ListedWithErrors } from "./posts.ts";

export interface TagEntry {
  tag: string;
  slug: string;
  /** Root-relative, without the path prefix. */
  url: string;
  /** Its published posts: what it counts. */
  posts: any[];
  /** What its page lists: `posts`, and under `npm start` the posts with errors that have the tag. */
  listed: any[];
}

export interface YearEntry {
  year: string;
  url: string;
  /** Its published posts. */
  posts: any[];
  /** What its page lists: `posts`, and under `npm start` the posts with errors dated in it. */
  listed: any[];
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

/**
 * Under `npm start`, the posts whose pages show their problems (plugins/posts.ts), each as
 * the lists read an item: its address, `data.post`'s title and date and
 * `data.announcement.publishedText`, so that every list shows it where it would be (the
 * home page's own, content/index.njk, too), labelled by `data.previewErrors`
 * (layouts/partials/preview-label.njk). Not a Post: made here for the lists of tagList,
 * postYears and postPages only (a tag's or a year's `listed`, never its `posts`), never in
 * collections.posts, so no feed, calendar, sitemap, next chat, tag count or JSON-LD can
 * hold one. None in a build.
 */
function postsWithErrors(api: any): any[] {
  if (context().mode !== "preview") return [];
  return api
    .getAll()
    .filter((item: any) => item.data.listedWithErrors && !item.data.post)
    .map((item: any) => {
      const { file, title, date, tags } = item.data.listedWithErrors as ListedWithErrors;
      return {
        url: item.url,
        data: {
          previewErrors: true,
          post: { file, title, date: date ?? "", tags },
          announcement: { publishedText: date ? publishedText(date, context().settings.language) : "no date" },
        },
      };
    });
}

/** `items` and `withErrors` in one list, newest first; a post with errors and no date readable first (it is being written). */
function newestFirstWith(items: any[], withErrors: any[]): any[] {
  if (!withErrors.length) return items;
  const undated = withErrors.filter((entry) => !entry.data.post.date);
  const dated = withErrors.filter((entry) => entry.data.post.date);
  return [...undated, ...[...items, ...dated].sort((a: any, b: any) => newestFirst(a.data.post, b.data.post))];
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
    // A tag only posts with errors have makes no page: the tags' addresses are worked out from
    // all their spellings together, and a tag read from a broken file must not change them.
    const withErrors = postsWithErrors(api);
    return [...byTag]
      .map(([tag, items]) => ({ tag, slug: slugs.get(tag)!, url: `/tags/${slugs.get(tag)}/`, posts: items, listed: newestFirstWith(items, withErrors.filter((entry) => entry.data.post.tags.includes(tag))) }))
      .sort((a, b) => byText(a.tag.toLowerCase(), b.tag.toLowerCase()) || byText(a.tag, b.tag));
  });

  eleventyConfig.addCollection("postYears", (api: any): YearEntry[] => {
    const byYear = new Map<string, { posts: any[]; withErrors: any[] }>();
    const yearOf = (year: string) => {
      if (!byYear.has(year)) byYear.set(year, { posts: [], withErrors: [] });
      return byYear.get(year)!;
    };
    for (const item of publishedPosts(api)) yearOf((item.data.post.date as string).slice(0, 4)).posts.push(item);
    // A post with errors is in the year of its date, as it would be once fixed; with no date readable, in none.
    for (const entry of postsWithErrors(api)) if (entry.data.post.date) yearOf(entry.data.post.date.slice(0, 4)).withErrors.push(entry);
    return [...byYear]
      .sort(([a], [b]) => byText(b, a))
      .map(([year, { posts, withErrors }]) => ({ year, url: `/archive/${year}/`, posts, listed: newestFirstWith(posts, withErrors) }));
  });

  // The home page paginates over this: one entry per page of `postsPerPage` posts.
  eleventyConfig.addCollection("postPages", (api: any): any[][] => {
    return chunk(newestFirstWith(publishedPosts(api), postsWithErrors(api)), context().settings.postsPerPage);
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
