// Data files chatpost did not look at, through the real `npm run check` and `npm run build`:
// the line word for word, the same in both where the check can see it, and the fix, applied
// as written, gives a clean check and build.
// - YAML data Eleventy never reads (content/_data/authors.yaml, content/posts/posts.yaml): a warning;
// - a .js data file that does not compile: an error at its line, found without running it;
// - a post's .11tydata.js that throws when run: only the build can tell, naming the file and
//   what it threw (it died as "chatpost internal error" with Eleventy's stack trace);
// - a module data file strict as Node reads it (`0830`), `posts/posts.js` (never read), and two
//   files giving the same data (dz).
import assert from "node:assert/strict";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { assertCheckAndBuildClean, assertCheckAndBuildSay, reportLines, runScript, said, testFileCache, withFixtureCopy } from "../helpers/build-site.ts";

const ENV = { CHATPOST_CACHE_DIR: testFileCache("dy") };
const assertClean = (root: string, out: string) => assertCheckAndBuildClean(root, out, ENV);

describe("data files: check and build say the same, and the fix is clean", { concurrency: 1 }, () => {
  it("YAML data files Eleventy never reads: a warning each, and the JSON files the fix names are clean", () => withFixtureCopy(
    (root) => {
      writeFileSync(path.join(root, "content/_data/authors.yaml"), "names: [Ann]\n");
      writeFileSync(path.join(root, "content/posts/posts.yaml"), "layout: post.njk\n");
    },
    async (root, out) => {
      await assertCheckAndBuildSay(root, out, ENV, 0, [
        "content/_data/authors.yaml:1:1  warning: nothing reads this file: of content/_data/, chatpost reads only site.yaml, and Eleventy only .json and .js files, so no page gets its data → write it as content/_data/authors.json, the same data in JSON; or, if these are site settings, put them in content/_data/site.yaml",
        "content/posts/posts.yaml:1:1  warning: nothing reads this file: Eleventy reads the data of pages only from .json and .11tydata.js files, so the pages of content/posts/ are built without its fields → write it as content/posts/posts.json, the same data in JSON",
      ].join("\n"));
      rmSync(path.join(root, "content/_data/authors.yaml"));
      writeFileSync(path.join(root, "content/_data/authors.json"), '{"names": ["Ann"]}\n');
      rmSync(path.join(root, "content/posts/posts.yaml"));
      writeFileSync(path.join(root, "content/posts/posts.json"), '{"layout": "post.njk"}\n');
      await assertClean(root, out);
    },
  ));

  it("a .js data file with a comma missing: the error at its line in both, with the line mended", () => withFixtureCopy(
    (root) => writeFileSync(path.join(root, "content/_data/links.js"), 'export default {\n  home: "https://example.org/"\n  chat: "https://bsky.app/"\n};\n'),
    async (root, out) => {
      await assertCheckAndBuildSay(root, out, ENV, 1, "content/_data/links.js:3:3  the file is not valid JavaScript: Unexpected identifier 'chat'; the build would stop on it → add a comma at the end of line 2: home: \"https://example.org/\",");
      writeFileSync(path.join(root, "content/_data/links.js"), 'export default {\n  home: "https://example.org/",\n  chat: "https://bsky.app/"\n};\n');
      await assertClean(root, out);
    },
  ));

  it("a module data file with a time written 0830, posts.js, and extra.json beside extra.js: both say the same; a README is no problem; the fixes are clean (dz)", () => withFixtureCopy(
    (root) => {
      writeFileSync(path.join(root, "content/_data/times.js"), "export default {\n  start: 0830,\n};\n");
      writeFileSync(path.join(root, "content/posts/posts.js"), 'export default { chatNote: "bring questions" };\n');
      writeFileSync(path.join(root, "content/_data/extra.json"), '{"a": 1}\n');
      writeFileSync(path.join(root, "content/_data/extra.js"), "export default { b: 2 };\n");
      writeFileSync(path.join(root, "content/_data/README.md"), "# Data\n\nThe lists the pages use.\n");
    },
    async (root, out) => {
      await assertCheckAndBuildSay(root, out, ENV, 1, [
        "content/_data/extra.json:1:1  warning: content/_data/extra.json and content/_data/extra.js both give the data `extra`: Eleventy merges them, in this order, and where both set a field, the value in content/_data/extra.js is used → keep one file: move what this file holds into content/_data/extra.js, and delete this file",
        "content/_data/times.js:2:10  the file is not valid JavaScript: Decimals with leading zeros are not allowed in strict mode; the build would stop on it → a number cannot start with 0: if it is a time, write it in quotes, `start: \"08:30\",`; if it is a number, leave out the 0, `start: 830,`",
        "content/posts/posts.js:1:1  warning: nothing reads this file: Eleventy reads the data of a folder's pages from content/posts/posts.json or content/posts/posts.11tydata.js, not posts.js, so the pages of content/posts/ are built without its fields → rename it to content/posts/posts.11tydata.js",
      ].join("\n"));
      writeFileSync(path.join(root, "content/_data/times.js"), 'export default {\n  start: "08:30",\n};\n');
      renameSync(path.join(root, "content/posts/posts.js"), path.join(root, "content/posts/posts.11tydata.js"));
      writeFileSync(path.join(root, "content/_data/extra.js"), "export default { a: 1, b: 2 };\n");
      rmSync(path.join(root, "content/_data/extra.json"));
      await assertClean(root, out);
    },
  ));

  it("a post's .11tydata.js that throws when run: the build names the file, the line and what it threw", () => withFixtureCopy(
    (root) => writeFileSync(path.join(root, "content/posts/2017-04-30-online-communities.11tydata.js"), 'throw new Error("the speakers list is not ready");\nexport default {};\n'),
    async (root, out) => {
      // The check never runs a data file's code: it cannot know.
      const check = await runScript("check", root, [], ENV);
      assert.equal(check.code, 0, said(check));
      const build = await runScript("build", root, ["--output", out, "--quiet"], ENV);
      assert.equal(build.code, 1, said(build));
      assert.equal(reportLines(build), "content/posts/2017-04-30-online-communities.11tydata.js:1:7  the build runs this data file's code, and it stopped with an error: the speakers list is not ready → correct the code at this line, or ask the site's maintainer (npm run check does not run the code of data files: only the build finds this)");
      assert.doesNotMatch(said(build), /internal error|EleventyImportError|\n\s+at /);
      writeFileSync(path.join(root, "content/posts/2017-04-30-online-communities.11tydata.js"), "export default {};\n");
      await assertClean(root, out);
    },
  ));
});
