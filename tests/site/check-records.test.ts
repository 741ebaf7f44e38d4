// `npm run check` keeps each post's validation on record (lib/validation-cache.ts):
// whatever it serves from records must be exactly what a full validation says, also
// after a post, an image or the shared bibliography changed.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { useProjectCache } from "../../lib/content-cache.ts";
import { loadPostFile } from "../../lib/corpus.ts";
import { loadSettings } from "../../lib/settings.ts";
import { checkSite } from "../../lib/site-check.ts";
import { copySite, FIXTURE_SITE, PROJECT, runScript, type BuildResult } from "../helpers/build-site.ts";

const MALFORMED = path.join(PROJECT, "tests/fixtures/malformed");
const CITATIONS_SITE = path.join(PROJECT, "tests/fixtures/citations-site");

/** The check with records (a cache folder of its own) and without any (the reference). */
async function bothWays(root: string, cacheDir: string): Promise<{ cached: BuildResult; fresh: BuildResult }> {
  const cached = await runScript("check", root, [], { CHATPOST_CACHE_DIR: cacheDir });
  const fresh = await runScript("check", root, [], { CHATPOST_CACHE_DIR: "off" });
  return { cached, fresh };
}

describe("npm run check with validation records", () => {
  const root = copySite(FIXTURE_SITE);
  cpSync(MALFORMED, path.join(root, "content/posts"), { recursive: true });
  const citations = copySite(CITATIONS_SITE);
  const cacheDir = mkdtempSync(path.join(tmpdir(), "chatpost-check-cache-"));
  const runs: Record<string, { cached: BuildResult; fresh: BuildResult }> = {};
  let first: BuildResult;

  before(async () => {
    first = await runScript("check", root, [], { CHATPOST_CACHE_DIR: cacheDir });
    runs.unchanged = await bothWays(root, cacheDir);

    const fixed = path.join(root, "content/posts/2017-04-30-draft-yes.md");
    writeFileSync(fixed, readFileSync(fixed, "utf8").replace(/^draft: .*$/m, "draft: true"));
    runs.postEdited = await bothWays(root, cacheDir);

    rmSync(path.join(root, "content/posts/meetup.png"));
    runs.imageDeleted = await bothWays(root, cacheDir);

    await runScript("check", citations, [], { CHATPOST_CACHE_DIR: cacheDir });
    const shared = path.join(citations, "content/bibliography.yaml");
    writeFileSync(shared, readFileSync(shared, "utf8").replace("id: moorhead2013", "id: moorhead2013b"));
    runs.bibliographyChanged = await bothWays(citations, cacheDir);
  });

  it("finds the corpus's problems, and the same ones again from its records", () => {
    assert.equal(first.code, 1);
    assert.match(first.stderr, /2017-04-30-draft-yes\.md:\d+:\d+ {2}draft /);
    assert.equal(runs.unchanged!.cached.stderr, first.stderr);
    assert.equal(runs.unchanged!.cached.stdout, first.stdout);
  });

  it("reports exactly what a check without records reports, after every change", () => {
    for (const [name, { cached, fresh }] of Object.entries(runs)) {
      assert.equal(cached.code, fresh.code, name);
      assert.equal(cached.stderr, fresh.stderr, name);
      assert.equal(cached.stdout, fresh.stdout, name);
    }
  });

  it("an edited post is validated again: its fixed problem is gone, the others stay", () => {
    const { cached } = runs.postEdited!;
    assert.doesNotMatch(cached.stderr, /2017-04-30-draft-yes\.md:\d+:\d+ {2}draft /);
    assert.match(cached.stderr, /2017-04-30-date-does-not-exist\.md/);
  });

  it("a deleted image is noticed in a post whose text did not change", () => {
    assert.match(runs.imageDeleted!.cached.stderr, /2017-04-30-online-communities\.md:\d+:\d+ {2}image/);
  });

  it("a changed shared bibliography is noticed in the posts that cite it", () => {
    assert.match(runs.bibliographyChanged!.cached.stderr, /cites "moorhead2013", which is neither/);
  });
});

