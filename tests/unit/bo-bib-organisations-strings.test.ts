// A .bib file's organisation written in single braces, which BibTeX reads as a person (or, split
// at "and", as several), and the slips of an @string line: each told at its line, in the
// writer's words, with the corrected line as the fix, and each fix, applied, reading back clean.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseBibliographyFile } from "../../lib/bibliography.ts";
import { bibtexOrganisation, type CslItem } from "../../lib/csl-normalise.ts";
import { formatBibliography, prepareEngine } from "../../lib/citations.ts";
import { applyLineFix } from "../helpers/line-fixes.ts";

const APA = { style: "apa", locale: "en-US" } as const;
const bib = (text: string) => parseBibliographyFile("refs.bib", text);
/** A report whose name field is on line 2, at column 3. */
const report = (value: string, field = "author") =>
  `@report{who2021,\n  ${field} = {${value}},\n  title = {Global strategy on digital health},\n  year = {2021}\n}\n`;
const apa = (item: CslItem) => {
  prepareEngine(APA as any);
  return formatBibliography([item], APA as any)[0]!.html.replace(/<[^>]+>/g, "").replace(/&#38;/g, "&");
};

/** The fields a fix writes ("…: author = {…}"), in order. */
const fieldLines = (fix: string, field: string) => [...fix.matchAll(new RegExp(`${field} = (\\{.*?\\})(?=;|$)`, "g"))].map((m) => m[1]!);

/** The .bib text read back with a name field's value replaced, and the problems it still has. */
function readBack(value: string, field = "author") {
  const { entries, diagnostics } = bib(report(value.slice(1, -1), field));
  assert.deepEqual(diagnostics, [], value);
  assert.equal(entries.length, 1);
  return entries[0]!.item;
}

describe("an organisation in single braces in a .bib name list", () => {
  it("alone is an error that shows how it would be printed, and the field with a second pair of braces", () => {
    const { entries, diagnostics } = bib(report("World Health Organization"));
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field, d.message, d.fix]), [[
      "error", 2, 3, "who2021.author",
      'entry "who2021": BibTeX reads "World Health Organization" as a person, "First Last", printed "Organization, W. H."; but "Organization" is a word of an organisation\'s name',
      "put the organisation's name in a second pair of braces, which keeps it whole: author = {{World Health Organization}}",
    ]]);
    // An error, as an organisation with a comma is: the entry is not printed under a wrong name meanwhile.
    assert.equal(entries.length, 0);
    const item = readBack("{{World Health Organization}}");
    assert.deepEqual(item.author, [{ family: "World Health Organization" }]);
    assert.match(apa(item), /^World Health Organization\. \(2021\)/);
  });

  it("among people is braced alone, the people kept as written, in author, editor and bookauthor", () => {
    for (const field of ["author", "editor", "bookauthor"]) {
      const d = bib(report("Smith, John and World Health Organization and Doe, Jane", field)).diagnostics;
      assert.equal(d.length, 1, JSON.stringify(d));
      assert.equal(d[0]!.field, `who2021.${field}`);
      assert.equal(d[0]!.fix, `put the organisation's name in a second pair of braces, which keeps it whole: ${field} = {Smith, John and {World Health Organization} and Doe, Jane}`);
    }
    const item = readBack(fieldLines(bib(report("Smith, John and World Health Organization")).diagnostics[0]!.fix!, "author")[0]!);
    assert.equal((item.author as unknown[]).length, 2);
    assert.match(apa(item), /^Smith, J\., & World Health Organization\. \(2021\)/);
  });

  it("split at \" and \" is told as the people BibTeX makes of it, with the whole name in braces as the fix", () => {
    const cases = [
      ["Centers for Disease Control and Prevention", '"Centers for Disease Control" and "Prevention", printed "for Disease Control, C." and "Prevention"', '"Centers" is a word'],
      ["Agency for Healthcare Research and Quality", '"Agency for Healthcare Research" and "Quality", printed "for Healthcare Research, A." and "Quality"', '"Agency" is a word'],
      ["Department of Health and Human Services", '"Department of Health" and "Human Services", printed "of Health, D." and "Services, H."', '"Department" is a word'],
      ["Research and Development Department", '"Research" and "Development Department", printed "Research" and "Department, D."', '"Department" is a word'],
    ] as const;
    for (const [name, people, why] of cases) {
      const d = bib(report(name)).diagnostics;
      assert.equal(d.length, 1, JSON.stringify(d));
      assert.equal(d[0]!.severity, "error");
      assert.equal(d[0]!.message, `entry "who2021": BibTeX separates people at "and", so it reads "${name}" as 2 people, ${people}; but it is one organisation's name (${why} of an organisation's name)`);
      assert.equal(d[0]!.fix, `put the organisation's name in a second pair of braces, which keeps it whole: author = {{${name}}}`);
      assert.deepEqual(readBack(`{{${name}}}`).author, [{ family: name }]);
    }
    // Among people: the organisation's parts joined in one pair of braces.
    assert.equal(
      bib(report("Smith, John and Centers for Disease Control and Prevention")).diagnostics[0]!.fix,
      "put the organisation's name in a second pair of braces, which keeps it whole: author = {Smith, John and {Centers for Disease Control and Prevention}}",
    );
  });

  it("before a name that may be a person or the rest of its name gives both fixes, each reading back clean", () => {
    const d = bib(report("Department of Health and Social Care")).diagnostics;
    assert.equal(d.length, 1);
    assert.equal(d[0]!.fix, "put the organisation's name in a second pair of braces, which keeps it whole: " +
      'if "Social Care" is another author, author = {{Department of Health} and Social Care}; ' +
      'if "Department of Health and Social Care" is one organisation\'s name, author = {{Department of Health and Social Care}}');
    const [asTwo, asOne] = fieldLines(d[0]!.fix!, "author");
    assert.equal((readBack(asTwo!).author as unknown[]).length, 2);
    assert.deepEqual(readBack(asOne!).author, [{ family: "Department of Health and Social Care" }]);
  });

  it("a group of authors is an organisation too; the words before a short end of its name may be its start", () => {
    assert.equal(bib(report("SPRINT Investigators")).diagnostics[0]!.fix, "put the organisation's name in a second pair of braces, which keeps it whole: author = {{SPRINT Investigators}}");
    const d = bib(report("GBD 2019 Diseases and Injuries Collaborators")).diagnostics;
    assert.equal(d.length, 1);
    assert.match(d[0]!.message, /"Injuries Collaborators" as a person, "First Last", printed "Collaborators, I\."/);
    const [asTwo, asOne] = fieldLines(d[0]!.fix!, "author");
    assert.equal(asTwo, "{GBD 2019 Diseases and {Injuries Collaborators}}");
    assert.deepEqual(readBack(asOne!).author, [{ family: "GBD 2019 Diseases and Injuries Collaborators" }]);
    // A person's name before it is no start of the organisation's.
    assert.equal(bib(report("Kate Doe and Research Team")).diagnostics[0]!.fix, "put the organisation's name in a second pair of braces, which keeps it whole: author = {Kate Doe and {Research Team}}");
  });

  it("two organisations side by side are each braced", () => {
    const d = bib(report("World Health Organization and Department of Health")).diagnostics;
    assert.equal(d.length, 1);
    assert.match(d[0]!.message, /"World Health Organization" as a person.*; and BibTeX reads "Department of Health" as a person/);
    assert.equal(d[0]!.fix, "put each organisation's name in a second pair of braces, which keeps it whole: author = {{World Health Organization} and {Department of Health}}");
    assert.equal((readBack("{{World Health Organization} and {Department of Health}}").author as unknown[]).length, 2);
  });

  it("is told once with PubMed's \"Smith JA\" beside it, whose fix keeps the braces; and \"Mayo Clinic IT\" as an organisation, not PubMed's", () => {
    const d = bib(report("Smith JA and World Health Organization")).diagnostics;
    assert.deepEqual(d.map((x) => x.severity), ["error", "warning"]);
    assert.equal(d[0]!.fix, "put the organisation's name in a second pair of braces, which keeps it whole: author = {Smith JA and {World Health Organization}}");
    assert.match(d[1]!.fix!, /author = \{Smith, J\. A\. and \{World Health Organization\}\}$/);
    const mayo = bib(report("Mayo Clinic IT")).diagnostics;
    assert.deepEqual(mayo.map((x) => x.message), ['entry "who2021": BibTeX reads "Mayo Clinic IT" as a person, "First Last", printed "IT, M. C."; but "Clinic" is a word of an organisation\'s name']);
  });

  it("\"The Lancet\" and an organisation with \"and others\" are told, the fix leaving out \"and others\"", () => {
    assert.match(bib(report("The Lancet")).diagnostics[0]!.message, /printed "Lancet, T\."; but "The" starts no person's name/);
    const d = bib(report("World Health Organization and others")).diagnostics;
    assert.equal(d.length, 1, JSON.stringify(d));
    assert.match(d[0]!.fix!, /, without "and others" \(.*\): author = \{\{World Health Organization\}\}$/);
  });

  it("after an extra } that ends the entry, is told once, the fix the { left out", () => {
    const text = "@report{who2021,\n  author = {World Health Organization}},\n  title = {Global strategy},\n  year = {2021}\n}\n";
    const d = bib(text).diagnostics;
    assert.equal(d.length, 1, JSON.stringify(d));
    assert.equal(d[0]!.fix, "put a { before the value, which keeps the organisation's name whole: `  author = {{World Health Organization}},`");
  });

  it("is not told for people's names, particles and names that are also words of organisations, nor for names in braces", () => {
    for (const value of [
      "Kate Church", "John Union", "Maria Co", "Kelvin To", "Kate Center and John Smith", "Ann Trust",
      "Ludwig van Beethoven", "Maria de la Cruz", "Jean de la Fontaine", "Vincent van der Berg", "Hans von und zu Aufsess",
      "Johnson and Johnson", "Smith, John and Doe, Jane", "Doe, Jane and Smith",
      "{World Health Organization}", "{{World Health Organization}}", "Smith, John and {World Health Organization}",
      "{Centers for Disease Control and Prevention}", "{Department of Health} and {Human Services}",
      "Chretien, Katherine C. and Kind, Terry",
    ]) {
      assert.deepEqual(bib(report(value)).diagnostics.map((d) => d.message), [], value);
    }
  });
});

