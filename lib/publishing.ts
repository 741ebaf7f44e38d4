// Which posts a build publishes, and which chats are still to come.
import { DateTime } from "luxon";
import type { Post } from "./post-loader.ts";
import { byCodeUnit } from "./stable-order.ts";

export type BuildMode = "build" | "preview";

/**
 * Drafts and future-dated posts are shown only in preview (`npm start`).
 * A post dated D is published by the first build on or after D (UTC), which the
 * daily scheduled build guarantees.
 */
export function isPublished(post: Pick<Post, "draft" | "date">, now: Date, mode: BuildMode): boolean {
  if (mode === "preview") return true;
  if (post.draft) return false;
  return post.date <= now.toISOString().slice(0, 10);
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
    .filter((p) => p.chat && p.chat.endMillis > now.getTime())
    .sort((a, b) => a.chat!.startMillis - b.chat!.startMillis);
}
