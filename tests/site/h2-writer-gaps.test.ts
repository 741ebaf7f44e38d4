// Three writer's mistakes, through the real `npm run check` and `npm run build`: the error
// word for word, the same in both where the check can see the mistake, and the fix, applied as
// written, gives a clean check and a clean build.
// - a post whose name is not an address, beside the post that holds the name it would get;
// - a .11tydata.js whose code gives a layout that does not exist (the check runs no code:
//   only the build can tell it, and it names the data file, not the post at 1:1);
// - broken JSON in content/_data/ (the build died in Eleventy with a stack trace).
import assert from "node:assert/strict";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { assertCheckAndBuildClean, assertCheckAndBuildSay, postText, reportLines, runScript, said, testFileCache, withFixtureCopy } from "../helpers/build-site.ts";

const ENV = { CHATPOST_CACHE_DIR: testFileCache("h2") };
const assertClean = (root: string, out: string) => assertCheckAndBuildClean(root, out, ENV);

describe("writers' gaps: check and build say the same, and the fix is clean", { concurrency: 1 }, () => {
  it("a post's rename passes over the name of the post beside it", () => withFixtureCopy(
    (root) => writeFileSync(path.join(root, "content/posts/2017-04-30 Online Communities.md"), postText("Other communities", "2017-04-30")),
    async (root, out) => {
      const error = 'content/posts/2017-04-30 Online Communities.md:1:1  the file name gives the web address "2017-04-30 Online Communities", which has characters other than a-z, 0-9 and - → rename the file to content/posts/2017-04-30-online-communities-2.md (2017-04-30-online-communities.md is taken)';
      await assertCheckAndBuildSay(root, out, ENV, 1, error);
      const before = readFileSync(path.join(root, "content/posts/2017-04-30-online-communities.md"), "utf8");
      renameSync(path.join(root, "content/posts/2017-04-30 Online Communities.md"), path.join(root, "content/posts/2017-04-30-online-communities-2.md"));
      await assertClean(root, out);
      // Both posts are published, the first one unchanged.
      assert.equal(readFileSync(path.join(root, "content/posts/2017-04-30-online-communities.md"), "utf8"), before);
      assert.match(readFileSync(path.join(out, "posts/online-communities-2/index.html"), "utf8"), /Other communities/);
      assert.match(readFileSync(path.join(out, "posts/online-communities/index.html"), "utf8"), /<html/);
    },
  ));

  it("a layout computed in a .11tydata.js that names none: the build names the data file", () => withFixtureCopy(
    (root) => writeFileSync(path.join(root, "content/posts/posts.11tydata.js"), 'const name = ["no", "pe"].join("");\nmodule.exports = { layout: name };\n'),
    async (root, out) => {
      // The check does not run a data file's code: it cannot know the layout.
      const check = await runScript("check", root, [], ENV);
      assert.equal(check.code, 0, said(check));
      const build = await runScript("build", root, ["--output", out, "--quiet"], ENV);
      assert.equal(build.code, 1, said(build));
      assert.equal(reportLines(build), "content/posts/posts.11tydata.js:2:20  layout  the code of this file gives content/posts/2017-04-30-online-communities.md the layout `nope`, and there is no layout `nope`; posts use `post.njk` → make the code give `post.njk`");
      assert.match(said(build), /1 error: nothing was built\./);
      assert.doesNotMatch(said(build), /internal error|^\s+at /m);
      writeFileSync(path.join(root, "content/posts/posts.11tydata.js"), 'const name = ["post", "njk"].join(".");\nmodule.exports = { layout: name };\n');
      await assertClean(root, out);
      assert.match(readFileSync(path.join(out, "posts/online-communities/index.html"), "utf8"), /<html/);
    },
  ));

  it("broken JSON in content/_data/: told at its line, in both, before Eleventy", () => withFixtureCopy(
    (root) => writeFileSync(path.join(root, "content/_data/extra.json"), '{\n  "a": 1\n  "b": 2\n}\n'),
    async (root, out) => {
      const error = 'content/_data/extra.json:2:9  the file is not valid JSON: a comma is missing after this value: in JSON, fields are separated by commas → add a comma, so that line 2 reads `  "a": 1,`';
      const build = await assertCheckAndBuildSay(root, out, ENV, 1, error);
      assert.match(said(build), /1 error: nothing was built\./);
      assert.doesNotMatch(said(build), /internal error|^\s+at |TemplateDataParseError/m);
      // The fix as written: line 2 becomes the line it quotes.
      const [, line, written] = /so that line (\d+) reads `(.*)`$/.exec(error)!;
      const lines = readFileSync(path.join(root, "content/_data/extra.json"), "utf8").split("\n");
      lines[Number(line) - 1] = written!;
      writeFileSync(path.join(root, "content/_data/extra.json"), lines.join("\n"));
      await assertClean(root, out);
    },
  ));
});
