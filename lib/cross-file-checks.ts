// Problems between posts, found from a few facts of each: its address and its chat's
// start. Kept apart from the loader so that \`npm run check\` can run them on facts
// kept from an earlier run without parsing any post.
import type { Diagnostic, Position } from "./diagnostics.ts";

/** What the checks between posts need of a post. */
export interface CrossFilePost {
  file: string;
  url: string;
  draft: boolean;
  chat?: { startMillis: number };
}

/**
 * Problems between posts: two posts at one address, or two chats at one instant.
 * Each file of a pair gets its own error naming the other, so fixing either is obvious.
 */
export function crossFileProblems(
  posts: CrossFilePost[],
  where: (file: string, field: ReadonlyArray<PropertyKey>) => Position = () => ({ line: 1, column: 1 }),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byUrl = groupBy(posts, (p) => p.url);
  for (const [url, group] of byUrl) {
    if (group.length < 2) continue;
    for (const post of group) {
      const others = group.filter((p) => p !== post).map((p) => p.file);
      out.push({
        severity: "error", file: post.file, line: 1, column: 1, field: "",
        message: `this post and ${others.join(", ")} both get the address ${url}`,
        fix: "rename one of the files so that the part of the name after the date differs",
      });
    }
  }
  // Drafts are not published, so they may share a slot with the post that replaces them.
  const byStart = groupBy(posts.filter((p) => p.chat && !p.draft), (p) => p.chat!.startMillis);
  for (const [, group] of byStart) {
    if (group.length < 2) continue;
    for (const post of group) {
      const others = group.filter((p) => p !== post).map((p) => p.file);
      out.push({
        severity: "error", file: post.file, ...where(post.file, ["chat", "start"]), field: "chat.start",
        message: `this chat starts at the same moment (${new Date(post.chat!.startMillis).toISOString().replace(".000Z", "Z")}) as the chat in ${others.join(", ")}`,
        fix: "correct the start of one of them, or mark one `draft: true`",
      });
    }
  }
  return out;
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
