// The shared bibliography: BibTeX, CSL JSON and CSL YAML, normalised once; every
// problem names its file, line and entry.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { loadSharedBibliography, parseBibliographyFile } from "../../lib/bibliography.ts";

const BIB = `% comment line
@article{topol2019,
  author  = {Topol, Eric J.},
  title   = {High-performance medicine},
  journal = {Nature Medicine},
  volume  = {25},
  year    = {2019},
  doi     = {10.1038/s41591-018-0300-7}
}

@report{who2021,
  author = {{World Health Organization}},
  title  = {Global strategy on digital health 2020--2025},
  year   = {2021}
}
`;

describe("parseBibliographyFile", () => {
  it("reads BibTeX into CSL items with the line each entry starts on", () => {
    const { entries, diagnostics } = parseBibliographyFile("refs.bib", BIB);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(entries.map((e) => [e.item.id, e.item.type, e.line]), [["topol2019", "article-journal", 2], ["who2021", "report", 11]]);
    const topol = entries[0]!.item;
    assert.deepEqual(topol.author, [{ family: "Topol", given: "Eric J." }]);
    assert.deepEqual(topol.issued, { "date-parts": [[2019]] });
    assert.equal(topol.DOI, "10.1038/s41591-018-0300-7");
    assert.equal(entries[1]!.item.title, "Global strategy on digital health 2020–2025");
  });

  it("reports a BibTeX syntax error with its line", () => {
    const broken = BIB.replace("  title   = {High-performance medicine},\n", "  title   = {High-performance medicine}\n");
    const { entries, diagnostics } = parseBibliographyFile("refs.bib", broken);
    assert.deepEqual(entries, []);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.file, "refs.bib");
    // The line the comma is missing from, not the next field's, where the parser noticed.
    assert.equal(diagnostics[0]!.line, 4);
    assert.match(diagnostics[0]!.message, /BibTeX syntax error: entry "topol2019": there is no comma after the field on line 4/);
    assert.match(diagnostics[0]!.fix!, /add a comma at the end of line 4, so that line 4 reads `  title   = \{High-performance medicine\},`/);
  });

  it("reports what plugin-bibtex would accept silently: unknown types, fields written twice, mismatched delimiters", () => {
    const text = "@weird{a, title={A}, year=2000}\n@book{b, title={B},\n  Title={C}, year=2000}\n@book{c, title={\"(x)\"}, year=2000)\n@comment{ignored, x=1, x=2}\n";
    const { diagnostics } = parseBibliographyFile("refs.bib", text);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.column, d.field]), [[1, 1, "a"], [3, 3, "b.title"], [4, 34, "c"]]);
    assert.match(diagnostics[0]!.message, /@weird is not a BibTeX or BibLaTeX entry type/);
    assert.match(diagnostics[1]!.message, /the field title is written twice/);
    assert.match(diagnostics[2]!.message, /starts with \{ but ends with \)/);
    assert.equal(diagnostics[0]!.fix, "use a type such as @article, @book, @incollection, @report, @online or @misc");
  });

  it("an unknown type that is a misspelling, or another tool's name for a type: the line to write, which then reads clean", () => {
    for (const [written, meant] of [["@artcle{a,", "@article{a,"], ["@inbok(a,", "@inbook(a,"], ["@webpage{a,", "@online{a,"], ["@chapter{a,", "@incollection{a,"], ["@Artcle{a,", "@article{a,"]] as const) {
      const close = written.includes("(") ? ")" : "}";
      const text = `${written}\n  author = {Doe, Kate},\n  title = {A},\n  journal = {J},\n  booktitle = {B},\n  publisher = {P},\n  url = {https://example.org/},\n  year = 2000\n${close}\n`;
      const { diagnostics } = parseBibliographyFile("refs.bib", text);
      assert.deepEqual(diagnostics.map((d) => [d.line, d.column, d.fix]), [[1, 1, `write ${meant}`]], written);
      assert.deepEqual(parseBibliographyFile("refs.bib", text.replace(written, meant)).diagnostics, [], meant);
    }
  });

  it("reads CSL YAML as a list or under references:, with lines and conveniences", () => {
    const yaml = "references:\n  - id: a\n    type: book\n    title: A\n    author: \"Doe, Jane\"\n    issued: 2001\n  - id: b\n    type: webpage\n    title: B\n";
    const { entries, diagnostics } = parseBibliographyFile("refs.yaml", yaml);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(entries.map((e) => [e.item.id, e.line]), [["a", 2], ["b", 7]]);
    assert.deepEqual(entries[0]!.item.author, [{ family: "Doe", given: "Jane" }]);
    assert.deepEqual(parseBibliographyFile("refs.yml", "- id: c\n  type: book\n  title: C\n").entries.map((e) => e.item.id), ["c"]);
  });

  it("names file, line, entry and field of an entry's problem", () => {
    const { diagnostics } = parseBibliographyFile("refs.yaml", "- id: a\n  type: book\n  title: A\n  issued: someday\n");
    assert.deepEqual(diagnostics.map((d) => [d.file, d.line, d.field]), [["refs.yaml", 4, "a.issued"]]);
    assert.match(diagnostics[0]!.message, /entry "a": "someday" is not a date/);
  });

  it("reads CSL JSON, and reports invalid JSON with its line", () => {
    const json = '[\n  {"id": "a", "type": "book", "title": "A"},\n  {"id": "b", "type": "book"}\n]';
    const { entries, diagnostics } = parseBibliographyFile("refs.json", json);
    assert.deepEqual(entries.map((e) => [e.item.id, e.line]), [["a", 2]]);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.field]), [[3, "b.title"]]);
    const bad = parseBibliographyFile("refs.json", '[\n  {"id": "a",,}\n]');
    assert.equal(bad.diagnostics[0]!.line, 2);
  });

  it("reports a shared CSL YAML file's unknown fields, several people in one name and a bad DOI, at their lines", () => {
    const yaml = [
      "references:",
      "  - id: a",
      "    type: article-journal",
      "    title: A",
      '    author: "Smith, J. and Doe, K."', // 5
      "    journal: BMC Medical Informatics", // 6
      "    DOI: see the paper", // 7
      "  - id: b",
      "    type: report",
      "    title: B",
      "    author: Agency for Healthcare Research and Quality",
      "    doi: https://doi.org/10.1186/x",
      "",
    ].join("\n");
    const { entries, diagnostics } = parseBibliographyFile("refs.yaml", yaml);
    assert.deepEqual(entries.map((e) => [e.item.id, e.item.DOI, e.item.author]), [["b", "10.1186/x", [{ literal: "Agency for Healthcare Research and Quality" }]]]);
    assert.deepEqual(diagnostics.map((d) => [d.file, d.line, d.field, d.message, d.fix]), [
      ["refs.yaml", 5, "a.author", 'entry "a": "Smith, J. and Doe, K." is 2 people written as one name: it would be printed as one person', "write one person per line:\n  author:\n    - Smith, J.\n    - Doe, K."],
      ["refs.yaml", 6, "a.journal", 'entry "a": unknown field `journal`: it would be left out of the reference', "write it as `container-title: BMC Medical Informatics`"],
      ["refs.yaml", 7, "a.DOI", 'entry "a": "see the paper" is not a DOI: a DOI starts with 10. and has a / in it', "write the DOI alone, e.g. `DOI: 10.1186/s12913-016-1691-0`, or remove the line if the work has none"],
    ]);
  });

  it("writes the fix for a CSL JSON file in JSON", () => {
    const json = '[\n  {"id": "a", "type": "book", "title": "A", "year": 2016, "author": "Smith, J.; Doe, K."}\n]';
    const { diagnostics } = parseBibliographyFile("refs.json", json);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.field, d.fix]), [
      [2, "a.year", 'write it as `"issued": "2016"`'],
      [2, "a.author", 'write one name per person: "author": ["Smith, J.", "Doe, K."]'],
    ]);
  });

  it("normalises a BibTeX DOI written as an address, and shows a bad one in BibTeX", () => {
    const bib = "@article{a, title={A}, journal={J}, year=2016, doi={https://dx.doi.org/10.1186/x.}}\n@article{b, title={B}, journal={J}, year=2016, doi={see the paper}}\n";
    const { entries, diagnostics } = parseBibliographyFile("refs.bib", bib);
    assert.deepEqual(entries.map((e) => [e.item.id, e.item.DOI]), [["a", "10.1186/x"]]);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.field, d.fix]), [[2, "b.DOI", "write the DOI alone, e.g. `doi = {10.1186/s12913-016-1691-0}`, or remove the line if the work has none"]]);
  });

  it("reports a key used twice in one file, and a file type it cannot read", () => {
    const { diagnostics } = parseBibliographyFile("refs.yaml", "- {id: a, type: book, title: A}\n- {id: a, type: book, title: B}\n");
    assert.deepEqual(diagnostics.map((d) => [d.line, d.field, d.message, d.fix]), [
      [2, "a.id", 'entry "a": the key is used twice in this file (first on line 1)', "give each entry its own key, or delete this one if it is the same work"],
    ]);
    // In a .bib file, the line of the first entry's key.
    assert.match(parseBibliographyFile("refs.bib", "@book{a, title = {A}, year = 2000}\n\n@book{ a,\n  title = {B},\n  year = 2001}\n").diagnostics[0]!.message, /used twice in this file \(first on line 1\)$/);
    assert.match(parseBibliographyFile("refs.ris", "").diagnostics[0]!.message, /cannot read \.ris/);
  });
});

