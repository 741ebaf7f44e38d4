// Invisible characters in the places of a shared bibliography the last round left open: the
// text of a .bib @string abbreviation, a .bib field's name, and CSL JSON / CSL YAML files (the
// rule of a post's references: an error in an id, a DOI, a URL, a type, a date, a number or a
// field's name; a warning in text). And a .bib organisation written with a comma among
// other names: its fix is the whole field, every other name kept. Each message names the line,
// the column and the character; each fix, applied, reads back without that problem.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseBibliographyFile } from "../../lib/bibliography.ts";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { applyLineFix, diagnosticShape } from "../helpers/line-fixes.ts";


const applied = (text: string, d: Diagnostic) => applyLineFix(text, d, { onItsLine: true });

const article = (extra: string, before = "") =>
  `${before}@article{smith2020,\n  author = {Smith, Jo},\n  title = {A study},\n  journal = {BMJ},\n  year = {2020},\n  ${extra}\n}\n`;

describe("an invisible character in a .bib @string's text", () => {
  it("used in text (a publisher) is a warning at its column, with the @string line without it", () => {
    const text = article("publisher = pub", "@string{pub = {Wor\u200bld Health Organization}}\n\n");
    const { entries, diagnostics } = parseBibliographyFile("refs.bib", text);
    assert.deepEqual(diagnostics.map(diagnosticShape), [[
      "warning", 1, 19, "@string.pub",
      '@string "pub": its text has an invisible character in it (a zero-width space, U+200B, at column 19): it is printed with the text wherever `pub` is used, where it can split a word for search and for screen readers',
      "delete it (type the words around it again), so that line 1 reads `@string{pub = {World Health Organization}}`",
    ]]);
    // A warning: the entry is kept.
    assert.deepEqual(entries.map((e) => e.item.id), ["smith2020"]);
    const fixed = parseBibliographyFile("refs.bib", applied(text, diagnostics[0]!));
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(fixed.entries[0]!.item.publisher, "World Health Organization");
  });

  it("used in an identifier (a volume) is an error naming the field that uses it, and that entry is left out", () => {
    const text = article("volume = vol", "@string{vol = {1\u00a02}}\n\n");
    const { entries, diagnostics, broken } = parseBibliographyFile("refs.bib", text);
    assert.deepEqual(diagnostics.map(diagnosticShape), [[
      "error", 1, 17, "@string.vol",
      '@string "vol": its text has an invisible character in it (a non-breaking space, U+00A0, at column 17): BibTeX keeps it as part of the text, which only looks like `1 2`, in `volume` of entry "smith2020"',
      "delete the text and type it again, so that line 1 reads `@string{vol = {12}}`",
    ]]);
    assert.deepEqual(entries, []);
    assert.deepEqual(broken?.map((b) => b.id), ["smith2020"]);
    const fixed = parseBibliographyFile("refs.bib", applied(text, diagnostics[0]!));
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(fixed.entries[0]!.item.volume, "12");
  });

  it("in quotes, a byte order mark is told as the space BibTeX prints; a non-breaking space in text is left alone", () => {
    const text = article("publisher = pub", '@string{pub = "Wor\ufeffld Health"}\n@string{times = {Nursing\u00a0Times}}\n\n');
    const [d, ...rest] = parseBibliographyFile("refs.bib", text).diagnostics;
    assert.deepEqual(rest, []);
    assert.deepEqual([d!.severity, d!.line, d!.column, d!.field], ["warning", 1, 19, "@string.pub"]);
    assert.match(d!.message, /\(a byte order mark, U\+FEFF, at column 19\).*so it would be printed "Wor ld Health"$/);
    assert.match(d!.fix!, /so that line 1 reads `@string\{pub = "World Health"\}`$/);
  });
});

