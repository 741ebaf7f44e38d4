// Links that put a chat in a reader's calendar or show it in every zone: Google
// Calendar, Outlook on the web (for a personal Microsoft account and for a work or
// school one), and timeanddate.com's converter. Every value is URL-encoded here; a
// template only places the result. The title given is used as it is: a right-to-left
// post title is already isolated in it (chatSummary, lib/calendar.ts).
import { chatDetails, chatSummary, postCalendarPath, utcStamp, type CalendarSite, type ChatPost } from "./calendar.ts";

export interface LinkEvent {
  title: string;
  startMillis: number;
  endMillis: number;
  /** IANA zone of the host, shown by Google as the event's zone. */
  zone: string;
  /** Plain text: topics, hashtag, address of the announcement. */
  details: string;
  location: string;
}

export interface CalendarLinks {
  google: string;
  /** Outlook.com: a personal Microsoft account (Outlook.com, Hotmail, Live). */
  outlookPersonal: string;
  /** Outlook on the web with a work or school account (Microsoft 365). */
  outlookWork: string;
  timeAndDate: string;
}

/**
 * Where Outlook on the web lives for each kind of Microsoft account. A personal account
 * cannot sign in to the work one, nor a work account to the personal one; the compose
 * deeplink and its parameters are the same on both.
 */
export const OUTLOOK_ORIGINS = {
  personal: "https://outlook.live.com",
  work: "https://outlook.office.com",
} as const;

export type OutlookAccount = keyof typeof OUTLOOK_ORIGINS;

/** Query string with every name and value percent-encoded (spaces as %20, never `+`). */
function query(pairs: Array<[string, string]>): string {
  return pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join("&");
}

/** Google Calendar's event template: UTC times, the host zone for display. */
export function googleCalendarUrl(event: LinkEvent): string {
  return `https://calendar.google.com/calendar/render?${query([
    ["action", "TEMPLATE"],
    ["text", event.title],
    ["dates", `${utcStamp(event.startMillis)}/${utcStamp(event.endMillis)}`],
    ["ctz", event.zone],
    ["details", event.details],
    ["location", event.location],
  ])}`;
}

/** Outlook on the web's compose deeplink, for one kind of account: ISO 8601 UTC times. */
export function outlookCalendarUrl(event: LinkEvent, account: OutlookAccount): string {
  const iso = (millis: number) => new Date(millis).toISOString().replace(/\.\d{3}Z$/, "Z");
  return `${OUTLOOK_ORIGINS[account]}/calendar/0/deeplink/compose?${query([
    ["path", "/calendar/action/compose"],
    ["rru", "addevent"],
    ["subject", event.title],
    ["startdt", iso(event.startMillis)],
    ["enddt", iso(event.endMillis)],
    ["body", event.details],
    ["location", event.location],
  ])}`;
}

/**
 * timeanddate.com's fixed-time page: the start in UTC (`iso`, with `p1=1440`, their
 * id for UTC), the length in hours and minutes, and the title as the message.
 */
export function timeAndDateUrl(event: LinkEvent): string {
  const minutes = Math.round((event.endMillis - event.startMillis) / 60_000);
  const pairs: Array<[string, string]> = [
    ["msg", event.title],
    ["iso", utcStamp(event.startMillis).slice(0, 13)],
    ["p1", "1440"],
  ];
  if (minutes >= 60) pairs.push(["ah", String(Math.floor(minutes / 60))]);
  if (minutes % 60) pairs.push(["am", String(minutes % 60)]);
  return `https://www.timeanddate.com/worldclock/fixedtime.html?${query(pairs)}`;
}

export function calendarLinks(event: LinkEvent): CalendarLinks {
  return {
    google: googleCalendarUrl(event),
    outlookPersonal: outlookCalendarUrl(event, "personal"),
    outlookWork: outlookCalendarUrl(event, "work"),
    timeAndDate: timeAndDateUrl(event),
  };
}

/** `webcal://host/path` for an absolute http(s) address, so a click subscribes instead of downloading. */
export function webcalUrl(absoluteUrl: string): string {
  return absoluteUrl.replace(/^https?:\/\//, "webcal://");
}

/** Everything the chat block links to, for one post. */
export interface ChatLinks extends CalendarLinks {
  /** Root-relative address of the post's .ics file (the path prefix is added when the page is built). */
  ics: string;
  /** Absolute address of the announcement. */
  pageUrl: string;
}

export function chatLinks(post: ChatPost, site: CalendarSite, pageUrl: string): ChatLinks | undefined {
  if (!post.chat) return undefined;
  const links = calendarLinks({
    title: chatSummary(post),
    startMillis: post.chat.startMillis,
    endMillis: post.chat.endMillis,
    zone: post.chat.zone,
    details: chatDetails(post, site, pageUrl),
    location: post.chat.url,
  });
  return { ...links, ics: postCalendarPath(post), pageUrl };
}
