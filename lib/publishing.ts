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

/** The day a post last changed, YYYY-MM-DD: when it was corrected, or else published. */
export function lastChanged(post: Pick<Post, "date" | "updated">): string {
  return post.updated ?? post.date;
}

/** The latest day any of `posts` changed (a feed's own <updated>); undefined for none. */
export function newestChange(posts: Pick<Post, "date" | "updated">[]): string | undefined {
  return posts.map(lastChanged).sort().at(-1);
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
