// Problems between posts, found from a few facts of each: its address, date, chat's
// start, tags and links to other posts. Kept apart from the loader so that \`npm run check\`
// can run them on facts kept from an earlier run without parsing any post.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PostLink, SitePost } from "./body-links.ts";
import { formatOffset } from "./chat-time.ts";
import { isPostFile, listContentFiles, listPostFiles, POSTS_DIR, SETTINGS_FILE, slugFromFile } from "./content-paths.ts";
import { fieldPath, fieldWords, type Diagnostic, type Position } from "./diagnostics.ts";
import { furtherAheadThanNeeded, futureChange } from "./post-dates.ts";
import { unrevisedChange } from "./calendar.ts";
import { baseSlug } from "./slug.ts";
import { closest } from "./suggest.ts";
import { byCodeUnit } from "./stable-order.ts";

/** What the checks of links and tags need of a post, loaded or not, or of another page of the site. */
export interface LinkingPost {
  file: string;
  /** Publish date, YYYY-MM-DD; unknown when the post's own date has an error. */
  date?: string;
  /** A page other than a post (content/about.md): published with every build. */
  page?: true;
  draft: boolean;
  postLinks: PostLink[];
  /** Its tags, for the check of their spellings across posts. */
  tags?: string[];
  /** Where each of `tags` is written; `where` is asked for any missing. */
  tagsAt?: Position[];
  /** Its usable `references:`, for a citation of one of them in another post (references are per post). */
  references?: ReadonlyArray<{ id: string }>;
  /** Where each of `references` has its id; `where` is asked for any missing. */
  referencesAt?: Position[];
  /**
   * Its references with an error of their own (not in `references`), each with its place
   * among the `references:` written: a post citing one is told where it is, to copy once fixed.
   */
  brokenReferences?: ReadonlyArray<{ id: string; index: number }>;
  /** Where each of `brokenReferences` has its id; `where` is asked for any missing. */
  brokenReferencesAt?: Position[];
  /**
   * The ids written in its `references:` when YAML cannot read that field at all (a quote
   * left open, an entry out of line), each with the line it is written on and the line of
   * the error that must be fixed first: a post citing one is told that this post has it.
   */
  unreadableReferences?: ReadonlyArray<UnreadableReference>;
}

/** An id written in a post's `references:` that YAML could not read. */
export interface UnreadableReference {
  id: string;
  /** The line of its `id:`. */
  line?: number;
  /** The line of the YAML error that keeps the post's `references:` from being read. */
  errorLine?: number;
}

/**
 * A citation (or a key of `nocite:`) that neither its post's references nor the shared
 * bibliography hold (lib/post-citations.ts). Whether another post holds the key is known
 * only here, so the error is told here: one per citation, from the facts of every post.
 */
export interface UnresolvedCitation {
  key: string;
  /** The error as the post alone tells it. */
  problem: Diagnostic;
  /** The citation as written, "[see @smith2016, p. 3]"; absent for a key of `nocite:`. */
  source?: string;
}

/** What the checks between posts need of a post. */
export interface CrossFilePost extends LinkingPost {
  url: string;
  date: string;
  /** Its title, for two posts titled alike; absent in facts kept by an older chatpost. */
  title?: string;
  /** Where its title is written; `where` is asked when missing. */
  titleAt?: Position;
  /** Its chat: when, as the writer wrote it, and for how long, on which hashtag. */
  chat?: {
    startMillis: number; endMillis?: number; hashtag?: string; wallClock?: string; zone?: string;
    /** Called off or put off (`cancelled: true`, `postponed: true`). */
    status?: "cancelled" | "postponed";
    /** The start it had before it moved (`moved_from:`). */
    movedFrom?: { startMillis: number };
    /** Where `cancelled:`, `postponed:` or `moved_from:` is written. */
    changeAt?: Position;
  };
  /** Its questions (`topics:`), for a post copied from another with them; absent in facts kept by an older chatpost. */
  topics?: readonly string[];
  /** Where `topics:` is written; `where` is asked when missing. */
  topicsAt?: Position;
  /** The day it was last corrected (`updated:`), YYYY-MM-DD. */
  updated?: string;
  /** The moment of that correction when written with its time, with the offset: 2017-05-01T14:30-04:00. */
  updatedAt?: string;
  /** Where `updated:` is written; `where` is asked when missing. */
  updatedFieldAt?: Position;
}

export interface CrossFileOptions {
  /** Today where the chats are hosted, YYYY-MM-DD (lib/clock.ts today): posts dated later are still to come. */
  today: string;
  /** Where a post's field is written, for the errors about it. */
  where?: (file: string, field: ReadonlyArray<PropertyKey>) => Position;
  /**
   * Posts with errors of their own, and the site's other pages: their links (and a post's
   * tags) are checked too (every problem at once), but nothing links to them as a post.
   */
  linkingOnly?: LinkingPost[];
  /**
   * Every post file of the site, from the project root, those with errors of their own too
   * (other files are left out): a link to the address of one that could not be loaded is
   * not told as a link to no post (its own errors are the cause), and the example of a link
   * by file names one of them. Without it, only the posts in `posts` and `linkingOnly` are known.
   */
  postFiles?: readonly string[];
  /**
   * Posts whose next `updated:` must be dated ahead, as calendars were given one dated ahead
   * and the chat changed since (lib/chat-revisions.ts mustStayAhead), with the revision the
   * change needs: a date ahead is told only when further ahead than that.
   */
  mustStayAhead?: ReadonlyMap<string, string>;
}

