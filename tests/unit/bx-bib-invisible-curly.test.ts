// Slips pasted into a shared .bib file that used to pass silently: invisible characters in a
// value or a key (an error in an identifier, a warning in text), curly quotes used as BibTeX's
// quotes or wrapped round a whole value; and a syntax error in one entry no longer hides the
// problems of the others. Each told at its line and column, with the corrected line as the fix,
// and each fix, applied, reads back clean with the value the writer meant.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseBibliographyFile, loadSharedBibliography } from "../../lib/bibliography.ts";
import { formatBibliography, prepareEngine } from "../../lib/citations.ts";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import type { CslItem } from "../../lib/csl-normalise.ts";
import { applyLineFix, diagnosticShape } from "../helpers/line-fixes.ts";

const APA = { style: "apa", locale: "en-US" } as const;
const bib = (text: string) => parseBibliographyFile("refs.bib", text);
/** An article whose extra field is on line 6. */
const article = (extra = "", key = "smith2020") =>
  `@article{${key},\n  author = {Smith, Jo},\n  title = {A study},\n  journal = {BMJ},\n  year = {2020},\n  ${extra}\n}\n`;
const apa = (item: CslItem) => {
  prepareEngine(APA as any);
  return formatBibliography([item], APA as any)[0]!.html.replace(/<[^>]+>/g, "").replace(/&#38;/g, "&");
};

const applied = (text: string, d: Diagnostic) => applyLineFix(text, d, { onItsLine: true });

/** The text with the fix applied reads back with no problem at all; its one entry. */
function clean(text: string, d: Diagnostic): CslItem {
  const { entries, diagnostics } = bib(applied(text, d));
  assert.deepEqual(diagnostics, []);
  assert.equal(entries.length, 1);
  return entries[0]!.item;
}

describe("an invisible character in a .bib identifier", () => {
  it("in a DOI (a zero-width space) is an error at its column, with the line without it", () => {
    const text = article("doi = {10.1136/\u200bbmj.m1}");
    const { entries, diagnostics, broken } = bib(text);
    assert.deepEqual(diagnostics.map(diagnosticShape), [[
      "error", 6, 18, "smith2020.doi",
      'entry "smith2020": the value of `doi` has an invisible character in it (a zero-width space, U+200B, at column 18): BibTeX keeps it as part of the value, which only looks like `10.1136/bmj.m1`, and its link would lead nowhere',
      "delete the value and type it again, so that line 6 reads `  doi = {10.1136/bmj.m1}`",
    ]]);
    // Left out meanwhile: a citation of it is told to fix the entry first.
    assert.equal(entries.length, 0);
    assert.deepEqual(broken?.map((b) => b.id), ["smith2020"]);
    const item = clean(text, diagnostics[0]!);
    assert.equal(item.DOI, "10.1136/bmj.m1");
    assert.match(apa(item), /https:\/\/doi\.org\/10\.1136\/bmj\.m1/);
  });

  it("in a DOI (a soft hyphen) is named as such", () => {
    const text = article("doi = {10.1136/bmj.\u00adm1}");
    const [d, ...rest] = bib(text).diagnostics;
    assert.deepEqual(rest, []);
    assert.deepEqual([d!.line, d!.column, d!.field], [6, 22, "smith2020.doi"]);
    assert.match(d!.message, /\(a soft hyphen, U\+00AD, at column 22\)/);
    assert.equal(clean(text, d!).DOI, "10.1136/bmj.m1");
  });

  it("a non-breaking space between a volume's digits is deleted, not made a space", () => {
    const text = article("volume = {1\u00a02}");
    const { diagnostics } = bib(text);
    assert.deepEqual(diagnostics.map(diagnosticShape), [[
      "error", 6, 14, "smith2020.volume",
      'entry "smith2020": the number `1 2` in `volume` has a non-breaking space, U+00A0, between its digits at column 14: the citation style prints "1 2" and reads it as text, not as one number',
      "delete it, so that line 6 reads `  volume = {12}` (or, if it stands between two numbers, write - for a range or a comma in its place)",
    ]]);
    const item = clean(text, diagnostics[0]!);
    assert.equal(item.volume, "12");
    assert.match(apa(item), /BMJ, 12\./);
  });

  it("in number, pages and a year, and in a quoted value, each is told on its own line", () => {
    const text = `@article{smith2020,\n  author = {Smith, Jo},\n  title = {A study},\n  journal = {BMJ},\n  year = {20\u200b20},\n  number = "4\u200b",\n  pages = {1\u2060--5}\n}\n`;
    const { diagnostics } = bib(text);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field, /\((.*?), at column/.exec(d.message)?.[1], /reads `(.*)`$/.exec(d.fix!)?.[1]]), [
      ["error", 5, 13, "smith2020.year", "a zero-width space, U+200B", "  year = {2020},"],
      ["error", 6, 14, "smith2020.number", "a zero-width space, U+200B", '  number = "4",'],
      ["error", 7, 13, "smith2020.pages", "a word joiner, U+2060", "  pages = {1--5}"],
    ]);
    let fixed = text;
    for (const d of diagnostics) fixed = applied(fixed, d);
    const { entries, diagnostics: after } = bib(fixed);
    assert.deepEqual(after, []);
    assert.deepEqual([entries[0]!.item.issue, entries[0]!.item.page], ["4", "1-5"]);
  });
});

