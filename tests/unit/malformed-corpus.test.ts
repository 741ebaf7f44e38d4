// The malformed corpus: every file in tests/fixtures/malformed/ is a post a writer
// could commit. Each must give exactly the expected problems: file, field, line,
// column, and the words that tell the writer what is wrong and how to fix it.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { loadCorpus } from "../../lib/corpus.ts";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";
import { loadSettings } from "../../lib/settings.ts";
import { FIXTURE_SITE, PROJECT } from "../helpers/build-site.ts";

const MALFORMED = path.join(PROJECT, "tests/fixtures/malformed");

interface Expected {
  field: string;
  line: number;
  column?: number;
  severity?: "warning";
  /** Words the message (what is wrong → how to fix) must contain. */
  words: (string | RegExp)[];
}

/** name (without the 2017-04-30- prefix and .md) → the problems it must produce, in file order. */
const CORPUS: Record<string, Expected[]> = {
  // YAML syntax: the line to look at, and a fix the writer can copy.
  "yaml-unclosed-double-quote": [{ field: "title", line: 2, column: 8, words: ['quote " opened on this line is never closed', 'end the text with "'] }],
  "yaml-apostrophe-in-single-quotes": [{ field: "description", line: 4, column: 14, words: ["apostrophe inside single quotes", `description: "It's our week to listen"`] }],
  "yaml-colon-in-title": [{ field: "title", line: 2, column: 8, words: ["contains ': '", 'title: "Online communities: should vendors join?"'] }],
  "yaml-tab-indent": [{ field: "chat.start", line: 5, column: 1, words: ["indented with a tab", "spaces"] }],
  "yaml-over-indented": [{ field: "chat.zone", line: 6, column: 4, words: ["indented further than line 5", "indent it exactly like the other fields"] }],
  "yaml-duplicate-field": [{ field: "date", line: 5, column: 1, words: ["`date` is written twice (first on line 3)", "keep one"] }],
  "yaml-duplicate-nested-field": [{ field: "chat.start", line: 6, column: 3, words: ["`start` is written twice (first on line 5)"] }],
  "yaml-unclosed-bracket": [{ field: "tags", line: 4, column: 7, words: ["[ opened on this line is never closed", "]"] }],
  "yaml-unquoted-hashtag": [{ field: "chat.hashtag", line: 6, column: 3, words: ["after # as a comment", 'hashtag: "#hcldr"'] }],
  "yaml-asterisk-title": [{ field: "title", line: 2, column: 8, words: ["starting with * as a reference", 'title: "*Important* change to our chat time"'] }],
  "yaml-at-sign": [{ field: "author", line: 4, column: 9, words: ["cannot start with @", 'author: "@colinhung"'] }],
  "yaml-missing-colon": [{ field: "", line: 2, column: 1, words: ["`title Online communities` has no colon", "field: value"] }],
  "yaml-list-without-field": [{ field: "", line: 4, column: 1, words: ["a list item", "where a field was expected", "topics:"] }],
  // No `---` after the fields: the line where the text starts, and the line to add `---` after.
  "front-matter-not-closed": [{ field: "", line: 5, column: 1, words: ["never closed", "where the post's text starts", "add a line `---` after line 3, the last field (`date: 2017-04-30`)"] }],
  "front-matter-not-closed-heading": [{ field: "", line: 7, column: 1, words: ["never closed", "add a line `---` after line 5, the last field (`start: 2017-05-02T20:30`)"] }],
  // A heading above a --- rule, which YAML would read as a comment and drop without a word.
  "front-matter-heading-before-rule": [{ field: "", line: 5, column: 1, words: ["not closed", "the `---` on line 6 was taken as the end", "after the last front-matter field (line 3)"] }],
  "no-front-matter": [{ field: "", line: 1, column: 1, words: ["no front matter", "line ---"] }],
  "empty-file": [{ field: "", line: 1, column: 1, words: ["the file is empty", "title:", "date:"] }],
  // Missing and mistyped fields: what is expected, in plain words, and what was found.
  "only-fences": [
    { field: "date", line: 2, column: 1, words: ["`date` is missing", "add a line `date: …`"] },
    { field: "title", line: 2, column: 1, words: ["`title` is missing", "add a line `title: …`"] },
  ],
  "missing-title": [{ field: "title", line: 2, column: 1, words: ["`title` is missing", "between the two --- lines"] }],
  "missing-date": [{ field: "date", line: 2, column: 1, words: ["`date` is missing", "YYYY-MM-DD"] }],
  "bom-missing-date": [{ field: "date", line: 2, column: 1, words: ["`date` is missing"] }],
  "title-is-a-number": [{ field: "title", line: 2, column: 1, words: ["expected the title as text, found a number", 'title: "2017"'] }],
  "topics-as-text": [{ field: "topics", line: 4, column: 1, words: ["expected a list of questions", "found text", 'starting with "- "'] }],
  "draft-yes": [{ field: "draft", line: 4, column: 1, words: ["expected true or false, found text", "`draft: true`"] }],
  "chat-as-text": [{ field: "chat", line: 4, column: 1, words: ["expected a group of fields", "found text", "start, zone, duration, hashtag"] }],
  "duration-in-quotes": [{ field: "chat.duration", line: 6, column: 3, words: ["minutes", "found text", "without quotes: duration: 60"] }],
  "duration-in-hours": [{ field: "chat.duration", line: 6, column: 3, words: ["at least 5 minutes", "not hours"] }],
  "unknown-field-topic": [{ field: "topic", line: 4, column: 1, words: ["unknown field `topic`", "did you mean `topics`?"] }],
  "unknown-nested-field": [{ field: "chat.zome", line: 6, column: 3, words: ["unknown field `zome`", "did you mean `zone`?"] }],
  "image-without-alt": [{ field: "image.alt", line: 4, column: 1, words: ["`image.alt` is missing", "indented under `image:`", "alt text"] }],
  "hashtag-without-hash": [{ field: "chat.hashtag", line: 6, column: 3, words: ["# followed by letters", 'hashtag: "#hcldr"'] }],
  "empty-topics": [{ field: "topics", line: 4, column: 1, words: ["empty list", "one per line"] }],
  // Dates, zones and daylight saving time.
  "date-does-not-exist": [{ field: "date", line: 3, column: 1, words: ['"2017-02-30" is not a date', "YYYY-MM-DD"] }],
  "date-day-first": [{ field: "date", line: 3, column: 1, words: ['"30/04/2017" is not written as YYYY-MM-DD', "write date: 2017-04-30"] }],
  "zone-abbreviation": [{ field: "chat.zone", line: 6, column: 3, words: ['"EST" is an abbreviation', "America/New_York"] }],
  "crlf-bad-zone": [{ field: "chat.zone", line: 6, column: 3, words: ['"PST" is an abbreviation', "America/Los_Angeles"] }],
  "zone-unknown": [{ field: "chat.zone", line: 6, column: 3, words: ["not an IANA time zone", "Area/City"] }],
  "zone-fixed-offset": [{ field: "chat.zone", line: 6, column: 3, words: ["fixed UTC offset", "zone of the place"] }],
  "start-twelve-hour-clock": [{ field: "chat.start", line: 5, column: 3, words: ["2017-05-02 8:30pm", "YYYY-MM-DDTHH:mm"] }],
  "start-in-dst-gap": [{ field: "chat.start", line: 5, column: 3, words: ["does not exist in America/New_York", "clocks jump forward 1 hour"] }],
  "start-in-dst-overlap": [{ field: "chat.start", line: 5, column: 3, severity: "warning", words: ["happens twice", "2017-11-05T01:30-05:00"] }],
  "start-offset-disagrees": [{ field: "chat.start", line: 5, column: 3, words: ["-05:00 does not match America/New_York", "-04:00"] }],
  // References.
  "reference-without-id": [{ field: "references[0].id", line: 5, column: 5, words: ["has no id", "add `id:`"] }],
  "reference-unknown-type": [{ field: "references[0].type", line: 6, column: 5, words: ['"journal-article" is not a CSL type'] }],
  "reference-duplicate-id": [{ field: "references[1].id", line: 13, column: 5, words: ["used twice in this post", "(also item 1 of `references`)", "its own id"] }],
  "reference-bad-date": [{ field: "references[0].issued", line: 12, column: 5, words: ['"26/08/2016" is not written as YYYY-MM-DD', "write `issued: 2016-08-26`"] }],
  "references-not-a-list": [{ field: "references", line: 4, column: 1, words: ["expected a list of references, found a group of fields", "- id:"] }],
  "reference-misspelt-field": [{ field: "references[0].container_title", line: 10, column: 5, words: ["unknown field `container_title`", "did you mean `container-title`?"] }],
  // In-text citations (checked by lib/post-citations.ts): the body line and column of the citation.
  "citation-unknown-key": [
    { field: "", line: 10, column: 21, words: ['cites "smialhodzic2016"', "neither in this post's references", "did you mean @smailhodzic2016?"] },
    { field: "", line: 10, column: 52, words: ['cites "vendors2017"', "add the work to `references:`", "write \\@"] },
  ],
  // A BOM and Windows line endings are fine.
  "bom-crlf-valid": [],
};