describe("loadSharedBibliography", () => {
  const root = mkdtempSync(path.join(tmpdir(), "chatpost-bib-"));
  writeFileSync(path.join(root, "one.bib"), BIB);
  writeFileSync(path.join(root, "two.yaml"), "- {id: who2021, type: report, title: Other}\n- {id: extra, type: book, title: Extra}\n");

  it("merges files, and reports a key that two files share", () => {
    const shared = loadSharedBibliography(root, ["one.bib", "two.yaml"]);
    assert.deepEqual([...shared.entries.keys()], ["topol2019", "who2021", "extra"]);
    assert.equal(shared.entries.get("who2021")!.file, "one.bib");
    assert.deepEqual(shared.diagnostics.map((d) => [d.file, d.line, d.field]), [["two.yaml", 1, "who2021"]]);
    assert.match(shared.diagnostics[0]!.message, /also in one\.bib \(line 11\)/);
  });

  it("normalises a file once for the same content", () => {
    const first = loadSharedBibliography(root, ["one.bib"]).entries.get("topol2019")!;
    const again = loadSharedBibliography(root, ["one.bib"]).entries.get("topol2019")!;
    assert.equal(again, first);
    writeFileSync(path.join(root, "one.bib"), BIB.replace("High-performance medicine", "Changed"));
    assert.equal(loadSharedBibliography(root, ["one.bib"]).entries.get("topol2019")!.item.title, "Changed");
  });

  it("names the settings field when a file is missing", () => {
    const { diagnostics } = loadSharedBibliography(root, ["missing.bib"]);
    assert.deepEqual(diagnostics.map((d) => [d.file, d.field]), [["content/_data/site.yaml", "citations.bibliography"]]);
  });
});

