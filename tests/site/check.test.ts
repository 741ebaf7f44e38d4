// `npm run check`: every problem of every file at once, exit 1 on errors, 0 with
// warnings only, and never a stack trace.
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
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
      /content\/posts\/2017-11-01-overlap\.md:5:3 {2}chat\.start {2}warning: 2017-11-05 01:30:00 happens twice/,
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
