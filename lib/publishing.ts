// Which posts a build publishes, and which chats are still to come.
import type { Post } from "./post-loader.ts";

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

/** The latest change of any of `posts` (a feed's own <updated>), as lastChanged gives it; undefined for none. */
export function newestChange(posts: Pick<Post, "date" | "updated" | "updatedAt">[]): string | undefined {
  let newest: { text: string; millis: number } | undefined;
  for (const post of posts) {
    const text = lastChanged(post);
    const millis = changeMillis(text);
    if (!newest || millis > newest.millis) newest = { text, millis };
  }
  return newest?.text;
}

/** A day (at midnight UTC, which keeps builds reproducible) or a moment with its offset, in milliseconds. */
export function changeMillis(text: string): number {
  return Date.parse(text.includes("T") ? text : `${text}T00:00:00Z`);
}

/** Newest first; same date: later chat first, then by file for a stable order. */
export function newestFirst(a: Post, b: Post): number {
  return b.date.localeCompare(a.date) || (b.chat?.startMillis ?? 0) - (a.chat?.startMillis ?? 0) || a.file.localeCompare(b.file);
}

/** Chats that have not ended at `now`, soonest first. */
export function upcomingChats(posts: Post[], now: Date): Post[] {
  return posts
    .filter((p) => p.chat && p.chat.endMillis > now.getTime())
    .sort((a, b) => a.chat!.startMillis - b.chat!.startMillis);
}
