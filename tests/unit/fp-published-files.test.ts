// What the site publishes from content/ and what the check says of it agree: a file for
// readers in any capitals of its extension (`Slides.PDF`, a camera's `IMG_0042.JPG`), as
// Eleventy copies it; a page named `.MD` or `.NJK`, which Eleventy would publish unchecked,
// is an error; a markdown page without `layout:` gets the site's layout and, without
// `title:`, its first heading, and one with neither title nor heading is a warning.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { glob } from "tinyglobby";
import { bodyImageProblems } from "../../lib/body-images.ts";
import { bodyLinks } from "../../lib/body-links.ts";
import { contentFilesGlobs, unpublishableFiles } from "../../lib/content-paths.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { fileLookup } from "../../lib/file-case.ts";
import { isPublishedFile, PUBLISHED_FILE_EXTENSIONS, PUBLISHED_IMAGE_EXTENSIONS } from "../../lib/local-paths.ts";
import { firstHeading, loadPage, pageDefaults } from "../../lib/page-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const POST = "content/posts/2026-11-22-slides.md";

/** A site folder holding `files` (path from the site's folder → text). */
function site(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "fp-published-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe("a file for readers whose extension is in capitals", () => {
  it("is published, as Eleventy's copy matches its glob in any capitals", async () => {
    const files = ["content/posts/Slides.PDF", "content/posts/IMG_0042.JPG", "content/posts/clip.Mp4", "content/posts/scan.TIFF", "content/posts/notes.TXT", "content/posts/handout.pdf"];
    const root = site(Object.fromEntries(files.map((f) => [f, "x"])));
    // As Eleventy searches a passthrough glob (src/FileSystemSearch.js).
    const copied = (await glob(contentFilesGlobs(PUBLISHED_FILE_EXTENSIONS), { cwd: root, caseSensitiveMatch: false, dot: true })).sort();
    assert.deepEqual(copied, ["content/posts/IMG_0042.JPG", "content/posts/Slides.PDF", "content/posts/clip.Mp4", "content/posts/handout.pdf"]);
    // The check counts as published exactly what the build copies.
    assert.deepEqual(files.filter((f) => isPublishedFile(f)).sort(), copied);
    assert.ok(isPublishedFile("IMG_0042.JPG", PUBLISHED_IMAGE_EXTENSIONS));
    assert.ok(!isPublishedFile("clip.MP4", PUBLISHED_IMAGE_EXTENSIONS));
    assert.ok(!isPublishedFile("README", PUBLISHED_FILE_EXTENSIONS));
  });

  it("is a link and an image that work when written as the file is named; other capitals name the file", () => {
    const root = site({ "content/posts/Slides.PDF": "%PDF", "content/posts/IMG_0042.JPG": "x", "content/posts/scan.TIFF": "x" });
    const lookup = fileLookup(root);
    const links = (body: string) => bodyLinks(body, POST, 5, lookup).problems.map(formatDiagnostic);
    const images = (body: string) => bodyImageProblems(body, POST, 5, lookup).map(formatDiagnostic);
    assert.deepEqual(links("[the slides](Slides.PDF) and <a href=\"Slides.PDF#page=2\">page 2</a>"), []);
    assert.deepEqual(images("![Two hosts at the meetup](IMG_0042.JPG)\n\n<img src=\"IMG_0042.JPG\" alt=\"Two hosts\">"), []);
    assert.deepEqual(links("[the slides](slides.pdf)"), [
      `${POST}:5:14  the link to slides.pdf leads to no file: the file is named Slides.PDF, and the published site tells capitals apart → write it with the file's capitals: Slides.PDF (or rename the file to match)`,
    ]);
    assert.deepEqual(images("![Two hosts at the meetup](img_0042.jpg)"), [
      `${POST}:5:28  the image file img_0042.jpg was not found: the file is named IMG_0042.JPG, and the published site tells capitals apart → write it with the file's capitals: IMG_0042.JPG (or rename the file to match)`,
    ]);
    // A kind of file the site never publishes stays an error, in any capitals.
    assert.deepEqual(images("![A scan](scan.TIFF)"), [
      `${POST}:5:11  the image file scan.TIFF is not published: the site copies images ending in .jpg, .jpeg, .png, .webp, .gif, .svg, .avif → save the image as PNG, JPEG, WebP, GIF, AVIF or SVG`,
    ]);
    assert.deepEqual(links("[the scan](scan.TIFF)").map((l) => l.replace(/ending in .*? →/, "ending in … →")), [
      `${POST}:5:12  the link to scan.TIFF leads to a file the site does not publish: it copies files ending in … → save the file as PDF (or another kind the site copies) and link to that`,
    ]);
  });
});

