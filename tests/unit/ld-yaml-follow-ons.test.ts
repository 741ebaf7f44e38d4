// One YAML slip, one message: no follow-on errors that send a writer the wrong way
// (citations of references YAML could not read, a sound line after a misaligned item),
// and YAML marks (`!tag`, `&anchor`) that would drop a value's first word are told.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { resolvePostCitations } from "../../lib/post-citations.ts";
import { loadPost } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";

process.env.CHATPOST_CACHE_DIR = "off";
const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const FILE = "content/posts/2026-11-22-upcoming.md";
const shared = { entries: new Map(), diagnostics: [] };

/** Every problem of a post as `npm run check` and the build tell it: its own, then its citations'. */
function problems(text: string): Diagnostic[] {
  const result = loadPost(FILE, text, { settings, root: "/nowhere", fileExists: () => false });
  const citing = result.post ?? result.citing;
  return [...result.diagnostics, ...(citing ? resolvePostCitations(citing, shared).diagnostics : [])];
}

const shown = (ds: Diagnostic[]) => ds.map(formatDiagnostic).join("\n");

describe("citations of references YAML could not read whole", () => {
  const unclosed = [
    "---", "title: The upcoming chat", "date: 2026-11-22", "references:",
    "  - id: mine2020", "    type: webpage", '    title: "Unclosed title', "    issued: 2020",
    "---",
  ].join("\n");

  it("are not told to add a work whose id is written in the references (a quote left open)", () => {
    const ds = problems(`${unclosed}\nBody [@mine2020].\n`);
    assert.equal(ds.length, 1, shown(ds));
    assert.match(ds[0]!.message, /the quote " opened on this line is never closed/);
    assert.equal(ds[0]!.line, 7);
  });

  it("are still told when the id is written nowhere, with the nearest id written", () => {
    const ds = problems(`${unclosed}\nBody [@mine2020; @nowhere2020] and [@mine202].\n`);
    const cited = ds.filter((d) => /cites/.test(d.message));
    assert.equal(cited.length, 2, shown(ds));
    assert.match(cited[0]!.message, /cites "nowhere2020", which is neither in this post's references/);
    assert.match(cited[1]!.message, /cites "mine202"/);
    assert.match(cited[1]!.fix ?? "", /did you mean @mine2020\?/);
  });

  it("read ids however written: indented, in quotes, in braces, as ID:", () => {
    const text = [
      "---", "title: T", "date: 2026-11-22", "references:",
      '  - id: "quoted2020"', "    type: book", '    title: "open', "  -   {id: flow2021, type: book}", "  - ID: 'caps2022'",
      "---", "[@quoted2020; @flow2021; @caps2022]", "",
    ].join("\n");
    const ds = problems(text);
    assert.deepEqual(ds.filter((d) => /cites/.test(d.message)), [], shown(ds));
  });

  it("a `- id:` indented one space too far: one error, with the line as it should read", () => {
    const text = [
      "---", "title: The upcoming chat", "date: 2026-11-22", "references:",
      "  - id: mine2020", "    type: webpage", "    title: Title", "    issued: 2020",
      "   - id: other2021", "    type: webpage", "    title: Other", "    issued: 2021",
      "---", "Body [@mine2020; @other2021].", "",
    ].join("\n");
    const ds = problems(text);
    assert.equal(ds.length, 1, shown(ds));
    const [d] = ds;
    assert.deepEqual([d!.line, d!.column, d!.field], [9, 4, "references[1].id"]);
    assert.match(d!.message, /this item's - is 1 space further in than the - of the item above it \(line 5\): every item of `references` must start at the same column/);
    assert.equal(d!.fix, "write the line as `  - id: other2021` and leave the lines below it as they are");
    // A sound `field: value` line is never told to be written as one.
    assert.ok(!ds.some((x) => /must be followed by :/.test(x.message)), shown(ds));
  });
});

describe("a list item out of line with the others", () => {
  const fm = (lines: string[]) => ["---", "title: T", "date: 2026-11-22", ...lines, "---", "Text.", ""].join("\n");

  it("one space less far in: not told to put its value in quotes, and its fields moved with it when they need to be", () => {
    const ds = problems(fm(["references:", "  - id: a2020", "    type: book", "    title: A", " - id: b2021", "   type: book", "   title: B", "  - id: c2022", "    type: book", "    title: C"]));
    assert.equal(ds.length, 1, shown(ds));
    assert.match(ds[0]!.message, /1 space less far in than the - of the item above it \(line 5\)/);
    assert.equal(ds[0]!.fix, "write the line as `  - id: b2021`, and indent the item's other lines 1 space further, like those of the item above");
    assert.ok(!ds.some((d) => /quotes/.test(d.fix ?? "")), shown(ds));
  });

  it("in a nested list (a reference's authors), named as that list's", () => {
    const ds = problems(fm(["references:", "  - id: a2020", "    type: book", "    title: A", "    author:", "      - family: Doe", "       - family: Roe"]));
    assert.equal(ds.length, 1, shown(ds));
    assert.equal(ds[0]!.field, "references[0].author[1].family");
    assert.match(ds[0]!.message, /every item of `author` must start/);
  });
});

describe("YAML marks at the start of a value", () => {
  const fm = (lines: string[]) => ["---", ...lines, "date: 2026-11-22", "---", "Text.", ""].join("\n");

  it("a tag (`!important x`) is an error, not a title read as `x` without a word", () => {
    const ds = problems(fm(["title: !important x"]));
    const tag = ds.filter((d) => d.severity === "error");
    assert.equal(tag.length, 1, shown(ds));
    assert.deepEqual([tag[0]!.line, tag[0]!.column, tag[0]!.field], [2, 8, "title"]);
    assert.match(tag[0]!.message, /`!important` .* as a tag, .* not as text: the value would be "x", without it/);
    assert.match(tag[0]!.fix ?? "", /title: "!important x"$/);
  });

  it("in a list item and in brackets, the item quoted", () => {
    const item = problems(fm(["title: T", "tags:", "  - !new nursing"])).filter((d) => d.severity === "error");
    assert.equal(item.length, 1, shown(item));
    assert.equal(item[0]!.field, "tags[0]");
    assert.match(item[0]!.fix ?? "", /- "!new nursing"$/);
    const flow = problems(fm(["title: T", "tags: [!new nursing, care]"])).filter((d) => d.severity === "error");
    assert.equal(flow[0]?.fix, 'put the item in quotes: "!new nursing"', shown(flow));
  });

  it("an anchor no * refers to (`&amp; friends`) is an error: the text would lose `&amp;`", () => {
    const ds = problems(fm(["title: &amp; friends"])).filter((d) => d.severity === "error");
    assert.equal(ds.length, 1, shown(ds));
    assert.match(ds[0]!.message, /`&amp;` .* as an anchor .* the value would be "friends", without it/);
    assert.match(ds[0]!.fix ?? "", /title: "&amp; friends"$/);
  });

  it("leaves YAML written on purpose alone: a core tag, an anchor repeated by *, & and ! inside text", () => {
    for (const lines of [["title: !!str 2026"], ["title: &t Night shift", "description: *t"], ["title: Health & care, R&D! Now !"]]) {
      const ds = problems(fm(lines)).filter((d) => d.severity === "error");
      assert.deepEqual(ds, [], `${lines.join(" / ")}: ${shown(ds)}`);
    }
  });
});

describe("a line indented with a tab", () => {
  const fm = (lines: string[]) => ["---", "title: T", "date: 2026-11-22", ...lines, "---", "Text.", ""].join("\n");

  it("is placed where it reads once fixed: a reference's field, lined up with the item's other fields", () => {
    const ds = problems(fm(["references:", "  - id: a2020", "\ttype: book"]));
    assert.equal(ds.length, 1, shown(ds));
    assert.equal(ds[0]!.field, "references[0].type");
    assert.match(ds[0]!.fix ?? "", /indent it with 4 spaces, not a tab, so that the line reads `    type: book`/);
  });

  it("below a line indented with a tab too, placed by where that one will stand", () => {
    const ds = problems(fm(["references:", "\t- id: a2020", "\t  type: book"]));
    assert.deepEqual(ds.map((d) => d.field), ["references[0].id", "references[0].type"], shown(ds));
    assert.match(ds[1]!.fix ?? "", /so that the line reads `    type: book`/);
  });
});