/** A temporary site holding the fixture site's settings and the given files as its posts. */
function siteWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "chatpost-malformed-"));
  mkdirSync(path.join(root, "content/posts"), { recursive: true });
  cpSync(path.join(FIXTURE_SITE, "content/_data"), path.join(root, "content/_data"), { recursive: true });
  for (const [name, source] of Object.entries(files)) cpSync(source, path.join(root, "content/posts", name));
  return root;
}

function byFile(diagnostics: Diagnostic[]): Map<string, Diagnostic[]> {
  const map = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) map.set(d.file, [...(map.get(d.file) ?? []), d]);
  for (const list of map.values()) list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.field.localeCompare(b.field));
  return map;
}

function assertMatches(actual: Diagnostic[], expected: Expected[], file: string): void {
  assert.deepEqual(
    actual.map((d) => [d.field, d.line, d.severity]),
    expected.map((e) => [e.field, e.line, e.severity ?? "error"]),
    `${file}:\n${actual.map(formatDiagnostic).join("\n")}`,
  );
  expected.forEach((e, i) => {
    const d = actual[i]!;
    assert.equal(d.file, file);
    if (e.column !== undefined) assert.equal(d.column, e.column, formatDiagnostic(d));
    const text = formatDiagnostic(d);
    // file:line:column  field  what is wrong → how to fix
    assert.ok(text.startsWith(`${file}:${d.line}:${d.column ?? 1}  ${d.field ? `${d.field}  ` : ""}`), text);
    assert.match(text, / → \S/, `no fix in: ${text}`);
    for (const w of e.words) {
      if (typeof w === "string") assert.ok(text.includes(w), `"${w}" not in: ${text}`);
      else assert.match(text, w);
    }
  });
}

