// Names the citation style misreads, continued: organisations that start with their acronym
// ("NHS England"), initials run together after a comma ("Smith, JA", in YAML, CSL JSON and
// BibTeX), a family name in capitals that could be initials ("Kate DOE"), and the full stops of
// the initials in every fix.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBibliographyFile } from "../../lib/bibliography.ts";
import { formatBibliography } from "../../lib/citations.ts";
import { dotted, normaliseItem, type CslItem } from "../../lib/csl-normalise.ts";

const base = { id: "a", type: "report", title: "T", issued: 2020 };
const ORGANISATION = "if it is an organisation, write it with `literal:`, which keeps it as written";
const ONE_LETTER = (given: string) => `the citation style reads "${given}" as one given name, not as initials, and prints only its first letter`;

/** Each problem as [path, severity, message, fix], and the item (undefined when there is an error). */
function read(author: unknown, syntax?: "yaml" | "json" | "bibtex") {
  const { item, problems } = normaliseItem({ ...base, author }, { syntax });
  return { item, problems: problems.map((p) => [p.path.join("."), p.severity ?? "error", p.message, p.fix]) };
}
/** A .bib file's diagnostics for one entry's author field, as [field, severity, message, fix]. */
function bib(author: string) {
  const { entries, diagnostics } = parseBibliographyFile("refs.bib", `@article{a, author = {${author}}, title = {T}, journal = {J}, year = 2020}`);
  return { entries, diagnostics: diagnostics.map((d) => [d.field, d.severity, d.message, d.fix]) };
}
const apa = (item: CslItem) => formatBibliography([item], { style: "apa", locale: "en-US" })[0]!.html.replace(/<[^>]+>/g, "");

describe('an organisation that starts with its acronym, "NHS England"', () => {
  it("gets no warning: it is not a given name then a family name", () => {
    const names = ["NHS England", "WHO Europe", "UK Biobank", "CDC Foundation", "NHS England and NHS Improvement"];
    const { item, problems } = read(names);
    assert.deepEqual(problems, []);
    assert.deepEqual(item!.author, names.map((literal) => ({ literal })));
    assert.deepEqual(read("NHS England", "json").problems, []);
  });

  it("is kept as written in the list of people written in one entry", () => {
    assert.deepEqual(read(["Smith, John and NHS England"]).problems, [[
      "author.0", "error", '"Smith, John and NHS England" is 2 people written as one name: it would be printed as one person',
      "write one person per line, in place of this one:\n    - Smith, John\n    - NHS England",
    ]]);
  });

  it('still reads PubMed\'s "Smith JA", whose initials come after the family name, and "Kate Doe"', () => {
    assert.equal(read(["Smith JA"]).problems[0]![3], `if it is a person, write the family name first, then a comma and the initials with full stops:\n    - Smith, J. A.\n${ORGANISATION}:\n    - literal: Smith JA`);
    assert.equal(read(["Kate Doe"]).problems[0]![3], `if it is a person, write the family name first, then a comma:\n    - Doe, Kate\n${ORGANISATION}:\n    - literal: Kate Doe`);
  });
});

