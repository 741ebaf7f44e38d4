// A post with an error of its own (an unknown field) and next week's post linking to it, by
// its address and by its file: the check, the check from records and the build tell the
// post's own error once, and nothing of the links, which are right; the build still stops.
// A slip in such an address is guessed as that post, with its file to link by.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { copySite, FIXTURE_SITE, runScript } from "../helpers/build-site.ts";

const WEEK9 = "content/posts/2019-02-24-week-09.md";
const WEEK10 = "content/posts/2019-03-03-week-10.md";
const week9 = ["---", "title: Week nine", "date: 2019-02-24", "colour: blue", "---", "Week nine.", ""].join("\n");
const week10 = (body: string) => ["---", "title: Week ten", "date: 2019-03-03", "---", body, ""].join("\n");

describe("a link to a post with an error of its own", () => {
  it("is not told as a link to no post, in the check, the check from records and the build, which stops", async () => {
    const root = copySite(FIXTURE_SITE);
    writeFileSync(path.join(root, WEEK9), week9);
    writeFileSync(path.join(root, WEEK10), week10("As [last week](/posts/week-09/) and [its topics](2019-02-24-week-09.md#topics) said."));
    const cache = path.join(root, "..", `${path.basename(root)}-cache`);
    const env = { CHATPOST_CACHE_DIR: cache };
    const runs = [await runScript("check", root, [], env), await runScript("check", root, [], env), await runScript("build", root, ["--output", path.join(root, "..", `${path.basename(root)}-out`)], env)];
    for (const result of runs) {
      const text = result.stderr + result.stdout;
      assert.equal(result.code, 1, text);
      const told = text.split("\n").filter((l) => l.startsWith("content/"));
      assert.deepEqual(told.map((l) => l.replace(/ → .*$/, "")), [`${WEEK9}:4:1  colour  unknown field \`colour\``], text);
      assert.match(text, /^1 error: /m);
    }
    // Fixed, the links lead to the post: nothing is left.
    writeFileSync(path.join(root, WEEK9), week9.replace("colour: blue\n", ""));
    const check = await runScript("check", root, [], env);
    assert.equal(check.code, 0, check.stderr + check.stdout);
  });

  it("is the address guessed for a slip, with its file as the link to write", async () => {
    const root = copySite(FIXTURE_SITE);
    writeFileSync(path.join(root, WEEK9), week9);
    writeFileSync(path.join(root, WEEK10), week10("As [last week](/posts/week-9/) said."));
    const result = await runScript("check", root);
    assert.equal(result.code, 1);
    assert.ok(
      result.stderr.includes(`${WEEK10}:5:16  the link to /posts/week-9/ leads to no post: no post has the address /posts/week-9/ → did you mean /posts/week-09/? Or link to that post by its file name: [last week](2019-02-24-week-09.md)\n`),
      result.stderr,
    );
  });
});