describe('"et al." in a shared bibliography', () => {
  const BETTER = 'if you cannot find them, the ones you know are still better than "et al."';

  it("plugin-bibtex reads BibTeX's `and others` as a person named \"others\", whom APA would print", async () => {
    const { Cite } = await import("@citation-js/core");
    const { formatBibliography } = await import("../../lib/citations.ts");
    const [item] = new Cite("@article{a, author={Smith, John and others}, title={A}, journal={J}, year=2016}", { forceType: "@biblatex/text", generateGraph: false }).data;
    assert.deepEqual(item.author, [{ given: "John", family: "Smith" }, { family: "others" }]);
    const { _graph, "citation-key": _key, ...csl } = item;
    assert.match(formatBibliography([csl], { style: "apa", locale: "en-US" })[0]!.html, /Smith, J\., &#38; others\./);
  });

  it("reports `and others` and \"et al.\" in a .bib file at the field, with the field rewritten in BibTeX", () => {
    const bib = [
      "@article{a, author = {Smith, John and others}, title={A}, journal={J}, year=2016}",
      "@book{b,",
      "  editor = {von Neumann, John and {World Health Organization} and others},",
      "  title = {B}, publisher = {P}, year = 2015}",
      "@article{c, author={Smith, J. et al.}, title={C}, journal={J}, year=2016}",
      "@article{d, author={Smith, J. and et al.}, title={D}, journal={J}, year=2016}",
      "@article{e, author={Topol, Eric J.}, title={E}, journal={J}, year=2016}",
      "",
    ].join("\n");
    const { entries, diagnostics } = parseBibliographyFile("refs.bib", bib);
    assert.deepEqual(entries.map((e) => e.item.id), ["e"]);
    assert.deepEqual(diagnostics.map((d) => [d.file, d.line, d.field, d.message, d.fix]), [
      ["refs.bib", 1, "a.author", 'entry "a": "and others" would be printed as a person named "others": the citation style writes "et al." itself when there are enough authors', `write the field without "and others", and add the other authors from the work after the names, separated by "and" (${BETTER}): author = {Smith, John}`],
      ["refs.bib", 3, "b.editor", 'entry "b": "and others" would be printed as a person named "others": the citation style writes "et al." itself when there are enough editors', `write the field without "and others", and add the other editors from the work after the names, separated by "and" (${BETTER}): editor = {von Neumann, John and {World Health Organization}}`],
      ["refs.bib", 5, "c.author", 'entry "c": "Smith, J. et al." has "et al." in it, which is not part of a name: the citation style writes "et al." itself when there are enough authors', `write the field without "et al.", and add the other authors from the work after the names, separated by "and" (${BETTER}): author = {Smith, J.}`],
      ["refs.bib", 6, "d.author", 'entry "d": "et al." is not a name: the citation style writes "et al." itself when there are enough authors', `write the field without "et al.", and add the other authors from the work after the names, separated by "and" (${BETTER}): author = {Smith, J.}`],
    ]);
  });

  it("keeps BibTeX names with al-, Al-, Others or Etal in them", () => {
    const { entries, diagnostics } = parseBibliographyFile("refs.bib", "@article{e, author={Al-Farsi, Omar and Others, Ann and Etal, Mark}, title={E}, journal={J}, year=2016}\n");
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(entries[0]!.item.author, [{ given: "Omar", family: "Al-Farsi" }, { given: "Ann", family: "Others" }, { given: "Mark", family: "Etal" }]);
  });

  it("writes the fix for \"et al.\" in a CSL JSON file in JSON", () => {
    const json = '[\n  {"id": "a", "type": "book", "title": "A", "author": "Smith, J. et al."},\n  {"id": "b", "type": "book", "title": "B", "author": [{"family": "Smith", "given": "J."}, {"literal": "et al."}]}\n]';
    const { diagnostics } = parseBibliographyFile("refs.json", json);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.field, d.fix]), [
      [2, "a.author", `write one name per person and add the other authors from the work (${BETTER}): "author": ["Smith, J."]`],
      [3, "b.author[1]", `remove it from the list and write the other authors from the work in its place (${BETTER})`],
    ]);
  });

  it("reports \"et al.\" in a CSL YAML file at its line, with the fix in YAML", () => {
    const { diagnostics } = parseBibliographyFile("refs.yaml", "- id: a\n  type: book\n  title: A\n  author:\n    - Smith, J.\n    - et al.\n");
    assert.deepEqual(diagnostics.map((d) => [d.line, d.field, d.fix]), [[6, "a.author[1]", `delete this line and write the other authors from the work in its place, one per line (${BETTER})`]]);
  });

  it("names an entry by its id written `ID:` or \"ID\", not by its position", () => {
    const yaml = parseBibliographyFile("refs.yaml", "- ID: x2020\n  type: book\n  title: X\n  issued: someday\n");
    assert.deepEqual(yaml.diagnostics.map((d) => [d.line, d.field, d.message]), [[4, "x2020.issued", 'entry "x2020": "someday" is not a date']]);
    const json = parseBibliographyFile("refs.json", '[\n  {"id": "a", "type": "book", "title": "A"},\n  {"ID": "x2020", "type": "book", "title": "X", "issued": "someday"}\n]');
    assert.deepEqual(json.diagnostics.map((d) => [d.line, d.field]), [[3, "x2020.issued"]]);
  });
});

