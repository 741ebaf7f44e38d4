// The share image of a post (Open Graph / Twitter card): a 1200×630 PNG with the
// title, when the chat is (date, time and zone) and the hashtag; and the site's own card
// (for its other pages) with its title and description, drawn by the same code. Pure:
// text in, PNG out, with the font shipped in fonts/ (and those the site adds) so nothing is fetched.
import { createHash } from "node:crypto";
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Resvg, renderAsync } from "@resvg/resvg-js";
import satori from "satori";
import { canonicalJson, installedVersions, sourceHash } from "./content-cache.ts";
import { encodeIndexedPng } from "./indexed-png.ts";
import { coverageOf, fitText, fontFace, listCharacters, suggestedFonts, type Coverage, type FittedText, type FontWeight } from "./font-coverage.ts";
import { SETTINGS_FILE } from "./content-paths.ts";
import type { Diagnostic } from "./diagnostics.ts";

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

const FONT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fonts");
const FONT_FILES = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" } as const;

export interface ShareCard {
  /** The post's title, shown as plain text. */
  title: string;
  /** When: "Tuesday, May 2, 2017, 8:30 PM EDT (UTC−4)", or the publish date for a post without a chat; empty on the site's card. */
  when: string;
  /** "#hcldr"; empty for a post without a chat. */
  hashtag: string;
  /** The small line above the title: the site's title, or on the site's own card its address. */
  siteTitle: string;
  /** The site's card only: its description, below the title (at most three lines). */
  description?: string;
  /**
   * "Cancelled" or "Postponed" for a chat that will not take place as announced: drawn
   * above the title, with the time struck through, so a card shared after the change is
   * not an invitation.
   */
  state?: string;
}

/** A font as satori is given it: the family it is found by, and the weight and style it is picked for. */
export interface ShareImageFont {
  name: string;
  data: Buffer;
  weight: FontWeight;
  style: "normal" | "italic";
}

interface Fonts {
  regular: Buffer;
  bold: Buffer;
  /** The site's own fonts (`shareImage.fonts`), used for what DejaVu Sans lacks. */
  added: Buffer[];
  /** Every font as satori is given it: DejaVu Sans, then the added ones (addedShareImageFonts). */
  satori: ShareImageFont[];
}

// Absolute paths of the site's added fonts; set by the Eleventy plugin (plugins/og-image.ts)
// and by the build for its warnings, and in each drawing thread.
let addedFiles: readonly string[] = [];
let fonts: Fonts | undefined;
function loadFonts(): Fonts {
  if (!fonts) {
    const regular = readFileSync(path.join(FONT_DIR, FONT_FILES.regular));
    const bold = readFileSync(path.join(FONT_DIR, FONT_FILES.bold));
    const added = addedFiles.map((file) => readFileSync(file));
    fonts = {
      regular,
      bold,
      added,
      satori: [
        { name: "DejaVu Sans", data: regular, weight: 400, style: "normal" },
        { name: "DejaVu Sans", data: bold, weight: 700, style: "normal" },
        ...addedShareImageFonts(added),
      ],
    };
  }
  return fonts;
}

/**
 * The site's added fonts as satori is given them, in the site's order, each at the weight
 * and style the font says it has (lib/font-coverage.ts: fontFace). The faces of one family
 * (the name table's) share one name, so satori picks the Bold for a bold title and the
 * Regular for the rest, as a browser would, instead of thickening the Regular ("faux
 * bold"). The name is prefixed so an added family never joins or replaces DejaVu Sans.
 * A font whose family is unknown, or whose family already has a face of that weight
 * and style, gets a name of its own: satori uses one face per name and weight, and each
 * file must stay reachable for the characters only it has.
 */
export function addedShareImageFonts(added: readonly Buffer[]): ShareImageFont[] {
  const taken = new Set<string>();
  return added.map((data, i) => {
    const { family, weight, style } = fontFace(data);
    let name = family === undefined ? `Added ${i + 1}` : `Added: ${family}`;
    if (taken.has(`${name.toLowerCase()}|${weight}|${style}`)) name = `Added ${i + 1}${family === undefined ? "" : `: ${family}`}`;
    taken.add(`${name.toLowerCase()}|${weight}|${style}`);
    return { name, data, weight, style };
  });
}

/** The fonts a card is drawn with, as satori is given them (DejaVu Sans first, then the site's). */
export function shareImageFontList(): readonly ShareImageFont[] {
  return loadFonts().satori;
}

/** Absolute paths of the fonts a site adds to its share images (`shareImage.fonts`, from the site's folder). */
export function siteShareImageFonts(settings: { shareImage: { fonts: readonly string[] } }, root: string): string[] {
  return settings.shareImage.fonts.map((font) => path.resolve(root, font));
}

