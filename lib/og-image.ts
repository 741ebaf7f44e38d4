// The share image of a post (Open Graph / Twitter card): a 1200×630 PNG with the
// title, when the chat is (date, time and zone) and the hashtag. Pure: text in, PNG out,
// with the font shipped in fonts/ so nothing is fetched.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Resvg, renderAsync } from "@resvg/resvg-js";
import satori from "satori";
import { encodeIndexedPng } from "./indexed-png.ts";

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

const FONT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fonts");
const FONT_FILES = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" } as const;

export interface ShareCard {
  /** The post's title, shown as plain text. */
  title: string;
  /** When: "Tuesday, May 2, 2017, 8:30 PM EDT (UTC−4)", or the publish date for a post without a chat. */
  when: string;
  /** "#hcldr"; empty for a post without a chat. */
  hashtag: string;
  siteTitle: string;
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(path.join(FONT_DIR, FONT_FILES.regular)),
    bold: readFileSync(path.join(FONT_DIR, FONT_FILES.bold)),
  };
  return fonts;
}

/** Bump when the card's design changes, so cached images are redrawn. */
const DESIGN_VERSION = "3"; // 2: indexed-colour PNG; 3: a long title ends in "…"

/** A key that changes whenever the image would: the card's text, the design and the fonts. */
export function shareCardKey(card: ShareCard): string {
  return createHash("sha256")
    .update(JSON.stringify([DESIGN_VERSION, card.title, card.when, card.hashtag, card.siteTitle]))
    .update(fontsDigest())
    .digest("hex");
}

// The fonts are megabytes: hashed once per process, not once per page (0.8 s on 1,000 posts).
let fontsHash: Buffer | undefined;
function fontsDigest(): Buffer {
  const { regular, bold } = loadFonts();
  fontsHash ??= createHash("sha256").update(regular).update(bold).digest();
  return fontsHash;
}

/** Long titles get a smaller size so they fit in four lines. */
function titleSize(title: string): number {
  const n = [...title].length;
  if (n <= 40) return 72;
  if (n <= 80) return 58;
  if (n <= 140) return 46;
  return 38;
}

const TITLE_LINE_HEIGHT = 1.15;
/** The title's room between the site's name and the chat time. */
const TITLE_MAX_HEIGHT = 380;

function titleLines(title: string): number {
  return Math.floor(TITLE_MAX_HEIGHT / (titleSize(title) * TITLE_LINE_HEIGHT));
}

type Node = { type: string; props: Record<string, unknown> };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({ type, props: { style, children } });

export interface DrawingOptions {
  /**
   * Rasterise on this thread instead of libuv's pool. A worker thread that only draws
   * cards does so: handing each card to the pool and waiting for it cost a fifth more
   * time. The main thread does not: the pool keeps its event loop free.
   */
  blocking?: boolean;
}

export async function renderShareCard(card: ShareCard, { blocking = false }: DrawingOptions = {}): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const tree = el(
    "div",
    {
      width: OG_WIDTH, height: OG_HEIGHT, display: "flex", flexDirection: "column", justifyContent: "space-between",
      padding: "64px 72px", boxSizing: "border-box", backgroundColor: "#0f3d3e", color: "#ffffff", fontFamily: "DejaVu Sans",
    },
    [
      el("div", { display: "flex", fontSize: 30, color: "#b8e0d2" }, card.siteTitle),
      el(
        "div",
        // A title too long even at the smallest size ends in "…" after the lines that fit;
        // clipping it instead would cut a line in half and cost a mask (twice the drawing time).
        { display: "block", width: OG_WIDTH - 144, fontSize: titleSize(card.title), fontWeight: 700, lineHeight: TITLE_LINE_HEIGHT, lineClamp: titleLines(card.title) },
        card.title,
      ),
      el("div", { display: "flex", flexDirection: "column", fontSize: 32, gap: 12 }, [
        el("div", { display: "flex" }, card.when),
        ...(card.hashtag ? [el("div", { display: "flex", color: "#ffd166", fontWeight: 700 }, card.hashtag)] : []),
      ]),
    ],
  );
  const svg = await satori(tree as any, {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: [
      { name: "DejaVu Sans", data: regular, weight: 400, style: "normal" },
      { name: "DejaVu Sans", data: bold, weight: 700, style: "normal" },
    ],
  });
  const options = { fitTo: { mode: "original" as const }, font: { loadSystemFonts: false } };
  const image = blocking ? new Resvg(svg, options).render() : await renderAsync(svg, options);
  return encodeIndexedPng(image.pixels, image.width, image.height) ?? image.asPng();
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = "89504e470d0a1a0a";
  if (png.subarray(0, 8).toString("hex") !== signature || png.subarray(12, 16).toString("latin1") !== "IHDR") {
    throw new Error("not a PNG file");
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
