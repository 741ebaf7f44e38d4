// Wires lib/share-links.ts into the templates: the share links of a post, computed in
// lib/ and only placed by the layouts (a topic's copy text comes with lib/announcement.ts).
import type { Post } from "../lib/post-loader.ts";
import type { Settings } from "../lib/settings.ts";
import { shareLinks, titleWithChatState, type ShareLink } from "../lib/share-links.ts";
import { context } from "./context.ts";

/** The chat's hashtag, or the site's when the post has no chat. */
function hashtagOf(post: Post, settings: Settings): string {
  return post.chat?.hashtag ?? settings.chat.hashtag;
}

export default function sharePlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("shareLinks", (post: Post): ShareLink[] => {
    const { settings } = context();
    // The prefix the site is built with (--path-prefix wins over the settings), as Eleventy uses it.
    const pathPrefix = process.env.CHATPOST_PATH_PREFIX ?? settings.pathPrefix;
    return shareLinks({ title: post.title, path: post.url, siteUrl: settings.url, pathPrefix, hashtag: hashtagOf(post, settings), status: post.chat?.status });
  });
  // The title a page is named and shared with: "Cancelled: …" for a chat called off (base.njk, head-meta.njk).
  eleventyConfig.addFilter("titleWithChatState", (post: Post): string => titleWithChatState(post.title, post.chat?.status));
}
