// A large shared bibliography (a reference manager's export of thousands of entries): the line
// and column of each problem, and each entry's line, are found from one index of the file's
// lines, not by counting from the start for each entry. They must be where the mistake is.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBibliographyFile } from "../../lib/bibliography.ts";

const COUNT = 3000;

/** The line (from 1) of the first line matching `pattern` for each key it captures. */
function firstLines(text: string, pattern: RegExp): Map<string, number> {
  const lines = new Map<string, number>();
  text.split("\n").forEach((l, i) => {
    const key = pattern.exec(l)?.[1];
    if (key !== undefined && !lines.has(key)) lines.set(key, i + 1);
  });
  return lines;
}

/** Line and column (from 1) of the first `needle` in `text` at or after `from`, counted by hand. */
function placeOf(text: string, needle: string, from = 0): { line: number; column: number } {
  const index = text.indexOf(needle, from);
  assert.ok(index >= 0, `${JSON.stringify(needle)} is in the text`);
  const lines = text.slice(0, index).split("\n");
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

const bibEntry = (k: number, key = `key${k}`, author = "Doe, Jane and Roe, Richard K.") =>
  `@article{${key},\n  author  = {${author}},\n  title   = {Title ${k}},\n  journal = {Journal of ${k % 7}},\n  year    = {20${10 + (k % 15)}}\n}\n\n`;

/** 3,000 entries; near the end, entry 2990's author has `and` twice, entry 2995 reuses key10. */
function bigBib(eol = "\n"): string {
  let text = "";
  for (let k = 0; k < COUNT; k++) {
    text += k === 2990 ? bibEntry(k, undefined, "Doe, Jane and and Roe, Richard") : k === 2995 ? bibEntry(k, "key10") : bibEntry(k);
  }
  return text.replace(/\n/g, eol);
}

describe("a 3,000-entry .bib file", () => {
  for (const [name, eol] of [["with \\n line ends", "\n"], ["with \\r\\n line ends", "\r\n"]] as const) {
    it(`${name}: each mistake near the end is told at its own line and column`, () => {
      const text = bigBib(eol);
      const { entries, diagnostics } = parseBibliographyFile("refs.bib", text);
      const and = placeOf(text, "author  = {Doe, Jane and and");
      const second = placeOf(text, "key10,", text.indexOf("@article{key2994,"));
      const first = placeOf(text, "@article{key10,");
      assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field]), [
        ["error", and.line, and.column, "key2990.author"],
        ["error", second.line, second.column, "key10.id"],
      ]);
      assert.match(diagnostics[0]!.message, /^entry "key2990": `author` has `and` twice in a row/);
      assert.equal(diagnostics[1]!.message, `entry "key10": the key is used twice in this file (first on line ${first.line})`);
      // The entry with the broken author is left out, as is the second key10.
      assert.equal(entries.length, COUNT - 2);
      const heads = firstLines(text, /^@article\{([^,]+),/);
      assert.deepEqual(entries.map((e) => [e.item.id, e.line]), entries.map((e) => [e.item.id, heads.get(e.item.id)]));
    });
  }
});

/** 3,000 CSL JSON items, as JSON.stringify(…, null, 2) writes them (a reference manager's export). */
function bigJson(): { text: string; items: Record<string, unknown>[] } {
  const items: Record<string, unknown>[] = Array.from({ length: COUNT }, (_, k) => ({
    id: `key${k}`, type: "article-journal", title: `Title ${k}`, author: [{ family: "Doe", given: "Jane" }], issued: { "date-parts": [[2000 + (k % 25)]] },
  }));
  items[2990]!.issued = { "date-parts": [["twenty"]] };
  items[2992]!.id = "key2992\u200b";
  items[2995]!.id = "key10";
  return { text: JSON.stringify(items, null, 2), items };
}

describe("a 3,000-item CSL JSON file", () => {
  it("tells each mistake near the end at its own line and column, and each entry at its id's line", () => {
    const { text } = bigJson();
    const { entries, diagnostics } = parseBibliographyFile("refs.json", text);
    const date = placeOf(text, `"issued"`, text.indexOf(`"id": "key2990"`));
    const invisible = placeOf(text, "\u200b");
    const second = placeOf(text, `"id": "key10"`, text.indexOf(`"id": "key2994"`));
    const first = placeOf(text, `"id": "key10"`);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field]), [
      ["error", date.line, date.column, "key2990.issued"],
      ["error", invisible.line, invisible.column, "key2992.id"],
      ["error", second.line, second.column, "key10.id"],
    ]);
    assert.match(diagnostics[1]!.message, /zero-width space, U\+200B, at column 19\)/);
    assert.equal(invisible.column, 19, "the column the message names is the character's");
    assert.equal(diagnostics[2]!.message, `entry "key10": the key is used twice in this file (first on line ${first.line})`);
    assert.equal(entries.length, COUNT - 3);
    const ids = firstLines(text, /^\s*"id": "([^"]+)"/);
    assert.deepEqual(entries.map((e) => [e.item.id, e.line]), entries.map((e) => [e.item.id, ids.get(e.item.id)]));
  });
});
