// A full build prunes the caches: share images and content cache entries that this build
// did not use and that no build has used for a month go; what it used is marked as used
// (so another branch's build keeps it), and what was used lately stays. chatpost's old
// share-image folder in the site goes the same way.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { KEEP_UNUSED_DAYS } from "../../lib/content-cache.ts";
import { copySite, FIXTURE_SITE, runScript } from "../helpers/build-site.ts";

const DAY = 24 * 60 * 60 * 1000;
const age = (file: string, days: number) => utimesSync(file, new Date(Date.now() - days * DAY), new Date(Date.now() - days * DAY));
const recent = (file: string) => Date.now() - statSync(file).mtimeMs < DAY;

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe("a full build prunes what no build has used for a month", () => {
  const root = copySite(FIXTURE_SITE);
  const cache = mkdtempSync(path.join(tmpdir(), "cc-prune-"));
  const images = path.join(cache, "share-images");
  const oldFolder = path.join(root, ".cache/share-images");
  const planted = {
    oldImage: path.join(images, `${"a".repeat(64)}.png`),
    recentImage: path.join(images, `${"b".repeat(64)}.png`),
    oldEntry: path.join(cache, "ff", `${"c".repeat(62)}.entry`),
    recentEntry: path.join(cache, "ff", `${"d".repeat(62)}.entry`),
    oldFolderImage: path.join(oldFolder, `${"e".repeat(64)}.png`),
  };
  let first: string[];
  before(async () => {
    rmSync(path.join(root, ".cache"), { recursive: true, force: true });
    const env = { CHATPOST_CACHE_DIR: cache };
    const built = await runScript("build", root, ["--quiet"], env);
    assert.equal(built.code, 0, built.stderr);
    first = filesUnder(cache);
    // Everything the first build left, as if last used long ago.
    for (const file of first) age(path.join(cache, file), KEEP_UNUSED_DAYS + 10);
    mkdirSync(path.join(cache, "ff"), { recursive: true });
    mkdirSync(oldFolder, { recursive: true });
    for (const file of Object.values(planted)) writeFileSync(file, "x");
    for (const file of [planted.oldImage, planted.oldEntry, planted.oldFolderImage]) age(file, KEEP_UNUSED_DAYS + 1);
    for (const file of [planted.recentImage, planted.recentEntry]) age(file, KEEP_UNUSED_DAYS - 2);
    const again = await runScript("build", root, ["--quiet", "--force"], env);
    assert.equal(again.code, 0, again.stderr);
  });

  it("deletes the share images and entries it did not use that are older than a month", () => {
    assert.equal(existsSync(planted.oldImage), false);
    assert.equal(existsSync(planted.oldEntry), false);
  });

  it("keeps those used within the month, even when this build did not use them", () => {
    assert.ok(existsSync(planted.recentImage));
    assert.ok(existsSync(planted.recentEntry));
  });

  it("keeps every share image it used, marked as used now", () => {
    const used = first.filter((file) => file.startsWith("share-images"));
    assert.ok(used.length >= 3);
    for (const file of used) assert.ok(existsSync(path.join(cache, file)) && recent(path.join(cache, file)), file);
  });

  it("keeps the entries the build read or wrote (the same site: all the first build wrote), marked as used now", () => {
    const entries = first.filter((file) => file.endsWith(".entry"));
    assert.ok(entries.length > 0);
    for (const file of entries) assert.ok(existsSync(path.join(cache, file)) && recent(path.join(cache, file)), file);
  });

  it("empties and removes chatpost's old share-image folder in the site", () => {
    assert.equal(existsSync(oldFolder), false);
  });
});