describe("several people in one BibTeX name", () => {
  const article = (key: string, author: string) => `@article{${key}, author = {${author}}, title = {T}, journal = {J}, year = 2016}`;

  it("plugin-bibtex reads them as one odd person, dropping the others without a word", async () => {
    const { Cite } = await import("@citation-js/core");
    const read = (author: string) => new Cite(article("a", author), { forceType: "@biblatex/text", generateGraph: false }).data[0].author;
    assert.deepEqual(read("Smith, John, Jones, Kate"), [{ family: "Smith" }]);
    assert.deepEqual(read("Smith J, Jones K, Lee M"), [{ given: "Lee M", family: "Smith J", suffix: "Jones K" }]);
  });

  it("reports commas and semicolons between people at the field, with the field rewritten with \"and\"", () => {
    const bib = [
      article("a", "Smith, John, Jones, Kate"), // 1
      "@article{b,",
      "  title = {B},",
      "  author = {Smith J, Jones K, Lee M},", // 4
      "  journal = {J}, year = 2016}",
      article("c", "Smith, J., Jones, K."), // 6
      article("d", "Smith, John; World Health Organization"), // 7
      '@article{e, author = "M{\\"u}ller, Hans, {\\"O}zdemir, Ay{\\c{s}}e and Lee, Mai", title = {E}, journal = {J}, year = 2016}', // 8
      "@book{f, editor = {Smith JA, Doe K}, title = {F}, publisher = {P}, year = 2016}", // 9
      article("ok", "Topol, Eric J."),
      "",
    ].join("\n");
    const { entries, diagnostics } = parseBibliographyFile("refs.bib", bib);
    assert.deepEqual(entries.map((e) => e.item.id), ["ok"]);
    const why = "written as one name: BibTeX separates people with \"and\", so it would read them as one person";
    assert.deepEqual(diagnostics.map((d) => [d.file, d.line, d.column, d.field, d.message, d.fix]), [
      ["refs.bib", 1, 13, "a.author", `entry "a": "Smith, John, Jones, Kate" is 2 people ${why}`, 'separate the people with "and": author = {Smith, John and Jones, Kate}'],
      ["refs.bib", 4, 3, "b.author", `entry "b": "Smith J, Jones K, Lee M" is 3 people ${why}`, 'separate the people with "and": author = {Smith, J. and Jones, K. and Lee, M.}'],
      ["refs.bib", 6, 13, "c.author", `entry "c": "Smith, J., Jones, K." is 2 people ${why}`, 'separate the people with "and": author = {Smith, J. and Jones, K.}'],
      ["refs.bib", 7, 13, "d.author", `entry "d": "Smith, John; World Health Organization" is 2 people ${why}`, 'separate the people with "and": author = {Smith, John and {World Health Organization}}'],
      ["refs.bib", 8, 13, "e.author", `entry "e": "M{\\"u}ller, Hans, {\\"O}zdemir, Ay{\\c{s}}e" is 2 people ${why}`, 'separate the people with "and": author = {M{\\"u}ller, Hans and {\\"O}zdemir, Ay{\\c{s}}e and Lee, Mai}'],
      ["refs.bib", 9, 10, "f.editor", `entry "f": "Smith JA, Doe K" is 2 people ${why}`, 'separate the people with "and": editor = {Smith, J. A. and Doe, K.}'],
    ]);
  });

  it("reports more commas than a name has, and a second comma that would make a given name a suffix", () => {
    const { diagnostics } = parseBibliographyFile("refs.bib", `${article("a", "Smith, John, Jones, Kate, Lee")}\n${article("b", "Smith, John, Jones")}\n`);
    const fix = 'write each person as "Last, First", separated by "and", e.g. author = {Smith, John and Jones, Kate}';
    assert.deepEqual(diagnostics.map((d) => [d.line, d.field, d.message, d.fix]), [
      [1, "a.author", 'entry "a": "Smith, John, Jones, Kate, Lee" has 4 commas: BibTeX separates people with "and", and one person\'s name has at most two ("von Last, Jr, First")', fix],
      [2, "b.author", 'entry "b": "Smith, John, Jones" has two commas: BibTeX reads it as one person, "von Last, Jr, First", with "John" printed as a suffix such as Jr.', fix],
    ]);
  });

  it("reports \"et al.\" and `and others` with the people, once, the fix leaving them out", () => {
    const { diagnostics } = parseBibliographyFile("refs.bib", `${article("a", "Smith, J., Jones, K., et al.")}\n${article("b", "Smith, John, Jones, Kate and others")}\n`);
    const without = (marker: string) => `without "${marker}" (the citation style writes "et al." itself when there are enough authors; add the others from the work if you can)`;
    assert.deepEqual(diagnostics.map((d) => [d.line, d.field, d.message, d.fix]), [
      [1, "a.author", 'entry "a": "Smith, J., Jones, K., et al." is 2 people and "et al." written as one name: BibTeX separates people with "and", so it would read them as one person', `separate the people with "and", ${without("et al.")}: author = {Smith, J. and Jones, K.}`],
      [2, "b.author", 'entry "b": "Smith, John, Jones, Kate" is 2 people written as one name: BibTeX separates people with "and", so it would read them as one person', `separate the people with "and", ${without("and others")}: author = {Smith, John and Jones, Kate}`],
    ]);
  });

  it("leaves correct BibTeX names alone: \"and\", braces, \"von Last, Jr, First\", particles", () => {
    const bib = [
      article("a", "Smith, John and Jones, Kate"),
      article("b", "{World Health Organization}"),
      article("c", "Smith, Jr., John"),
      article("d", "Gates, III, William H. and van der Berg, Anna and de la Cruz, M."),
      article("e", "{Mayo Clinic, Rochester} and {National Institutes of Health, Office of Science Policy}"),
      article("f", "King, Jr, Martin Luther AND Ortega y Gasset, Jos{\\'e}"),
      article("g", "John Smith and Kate Jones"),
      article("h", "Smith, , John"),
      "",
    ].join("\n");
    const { entries, diagnostics } = parseBibliographyFile("refs.bib", bib);
    assert.deepEqual(diagnostics, []);
    const authors = Object.fromEntries(entries.map((e) => [e.item.id, e.item.author]));
    assert.deepEqual(authors.a, [{ given: "John", family: "Smith" }, { given: "Kate", family: "Jones" }]);
    assert.deepEqual(authors.c, [{ given: "John", family: "Smith", suffix: "Jr." }]);
    assert.deepEqual(authors.e, [{ family: "Mayo Clinic, Rochester" }, { family: "National Institutes of Health, Office of Science Policy" }]);
  });
});