describe("the malformed corpus", () => {
  const names = readdirSync(MALFORMED).filter((n) => n.endsWith(".md"));
  let diagnostics: Map<string, Diagnostic[]>;
  let published: string[];

  before(() => {
    const root = siteWith(Object.fromEntries(readdirSync(MALFORMED).filter((n) => /\.(md|png)$/.test(n)).map((n) => [n, path.join(MALFORMED, n)])));
    const corpus = loadCorpus(root, loadSettings(root));
    // Most of the corpus is titled "Online communities", each post a writer's slip of its
    // own: the warning that several posts share it (lib/cross-file-checks.ts) is not theirs.
    diagnostics = byFile(corpus.diagnostics.filter((d) => !(d.field === "title" && d.message.startsWith("this post has the same title as "))));
    published = corpus.posts.map((p) => p.file);
  });

  it("has at least 30 malformed posts, each with its expectations here", () => {
    const keys = names.map((n) => n.replace(/^2017-04-30-/, "").replace(/\.md$/, ""));
    assert.ok(keys.filter((k) => CORPUS[k]?.length).length >= 30);
    assert.deepEqual(keys.sort(), Object.keys(CORPUS).sort());
  });

  for (const [name, expected] of Object.entries(CORPUS)) {
    it(`${name}: ${expected.length ? expected.map((e) => `${e.field || "line"} ${e.line}`).join(", ") : "no problem"}`, () => {
      const file = `content/posts/2017-04-30-${name}.md`;
      assertMatches(diagnostics.get(file) ?? [], expected, file);
      // A warning does not keep a post out of the site.
      if (!expected.some((e) => e.severity !== "warning")) assert.ok(published.includes(file));
    });
  }
});

