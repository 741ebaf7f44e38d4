// The project cache (CHATPOST_CACHE_DIR) set to a folder inside the site: outside content/
// it is no input of the build (every build writes it, so it would always read as changed);
// inside content/, or holding it, it is refused with one line naming the variable and a fix.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, beforeEach, describe, it } from "node:test";
import { inputFingerprint } from "../../lib/build-record.ts";
import { cacheFolderProblem, ContentCache } from "../../lib/content-cache.ts";
import { oneFileSite } from "../helpers/build-site.ts";

const work = mkdtempSync(path.join(tmpdir(), "cx-cache-folder-"));
after(() => rmSync(work, { recursive: true, force: true }));

let root: string;
let app: string;
beforeEach(() => {
  ({ root, app } = oneFileSite(work));
});

describe("the inputs a build hashes, with the cache in the site", () => {
  const print = (cacheDir: string | null) => inputFingerprint({ root, appDir: app, output: path.join(root, "_site"), env: {}, cacheDir });

  it("leave out a cache folder without a dot inside the site, as a build writes it", () => {
    const cacheDir = path.join(root, "cache");
    const first = print(cacheDir);
    // What a build leaves in the cache: its record, a share image.
    new ContentCache(cacheDir).set("ab".padEnd(64, "0"), "a build record");
    mkdirSync(path.join(cacheDir, "share-images"));
    writeFileSync(path.join(cacheDir, "share-images/card.png"), "png");
    assert.equal(print(cacheDir), first);
    // The same folder counted as an input, as before: every build would see a change.
    assert.notEqual(print(null), first);
    // A real input still counts.
    writeFileSync(path.join(root, "content/posts/a.md"), "---\ntitle: B\n---\nText\n");
    assert.notEqual(print(cacheDir), first);
  });

  it("leave it out when it is named through a link, or inside chatpost's folder", () => {
    const real = path.join(root, "data/cache");
    const link = path.join(work, `link-${path.basename(root)}`);
    symlinkSync(path.join(root, "data"), link);
    const named = path.join(link, "cache");
    const first = print(named);
    new ContentCache(real).set("cd".padEnd(64, "0"), "entry");
    assert.equal(print(named), first);
    const inApp = path.join(app, "cache");
    const before = print(inApp);
    new ContentCache(inApp).set("ef".padEnd(64, "0"), "entry");
    assert.equal(print(inApp), before);
  });

  it("keep chatpost's own files when the cache is chatpost's folder or holds it", () => {
    for (const cacheDir of [app, work]) {
      const before = print(cacheDir);
      writeFileSync(path.join(app, "layouts/post.njk"), `<main>{{ content }}</main><!-- ${cacheDir} -->`);
      assert.notEqual(print(cacheDir), before, cacheDir);
    }
  });
});

describe("cacheFolderProblem", () => {
  it("has nothing against a cache elsewhere in the site, outside it, or none", () => {
    assert.equal(cacheFolderProblem(root, path.join(root, "cache"), {}), undefined);
    assert.equal(cacheFolderProblem(root, path.join(root, ".cache/chatpost"), {}), undefined);
    assert.equal(cacheFolderProblem(root, path.join(work, "elsewhere"), {}), undefined);
    assert.equal(cacheFolderProblem(root, undefined, {}), undefined);
    // content-cache/ beside content/ is not inside it.
    assert.equal(cacheFolderProblem(root, path.join(root, "content-cache"), {}), undefined);
  });

  it("refuses a cache inside content/ in one line naming the variable as set and a fix", () => {
    const problem = cacheFolderProblem(root, path.join(root, "content/cache"), { CHATPOST_CACHE_DIR: "content/cache" });
    assert.equal(
      problem,
      `CHATPOST_CACHE_DIR=content/cache is inside the site's content/ folder (content/cache), whose files are published with the site: set CHATPOST_CACHE_DIR to a folder outside content/, e.g. CHATPOST_CACHE_DIR=${path.join(realpathSync(root), ".cache/chatpost")}, or to off for no cache`,
    );
    assert.ok(!problem!.includes("\n"));
    // In a dot-folder of content/ too, and named through a link to the site.
    const link = path.join(work, `site-link-${path.basename(root)}`);
    symlinkSync(root, link);
    assert.match(cacheFolderProblem(root, path.join(link, "content/posts/.cache"), { CHATPOST_CACHE_DIR: "x" })!, /^CHATPOST_CACHE_DIR=x is inside the site's content\/ folder \(content\/posts\/\.cache\)/);
  });

  it("refuses a cache that is the site's folder or holds it, and says when the variable is not set", () => {
    const problem = cacheFolderProblem(root, root, { CHATPOST_CACHE_DIR: "." });
    assert.match(problem!, /^CHATPOST_CACHE_DIR=\. is .+, which holds the site's content\/ folder: the cache's files would be mixed with the site's; set CHATPOST_CACHE_DIR to a folder of its own, e\.g\. CHATPOST_CACHE_DIR=.+\.cache\/chatpost, or to off for no cache$/);
    assert.match(cacheFolderProblem(root, path.join(root, "content/.cache/chatpost"), {})!, /^the cache folder \.cache\/chatpost of the working directory \(CHATPOST_CACHE_DIR is not set\) is inside the site's content\/ folder/);
  });
});