describe("a page named .MD or .NJK", () => {
  it("is an error naming the rename, as Eleventy would publish it unchecked; a post's is reported once", () => {
    const root = site({
      "content/Notes.MD": "---\ntitle: Notes\n---\nHi.\n",
      "content/team/Join.Njk": "---\ntitle: Join\n---\n<p>Hi</p>\n",
      "content/posts/2026-11-22-upper.MD": "---\ntitle: T\ndate: 2026-11-22\n---\nBody.\n",
      "content/about.md": "---\ntitle: About\n---\nHi.\n",
      "content/_data/Extra.MD": "x",
    });
    assert.deepEqual(unpublishableFiles(root).map(formatDiagnostic).sort(), [
      "content/Notes.MD:1:1  the name ends in .MD, not .md: the site would publish it as a page at /Notes.MD/ without checking it → rename it to Notes.md",
      "content/posts/2026-11-22-upper.MD:1:1  only files whose names end in .md (in lower case) are posts, so this one is not published → rename it to 2026-11-22-upper.md",
      "content/team/Join.Njk:1:1  the name ends in .Njk, not .njk: the site would publish it as a page at /team/Join.Njk/ without checking it → rename it to Join.njk",
    ]);
  });
});

describe("a markdown page's layout and title when its front matter leaves them out", () => {
  it("are the site's layout and the page's first top-level heading", () => {
    assert.deepEqual(pageDefaults({ permalink: "/about/" }, "# About **the** `chat`\n\nText.\n"), { layout: "base.njk", title: "About the chat" });
    assert.deepEqual(pageDefaults({}, "Welcome\n=======\n\n# Later\n"), { layout: "base.njk", title: "Welcome" });
    assert.deepEqual(pageDefaults({ permalink: "/404.html", layout: null }, "Text only.\n"), { layout: "base.njk" });
    // A heading shown as code, or a second-level one, is not the page's title.
    assert.equal(firstHeading("```\n# not a heading\n```\n\n## Section\n"), undefined);
  });

  it("leave alone what the page says, and a page written raw", () => {
    assert.deepEqual(pageDefaults({ title: "About", layout: "base.njk" }, "# Other\n"), {});
    assert.deepEqual(pageDefaults({ title: "Raw", layout: false }, "# Other\n"), {});
    assert.deepEqual(pageDefaults({ title: "Humans", permalink: "/humans.txt" }, "Hosts: Ada\n"), {});
    assert.deepEqual(pageDefaults({ permalink: false, title: "Unpublished" }, "x"), {});
  });
});

describe("a markdown page with neither title nor heading", () => {
  const ctx = { settings, root: "/nowhere", fileExists: () => false };
  const report = (file: string, text: string) => loadPage(file, text, ctx).diagnostics.map(formatDiagnostic);
  it("is a warning naming the line to add", () => {
    assert.deepEqual(report("content/code-of-conduct.md", "---\npermalink: /conduct/\n---\nBe kind.\n"), [
      "content/code-of-conduct.md:1:1  title  warning: the page has no title and no heading: its browser tab, bookmarks, search results and what a screen reader announces on opening it would give only the site's name → add a line title: Code of conduct to its front matter (or start the page with a heading: # Code of conduct)",
    ]);
    assert.match(report("content/team/index.md", "---\ndescription: Who we are\n---\nUs.\n")[0]!, /→ add a line title: Team to its front matter/);
  });

  it("is not reported with a title, a heading, `layout: false`, `permalink: false` or a file that is not a web page", () => {
    for (const text of [
      "---\ntitle: About\n---\nHi.\n",
      "---\npermalink: /about/\n---\n# About the chat\n",
      "---\nlayout: false\n---\nraw\n",
      "---\npermalink: false\n---\nnote\n",
      "---\npermalink: /humans.txt\n---\nHosts: Ada\n",
      readFileSync(new URL("../../content/404.md", import.meta.url), "utf8"),
      readFileSync(new URL("../../content/about.md", import.meta.url), "utf8"),
    ]) assert.deepEqual(report("content/page.md", text), [], text);
  });

  it("without front matter keeps its one error, which no longer asks for a layout", () => {
    const [only, ...rest] = report("content/README.md", "# How this site works\n\nNotes.\n");
    assert.deepEqual(rest, []);
    assert.equal(only, "content/README.md:1:1  the file has no front matter, so it would be published as the page /README/, and listed for search engines → if it is a note to yourself, keep it outside content/ (or rename it to README.txt, which is not published); if it is a page, start it with front matter: a line ---, then title: README, then a line ---");
  });
});
