// Invisible characters in a post's reference's number fields (CSL's number variables: volume,
// page, issue, edition…). citeproc-js reads such a value as text, not as a number: "1 6" for a
// volume with a non-breaking space, "p. 442 – 450" for a page range with a zero-width space,
// "2" in place of "2nd ed." for an edition. Each is an error naming the character, its column and
// the line without it, and the line as fixed prints right. A non-breaking space where a space
// belongs (around a range's dash, after a comma, after a word) prints as the writer meant and gives nothing.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatBibliography } from "../../lib/citations.ts";
import type { CslItem } from "../../lib/csl-normalise.ts";
import { loadLines, post, shown } from "../helpers/slip-post.ts";

/** A post whose one reference has `fields` from line 12 on. */
const withReference = (fields: string[]) => post({}, ["references:", "  - id: smith2016", "    type: article-journal", "    title: A study", ...fields]);

/** The reference list entry of a journal article with `fields`, in `style`, as text. */
function printed(fields: Record<string, string>, style = "apa", type = "article-journal"): string {
  const item = { id: "x", type, title: "T", author: [{ family: "Doe", given: "J." }], "container-title": "J", issued: { "date-parts": [[2016]] }, ...fields } as CslItem;
  return formatBibliography([item], { style, locale: "en-US" } as never)[0]!.html.replace(/<[^>]+>/g, "").replace(/\u00a0/g, " ").trim();
}

