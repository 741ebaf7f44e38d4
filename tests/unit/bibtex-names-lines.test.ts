// PubMed's "Smith JA" in a .bib file, which BibTeX reads as given name Smith, family name JA
// (printed "JA, S.") without a word; and the line and column of normaliseItem's problems in a
// bibliography file: the field the problem is about, not the entry's first line.
import assert from "node:assert/strict";
import { Cite } from "@citation-js/core";
import { describe, it } from "node:test";
import { parseBibliographyFile } from "../../lib/bibliography.ts";
import { formatBibliography } from "../../lib/citations.ts";
import type { CslItem } from "../../lib/csl-normalise.ts";

const bibtex = (text: string) => parseBibliographyFile("refs.bib", text);
/** An article whose author field is on line 3, at column 3. */
const article = (author: string, field = "author") => `@article{a,\n  title = {T},\n  ${field} = {${author}},\n  journal = {J},\n  year = 2020\n}\n`;
/** The field a fix writes, e.g. "{Smith, J. A.}" from "…: author = {Smith, J. A.}"; `n` for the n-th of several. */
const fixed = (fix: string, field = "author", n = 0) => [...fix.matchAll(new RegExp(`${field} = (\\{.*?\\})(?:;|$)`, "g"))][n]?.[1];
const apa = (item: CslItem) => formatBibliography([item], { style: "apa", locale: "en-US" })[0]!.html.replace(/<[^>]+>/g, "");
const READS = "BibTeX reads a name without a comma as given names, then the family name";
const DOTS = "write the family name first, then a comma and the initials with full stops";

describe('PubMed\'s "Smith JA" in a .bib file', () => {
  it("is read by plugin-bibtex as given name Smith, family name JA, and printed \"JA, S.\"", () => {
    const read = new Cite(article("Smith JA"), { forceType: "@biblatex/text", generateGraph: false }).data[0];
    assert.deepEqual(read.author, [{ given: "Smith", family: "JA" }]);
    assert.equal(apa(bibtex(article("Smith JA")).entries[0]!.item), "JA, S. (2020). T. J.");
  });

  it("is a warning at the field's line and column, the entry kept, the fix in BibTeX", () => {
    const { entries, diagnostics } = bibtex(article("Smith JA"));
    assert.equal(entries.length, 1, "the entry is still cited meanwhile");
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.file, d.line, d.column, d.field, d.message, d.fix]), [[
      "warning", "refs.bib", 3, 3, "a.author",
      `entry "a": "Smith JA" would be printed "JA, S.": ${READS}, so it takes "JA" for the family name and "Smith" for a given name`,
      `${DOTS}: author = {Smith, J. A.}`,
    ]]);
  });

  it("is fixed by the fix: read again, it warns no more and prints \"Smith, J. A.\"", () => {
    const fix = bibtex(article("Smith JA")).diagnostics[0]!.fix!;
    const again = bibtex(article(fixed(fix)!.slice(1, -1)));
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(again.entries[0]!.item.author, [{ family: "Smith", given: "J. A." }]);
    assert.equal(apa(again.entries[0]!.item), "Smith, J. A. (2020). T. J.");
  });

  it("rewrites each such person of the field, keeps the others as written, and writes \"Doe, KL\" with full stops", () => {
    const { diagnostics } = bibtex(article("Smith JA and Topol, Eric J. and Lee M and Doe, KL and {World Health Organization}"));
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.message, d.fix]), [[
      "warning", 3, 3,
      `entry "a": "Smith JA" and "Lee M" would be printed "JA, S." and "M, L.": ${READS}, so it takes the initials for family names`,
      `${DOTS}: author = {Smith, J. A. and Topol, Eric J. and Lee, M. and Doe, K. L. and {World Health Organization}}`,
    ]]);
    const again = bibtex(article(fixed(diagnostics[0]!.fix!)!.slice(1, -1)));
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(again.entries[0]!.item.author, [
      { family: "Smith", given: "J. A." }, { family: "Topol", given: "Eric J." }, { family: "Lee", given: "M." }, { family: "Doe", given: "K. L." }, { family: "World Health Organization" },
    ]);
  });

  it("is told in an editor field at its own line, and keeps LaTeX and particles as written", () => {
    const { diagnostics } = bibtex('@book{b,\n  title = {B},\n  publisher = {P},\n    editor = {M{\\"u}ller JA and van der Berg K},\n  year = 2019\n}\n');
    assert.deepEqual(diagnostics.map((d) => [d.line, d.column, d.field, d.message, d.fix]), [[
      4, 5, "b.editor",
      `entry "b": "M{\\"u}ller JA" and "van der Berg K" would be printed "JA, M." and "van der Berg K": ${READS}, so it takes the initials for family names`,
      `${DOTS}: editor = {M{\\"u}ller, J. A. and van der Berg, K.}`,
    ]]);
    const again = bibtex(`@book{b, title = {B}, publisher = {P}, editor = ${fixed(diagnostics[0]!.fix!, "editor")}, year = 2019}`);
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(again.entries[0]!.item.editor, [{ family: "Müller", given: "J. A." }, { family: "Berg", given: "K.", "non-dropping-particle": "van der" }]);
  });

  it("describes a name with a particle as BibTeX reads it: the family name, initials and all", () => {
    assert.equal(
      bibtex(article("de la Cruz M")).diagnostics[0]!.message,
      `entry "a": "de la Cruz M" would be printed "de la Cruz M": ${READS}, so it takes "de la Cruz M" for the family name, initials and all, with no given name`,
    );
  });

  it("with `and others`, is an error as `and others` is, the fix leaving it out", () => {
    const { entries, diagnostics } = bibtex(article("Smith JA and others"));
    assert.deepEqual(entries, []);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.fix]), [[
      "error", 3, 3,
      `${DOTS}, without "and others" (the citation style writes "et al." itself when there are enough authors; add the others from the work if you can): author = {Smith, J. A.}`,
    ]]);
  });

  it("is not told for real names, organisations, initials with full stops or a name in braces", () => {
    for (const name of [
      "John Smith", "Kate Doe", "Ng Wei", "Smith, J. A.", "Smith, John A.", "{NHS England}", "{{World Health Organization}}", "Diabetes UK",
      "Bayer AG", "{Smith JA}", "Smith J. A.", "{Mayo Clinic IT}", "J. A. Smith",
    ]) {
      assert.deepEqual(bibtex(article(name)).diagnostics.map((d) => d.message), [], name);
    }
    // A degree or a title is no initials: told as what it is (tests/unit/bb-bibtex-slips.test.ts).
    for (const name of ["Kate Doe MD", "Dr Smith JA"]) {
      assert.deepEqual(bibtex(article(name)).diagnostics.map((d) => d.message.replace(/: it would be printed.*/, "")), [`entry "a": "${name}" has "${name.startsWith("Dr") ? "Dr" : "MD"}" in it, which BibTeX reads as part of the name`], name);
    }
  });
});

