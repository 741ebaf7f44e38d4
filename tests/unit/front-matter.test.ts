// Unit tests of the front-matter reader: splitting, positions, and YAML errors in words.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fieldPathOnLine, parseYamlForEngine, readYamlDocument, splitFrontMatter } from "../../lib/front-matter.ts";

describe("splitFrontMatter", () => {
  it("finds the YAML and the body's first line, with a BOM and CRLF line ends", () => {
    const split = splitFrontMatter("\uFEFF---\r\ntitle: T\r\ndate: 2017-04-30\r\n---\r\nBody\r\n");
    assert.equal(split.yaml, "title: T\ndate: 2017-04-30\n");
    assert.equal(split.yamlLine, 2);
    assert.equal(split.bodyLine, 5);
    assert.equal(split.body, "Body\n");
  });

  it("has no YAML without an opening fence, or without a closing one", () => {
    assert.equal(splitFrontMatter("# Title\n").yaml, undefined);
    assert.equal(splitFrontMatter("---\ntitle: T\n").yaml, undefined);
  });
});

describe("readYamlDocument", () => {
  it("keeps dates as the text the writer typed (YAML 1.2 core schema)", () => {
    const doc = readYamlDocument("date: 2016-08-26\nissued: 2016\n", "f.md", 2);
    assert.deepEqual(doc.data, { date: "2016-08-26", issued: 2016 });
  });

  it("locates nested fields and list items in file lines", () => {
    const doc = readYamlDocument("title: T\nreferences:\n  - id: a\n  - id: b\n    issued: x\n", "f.md", 2);
    assert.deepEqual(doc.locate(["references", 1, "issued"]), { line: 6, column: 5 });
    // A missing field: its nearest parent.
    assert.deepEqual(doc.locate(["references", 1, "title"]), { line: 5, column: 5 });
  });

  it("never throws: an alias without an anchor is a diagnostic on its line", () => {
    const doc = readYamlDocument("date: 2017-04-30\ntitle: *new\n", "f.md", 2);
    assert.equal(doc.data, undefined);
    assert.equal(doc.diagnostics.length, 1);
    assert.equal(doc.diagnostics[0]!.line, 3);
    assert.match(doc.diagnostics[0]!.fix!, /title: "\*new"/);
  });

  it("reports one problem per line, however many errors YAML raises there", () => {
    const doc = readYamlDocument("title: T\n- a\n", "f.md", 2);
    assert.equal(doc.diagnostics.length, 1);
    assert.equal(doc.diagnostics[0]!.line, 3);
  });

  it("remembers a field emptied by an unquoted #", () => {
    const doc = readYamlDocument("chat:\n  hashtag: #hcldr\n", "f.md", 2);
    assert.equal(doc.commentedOut.get("chat.hashtag"), "#hcldr");
  });
});

describe("fieldPathOnLine", () => {
  const lines = ["title: T", "chat:", "  start: x", "   zone: y", "references:", "  - id: a", "  - id: b", "    author:", "      - family: X"];
  it("gives the dotted path from the indentation, even where YAML failed", () => {
    assert.equal(fieldPathOnLine(lines, 1), "title");
    assert.equal(fieldPathOnLine(lines, 3), "chat.start");
    assert.equal(fieldPathOnLine(lines, 4), "chat.zone");
    assert.equal(fieldPathOnLine(lines, 7), "references[1].id");
    assert.equal(fieldPathOnLine(lines, 9), "references[1].author[0].family");
  });
});

describe("parseYamlForEngine", () => {
  it("gives Eleventy nothing it would stop on: no data for invalid YAML, no invalid date", () => {
    assert.deepEqual(parseYamlForEngine('title: "unclosed\n'), {});
    assert.deepEqual(parseYamlForEngine("title: T\ndate: 2017-02-30\n"), { title: "T" });
    assert.deepEqual(parseYamlForEngine("title: T\ndate: 2017-04-30\n"), { date: "2017-04-30", title: "T" });
  });
});