describe("an invisible character in a reference's number: an error with the line without it", () => {
  const cases: Array<[string, string, number, string, string]> = [
    // line as written, field, column, the character as named, the line as fixed
    ["    volume: 1\u00a06", "references[0].volume", 14, "a non-breaking space, U+00A0, between its digits at column 14", "volume: 16"],
    ["    volume: 1\u200b6", "references[0].volume", 14, "an invisible character in it (a zero-width space, U+200B, at column 14)", "volume: 16"],
    ["    page: 442\u200b-450", "references[0].page", 14, "an invisible character in it (a zero-width space, U+200B, at column 14)", "page: 442-450"],
    ["    page: 44\u00ad2-450", "references[0].page", 13, "an invisible character in it (a soft hyphen, U+00AD, at column 13)", "page: 442-450"],
    ['    issue: "7\u2060"', "references[0].issue", 14, "an invisible character in it (a word joiner, U+2060, at column 14)", 'issue: "7"'],
    ["    number: 1\u200c2", "references[0].number", 14, "an invisible character in it (a zero-width non-joiner, U+200C, at column 14)", "number: 12"],
    ["    edition: 2\u200b", "references[0].edition", 15, "an invisible character in it (a zero-width space, U+200B, at column 15)", "edition: 2"],
    ["    chapter-number: 1\ufeff2", "references[0].chapter-number", 22, "an invisible character in it (a byte order mark, U+FEFF, at column 22)", "chapter-number: 12"],
    ["    number-of-pages: 1\u202f234", "references[0].number-of-pages", 23, "a narrow non-breaking space, U+202F, between its digits at column 23", "number-of-pages: 1234"],
    ["    number-of-volumes: 3\u200d", "references[0].number-of-volumes", 25, "an invisible character in it (a zero-width joiner, U+200D, at column 25)", "number-of-volumes: 3"],
    ["    collection-number: 4\u20075", "references[0].collection-number", 25, "a figure space, U+2007, between its digits at column 25", "collection-number: 45"],
    ["    supplement-number: 2\u200b", "references[0].supplement-number", 25, "an invisible character in it (a zero-width space, U+200B, at column 25)", "supplement-number: 2"],
    // Any spelling of the field normaliseItem takes.
    ["    Volume: 3\u00a09", "references[0].Volume", 14, "a non-breaking space, U+00A0, between its digits at column 14", "Volume: 39"],
  ];
  for (const [written, field, column, named, fixed] of cases) {
    it(`${JSON.stringify(written.trim())}: told at column ${column}, and the fix reads clean`, () => {
      const lines = withReference([written]);
      const { diagnostics } = loadLines(lines);
      assert.equal(diagnostics.length, 1, diagnostics.map(shown).join("\n"));
      const d = diagnostics[0]!;
      assert.deepEqual([d.file, d.severity, d.line, d.column, d.field], ["content/posts/2017-04-30-online-communities.md", "error", 12, column, field]);
      assert.ok(d.message.includes(named), d.message);
      assert.match(d.message, /the citation style (prints "[^"]+" and )?(then )?reads it as text, not as (one|a) number/);
      assert.match(d.fix!, new RegExp(`^delete it, so that the line reads \`${fixed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\``));
      const again = withReference([`    ${fixed}`]);
      assert.deepEqual(loadLines(again).diagnostics.map(shown), []);
    });
  }

  it("says what the style then prints: a page range not read as one, an edition not as an edition", () => {
    const page = loadLines(withReference(["    page: 442\u200b-450"])).diagnostics[0]!;
    assert.match(page.message, /a page range is printed as written, without the en dash and the "pp\." the style gives a range$/);
    const edition = loadLines(withReference(["    edition: 2\u200b"])).diagnostics[0]!;
    assert.match(edition.message, /an edition is printed as written, not as the style writes one \("2nd ed\."\)$/);
    const volume = loadLines(withReference(["    volume: 1\u00a06"])).diagnostics[0]!;
    assert.equal(volume.message, 'the number `1 6` has a non-breaking space, U+00A0, between its digits at column 14: the citation style prints "1 6" and reads it as text, not as one number');
    assert.equal(volume.fix, "delete it, so that the line reads `volume: 16` (or, if it stands between two numbers, write - for a range or a comma in its place)");
  });

  it("the reasons hold: citeproc-js prints these values otherwise than the fixed ones", () => {
    assert.match(printed({ volume: "1\u00a06" }), /J, 1 6\./);
    assert.match(printed({ volume: "16" }), /J, 16\./);
    assert.match(printed({ page: "442\u200b-450" }, "harvard1"), /p\. 442\u200b – 450/);
    assert.match(printed({ page: "442-450" }, "harvard1"), /pp\. 442–450/);
    assert.match(printed({ edition: "2\u200b", publisher: "P" }, "apa", "book"), / \(2\u200b\)\. P\./);
    assert.match(printed({ edition: "2", publisher: "P" }, "apa", "book"), / \(2nd ed\.\)\. P\./);
  });

  it("several references: each told on its own line", () => {
    const lines = post({}, [
      "references:",
      "  - id: a2016", "    type: article-journal", "    title: A", "    volume: 1\u00a06",
      "  - id: b2017", "    type: article-journal", "    title: B", "    page: 12\u200b-15",
    ]);
    assert.deepEqual(loadLines(lines).diagnostics.map((d) => [d.line, d.field]), [[12, "references[0].volume"], [16, "references[1].page"]]);
  });
});

describe("a number with characters that belong in it gives nothing", () => {
  for (const written of [
    "    page: 442\u00a0–\u00a0450",
    "    page: 442\u202f–\u202f450",
    "    page: 442,\u00a0450",
    "    page: 442-450\u00a0",
    "    volume: Suppl\u00a02",
    "    volume: 16",
    '    issue: "7"',
    "    page: e1234",
    "    volume: 39\ufeff",
  ]) {
    it(JSON.stringify(written.trim()), () => {
      assert.deepEqual(loadLines(withReference([written])).diagnostics.map(shown), []);
    });
  }

  it("citeproc-js prints a range with non-breaking spaces around its dash as the range it is", () => {
    assert.match(printed({ volume: "16", page: "442\u00a0–\u00a0450" }), /J, 16, 442–450\./);
    assert.match(printed({ volume: "16", page: "442\u00a0–\u00a0450" }, "vancouver"), /2016;16:442–50\./);
    // A byte order mark at a number's end is trimmed as a space is.
    assert.match(printed({ volume: "39\ufeff" }), /J, 39\./);
  });

  it("a title's non-breaking space is still text's own, and a zero-width space in it still a warning", () => {
    assert.deepEqual(loadLines(withReference(["    container-title: BMJ\u00a0Open"])).diagnostics.map(shown), []);
    const [d] = loadLines(withReference(["    container-title: BMJ\u200b Open"])).diagnostics;
    assert.equal(d?.severity, "warning");
  });
});