describe("checkSite", () => {
  it("reads a post again when it changed, even to text of the same length", async () => {
    const root = copySite(FIXTURE_SITE);
    const cache = useProjectCache(mkdtempSync(path.join(tmpdir(), "chatpost-check-cache-")))!;
    try {
      const file = path.join(root, "content/posts/2017-04-30-online-communities.md");
      assert.equal((await checkSite(root)).diagnostics.length, 0);
      // Same length, one field now wrong: the check index must not trust the old record.
      writeFileSync(file, readFileSync(file, "utf8").replace(/^date: 2017-04-30$/m, "date: 2017-04-31"));
      const after = await checkSite(root);
      assert.ok(after.diagnostics.some((d) => d.field === "date" && d.file.endsWith("2017-04-30-online-communities.md")), JSON.stringify(after.diagnostics));
    } finally {
      useProjectCache(undefined);
    }
  });

  it("notices, in the same process, that a post links to a post or file deleted since", async () => {
    const root = copySite(FIXTURE_SITE);
    useProjectCache(mkdtempSync(path.join(tmpdir(), "chatpost-check-cache-")));
    try {
      const settings = loadSettings(root);
      const linking = "content/posts/2017-11-03-after-dst.md";
      assert.deepEqual(loadPostFile(root, linking, settings).diagnostics, []);
      assert.equal((await checkSite(root)).diagnostics.length, 0);
      rmSync(path.join(root, "content/posts/2017-04-30-online-communities.md"));
      rmSync(path.join(root, "content/posts/meetup-slides.pdf"));
      // What `npm start` asks on each rebuild: the remembered post is validated again.
      const lines = loadPostFile(root, linking, settings).diagnostics.map((d) => `${d.line}: ${d.message}`);
      assert.equal(lines.length, 2, lines.join("\n"));
      assert.match(lines[0]!, /^11: the link to 2017-04-30-online-communities\.md#t2 leads to no post/);
      assert.match(lines[1]!, /^15: .*meetup-slides\.pdf/);
      const { diagnostics } = await checkSite(root);
      assert.deepEqual(diagnostics.map((d) => `${d.line}: ${d.message}`), lines);
      // And back: the file returns, the problem goes.
      cpSync(path.join(FIXTURE_SITE, "content/posts/meetup-slides.pdf"), path.join(root, "content/posts/meetup-slides.pdf"));
      assert.equal(loadPostFile(root, linking, settings).diagnostics.length, 1);
    } finally {
      useProjectCache(undefined);
    }
  });

  it("after a build, validates and compiles nothing: the build leaves the settings and the Nunjucks pages on record too", async () => {
    const root = copySite(FIXTURE_SITE);
    const env = { CHATPOST_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "chatpost-check-cache-")), CHATPOST_TRACE: "1" };
    const built = await runScript("build", root, ["--output", mkdtempSync(path.join(tmpdir(), "chatpost-out-")), "--quiet"], env);
    assert.equal(built.code, 0, built.stderr);
    const checked = await runScript("check", root, [], env);
    assert.equal(checked.code, 0, checked.stderr);
    const traced = checked.stderr + checked.stdout;
    assert.match(traced, /settings: on record/);
    assert.doesNotMatch(traced, /settings: validated/);
    assert.match(traced, /Nunjucks pages: \d+ on record, 0 compiled/);
    rmSync(root, { recursive: true, force: true });
  });

  it("after a build, still tells a font file of the settings deleted since: the record holds only while the fonts are there", async () => {
    const root = copySite(FIXTURE_SITE);
    mkdirSync(path.join(root, "fonts"));
    cpSync(path.join(PROJECT, "fonts/DejaVuSans.ttf"), path.join(root, "fonts/Added.ttf"));
    writeFileSync(path.join(root, "content/_data/site.yaml"), `${readFileSync(path.join(root, "content/_data/site.yaml"), "utf8")}\nshareImage:\n  fonts: [fonts/Added.ttf]\n`);
    const env = { CHATPOST_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "chatpost-check-cache-")), CHATPOST_TRACE: "1" };
    const built = await runScript("build", root, ["--output", mkdtempSync(path.join(tmpdir(), "chatpost-out-")), "--quiet"], env);
    assert.equal(built.code, 0, built.stderr);
    rmSync(path.join(root, "fonts/Added.ttf"));
    const checked = await runScript("check", root, [], env);
    assert.equal(checked.code, 1, checked.stderr + checked.stdout);
    assert.match(checked.stderr + checked.stdout, /content\/_data\/site\.yaml:\d+:\d+ {2}shareImage\.fonts\[0\] {2}.*fonts\/Added\.ttf/);
    rmSync(root, { recursive: true, force: true });
  });

  it("serves an unchanged site from records alone", async () => {
    const root = copySite(FIXTURE_SITE);
    const cache = useProjectCache(mkdtempSync(path.join(tmpdir(), "chatpost-check-cache-")))!;
    try {
      const once = await checkSite(root);
      const misses = cache.stats.misses;
      const hits = cache.stats.hits;
      const again = await checkSite(root);
      assert.deepEqual(again, once);
      assert.equal(cache.stats.misses, misses, "nothing was missing the second time");
      // The settings and their warnings, the site's record and the site's check index (one entry for every post).
      assert.equal(cache.stats.hits - hits, 4);
    } finally {
      useProjectCache(undefined);
    }
  });
});