describe('"Kate DOE" in a .bib file: a family name in capitals, or PubMed\'s initials', () => {
  const both = (word: string, family: string, initials: string, s = "", one = true) =>
    `if ${word} ${one ? "is the family name, write it" : "are family names, write each"} first, then a comma and the given name: author = {${family}}; ` +
    `if ${one ? `${word} are initials` : "they are initials"}, ${DOTS}: author = {${initials}}${s}`;

  it("is a warning with both readings, the family name first, as in front matter", () => {
    const { entries, diagnostics } = bibtex(article("Kate DOE"));
    assert.equal(entries.length, 1);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.message, d.fix]), [[
      "warning", 3, 3,
      `entry "a": "Kate DOE" would be printed "DOE, K.": ${READS}; "DOE" may be the family name written in capitals, or initials after the family name, as PubMed writes them`,
      both('"DOE"', "Doe, Kate", "Kate, D. O. E."),
    ]]);
    assert.equal(bibtex(article("Kate DOE and Mary Ann LEE")).diagnostics[0]!.fix, both('"DOE" and "LEE"', "Doe, Kate and Lee, Mary Ann", "Kate, D. O. E. and Mary Ann, L. E. E.", "", false));
  });

  it("is fixed by either reading", () => {
    const fix = bibtex(article("Smith LEE")).diagnostics[0]!.fix!;
    assert.equal(fix, both('"LEE"', "Lee, Smith", "Smith, L. E. E."));
    const asFamily = bibtex(article(fixed(fix, "author", 0)!.slice(1, -1)));
    const asInitials = bibtex(article(fixed(fix, "author", 1)!.slice(1, -1)));
    assert.deepEqual([asFamily.diagnostics, asInitials.diagnostics], [[], []]);
    assert.deepEqual([asFamily.entries[0]!.item.author, asInitials.entries[0]!.item.author], [[{ family: "Lee", given: "Smith" }], [{ family: "Smith", given: "L. E. E." }]]);
  });

  it("is read as PubMed's beside a name that surely is, and not read so for capitals that are no word (JKR)", () => {
    assert.equal(bibtex(article("Smith JA and Kate DOE")).diagnostics[0]!.fix, `${DOTS}: author = {Smith, J. A. and Kate, D. O. E.}`);
    assert.equal(bibtex(article("Smith JKR")).diagnostics[0]!.fix, `${DOTS}: author = {Smith, J. K. R.}`);
  });
});