describe("an organisation whose name has a comma, in a shared bibliography", () => {
  it("is an error in a .bib file, the fix putting it in a second pair of braces", () => {
    const bib = [
      "@report{a, author = {Mayo Clinic, Rochester}, title = {A}, year = 2016}",
      "@report{b, author = {Pew Research Center, Inc.}, title = {B}, year = 2016}",
      "@report{c, author = {National Institutes of Health, Office of Science Policy and Smith, John}, title = {C}, year = 2016}",
      "",
    ].join("\n");
    const { entries, diagnostics } = parseBibliographyFile("refs.bib", bib);
    assert.deepEqual(entries, []);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.field, d.message, d.fix]), [
      [1, "a.author", 'entry "a": BibTeX reads "Mayo Clinic, Rochester" as a person, "Last, First", with the given name "Rochester", printed "Mayo Clinic, R."; but "Clinic" is a word of an organisation\'s name', "if it is one organisation, put it in a second pair of braces, which keeps an organisation's name whole: author = {{Mayo Clinic, Rochester}}"],
      [2, "b.author", 'entry "b": BibTeX reads "Pew Research Center, Inc." as a person, "Last, First", with the given name "Inc.": it would be printed as a person', "put it in a second pair of braces, which keeps an organisation's name whole: author = {{Pew Research Center, Inc.}}"],
      [3, "c.author", 'entry "c": BibTeX reads "National Institutes of Health, Office of Science Policy" as a person, "Last, First", with the given name "Office of Science Policy", printed "National Institutes of Health, O. of S. P."; but "Institutes" is a word of an organisation\'s name', 'if it is one organisation, put it in a second pair of braces, which keeps an organisation\'s name whole: author = {{National Institutes of Health, Office of Science Policy} and Smith, John}; if it is 2 authors, separate them with "and": author = {{National Institutes of Health} and {Office of Science Policy} and Smith, John}'],
    ]);
  });

  it("is an error in CSL YAML and CSL JSON files, the fix in the file's syntax", () => {
    const yaml = parseBibliographyFile("refs.yaml", '- id: a\n  type: report\n  title: A\n  author: "Mayo Clinic, Rochester"\n- id: b\n  type: report\n  title: B\n  author: "Pew Research Center, Inc."\n');
    assert.deepEqual(yaml.entries.map((e) => [e.item.id, e.item.author]), [["b", [{ literal: "Pew Research Center, Inc." }]]]);
    assert.deepEqual(yaml.diagnostics.map((d) => [d.line, d.field, d.fix]), [[4, "a.author", 'if it is one organisation, write it with `literal:`, which keeps it as written:\n  author:\n    - literal: "Mayo Clinic, Rochester"']]);
    const json = parseBibliographyFile("refs.json", '[\n  {"id": "a", "type": "report", "title": "A", "author": ["Mayo Clinic, Rochester"]}\n]');
    assert.deepEqual(json.diagnostics.map((d) => [d.line, d.field, d.fix]), [[2, "a.author[0]", 'if it is one organisation, write it as {"literal": "Mayo Clinic, Rochester"}, which keeps it as written']]);
  });
});

