// Names under content/ that work on one writer's machine and break on another's: a name
// Windows cannot hold, two names a Mac or Windows takes for one, a name whose accents are
// stored apart (NFD), and an .eleventyignore, which has no effect. Each is told once, at
// the file, with the rename to make.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ignoreFilePatterns, unpublishableFiles, windowsNameProblem, windowsSafeName } from "../../lib/content-paths.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { copySiteWith, FIXTURE_SITE } from "../helpers/build-site.ts";

const POST = "---\ntitle: A post\ndate: 2026-11-21\n---\nText.\n";

const siteWith = (files: Record<string, string>): string => copySiteWith(FIXTURE_SITE, { files });
const report = (root: string) => unpublishableFiles(root).map(formatDiagnostic);

describe("windowsNameProblem", () => {
  it("finds device names before the first dot, in any capitals and with spaces before the dot", () => {
    for (const name of ["con.md", "CON", "Aux.jpg", "nul.tar.gz", "com1.md", "LPT9.txt", "prn .pdf", "com\u00b9.png", "conin$.txt"]) {
      assert.match(windowsNameProblem(name) ?? "", /is a name Windows keeps for a device/, name);
    }
    assert.equal(windowsNameProblem("con.md"), "CON is a name Windows keeps for a device");
  });
  it("finds forbidden characters, control characters and a space or dot at the end", () => {
    assert.equal(windowsNameProblem("Q&A: night?.pdf"), "Windows does not allow : in a name");
    assert.equal(windowsNameProblem('say "hi".png'), 'Windows does not allow " in a name');
    assert.equal(windowsNameProblem("a\\b.png"), "Windows does not allow \\ in a name");
    assert.equal(windowsNameProblem("tab\there.png"), "it holds a control character, which Windows does not allow in a name");
    assert.equal(windowsNameProblem("slides.pdf."), "it ends in a dot, which Windows drops");
    assert.equal(windowsNameProblem("slides "), "it ends in a space, which Windows drops");
  });
  it("passes names that only start like a device name, and ordinary ones", () => {
    for (const name of ["console.md", "com0.md", "auxiliary.jpg", "nullable.txt", "con-1.md", "café.png", "2017-04-30-con.md", "Meetup Slides.pdf"]) {
      assert.equal(windowsNameProblem(name), undefined, name);
    }
  });
  it("gives a name Windows can hold, close to the name", () => {
    assert.equal(windowsSafeName("con.md"), "con-1.md");
    assert.equal(windowsSafeName("AUX.tar.gz"), "AUX-1.tar.gz");
    assert.equal(windowsSafeName("Q&A: night?.pdf"), "Q&A-night.pdf");
    assert.equal(windowsSafeName("slides.pdf. "), "slides.pdf");
    for (const name of ["con.md", "Q&A: night?.pdf", "slides.pdf.", "prn .pdf", "?.png"]) assert.equal(windowsNameProblem(windowsSafeName(name)), undefined, name);
  });
});

describe("names Windows cannot hold, in a site", () => {
  it("are errors at the file or the topmost folder, with the rename, a page keeping its address and a post its own", () => {
    const root = siteWith({
      "content/con.md": "---\ntitle: Con\nlayout: base.njk\n---\nText\n",
      "content/posts/aux.jpg": "x",
      "content/posts/com1.md": POST,
      "content/posts/Q&A: night?.pdf": "%PDF",
      "content/posts/nul/2026-11-22-inside.md": POST,
      "content/posts/nul/also.png": "x",
      // Told by the posts' own checks already: not twice.
      "content/posts/2026-11-23-x.md ": POST,
    });
    const lines = report(root);
    assert.ok(lines.includes("content/con.md:1:1  a file of this name cannot be downloaded to Windows (CON is a name Windows keeps for a device): a writer there gets a copy of the site without it → rename it to content/con-1.md, and keep its address with the line `permalink: /con/` in its front matter"), lines.join("\n"));
    assert.ok(lines.includes("content/posts/aux.jpg:1:1  a file of this name cannot be downloaded to Windows (AUX is a name Windows keeps for a device): a writer there gets a copy of the site without it → rename it to content/posts/aux-1.jpg, and write the new name in the posts and pages that link to it"));
    assert.ok(lines.includes("content/posts/com1.md:1:1  a file of this name cannot be downloaded to Windows (COM1 is a name Windows keeps for a device): a writer there gets a copy of the site without it → rename it to content/posts/2026-11-21-com1.md (its address stays /posts/com1/)"));
    assert.ok(lines.includes("content/posts/Q&A: night?.pdf:1:1  a file of this name cannot be downloaded to Windows (Windows does not allow : in a name): a writer there gets a copy of the site without it → rename it to content/posts/Q&A-night.pdf, and write the new name in the posts and pages that link to it"));
    assert.ok(lines.includes("content/posts/nul:1:1  a folder of this name cannot be downloaded to Windows (NUL is a name Windows keeps for a device): a writer there gets a copy of the site without it → rename the folder to content/posts/nul-1"));
    assert.equal(lines.filter((l) => l.startsWith("content/posts/nul/")).length, 0);
    assert.equal(lines.filter((l) => l.includes("Windows") && l.includes("2026-11-23-x.md")).length, 0);
    assert.equal(lines.filter((l) => l.startsWith("content/posts/2026-11-23-x.md ")).length, 1);
  });
});

