// An image without alt text in a post's body stops the build, naming file and line.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { copySite, FIXTURE_SITE, runScript, type BuildResult } from "../helpers/build-site.ts";

const FILE = "content/posts/2019-01-01-images.md";
let result: BuildResult;

before(async () => {
  const root = copySite(FIXTURE_SITE);
  writeFileSync(
    path.join(root, FILE),
    [
      "---", //                                                   1
      "title: Images",
      "date: 2019-01-01",
      "---",
      "A picture of the meetup:", //                              5
      "",
      "![](../posts/meetup.png)", //                              7
      "",
      '<p><img src="/posts/meetup.png" width="10"></p>', //       9
      "",
      "![Two hosts at the meetup](meetup.png) is fine.",
      "",
      "![[@ventola2014, p. 2]](meetup.png)", //                  13
      "",
    ].join("\n"),
  );
  result = await runScript("build", root, ["--output", path.join(root, "_out"), "--quiet"]);
});

describe("images without alt text in the body", () => {
  it("fail the build", () => {
    assert.equal(result.code, 1);
  });

  it("name the file, the line and the fix, with no stack trace", () => {
    const out = result.stderr + result.stdout;
    assert.match(out, new RegExp(`${FILE}:7:1  the image \\.\\./posts/meetup\\.png has no alt text → describe what it shows`));
    assert.match(out, new RegExp(`${FILE}:9:1  the <img> of /posts/meetup\\.png has no alt attribute → add alt=`));
    // A citation names a source, not what the image shows.
    assert.match(out, new RegExp(`${FILE}:13:1  the alt text of the image meetup\\.png is only a citation \\(\\[@ventola2014, p\\. 2\\]\\).* → describe the image before the citation: !\\[Chart of weekly chat participants \\[@ventola2014, p\\. 2\\]\\]\\(meetup\\.png\\)`));
    assert.doesNotMatch(out, /\n\s+at .+:\d+:\d+\)?\n/);
  });
});