describe("a % comment line between a .bib entry's fields", () => {
  it("does not stop the fields below it from being checked", () => {
    const text = article("% TODO check the pages\n  pages = {44\u200b--56}");
    const { diagnostics } = bib(text);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field, d.fix]), [
      ["error", 7, 14, "smith2020.pages", "delete it, so that line 7 reads `  pages = {44--56}`"],
    ]);
    assert.equal(clean(text, diagnostics[0]!).page, "44-56");
  });
});

describe("an invisible character in a .bib entry's key", () => {
  it("(a zero-width space) names the character and gives the line, in place of \"characters a citation key cannot hold\"", () => {
    const text = article("", "smith\u200b2020");
    const { diagnostics, broken } = bib(text);
    assert.deepEqual(diagnostics.map(diagnosticShape), [[
      "error", 1, 15, "smith2020.id",
      'entry "smith2020": the key has an invisible character in it (a zero-width space, U+200B, at column 15): BibTeX keeps it as part of the key, which only looks like `smith2020`, so [@smith2020] would not find the entry',
      "delete the key and type it again, so that line 1 reads `@article{smith2020,`",
    ]]);
    // A citation of the key as it looks is told to fix this entry, not "not found".
    assert.ok(broken?.some((b) => b.id === "smith2020"));
    assert.equal(clean(text, diagnostics[0]!).id, "smith2020");
  });

  it("(a non-breaking space, which BibTeX reads as a space) is a syntax error that names it", () => {
    const text = article("", "smith\u00a02020");
    const { diagnostics } = bib(text);
    assert.deepEqual(diagnostics.map(diagnosticShape), [[
      "error", 1, 15, "smith2020.id",
      'BibTeX syntax error: entry "smith2020": the key has an invisible character in it (a non-breaking space, U+00A0, at column 15), which BibTeX reads as a space, so it takes "smith" for the key and cannot read "2020" after it',
      "delete the key and type it again, so that line 1 reads `@article{smith2020,`",
    ]]);
    assert.equal(clean(text, diagnostics[0]!).id, "smith2020");
  });
});

describe("an invisible character in a .bib text", () => {
  it("in a publisher (a zero-width space) is a warning, and the entry is kept", () => {
    const text = `@report{who2021,\n  author = {{World Health Organization}},\n  title = {Global strategy},\n  publisher = {Wor\u200bld Health Organization},\n  year = {2021}\n}\n`;
    const { entries, diagnostics } = bib(text);
    assert.deepEqual(diagnostics.map(diagnosticShape), [[
      "warning", 4, 19, "who2021.publisher",
      'entry "who2021": `publisher` has an invisible character in it (a zero-width space, U+200B, at column 19): it is printed with the text, where it can split a word for search and for screen readers',
      "delete it (type the words around it again), so that line 4 reads `  publisher = {World Health Organization},`",
    ]]);
    assert.equal(entries.length, 1);
    const item = clean(text, diagnostics[0]!);
    assert.equal(item.publisher, "World Health Organization");
  });

  it("a byte order mark in a journal is told as the space BibTeX prints", () => {
    const text = article().replace("BMJ", "B\ufeffMJ");
    const { diagnostics } = bib(text);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field]), [["warning", 4, 15, "smith2020.journal"]]);
    assert.match(diagnostics[0]!.message, /\(a byte order mark, U\+FEFF, at column 15\).*so it would be printed "B MJ"$/);
    const item = clean(text, diagnostics[0]!);
    assert.equal(item["container-title"], "BMJ");
    assert.match(apa(item), /BMJ/);
  });

  it("an emoji's joiner and a non-breaking space in text are left alone, and sample files stay quiet", () => {
    const text = article().replace("A study", "Nurses 👩\u200d⚕️ at 10\u00a0pm").replace("BMJ", "Nursing\u00a0Times");
    assert.deepEqual(bib(text).diagnostics, []);
    for (const file of ["content/bibliography.bib", "tests/fixtures/citations-site/content/bibliography.bib"]) {
      assert.deepEqual(parseBibliographyFile(file, readFileSync(file, "utf8")).diagnostics, [], file);
    }
    assert.deepEqual(loadSharedBibliography(".", ["content/bibliography.bib"]).diagnostics, []);
  });
});

