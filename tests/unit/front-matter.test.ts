// Unit tests of the front-matter reader: splitting, positions, and YAML errors in words.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { curlyQuoted, fieldPathOnLine, parseYamlForEngine, quoteYaml, readYamlDocument, splitFrontMatter } from "../../lib/front-matter.ts";

describe("splitFrontMatter", () => {
  it("finds the YAML and the body's first line, with a BOM and CRLF line ends", () => {
    const split = splitFrontMatter("\uFEFF---\r\ntitle: T\r\ndate: 2017-04-30\r\n---\r\nBody\r\n");
    assert.equal(split.yaml, "title: T\ndate: 2017-04-30\n");
    assert.equal(split.yamlLine, 2);
    assert.equal(split.bodyLine, 5);
    assert.equal(split.body, "Body\n");
  });

  it("takes the first --- line as the end, even a rule in the text (readYamlDocument then says so)", () => {
    const split = splitFrontMatter("---\ntitle: T\n\nText.\n\n---\n\nMore.\n");
    assert.equal(split.yaml, "title: T\n\nText.\n\n");
    assert.equal(split.bodyLine, 7);
    const doc = readYamlDocument(split.yaml!, "f.md", split.yamlLine);
    assert.deepEqual(doc.diagnostics.map((d) => [d.line, d.column, d.message, d.fix]), [
      [4, 1, "the front matter is not closed: this line is the post's text, but the `---` on line 6 was taken as the end of the front matter, so everything up to it was read as fields", "add a line `---` after the last front-matter field (line 2)"],
    ]);
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

  it("remembers a list item emptied by an unquoted #, by its position in the list", () => {
    const doc = readYamlDocument("topics:\n  - One\n  - #patients\n", "f.md", 2);
    assert.deepEqual([...doc.commentedOut], [["topics[1]", "#patients"]]);
    assert.deepEqual(doc.diagnostics, []);
  });

  it("leaves the comments of a settings file alone (YAML from line 1 is not front matter)", () => {
    const text = "# settings\nauthor: Care Leaders #team\n\nNot front matter: text\n";
    const doc = readYamlDocument(text, "content/_data/site.yaml", 1);
    assert.deepEqual(doc.diagnostics, []);
    assert.deepEqual(doc.data, { author: "Care Leaders", "Not front matter": "text" });
  });

  it("reports a hashtag dropped as a comment in front matter, and a field emptied by one, at once", () => {
    const doc = readYamlDocument("title: Night shift #nursing\nchat:\n  hashtag: #hcldr\n", "f.md", 2);
    assert.deepEqual(doc.diagnostics.map((d) => [d.line, d.column, d.field]), [[2, 20, "title"]]);
    assert.equal(doc.commentedOut.get("chat.hashtag"), "#hcldr");
  });

  it("names a non-breaking space after a list's - and in a field name, at its column", () => {
    const doc = readYamlDocument("topics:\n  -\u00a0One\ntitle\u00a0: T\n", "f.md", 2);
    assert.deepEqual(
      doc.diagnostics.map((d) => [d.line, d.column, d.field, d.message, d.fix]),
      [
        [3, 4, "", "a non-breaking space at column 4 (after the -): it looks like a space, but YAML does not read it as one", "type ordinary spaces there instead, so that the line reads `  - One`"],
        [4, 6, "title", "a non-breaking space at column 6 (in the field name): it looks like a space, but YAML does not read it as one", "type ordinary spaces there instead, so that the line reads `title: T`"],
      ],
    );
  });
});

describe("quoteYaml and curlyQuoted", () => {
  it("quotes text so that YAML reads back exactly that text", () => {
    assert.equal(quoteYaml("Burnout: what helps?"), '"Burnout: what helps?"');
    assert.equal(quoteYaml("C:\\notes #x"), '"C:\\\\notes #x"');
    assert.equal(quoteYaml('The "night" shift isn\'t over'), `'The "night" shift isn''t over'`);
    for (const text of ["Burnout: what helps?", "C:\\notes #x", 'The "night" shift isn\'t over']) {
      assert.deepEqual(readYamlDocument(`title: ${quoteYaml(text)}\n`, "f.md", 2).data, { title: text });
    }
  });

  it("finds the text inside curly quotes, and nothing in text that only contains them", () => {
    assert.deepEqual(curlyQuoted("“Hello: world”"), { text: "Hello: world", open: "“", close: "”" });
    assert.deepEqual(curlyQuoted("‘It’s’"), { text: "It’s", open: "‘", close: "’" });
    assert.equal(curlyQuoted("It’s “here”, again"), undefined);
    assert.equal(curlyQuoted("“"), undefined);
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
