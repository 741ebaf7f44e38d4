// Wires the share image of each post, and the site's own for its other pages: templates
// ask for its URL (which records the card), and after Eleventy has written the site the
// PNGs are drawn, or copied from the project cache (lib/content-cache.ts, folder
// share-images) when a card with the same key (its text, fonts and drawing code) was drawn before.
import { copyFile, mkdir, rename, writeFile } from "node:fs/promises";
import { rmdirSync, statSync } from "node:fs";
import path from "node:path";
import { publishedText } from "../lib/announcement.ts";
import { describeChatTime } from "../lib/chat-time.ts";
import { hasEnded, markUsed, projectCacheFolder, pruneFolder, removeTemporaryFiles, SHARE_IMAGES } from "../lib/content-cache.ts";
import { shareCardKey, siteShareImageFonts, useShareImageFonts, type ShareCard } from "../lib/og-image.ts";
import { renderShareCards } from "../lib/share-card-pool.ts";
import type { Post } from "../lib/post-loader.ts";
import { context } from "./context.ts";
import { trace } from "../lib/build-trace.ts";

export const SHARE_IMAGE_NAME = "share.png";
/** Root-relative URL (without the path prefix) of the site's card, shown for every page that is not a post. */
export const SITE_SHARE_IMAGE_PATH = "/share.png";
/** Where chatpost kept them before they moved into the project cache, in the site's folder: pruned like the rest. */
const OLD_CACHE_DIR = ".cache/share-images";

/** Root-relative URL of a post's share image, without the path prefix: /posts/x/share.png */
export function shareImagePath(post: Pick<Post, "url">): string {
  return `${post.url}${SHARE_IMAGE_NAME}`;
}

/**
 * The card of a post: its title and, as its page says them, the chat's time where it is
 * hosted (or the publish date) and hashtag; for a chat called off or put off, "Cancelled"
 * or "Postponed" (its page says so first too).
 */
export function shareCardFor(post: Post, site: { title: string; language: string }): ShareCard {
  const status = post.chat?.status;
  return {
    title: post.title,
    when: post.chat ? describeChatTime(post.chat, site.language).host : publishedText(post.date, site.language),
    hashtag: post.chat?.hashtag ?? "",
    siteTitle: site.title,
    ...(status ? { state: status === "cancelled" ? "Cancelled" : "Postponed" } : {}),
  };
}

/**
 * The site's card: its title and description, as on the home page, the hashtag, and above
 * them the site's address (the title is the card's own, so it is not said twice).
 */
export function siteShareCard(site: { title: string; description: string; url: string; chat: { hashtag: string } }, pathPrefix = "/"): ShareCard {
  const address = new URL(site.url);
  return {
    title: site.title,
    when: "",
    hashtag: site.chat.hashtag,
    siteTitle: `${address.host}${pathPrefix}`.replace(/\/$/, ""),
    description: site.description,
  };
}

/** What the site's card says, for og:image:alt: its title, description and hashtag. */
export function siteShareImageAlt(site: { title: string; description: string; chat: { hashtag: string } }): string {
  return `${site.title}: ${site.description} ${site.chat.hashtag}`;
}

let drawing = new AbortController();

/** A failed build stops drawing: the threads end, so the process can. */
export function stopShareImages(): void {
  drawing.abort(new Error("the build stopped"));
}

// A build (scripts/build.ts) finishes the site, Pagefind included, while the cards are
// drawn, and waits for them with shareImagesDrawn() before the site is swapped in.
let inBackground = false;
let pending: Promise<void> | undefined;

/** Let eleventy.after return before the share images are drawn; shareImagesDrawn() waits for them. */
export function drawShareImagesInBackground(): void {
  inBackground = true;
}

/** Resolves when the share images of the last Eleventy run are drawn and copied; rejects as drawing them failed. */
export async function shareImagesDrawn(): Promise<void> {
  const work = pending;
  pending = undefined;
  await work;
}

/**
 * Have the share images drawn with the fonts the site adds (`shareImage.fonts`). Done by
 * the plugin, not by whoever runs Eleventy, so that every way of building (scripts/build.ts,
 * `npx @11ty/eleventy`, a test) draws the same cards and caches them under the same keys.
 * The same list again keeps the fonts loaded (useShareImageFonts).
 */
function useSiteFonts(): void {
  const { settings, root } = context();
  useShareImageFonts(siteShareImageFonts(settings, root));
}