describe("curly quotes in a .bib value", () => {
  it("used as BibTeX's quotes are a syntax error whose fix has braces without them", () => {
    const text = article().replace("title = {A study}", "title = “A study”");
    const { diagnostics } = bib(text);
    assert.deepEqual(diagnostics.map(diagnosticShape), [[
      "error", 3, 11, "smith2020.title",
      'BibTeX syntax error: entry "smith2020": the value of `title` is written in curly quotes “ ”, which BibTeX does not read as quotes',
      "write the value in braces in place of the curly quotes, so that line 3 reads `  title = {A study},`",
    ]]);
    const item = clean(text, diagnostics[0]!);
    assert.equal(item.title, "A study");
    assert.doesNotMatch(apa(item), /[“”]/);
  });

  it("around a number, and ‘ ’ around a title, the same", () => {
    const text = article("number = “13”");
    const [d] = bib(text).diagnostics;
    assert.deepEqual([d!.line, d!.column, d!.field, d!.fix], [6, 12, "smith2020.number", "write the value in braces in place of the curly quotes, so that line 6 reads `  number = {13}`"]);
    assert.equal(clean(text, d!).issue, "13");
    const single = article().replace("title = {A study}", "title = ‘A study’");
    const [s] = bib(single).diagnostics;
    assert.match(s!.message, /curly quotes ‘ ’/);
    assert.equal(clean(single, s!).title, "A study");
  });

  it("wholly round a title in braces is a warning, with the line without them and \\enquote to keep quotes on purpose", () => {
    const text = article().replace("title = {A study}", "title = {“A study”}");
    const { entries, diagnostics } = bib(text);
    assert.deepEqual(diagnostics.map(diagnosticShape), [[
      "warning", 3, 12, "smith2020.title",
      "entry \"smith2020\": `title` is written in curly quotes “ ” inside its braces: in BibTeX the braces are the value's quotes, so the curly ones are part of the text and printed with it: “A study”",
      "if the quotes are a slip, delete them, so that line 3 reads `  title = {A study},` (or, to print quotes around it on purpose, write it in \\enquote{…}: `  title = {\\enquote{A study}},`)",
    ]]);
    // Printed with the quotes meanwhile, as the warning says.
    assert.match(apa(entries[0]!.item), /“A study\.?”/);
    assert.doesNotMatch(apa(clean(text, diagnostics[0]!)), /[“”]/);
    // \enquote{…}: quiet, and printed in quotes.
    const kept = /\(or, .*: `(.*)`\)$/.exec(diagnostics[0]!.fix!)![1]!;
    const { entries: k, diagnostics: quiet } = bib(text.replace("  title = {“A study”},", kept));
    assert.deepEqual(quiet, []);
    assert.match(apa(k[0]!.item), /“A study\.?”/);
  });

  it("wholly round a braced number is an error; curly quotes inside a title are fine", () => {
    const text = article("number = {“13”}");
    const { entries, diagnostics } = bib(text);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field, d.fix]), [["error", 6, 13, "smith2020.number", "delete the curly quotes, so that line 6 reads `  number = {13}`"]]);
    assert.equal(entries.length, 0);
    assert.equal(clean(text, diagnostics[0]!).issue, "13");
    assert.deepEqual(bib(article().replace("A study", "The “patient voice” in care")).diagnostics, []);
    assert.deepEqual(bib(article().replace("A study", "“Yes” and “no”")).diagnostics, []);
  });
});

describe("a syntax error in one .bib entry", () => {
  const who = `@report{who2021,\n  author = {World Health Organization},\n  title = {Global strategy},\n  year = {2021}\n}\n`;
  it("no longer hides the other entries' errors, before or after it", () => {
    const broken = `@article{smith2020,\n  author = {Smith, Jo},\n  title = {A study,\n  journal = {BMJ},\n  year = {2020}\n}\n`;
    for (const [text, syntaxLine, whoLine] of [[`${broken}\n${who}`, 3, 9], [`${who}\n${broken}`, 9, 2]] as const) {
      const r = bib(text);
      assert.deepEqual(r.diagnostics.map((d) => [d.line, d.field, d.message.startsWith("BibTeX syntax error")]), [
        [syntaxLine, "smith2020.title", true],
        [whoLine, "who2021.author", false],
      ]);
      // The file is still not used while it has a syntax error.
      assert.equal(r.unreadable, true);
      assert.deepEqual(r.entries, []);
    }
  });

  it("several syntax errors are all told, and an @string set aside does not make its users' fields undefined", () => {
    const text = `@string{pew = {Pew Research Center}\n\n@report{fox2013,\n  author = {Fox, Susannah},\n  title = {Health online},\n  institution = pew,\n  year = {2013}\n}\n\n@article{doe2020,\n  author = {Doe, Jo}\n  title = {B},\n  year = {2020}\n}\n\n${who}`;
    const r = bib(text);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.field]), [[1, "@string.pew"], [11, "doe2020"], [17, "who2021.author"]]);
  });
});