describe('a person\'s name written "Given Family", in a shared bibliography', () => {
  const MESSAGE = 'entry "a": "Kate Doe" is read as an organisation\'s name: it is printed as written and sorted under "Kate"';
  const PERSON = "if it is a person, write the family name first, then a comma";
  const ORGANISATION = "if it is an organisation, write it with `literal:`, which keeps it as written";

  it("is a warning at its line in CSL YAML and CSL JSON files, the entry kept, the fix in the file's syntax", () => {
    const yaml = parseBibliographyFile("refs.yaml", "- id: a\n  type: report\n  title: A\n  author:\n    - Smailhodzic, Edin\n    - Kate Doe\n");
    assert.deepEqual(yaml.entries.map((e) => [e.item.id, e.item.author]), [["a", [{ family: "Smailhodzic", given: "Edin" }, { literal: "Kate Doe" }]]]);
    assert.deepEqual(yaml.diagnostics.map((d) => [d.severity, d.file, d.line, d.field, d.message, d.fix]), [
      ["warning", "refs.yaml", 6, "a.author[1]", MESSAGE, `${PERSON}:\n    - Doe, Kate\n${ORGANISATION}:\n    - literal: Kate Doe`],
    ]);
    const json = parseBibliographyFile("refs.json", '[\n  {"id": "b", "type": "report", "title": "B"},\n  {"id": "a", "type": "report", "title": "A", "author": "Kate Doe"}\n]');
    assert.deepEqual(json.entries.map((e) => e.item.id), ["b", "a"]);
    assert.deepEqual(json.diagnostics.map((d) => [d.severity, d.line, d.field, d.message, d.fix]), [
      ["warning", 3, "a.author", MESSAGE, `${PERSON}: "author": "Doe, Kate"; ${ORGANISATION}: "author": [{"literal": "Kate Doe"}]`],
    ]);
  });

  it("is not told for a .bib file: BibTeX reads \"Kate Doe\" as a person, and braces keep an organisation whole", () => {
    const bib = "@report{a, author = {Kate Doe and J. Smith and Ludwig van Beethoven and Jos\\'e N\\'u\\~nez and {Klick Health} and Plato}, title = {A}, year = 2016}\n";
    const { entries, diagnostics } = parseBibliographyFile("refs.bib", bib);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(entries[0]!.item.author, [
      { given: "Kate", family: "Doe" }, { given: "J.", family: "Smith" }, { given: "Ludwig", family: "Beethoven", "non-dropping-particle": "van" },
      { given: "José", family: "Núñez" }, { family: "Klick Health" }, { family: "Plato" },
    ]);
  });

  it("leaves the entry usable in the site's bibliography, the warning not an error", () => {
    const root = mkdtempSync(path.join(tmpdir(), "chatpost-bib-"));
    writeFileSync(path.join(root, "refs.yaml"), "- id: a\n  type: report\n  title: A\n  author: Kate Doe\n");
    const { entries, diagnostics } = loadSharedBibliography(root, ["refs.yaml"]);
    assert.deepEqual([...entries.keys()], ["a"]);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.field]), [["warning", 4, "a.author"]]);
  });
});