/**
 * Problems between posts: two posts at one address, two chats at one instant, one tag
 * written two ways, and a link to a post that is not there or will not be published
 * when the linking post is.
 * Each file of a pair gets its own error naming the other, so fixing either is obvious.
 */
export function crossFileProblems(posts: CrossFilePost[], options: CrossFileOptions): Diagnostic[] {
  const { today, where = () => ({ line: 1, column: 1 }), linkingOnly = [] } = options;
  const postFiles = [...new Set([...(options.postFiles ?? []), ...posts.map((p) => p.file), ...linkingOnly.map((p) => p.file)])].filter(isPostFile);
  const out: Diagnostic[] = [...linkProblems(posts, [...posts, ...linkingOnly], today, postFiles)];
  // Posts with errors of their own too: their address is their file's, and the clash is told
  // with their other errors, not only once they are fixed (under `npm start` the address would
  // show both files' problems, the valid post's page gone without a word).
  const urlOf = new Map(posts.map((p) => [p.file, p.url]));
  const byUrl = groupBy(postFiles, (file) => urlOf.get(file) ?? `/posts/${slugFromFile(file)}/`);
  for (const [url, group] of byUrl) {
    if (group.length < 2) continue;
    for (const file of group) {
      const others = group.filter((other) => other !== file);
      out.push({
        severity: "error", file, line: 1, column: 1, field: "",
        message: `this post and ${fewOf(others)} ${others.length > 1 ? "all" : "both"} get the address ${url}`,
        fix: "rename one of the files so that the part of the name after the date differs",
      });
    }
  }
  out.push(...futureChanges(posts, today, where, options.mustStayAhead));
  out.push(...unrevisedChanges(posts, today, where));
  out.push(...chatClashes(posts, where));
  out.push(...titleClashes(posts, where));
  out.push(...copiedChats(posts, where));
  // A post with errors of its own keeps its tags: a spelling differing from another post's is reported at once.
  out.push(...tagProblems([...posts, ...linkingOnly.filter((p) => p.tags?.length)], where));
  return out;
}

/**
 * An `updated:` dated further ahead than tomorrow (lib/post-dates.ts futureChange). Told here,
 * not by the loader: it depends on the build's day, and a post's own problems are kept per file.
 */
function futureChanges(posts: CrossFilePost[], today: string, where: NonNullable<CrossFileOptions["where"]>, mustStayAhead?: ReadonlyMap<string, string>): Diagnostic[] {
  return posts.flatMap((post) => {
    if (post.updated === undefined) return [];
    const updated = post.updatedAt?.slice(0, 16) ?? post.updated;
    const needed = mustStayAhead?.get(post.file);
    const slip = needed === undefined ? futureChange({ date: post.date, updated, today }) : furtherAheadThanNeeded(updated, needed);
    if (!slip) return [];
    return [{ severity: "warning" as const, file: post.file, ...(post.updatedFieldAt ?? where(post.file, ["updated"])), field: "updated", ...slip }];
  });
}

/**
 * A chat cancelled, postponed or moved without `updated:` (lib/calendar.ts unrevisedChange):
 * calendars would keep it as it was. Told here, with today's date to write: it depends on the
 * build's day, and a post's own problems are kept per file.
 */
function unrevisedChanges(posts: CrossFilePost[], today: string, where: NonNullable<CrossFileOptions["where"]>): Diagnostic[] {
  return posts.flatMap((post) => {
    const slip = unrevisedChange(post, today);
    if (!slip || !post.chat) return [];
    const field = post.chat.status ?? "moved_from";
    return [{ severity: "error" as const, file: post.file, ...(post.chat.changeAt ?? where(post.file, ["chat", field])), field: `chat.${field}`, ...slip }];
  });
}

/**
 * Tags written differently (`Nursing`, `nursing`; `santé`, `sante`) that would share one
 * tag page. Left alone, tagSlugs (lib/slug.ts) gives each its own hashed address, and the
 * page readers knew, /tags/nursing/, disappears. Each spelling other than the one most
 * posts use is an error where it is written, naming a post that uses the chosen one. Ties
 * go to the spelling of the earliest file (then the one written first), so the advice does
 * not depend on the order posts are read in. Drafts count: their tags are published with them.
 */
