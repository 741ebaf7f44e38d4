// Wires the chat calendars into Eleventy: a .ics file next to each announcement,
// the site-wide feed /calendar.ics, and the feed's addresses for every page.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { webcalUrl } from "../lib/calendar-links.ts";
import { CALENDAR_FEED_PATH, calendarText, chatEvent, postCalendarPath, type CalendarEvent, type CalendarSite, type ChatPost } from "../lib/calendar.ts";
import { removeWithEmptyFolders } from "../lib/preview-outputs.ts";
import { absolutePageUrl } from "../lib/share-links.ts";
import { context } from "./context.ts";

/** The site as the calendars see it; the path prefix may be overridden for one build (--path-prefix). */
export function calendarSite(): CalendarSite {
  const { settings } = context();
  return {
    url: settings.url,
    pathPrefix: process.env.CHATPOST_PATH_PREFIX ?? settings.pathPrefix,
    title: settings.title,
    zone: settings.chat.zone,
  };
}

// One event object per (content-cached) post: lib/calendar.ts keeps each event's lines by it.
const events = new WeakMap<ChatPost, CalendarEvent | undefined>();
function eventOf(post: ChatPost | undefined): CalendarEvent | undefined {
  if (!post) return undefined;
  if (events.has(post)) return events.get(post);
  const site = calendarSite();
  const event = chatEvent(post, site, absolutePageUrl(site.url, site.pathPrefix, post.url));
  events.set(post, event);
  return event;
}

export default function calendarPlugin(eleventyConfig: any): void {
  const site = calendarSite();
  // Zones are named in calendars as the pages name them (TZNAME, lib/calendar.ts).
  const locale = context().settings.language;
  const feedUrl = absolutePageUrl(site.url, site.pathPrefix, CALENDAR_FEED_PATH);
  // For <link rel="alternate" type="text/calendar"> and the visible subscribe link on every page.
  eleventyConfig.addGlobalData("calendarFeed", {
    path: CALENDAR_FEED_PATH,
    url: feedUrl,
    webcal: webcalUrl(feedUrl),
    title: `${site.title}: every chat`,
  });

  // Per-post .ics files are written after Eleventy, from the posts the feed was made of,
  // not rendered as 1,000 paginated templates: under `npm start` every edit would
  // re-render all of them. Text is memoised per (content-cached) Post and a file is
  // rewritten only when its text changed, so an edit costs one write.
  const fileText = new WeakMap<ChatPost, string>();
  const written = new Map<string, string>();
  let feedPosts: ChatPost[] = [];

  // collections.posts holds only what this build publishes: drafts and future posts are absent.
  eleventyConfig.addFilter("chatCalendarFeed", (items: Array<{ data: { post?: ChatPost } }>) => {
    feedPosts = items.map((item) => item.data.post).filter((p): p is ChatPost => !!p?.chat);
    return calendarText(
      feedPosts.map((post) => eventOf(post)).filter((e): e is CalendarEvent => e !== undefined),
      { name: site.title, description: `Every chat of ${site.title}, past and upcoming`, refreshHours: 12, locale },
    );
  });

  eleventyConfig.addTemplate("chatpost-calendar-feed.njk", "{{ collections.posts | chatCalendarFeed | safe }}", {
    eleventyExcludeFromCollections: true,
    // Rebuilt under `npm start` when a post changes (the per-post files are written from it too).
    eleventyImport: { collections: ["posts"] },
    layout: false,
    permalink: CALENDAR_FEED_PATH,
  });

  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const fileOf = (post: ChatPost) => path.join(directories.output, ...postCalendarPath(post).split("/").filter(Boolean));
    // Under `npm start` the folder stays: the file of a post deleted, renamed or without a
    // chat any more is removed. Before any await, as the site-links plugin looks in the folder.
    if (context().mode === "preview") {
      const current = new Set(feedPosts.map(fileOf));
      for (const file of written.keys()) {
        if (current.has(file)) continue;
        removeWithEmptyFolders(path.resolve(file), path.resolve(directories.output));
        written.delete(file);
      }
    }
    for (const post of feedPosts) {
      let text = fileText.get(post);
      if (text === undefined) {
        // No NAME: a file of one chat is an event to add, not a calendar (lib/calendar.ts CalendarOptions).
        text = calendarText([eventOf(post)!], { locale });
        fileText.set(post, text);
      }
      const file = fileOf(post);
      if (written.get(file) === text && existsSync(file)) continue;
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
      written.set(file, text);
    }
  });
}