describe('initials run together after the family name, "Smith, JA"', () => {
  it("is a warning in front matter, with the initials written with full stops, the name kept meanwhile", () => {
    const { item, problems } = read(["Smith, JA", "García Márquez, GJ", "van der Berg, JK", "Smith, JA, Jr."]);
    assert.deepEqual(item!.author, [
      { family: "Smith", given: "JA" }, { family: "García Márquez", given: "GJ" }, { family: "van der Berg", given: "JK" }, { family: "Smith", given: "JA", suffix: "Jr." },
    ]);
    assert.deepEqual(problems, [
      ["author.0", "warning", `"Smith, JA" would be printed "Smith, J.": ${ONE_LETTER("JA")}`, "write the initials with full stops:\n    - Smith, J. A."],
      ["author.1", "warning", `"García Márquez, GJ" would be printed "García Márquez, G.": ${ONE_LETTER("GJ")}`, "write the initials with full stops:\n    - García Márquez, G. J."],
      ["author.2", "warning", `"van der Berg, JK" would be printed "van der Berg, J.": ${ONE_LETTER("JK")}`, "write the initials with full stops:\n    - van der Berg, J. K."],
      ["author.3", "warning", `"Smith, JA, Jr." would be printed "Smith, J., Jr.": ${ONE_LETTER("JA")}`, "write the initials with full stops:\n    - Smith, J. A., Jr."],
    ]);
    // What the warning is about, and the fix printed.
    assert.equal(apa(item!).startsWith("Smith, J., García Márquez, G."), true);
    assert.equal(apa(read("Smith, J. A.").item!), "Smith, J. A. (2020). T.");
  });

  it("shows the whole field for its only name, {family, given} as written, and JSON in a CSL JSON file", () => {
    assert.equal(read("Smith, JA").problems[0]![3], "write the initials with full stops:\n  author: Smith, J. A.");
    assert.deepEqual(read([{ family: "Smith", given: "JA" }]).problems, [["author.0", "warning", `"Smith, JA" would be printed "Smith, J.": ${ONE_LETTER("JA")}`, "write the initials with full stops:\n    - {family: Smith, given: J. A.}"]]);
    assert.equal(read("Smith, JA", "json").problems[0]![3], 'write the initials with full stops: "author": "Smith, J. A."');
    assert.equal(read([{ family: "Smith", given: "JA" }], "json").problems[0]![3], 'write the initials with full stops: {"family": "Smith", "given": "J. A."}');
  });

  it("offers both readings when the capitals could be a given name, \"Lee, ANN\"", () => {
    assert.deepEqual(read(["Lee, ANN"]).problems, [[
      "author.0", "warning",
      '"Lee, ANN" would be printed "Lee, A.": the citation style reads "ANN" as one given name; if it is initials run together, all but the first are lost',
      'if "ANN" are initials, write them with full stops:\n    - Lee, A. N. N.\nif "ANN" is a given name, write it with small letters after the first:\n    - Lee, Ann',
    ]]);
  });

  it("is not told for given names, initials with full stops, a country or legal form, or a degree after a whole name", () => {
    const names = ["Doe, Al", "Doe, Jo", "Smith, J. A.", "Smith, J.A.", "Smith, J", "Smith, John", "Müller, AG", "Kate Doe, MA", { family: "Doe", given: "Al" }, { literal: "Smith, JA" }];
    assert.deepEqual(read(names).problems, []);
  });

  it("is a warning in a .bib file, for `Smith, JA` and `JA Smith` alike, with the field rewritten", () => {
    for (const written of ["Smith, JA", "JA Smith"]) {
      assert.deepEqual(bib(written).diagnostics, [["a.author", "warning", `entry "a": "Smith, JA" would be printed "Smith, J.": ${ONE_LETTER("JA")}`, "write the initials with full stops: author = {Smith, J. A.}"]], written);
    }
    assert.deepEqual(bib("Doe, Kate and Smith, JA and Lee, KL").diagnostics, [[
      "a.author", "warning",
      'entry "a": "Smith, JA" and "Lee, KL" would be printed "Smith, J." and "Lee, K.": the citation style reads initials run together as one given name and prints only the first',
      "write the initials with full stops: author = {Doe, Kate and Smith, J. A. and Lee, K. L.}",
    ]]);
    assert.deepEqual(bib("Lee, ANN").diagnostics, [[
      "a.author", "warning",
      'entry "a": "Lee, ANN" would be printed "Lee, A.": the citation style reads "ANN" as one given name; if it is initials run together, all but the first are lost',
      'if "ANN" are initials, write them with full stops: author = {Lee, A. N. N.}; if "ANN" is a given name, write it with small letters after the first: author = {Lee, Ann}',
    ]]);
    // The entry is still cited meanwhile.
    assert.equal(bib("Smith, JA").entries.length, 1);
  });

  it("is not told in a .bib file for a name in braces, which BibTeX keeps whole as written", () => {
    // `{Smith JA}` is the .bib file's way of saying "print this as written", as `literal:` is in YAML.
    const { entries, diagnostics } = bib("{Smith JA} and Smith, J. A. and Doe, Jo");
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(entries[0]!.item.author, [{ family: "Smith JA" }, { family: "Smith", given: "J. A." }, { family: "Doe", given: "Jo" }]);
  });

  it('writes the full stops in the "and others" fix of a .bib file', () => {
    assert.match(String(bib("Smith, JA and others").diagnostics[0]![3]), /: author = \{Smith, J\. A\.\}$/);
  });
});