describe("an invisible character in a .bib field's name", () => {
  it("(a zero-width space) is an error at its column naming the field, no longer a bare syntax error, and the other entries are kept", () => {
    const other = "@book{doe2019,\n  author = {Doe, Kate},\n  title = {Care},\n  publisher = {Wiley},\n  year = {2019}\n}\n";
    const text = `${article("").replace("title =", "tit\u200ble =")}\n${other}`;
    const { entries, diagnostics, broken, unreadable } = parseBibliographyFile("refs.bib", text);
    assert.deepEqual(diagnostics.map(diagnosticShape), [[
      "error", 3, 6, "smith2020.title",
      'entry "smith2020": the field name `title` has an invisible character in it (a zero-width space, U+200B, at column 6), so BibTeX reads it as a field of another name that only looks like `title`, and leaves the field out',
      "delete the field's name and type it again, so that line 3 reads `  title = {A study},`",
    ]]);
    assert.equal(unreadable, undefined);
    assert.deepEqual(entries.map((e) => e.item.id), ["doe2019"]);
    assert.deepEqual(broken?.map((b) => b.id), ["smith2020"]);
    const fixed = parseBibliographyFile("refs.bib", applied(text, diagnostics[0]!));
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(fixed.entries.find((e) => e.item.id === "smith2020")!.item.title, "A study");
  });

  it("a non-breaking space inside it is named as the space BibTeX reads; a soft hyphen too; one before or after the name is harmless", () => {
    const text = article("publi\u00a0sher = {Wiley},\n  d\u00adoi = {10.1136/bmj.m1}");
    const { diagnostics } = parseBibliographyFile("refs.bib", text);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.column, d.field, /\((.*?), at column/.exec(d.message)?.[1], /reads `(.*)`$/.exec(d.fix!)?.[1]]), [
      [6, 8, "smith2020.publisher", "a non-breaking space, U+00A0", "  publisher = {Wiley},"],
      [7, 4, "smith2020.doi", "a soft hyphen, U+00AD", "  doi = {10.1136/bmj.m1}"],
    ]);
    assert.match(diagnostics[0]!.message, /which BibTeX reads as a space, so it cannot read `publisher` as one name$/);
    assert.deepEqual(parseBibliographyFile("refs.bib", article("publisher\u00a0= {Wiley},\n  \ufeffdoi = {10.1136/bmj.m1}")).diagnostics, []);
  });

  it("with an invisible character in its value as well, both are told in one run", () => {
    const text = article("p\u200bages = {44--56},\n  doi = {10.1136/\u200bbmj.m1}");
    const { diagnostics } = parseBibliographyFile("refs.bib", text);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field]), [
      ["error", 6, 4, "smith2020.pages"],
      ["error", 7, 18, "smith2020.doi"],
    ]);
  });

  it("in an @string's name, the same, and the fields using it are read", () => {
    const text = article("publisher = pub", "@string{p\u200bub = {Wiley}}\n\n");
    const { diagnostics } = parseBibliographyFile("refs.bib", text);
    assert.deepEqual(diagnostics.map(diagnosticShape), [[
      "error", 1, 10, "@string.pub",
      "@string \"pub\": the abbreviation's name has an invisible character in it (a zero-width space, U+200B, at column 10), so BibTeX reads it as an abbreviation of another name that only looks like `pub`, and the fields written `= pub` would not find it",
      "delete the abbreviation's name and type it again, so that line 1 reads `@string{pub = {Wiley}}`",
    ]]);
    assert.deepEqual(parseBibliographyFile("refs.bib", applied(text, diagnostics[0]!)).diagnostics, []);
  });
});

describe("a .bib organisation written with a comma among other names", () => {
  it("gets the whole field as its fix, every other name kept in place", () => {
    const text = "@report{a,\n  author = {Smith, John and Mayo Clinic, Rochester and Doe, Jane},\n  title = {A},\n  year = {2016}\n}\n";
    const [d, ...rest] = parseBibliographyFile("refs.bib", text).diagnostics;
    assert.deepEqual(rest, []);
    assert.deepEqual([d!.line, d!.field], [2, "a.author"]);
    assert.equal(d!.fix, "if it is one organisation, put it in a second pair of braces, which keeps an organisation's name whole: author = {Smith, John and {Mayo Clinic, Rochester} and Doe, Jane}");
    // Applied, the field reads back as three authors, the organisation whole.
    const field = /: (author = \{.*\})$/.exec(d!.fix!)![1]!;
    const fixed = parseBibliographyFile("refs.bib", text.replace(/ {2}author = .*/, `  ${field},`));
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual(fixed.entries[0]!.item.author, [{ family: "Smith", given: "John" }, { family: "Mayo Clinic, Rochester" }, { family: "Doe", given: "Jane" }]);
  });

  it("both ways of the fix keep the others, a legal form and an editor with `and others` too", () => {
    const fixOf = (field: string) => parseBibliographyFile("refs.bib", `@report{a,\n  ${field},\n  title = {A},\n  year = {2016}\n}\n`).diagnostics.map((d) => d.fix);
    assert.deepEqual(fixOf("author = {National Institutes of Health, Office of Science Policy and Smith, John}"), [
      'if it is one organisation, put it in a second pair of braces, which keeps an organisation\'s name whole: author = {{National Institutes of Health, Office of Science Policy} and Smith, John}; if it is 2 authors, separate them with "and": author = {{National Institutes of Health} and {Office of Science Policy} and Smith, John}',
    ]);
    assert.deepEqual(fixOf("author = {Lee, Ann and Pew Research Center, Inc.}"), ["put it in a second pair of braces, which keeps an organisation's name whole: author = {Lee, Ann and {Pew Research Center, Inc.}}"]);
    const [editor] = fixOf("editor = {Smith, J. and Mayo Clinic, Rochester and others}");
    assert.match(editor!, /: editor = \{Smith, J\. and \{Mayo Clinic, Rochester\}\}, without "and others"/);
  });
});

