// The front matter's fences as Eleventy reads them (gray-matter): a `---` a word processor made
// a dash, YAML's `...` closing the fields, and a carriage return alone before the closing `---`
// are told, with the exact line to write, and the file is read on as if fixed, so that its other
// problems come in the same run. A file the check passes is read by gray-matter as by the check.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { fenceSlips, splitFrontMatter } from "../../lib/front-matter.ts";

// Eleventy's own reader of front matter.
const matter = createRequire(import.meta.url)("gray-matter") as (text: string) => { data: Record<string, unknown>; content: string };


const fields = ["title: The upcoming chat", "date: 2026-11-20", "chat:", "  start: 2026-12-01T20:30", "topics:", "  - What is next?"];
const post = (open: string, close: string, body = ["Body text.", ""]) => [open, ...fields, close, ...body].join("\n");
const good = post("---", "---");

describe("fenceSlips", () => {
  const dashes: Array<[string, string]> = [
    ["—", "an em dash"], ["–––", "three en dashes"], ["―", "a horizontal bar"], ["−−−", "three minus signs"],
    ["－－－", "three full-width hyphens"], ["‐‐‐", "three Unicode hyphens"], ["—-", "an em dash and a hyphen"], ["--", "two hyphens"], ["----", "four hyphens"],
  ];
  for (const [line, words] of dashes) {
    it(`\`${line}\` for the opening and the closing \`---\`: both told, named "${words}", and read as \`---\``, () => {
      const { slips, text } = fenceSlips(post(line, line), "post", true);
      assert.deepEqual(slips.map((s) => `${s.line}:${s.column}`), ["1:1", "8:1"]);
      assert.match(slips[0]!.message, new RegExp(`^line 1 is \`${line}\`, ${words}, not the three hyphens \`---\` that start the front matter`));
      assert.match(slips[1]!.message, new RegExp(`^line 8 is \`${line}\`, ${words}, not the three hyphens \`---\` that end the front matter`));
      assert.match(slips[0]!.fix, /write three hyphens in its place: `---`$/);
      assert.equal(text, good);
    });
  }

  it("`...` closing the fields: told as YAML's end that Eleventy does not take, read as `---`", () => {
    const { slips, text } = fenceSlips(post("---", "..."), "post", true);
    assert.deepEqual(slips.map((s) => `${s.line}:${s.column}  ${s.message} → ${s.fix}`), [
      "8:1  the front matter is closed with `...`, which YAML allows but Eleventy does not read as its end: it would take the whole file for the fields, and the post would lose its title and all its text → close the fields with --- (three hyphens), not ...: write `---` in its place",
    ]);
    assert.equal(text, good);
  });

  it("lines ending in CR alone: told at the end of the line above the closing `---`; read with line feeds", () => {
    const { slips, text } = fenceSlips(good.replace(/\n/g, "\r"), "post", true);
    assert.deepEqual(slips.map((s) => `${s.line}:${s.column}  ${s.message} → ${s.fix}`), [
      "7:18  the lines end in CR alone, an old Mac format: Eleventy does not see the `---` on line 8 that ends the front matter, and the post would lose its title and all its text → save the file with ordinary line ends (LF): most editors offer it in the status bar or the save dialog (\"LF\", \"Unix\")",
    ]);
    assert.equal(text, good);
  });

  it("one CR alone, right above the closing `---`, in a file of line feeds: that line is named", () => {
    const lines = good.split("\n");
    const text = `${lines.slice(0, 7).join("\n")}\r${lines.slice(7).join("\n")}`;
    assert.deepEqual(fenceSlips(text, "post", true).slips.map((s) => `${s.line}:${s.column}  ${s.message}`), [
      "7:18  line 7 ends in CR alone (an old Mac line end), not LF: Eleventy does not see the `---` on line 8 that ends the front matter, and the post would lose its title and all its text",
    ]);
  });

  it("nothing to tell: `---`, CRLF, a BOM, a CR alone inside the fields or the text, dashes in the text, a list item `-`", () => {
    const cases = [
      good,
      good.replace(/\n/g, "\r\n"),
      `\uFEFF${good}`,
      good.replace("title: The upcoming chat\n", "title: The upcoming chat\r"),
      post("---", "---", ["Body text.\rMore.", "", "—", "", "After the dash.", "...", ""]),
      ["---", "title: x", "topics:", "-", "- b", "---", "Body.", ""].join("\n"),
      // A line of dashes among the fields, more fields and a `---` below it: YAML's to tell, not the end.
      ["---", "title: x", "—", "date: 2026-11-20", "---", "Body.", ""].join("\n"),
      // No front matter at all: a page that starts with a rule made of a dash.
      ["—", "", "Some text.", ""].join("\n"),
    ];
    for (const text of cases) {
      const found = fenceSlips(text, "post", true);
      assert.deepEqual(found.slips, [], JSON.stringify(text));
      assert.equal(found.text, text);
    }
  });

  it("a page (no front matter needed): a first line of dashes is the opening one only when a closing one follows the fields", () => {
    assert.equal(fenceSlips(["—", "title: About", "—", "Text.", ""].join("\n"), "page", false).slips.length, 2);
    assert.deepEqual(fenceSlips(["—", "Note: this page is new.", "", "Text.", ""].join("\n"), "page", false).slips, []);
  });
});

describe("the check and Eleventy read the fences alike", () => {
  it("a file with no slip: gray-matter reads the title and the text the check reads", () => {
    for (const text of [good, good.replace(/\n/g, "\r\n"), good.replace("title: The upcoming chat\n", "title: The upcoming chat\r")]) {
      assert.deepEqual(fenceSlips(text, "post", true).slips, []);
      const split = splitFrontMatter(text);
      const read = matter(text);
      assert.equal(read.data.title, "The upcoming chat");
      assert.equal(read.content.replace(/\r\n?/g, "\n"), split.body);
    }
  });

  it("each slip the check tells is one gray-matter misreads: no title, or no text", () => {
    for (const text of [post("—", "—"), post("---", "—"), post("---", "..."), good.replace(/\n/g, "\r")]) {
      assert.ok(fenceSlips(text, "post", true).slips.length > 0);
      let read: { data: Record<string, unknown>; content: string } | undefined;
      try {
        read = matter(text);
      } catch {
        read = undefined; // js-yaml gives up on the body read as YAML: the post has no data at all
      }
      assert.ok(!read || read.data.title !== "The upcoming chat" || !read.content.includes("Body text."), JSON.stringify(text));
    }
  });

  it("splitFrontMatter does not take `...` for the end of the fields, as gray-matter does not", () => {
    assert.equal(splitFrontMatter(post("---", "...")).yaml, undefined);
  });
});
