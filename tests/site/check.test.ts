// `npm run check`: every problem of every file at once, exit 1 on errors, 0 with
// warnings only, and never a stack trace.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { copySite, FIXTURE_SITE, runScript, type BuildResult } from "../helpers/build-site.ts";

const post = (frontMatter: string) => `---\n${frontMatter}\n---\nBody.\n`;

describe("npm run check", () => {
  let broken: BuildResult;
  let warningsOnly: BuildResult;

  before(async () => {
    const root = copySite(FIXTURE_SITE);
    const posts = path.join(root, "content/posts");
    writeFileSync(path.join(posts, "2017-05-01-zone.md"), post("title: Zone\ndate: 2017-05-01\nchat:\n  start: 2017-05-09T20:30\n  zone: EST"));
    writeFileSync(path.join(posts, "2017-05-02-quote.md"), post('title: "Never closed\ndate: 2017-05-02'));
    writeFileSync(path.join(posts, "2017-05-03-two.md"), post("title: Two\ndate: 2017-05-03\ntopic: [a]\ndraft: maybe"));
    writeFileSync(path.join(posts, "2017-11-01-overlap.md"), post("title: Overlap\ndate: 2017-11-01\nchat:\n  start: 2017-11-05T01:30"));
    broken = await runScript("check", root);

    for (const name of ["2017-05-01-zone.md", "2017-05-02-quote.md", "2017-05-03-two.md"]) rmSync(path.join(posts, name));
    warningsOnly = await runScript("check", root);
  });

  it("prints every problem of every file at once and exits 1", () => {
    assert.equal(broken.code, 1);
    const out = broken.stderr;
    const expected = [
      /content\/posts\/2017-05-01-zone\.md:6:3 {2}chat\.zone {2}"EST" is an abbreviation.* → .*America\/New_York/,
      /content\/posts\/2017-05-02-quote\.md:2:8 {2}title {2}the quote " opened on this line is never closed, so what follows is not valid YAML → /,
      /content\/posts\/2017-05-03-two\.md:4:1 {2}topic {2}unknown field `topic` → did you mean `topics`\?/,
      /content\/posts\/2017-05-03-two\.md:5:1 {2}draft {2}expected true or false, found text → /,
      /content\/posts\/2017-11-01-overlap\.md:5:3 {2}chat\.start {2}warning: 2017-11-05 01:30 happens twice/,
    ];
    for (const line of expected) assert.match(out, line);
    assert.match(out, /^4 errors, 1 warning/m);
  });

  it("never shows a stack trace for a writer's mistake", () => {
    assert.doesNotMatch(broken.stderr + broken.stdout, /^\s+at |internal error/m);
  });

  it("exits 0 with warnings only, and still shows them", () => {
    assert.equal(warningsOnly.code, 0, warningsOnly.stderr);
    assert.match(warningsOnly.stderr, /2017-11-01-overlap\.md:5:3 {2}chat\.start {2}warning: /);
    assert.match(warningsOnly.stdout, /posts checked: no errors/);
  });
});

describe("npm run check: a citation of a key another post holds", () => {
  const runs: Record<string, BuildResult> = {};
  const lines = (result: BuildResult) => result.stderr.split("\n").filter((l) => l.includes("2017-05-07-copied.md"));

  before(async () => {
    const root = copySite(FIXTURE_SITE);
    writeFileSync(path.join(root, "content/posts/2017-05-07-copied.md"), "---\ntitle: Copied\ndate: 2017-05-07\n---\nAs last week [see @ventola2014, p. 3].\n");
    const env = { CHATPOST_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "chatpost-check-cache-")) };
    runs.check = await runScript("check", root, [], env);
    runs.fromRecords = await runScript("check", root, [], env);
    runs.build = await runScript("build", root, ["--output", mkdtempSync(path.join(tmpdir(), "chatpost-out-")), "--quiet"], env);
  });

  it("is one error naming that post, the same from records and in the build", () => {
    assert.equal(runs.check!.code, 1);
    assert.deepEqual(lines(runs.check!), [
      "content/posts/2017-05-07-copied.md:5:14  the citation [see @ventola2014, p. 3] cites \"ventola2014\", which is neither in this post's references nor in the shared bibliography; it is a reference of content/posts/2017-04-30-online-communities.md (line 27), and references are per post → copy that entry into this post's `references:`; a work that many posts cite can instead go in a shared bibliography (`citations.bibliography` in the site settings), which every post can cite",
    ]);
    assert.match(runs.check!.stderr, /^1 error\b/m);
    assert.deepEqual(lines(runs.fromRecords!), lines(runs.check!));
    assert.equal(runs.build!.code, 1);
    assert.deepEqual(lines(runs.build!), lines(runs.check!));
  });
});
