// schema.org JSON-LD for an announcement: the post as a BlogPosting and its chat as
// an online Event, so search engines can show the date and where to join.
import { DateTime } from "luxon";
import { jsonForScript } from "./html.ts";

export interface StructuredSite {
  title: string;
  /** Absolute address of the home page. */
  homeUrl: string;
  /** The site's language tag: a post's, unless it gives its own. */
  language?: string;
}

export interface StructuredPost {
  title: string;
  date: string;
  updated?: string;
  updatedAt?: string;
  author: string;
  description?: string;
  /** The language of the post's text, when it is not the site's (`language: es`). */
  language?: string;
  tags: string[];
  topics: string[];
  /** `platform` and `url`: where this chat happens and where readers follow or join it. */
  chat?: {
    startMillis: number; endMillis: number; zone: string; hashtag: string; platform: string; url: string;
    /** Called off, or put off to a day not yet known (`cancelled: true`, `postponed: true`). */
    status?: "cancelled" | "postponed";
    /** The start it had before it moved (`moved_from:`). */
    movedFrom?: { startMillis: number };
  };
}

export interface StructuredInput {
  post: StructuredPost;
  site: StructuredSite;
  /** Absolute address of the announcement. */
  pageUrl: string;
  /** Absolute address of the post's image, if it has one. */
  imageUrl?: string;
  /** Absolute address of the post's share image (1200×630, plugins/og-image.ts): the image of a post without one. */
  shareImageUrl?: string;
  /** The page's meta description (lib/description.ts): the BlogPosting's when the post gives none. */
  description?: string;
}

/** ISO 8601 with the host zone's offset at that instant: 2017-05-02T20:30:00-04:00. */
export function isoWithOffset(millis: number, zone: string): string {
  return DateTime.fromMillis(millis, { zone }).toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

export function eventDescription(post: StructuredPost): string {
  if (post.description) return post.description;
  const topics = post.topics.map((t, i) => `T${i + 1}: ${t}`).join(" ");
  return [`${post.chat?.hashtag ?? ""} chat: ${post.title}.`.trim(), topics].filter(Boolean).join(" ");
}

/** The JSON-LD graph: a BlogPosting, and an Event when the post announces a chat. */
export function structuredData({ post, site, pageUrl, imageUrl, shareImageUrl, description }: StructuredInput): Record<string, unknown> {
  const organizer = { "@type": "Organization", name: site.title, url: site.homeUrl };
  // Search engines show an image only when the data names one: the post's own, else its share image.
  const shown = imageUrl ?? shareImageUrl;
  const image = shown ? { image: [shown] } : {};
  const postingDescription = post.description ?? description;
  // What language the headline, description and text are in (the Event's name and description too).
  const language = post.language ?? site.language;
  const inLanguage = language ? { inLanguage: language } : {};
  const graph: Record<string, unknown>[] = [
    {
      "@type": "BlogPosting",
      "@id": `${pageUrl}#post`,
      headline: post.title,
      url: pageUrl,
      mainEntityOfPage: pageUrl,
      datePublished: post.date,
      ...(post.updated ? { dateModified: post.updatedAt ?? post.updated } : {}),
      author: { "@type": "Person", name: post.author },
      publisher: organizer,
      ...(postingDescription ? { description: postingDescription } : {}),
      ...(post.tags.length ? { keywords: post.tags.join(", ") } : {}),
      ...inLanguage,
      ...image,
      ...(post.chat ? { about: { "@id": `${pageUrl}#chat` } } : {}),
    },
  ];
  if (post.chat) {
    graph.push({
      "@type": "Event",
      "@id": `${pageUrl}#chat`,
      name: post.title,
      description: eventDescription(post),
      startDate: isoWithOffset(post.chat.startMillis, post.chat.zone),
      endDate: isoWithOffset(post.chat.endMillis, post.chat.zone),
      eventAttendanceMode: "https://schema.org/OnlineEventAttendanceMode",
      ...eventStatus(post.chat),
      location: { "@type": "VirtualLocation", name: `${post.chat.hashtag} on ${post.chat.platform}`, url: post.chat.url },
      organizer,
      isAccessibleForFree: true,
      ...inLanguage,
      url: pageUrl,
      ...image,
    });
  }
  return { "@context": "https://schema.org", "@graph": graph };
}

/**
 * schema.org's eventStatus, with previousStartDate where it asks for one: a postponed event
 * keeps its start (no new one is known), a moved one has its old start there.
 */
function eventStatus(chat: NonNullable<StructuredPost["chat"]>): Record<string, string> {
  if (chat.status === "cancelled") return { eventStatus: "https://schema.org/EventCancelled" };
  if (chat.status === "postponed") return { eventStatus: "https://schema.org/EventPostponed", previousStartDate: isoWithOffset(chat.startMillis, chat.zone) };
  if (chat.movedFrom) return { eventStatus: "https://schema.org/EventRescheduled", previousStartDate: isoWithOffset(chat.movedFrom.startMillis, chat.zone) };
  return { eventStatus: "https://schema.org/EventScheduled" };
}

/** The graph serialised for a `<script type="application/ld+json">` element (no `</script>` can escape). */
export function structuredDataScript(input: StructuredInput): string {
  return jsonForScript(structuredData(input));
}