function tagProblems(posts: LinkingPost[], where: NonNullable<CrossFileOptions["where"]>): Diagnostic[] {
  interface Use { post: LinkingPost; index: number; tag: string }
  const bySlug = new Map<string, Use[]>();
  for (const post of posts) {
    post.tags?.forEach((tag, index) => {
      const slug = baseSlug(tag);
      // A tag with no readable slug (`🩺`) has an address of its own, from the tag alone.
      if (slug) bySlug.set(slug, [...(bySlug.get(slug) ?? []), { post, index, tag }]);
    });
  }
  const out: Diagnostic[] = [];
  for (const [slug, uses] of bySlug) {
    const spellings = new Map<string, { files: string[]; first: Use }>();
    for (const use of uses) {
      const known = spellings.get(use.tag);
      if (!known) spellings.set(use.tag, { files: [use.post.file], first: use });
      else {
        if (!known.files.includes(use.post.file)) known.files.push(use.post.file);
        if ((compare(use.post.file, known.first.post.file) || use.index - known.first.index) < 0) known.first = use;
      }
    }
    if (spellings.size < 2) continue;
    const [chosen, { files }] = [...spellings].sort(([a, x], [b, y]) =>
      y.files.length - x.files.length || compare(x.first.post.file, y.first.post.file) || x.first.index - y.first.index || compare(a, b),
    )[0]!;
    for (const use of uses) {
      if (use.tag === chosen) continue;
      const others = files.filter((f) => f !== use.post.file).sort(compare);
      const here = use.post.tags!.indexOf(chosen);
      const named = others.length ? `${others[0]}${others.length > 1 ? ` and ${others.length - 1} other post${others.length > 2 ? "s" : ""}` : ""}` : "";
      // `C++` and `C#` may well be two tags, not one written twice: say so, and how to keep both.
      const oneWord = fold(use.tag) === fold(chosen);
      const alternative = oneWord ? "" : "; or, if it is a different tag, give it a name that differs in more than capitals, accents, spaces and symbols";
      const page = `/tags/${slug}/`;
      let message: string;
      if (!oneWord) message = `the tag \`${use.tag}\` would have the same tag page, ${page}, as ${here >= 0 ? `this post's tag \`${chosen}\` (${fieldWords(["tags", here])})` : `the tag \`${chosen}\` in ${named}`}`;
      else if (here >= 0) message = `the tag \`${use.tag}\` is this post's tag \`${chosen}\` (${fieldWords(["tags", here])}) written differently${named && `, as ${named} ${others.length > 1 ? "do" : "does"}`}: both spellings would have the tag page ${page}`;
      else message = `the tag \`${use.tag}\` is written \`${chosen}\` in ${named}: both spellings would have the tag page ${page}`;
      out.push({
        severity: "error", file: use.post.file, ...(use.post.tagsAt?.[use.index] ?? where(use.post.file, ["tags", use.index])), field: fieldPath(["tags", use.index]),
        message,
        fix: (here >= 0
          ? `remove \`${use.tag}\` from this post's tags: it already has \`${chosen}\``
          : `write it as \`${chosen}\` like the other ${others.length === 1 ? "post" : `${others.length} posts`}`) + alternative,
      });
    }
  }
  return out;
}

/**
 * Posts titled alike (`Online Communities`, `online  communities `): in the archive, the
 * feeds, search results and readers' calendars nothing else tells them apart. A warning on
 * each, naming the others: it may be meant (a chat held again), but most often last week's
 * post was copied and its title left. Drafts are left out, as by the chat clashes: nobody
 * reads them yet, and a draft rewriting a post keeps its title; the warning comes when
 * `draft: true` is removed, before readers see the second post.
 */
function titleClashes(posts: CrossFilePost[], where: NonNullable<CrossFileOptions["where"]>): Diagnostic[] {
  const byTitle = groupBy(posts.filter((p) => !p.draft && p.title !== undefined && titleKey(p.title)), (p) => titleKey(p.title!));
  const out: Diagnostic[] = [];
  for (const group of byTitle.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => compare(a.file, b.file));
    for (const post of group) {
      const others = sorted.filter((p) => p !== post);
      const named = fewOf(others, (o) => (o.title === post.title ? o.file : `${o.file} ("${o.title}")`));
      out.push({
        severity: "warning", file: post.file, ...(post.titleAt ?? where(post.file, ["title"])), field: "title",
        message: `this post has the same title as ${named}: in the archive, feeds, search results and calendars readers cannot tell ${others.length > 1 ? "them" : "the two"} apart`,
        fix: "give each post a title of its own, e.g. one that says that week's theme (\"Online communities: sponsorship\")",
      });
    }
  }
  return out;
}

/** Chats this far apart or more may repeat their questions on purpose (a yearly review). */
const COPY_WEEKS = 8;

/**
 * What a post copied from another for the next chat kept: last week's questions, or its
 * `moved_from:`, which says the new chat was moved from the time the old one had. Told on
 * the later chat only (the earlier is as it was published), naming the one it matches:
 * - the same questions, every one of two or more (capitals, spaces and quote marks aside),
 *   in chats less than COPY_WEEKS apart: further apart, a chat held again may repeat them;
 *   so may a chat held in place of a cancelled or postponed one, and an edition of the same
 *   chat for another zone;
 * - the same `moved_from:`: a chat is moved from a time only it had.
 * Drafts are left out, as by the title clashes: the warning comes when `draft: true` is
 * removed, before readers see the copy.
 */
