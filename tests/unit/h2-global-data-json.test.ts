// A JSON file of content/_data/ (Eleventy's global data) that Eleventy cannot read is a
// writer's error at its line and column, with the line as it reads once mended.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { dataFileLayoutProblems } from "../../lib/page-loader.ts";

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** The problems of a site whose content/_data/ holds these files (path under it → text). */
function problems(files: Record<string, string>): string[] {
  const root = mkdtempSync(path.join(tmpdir(), "h2-data-"));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, "content/_data", name)), { recursive: true });
    writeFileSync(path.join(root, "content/_data", name), text);
  }
  return dataFileLayoutProblems(root).map(formatDiagnostic);
}

describe("broken JSON in content/_data/", () => {
  it("a comma missing between two fields: the line mended", () => {
    assert.deepEqual(problems({ "extra.json": '{\n  "a": 1\n  "b": 2\n}\n' }), [
      'content/_data/extra.json:2:9  the file is not valid JSON: a comma is missing after this value: in JSON, fields are separated by commas → add a comma, so that line 2 reads `  "a": 1,`',
    ]);
  });

  it("a list not closed, in a folder of _data/, said as a list's", () => {
    assert.deepEqual(problems({ "links/friends.json": '[\n  {"name": "A"},\n  {"name": "B"}\n' }), [
      "content/_data/links/friends.json:3:16  the file is not valid JSON: the file ends before the list opened with [ on line 1 is closed → add a line `]` at the end of the file",
    ]);
  });

  it("a comma too many, after a byte order mark (a column of line 1)", () => {
    assert.deepEqual(problems({ "nav.json": '\uFEFF{"home": "/", "about": "/about/",}' }), [
      'content/_data/nav.json:1:34  the file is not valid JSON: there is a comma after the last field, before the closing }: JSON allows none there → delete the comma, so that line 1 reads `{"home": "/", "about": "/about/"}`',
    ]);
  });

  // A file Eleventy leaves unread (notes.txt) is a warning of its own: tests/unit/dy-data-files.test.ts.
  it("says nothing of valid JSON, of the settings file, nor of a hidden file", () => {
    assert.deepEqual(problems({ "site.yaml": "title: [", "ok.json": '[1, {"a": null}]\n', ".hidden.json": "{" }), []);
  });
});
