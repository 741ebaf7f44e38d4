// Wires validated posts into Eleventy: page data, drafts, collections.
import path from "node:path";
import { buildAnnouncement, type Announcement } from "../lib/announcement.ts";
import { now } from "../lib/clock.ts";
import { loadCorpus, loadPostFile, POSTS_DIR } from "../lib/corpus.ts";
import { ContentError, formatProblemsHtml, formatReport, hasErrors, REPORT_ENDINGS, type Diagnostic } from "../lib/diagnostics.ts";
import { slugFromFile, type Post } from "../lib/post-loader.ts";
import { isPublished, newestFirst, upcomingChats } from "../lib/publishing.ts";
import { calendarSite } from "./calendar.ts";
import { citationOptions } from "./citations.ts";
import { context } from "./context.ts";

function relativeFile(inputPath: string): string {
  return path.relative(context().root, path.resolve(context().root, inputPath)).split(path.sep).join("/");
}

/** The validated post behind a template, or undefined for pages that are not posts. */
export function postFor(inputPath: string): Post | undefined {
  const file = relativeFile(inputPath);
  if (!file.startsWith(`${POSTS_DIR}/`)) return undefined;
  const { root, settings } = context();
  const result = loadPostFile(root, file, settings);
  if (!result.post) throw new ContentError(result.diagnostics);
  return result.post;
}

const announcements = new WeakMap<Post, Announcement>();

/** A post's announcement, once its page data is made (before any page renders). */
export function announcementFor(post: Post): Announcement | undefined {
  return announcements.get(post);
}

/** In preview, the problems of a post that cannot be built, and the address it would have. */
function previewProblems(inputPath: string): { url: string; diagnostics: Diagnostic[] } | undefined {
  const file = relativeFile(inputPath);
  if (!file.startsWith(`${POSTS_DIR}/`)) return undefined;
  const result = loadPostFile(context().root, file, context().settings);
  return result.post ? undefined : { url: `/posts/${slugFromFile(file)}/`, diagnostics: result.diagnostics };
}

/** Set by scripts/build.ts, which prints the warnings itself before Eleventy starts: once is enough. */
let warningsPrinted = false;
export function warningsAlreadyPrinted(): void {
  warningsPrinted = true;
}

export default function postsPlugin(eleventyConfig: any): void {
  // Validate every post before Eleventy renders anything: all problems at once, no stack trace.
  eleventyConfig.on("eleventy.before", () => {
    const { root, settings, settingsWarnings, mode } = context();
    // The settings' warnings too: printed on every rebuild of the preview, as the posts' are.
    const diagnostics = [...settingsWarnings, ...loadCorpus(root, settings).diagnostics];
    if (hasErrors(diagnostics)) {
      // A preview shows a post's problems on its page; one in the site's own files (the
      // style, locale or shared bibliography) stops every post, so it stops the rebuild too.
      const siteWide = diagnostics.some((d) => d.severity === "error" && !d.file.startsWith(`${POSTS_DIR}/`));
      if (mode === "build" || siteWide) throw new ContentError(diagnostics);
      console.error(formatReport(diagnostics, REPORT_ENDINGS.preview));
    } else if (diagnostics.length && !(mode === "build" && warningsPrinted)) console.warn(formatReport(diagnostics));
  });

  // Each post's page data comes from its validated Post; drafts and future posts are skipped.
  eleventyConfig.addPreprocessor("chatpost-posts", "md", (data: any) => {
    const { settings, mode } = context();
    // Preview: a post with errors shows them at its own address instead of stopping the server.
    if (mode === "preview") {
      const problems = previewProblems(data.page.inputPath);
      if (problems) {
        Object.assign(data, { layout: "base.njk", title: "Problems in this post", permalink: problems.url });
        return formatProblemsHtml(problems.diagnostics);
      }
    }
    const post = postFor(data.page.inputPath);
    if (!post) return undefined;
    if (!isPublished(post, now(), mode)) return false;
    data.post = post;
    // Posts are cached by content (lib/corpus.ts), so an unchanged post keeps its formatted
    // announcement across the rebuilds of `npm start`: citeproc runs only for the edited post.
    let announcement = announcements.get(post);
    if (!announcement) {
      announcement = buildAnnouncement(post, { ...citationOptions(), locale: settings.language, site: calendarSite(), siteHashtag: settings.chat.hashtag });
      announcements.set(post, announcement);
    }
    data.announcement = announcement;
    // Whether the chat was over when the site was built; a chat's end is in the build record's clock span (lib/build-record.ts).
    data.chatEnded = post.chat !== undefined && post.chat.endMillis <= now().getTime();
    data.layout = "post.njk";
    data.permalink = post.url;
    return undefined;
  });

  const postsOf = (api: any): any[] =>
    api
      .getFilteredByGlob(`${POSTS_DIR}/**/*.md`)
      .filter((item: any) => item.data.post)
      .sort((a: any, b: any) => newestFirst(a.data.post, b.data.post));

  eleventyConfig.addCollection("posts", postsOf);
  eleventyConfig.addCollection("upcoming", (api: any) => {
    const items = postsOf(api);
    const byPost = new Map(items.map((item) => [item.data.post as Post, item]));
    return upcomingChats([...byPost.keys()], now()).map((post) => byPost.get(post));
  });
}