export default function ogImagePlugin(eleventyConfig: any): void {
  // Now, as the configuration is read (again when the preview's settings change), and
  // before each run: the cards' keys and drawing threads use what was set last.
  useSiteFonts();
  let cards = new Map<string, ShareCard>();
  eleventyConfig.on("eleventy.before", () => {
    cards = new Map();
    useSiteFonts();
  });

  eleventyConfig.addFilter("shareImageUrl", (post: Post | undefined) => {
    if (!post) return undefined;
    const url = shareImagePath(post);
    cards.set(url, shareCardFor(post, context().settings));
    return url;
  });

  // The site's card, for the pages that are not posts: recorded by any page that asks, drawn once.
  eleventyConfig.addFilter("siteShareImage", () => {
    const { settings } = context();
    cards.set(SITE_SHARE_IMAGE_PATH, siteShareCard(settings, eleventyConfig.pathPrefix ?? "/"));
    return { url: SITE_SHARE_IMAGE_PATH, alt: siteShareImageAlt(settings) };
  });

  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    // The live preview stays fast: cards are drawn by real builds only.
    if (context().mode === "preview") return;
    drawing = new AbortController();
    useSiteFonts();
    const work = drawAndCopy(cards, directories.output);
    if (!inBackground) return work;
    pending = work;
    work.catch(() => undefined); // reported by shareImagesDrawn()
  });
}

// The cache files the last drawing used (drawn or copied), which pruning keeps.
let used: { dir: string; names: Set<string> } | undefined;

/**
 * Draws the cards not in the cache, then copies every card into the site. Without a cache
 * (CHATPOST_CACHE_DIR=off) every card is drawn, straight into the site: nothing is read or
 * written elsewhere.
 */
async function drawAndCopy(cards: Map<string, ShareCard>, output: string): Promise<void> {
  // One drawing per distinct card: two pages may show the same one.
  const byKey = new Map<string, { card: ShareCard; urls: string[] }>();
  for (const [url, card] of cards) {
    const key = shareCardKey(card);
    const entry = byKey.get(key) ?? { card, urls: [] };
    byKey.set(key, entry);
    entry.urls.push(url);
  }
  const targets = async (urls: string[]) => {
    const files = urls.map((url) => path.resolve(output, ...url.split("/").filter(Boolean)));
    for (const file of files) await mkdir(path.dirname(file), { recursive: true });
    return files;
  };
  const dir = projectCacheFolder(SHARE_IMAGES);
  used = undefined;
  if (!dir) {
    const all = [...byKey.values()];
    trace(`share images: ${all.length} to draw (no cache)`);
    await renderShareCards(
      all.map(({ card }) => card),
      async (i, png) => {
        for (const file of await targets(all[i]!.urls)) await writeFile(file, png);
      },
      drawing.signal,
    );
    trace("share images drawn");
    return;
  }
  await drawIntoCache(byKey, dir);
  for (const [key, { urls }] of byKey) for (const file of await targets(urls)) await copyFile(path.join(dir, `${key}.png`), file);
}

/** Draws the cards not yet in the cache folder `dir`, each under its key. */
async function drawIntoCache(byKey: Map<string, { card: ShareCard }>, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  // What a killed build was writing (its process has ended): cheap, one listing.
  removeTemporaryFiles(dir, hasEnded);
  const missing: [file: string, card: ShareCard][] = [];
  for (const [key, { card }] of byKey) {
    const file = path.join(dir, `${key}.png`);
    const found = statSync(file, { throwIfNoEntry: false });
    if (found) markUsed(file, found.mtimeMs);
    else missing.push([file, card]);
  }
  used = { dir, names: new Set([...byKey.keys()].map((key) => `${key}.png`)) };
  trace(`share images: ${missing.length} to draw`);
  await renderShareCards(
    missing.map(([, card]) => card),
    async (i, png) => {
      // Written under a temporary name first, so an interrupted build never leaves half a PNG in the cache.
      const file = missing[i]![0];
      const partial = `${file}.${process.pid}.tmp`;
      await writeFile(partial, png);
      await rename(partial, file);
    },
    drawing.signal,
  );
  trace("share images drawn");
}

/**
 * After a successful full build (scripts/build.ts, never `npm start`): deletes the cached
 * share images this build did not use that no build has used for KEEP_UNUSED_DAYS
 * (lib/content-cache.ts), and those of the old folder in the site (`root`/.cache/share-images,
 * which chatpost no longer reads; the folder goes once empty). How many were deleted.
 */
export function pruneShareImages(root: string): number {
  let removed = used ? pruneFolder(used.dir, used.names) : 0;
  const old = path.join(root, OLD_CACHE_DIR);
  removed += pruneFolder(old, new Set());
  removeIfEmpty(old);
  removeIfEmpty(path.dirname(old));
  return removed;
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty, or not there.
  }
}
