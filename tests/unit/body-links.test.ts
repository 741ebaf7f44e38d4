// A link to another post by its file: a file that is not there is an error at its line.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { postLinkProblems } from "../../lib/body-links.ts";

const FILE = "content/posts/2017-05-07-listening.md";
const files = new Set(["content/posts/2017-04-30-online-communities.md", "content/about.md"]);
const problems = (body: string) => postLinkProblems(body, FILE, 10, (rel) => files.has(rel)).map((p) => [p.line, p.message]);

describe("postLinkProblems", () => {
  it("accepts links to posts and pages that exist, and every other link", () => {
    assert.deepEqual(problems("See [last week](2017-04-30-online-communities.md#t1), [about](../about.md),\n[a site](https://example.org/x.md) and [a page](/posts/online-communities/)."), []);
  });

  it("reports a link to a file that is not there, or outside content/, at its line", () => {
    assert.deepEqual(problems("Intro.\n\nSee [last week](2017-04-30-online-community.md)\nand [the README](../../README.md)."), [
      [12, "the link to 2017-04-30-online-community.md leads to no post (looked for content/posts/2017-04-30-online-community.md)"],
      [13, "the link to ../../README.md leads to no post (looked for README.md)"],
    ]);
  });

  it("reads no link in code", () => {
    assert.deepEqual(problems("`[x](missing.md)`\n\n    [y](missing.md)\n"), []);
  });
});
