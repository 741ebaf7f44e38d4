// Wires the chat calendars into Eleventy: a .ics file next to each announcement,
// the site-wide feed /calendar.ics, and the feed's addresses for every page.
import { webcalUrl } from "../lib/calendar-links.ts";
import { CALENDAR_FEED_PATH, calendarText, chatEvent, type CalendarEvent, type CalendarSite, type ChatPost } from "../lib/calendar.ts";
import { absolutePageUrl } from "../lib/share-links.ts";
import { context } from "./context.ts";

/** The site as the calendars see it; the path prefix may be overridden for one build (--path-prefix). */
export function calendarSite(): CalendarSite {
  const { settings } = context();
  return {
    url: settings.url,
    pathPrefix: process.env.CHATPOST_PATH_PREFIX ?? settings.pathPrefix,
    title: settings.title,
    chatPlatform: settings.chat.platform,
    chatUrl: settings.chat.url,
  };
}

function eventOf(post: ChatPost | undefined): CalendarEvent | undefined {
  if (!post) return undefined;
  const site = calendarSite();
  return chatEvent(post, site, absolutePageUrl(site.url, site.pathPrefix, post.url));
}

export default function calendarPlugin(eleventyConfig: any): void {
  const site = calendarSite();
  const feedUrl = absolutePageUrl(site.url, site.pathPrefix, CALENDAR_FEED_PATH);
  // For <link rel="alternate" type="text/calendar"> and the visible subscribe link on every page.
  eleventyConfig.addGlobalData("calendarFeed", {
    path: CALENDAR_FEED_PATH,
    url: feedUrl,
    webcal: webcalUrl(feedUrl),
    title: `${site.title}: every chat`,
  });

  eleventyConfig.addFilter("chatCalendarFile", (post: ChatPost) => {
    const event = eventOf(post);
    return event ? calendarText([event], { name: `${site.title}: ${post.title}` }) : "";
  });
  // collections.posts holds only what this build publishes: drafts and future posts are absent.
  eleventyConfig.addFilter("chatCalendarFeed", (items: Array<{ data: { post?: ChatPost } }>) =>
    calendarText(
      items.map((item) => eventOf(item.data.post)).filter((e): e is CalendarEvent => e !== undefined),
      { name: site.title, description: `Every chat of ${site.title}, past and upcoming`, refreshHours: 12 },
    ),
  );

  const notACollectionPage = { eleventyExcludeFromCollections: true, layout: false };
  eleventyConfig.addTemplate("chatpost-calendar-feed.njk", "{{ collections.posts | chatCalendarFeed | safe }}", {
    ...notACollectionPage,
    permalink: CALENDAR_FEED_PATH,
  });
  eleventyConfig.addTemplate("chatpost-post-calendar.njk", "{{ chatPost.data.post | chatCalendarFile | safe }}", {
    ...notACollectionPage,
    pagination: {
      data: "collections.posts",
      size: 1,
      alias: "chatPost",
      before: (items: Array<{ data: { post?: ChatPost } }>) => items.filter((item) => item.data.post?.chat),
    },
    permalink: "{{ chatPost.data.post.url }}chat.ics",
  });
}