describe("markdown and HTML in a shared bibliography's text", () => {
  const bibtex = (text: string) => parseBibliographyFile("refs.bib", text);

  it("plugin-bibtex makes BibTeX's own markup citeproc's tags, passes <i> on, and leaves the rest as typed", () => {
    const { entries } = bibtex(
      "@article{a, title = {Why {\\em Lancet}, \\textit{BMJ}, \\textbf{b}, H\\textsubscript{2}O and <i>JAMA</i>}, journal = {J}, year = 2001}\n" +
        "@article{b, title = {Why *Lancet*, <em>BMJ</em> and Q\\&amp;A}, journal = {J}, year = 2001}\n",
    );
    assert.deepEqual(entries.map((e) => e.item.title), ["Why <i>Lancet</i>, <i>BMJ</i>, <b>b</b>, H<sub>2</sub>O and <i>JAMA</i>", "Why *Lancet*, <em>BMJ</em> and Q&amp;A"]);
  });

  it("warns at the .bib field of what would be printed as typed, the fix in BibTeX, which reads back as citeproc's tags", () => {
    const bib = [
      "@article{fine, title = {Why {\\em Lancet} and <i>BMJ</i>}, journal = {J}, year = 2001}",
      "@article{md,",
      "  title   = {Why *Lancet* and <em>BMJ</em>},",
      "  journal = {Q\\&amp;A {NEJM}},",
      "  year    = 2001",
      "}",
    ].join("\n");
    const { entries, diagnostics } = bibtex(bib);
    assert.equal(entries.length, 2, "the entries are kept");
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field]), [
      ["warning", 3, 3, "md.title"],
      ["warning", 4, 3, "md.journal"],
    ]);
    const [title, journal] = diagnostics;
    assert.equal(title!.message, 'entry "md": `title` is shown as typed: a reference reads no markdown, and no HTML but <i>, <b>, <sup>, <sub> and <sc>: readers would see the tags "<em>" and "</em>" and the asterisks in "*Lancet*"');
    assert.equal(title!.fix, "write italics as \\textit{…} and bold as \\textbf{…}: title = {Why \\textit{Lancet} and \\textit{BMJ}}");
    assert.equal(journal!.fix, "write it without the markup: journal = {Q\\&A {NEJM}}");
    // Pasted in, the fixes give what citeproc reads.
    const fixed = bibtex(`@article{md, ${title!.fix.split(": ").at(-1)}, ${journal!.fix.split(": ").at(-1)}, year = 2001}`);
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(fixed.entries[0]!.item.title, "Why <i>Lancet</i> and <i>BMJ</i>");
    assert.equal(fixed.entries[0]!.item["container-title"], "Q&A NEJM");
  });

  it("warns of an unclosed or stray tag in a .bib entry", () => {
    const { diagnostics } = bibtex("@article{a, title = {Unclosed <i>The Lancet}, journal = {Stray </i> close}, year = 2001}\n");
    assert.deepEqual(diagnostics.map((d) => [d.field, d.message, d.fix]), [
      ["a.title", 'entry "a": `title` has a tag without its pair, which is shown as typed: readers would see the tag "<i>", which is never closed', 'add "</i>" where it should end, or remove "<i>": title = {Unclosed The Lancet}'],
      ["a.journal", 'entry "a": `journal` has a tag without its pair, which is shown as typed: readers would see the tag "</i>", which closes nothing', 'remove "</i>": journal = {Stray close}'],
    ]);
  });

  it("says nothing of what BibTeX escapes, of names, addresses and notes, nor of plain text", () => {
    const { diagnostics } = bibtex(
      "@article{a, title = {Use of \\_snake\\_ and a\\_b, R\\&D, 5*3, x < y, $x_1$ and \\url{https://example.org/a_b_}}, author = {Doe, Jane}, journal = {J}, year = 2001,\n" +
        "  url = {https://example.org/*x*}, note = {**not printed**}, abstract = {<em>not printed</em>}}\n",
    );
    assert.deepEqual(diagnostics, []);
  });

  it("warns in CSL YAML and CSL JSON files at the field or the entry, the fix in the file's syntax", () => {
    const yaml = parseBibliographyFile("refs.yaml", "references:\n  - id: a\n    type: book\n    title: Why *Lancet* matters\n    publisher: Stray </b> Press\n");
    assert.deepEqual(yaml.entries.map((e) => e.item.id), ["a"]);
    assert.deepEqual(yaml.diagnostics.map((d) => [d.severity, d.line, d.field, d.fix]), [
      ["warning", 4, "a.title", "write italics as <i>…</i> and bold as <b>…</b>, which references read: title: Why <i>Lancet</i> matters"],
      ["warning", 5, "a.publisher", 'remove "</b>": publisher: Stray Press'],
    ]);
    const json = parseBibliographyFile("refs.json", '[\n  {"id": "b", "type": "book", "title": "Plain"},\n  {"id": "a", "type": "book",\n   "title": "Why <em>Lancet</em>"}\n]');
    assert.deepEqual(json.diagnostics.map((d) => [d.severity, d.line, d.field, d.message, d.fix]), [
      ["warning", 4, "a.title", 'entry "a": `title` is shown as typed: a reference reads no markdown, and no HTML but <i>, <b>, <sup>, <sub> and <sc>: readers would see the tags "<em>" and "</em>"', 'write italics as <i>…</i> and bold as <b>…</b>, which references read: "title": "Why <i>Lancet</i>"'],
    ]);
  });
});
