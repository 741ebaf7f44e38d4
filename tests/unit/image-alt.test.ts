// Images in a post's body without alt text are build errors that name the file and line.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { imageAltProblems } from "../../lib/image-alt.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const FILE = "content/posts/2017-04-30-online-communities.md";

describe("imageAltProblems", () => {
  it("reports a markdown image with empty alt text at its line, with a fix", () => {
    const problems = imageAltProblems("Intro.\n\n![](meetup.png)\n", FILE, 10);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 12);
    assert.equal(problems[0]!.severity, "error");
    assert.match(problems[0]!.message, /meetup\.png has no alt text/);
    assert.match(problems[0]!.fix!, /!\[.+\]\(meetup\.png\)/);
  });

  it("finds the line of an image in the middle of a paragraph and in a list", () => {
    const body = "First line\nsecond line ![ ](a.png) here\n\n- item\n- ![](b.png)\n";
    assert.deepEqual(imageAltProblems(body, FILE, 1).map((p) => p.line), [2, 5]);
  });

  it("reports raw <img> without alt, in a block and inline, but accepts alt=\"\" as decorative", () => {
    const body = [
      "<figure>", //                                        line 1
      '  <img src="chart.png" class="wide">', //            line 2
      "</figure>",
      "",
      'Text with <img src="icon.svg"> inline.', //          line 5
      "",
      '<img src="divider.png" alt="">', //                  decorative: fine
      '<img src="x.png" data-alt="no" title="a > b">', //  line 8
    ].join("\n");
    const problems = imageAltProblems(body, FILE, 1);
    assert.deepEqual(problems.map((p) => [p.line, p.message]), [
      [2, "the <img> of chart.png has no alt attribute"],
      [5, "the <img> of icon.svg has no alt attribute"],
      [8, "the <img> of x.png has no alt attribute"],
    ]);
  });

  it("accepts images that describe themselves, and ignores <img> shown as code", () => {
    const body = [
      "![Two hosts at the meetup](meetup.png)",
      '<img src="a.png" alt="A chart of replies per hour">',
      "<IMG SRC='b.png' ALT='Logo'>",
      "",
      "```html",
      '<img src="code.png">',
      "```",
      "",
      "Write `![](x.png)` and `<img src=y>` in code.",
    ].join("\n");
    assert.deepEqual(imageAltProblems(body, FILE, 1), []);
  });
});

describe("loadPost with images in the body", () => {
  const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
  const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };

  it("refuses the post and names file and line of the image", () => {
    const { post, diagnostics } = loadPost(FILE, "---\ntitle: T\ndate: 2017-04-30\n---\nHello\n\n![](meetup.png)\n", ctx);
    assert.equal(post, undefined);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `${FILE}:7:1  the image meetup.png has no alt text → describe what it shows between the brackets: ![Two hosts at the meetup](meetup.png)`,
    ]);
  });
});