describe('"Smith JA" in CSL YAML and CSL JSON (already told by normaliseItem)', () => {
  it("is a warning at the name's line and column, the fix in the file's syntax", () => {
    const yaml = parseBibliographyFile("refs.yaml", "- id: a\n  type: book\n  title: A\n  author:\n    - Smith JA\n");
    assert.deepEqual(yaml.diagnostics.map((d) => [d.severity, d.line, d.column, d.field]), [["warning", 5, 7, "a.author[0]"]]);
    assert.match(yaml.diagnostics[0]!.fix!, /^if it is a person, write the family name first, then a comma and the initials with full stops:\n {4}- Smith, J\. A\./);
    const json = parseBibliographyFile("refs.json", '[\n  {"id": "a", "type": "book", "title": "A",\n   "author": ["Smith JA"]}\n]');
    assert.deepEqual(json.diagnostics.map((d) => [d.severity, d.line, d.column, d.field]), [["warning", 3, 15, "a.author[0]"]]);
  });
});

describe("the line and column of an entry's problem in a bibliography file", () => {
  it("in a .bib file, is the BibTeX field the CSL field is made of", () => {
    const bib = [
      "@article{a,", // 1
      "  title = {T},",
      "  journal = {J},",
      "  year = {2020}, month = {13},", // 4: issued
      "  doi = {see the paper},", // 5: DOI
      "     url = {www.example.org/x}", // 6: URL
      "}",
    ].join("\n");
    assert.deepEqual(bibtex(bib).diagnostics.map((d) => [d.line, d.column, d.field, d.message]), [
      [5, 3, "a.DOI", 'entry "a": "see the paper" is not a DOI: a DOI starts with 10. and has a / in it'],
      [4, 3, "a.issued", 'entry "a": "[[2020,13]]" is not a date'],
      [6, 6, "a.URL", 'entry "a": "www.example.org/x" is not a web address'],
    ]);
  });

  it("in a .bib file, is the last of a field written twice, which plugin-bibtex keeps", () => {
    const { diagnostics } = bibtex("@article{a,\n  title = {T},\n  doi = {10.1000/x},\n  doi = {see the paper},\n  year = 2020\n}\n");
    assert.deepEqual(diagnostics.map((d) => [d.line, d.column, d.field]), [[4, 3, "a.doi"], [4, 3, "a.DOI"]]);
  });

  it("in a .bib file, is the entry's line when it has no such field, and the second entry's key for a key used twice", () => {
    assert.deepEqual(bibtex("% refs\n@article{a,\n  journal = {J},\n  year = 2020\n}\n").diagnostics.map((d) => [d.line, d.column, d.field, d.message]), [
      [2, undefined, "a.title", 'entry "a": the reference has no title'],
    ]);
    assert.deepEqual(bibtex("@book{a, title = {A}, year = 2000}\n\n@book{ a,\n  title = {B},\n  year = 2001}\n").diagnostics.map((d) => [d.line, d.column, d.field]), [[3, 8, "a.id"]]);
  });

  it("in a CSL YAML file, is the field's key, with its column", () => {
    const { diagnostics } = parseBibliographyFile("refs.yaml", "references:\n  - id: a\n    type: book\n    title: A\n    issued: someday\n    DOI: see the paper\n");
    assert.deepEqual(diagnostics.map((d) => [d.line, d.column, d.field]), [[5, 5, "a.issued"], [6, 5, "a.DOI"]]);
  });

  it("in a CSL JSON file, is the field's key, with its column; the id's line when the entry has no such field", () => {
    const json = ["[", '  {"id": "b", "type": "book", "title": "B"},', "  {", '    "id": "a",', '    "type": "book",', '    "issued": "someday",', '    "DOI": "see the paper"', "  }", "]"].join("\n");
    assert.deepEqual(parseBibliographyFile("refs.json", json).diagnostics.map((d) => [d.line, d.column, d.field, d.message]), [
      [6, 5, "a.issued", 'entry "a": "someday" is not a date'],
      [7, 5, "a.DOI", 'entry "a": "see the paper" is not a DOI: a DOI starts with 10. and has a / in it'],
      [4, undefined, "a.title", 'entry "a": the reference has no title'],
    ]);
    // Tabs before the fields, which JSON allows: the yaml package reads them too.
    const tabs = parseBibliographyFile("refs.json", '[\n\t{\n\t\t"id": "a",\n\t\t"type": "book",\n\t\t"title": "A",\n\t\t"issued": "someday"\n\t}\n]');
    assert.deepEqual(tabs.diagnostics.map((d) => [d.line, d.column, d.field]), [[6, 3, "a.issued"]]);
  });
});
