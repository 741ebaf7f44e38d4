// What plugin-bibtex leaves out of a .bib file without a word, told at its line: fields after
// a } that ends an entry early, a bare word read as an undefined @string name, an entry
// without its @. Each fix, applied as written, reads back clean with the field back.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseBibliographyFile } from "../../lib/bibliography.ts";
import { applyLineFix, setLine } from "../helpers/line-fixes.ts";

const ENTRY = [
  "@article{doe2013,",
  "  author  = {Doe, Jane},",
  "  title   = {A title},",
  "  journal = {Journal of Things},",
  "  year    = {2013},",
  "  doi     = {10.1000/xyz},",
  "  url     = {https://example.org/xyz}",
  "}",
  "",
  "@article{roe2014,",
  "  author  = {Roe, Rich},",
  "  title   = {Another title},",
  "  journal = {Journal of Things},",
  "  year    = {2014}",
  "}",
  "",
].join("\n");

const parse = (text: string) => parseBibliographyFile("refs.bib", text);
const item = (text: string, id: string) => parse(text).entries.find((e) => e.item.id === id)?.item as Record<string, unknown> | undefined;
/** The one diagnostic of a text, which must be an error. */
function only(text: string) {
  const { diagnostics } = parse(text);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics, null, 1));
  assert.equal(diagnostics[0]!.severity, "error");
  return diagnostics[0]!;
}

const applyLine = (text: string, d: { line?: number; fix?: string }) => applyLineFix(text, d, { orLast: true });

function clean(text: string) {
  assert.deepEqual(parse(text).diagnostics, []);
}

describe("a } that ends an entry early", () => {
  it("after a value: told at the line, with the fields left out named and the line to write", () => {
    const text = ENTRY.replace("  year    = {2013},", "  year    = {2013}},");
    // plugin-bibtex alone would drop doi and url without a word.
    assert.equal(item(text, "doe2013")?.DOI, undefined);
    const d = only(text);
    assert.equal(d.line, 5);
    assert.equal(d.field, "doe2013.year");
    assert.equal(d.message, 'entry "doe2013": an extra } after the value of `year` ends the entry here, so the fields below it (doi, url) are left out');
    assert.equal(d.fix, "delete the second }: `  year    = {2013},`");
    const fixed = applyLine(text, d);
    clean(fixed);
    assert.equal(item(fixed, "doe2013")?.DOI, "10.1000/xyz");
    assert.equal(item(fixed, "doe2013")?.URL, "https://example.org/xyz");
  });

  it("after a value without its opening brace (`volume = 15},`): put the { back", () => {
    const text = ENTRY.replace("  journal = {Journal of Things},\n  year", "  journal = {Journal of Things},\n  volume  = 15},\n  year");
    const d = only(text);
    assert.equal(d.line, 5);
    assert.equal(d.field, "doe2013.volume");
    assert.match(d.message, /the value of `volume` ends with } but has no \{ before it, so that } ends the entry here and the fields below it \(year, doi, url\) are left out/);
    assert.equal(d.fix, "put { before the value: `  volume  = {15},`");
    const fixed = applyLine(text, d);
    clean(fixed);
    assert.equal(item(fixed, "doe2013")?.volume, "15");
    assert.equal(item(fixed, "doe2013")?.DOI, "10.1000/xyz");
  });

  it("on a line of its own above more fields: delete that line", () => {
    const text = ENTRY.replace("  year    = {2013},\n", "  year    = {2013},\n}\n");
    const d = only(text);
    assert.equal(d.line, 6);
    assert.match(d.message, /the } on line 6 ends the entry, so the fields below it \(doi, url\) are left out/);
    assert.equal(d.fix, "delete line 6");
    const fixed = text.split("\n").filter((_, i) => i !== 5).join("\n");
    clean(fixed);
    assert.equal(item(fixed, "doe2013")?.DOI, "10.1000/xyz");
  });

  it("after an organisation in single braces: the fix puts back the { left out, reads back clean, and no \"no title\" is told for the title left out", () => {
    const text = "@report{who2021,\n  author      = {World Health Organization}},\n  title       = {Global strategy},\n  date        = {2021}\n}\n";
    const d = only(text);
    assert.equal(d.message, 'entry "who2021": an extra } after the value of `author` ends the entry here, so the fields below it (title, date) are left out');
    // Deleting the } instead would leave the name in single braces, read as a person named Organization.
    const [, organisation] = /^put a \{ before the value, which keeps the organisation's name whole: `(.*)`$/.exec(d.fix!) ?? [];
    assert.equal(organisation, "  author      = {{World Health Organization}},");
    clean(setLine(text, 2, organisation!));
    assert.deepEqual(item(setLine(text, 2, organisation!), "who2021")?.author, [{ family: "World Health Organization" }]);
  });

  it("an extra } after the last field, with nothing after it, is left alone (nothing is lost)", () => {
    clean(ENTRY.replace("  url     = {https://example.org/xyz}", "  url     = {https://example.org/xyz}}"));
  });
});

describe("an entry's closing } left out before the next entry", () => {
  it("names the entry and the line to add the } after", () => {
    const text = ENTRY.replace("  url     = {https://example.org/xyz}\n}\n", "  url     = {https://example.org/xyz}\n");
    const d = only(text);
    assert.equal(d.line, 7);
    assert.equal(d.message, 'BibTeX syntax error: entry "doe2013": the entry is not closed: there is no } after its last field, before the next entry (line 9)');
    assert.equal(d.fix, "add a line with } after line 7 (`url     = {https://example.org/xyz}`)");
    const lines = text.split("\n");
    lines.splice(7, 0, "}");
    clean(lines.join("\n"));
  });
});

