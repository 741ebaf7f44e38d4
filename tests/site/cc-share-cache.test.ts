// Share images and the project cache in real builds: they are cached in the project cache
// (CHATPOST_CACHE_DIR, by default .cache/chatpost in the working directory, folder
// share-images), `off` draws every card and reads and writes nothing there, and a cache
// holding cards drawn under other keys (chatpost's old key, older drawing code, the old
// folder in the site) is not served: those cards are drawn again.
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { before, describe, it } from "node:test";
import { loadCorpus } from "../../lib/corpus.ts";
import { loadSettings } from "../../lib/settings.ts";
import { drawingVersion, renderShareCard, shareCardKey, shareCardKeyWith, siteShareImageFonts, useShareImageFonts, type ShareCard } from "../../lib/og-image.ts";
import { shareCardFor, siteShareCard } from "../../plugins/og-image.ts";
import { copySite, FIXTURE_SITE, listFiles, PROJECT } from "../helpers/build-site.ts";

const run = promisify(execFile);
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

/** The fixture site copied without the cache an older chatpost kept in it. */
function siteCopy(): string {
  const root = copySite(FIXTURE_SITE);
  rmSync(path.join(root, ".cache"), { recursive: true, force: true });
  return root;
}

/** `npm run build` of `root` into root/_site, from the working directory `cwd`, with CHATPOST_CACHE_DIR as given (unset: the default). */
async function build(root: string, cwd: string, cacheDir: string | undefined): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, CHATPOST_NOW: "2026-11-24T12:00:00Z" };
  if (cacheDir === undefined) delete env.CHATPOST_CACHE_DIR;
  else env.CHATPOST_CACHE_DIR = cacheDir;
  try {
    await run(process.execPath, ["--import", import.meta.resolve("tsx"), path.join(PROJECT, "scripts/build.ts"), "--root", root, "--quiet"], { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error: any) {
    throw new Error(`build of ${root} failed:\n${error.stderr}\n${error.stdout}`);
  }
}

/** Every share image of a built site, by its path in the site. */
function shareImages(root: string): Map<string, Buffer> {
  const site = path.join(root, "_site");
  return new Map(listFiles(site).filter((f) => f.endsWith("share.png")).map((f) => [f, readFileSync(path.join(site, f))]));
}

/** The cards of the fixture site, as the build makes them: every post's and the site's. */
function fixtureCards(): ShareCard[] {
  const settings = loadSettings(FIXTURE_SITE);
  useShareImageFonts(siteShareImageFonts(settings, FIXTURE_SITE));
  const { posts } = loadCorpus(FIXTURE_SITE, settings);
  return [...posts.filter((post) => !post.draft).map((post) => shareCardFor(post, settings)), siteShareCard(settings, settings.pathPrefix)];
}

/** The key chatpost gave a card before the key covered the drawing code: a hand-bumped design version, the text and the fonts. */
function oldStyleKey(card: ShareCard): string {
  const fonts = createHash("sha256");
  for (const font of ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]) fonts.update(readFileSync(path.join(PROJECT, "fonts", font)));
  const text = ["4", card.title, card.when, card.hashtag, card.siteTitle, ...(card.description === undefined ? [] : [card.description])];
  return createHash("sha256").update(JSON.stringify(text)).update(fonts.digest()).digest("hex");
}

function plant(dir: string, names: string[], bytes: Buffer): void {
  mkdirSync(dir, { recursive: true });
  for (const name of names) writeFileSync(path.join(dir, name), bytes);
}

describe("share images in the project cache", () => {
  let cards: ShareCard[];
  let wrong: Buffer;
  const sites = { off: siteCopy(), default: siteCopy(), stale: siteCopy() };
  const cwd = { off: mkdtempSync(path.join(tmpdir(), "cc-cwd-")), default: mkdtempSync(path.join(tmpdir(), "cc-cwd-")) };
  const staleCache = mkdtempSync(path.join(tmpdir(), "cc-cache-"));
  const dead = deadPid();
  const live = `0000.png.${process.pid}.tmp`;
  let images: Record<keyof typeof sites, Map<string, Buffer>>;

  before(async () => {
    cards = fixtureCards();
    // A real PNG, of another card: what a stale cache would hold.
    wrong = await renderShareCard({ title: "A card drawn by other code", when: "", hashtag: "", siteTitle: "Stale" });
    const current = cards.map((card) => `${shareCardKey(card)}.png`);
    // Cards under the keys of this very code, where each build would look by default.
    for (const dir of Object.values(cwd)) plant(path.join(dir, ".cache/chatpost/share-images"), current, wrong);
    // A cache written by older code: under chatpost's old keys, under keys of another
    // drawing code, and in the old folder of the site; and a killed build's half-written file.
    const older = { ...drawingVersion(), code: "0123456789abcdef" };
    plant(path.join(staleCache, "share-images"), [...cards.map((card) => `${oldStyleKey(card)}.png`), ...cards.map((card) => `${shareCardKeyWith(card, older)}.png`)], wrong);
    plant(path.join(sites.stale, ".cache/share-images"), cards.map((card) => `${oldStyleKey(card)}.png`), wrong);
    writeFileSync(path.join(staleCache, "share-images", `0000.png.${dead}.tmp`), "half a PNG");
    writeFileSync(path.join(staleCache, "share-images", live), "being written");
    await Promise.all([build(sites.off, cwd.off, "off"), build(sites.default, cwd.default, undefined), build(sites.stale, PROJECT, staleCache)]);
    images = { off: shareImages(sites.off), default: shareImages(sites.default), stale: shareImages(sites.stale) };
  });

  it("with CHATPOST_CACHE_DIR=off, draws every card: nothing is read from the cache, nothing written anywhere", () => {
    assert.ok(images.off.size >= 3, `${images.off.size} share images`);
    for (const [file, png] of images.off) assert.ok(!png.equals(wrong), file);
    assert.deepEqual(readdirSync(path.join(cwd.off, ".cache/chatpost/share-images")).sort(), cards.map((card) => `${shareCardKey(card)}.png`).sort());
    assert.deepEqual(readdirSync(cwd.off), [".cache"]);
    assert.deepEqual(readdirSync(path.join(cwd.off, ".cache/chatpost")), ["share-images"]);
    assert.equal(existsSync(path.join(sites.off, ".cache")), false);
  });

  it("by default, keeps them in share-images of .cache/chatpost in the working directory, not in the site's folder", () => {
    // The images planted under this code's keys there are the ones the site got: read from there.
    assert.equal(images.default.size, images.off.size);
    for (const [file, png] of images.default) assert.ok(png.equals(wrong), file);
    assert.equal(existsSync(path.join(sites.default, ".cache")), false);
  });

  it("draws again the cards a cache holds under other keys (older drawing code, the old key, the old folder): the same bytes as with no cache", () => {
    assert.deepEqual([...images.stale.keys()].sort(), [...images.off.keys()].sort());
    for (const [file, png] of images.stale) assert.ok(png.equals(images.off.get(file)!), file);
    // Now in the cache under this code's keys: each built card (a scheduled post has none yet).
    const cached = new Set(readdirSync(path.join(staleCache, "share-images")));
    assert.equal(cards.filter((card) => cached.has(`${shareCardKey(card)}.png`)).length, images.stale.size);
  });

  it("removes a half-written image of a build that has ended, and leaves one being written", () => {
    const left = readdirSync(path.join(staleCache, "share-images")).filter((n) => n.endsWith(".tmp"));
    assert.deepEqual(left, [live]);
  });
});
