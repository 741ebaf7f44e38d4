// Nothing a writer has is ever lost: a failed build leaves the previous _site/
// byte-identical and content/ untouched, and leaves no temporary folder behind.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { copySite, FIXTURE_SITE, listFiles, runScript, type BuildResult } from "../helpers/build-site.ts";

function hashes(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((rel) => [rel, createHash("sha256").update(readFileSync(path.join(dir, rel))).digest("hex")]));
}

/** Folders a build may create next to _site/ while it runs. */
const temporary = (root: string) => readdirSync(root).filter((n) => /\.build-|\.previous-/.test(n));

describe("a failed build", () => {
  let root: string;
  let siteBefore: Map<string, string>;
  let contentBefore: Map<string, string>;
  let writerFailure: BuildResult;
  let siteAfterWriterFailure: Map<string, string>;
  let contentAfterWriterFailure: Map<string, string>;
  let internalFailure: BuildResult;
  let siteAfterInternalFailure: Map<string, string>;
  let contentAfterSuccess: { before: Map<string, string>; after: Map<string, string> };

  before(async () => {
    root = copySite(FIXTURE_SITE);
    const untouched = hashes(path.join(root, "content"));
    const first = await runScript("build", root, ["--quiet"]);
    assert.equal(first.code, 0, first.stderr);
    siteBefore = hashes(path.join(root, "_site"));
    contentAfterSuccess = { before: untouched, after: hashes(path.join(root, "content")) };

    // A writer's mistake: stopped by the validation before Eleventy starts.
    const post = path.join(root, "content/posts/2017-04-30-online-communities.md");
    writeFileSync(post, readFileSync(post, "utf8").replace(/^date: .*$/m, "date: 2017-04-31"));
    contentBefore = hashes(path.join(root, "content"));
    writerFailure = await runScript("build", root, ["--quiet"]);
    siteAfterWriterFailure = hashes(path.join(root, "_site"));
    contentAfterWriterFailure = hashes(path.join(root, "content"));

    // A failure inside Eleventy, after the validation passed (a chatpost filter that fails on
    // what it is given stands in for a bug; a template Nunjucks cannot parse is now the writer's
    // error, tests/site/nj-template-errors.test.ts; a bad CHATPOST_NOW a usage error).
    writeFileSync(post, readFileSync(post, "utf8").replace(/^date: .*$/m, "date: 2017-04-30"));
    const broken = path.join(root, "content/broken.njk");
    writeFileSync(broken, "---\ntitle: Broken\n---\n{{ 5 | tagUrl }}\n");
    internalFailure = await runScript("build", root, ["--quiet"]);
    siteAfterInternalFailure = hashes(path.join(root, "_site"));
    rmSync(broken);
  });

  it("built a site first, without writing to content/", () => {
    assert.ok(siteBefore.has("index.html") && siteBefore.has("posts/online-communities/index.html"));
    assert.deepEqual(contentAfterSuccess.after, contentAfterSuccess.before);
  });

  it("a writer's mistake: exit 1, the problem without a stack trace, _site/ byte-identical, content/ unchanged", () => {
    assert.equal(writerFailure.code, 1);
    assert.match(writerFailure.stderr, /content\/posts\/2017-04-30-online-communities\.md:3:1 {2}date {2}"2017-04-31" is not a date/);
    assert.doesNotMatch(writerFailure.stderr, /^\s+at /m);
    assert.doesNotMatch(writerFailure.stderr, /internal error/);
    assert.deepEqual(siteAfterWriterFailure, siteBefore);
    assert.deepEqual(contentAfterWriterFailure, contentBefore);
  });

  it("a failure inside Eleventy: exit 1, marked internal, _site/ byte-identical", () => {
    assert.equal(internalFailure.code, 1);
    assert.match(internalFailure.stderr, /chatpost internal error/);
    assert.deepEqual(siteAfterInternalFailure, siteBefore);
  });

  it("leaves no temporary folder behind", () => {
    assert.deepEqual(temporary(root), []);
  });
});

describe("a build after a killed build", () => {
  it("removes the temporary folders the killed build left and swaps in the new site", async () => {
    const root = copySite(FIXTURE_SITE);
    // The pid of a process that has ended stands in for the killed build.
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    mkdirSync(path.join(root, `._site.build-${dead}-abc123/posts`), { recursive: true });
    mkdirSync(path.join(root, `_site.previous-${dead}`), { recursive: true });
    const result = await runScript("build", root, ["--quiet"]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(temporary(root), []);
    assert.ok(existsSync(path.join(root, "_site/index.html")));
  });
});

describe("a build into a folder that does not exist yet", () => {
  it("creates it, with its parents, and leaves nothing else there", async () => {
    const root = copySite(FIXTURE_SITE);
    const result = await runScript("build", root, ["--quiet", "--output", path.join(root, "out/public/site")]);
    assert.equal(result.code, 0, result.stderr);
    // --quiet prints only problems, and the fixture has none: not even Eleventy's summary.
    assert.equal(result.stdout + result.stderr, "");
    assert.ok(existsSync(path.join(root, "out/public/site/index.html")));
    assert.deepEqual(readdirSync(path.join(root, "out/public")), ["site"]);
  });

  it("names the files it writes where they will be, not in its temporary folder", async () => {
    const root = copySite(FIXTURE_SITE);
    const out = path.join(root, "public");
    const result = await runScript("build", root, ["--output", out]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.stdout.includes(`Writing ${path.join(out, "about/index.html")} from ./content/about.md`), result.stdout);
    assert.doesNotMatch(result.stdout + result.stderr, /\.build-/);
  });
  it("names none when the build stops after Eleventy: a broken link leaves nothing written", async () => {
    const root = copySite(FIXTURE_SITE);
    const about = path.join(root, "content/about.md");
    writeFileSync(about, `${readFileSync(about, "utf8")}\nSee [the archive](/archives/).\n`);
    const result = await runScript("build", root, []);
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr + result.stdout, /content\/about\.md:\d+:\d+ +the link to \/archives\/ leads to no page or file of the site/);
    assert.match(result.stderr + result.stdout, /nothing was built/);
    // Eleventy rendered the pages into the staging folder, but says nothing of writing them.
    assert.doesNotMatch(result.stdout + result.stderr, /Writing |Wrote \d+ files/);
    assert.equal(existsSync(path.join(root, "_site")), false);
  });
});
