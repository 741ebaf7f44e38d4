// A list item indented one column further than the item above is valid YAML that joins the
// two: "a - b", one topic instead of two, and no error from YAML itself.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readYamlDocument } from "../../lib/front-matter.ts";

const FILE = "content/posts/2017-04-30-topics.md";
// The front matter's first line is line 2 of the file, after the opening ---.
const read = (yaml: string) => readYamlDocument(yaml, FILE, 2);

describe("list items joined to the item above", () => {
  it("one item indented too far: named at its line, with the line to write, and the rest still read", () => {
    const yaml = "title: Topics\ntopics:\n  - Should vendors join?\n   - Should communities accept sponsorship?\n";
    const doc = read(yaml);
    assert.equal(doc.diagnostics.length, 1);
    const [d] = doc.diagnostics;
    assert.equal(d!.line, 5);
    assert.equal(d!.column, 4);
    assert.equal(d!.field, "topics[0]");
    assert.match(d!.message, /^line 5 starts a new item with -, but it is indented further than the item above \(line 4\), so YAML reads it as part of that item's text: "Should vendors join\? - Should communities accept sponsorship\?"$/);
    assert.equal(d!.fix, "line the - up with the - on line 4: write line 5 as `  - Should communities accept sponsorship?`");
    // Still read, so that the rest of the post is checked in the same run.
    assert.deepEqual((doc.data as { title: string }).title, "Topics");

    const fixed = yaml.replace("   - Should communities", "  - Should communities");
    const again = read(fixed);
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual((again.data as { topics: string[] }).topics, ["Should vendors join?", "Should communities accept sponsorship?"]);
  });

  it("several items: every line named, in one message", () => {
    const doc = read("topics:\n  - One?\n    - Two?\n    - Three?\n");
    assert.equal(doc.diagnostics.length, 1);
    assert.match(doc.diagnostics[0]!.message, /^lines 4, 5 start a new item with -, but they are indented further/);
    assert.equal(doc.diagnostics[0]!.fix, "line the - up with the - on line 3: write lines 4, 5 as `  - Two?` and `  - Three?`");
  });

  it("leaves alone a topic wrapped over two lines, a dash inside a topic, and nested lists of a reference", () => {
    for (const yaml of [
      "topics:\n  - Should vendors join online communities\n    or stay clear?\n  - Next?\n",
      "topics:\n  - Before - and after?\n  - Next?\n",
      "references:\n  - id: a\n    author:\n      - Doe, Kate\n      - Roe, Ann\n",
      "tags: [a, b]\ntopics:\n  - One?\n  - Two?\n",
    ]) {
      assert.deepEqual(read(yaml).diagnostics, [], yaml);
    }
  });
});