function copiedChats(posts: CrossFilePost[], where: NonNullable<CrossFileOptions["where"]>): Diagnostic[] {
  const chats = posts.filter((p) => p.chat && !p.draft).sort((a, b) => a.chat!.startMillis - b.chat!.startMillis || byCodeUnit(a.file, b.file));
  const out: Diagnostic[] = [];
  const byTopics = groupBy(chats.filter((p) => (p.topics?.length ?? 0) >= 2), (p) => p.topics!.map(titleKey).join("\n"));
  for (const group of byTopics.values()) {
    for (let i = 1; i < group.length; i++) {
      const [before, post] = [group[i - 1]!, group[i]!];
      const weeks = (post.chat!.startMillis - before.chat!.startMillis) / (7 * 86_400_000);
      if (weeks >= COPY_WEEKS) continue;
      // Held again after being called off, or the same chat for other zones (an edition for
      // another region): the questions are meant to be the same.
      if ((before.chat!.status && !post.chat!.status) || (before.chat!.zone && post.chat!.zone && before.chat!.zone !== post.chat!.zone)) continue;
      const when = chatWhenAmong([post, before]);
      // What else the copy kept that says something of this chat: [the field, the fix if it is not so].
      const alsoKept = [
        ...(post.chat!.status && post.chat!.status === before.chat!.status ? [[`\`${post.chat!.status}: true\``, `if this chat is not ${post.chat!.status}, delete \`${post.chat!.status}: true\``]] : []),
        ...(post.chat!.movedFrom && post.chat!.movedFrom.startMillis === before.chat!.movedFrom?.startMillis ? [["`moved_from:`", "if this chat was not moved, delete `moved_from:`"]] : []),
      ];
      out.push({
        severity: "warning", file: post.file, ...(post.topicsAt ?? where(post.file, ["topics"])), field: "topics",
        message: `this chat (${when(post)}) has the same ${post.topics!.length} questions as the chat in ${before.file} (${when(before)}): a post copied from another keeps them${alsoKept.length ? `; it also has that post's ${list(alsoKept.map(([field]) => field!))}` : ""}`,
        fix: [`write this chat's own questions under \`topics:\``, ...alsoKept.map(([, fix]) => fix!)].join("; "),
      });
    }
  }
  const byMovedFrom = groupBy(chats.filter((p) => p.chat!.movedFrom), (p) => p.chat!.movedFrom!.startMillis);
  for (const group of byMovedFrom.values()) {
    for (let i = 1; i < group.length; i++) {
      const [before, post] = [group[i - 1]!, group[i]!];
      // Said with the questions above when they are the same too.
      if (out.some((d) => d.file === post.file && d.message.includes("`moved_from:`"))) continue;
      out.push({
        severity: "warning", file: post.file, ...(post.chat!.changeAt ?? where(post.file, ["chat", "moved_from"])), field: "chat.moved_from",
        message: `\`moved_from:\` is the same as in ${before.file}: it says this chat was moved from the time that post's chat had before it moved; a post copied from another keeps it`,
        fix: "delete the line: `moved_from:` is only for a published chat whose time was changed",
      });
    }
  }
  return out;
}

/** A title as readers compare it: capitals, runs of spaces, and curly or straight quotes aside. */
export function titleKey(title: string): string {
  return title
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/\s+/gu, " ")
    .trim()
    .toLowerCase();
}

function list(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : items[0]!;
}

/**
 * The first NAMED_POSTS of `items` and how many more: "a, b, c and 1,997 more posts". A site
 * of posts copied from one (an import, a script gone wrong) would otherwise get a message
 * naming every other post on each of them, hundreds of megabytes for 2,000 posts.
 */
function fewOf<T>(items: readonly T[], name: (item: T) => string = String): string {
  const named = items.slice(0, NAMED_POSTS).map(name);
  const more = items.length - named.length;
  return more > 0 ? `${named.join(", ")} and ${more.toLocaleString("en-US")} more post${more > 1 ? "s" : ""}` : list(named);
}

/**
 * The site's posts and their titles, as written in their front matter, for the post a
 * link most likely means (lib/body-links.ts): read only when a link names a post some
 * other way than by its file. Here, with no markdown or YAML parser, so that a validation
 * record can be checked against it cheaply (lib/validation-cache.ts).
 */
export function sitePostsIn(root: string): SitePost[] {
  return listPostFiles(root).map((file) => {
    let text = "";
    try {
      text = readFileSync(path.join(root, file), "utf8");
    } catch {
      return { file };
    }
    const yaml = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
    const title = titleOf(/^title:[ \t]*(.*?)[ \t]*\r?$/m.exec(yaml)?.[1] ?? "");
    return title ? { file, title } : { file };
  });
}

/**
 * What a suggestion made from `posts` (sitePostsIn) relied on, as one hash: a validation
 * that read them holds only while every post's file and title are unchanged (sitePostsHold).
 */
export function sitePostsDigest(posts: readonly SitePost[]): string {
  return createHash("sha256").update(JSON.stringify(posts.map((p) => [p.file, p.title ?? null]))).digest("hex");
}

/** Whether the site's posts and their titles are still those `digest` was made of; true when none was read. */
export function sitePostsHold(root: string, digest: unknown): boolean {
  return digest === undefined || digest === sitePostsDigest(sitePostsIn(root));
}

/** A one-line YAML title as a reader sees it: quotes taken off, a trailing comment left out. */
function titleOf(value: string): string {
  if (value.startsWith('"')) {
    try {
      return JSON.parse(/^"(?:[^"\\]|\\.)*"/.exec(value)?.[0] ?? '""') as string;
    } catch {
      return value.slice(1, -1);
    }
  }
  if (value.startsWith("'")) return (/^'((?:[^']|'')*)'/.exec(value)?.[1] ?? value.slice(1)).replace(/''/g, "'");
  return value.replace(/\s+#.*$/, "");
}

/**
 * A link to another post by its file name, as the file `linking` would write it: to `meant`
 * (the post the link most likely means) when known, else to the latest post before it (most
 * often last week's), else to the latest; a pattern when the site has no other post, never a
 * file the site does not have.
 */
