// Checks between files, through `npm run check` and a build that share validation records:
// posts titled alike, a bare `@key` of a shared entry in front matter, and a link named by
// a post's title. Each answer must follow a change to ANOTHER file, as a check without
// records gives it.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copySite, FIXTURE_SITE, PROJECT, runScript, type BuildResult } from "../helpers/build-site.ts";

const POSTS = "content/posts";

describe("checks between files follow the other file, from records too", () => {
  const root = copySite(FIXTURE_SITE);
  const cacheDir = mkdtempSync(path.join(tmpdir(), "xf-cache-"));
  const out = mkdtempSync(path.join(tmpdir(), "xf-out-"));
  const at = (name: string) => path.join(root, POSTS, name);
  const runs: Record<string, { cached: BuildResult; again?: BuildResult; fresh: BuildResult }> = {};
  let built: BuildResult;
  const check = (env: Record<string, string>) => runScript("check", root, [], env);
  const both = async (name: string, twice = false) => {
    const cached = await check({ CHATPOST_CACHE_DIR: cacheDir });
    const again = twice ? await check({ CHATPOST_CACHE_DIR: cacheDir }) : undefined;
    runs[name] = { cached, ...(again ? { again } : {}), fresh: await check({ CHATPOST_CACHE_DIR: "off" }) };
  };
  const warnings = (r: BuildResult) => r.stderr.split("\n").filter((l) => l.includes("warning:")).sort();

  before(async () => {
    copyFileSync(path.join(PROJECT, "content/bibliography.bib"), path.join(root, "content/bibliography.bib"));
    appendFileSync(path.join(root, "content/_data/site.yaml"), "  bibliography: [content/bibliography.bib]\n");
    const dst = readFileSync(at("2017-11-03-after-dst.md"), "utf8");
    writeFileSync(at("2017-11-04-after-again.md"), dst.replace(/^title: .*$/m, 'title: "after the  clocks change"').replace(/^date: .*$/m, "date: 2017-11-04").replace("2017-11-07T20:30", "2017-11-21T20:30"));
    writeFileSync(at("2017-11-05-bare.md"), "---\ntitle: What @fox2013 found\ndate: 2017-11-05\nchat:\n  start: 2017-11-28T20:30\ntopics:\n  - Ask @nurse_jane\n---\nAs [@fox2013] found.\n\nSee [the recap](Autumn chat recap).\n");
    built = await runScript("build", root, ["--output", out, "--quiet"], { CHATPOST_CACHE_DIR: cacheDir });
    await both("afterBuild", true);
    // Another post's title changes: its twin's warning goes, and the link is now named by it.
    const again = readFileSync(at("2017-11-04-after-again.md"), "utf8");
    writeFileSync(at("2017-11-04-after-again.md"), again.replace(/^title: .*$/m, "title: Autumn chat recap"));
    await both("titleChanged", true);
    // It is deleted, and a copy of the first post's title appears.
    rmSync(at("2017-11-04-after-again.md"));
    writeFileSync(at("2017-11-06-copy.md"), "---\ntitle: After the clocks change\ndate: 2017-11-06\n---\nA copy.\n");
    await both("deletedAndCopied");
  });
  after(() => {
    for (const dir of [root, cacheDir, out]) rmSync(dir, { recursive: true, force: true });
  });

  it("a build warns of posts titled alike, on each, and of a shared entry's @key in the front matter", () => {
    assert.equal(built.code, 0, built.stderr);
    const lines = warnings(built);
    assert.ok(lines.some((l) => l.startsWith(`${POSTS}/2017-11-03-after-dst.md:2:1  title  warning: this post has the same title as ${POSTS}/2017-11-04-after-again.md ("after the  clocks change")`)), lines.join("\n"));
    assert.ok(lines.some((l) => l.startsWith(`${POSTS}/2017-11-04-after-again.md:2:1  title  warning: this post has the same title as ${POSTS}/2017-11-03-after-dst.md ("After the clocks change")`)));
    assert.ok(lines.some((l) => l.startsWith(`${POSTS}/2017-11-05-bare.md:2:13  title  warning: \`title\` has the citation "@fox2013"`) && l.endsWith("title: What Fox & Duggan found")));
    // A handle is not a citation.
    assert.ok(!built.stderr.includes("@nurse_jane"));
    assert.ok(lines.some((l) => l.includes('no post of the site has a title or file name like "Autumn chat recap"')));
  });

  it("a check after the build, and again, says what the build said", () => {
    const { cached, again, fresh } = runs.afterBuild!;
    assert.deepEqual(warnings(cached), warnings(built));
    assert.equal(again!.stderr, cached.stderr);
    assert.equal(fresh.stderr, cached.stderr);
  });

  it("after another post's title changed: no twin, and the link's suggestion names that post", () => {
    const { cached, again, fresh } = runs.titleChanged!;
    assert.equal(cached.code, 1);
    assert.ok(!cached.stderr.includes("the same title"), cached.stderr);
    assert.match(cached.stderr, /2017-11-05-bare\.md:11:5 {2}the link \[the recap\]\(Autumn chat recap\) is shown as typed.*this looks like the post "Autumn chat recap", content\/posts\/2017-11-04-after-again\.md\) → write \[the recap\]\(2017-11-04-after-again\.md\)/);
    assert.equal(again!.stderr, cached.stderr);
    assert.equal(fresh.stderr, cached.stderr);
  });

  it("after it is deleted and another post takes the first one's title: the warnings follow", () => {
    const { cached, fresh } = runs.deletedAndCopied!;
    assert.equal(cached.code, 0, cached.stderr);
    const lines = warnings(cached);
    assert.ok(lines.some((l) => l.startsWith(`${POSTS}/2017-11-03-after-dst.md:2:1  title  warning: this post has the same title as ${POSTS}/2017-11-06-copy.md:`)), lines.join("\n"));
    assert.ok(lines.some((l) => l.startsWith(`${POSTS}/2017-11-06-copy.md:2:1  title  warning: this post has the same title as ${POSTS}/2017-11-03-after-dst.md:`)));
    assert.ok(!cached.stderr.includes("after-again"));
    assert.ok(lines.some((l) => l.includes('no post of the site has a title or file name like "Autumn chat recap"')));
    assert.equal(fresh.stderr, cached.stderr);
  });
});
