// The site's pages other than posts (content/about.md…) are checked like posts: their
// YAML, their images and their links, in `npm run check` and the build, all at once.
import assert from "node:assert/strict";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { copySite, FIXTURE_SITE, runScript } from "../helpers/build-site.ts";

describe("a page other than a post", () => {
  it("with a broken image or link fails the check and the build at its line; a link to a draft is a warning", async () => {
    const root = copySite(FIXTURE_SITE);
    const about = path.join(root, "content/about.md");
    const lines = readFileSync(about, "utf8").split("\n").length;
    appendFileSync(about, "\n![](team.png)\n\n[The first chat](posts/2017-04-30-online-community.md), [a draft](posts/2017-11-10-draft.md).\n");
    const image = lines + 1;
    const link = lines + 3;
    const check = await runScript("check", root);
    // The second check reads the pages' records.
    const again = await runScript("check", root);
    const build = await runScript("build", root, ["--output", path.join(root, "out"), "--quiet"]);
    for (const result of [check, again, build]) {
      assert.equal(result.code, 1);
      const out = result.stderr + result.stdout;
      assert.match(out, new RegExp(`content/about\\.md:${image}:1  the image team\\.png has no alt text`));
      assert.match(out, new RegExp(`content/about\\.md:${image}:5  the image file team\\.png was not found \\(looked for content/team\\.png\\) → check the file name and put the image next to the page`));
      assert.match(out, new RegExp(`content/about\\.md:${link}:18  the link to posts/2017-04-30-online-community\\.md leads to no post`));
      assert.match(out, new RegExp(`content/about\\.md:${link}:67  warning: the link to posts/2017-11-10-draft\\.md leads to a draft`));
      assert.match(out, /3 errors, 1 warning/);
    }
    assert.equal(existsSync(path.join(root, "out/index.html")), false, "nothing was built");
  });

  it("with broken YAML is a writer's error with its line, not a crash", async () => {
    const root = copySite(FIXTURE_SITE);
    writeFileSync(path.join(root, "content/about.md"), '---\ntitle: "About\npermalink: /about/\n---\nHello.\n');
    for (const result of [await runScript("check", root), await runScript("build", root, ["--output", path.join(root, "out"), "--quiet"])]) {
      assert.equal(result.code, 1);
      const out = result.stderr + result.stdout;
      assert.match(out, /content\/about\.md:2:8  title  the quote " opened on this line is never closed/);
      assert.doesNotMatch(out, /internal|\n\s+at .+:\d+:\d+\)?\n/);
    }
  });
});
