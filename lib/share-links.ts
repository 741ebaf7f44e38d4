// Share links for a post and the text a reader copies to answer or quote a topic.
// Plain links that work without JavaScript; every value is URL-encoded here so a
// template only places the result (and escapes it for the attribute).
import { mentionsHashtag } from "./chat-address.ts";
import { absoluteUrl } from "./site-url.ts";

export interface ShareInput {
  title: string;
  /** The post's address without the path prefix, e.g. /posts/online-communities/ */
  path: string;
  /** The site's public address from the settings, e.g. https://example.org/ */
  siteUrl: string;
  /** The path prefix the site is served under, e.g. / or /repo/ */
  pathPrefix: string;
  /** The chat's hashtag, e.g. #hcldr; added to the shared text when given. */
  hashtag?: string;
  /** A chat called off (`cancelled: true`) or put off (`postponed: true`): said first. */
  status?: ChatState;
}

/** A chat that will not take place as announced (`cancelled: true`, `postponed: true`). */
export type ChatState = "cancelled" | "postponed";

/**
 * The title a cancelled or postponed chat is shared and listed with: "Cancelled: " or
 * "Postponed: " first, as the feeds and calendars say it, so that a link shared after the
 * change does not read as an invitation.
 */
export function titleWithChatState(title: string, status?: ChatState): string {
  return status === "cancelled" ? `Cancelled: ${title}` : status === "postponed" ? `Postponed: ${title}` : title;
}

export interface ShareLink {
  /** Stable key, also used as a CSS class hook. */
  service: "bluesky" | "mastodon" | "linkedin" | "email";
  /** What the link says, e.g. "Bluesky". */
  label: string;
  /** What it says to a screen reader's list of links, out of its section: "Share on Bluesky". */
  action: string;
  href: string;
}

/**
 * The public address of a page: `siteUrl` with the path prefix and the page path
 * (lib/site-url.ts, the rule canonical URLs and feeds use). Kept here for the modules
 * that import it from share-links (announcement, calendar).
 */
export function absolutePageUrl(siteUrl: string, pathPrefix: string, pagePath: string): string {
  return absoluteUrl(siteUrl, pathPrefix, pagePath);
}

/** The text shared with the link: the title, then the hashtag, unless the title holds it already. */
export function shareText(title: string, hashtag?: string): string {
  return hashtag && !mentionsHashtag(title, hashtag) ? `${title} ${hashtag}` : title;
}

export function shareLinks(input: ShareInput): ShareLink[] {
  // The same address as the page's canonical URL and its feed entries.
  const url = absolutePageUrl(input.siteUrl, input.pathPrefix, input.path);
  const title = titleWithChatState(input.title, input.status);
  const text = shareText(title, input.hashtag);
  const q = encodeURIComponent;
  return [
    // Bluesky's compose intent takes one text field; the link goes inside it.
    { service: "bluesky", label: "Bluesky", action: "Share on Bluesky", href: `https://bsky.app/intent/compose?text=${q(`${text} ${url}`)}` },
    // Mastodon has no single server: Share₂Fedi asks the reader for theirs, then opens its share intent.
    { service: "mastodon", label: "Mastodon", action: "Share on Mastodon", href: `https://s2f.kytta.dev/?text=${q(`${text} ${url}`)}` },
    { service: "linkedin", label: "LinkedIn", action: "Share on LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}` },
    // mailto wants %20 for spaces (RFC 6068), which encodeURIComponent gives.
    { service: "email", label: "Email", action: "Share by email", href: `mailto:?subject=${q(title)}&body=${q(`${text}\n\n${url}`)}` },
  ];
}

/**
 * What the copy button of a topic puts on the clipboard, as it is posted in the chat:
 * `T1 <topic text> #hashtag`, the hashtag left off when the question holds it already.
 */
export function topicCopyText(label: string, text: string, hashtag?: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return hashtag && !mentionsHashtag(oneLine, hashtag) ? `${label} ${oneLine} ${hashtag}` : `${label} ${oneLine}`;
}
