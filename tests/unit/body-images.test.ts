// Images in a post's body without alt text are build errors that name the file and line.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { bodyImageProblems } from "../../lib/body-images.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const FILE = "content/posts/2017-04-30-online-communities.md";
const exists = () => true;

describe("bodyImageProblems: alt text", () => {
  it("reports a markdown image with empty alt text at its line, with a fix", () => {
    const problems = bodyImageProblems("Intro.\n\n![](meetup.png)\n", FILE, 10, exists);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 12);
    assert.equal(problems[0]!.severity, "error");
    assert.match(problems[0]!.message, /meetup\.png has no alt text/);
    assert.match(problems[0]!.fix!, /!\[.+\]\(meetup\.png\)/);
  });

  it("finds the line of an image in the middle of a paragraph and in a list", () => {
    const body = "First line\nsecond line ![ ](a.png) here\n\n- item\n- ![](b.png)\n";
    assert.deepEqual(bodyImageProblems(body, FILE, 1, exists).map((p) => p.line), [2, 5]);
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
    const problems = bodyImageProblems(body, FILE, 1, exists);
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
    assert.deepEqual(bodyImageProblems(body, FILE, 1, exists), []);
  });
});

describe("loadPost with images in the body", () => {
  const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
  const ctx: LoadContext = { settings, root: "/nowhere", fileExists: (rel) => rel === "content/posts/meetup.png" };

  it("refuses the post and names file and line of the image", () => {
    const { post, diagnostics } = loadPost(FILE, "---\ntitle: T\ndate: 2017-04-30\n---\nHello\n\n![](meetup.png)\n", ctx);
    assert.equal(post, undefined);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `${FILE}:7:1  the image meetup.png has no alt text → describe what it shows between the brackets: ![Two hosts at the meetup](meetup.png)`,
    ]);
  });
});

describe("bodyImageProblems: files", () => {
  const files = new Set(["content/posts/meetup.png", "content/images/logo.svg", "content/posts/Photo.JPG", "content/posts/scan.tiff", "content/posts/my photo.png"]);
  const found = (rel: string) => files.has(rel);
  const problems = (body: string) => bodyImageProblems(body, FILE, 1, found).map((p) => [p.line, p.message, p.fix]);

  it("accepts the site's own images where the post names them, and other sites' images", () => {
    const body = [
      "![Hosts](meetup.png) ![Hosts](./meetup.png) ![Logo](/images/logo.svg) ![Logo](../images/logo.svg)",
      "![Hosts](<my photo.png>) ![A chart](https://example.org/chart.png) ![Dot](data:image/png;base64,iVBO)",
      '<img src="meetup.png" alt="Hosts"> <img src="https://example.org/x.png" alt="X">',
    ].join("\n");
    assert.deepEqual(problems(body), []);
  });

  it("reports a missing file, a path outside content/ and a kind of file the site does not publish, at their lines; an upper-case ending is published", () => {
    const body = ["![Hosts](meetp.png)", "", '<p><img src="gone.png" alt="Gone"></p>', "", "![Secret](../../package.json)", "![A photo](Photo.JPG)", "![A scan](scan.tiff)"].join("\n");
    assert.deepEqual(problems(body), [
      [1, "the image file meetp.png was not found (looked for content/posts/meetp.png)", "check the file name and put the image next to the post"],
      [3, "the image file gone.png was not found (looked for content/posts/gone.png)", "check the file name and put the image next to the post"],
      [5, "the image file ../../package.json was not found (looked for package.json)", "check the file name and put the image next to the post"],
      [7, "the image file scan.tiff is not published: the site copies images ending in .jpg, .jpeg, .png, .webp, .gif, .svg, .avif", "save the image as PNG, JPEG, WebP, GIF, AVIF or SVG"],
    ]);
  });

  it("checks every picture a browser may load (each srcset candidate, a poster) and the files of raw media", () => {
    const media = new Set([...files, "content/posts/clip.mp4", "content/posts/clip.vtt", "content/posts/notes.txt"]);
    const body = [
      '<img src="meetup.png" srcset="meetup.png 1x, meetup@2x.png 2x" alt="Hosts">', //  line 1: meetup@2x.png missing
      "<picture>",
      '  <source srcset="https://cdn.example/a.avif 1x, wide.avif 2x" type="image/avif">', // line 3: wide.avif missing
      '  <img src="meetup.png" alt="Hosts">',
      "</picture>",
      "",
      '<video controls poster="Still.PNG" src="clip.mp4">', //  line 7: the poster is missing
      '  <source src="clip.webm" type="video/webm">', //       line 8: missing
      '  <track kind="captions" src="clip.vtt" srclang="en">',
      '  <track kind="descriptions" src="notes.txt" srclang="en">', // line 10: not published
      "</video>",
    ].join("\n");
    assert.deepEqual(bodyImageProblems(body, FILE, 1, (rel) => media.has(rel)).map((p) => [p.line, p.message, p.fix]), [
      [1, "the image file meetup@2x.png was not found (looked for content/posts/meetup@2x.png)", "check the file name and put the image next to the post"],
      [3, "the image file wide.avif was not found (looked for content/posts/wide.avif)", "check the file name and put the image next to the post"],
      [7, "the image file Still.PNG was not found (looked for content/posts/Still.PNG)", "check the file name and put the image next to the post"],
      [8, "the file clip.webm was not found (looked for content/posts/clip.webm)", "check the file name and put the file next to the post"],
      [
        10,
        "the file notes.txt is not published: the site copies files ending in .jpg, .jpeg, .png, .webp, .gif, .svg, .avif, .pdf, .epub, .docx, .xlsx, .pptx, .odt, .ods, .odp, .csv, .mp3, .m4a, .ogg, .mp4, .webm, .vtt",
        "save a video as MP4 or WebM, a sound as MP3, M4A or Ogg, captions as WebVTT (.vtt)",
      ],
    ]);
  });

  it("points at the column of each problem: the file name, or the start of the image without a description", () => {
    const body = [
      "Two: ![](chart.png) and ![A chart](chart.png) and ![](<my chart.png>)",
      '> <img src="gone.png"> and <IMG alt="x" srcset="a.png 1x, gone@2x.png 2x">',
      "![Hosts][pic]",
      "",
      "[pic]: gone-too.png",
    ].join("\n");
    const lines = body.split("\n");
    const at = bodyImageProblems(body, FILE, 1, (rel) => rel.endsWith("/chart.png") || rel.endsWith("/a.png")).map((p) => [
      p.line,
      p.column,
      lines[p.line! - 1]!.slice((p.column ?? 0) - 1, (p.column ?? 0) + 5),
    ]);
    assert.deepEqual(at, [
      [1, 6, "![](ch"], // no description: the image's start
      [1, 51, "![](<m"],
      [1, 56, "my cha"], // and its file, which is missing
      [2, 3, "<img s"], // no alt attribute
      [2, 13, "gone.p"],
      [2, 59, "gone@2"],
      [3, undefined, ""], // the file is named on another line: the line alone
    ]);
  });

  it("points at a raw <img> without alt however its name is capitalised", () => {
    const body = 'Logo: <iMg src="a.png"> and <IMG SRC="a.png">';
    assert.deepEqual(bodyImageProblems(body, FILE, 1, exists).map((p) => p.column), [7, 29]);
  });

  it("ignores media shown as code, and a post whose only media are other sites'", () => {
    const body = ["```html", '<video src="nowhere.mp4"></video>', "```", "", '<audio src="https://example.org/a.mp3" controls></audio>'].join("\n");
    assert.deepEqual(bodyImageProblems(body, FILE, 1, () => false), []);
  });
});
