// Wires the share image of each post: templates ask for its URL (which records the
// card), and after Eleventy has written the site the PNGs are drawn, or copied from
// .cache/ when a card with the same content hash was drawn before.
import { copyFile, mkdir, rename, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Announcement } from "../lib/announcement.ts";
import { shareCardKey, type ShareCard } from "../lib/og-image.ts";
import { renderShareCards } from "../lib/share-card-pool.ts";
import type { Post } from "../lib/post-loader.ts";
import { context } from "./context.ts";
import { trace } from "../lib/build-trace.ts";

export const SHARE_IMAGE_NAME = "share.png";
const CACHE_DIR = ".cache/share-images";

/** Root-relative URL of a post's share image, without the path prefix: /posts/x/share.png */
export function shareImagePath(post: Pick<Post, "url">): string {
  return `${post.url}${SHARE_IMAGE_NAME}`;
}

export function shareCardFor(post: Post, announcement: Announcement | undefined, siteTitle: string): ShareCard {
  return {
    title: post.title,
    when: announcement?.chat?.host ?? announcement?.publishedText ?? post.date,
    hashtag: post.chat?.hashtag ?? "",
    siteTitle,
  };
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

export default function ogImagePlugin(eleventyConfig: any): void {
  let cards = new Map<string, ShareCard>();
  eleventyConfig.on("eleventy.before", () => {
    cards = new Map();
  });

  // Needs the announcement too: the card shows the chat time as the page does.
  eleventyConfig.addFilter("shareImageUrl", (post: Post | undefined, announcement: Announcement | undefined) => {
    if (!post) return undefined;
    const url = shareImagePath(post);
    cards.set(url, shareCardFor(post, announcement, context().settings.title));
    return url;
  });

  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    // The live preview stays fast: cards are drawn by real builds only.
    if (context().mode === "preview") return;
    const work = drawAndCopy(cards, context().root, directories.output);
    if (!inBackground) return work;
    pending = work;
    work.catch(() => undefined); // reported by shareImagesDrawn()
  });
}

/** Draws the cards not in the cache, then copies every card into the site. */
async function drawAndCopy(cards: Map<string, ShareCard>, root: string, output: string): Promise<void> {
  const cacheDir = path.join(root, CACHE_DIR);
  await mkdir(cacheDir, { recursive: true });
  const jobs = [...cards].sort(([a], [b]) => (a < b ? -1 : 1)).map(([url, card]) => ({
    url,
    card,
    cached: path.join(cacheDir, `${shareCardKey(card)}.png`),
  }));
  // Cards are drawn once per content hash; the rest come from the cache.
  const missing = [...new Map(jobs.filter((j) => !existsSync(j.cached)).map((j) => [j.cached, j])).values()];
  trace(`share images: ${missing.length} to draw`);
  await renderShareCards(
    missing.map((j) => j.card),
    async (i, png) => {
      // Written under a temporary name first, so an interrupted build never leaves half a PNG in the cache.
      const partial = `${missing[i]!.cached}.${process.pid}.tmp`;
      await writeFile(partial, png);
      await rename(partial, missing[i]!.cached);
    },
  );
  trace("share images drawn");
  for (const { url, cached } of jobs) {
    const target = path.resolve(output, ...url.split("/").filter(Boolean));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(cached, target);
  }
}
