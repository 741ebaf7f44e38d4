// What an announcement page shows, derived once from a validated Post.
// Templates only place these values; they compute nothing.
import { bibliographyHtml, notesHtml, type CitationStyle } from "./citations.ts";
import type { SharedBibliography } from "./bibliography.ts";
import { postCitations } from "./post-citations.ts";
import { describeChatTime, type ChatTimeText } from "./chat-time.ts";
import type { Post } from "./post-loader.ts";
import { chatLinks, type ChatLinks } from "./calendar-links.ts";
import type { CalendarSite } from "./calendar.ts";
import { absolutePageUrl, topicCopyText } from "./share-links.ts";
import { dateTimeFormat } from "./intl-formats.ts";

export interface TopicView {
  label: string;
  anchor: string;
  text: string;
  /** What its copy button puts on the clipboard: `T1 <text> #hashtag`, the tag once. */
  copyText: string;
}

export interface ChatView extends ChatTimeText {
  hashtag: string;
  /** Where the chat happens, e.g. Bluesky (the post's own, or the site's). */
  platform: string;
  /** Where readers follow or join this chat live (not the site's page when the tag or the place is the post's own). */
  url: string;
  durationMinutes: number;
  /** "1 hour", "90 minutes" */
  durationText: string;
  startMillis: number;
  endMillis: number;
  zone: string;
  /** Calendar file, Google, Outlook and time-converter links (when the site is known). */
  links?: ChatLinks;
  /** Called off (`cancelled: true`) or put off to a day not yet known (`postponed: true`): the page offers no way to join or add it. */
  status?: "cancelled" | "postponed";
  /** The time it had before it moved (`moved_from:`), said as the start is. */
  movedFrom?: ChatTimeText;
}

export interface Announcement {
  chat?: ChatView;
  topics: TopicView[];
  /** Escaped HTML of the bibliography, or "" when the post has no references. */
  bibliographyHtml: string;
  /** HTML of each in-text citation of the body, in document order (lib/markdown.ts places them). */
  citations: string[];
  /** With a note style, the citations' footnotes as an HTML list (placed before the references); otherwise "". */
  notesHtml: string;
  /** "April 30, 2017" */
  publishedText: string;
  /** The same for the day it was last corrected, when it was. */
  updatedText?: string;
}

export interface AnnouncementOptions {
  citations: CitationStyle;
  /** The site-wide bibliography that posts cite by key. */
  bibliography?: SharedBibliography;
  /** The site's language (BCP 47, e.g. en-US): the locale for dates, and the page's language. */
  locale: string;
  /** The site's address and chat; needed for calendar links and structured data. */
  site?: CalendarSite;
  /** The site's hashtag: a post without a chat copies its topics with it. */
  siteHashtag?: string;
}

export function buildAnnouncement(post: Post, options: AnnouncementOptions): Announcement {
  const chat: ChatView | undefined = post.chat && {
    ...describeChatTime(post.chat, options.locale),
    hashtag: post.chat.hashtag,
    platform: post.chat.platform,
    url: post.chat.url,
    durationMinutes: post.chat.durationMinutes,
    durationText: durationText(post.chat.durationMinutes),
    startMillis: post.chat.startMillis,
    endMillis: post.chat.endMillis,
    zone: post.chat.zone,
    ...(post.chat.status ? { status: post.chat.status } : {}),
    ...(post.chat.movedFrom ? { movedFrom: describeChatTime(post.chat.movedFrom, options.locale) } : {}),
  };
  const site = options.site;
  const pageUrl = site && absolutePageUrl(site.url, site.pathPrefix, post.url);
  if (chat && site && pageUrl) chat.links = chatLinks(post, site, pageUrl);
  const hashtag = post.chat?.hashtag ?? options.siteHashtag;
  const cited = postCitations(post, options.citations, options.bibliography);
  return {
    ...(chat ? { chat } : {}),
    topics: post.topics.map((text, i) => ({ label: `T${i + 1}`, anchor: `t${i + 1}`, text, copyText: topicCopyText(`T${i + 1}`, text, hashtag) })),
    citations: cited.citations,
    // A work in another language than the page's says so (lang), in its entry and in its notes.
    notesHtml: notesHtml(cited.notes, cited.bibliography, options.locale),
    bibliographyHtml: bibliographyHtml(cited.bibliography, options.locale),
    publishedText: publishedText(post.date, options.locale),
    ...(post.updated ? { updatedText: publishedText(post.updated, options.locale) } : {}),
  };
}

export function durationText(minutes: number): string {
  if (minutes % 60 === 0) {
    const h = minutes / 60;
    return h === 1 ? "1 hour" : `${h} hours`;
  }
  return `${minutes} minutes`;
}

export function publishedText(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return dateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
