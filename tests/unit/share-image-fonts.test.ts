// Unit tests of the fonts a site adds to its share images (`shareImage.fonts`): each is
// given to satori at the weight and style it says it has, the faces of one family under
// one name; and the Eleventy plugin sets them itself, so every way of building draws
// (and caches) the same cards.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after, describe, it } from "node:test";
import { addedShareImageFonts, shareCardKey, shareImageFontList, shareImageFonts, siteShareImageFonts, useShareImageFonts, type ShareCard } from "../../lib/og-image.ts";
import { FIXTURE_SITE, PROJECT, runScript } from "../helpers/build-site.ts";

const REGULAR = readFileSync(path.join(PROJECT, "fonts/DejaVuSans.ttf"));
const BOLD = readFileSync(path.join(PROJECT, "fonts/DejaVuSans-Bold.ttf"));
const card: ShareCard = { title: "500 chats!", when: "Tuesday, May 2, 2017, 8:30 PM EDT (UTC−4)", hashtag: "#hcldr", siteTitle: "Chat" };

describe("the added fonts as satori is given them", () => {
  after(() => useShareImageFonts([]));
  const faces = (fonts: { name: string; weight: number; style: string }[]) => fonts.map(({ name, weight, style }) => [name, weight, style]);

  it("gives the Regular and the Bold of a family one name, each at its own weight, in the site's order", () => {
    assert.deepEqual(faces(addedShareImageFonts([BOLD, REGULAR])), [
      ["Added: DejaVu Sans", 700, "normal"],
      ["Added: DejaVu Sans", 400, "normal"],
    ]);
  });

  it("gives a second font of the same face a name of its own, so its characters stay reachable", () => {
    assert.deepEqual(faces(addedShareImageFonts([REGULAR, BOLD, REGULAR])), [
      ["Added: DejaVu Sans", 400, "normal"],
      ["Added: DejaVu Sans", 700, "normal"],
      ["Added 3: DejaVu Sans", 400, "normal"],
    ]);
  });

  it("draws with DejaVu Sans first, then the site's fonts at their weights, which are part of the cache key", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chatpost-fonts-"));
    writeFileSync(path.join(dir, "Extra-Regular.ttf"), REGULAR);
    writeFileSync(path.join(dir, "Extra-Bold.ttf"), BOLD);
    useShareImageFonts([]);
    const without = shareCardKey(card);
    assert.deepEqual(faces(shareImageFontList() as never), [["DejaVu Sans", 400, "normal"], ["DejaVu Sans", 700, "normal"]]);
    const files = siteShareImageFonts({ shareImage: { fonts: ["Extra-Regular.ttf", "Extra-Bold.ttf"] } }, dir);
    assert.deepEqual(files, [path.join(dir, "Extra-Regular.ttf"), path.join(dir, "Extra-Bold.ttf")]);
    useShareImageFonts(files);
    assert.deepEqual(shareImageFonts(), files);
    assert.deepEqual(faces(shareImageFontList().slice(2) as never), [["Added: DejaVu Sans", 400, "normal"], ["Added: DejaVu Sans", 700, "normal"]]);
    const withFonts = shareCardKey(card);
    assert.notEqual(withFonts, without);
    // The same fonts in the other order are drawn the same way but tried in another order: another key.
    useShareImageFonts([...files].reverse());
    assert.notEqual(shareCardKey(card), withFonts);
    useShareImageFonts([]);
    assert.equal(shareCardKey(card), without);
  });
});

describe("the share images of a site built by Eleventy directly", () => {
  const run = promisify(execFile);
  // The share images' folder of each run's own cache (CHATPOST_CACHE_DIR).
  const cacheKeys = (cache: string) => readdirSync(path.join(cache, "share-images")).filter((f) => f.endsWith(".png")).sort();

  it("are drawn with the site's added fonts, under the keys of a build by `npm run build`", { timeout: 120_000 }, async () => {
    const root = mkdtempSync(path.join(tmpdir(), "chatpost-site-"));
    cpSync(path.join(FIXTURE_SITE, "content"), path.join(root, "content"), { recursive: true });
    mkdirSync(path.join(root, "fonts"));
    writeFileSync(path.join(root, "fonts/Extra-Bold.ttf"), BOLD);
    writeFileSync(path.join(root, "content/_data/site.yaml"), `${readFileSync(path.join(root, "content/_data/site.yaml"), "utf8")}\nshareImage:\n  fonts: [fonts/Extra-Bold.ttf]\n`);
    const [directCache, builtCache] = [mkdtempSync(path.join(tmpdir(), "chatpost-cache-")), mkdtempSync(path.join(tmpdir(), "chatpost-cache-"))];
    const env = { ...process.env, CHATPOST_NOW: "2026-11-24T12:00:00Z", CHATPOST_CACHE_DIR: directCache };
    // `npx @11ty/eleventy` in the site's folder, with chatpost's configuration: no scripts/build.ts.
    const tsx = import.meta.resolve("tsx");
    await run(process.execPath, ["--import", tsx, path.join(PROJECT, "node_modules/@11ty/eleventy/cmd.cjs"), `--config=${path.join(PROJECT, ".eleventy.ts")}`, "--input=content", "--output=_direct", "--quiet"], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
    const direct = cacheKeys(directCache);
    assert.ok(direct.length > 0);
    const built = await runScript("build", root, ["--output", path.join(root, "_site"), "--quiet"], { CHATPOST_CACHE_DIR: builtCache });
    assert.equal(built.code, 0, built.stderr);
    assert.deepEqual(direct, cacheKeys(builtCache));
  });
});