describe("an invisible character in a CSL JSON bibliography", () => {
  const json = [
    "[",
    "  {",
    '    "id": "smith\u200b2020",',
    '    "type": "article-journal",',
    '    "title": "A stu\u00addy",',
    '    "DOI": "10.1136/\u200bbmj.m1",',
    '    "volume": "1\u200b2",',
    '    "issued": {"date-parts": [[2020]]}',
    "  },",
    '  {"id": "doe2019", "type": "book", "tit\u200ble": "Care", "author": [{"family": "Doe", "given": "Kate"}], "issued": {"date-parts": [[2019]]}},',
    '  {"id": "ok", "type": "book", "title": "Nurses 👩\u200d⚕️ at 10\u00a0pm", "publisher": "Nursing\u00a0Times", "issued": {"date-parts": [[2020]]}}',
    "]",
    "",
  ].join("\n");

  it("tells every one at its line and column: errors in the id, the DOI, a volume and a field's name, a warning in a title", () => {
    const { entries, diagnostics, broken } = parseBibliographyFile("refs.json", json);
    assert.deepEqual(diagnostics.map(diagnosticShape), [
      ["error", 3, 17, "smith2020.id",
        'entry "smith2020": the id has an invisible character in it (a zero-width space, U+200B, at column 17): JSON keeps it as part of the id, which only looks like `smith2020`, so [@smith2020] would not find the entry',
        'delete the value and type it again, so that line 3 reads `    "id": "smith2020",`'],
      ["error", 6, 21, "smith2020.DOI",
        'entry "smith2020": the value of `DOI` has an invisible character in it (a zero-width space, U+200B, at column 21): JSON keeps it as part of the value, which only looks like `10.1136/bmj.m1`, and its link would lead nowhere',
        'delete the value and type it again, so that line 6 reads `    "DOI": "10.1136/bmj.m1",`'],
      ["error", 7, 17, "smith2020.volume",
        'entry "smith2020": the number `12` in `volume` has an invisible character in it (a zero-width space, U+200B, at column 17): JSON keeps it as part of the value, and the citation style then reads it as text, not as a number: it is printed with the character in it, without the label or ordinal the style gives a number',
        'delete it, so that line 7 reads `    "volume": "12",`'],
      ["error", 10, 41, "doe2019.title",
        'entry "doe2019": the field name `title` has an invisible character in it (a zero-width space, U+200B, at column 41), so JSON reads it as a field of another name that only looks like `title`, and the field is left out',
        'delete the field\'s name and type it again, so that line 10 reads `  {"id": "doe2019", "type": "book", "title": "Care", "author": [{"family": "Doe", "given": "Kate"}], "issued": {"date-parts": [[2019]]}},`'],
      ["warning", 5, 20, "smith2020.title",
        'entry "smith2020": `title` has an invisible character in it (a soft hyphen, U+00AD, at column 20): it is printed with the text, where it can split a word for search and for screen readers',
        'delete it (type the words around it again), so that line 5 reads `    "title": "A study",`'],
    ]);
    // The entries with an error are left out; a citation of the id as it looks is told to fix it.
    assert.deepEqual(entries.map((e) => e.item.id), ["ok"]);
    assert.ok(broken?.some((b) => b.id === "smith2020"));
    assert.ok(broken?.some((b) => b.id === "doe2019"));
    // Every fix applied: no problem left, each value as meant.
    let fixed = json;
    for (const d of diagnostics) fixed = applied(fixed, d);
    const after = parseBibliographyFile("refs.json", fixed);
    assert.deepEqual(after.diagnostics, []);
    const smith = after.entries.find((e) => e.item.id === "smith2020")!.item;
    assert.deepEqual([smith.DOI, smith.title, smith.volume], ["10.1136/bmj.m1", "A study", "12"]);
    assert.equal(after.entries.find((e) => e.item.id === "doe2019")!.item.title, "Care");
  });

  it("leaves an emoji's joiner and non-breaking spaces in text alone, and text written as an escape", () => {
    const quiet = '[{"id": "ok", "type": "book", "title": "Nurses 👩\u200d⚕️ at 10\u00a0pm, \\u00ad", "publisher": "Nursing\u00a0Times", "issued": {"date-parts": [[2020]]}}]';
    assert.deepEqual(parseBibliographyFile("refs.json", quiet).diagnostics, []);
    // A byte order mark at the start of a file is the file's own (JSON.parse and YAML refused it before).
    for (const [file, text] of [["refs.yaml", "\ufeff- id: ok\n  type: book\n  title: Care\n  issued: 2020\n"], ["refs.json", `\ufeff${quiet}`]] as const) {
      const { entries, diagnostics } = parseBibliographyFile(file, text);
      assert.deepEqual([diagnostics, entries.map((e) => e.item.id)], [[], ["ok"]], file);
    }
  });

  it("an identifier written as an escape is told where its value starts, the fix the value retyped", () => {
    const text = '[{"id": "b", "type": "webpage", "title": "B", "URL": "https://example.org/\\u200bx", "accessed": "2024-03-05"}]';
    const [d, ...rest] = parseBibliographyFile("refs.json", text).diagnostics;
    assert.deepEqual(rest, []);
    assert.deepEqual([d!.severity, d!.line, d!.column, d!.field], ["error", 1, 54, "b.URL"]);
    assert.match(d!.fix!, /"URL": "https:\/\/example\.org\/x", "accessed"/);
  });
});