export function postLinkExample(linking: string, postFiles: readonly string[], meant?: string, label = "last week"): string {
  const name = (file: string) => path.posix.basename(file);
  const others = postFiles.filter((f) => f !== linking && isPostFile(f)).sort((a, b) => compare(name(a), name(b)) || compare(a, b));
  const target = meant ?? others.filter((f) => compare(name(f), name(linking)) < 0).at(-1) ?? others.at(-1);
  if (target === undefined) return `[${label}](YYYY-MM-DD-title.md), with the name of that post's file in ${POSTS_DIR}/`;
  return `[${label}](${path.posix.relative(path.posix.dirname(linking), target)})`;
}

/** A tag as a reader compares it: without capitals or accents. */
function fold(tag: string): string {
  return tag.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** Code-unit order, the same in every locale: the advice must not depend on the machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Links between posts that lead nowhere on the site. A link by address to no post's
 * address is an error (one by file to a missing file is the loader's). A published
 * post's (or page's) link to a draft, or to a post dated later than both it and today,
 * is a warning: the page is built, but readers following the link find nothing until
 * that post is published. A draft's links are not checked: nobody reads it yet.
 */
function linkProblems(posts: CrossFilePost[], sources: LinkingPost[], today: string, postFiles: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!sources.some((p) => p.postLinks.length)) return out;
  const byFile = new Map(posts.map((p) => [p.file, p]));
  const byUrl = new Map(posts.map((p) => [p.url, p]));
  // A post that could not be loaded keeps its address (its file's name): it is there, with errors of its own.
  const withErrors = new Map(postFiles.filter((f) => !byFile.has(f)).map((f) => [`/posts/${slugFromFile(f)}/`, f]));
  const fileAt = (url: string) => byUrl.get(url)?.file ?? withErrors.get(url);
  for (const post of sources) {
    if (post.draft) continue;
    for (const link of post.postLinks) {
      const at = { file: post.file, line: link.line, column: link.column ?? 1, field: "" };
      const target = link.file !== undefined ? byFile.get(link.file) : byUrl.get(link.url!);
      if (!target) {
        // A post file that exists but could not be loaded has its own errors, told with it: the
        // link is right, and leads to the post once they are fixed (the build stops on them meanwhile).
        if (link.file !== undefined || withErrors.has(link.url!)) continue;
        const guess = closest(link.url!, [...new Set([...byUrl.keys(), ...withErrors.keys()])].filter((url) => fileAt(url) !== post.file));
        const meant = guess === undefined ? undefined : fileAt(guess);
        out.push({
          severity: "error", ...at,
          message: `the link to ${link.href} leads to no post: no post has the address ${link.url}`,
          fix: guess
            ? `did you mean ${guess}? Or link to ${meant ? "that post" : "the post"} by its file name${meant ? ": " : ", e.g. "}${postLinkExample(post.file, postFiles, meant)}`
            : `check the address, or link to the post by its file name, e.g. ${postLinkExample(post.file, postFiles)}`,
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

/**
 * Chats that cannot both be right: two at the same moment (a post copied and its start
 * not changed), or two on one hashtag while one is still running (a wrong date or hour).
 * Each is reported on its own chat.start, in the time the writer wrote and the other
 * chat's as its writer wrote it, so that the slip can be seen. Drafts are not published,
 * so they may share a slot with the post that replaces them.
 */
function chatClashes(posts: CrossFilePost[], where: NonNullable<CrossFileOptions["where"]>): Diagnostic[] {
  // A chat called off takes no time: another chat may take its place.
  const chats = posts.filter((p) => p.chat && !p.draft && !p.chat.status).sort((a, b) => a.chat!.startMillis - b.chat!.startMillis || byCodeUnit(a.file, b.file));
  const clashes = new Map<CrossFilePost, { same: CrossFilePost[]; during: CrossFilePost[] }>();
  const note = (post: CrossFilePost, other: CrossFilePost, same: boolean) => {
    const found = clashes.get(post) ?? { same: [], during: [] };
    (same ? found.same : found.during).push(other);
    clashes.set(post, found);
  };
  // Sorted by start, each chat is compared with those that start before it ends.
  for (let i = 0; i < chats.length; i++) {
    const a = chats[i]!;
    const end = Math.max(a.chat!.endMillis ?? a.chat!.startMillis, a.chat!.startMillis + 1);
    for (let j = i + 1; j < chats.length && chats[j]!.chat!.startMillis < end; j++) {
      const b = chats[j]!;
      const same = b.chat!.startMillis === a.chat!.startMillis;
      if (!same && !(a.chat!.hashtag && sameTag(a.chat!.hashtag, b.chat!.hashtag))) continue;
      note(a, b, same);
      note(b, a, same);
    }
  }
  const out: Diagnostic[] = [];
  for (const post of chats) {
    const found = clashes.get(post);
    if (!found) continue;
    const at = { severity: "error" as const, file: post.file, ...where(post.file, ["chat", "start"]), field: "chat.start" };
    // Only the chats a message names are told apart by their offsets: with hundreds of copies, the others are counted.
    const named = (others: CrossFilePost[]) => {
      const when = chatWhenAmong([post, ...others.slice(0, NAMED_POSTS)]);
      return { when, list: fewOf(others, (o) => `${o.file} (${when(o)})`) };
    };
    if (found.same.length) {
      const { when, list } = named(found.same);
      out.push({ ...at, message: `this chat starts at the same moment (${when(post)}) as the chat in ${list}`, fix: "correct the start of one of them, or mark one `draft: true`" });
    }
    if (found.during.length) {
      const { when, list } = named(found.during);
      out.push({
        ...at,
        message: `this chat (${when(post)}) and the chat in ${list} are both on ${post.chat!.hashtag} at once: one starts before the other ends`,
        fix: "correct the date or the time of one of them (or its `duration:`), or mark one `draft: true`",
      });
    }
  }
  return out;
}

/** When a chat starts, as its writer wrote it: "2017-05-02 20:30 America/New_York"; in UTC when that is not known. */
function chatWhen(post: CrossFilePost, withOffset = false): string {
  const { wallClock, zone, startMillis } = post.chat!;
  if (wallClock && zone) {
    const clock = wallClock.slice(0, 16).replace("T", " ");
    // The offset in force is how far the wall clock, read as UTC, is from the instant.
    const offsetMinutes = Math.round((Date.parse(`${wallClock}Z`) - startMillis) / 60_000);
    return withOffset && Number.isFinite(offsetMinutes) ? `${clock} ${formatOffset(offsetMinutes)}, ${zone}` : `${clock} ${zone}`;
  }
  return new Date(startMillis).toISOString().replace(".000Z", "Z");
}

/**
 * chatWhen for the chats one message names. In the hour the clocks go back, two different
 * moments read the same ("01:30 America/New_York" twice): those are given their UTC offsets,
 * so the writer can tell which is which.
 */
function chatWhenAmong(posts: CrossFilePost[]): (post: CrossFilePost) => string {
  const ambiguous = new Set(
    posts.filter((p) => posts.some((q) => q.chat!.startMillis !== p.chat!.startMillis && chatWhen(q) === chatWhen(p))),
  );
  return (post) => chatWhen(post, ambiguous.has(post));
}

function sameTag(a: string, b: string | undefined): boolean {
  return b !== undefined && a.replace(/^#/, "").toLowerCase() === b.replace(/^#/, "").toLowerCase();
}

/** How many posts that hold a key a message names before "and N more". */
const NAMED_POSTS = 3;

/**
 * The error of each unresolved citation, in the same order. A writer who copies a citation
 * from last week's post often leaves its reference behind: when other posts have a
 * reference with that id (or one differing only in capitals), the error names them, the
 * latest before it first, and says that references are per post. When only an entry with
 * an error of its own has the id, it is named too, to copy once fixed. Otherwise the
 * error is the post's own, as it is.
 */
export function unresolvedCitationProblems(
  citations: UnresolvedCitation[],
  posts: LinkingPost[],
  options: Pick<CrossFileOptions, "where"> & {
    /**
     * The shared bibliography's files (`citations.bibliography` in the settings), offered as
     * the place for a work many posts cite; none when the site has none.
     */
    sharedBibliography?: string | ReadonlyArray<string>;
    /**
     * The site's folder: a key no post holds is looked for in the bibliography files under
     * content/ that `sharedBibliography` does not list (a second .bib put beside the first).
     */
    root?: string;
  } = {},
): Diagnostic[] {
  if (!citations.length) return [];
  // `unreadableUntil`: the holder's references cannot be read until its YAML error (on that line, 0 when unknown) is fixed.
  interface Holder { post: LinkingPost; id: string; at: () => Position | undefined; unreadableUntil?: number }
  const usable = new Map<string, Holder[]>();
  const broken = new Map<string, Holder[]>();
  const hold = (byFolded: Map<string, Holder[]>, holder: Holder) => {
    const folded = holder.id.toLowerCase();
    const holders = byFolded.get(folded);
    if (holders) holders.push(holder);
    else byFolded.set(folded, [holder]);
  };
  const where = (file: string, index: number) => options.where?.(file, ["references", index, "id"]);
  for (const post of posts) {
    post.references?.forEach(({ id }, index) => hold(usable, { post, id, at: () => post.referencesAt?.[index] ?? where(post.file, index) }));
    post.brokenReferences?.forEach(({ id, index }, i) => hold(broken, { post, id, at: () => post.brokenReferencesAt?.[i] ?? where(post.file, index) }));
    // As much a work to fix first as an entry with an error of its own.
    post.unreadableReferences?.forEach(({ id, line, errorLine }) => hold(broken, { post, id, at: () => (line ? { line } : undefined), unreadableUntil: errorLine ?? 0 }));
  }
  const files = typeof options.sharedBibliography === "string" ? [options.sharedBibliography] : (options.sharedBibliography ?? []);
  const shared = files.length
    ? `, or move it to ${files.length > 1 ? `one of the shared bibliography files (${files.join(", ")})` : `the shared bibliography (${files[0]})`} so that every post can cite it`
    : "; a work that many posts cite can instead go in a shared bibliography (`citations.bibliography` in the site settings), which every post can cite";
  // Read only for a key no post holds: most checks never list content/.
  let inUnlisted: Map<string, { file: string; line?: number }> | undefined;
  return citations.map((citation) => {
    const { key, problem, source } = citation;
    // File names start with the date: the posts before this one come first, the latest first
    // (the one a citation was most likely copied from), then those after it.
    const before = (h: Holder) => compare(h.post.file, problem.file) < 0;
    const holdersIn = (byFolded: Map<string, Holder[]>) => (byFolded.get(key.toLowerCase()) ?? [])
      .filter((h) => h.post.file !== problem.file)
      .sort((a, b) => Number(before(b)) - Number(before(a)) || (before(a) ? compare(b.post.file, a.post.file) : compare(a.post.file, b.post.file)));
    // A usable entry is the one to copy; only when there is none, one to fix first.
    let holders = holdersIn(usable);
    const fixFirst = !holders.length;
    if (fixFirst) holders = holdersIn(broken);
    if (!holders.length) {
      const unlisted = options.root === undefined ? undefined : (inUnlisted ??= unlistedBibliographyKeys(options.root, files)).get(key);
      if (!unlisted || options.root === undefined) return problem;
      return {
        ...problem,
        message: `${problem.message}; it is in ${unlisted.file}${unlisted.line ? ` (line ${unlisted.line})` : ""}, which is not one of the site's bibliography files: only the files \`citations.bibliography\` lists in ${SETTINGS_FILE} are read`,
        fix: bibliographyListFix(options.root, unlisted.file),
      };
    }
    const exact = holders.filter((h) => h.id === key);
    // Only a capital apart: the id the first of those posts writes, which the citation must then match.
    const id = exact.length ? key : holders[0]!.id;
    const named = exact.length ? exact : holders.filter((h) => h.id === id);
    const until = (h: Holder) => (h.unreadableUntil ? `the error at line ${h.unreadableUntil} of that post` : "that post's YAML error");
    // Alone, an unreadable holder's reason is the message's; among several, each says its own.
    const places = named.slice(0, NAMED_POSTS).map((h) => {
      const line = h.at()?.line;
      const notes = [line ? `line ${line}` : "", named.length > 1 && h.unreadableUntil !== undefined ? `in references that cannot be read until ${until(h)} is fixed` : ""].filter(Boolean);
      return `${h.post.file}${notes.length ? ` (${notes.join(", ")})` : ""}`;
    });
    const more = named.length - places.length;
    const list = more ? `${places.join(", ")} and ${more} more post${more > 1 ? "s" : ""}` : places.length > 1 ? `${places.slice(0, -1).join(", ")} and ${places.at(-1)}` : places[0]!;
    const several = named.length > 1;
    let message: string;
    const unreadable = !several && named[0]!.unreadableUntil !== undefined ? named[0]! : undefined;
    if (unreadable) {
      message = exact.length
        ? `${problem.message}; it is in the references of ${list}, which cannot be read until ${until(unreadable)} is fixed, and references are per post`
        : `${problem.message}; ${list} has a reference "${id}", which differs only in capitals, in references that cannot be read until ${until(unreadable)} is fixed, and references are per post`;
    } else if (fixFirst) {
      const capitals = exact.length ? "" : ", which differs only in capitals";
      const why = !several
        ? "that entry has an error of its own"
        : named.some((h) => h.unreadableUntil !== undefined) ? "each of those entries has an error of its own or is in references that cannot be read" : "those entries have errors of their own";
      message = `${problem.message}; ${list} ${several ? "have" : "has"} a reference "${id}"${capitals}, but ${why}, and references are per post`;
    } else {
      message = exact.length
        ? `${problem.message}; it is a reference of ${list}, and references are per post`
        : `${problem.message}; ${list} ${several ? "have" : "has"} a reference "${id}", which differs only in capitals, and references are per post`;
    }
    const copy = unreadable
      ? `once ${unreadable.unreadableUntil ? `the error at line ${unreadable.unreadableUntil} of ${unreadable.post.file}` : `the YAML error of ${unreadable.post.file}`} is fixed, copy the entry "${id}" from its \`references:\` into this post's \`references:\``
      : fixFirst
      ? several
        ? "once one of those entries is fixed (see the errors of its post), copy it into this post's `references:`"
        : `once that entry is fixed (see the errors of ${named[0]!.post.file}), copy it into this post's \`references:\``
      : `copy ${several ? "one of those entries" : "that entry"} into this post's \`references:\``;
    const recite = exact.length ? "" : `write \`${source ? withId(source, key, id) : `"@${id}"`}\` (ids must match in capitals and small letters) and `;
    return { ...problem, message, fix: `${recite}${copy}${shared}` };
  });
}

const BIBLIOGRAPHY_FILE = /\.(?:bib|bibtex|json|ya?ml)$/i;

/**
 * The files under content/ a shared bibliography could be (.bib, .bibtex, .json, .yaml, .yml),
 * from the site's folder, sorted: content/_data/ (the settings, Eleventy's data), skipped names
 * and linked folders aside.
 */
export function bibliographyFilesIn(root: string): string[] {
  return listContentFiles(root).filter((file) => BIBLIOGRAPHY_FILE.test(file));
}

/**
 * The keys (ids) each bibliography file under content/ that `listed` does not name holds,
 * each with its file and line, read without a parser: a .bib entry's head, a CSL JSON item's
 * "id", a CSL YAML line `id: …`. The first file's (in path order) for a key in several.
 */
export function unlistedBibliographyKeys(root: string, listed: ReadonlyArray<string>): Map<string, { file: string; line?: number }> {
  const named = new Set(listed.map((file) => path.posix.normalize(file.replace(/\\/g, "/")).replace(/^\.\//, "")));
  const keys = new Map<string, { file: string; line?: number }>();
  for (const file of bibliographyFilesIn(root)) {
    if (named.has(file)) continue;
    let text: string;
    try {
      text = readFileSync(path.join(root, file), "utf8");
    } catch {
      continue;
    }
    for (const { key, line } of keysWritten(file, text)) if (!keys.has(key)) keys.set(key, { file, line });
  }
  return keys;
}

function keysWritten(file: string, text: string): { key: string; line: number }[] {
  const lineAt = (index: number) => text.slice(0, index).split("\n").length;
  const out: { key: string; line: number }[] = [];
  if (/\.bib(?:tex)?$/i.test(file)) {
    for (const m of text.matchAll(/@\s*([A-Za-z]+)\s*[{(]\s*([^\s,{}()]+)\s*,/g)) {
      if (!["comment", "string", "preamble"].includes(m[1]!.toLowerCase())) out.push({ key: m[2]!, line: lineAt(m.index) });
    }
  } else if (/\.json$/i.test(file)) {
    for (const m of text.matchAll(/"id"\s*:\s*"((?:[^"\\]|\\.)+)"/g)) out.push({ key: m[1]!, line: lineAt(m.index) });
  } else {
    for (const m of text.matchAll(/^[ \t]*(?:-[ \t]+)?id[ \t]*:[ \t]*(["']?)([^"'\s#]+)\1[ \t]*(?:#.*)?$/gm)) out.push({ key: m[2]!, line: lineAt(m.index) });
  }
  return out;
}

/**
 * How to add `file` to `citations.bibliography` in the settings, as they are written: the
 * line to add after the last file listed, the line that lists them all on one line as it
 * should read, or the lines to add for a key or a group not written yet. Read line by line,
 * without a YAML parser (this module is loaded by every check).
 */
export function bibliographyListFix(root: string, file: string): string {
  let lines: string[];
  try {
    lines = readFileSync(path.join(root, SETTINGS_FILE), "utf8").replace(/^\ufeff/, "").split(/\r?\n|\r/);
  } catch {
    return `add ${file} to \`citations.bibliography\` in ${SETTINGS_FILE}`;
  }
  const at = (i: number) => `line ${i + 1} (\`${lines[i]!.trim()}\`)`;
  const blank = (l: string) => /^\s*(?:#.*)?$/.test(l);
  const indentOf = (l: string) => /^ */.exec(l)![0].length;
  const citations = lines.findIndex((l) => /^citations[ \t]*:[ \t]*(?:#.*)?$/.test(l));
  if (citations < 0) {
    return `add these three lines at the end of ${SETTINGS_FILE}: \`citations:\` (not indented), \`  bibliography:\` and \`    - ${file}\``;
  }
  // The group's lines: indented, up to the next line that is not (comments and blank lines in it kept).
  let end = citations + 1;
  while (end < lines.length && (blank(lines[end]!) || indentOf(lines[end]!) > 0)) end++;
  const inGroup = lines.slice(citations + 1, end);
  const firstField = inGroup.find((l) => !blank(l));
  const indent = " ".repeat(firstField ? indentOf(firstField) : 2);
  const key = inGroup.findIndex((l) => new RegExp(`^${indent}bibliography[ \\t]*:`).test(l));
  if (key < 0) {
    return `add the lines \`${indent}bibliography:\` and \`${indent}${indent}- ${file}\` to ${SETTINGS_FILE} after ${at(citations)}`;
  }
  const keyLine = citations + 1 + key;
  const value = lines[keyLine]!.replace(/^[^:]*:/, "").replace(/\s+#.*$/, "").trim();
  const flow = /^\[(.*)\]$/.exec(value);
  if (flow) {
    const items = flow[1]!.trim();
    const rewritten = `${indent}bibliography: [${items ? `${items}, ` : ""}${file}]`;
    return `write line ${keyLine + 1} of ${SETTINGS_FILE} as \`${rewritten}\``;
  }
  if (value) return `list ${file} in \`citations.bibliography\` of ${SETTINGS_FILE} (${at(keyLine)})`;
  // The block list below the key: the line to add after its last item, indented as it is.
  let last = keyLine;
  let itemIndent = `${indent}${indent}`;
  for (let i = keyLine + 1; i < end; i++) {
    const l = lines[i]!;
    if (blank(l)) continue;
    const item = /^( *)-(?: |$)/.exec(l);
    // YAML lets a list's dashes sit at its key's indent too (`  bibliography:`, `  - a.bib`).
    if (!item || item[1]!.length < indent.length) break;
    itemIndent = item[1]!;
    last = i;
  }
  return `add the line \`${itemIndent}- ${file}\` to ${SETTINGS_FILE} after ${at(last)}`;
}

/** A citation with `key` written as `id`, which differs only in capitals: "[see @Smith2016]" → "[see @smith2016]". */
function withId(source: string, key: string, id: string): string {
  const braced = source.indexOf(`@{${key}}`);
  if (braced >= 0) return `${source.slice(0, braced)}@{${id}}${source.slice(braced + key.length + 3)}`;
  // "@ab" is not "@abc": the key must end there (a final period is not part of a key).
  const escaped = key.replace(/[.*+?^$|()[\]{}\\]/g, "\\$&");
  const bare = new RegExp(`@${escaped}(?![\\p{L}\\p{N}_]|[-:.#$%&+?<>~/][\\p{L}\\p{N}_])`, "u").exec(source);
  return bare ? `${source.slice(0, bare.index)}@${id}${source.slice(bare.index + key.length + 1)}` : source;
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
