// One tag written two ways (`nursing`, `Nursing`) is an error in `npm run check`, fresh
// and served from its records, and in `npm run build`, which then builds nothing; once
// the posts agree, the tag has its readable page, /tags/nursing/.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { useProjectCache } from "../../lib/content-cache.ts";
import { checkSite } from "../../lib/site-check.ts";
import { copySite, FIXTURE_SITE, listFiles, runScript, type BuildResult } from "../helpers/build-site.ts";

const post = (title: string, date: string, tags: string) => `---\ntitle: ${title}\ndate: ${date}\n${tags}\n---\nBody.\n`;

const CAPITAL = "content/posts/2017-05-15-capital.md";
const BOTH = "content/posts/2017-05-22-both.md";
// The spelling of three posts (two of its own, and the one that has both) wins over that of two.
const EXPECTED = [
  `${CAPITAL}:6:5  tags[1]  the tag \`Nursing\` is written \`nursing\` in content/posts/2017-05-01-nursing-a.md and 2 other posts: both spellings would have the tag page /tags/nursing/ → write it as \`nursing\` like the other 3 posts`,
  `${BOTH}:4:17  tags[1]  the tag \`Nursing\` is this post's tag \`nursing\` (item 1 of \`tags\`) written differently, as content/posts/2017-05-01-nursing-a.md and 1 other post do: both spellings would have the tag page /tags/nursing/ → remove \`Nursing\` from this post's tags: it already has \`nursing\``,
];

function writeSpellings(root: string): void {
  const posts = path.join(root, "content/posts");
  writeFileSync(path.join(posts, "2017-05-01-nursing-a.md"), post("Nursing A", "2017-05-01", "tags: [nursing, research]"));
  writeFileSync(path.join(posts, "2017-05-08-nursing-b.md"), post("Nursing B", "2017-05-08", "tags: [nursing]"));
  writeFileSync(path.join(root, CAPITAL), post("Capital", "2017-05-15", "tags:\n  - research\n  - Nursing"));
  writeFileSync(path.join(root, BOTH), post("Both", "2017-05-22", "tags: [nursing, Nursing]"));
}

function agree(root: string): void {
  writeFileSync(path.join(root, CAPITAL), readFileSync(path.join(root, CAPITAL), "utf8").replace("- Nursing", "- nursing"));
  writeFileSync(path.join(root, BOTH), readFileSync(path.join(root, BOTH), "utf8").replace("[nursing, Nursing]", "[nursing]"));
}

/** The report's lines about tags. */
const tagLines = (result: BuildResult) => result.stderr.split("\n").filter((l) => /^\S+:\d+:\d+ {2}tags\[/.test(l));

describe("one tag written two ways", () => {
  const root = copySite(FIXTURE_SITE);
  const cacheDir = mkdtempSync(path.join(tmpdir(), "chatpost-tag-cache-"));
  const env = { CHATPOST_CACHE_DIR: cacheDir };
  const out = mkdtempSync(path.join(tmpdir(), "chatpost-out-"));
  const runs: Record<string, BuildResult> = {};
  let builtOnFailure: string[] = [];

  before(async () => {
    writeSpellings(root);
    runs.check = await runScript("check", root, [], env);
    runs.checkFromRecords = await runScript("check", root, [], env);
    runs.checkWithoutRecords = await runScript("check", root, [], { CHATPOST_CACHE_DIR: "off" });
    runs.build = await runScript("build", root, ["--output", out, "--quiet"], env);
    builtOnFailure = listFiles(out);
    agree(root);
    runs.checkAgreed = await runScript("check", root, [], env);
    runs.buildAgreed = await runScript("build", root, ["--output", out, "--quiet"], env);
  });

  it("is an error in npm run check, at each other spelling, with the spelling to use", () => {
    assert.equal(runs.check!.code, 1);
    assert.deepEqual(tagLines(runs.check!), EXPECTED);
    assert.match(runs.check!.stderr, /^2 errors: /m);
    assert.doesNotMatch(runs.check!.stderr, /^\s+at /m);
  });

  it("is found again by a check served from records, and by one without any", () => {
    assert.equal(runs.checkFromRecords!.code, 1);
    assert.equal(runs.checkFromRecords!.stderr, runs.check!.stderr);
    assert.equal(runs.checkWithoutRecords!.stderr, runs.check!.stderr);
  });

  it("stops the build, which reports it", () => {
    assert.equal(runs.build!.code, 1);
    assert.deepEqual(tagLines(runs.build!), EXPECTED);
    assert.match(runs.build!.stderr, /nothing was built/);
    assert.deepEqual(builtOnFailure, []);
  });

  it("once the posts agree, checks clean and builds the tag's readable page with every post", () => {
    assert.equal(runs.checkAgreed!.code, 0, runs.checkAgreed!.stderr);
    assert.equal(runs.buildAgreed!.code, 0, runs.buildAgreed!.stderr);
    const tags = listFiles(out).filter((f) => f.startsWith("tags/nursing"));
    assert.deepEqual(tags, ["tags/nursing/index.html"]);
    const page = readFileSync(path.join(out, "tags/nursing/index.html"), "utf8");
    for (const slug of ["nursing-a", "nursing-b", "capital", "both"]) assert.match(page, new RegExp(`href="/posts/${slug}/"`), slug);
  });
});

describe("checkSite from records", () => {
  it("carries each post's tags and where they are written, so an unchanged site still has the error", async () => {
    const root = copySite(FIXTURE_SITE);
    writeSpellings(root);
    const cache = useProjectCache(mkdtempSync(path.join(tmpdir(), "chatpost-tag-cache-")))!;
    try {
      const once = await checkSite(root);
      const misses = cache.stats.misses;
      const again = await checkSite(root);
      assert.equal(cache.stats.misses, misses, "the second check read only records");
      assert.deepEqual(again, once);
      assert.deepEqual(again.diagnostics.filter((d) => d.field.startsWith("tags")).map((d) => [d.file, d.line, d.column, d.field]), [
        [CAPITAL, 6, 5, "tags[1]"],
        [BOTH, 4, 17, "tags[1]"],
      ]);
    } finally {
      useProjectCache(undefined);
    }
  });

  it("checks the tags of a post with an error of its own, fresh and from records", async () => {
    const root = copySite(FIXTURE_SITE);
    writeSpellings(root);
    agree(root);
    const broken = "content/posts/2017-05-29-broken.md";
    writeFileSync(path.join(root, broken), post("Broken", "2017-05-29", "draft: maybe\ntags: [Nursing]"));
    useProjectCache(mkdtempSync(path.join(tmpdir(), "chatpost-tag-cache-")));
    try {
      for (const result of [await checkSite(root), await checkSite(root)]) {
        assert.deepEqual(result.diagnostics.filter((d) => d.file === broken).map((d) => [d.line, d.field]), [[4, "draft"], [5, "tags[0]"]]);
        assert.match(result.diagnostics.find((d) => d.field === "tags[0]")?.fix ?? "", /write it as `nursing` like the other 4 posts/);
      }
    } finally {
      useProjectCache(undefined);
    }
  });
});