describe("an invisible character in a CSL file's number", () => {
  it("a non-breaking space between digits is an error whose fix also offers a range; one around a dash is left alone", () => {
    const yaml = "- id: a\n  type: article-journal\n  title: A\n  page: 44\u00a056\n  issue: 3\n  volume: 12\u00a0\u2013\u00a014\n  issued: 2020\n";
    const { diagnostics } = parseBibliographyFile("refs.yaml", yaml);
    assert.deepEqual(diagnostics.map(diagnosticShape), [[
      "error", 4, 11, "a.page",
      'entry "a": the number `44 56` in `page` has a non-breaking space, U+00A0, between its digits at column 11: the citation style prints "44 56" and reads it as text, not as one number',
      "delete it, so that line 4 reads `  page: 4456` (or, if it stands between two numbers, write - for a range or a comma in its place)",
    ]]);
  });

  it("a zero-width space in pages names what the style does to a range", () => {
    const json = '[{"id": "a", "type": "article-journal", "title": "A", "page": "442\u200b-450", "issued": {"date-parts": [[2020]]}}]';
    const [d, ...rest] = parseBibliographyFile("refs.json", json).diagnostics;
    assert.deepEqual(rest, []);
    assert.deepEqual([d!.severity, d!.line, d!.column, d!.field], ["error", 1, 67, "a.page"]);
    assert.match(d!.message, /a page range is printed as written, without the en dash and the "pp\." the style gives a range$/);
    assert.match(d!.fix!, /"page": "442-450",/);
  });
});

describe("an invisible character in a CSL YAML bibliography", () => {
  it("is told by the same rule, `doi:` in small letters an identifier too, and the file's other entries kept", () => {
    const yaml = [
      "references:",
      "  - id: doe2021",
      "    type: article-journal",
      '    title: "Nursing\u200b today"',
      "    doi: 10.1/ab\u00adc",
      "    auth\u200bor:",
      "      - Doe, Kate",
      "    issued: 2021-0\u200b3",
      "  - id: ok",
      "    type: book",
      "    title: Nurses 👩\u200d⚕️ at 10\u00a0pm",
      "    issued: 2020",
      "",
    ].join("\n");
    const { entries, diagnostics } = parseBibliographyFile("refs.yaml", yaml);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field, /\((.*?), at column/.exec(d.message)?.[1], /reads `(.*)`$/.exec(d.fix!)?.[1]]), [
      ["error", 5, 17, "doe2021.doi", "a soft hyphen, U+00AD", "    doi: 10.1/abc"],
      ["error", 6, 9, "doe2021.author", "a zero-width space, U+200B", "    author:"],
      ["error", 8, 19, "doe2021.issued", "a zero-width space, U+200B", "    issued: 2021-03"],
      ["warning", 4, 20, "doe2021.title", "a zero-width space, U+200B", '    title: "Nursing today"'],
    ]);
    assert.match(diagnostics[0]!.message, /^entry "doe2021": the value of `doi` .*YAML keeps it as part of the value, which only looks like `10\.1\/abc`, and its link would lead nowhere$/);
    assert.deepEqual(entries.map((e) => e.item.id), ["ok"]);
    let fixed = yaml;
    for (const d of diagnostics) fixed = applied(fixed, d);
    const after = parseBibliographyFile("refs.yaml", fixed);
    assert.deepEqual(after.diagnostics, []);
    assert.deepEqual(after.entries.map((e) => e.item.id), ["doe2021", "ok"]);
  });
});