describe('a family name in capitals that could be initials, "Kate DOE"', () => {
  it("is a warning with both readings, family name first, then PubMed's initials, then an organisation", () => {
    const { item, problems } = read(["Kate DOE"]);
    assert.deepEqual(item!.author, [{ literal: "Kate DOE" }]);
    assert.deepEqual(problems, [[
      "author.0", "warning",
      '"Kate DOE" is read as an organisation\'s name and printed as written; if it is a person, "DOE" may be the family name written in capitals, or initials after the family name, as PubMed writes them',
      'if "DOE" is the family name, write it first, then a comma and the given name:\n    - Doe, Kate\n' +
        'if "DOE" are initials, write the family name first, then a comma and the initials with full stops:\n    - Kate, D. O. E.\n' +
        `${ORGANISATION}:\n    - literal: Kate DOE`,
    ]]);
    assert.equal(String(read("Mary Ann LEE").problems[0]![3]).split("\n").slice(0, 4).join("\n"), 'if "LEE" is the family name, write it first, then a comma and the given name:\n  author: Lee, Mary Ann\nif "LEE" are initials, write the family name first, then a comma and the initials with full stops:\n  author: Mary Ann, L. E. E.');
    assert.equal(read(["Kate DOE"], "json").problems[0]![3], `if "DOE" is the family name, write it first, then a comma and the given name: "Doe, Kate"; if "DOE" are initials, write the family name first, then a comma and the initials with full stops: "Kate, D. O. E."; ${ORGANISATION}: {"literal": "Kate DOE"}`);
  });

  it('still gives PubMed\'s fix alone for initials that are no word ("Smith JA", "Smith J", "Smith JKR"), after a particle, or among PubMed names', () => {
    const fix = (person: string, written: string) => `if it is a person, write the family name first, then a comma and the initials with full stops:\n    - ${person}\n${ORGANISATION}:\n    - literal: ${written}`;
    for (const [written, person] of [["Smith JA", "Smith, J. A."], ["Smith J", "Smith, J."], ["Smith JKR", "Smith, J. K. R."], ["van der Berg JAK", "van der Berg, J. A. K."]]) {
      assert.equal(read([written]).problems[0]![3], fix(person!, written!), written);
    }
    // "Smith JAK" alone reads both ways; beside "Doe K", it is PubMed's.
    assert.match(String(read(["Smith JAK"]).problems[0]![3]), /^if "JAK" is the family name, write it first, then a comma and the given name:\n {4}- Jak, Smith\nif "JAK" are initials, [^\n]*\n {4}- Smith, J\. A\. K\.\n/);
    assert.deepEqual(read(["Smith JAK", "Doe K"]).problems.map(([, , , f]) => f), [fix("Smith, J. A. K.", "Smith JAK"), fix("Doe, K.", "Doe K")]);
  });

  it("is read as the other people of the entry are written", () => {
    assert.equal(read(["Kate DOE and John Smith"]).problems[0]![3], `if they are 2 people, write one per line, family name first, then a comma:\n    - Doe, Kate\n    - Smith, John\n${ORGANISATION}:\n    - literal: Kate DOE and John Smith`);
  });
});

describe("the full stops of initials in the fix for several people", () => {
  it('writes "Smith, J. A.", not "Smith, JA", in every syntax', () => {
    assert.equal(read("Smith JA, Doe K", "bibtex").problems[0]![3], 'separate the people with "and": author = {Smith, J. A. and Doe, K.}');
    assert.equal(read("Smith JA, Doe K", "json").problems[0]![3], 'write one name per person: "author": ["Smith, J. A.", "Doe, K."]');
    assert.equal(String(read("Smith JA et al.").problems[0]![3]).split("\n").at(-1), "    - Smith, J. A.");
    // A field under another name (`authors:`) is shown rewritten with them too.
    const { problems } = normaliseItem({ ...base, authors: "Smith JA, Doe K" });
    assert.equal(problems[0]!.fix, "write one person per line:\n  author:\n    - Smith, J. A.\n    - Doe, K.");
  });

  it("dotted: full stops after initials run together, anything else as it is", () => {
    assert.equal(dotted("Smith, JA"), "Smith, J. A.");
    assert.equal(dotted("Smith, J.A."), "Smith, J. A.");
    assert.equal(dotted("Doe, Kate"), "Doe, Kate");
    assert.equal(dotted("NHS England"), "NHS England");
  });
});