describe("bibtexOrganisation", () => {
  it("says why text without a comma is an organisation's name, and nothing for a person's", () => {
    assert.equal(bibtexOrganisation("World Health Organization"), '"Organization" is a word of an organisation\'s name');
    assert.equal(bibtexOrganisation("Klick Health Research Institute"), '"Institute" is a word of an organisation\'s name');
    assert.equal(bibtexOrganisation("Royal Society for Public Health"), '"Society" is a word of an organisation\'s name');
    assert.equal(bibtexOrganisation("Cochrane Collaboration"), '"Collaboration" is a word of an organisation\'s name');
    assert.equal(bibtexOrganisation("Gesellschaft für Epidemiologie"), '"für" is not part of a person\'s name');
    assert.equal(bibtexOrganisation("The Lancet"), '"The" starts no person\'s name');
    // A charity whose name starts with a person's, title and all: "Trust" alone could be a family name.
    assert.equal(bibtexOrganisation("Sir Jules Thorn Charitable Trust"), '"Charitable" is a word of an organisation\'s name');
    assert.equal(bibtexOrganisation("Marie Curie Hospice"), '"Hospice" is a word of an organisation\'s name');
    for (const person of ["Kate Church", "Maria Co", "Kate Center", "Kelvin To", "Hans von und zu Aufsess", "Maria de la Cruz", "Prevention", "Smith, John"]) {
      assert.equal(bibtexOrganisation(person), undefined, person);
    }
  });
});

