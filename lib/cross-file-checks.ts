// Problems between posts, found from a few facts of each: its address, date, chat's
// start and links to other posts. Kept apart from the loader so that \`npm run check\`
// can run them on facts kept from an earlier run without parsing any post.
import type { PostLink } from "./body-links.ts";
import type { Diagnostic, Position } from "./diagnostics.ts";
import { closest } from "./suggest.ts";

/** What the link checks need of a post that links to others, loaded or not, or of another page of the site. */
export interface LinkingPost {
  file: string;
  /** Publish date, YYYY-MM-DD; unknown when the post's own date has an error. */
  date?: string;
  /** A page other than a post (content/about.md): published with every build. */
  page?: true;
  draft: boolean;
  postLinks: PostLink[];
}

/** What the checks between posts need of a post. */
export interface CrossFilePost extends LinkingPost {
  url: string;
  date: string;
  chat?: { startMillis: number };
}

export interface CrossFileOptions {
  /** YYYY-MM-DD, UTC, as lib/publishing.ts reads dates: which posts are still to come. */
  today: string;
  /** Where a post's field is written, for the errors about it. */
  where?: (file: string, field: ReadonlyArray<PropertyKey>) => Position;
  /**
   * Posts with errors of their own, and the site's other pages: their links are checked
   * too (every problem at once), but nothing links to them as a post.
   */
  linkingOnly?: LinkingPost[];
}

/**
 * Problems between posts: two posts at one address, two chats at one instant, and a
 * link to a post that is not there or will not be published when the linking post is.
 * Each file of a pair gets its own error naming the other, so fixing either is obvious.
 */
export function crossFileProblems(posts: CrossFilePost[], options: CrossFileOptions): Diagnostic[] {
  const { today, where = () => ({ line: 1, column: 1 }), linkingOnly = [] } = options;
  const out: Diagnostic[] = [...linkProblems(posts, [...posts, ...linkingOnly], today)];
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

/**
 * Links between posts that lead nowhere on the site. A link by address to no post's
 * address is an error (one by file to a missing file is the loader's). A published
 * post's (or page's) link to a draft, or to a post dated later than both it and today,
 * is a warning: the page is built, but readers following the link find nothing until
 * that post is published. A draft's links are not checked: nobody reads it yet.
 */
function linkProblems(posts: CrossFilePost[], sources: LinkingPost[], today: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!sources.some((p) => p.postLinks.length)) return out;
  const byFile = new Map(posts.map((p) => [p.file, p]));
  const byUrl = new Map(posts.map((p) => [p.url, p]));
  for (const post of sources) {
    if (post.draft) continue;
    for (const link of post.postLinks) {
      const at = { file: post.file, line: link.line, column: link.column ?? 1, field: "" };
      const target = link.file !== undefined ? byFile.get(link.file) : byUrl.get(link.url!);
      if (!target) {
        // A post file that exists but could not be loaded has its own errors.
        if (link.file !== undefined) continue;
        const guess = closest(link.url!, [...byUrl.keys()]);
        out.push({
          severity: "error", ...at,
          message: `the link to ${link.href} leads to no post: no post has the address ${link.url}`,
          fix: guess ? `did you mean ${guess}? Or link to the post by its file name, e.g. [last week](2017-04-30-online-communities.md)` : "check the address, or link to the post by its file name, e.g. [last week](2017-04-30-online-communities.md)",
        });
      } else if (target.file === post.file) {
        continue;
      } else if (target.draft) {
        out.push({
          severity: "warning", ...at,
          message: `the link to ${link.href} leads to a draft (${target.file}), which is not published: on the site the link leads nowhere`,
          fix: "publish that post first (remove its `draft: true`), or leave the link out until it is",
        });
      } else if (target.date > today && (post.page || (post.date !== undefined && target.date > post.date))) {
        out.push({
          severity: "warning", ...at,
          message: post.page
            ? `the link to ${link.href} leads to a post dated ${target.date} (${target.file}), not published yet: until then the link leads nowhere`
            : `the link to ${link.href} leads to a post dated ${target.date} (${target.file}), published after this one (${post.date}): until then the link leads nowhere`,
          fix: post.page ? "add the link once that post is published" : `date this post ${target.date} or later, or add the link once that post is published`,
        });
      }
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