describe("names a Mac or Windows takes for one", () => {
  it("are an error at each, naming the other: capitals", () => {
    const lines = report(siteWith({ "content/posts/Meetup.png": "x" }));
    assert.deepEqual(lines.filter((l) => /Meetup|meetup/.test(l)), [
      "content/posts/Meetup.png:1:1  its name and meetup.png beside it differ only in capitals: on a Mac or Windows they are one name, so only one of them is kept when the site is downloaded there → keep one of them: delete or rename the other (names in lower case avoid this)",
      "content/posts/meetup.png:1:1  its name and Meetup.png beside it differ only in capitals: on a Mac or Windows they are one name, so only one of them is kept when the site is downloaded there → keep one of them: delete or rename the other (names in lower case avoid this)",
    ]);
  });
  it("are an error at each, naming the other: accents stored two ways, and folders too", () => {
    const lines = report(siteWith({ "content/posts/caf\u00e9.png": "x", "content/posts/cafe\u0301.png": "y", "content/posts/Old/a.pdf": "%PDF", "content/posts/old/b.pdf": "%PDF" }));
    assert.equal(lines.filter((l) => l.includes("differ only in how an accent is stored: in this name")).length, 2);
    assert.ok(lines.some((l) => l.startsWith("content/posts/Old:1:1  its name and old beside it differ only in capitals")));
    assert.ok(lines.some((l) => l.startsWith("content/posts/old:1:1  its name and Old beside it differ only in capitals")));
    // Each once: no second error about the decomposed one on its own.
    assert.equal(lines.filter((l) => l.includes("cafe\u0301.png")).length, 2);
  });
});

describe("a name whose accents are stored apart (NFD)", { skip: process.platform === "darwin" && "a Mac's disk gives names in either form" }, () => {
  it("is an error when a post writes the name as usually typed, with an accent-free rename", () => {
    const lines = report(siteWith({ "content/posts/cafe\u0301.png": "x", "content/posts/2026-11-21-cafe.md": `${POST}![A cafe](caf\u00e9.png)\n` }));
    assert.deepEqual(lines.filter((l) => l.includes("NFD")), [
      "content/posts/cafe\u0301.png:1:1  the accents of this name are stored apart from their letters (Unicode NFD, as a Mac saves some names): a link or picture that writes caf\u00e9.png as usually typed does not find it on the web server, as in a post here → rename it to content/posts/cafe.png, and write the new name in the posts and pages that link to it",
    ]);
  });
  it("is a warning when nothing writes it so; a page's rename keeps its address, written composed", () => {
    const lines = report(siteWith({ "content/cafe\u0301.md": "---\ntitle: Cafe\nlayout: base.njk\n---\nText\n" }));
    assert.deepEqual(lines.filter((l) => l.includes("NFD")), [
      "content/cafe\u0301.md:1:1  warning: the accents of this name are stored apart from their letters (Unicode NFD, as a Mac saves some names): a link or picture that writes caf\u00e9.md as usually typed does not find it on the web server → rename it to content/cafe.md, and keep its address with the line `permalink: /caf\u00e9/` in its front matter",
    ]);
  });
});

describe(".eleventyignore", () => {
  it("reads patterns as Eleventy does: trimmed, without blank, # and ! lines", () => {
    const root = siteWith({ ".eleventyignore": "# note\r\n\r\n  content/posts/a.md  \r\n!content/b.md\r\nposts/old/\n" });
    assert.deepEqual(ignoreFilePatterns(root, ".eleventyignore"), [{ line: 3, pattern: "content/posts/a.md" }, { line: 5, pattern: "posts/old/" }]);
    assert.deepEqual(ignoreFilePatterns(root, "content/.eleventyignore"), []);
  });
  it("is a warning with patterns, in either place; without any it is not told", () => {
    const root = siteWith({ "content/.eleventyignore": "\n# nothing\n" });
    assert.deepEqual(report(root), []);
    const lines = report(siteWith({ "content/.eleventyignore": "\nposts/2017-11-10-draft.md\n" }));
    assert.deepEqual(lines, [
      "content/.eleventyignore:2:1  warning: chatpost does not use .eleventyignore: what it lists (`posts/2017-11-10-draft.md`) is checked and published like every other file of content/ → delete this file; to keep a post off the site, add `draft: true` to its front matter; a page, `permalink: false`; any other file, move it out of content/",
    ]);
  });
});

describe("the fixture site", () => {
  it("has none of these problems", () => {
    assert.deepEqual(report(FIXTURE_SITE), []);
  });
});