describe("problems between files", () => {
  let diagnostics: Map<string, Diagnostic[]>;
  before(() => {
    const dir = path.join(MALFORMED, "duplicates");
    const root = siteWith(Object.fromEntries(readdirSync(dir).map((n) => [n, path.join(dir, n)])));
    diagnostics = byFile(loadCorpus(root, loadSettings(root)).diagnostics);
  });

  it("two posts at the same address: an error in each file, naming the other", () => {
    const a = "content/posts/2017-04-30-same-address.md";
    const b = "content/posts/2018-01-09-same-address.md";
    assertMatches(diagnostics.get(b)!, [{ field: "", line: 1, column: 1, words: [`this post and ${a} both get the address /posts/same-address/`, "rename one"] }], b);
    const first = diagnostics.get(a)!.filter((d) => d.field === "");
    assertMatches(first, [{ field: "", line: 1, column: 1, words: [`this post and ${b}`] }], a);
  });

  it("two chats at the same moment: an error on each chat.start line, naming the other file", () => {
    const a = "content/posts/2017-04-30-same-address.md";
    const c = "content/posts/2017-05-01-same-start.md";
    assertMatches(diagnostics.get(c)!, [{ field: "chat.start", line: 5, column: 3, words: [`same moment (2017-05-02 20:30 America/New_York) as the chat in ${a} (2017-05-02 20:30 America/New_York)`, "draft: true"] }], c);
    const start = diagnostics.get(a)!.filter((d) => d.field === "chat.start");
    assertMatches(start, [{ field: "chat.start", line: 5, column: 3, words: [`as the chat in ${c}`] }], a);
  });
});

describe("very large files", () => {
  // Generated here rather than committed: 5 MB of fixture would weigh on every clone.
  const reference = (i: number, issued = "2016-08-26") =>
    `  - id: ref${i}\n    type: article-journal\n    title: Study number ${i}\n    author: ["Smailhodzic, Edin"]\n    container-title: BMC Health Services Research\n    volume: ${i}\n    issued: ${issued}\n`;
  let diagnostics: Map<string, Diagnostic[]>;
  let posts: Map<string, { body: string; references: unknown[] }>;
  before(() => {
    const dir = mkdtempSync(path.join(tmpdir(), "chatpost-large-"));
    const paragraph = "Patients and clinicians talk about online communities, trust and sponsorship. ".repeat(12) + "\n\n";
    const body = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length));
    const refs = Array.from({ length: 2000 }, (_, i) => reference(i, i === 1500 ? "someday" : "2016-08-26")).join("");
    writeFileSync(path.join(dir, "2017-04-30-large-body.md"), `---\ntitle: A long post\ndate: 2017-04-30\n---\n${body}`);
    writeFileSync(path.join(dir, "2017-04-30-large-body-bad-date.md"), `---\ntitle: A long post\ndate: 2017-13-01\n---\n${body}`);
    writeFileSync(path.join(dir, "2017-04-30-many-references.md"), `---\ntitle: A long reading list\ndate: 2017-04-30\nreferences:\n${refs}---\nBody\n`);
    const root = siteWith(Object.fromEntries(readdirSync(dir).map((n) => [n, path.join(dir, n)])));
    const corpus = loadCorpus(root, loadSettings(root));
    diagnostics = byFile(corpus.diagnostics);
    posts = new Map(corpus.posts.map((p) => [p.file, p]));
  });

  it("a 5 MB body loads whole", () => {
    const post = posts.get("content/posts/2017-04-30-large-body.md");
    assert.ok(post && post.body.length >= 5 * 1024 * 1024);
    assert.equal(diagnostics.get("content/posts/2017-04-30-large-body.md"), undefined);
  });

  it("a mistake in the front matter of a 5 MB post is found on its line", () => {
    const file = "content/posts/2017-04-30-large-body-bad-date.md";
    assertMatches(diagnostics.get(file)!, [{ field: "date", line: 3, column: 1, words: ['"2017-13-01" is not a date'] }], file);
  });

  it("one bad reference among 2,000 is found on its line", () => {
    const file = "content/posts/2017-04-30-many-references.md";
    // Each reference takes 7 lines, starting on line 5.
    assertMatches(diagnostics.get(file)!, [{ field: "references[1500].issued", line: 5 + 1500 * 7 + 6, column: 5, words: ['reference "ref1500"', '"someday" is not a date'] }], file);
  });
});