/**
 * Draw with these fonts too, after DejaVu Sans (absolute paths of TTF/OTF files, as
 * `shareImage.fonts` names them; lib/settings.ts checks them). The same list again keeps
 * what was loaded; another one is loaded, hashed and read for coverage anew.
 */
export function useShareImageFonts(files: readonly string[]): void {
  if (sameFiles(files, addedFiles, (f) => f)) return;
  // The same files by another path (the build names them from the root it was given, the
  // plugin from the working directory, where a symbolic link is resolved): nothing to reload.
  const sameFonts = fonts !== undefined && sameFiles(files, addedFiles, realPath);
  addedFiles = [...files];
  if (sameFonts) return;
  fonts = undefined;
  fontsHash = undefined;
  fontCoverage = undefined;
}

function sameFiles(a: readonly string[], b: readonly string[], as: (file: string) => string): boolean {
  return a.length === b.length && a.every((f, i) => as(f) === as(b[i]!));
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** The added fonts in use (for the drawing threads, which must use the same). */
export function shareImageFonts(): readonly string[] {
  return addedFiles;
}

/**
 * chatpost's code that decides a card's pixels or bytes: the design (this file), what the
 * fonts can draw (font-coverage.ts), the PNG encoder, and the threads that draw. Any edit
 * to them is a new key for every card, so no image drawn by other code is ever served.
 */
const DRAWING_CODE = ["og-image.ts", "font-coverage.ts", "indexed-png.ts", "share-card-pool.ts", "share-card-worker.ts"];
/** The packages that lay a card out (satori, with yoga and its font and line-breaking packages) and rasterise it (resvg). */
const DRAWING_PACKAGES = ["satori", "@resvg/resvg-js"];

/** What draws the cards: part of every card's key. */
export interface DrawingVersion {
  /** sourceHash of DRAWING_CODE. */
  code: string;
  /** Installed versions of DRAWING_PACKAGES and everything they depend on. */
  packages: Record<string, string>;
  /** Node's zlib, which compresses the PNG (lib/indexed-png.ts). */
  zlib: string;
}

// Read once per process: five source files and some thirty package.json files, about a millisecond.
let drawing: { version: DrawingVersion; digest: string } | undefined;

function currentDrawing(): { version: DrawingVersion; digest: string } {
  drawing ??= digested({
    code: sourceHash(DRAWING_CODE.map((file) => new URL(file, import.meta.url))),
    packages: installedVersions(DRAWING_PACKAGES, import.meta.dirname),
    zlib: process.versions.zlib ?? "",
  });
  return drawing;
}

/** The drawing code and packages of this installation. */
export function drawingVersion(): DrawingVersion {
  return currentDrawing().version;
}

function digested(version: DrawingVersion): { version: DrawingVersion; digest: string } {
  return { version, digest: createHash("sha256").update(canonicalJson(version)).digest("hex") };
}

/**
 * A key that changes whenever the image would: the card's text, the fonts (their bytes,
 * and how satori is given them), and the code and packages that draw it (drawingVersion).
 */
export function shareCardKey(card: ShareCard): string {
  return keyOf(card, currentDrawing().digest);
}

/** The key a card would have if drawn by `version` (for tests: another code or package version). */
export function shareCardKeyWith(card: ShareCard, version: DrawingVersion): string {
  return keyOf(card, digested(version).digest);
}

function keyOf(card: ShareCard, digest: string): string {
  // The description and state are added only when there is one: a post's card has no
  // description, and a chat that takes place no state. A change of state is a new key.
  const text = [
    card.title, card.when, card.hashtag, card.siteTitle,
    ...(card.description === undefined ? [] : [card.description]),
    ...(card.state === undefined ? [] : [{ state: card.state }]),
  ];
  return createHash("sha256")
    .update(digest)
    .update(JSON.stringify(text))
    .update(fontsDigest())
    .digest("hex");
}

// The fonts are megabytes: hashed once per process, not once per page (0.8 s on 1,000 posts).
let fontsHash: Buffer | undefined;
function fontsDigest(): Buffer {
  const { regular, bold, added, satori } = loadFonts();
  if (!fontsHash) {
    const hash = createHash("sha256").update(regular).update(bold);
    for (const font of added) hash.update(font);
    // The family, weight and style each added font is drawn as (read from the font).
    if (added.length) hash.update(JSON.stringify(satori.slice(2).map(({ name, weight, style }) => [name, weight, style])));
    fontsHash = hash.digest();
  }
  return fontsHash;
}

// Read once per process too, like the hash: a few milliseconds per font.
let fontCoverage: Coverage | undefined;
function coverage(): Coverage {
  const { regular, bold, added } = loadFonts();
  fontCoverage ??= coverageOf([regular, bold, ...added]);
  return fontCoverage;
}

/** Each text of the card as the fonts can draw it (lib/font-coverage.ts). */
export function fitShareCard(card: ShareCard): Record<keyof ShareCard, FittedText> {
  const covers = coverage();
  return {
    title: fitText(card.title, covers),
    // A date or a hashtag with holes would say something else: all of it or nothing.
    when: fitText(card.when, covers, { whole: true }),
    hashtag: fitText(card.hashtag, covers, { whole: true }),
    siteTitle: fitText(card.siteTitle, covers),
    description: fitText(card.description ?? "", covers),
    state: fitText(card.state ?? "", covers, { whole: true }),
  };
}

/** A card a post gets, and the post's file (root-relative, as in diagnostics). */
export interface PostCard {
  file: string;
  card: ShareCard;
}

/** The site settings the warnings name: where the site title, dates and default hashtag come from. */
export interface CardSite {
  title: string;
  /** Shown on the site's own card (siteShareCard): warned about when a font lacks its characters. */
  description?: string;
  chat: { hashtag: string };
}

/**
 * Warnings for the characters of share images that no font can draw (emoji are left
 * out quietly): one per post for its title and own hashtag, and one for each setting
 * whose text every card shows (site title, the language of the dates, the default hashtag).
 * `root` is where the files are read to point at the field's line.
 */
export function shareCardProblems(cards: PostCard[], site: CardSite, root: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const siteMissing = { title: new Set<string>(), when: new Set<string>(), hashtag: new Set<string>() };
  const drawn = { title: true, when: true, hashtag: true };
  for (const { file, card } of cards) {
    const fitted = fitShareCard(card);
    for (const c of fitted.siteTitle.missing) siteMissing.title.add(c);
    if (fitted.siteTitle.dropped) drawn.title = false;
    for (const c of fitted.when.missing) siteMissing.when.add(c);
    if (fitted.when.dropped) drawn.when = false;
    // The default hashtag is the settings' to fix, once; a post's own is the post's.
    const ownHashtag = card.hashtag !== "" && card.hashtag !== site.chat.hashtag;
    if (!ownHashtag) {
      for (const c of fitted.hashtag.missing) siteMissing.hashtag.add(c);
      if (fitted.hashtag.dropped) drawn.hashtag = false;
    }
    const fields = [
      { field: "title", words: "the title", fit: fitted.title },
      ...(ownHashtag ? [{ field: "chat.hashtag", words: "the hashtag", fit: fitted.hashtag }] : []),
    ].filter((f) => f.fit.missing.length);
    if (!fields.length) continue;
    const text = readText(path.join(root, file));
    const field = fields[0]!.field;
    problems.push({
      severity: "warning",
      file,
      ...(text === undefined ? {} : fieldPosition(frontMatterOf(text), field.split("."), 1)),
      field,
      message: missingMessage(fields.map((f) => ({ words: f.words, fit: f.fit })), "this post's share image"),
      fix: fontFix([...new Set(fields.flatMap((f) => f.fit.missing))]),
    });
  }
  const settingsText = readText(path.join(root, SETTINGS_FILE));
  const siteProblem = (field: string, words: string, missing: Set<string>, kept: boolean, image = "every share image") => {
    if (!missing.size) return;
    problems.push({
      severity: "warning",
      file: SETTINGS_FILE,
      ...(settingsText === undefined ? {} : fieldPosition(settingsText, field.split("."), 1)),
      field,
      message: missingMessage([{ words, fit: { missing: [...missing], dropped: !kept } }], image),
      fix: fontFix([...missing]),
    });
  };
  siteProblem("title", "the site title", siteMissing.title, drawn.title);
  siteProblem("language", "the dates", siteMissing.when, drawn.when);
  siteProblem("chat.hashtag", "the hashtag", siteMissing.hashtag, drawn.hashtag, "the share image of each post with this hashtag");
  if (site.description !== undefined) {
    const fit = fitText(site.description, coverage());
    siteProblem("description", "the site description", new Set(fit.missing), !fit.dropped, "the site's share image (of its pages other than posts)");
  }
  return problems;
}

function missingMessage(parts: { words: string; fit: Pick<FittedText, "missing" | "dropped"> }[], image: string): string {
  const chars = [...new Set(parts.flatMap((p) => p.fit.missing))];
  const whose = parts.map((p) => p.words).join(" and ");
  const outcome = parts.map((p) => (p.fit.dropped ? `without ${p.words}` : `without these characters in ${p.words}`)).join(" and ");
  return `no font of the share images can draw ${listCharacters(chars)} of ${whose}: ${image} is drawn ${outcome} (the page shows them)`;
}

function fontFix(chars: string[]): string {
  const fonts = suggestedFonts(chars);
  const families = fonts.length ? fonts.map((f) => f.family).join(", ") : "one of the Noto fonts";
  const files = (fonts.length ? fonts.map((f) => f.file) : ["NotoSans-Regular.ttf"]).map((f) => `fonts/${f}`).join(", ");
  return `add a font that has them (${families}, free at fonts.google.com) to the site's fonts/ folder and name it in ${SETTINGS_FILE}: shareImage: { fonts: [${files}] }`;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** The front matter of a post file with its first line (`---`), so line numbers are the file's. */
function frontMatterOf(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  return lines.slice(0, end < 0 ? lines.length : end).join("\n");
}

/**
 * Line and column of a block-style field (`title:`, or `hashtag:` indented under `chat:`)
 * in YAML text: enough to point at it without a YAML parser, which the drawing threads
 * that load this module do not need. Nothing when it is not found there (flow style).
 */
function fieldPosition(text: string, keys: string[], firstLine: number): { line?: number; column?: number } {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let indent = -1;
  let from = 0;
  for (const [depth, key] of keys.entries()) {
    // The keys are chatpost's own field names: letters and dots only, nothing to escape.
    const name = new RegExp(`^\\s*["']?${key}["']?\\s*:`);
    let found = -1;
    for (let i = from; i < lines.length; i++) {
      const m = name.exec(lines[i]!);
      const at = /^\s*/.exec(lines[i]!)![0].length;
      // A line indented no deeper than the parent ends the parent's block.
      if (depth > 0 && lines[i]!.trim() && !lines[i]!.trimStart().startsWith("#") && at <= indent) break;
      if (m && (depth === 0 ? at === 0 : at > indent)) {
        found = i;
        indent = at;
        break;
      }
    }
    if (found < 0) return {};
    from = found + 1;
  }
  return { line: from - 1 + firstLine, column: indent + 1 };
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
/** The site's description on its card: a longer one ends in "…". */
const DESCRIPTION_LINES = 3;
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

export async function renderShareCard(raw: ShareCard, { blocking = false }: DrawingOptions = {}): Promise<Buffer> {
  const { satori: fontList } = loadFonts();
  // What the fonts cannot draw is left out rather than drawn as empty boxes; a title with
  // too little left to read is left out whole (the build warns: shareCardProblems).
  const fitted = fitShareCard(raw);
  const card: ShareCard = { title: fitted.title.text, when: fitted.when.text, hashtag: fitted.hashtag.text, siteTitle: fitted.siteTitle.text };
  // Only the site's card has a description (its title then gets two lines at most, to leave
  // it room); a post's card is drawn as it always was.
  const description = raw.description === undefined ? "" : fitted.description.text;
  const state = raw.state === undefined ? "" : fitted.state.text;
  const tree = el(
    "div",
    {
      width: OG_WIDTH, height: OG_HEIGHT, display: "flex", flexDirection: "column", justifyContent: "space-between",
      padding: "64px 72px", boxSizing: "border-box", backgroundColor: "#0f3d3e", color: "#ffffff", fontFamily: "DejaVu Sans",
    },
    [
      el("div", { display: "flex", justifyContent: "space-between", alignItems: "center", fontSize: 30, color: "#b8e0d2" }, [
        el("div", { display: "flex" }, card.siteTitle),
        // The state as a label in the hashtag's colour, dark on light: seen before the title.
        ...(state ? [el("div", { display: "flex", padding: "6px 18px", borderRadius: 8, backgroundColor: "#ffd166", color: "#0f3d3e", fontWeight: 700, textTransform: "uppercase" }, state)] : []),
      ]),
      el(
        "div",
        // A title too long even at the smallest size ends in "…" after the lines that fit;
        // clipping it instead would cut a line in half and cost a mask (twice the drawing time).
        { display: "block", width: OG_WIDTH - 144, fontSize: titleSize(card.title), fontWeight: 700, lineHeight: TITLE_LINE_HEIGHT, lineClamp: description ? Math.min(2, titleLines(card.title)) : titleLines(card.title) },
        card.title,
      ),
      el("div", { display: "flex", flexDirection: "column", fontSize: 32, gap: 12 }, [
        // The time a cancelled or postponed chat was to have, struck through.
        ...(raw.description === undefined ? [el("div", { display: "flex", ...(state ? { textDecoration: "line-through" } : {}) }, card.when)] : []),
        ...(description ? [el("div", { display: "block", width: OG_WIDTH - 144, lineHeight: 1.3, lineClamp: DESCRIPTION_LINES }, description)] : []),
        ...(card.hashtag ? [el("div", { display: "flex", color: "#ffd166", fontWeight: 700 }, card.hashtag)] : []),
      ]),
    ],
  );
  const svg = await satori(tree as any, {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    // Satori looks for a character missing from DejaVu Sans in the other families, in the
    // order they first appear, each at the face nearest the text's weight and style.
    fonts: fontList as ShareImageFont[],
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