/** An entry that uses the abbreviation `who` for its journal, below the @string line(s). */
const USES = "@article{a,\n  title = {T},\n  journal = who,\n  year = 2020\n}\n";
const journal = (text: string) => {
  const { entries, diagnostics } = bib(text);
  assert.deepEqual(diagnostics, [], text);
  return entries.find((e) => e.item.id === "a")?.item["container-title"];
};

describe("a slip in an @string line", () => {
  const cases = [
    [
      "its closing } left out, before the next entry",
      '@string{ who = "World Health Organization" \n\n',
      [1, 42],
      'BibTeX syntax error: @string "who" is not closed: there is no } after its text, so BibTeX reads on into the next entry (line 3)',
      'add } at the end of its text, so that line 1 reads `@string{ who = "World Health Organization"}`',
    ],
    [
      "its closing } left out after braces",
      "@string{who = {World Health Organization}\n\n",
      [1, 41],
      'BibTeX syntax error: @string "who" is not closed: there is no } after its text, so BibTeX reads on into the next entry (line 3)',
      "add } at the end of its text, so that line 1 reads `@string{who = {World Health Organization}}`",
    ],
    [
      "no = after its name",
      '@string{who "World Health Organization"}\n',
      [1, 13],
      'BibTeX syntax error: @string "who": there is no = between the abbreviation\'s name and its text',
      'write = after the name, so that line 1 reads `@string{who = "World Health Organization"}`',
    ],
    [
      "a : for the =",
      "@string{who: {World Health Organization}}\n",
      [1, 1],
      'BibTeX syntax error: @string "who": a : stands between the abbreviation\'s name and its text, where BibTeX takes one =',
      "write one = there, so that line 1 reads `@string{who = {World Health Organization}}`",
    ],
    [
      "two =",
      "@string{who == {World Health Organization}}\n",
      [1, 1],
      'BibTeX syntax error: @string "who": two = stand between the abbreviation\'s name and its text, where BibTeX takes one =',
      "write one = there, so that line 1 reads `@string{who = {World Health Organization}}`",
    ],
    [
      "the quote of its text not closed",
      '@string{who = "World Health Organization}\n\n',
      [1, 15],
      'BibTeX syntax error: @string "who": the quote that opens its text is not closed, so the rest of the file is read as part of it',
      'close it at the end of the text, so that line 1 reads `@string{who = "World Health Organization"}`',
    ],
    [
      "the brace of its text not closed",
      "@string{who = {World Health Organization\n\n",
      [1, 15],
      'BibTeX syntax error: @string "who": the brace that opens its text is not closed, so the rest of the file is read as part of it',
      "close it at the end of the text, so that line 1 reads `@string{who = {World Health Organization}}`",
    ],
    [
      "its text of several words without braces",
      "@string{who = World Health Organization}\n",
      [1, 1],
      'BibTeX syntax error: @string "who": its text "World Health Organization" is not in braces, so BibTeX reads each word as the name of another abbreviation',
      "put the text in braces, so that line 1 reads `@string{who = {World Health Organization}}`",
    ],
    [
      "its name in quotes",
      '@string{"who" = {World Health Organization}}\n',
      [1, 1],
      'BibTeX syntax error: @string "who": the abbreviation\'s name is written in quotes, but it is a word without them',
      "remove the quotes around who, so that line 1 reads `@string{who = {World Health Organization}}`",
    ],
    [
      "a comma after its text",
      "@string{who = {World Health Organization},}\n",
      [1, 1],
      'BibTeX syntax error: @string "who": a comma after its text, where BibTeX takes none',
      "delete the comma, so that line 1 reads `@string{who = {World Health Organization}}`",
    ],
    [
      "written with ( and its ) left out",
      '@string(who = "World Health Organization"\n\n',
      [1, 41],
      'BibTeX syntax error: @string "who" is not closed: there is no ) after its text, so BibTeX reads on into the next entry (line 3)',
      'add ) at the end of its text, so that line 1 reads `@string(who = "World Health Organization")`',
    ],
    [
      "a word without braces that names no abbreviation",
      "@string {who = WHO}\n",
      [1, 16],
      '@string "who": `WHO` without braces is read as the name of another @string abbreviation, and none is defined, so "who" stands for no text, and every field written `= who` is left out',
      "put it in braces: `@string {who = {WHO}}`",
    ],
  ] as const;
  for (const [what, head, [line, column], message, fix] of cases) {
    it(`${what}: told at its line, the fix its line corrected, which reads back clean`, () => {
      const text = head + USES;
      const { diagnostics } = bib(text);
      assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field, d.message, d.fix]), [["error", line, column, "@string.who", message, fix]]);
      assert.doesNotMatch(message, /entry "who"|cannot be read as BibTeX|expected|token/);
      const expected = /WHO\}/.test(fix) ? "WHO" : "World Health Organization";
      assert.equal(journal(applyLineFix(text, { fix, line }, { orLast: true })), expected);
    });
  }

  it("at the end of the file, not closed: told at its line", () => {
    const text = `${USES.replace("journal = who", "journal = {J}")}\n@string{who = {WHO}\n`;
    const d = bib(text).diagnostics;
    assert.deepEqual(d.map((x) => [x.line, x.message, x.fix]), [[7, 'BibTeX syntax error: @string "who" is not closed: there is no } after its text, so BibTeX reads on to the end of the file', "add } at the end of its text, so that line 7 reads `@string{who = {WHO}}`"]]);
  });

  it("the second of three, not closed: told at its own line", () => {
    const text = `@string{a = {A}}\n@string{who = {WHO}\n@string{b = {B}}\n\n${USES}`;
    const d = bib(text).diagnostics;
    assert.deepEqual(d.map((x) => [x.line, x.field]), [[2, "@string.who"]]);
    assert.equal(journal(applyLineFix(text, { fix: d[0]!.fix!, line: 2 }, { orLast: true })), "WHO");
  });

  it("two abbreviations in one: each on a line of its own", () => {
    const d = bib(`@string{who = {WHO}, un = {UN}}\n\n${USES}`).diagnostics;
    assert.deepEqual(d.map((x) => [x.line, x.field, x.message, x.fix]), [[
      1, "@string.who",
      'BibTeX syntax error: @string "who": one @string gives a name to one text, but this one has two, "who" and "un", separated by a comma',
      "write each on a line of its own: `@string{who = {WHO}}` and `@string{un = {UN}}`",
    ]]);
    assert.equal(journal(`@string{who = {WHO}}\n@string{un = {UN}}\n\n${USES}`), "WHO");
  });

  it("no text at all: says how an @string is written", () => {
    const d = bib(`@string{who}\n\n${USES}`).diagnostics;
    assert.deepEqual(d.map((x) => [x.line, x.field, x.message]), [[1, "@string.who", 'BibTeX syntax error: @string "who" has no text: an @string gives a name to a text, written @string{name = {text}}']]);
    assert.match(d[0]!.fix!, /@string\{who = \{…\}\}/);
  });

  it("a word defined only below it: told, with both fixes", () => {
    const text = `@string{who = org # { Europe}}\n@string{org = {WHO}}\n\n${USES}`;
    const d = bib(text).diagnostics;
    assert.equal(d.length, 1);
    assert.equal(d[0]!.message, '@string "who": `org` without braces is read as the name of another @string abbreviation, which is defined only below it (line 2), so that part of the text of "who" is left out wherever it is used');
    assert.equal(d[0]!.fix, "move the @string of `org` above this one, or put the text in braces: `@string{who = {org} # { Europe}}`");
  });

  it("well written, with #, parentheses, months and abbreviations defined above, is quiet", () => {
    assert.equal(journal(`@string{org = {WHO}}\n@string(who = org # " " # {Europe})\n@string{m = jan}\n\n${USES}`), "WHO Europe");
    assert.equal(journal(`@STRING { who = "World Health Organization" }\n\n${USES}`), "World Health Organization");
  });
});