describe("an entry without its @", () => {
  it("is told, not read as a comment and left out", () => {
    const text = ENTRY.replace("@article{roe2014,", "article{roe2014,");
    const d = only(text);
    assert.equal(d.line, 10);
    assert.equal(d.field, "roe2014");
    assert.match(d.message, /there is no @ before article\{roe2014, so BibTeX reads the entry as a comment and leaves it out/);
    const fixed = applyLine(text, d);
    clean(fixed);
    assert.equal(item(fixed, "roe2014")?.title, "Another title");
  });
});

describe("a word without braces read as an @string name", () => {
  const book = (fields: string, before = "") => `${before}@book{doe2013,\n  author    = {Doe, Jane},\n  title     = {A title},\n${fields}\n  year      = 2013\n}\n`;

  it("that is not defined: an error at its line, and the fix keeps the publisher", () => {
    const text = book("  publisher = Wiley,");
    const d = only(text);
    assert.equal(d.line, 4);
    assert.equal(d.column, 15);
    assert.equal(d.field, "doe2013.publisher");
    assert.equal(d.message, 'entry "doe2013": `Wiley` without braces is read as the name of an @string abbreviation, and none is defined, so `publisher` is left out');
    assert.equal(d.fix, "put it in braces: `  publisher = {Wiley},`");
    // plugin-bibtex makes the field empty, and the CSL item has no publisher at all.
    assert.equal(parse(text).entries[0]!.item.publisher, undefined);
    const fixed = applyLine(text, d);
    clean(fixed);
    assert.equal(item(fixed, "doe2013")?.publisher, "Wiley");
  });

  it("in a value joined with #: that part is told", () => {
    const text = book("  publisher = {Wiley},\n  note      = {Reprinted by } # Wiley # { in 2020},");
    const d = only(text);
    assert.equal(d.line, 5);
    assert.match(d.message, /`Wiley` without braces .* so that part of `note` is left out/);
    const fixed = applyLine(text, d);
    clean(fixed);
    assert.equal(item(fixed, "doe2013")?.note, "Reprinted by Wiley in 2020");
  });

  it("defined only below its use: told, and braces fix it", () => {
    const text = `${book("  publisher = wiley,")}\n@string{wiley = {John Wiley & Sons}}\n`;
    const d = only(text);
    assert.match(d.message, /which is defined only below it \(line 8\)/);
    assert.match(d.fix!, /^move the @string line above the first entry that uses it, or put the text in braces: `  publisher = \{wiley\},`$/);
    clean(applyLine(text, d));
  });

  it("numbers, month names, defined @string names (any case) and # are read as meant, without a word", () => {
    const text = book("  publisher = WILEY,\n  month     = apr,\n  note      = {Reprinted by } # wiley # { in } # 2020,\n  edition   = 2,", "@string{wiley = {John Wiley & Sons}}\n");
    clean(text);
    const it = item(text, "doe2013")!;
    assert.equal(it.publisher, "John Wiley & Sons");
    assert.equal(it.note, "Reprinted by John Wiley & Sons in 2020");
    assert.deepEqual((it.issued as { "date-parts": number[][] })["date-parts"], [[2013, 4]]);
  });
});

describe("other one-character slips, each with the line to write", () => {
  for (const [what, from, to] of [
    ["a } in the middle of a value", "  title   = {A title},", "  title   = {A ti}tle},"],
    ["a value of several words without braces, its } kept", "  journal = {Journal of Things},", "  journal = Journal of Things},"],
    ["a name list without braces", "  author  = {Doe, Jane},", "  author  = Doe, Jane},"],
    ["two = in a row", "  title   = {A title},", "  title   == {A title},"],
    ["two @ in a row", "@article{doe2013,", "@@article{doe2013,"],
    ["two { after the type", "@article{doe2013,", "@article{{doe2013,"],
    ["no { between type and key", "@article{roe2014,", "@articleroe2014,"],
    ["a character between @ and the type", "@article{roe2014,", "@}article{roe2014,"],
  ] as const) {
    it(what, () => {
      const text = ENTRY.replace(from, to);
      const d = only(text);
      assert.doesNotMatch(d.message, /cannot be read as BibTeX/);
      const fixed = applyLine(text, d);
      assert.equal(fixed, ENTRY, d.fix);
      clean(fixed);
    });
  }
});

describe("the sample bibliography, one character deleted or doubled", () => {
  it("never loses a field without a word", () => {
    const orig = readFileSync(new URL("../../content/bibliography.bib", import.meta.url), "utf8");
    const base = parse(orig).entries;
    const silent: string[] = [];
    for (let i = 0; i < orig.length; i++) {
      const c = orig[i]!;
      if (!'{}",=@'.includes(c)) continue;
      for (const text of [orig.slice(0, i) + orig.slice(i + 1), orig.slice(0, i) + c + orig.slice(i)]) {
        const r = parse(text);
        if (r.diagnostics.length) continue;
        for (const { item: was } of base) {
          const now = r.entries.find((e) => e.item.id === was.id)?.item as Record<string, unknown> | undefined;
          const lost = now ? Object.keys(was).filter((k) => !(k in now)) : ["the whole entry"];
          if (lost.length) silent.push(`${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}: ${was.id} ${lost.join(", ")}`);
        }
      }
    }
    assert.deepEqual(silent, []);
  });
});
