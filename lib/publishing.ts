// Which posts a build publishes, and which chats are still to come.
import { DateTime } from "luxon";
import type { Post } from "./post-loader.ts";
import { byCodeUnit } from "./stable-order.ts";

export type BuildMode = "build" | "preview";

const HOUR = 3_600_000;

// The last day asked for: a build asks once per post, at one instant.
let lastDay: { millis: number; zone: string; day: string } | undefined;

/**
 * The day it is at `now` where the site's chats are hosted (settings `chat.zone`, the zone
 * the writers live in), YYYY-MM-DD: a post dated this day or earlier is published. The one
 * rule of "published yet?" for the build, its feeds and sitemap, its record of when the clock
 * next matters (lib/build-record.ts), the check's warnings, the preview's marks and `npm run new`.
 */
export function publishDay(now: Date, zone: string): string {
  const millis = now.getTime();
  if (lastDay?.millis === millis && lastDay.zone === zone) return lastDay.day;
  const day = DateTime.fromMillis(millis, { zone }).toISODate();
  // The settings' zone is checked when they are read: one that is not a zone is a bug here.
  if (day === null) throw new Error(`publishDay: "${zone}" is not a time zone, or ${now.toISOString()} not an instant`);
  lastDay = { millis, zone, day };
  return day;
}

/**
 * The instant a post dated `date` is published: the first at which publishDay reaches `date`.
 * That is midnight there, or 01:00 where summer time begins at midnight (America/Santiago),
 * or the next day's start on a day a zone skipped (Pacific/Apia, 2011-12-30). The day there
 * never goes back (summer time that ends at midnight repeats 23:00 of the day before), so
 * from this instant on the post stays published.
 */
export function publishStart(date: string, zone: string): number {
  const reached = (t: number) => publishDay(new Date(t), zone) >= date;
  const guess = DateTime.fromISO(date, { zone }).toMillis();
  if (Number.isFinite(guess) && reached(guess) && !reached(guess - 1)) return guess;
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(utcMidnight)) throw new Error(`publishStart: "${date}" is not a date written YYYY-MM-DD`);
  // Offsets run from UTC−12 to UTC+14: the day starts within a day of its midnight in UTC.
  let before = utcMidnight - 26 * HOUR;
  let from = utcMidnight + 26 * HOUR;
  while (from - before > 1) {
    const mid = Math.floor((before + from) / 2);
    if (reached(mid)) from = mid;
    else before = mid;
  }
  return from;
}

/**
 * Drafts and posts dated after today where the chats are hosted (publishDay) are shown only
 * in preview (`npm start`). A build publishes a post from the start of its date there; the
 * publishing workflow builds just after midnight in that zone (README, "Publishing").
 */
export function isPublished(post: Pick<Post, "draft" | "date">, now: Date, mode: BuildMode, zone: string): boolean {
  if (mode === "preview") return true;
  if (post.draft) return false;
  return !isScheduled(post, now, zone);
}

/** Whether `post`'s date is still to come where the chats are hosted (a draft or not): a build leaves it out until then. */
export function isScheduled(post: Pick<Post, "date">, now: Date, zone: string): boolean {
  return post.date > publishDay(now, zone);
}

/**
 * When a post last changed: when it was corrected (YYYY-MM-DD, or the moment with its
 * offset when the writer gave a time: 2017-05-01T14:30-04:00), or else the day it was published.
 */
export function lastChanged(post: Pick<Post, "date" | "updated" | "updatedAt">): string {
  return post.updatedAt ?? post.updated ?? post.date;
}

/**
 * The instant a feed gives a calendar day (a publish date, or an `updated:` day without a
 * time), reproducible from the day and the site's chat zone. A feed reader shows it in the
 * reader's own zone, so midnight UTC showed the day before to everyone west of UTC. Noon
 * UTC is the same day from UTC−12 to UTC+11; where that is already the next day in the
 * zone the site's chats are hosted in (east of UTC+11: New Zealand, Tonga), 23:00 there,
 * so the site's own readers see the day, and readers as far west as UTC−10 still do.
 */
export function dayInstant(isoDate: string, zone?: string): number {
  const noon = Date.parse(`${isoDate}T12:00:00Z`);
  if (!zone || zone === "UTC") return noon;
  const there = DateTime.fromMillis(noon, { zone }).toISODate();
  if (there === null || there === isoDate) return noon;
  const moved = DateTime.fromISO(`${isoDate}T${there > isoDate ? "23" : "01"}:00`, { zone });
  return moved.isValid && moved.toISODate() === isoDate ? moved.toMillis() : noon;
}

/** A day (dayInstant) or a moment written with its offset (2017-05-01T14:30-04:00, kept as it is), in milliseconds. */
export function changeInstant(text: string, zone?: string): number {
  return text.includes("T") ? Date.parse(text) : dayInstant(text, zone);
}

type Dated = Pick<Post, "date" | "updated" | "updatedAt">;

/** When the post last changed, for a feed's `updated`. */
export function updatedMillis(post: Dated, zone?: string): number {
  return changeInstant(lastChanged(post), zone);
}

/** When the post was published, for a feed's `published`: never after a change written with its time on the publish day. */
export function publishedMillis(post: Dated, zone?: string): number {
  return Math.min(dayInstant(post.date, zone), updatedMillis(post, zone));
}

/** The latest change of any of `posts` (a feed's own <updated>); 0 (1970) for none. */
export function newestChangeMillis(posts: Dated[], zone?: string): number {
  return posts.reduce((newest, post) => Math.max(newest, updatedMillis(post, zone)), 0);
}

/** Newest first; same date: later chat first, then by file for a stable order. */
export function newestFirst(a: Post, b: Post): number {
  return byCodeUnit(b.date, a.date) || (b.chat?.startMillis ?? 0) - (a.chat?.startMillis ?? 0) || byCodeUnit(a.file, b.file);
}

/** Chats that have not ended at `now`, soonest first. */
export function upcomingChats(posts: Post[], now: Date): Post[] {
  return posts
    // A chat called off or put off (`cancelled: true`, `postponed: true`) is no one's next chat.
    .filter((p) => p.chat && p.chat.endMillis > now.getTime() && !p.chat.status)
    .sort((a, b) => a.chat!.startMillis - b.chat!.startMillis);
}
