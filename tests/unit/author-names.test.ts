// Names the citation style misreads, written as one text: PubMed's "Smith JA", several people
// in one entry, titles and degrees. Each gets its fix in the writer's syntax; real
// organisations, correct names and the fixes themselves get nothing.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatBibliography } from "../../lib/citations.ts";
import { normaliseItem, type CslItem } from "../../lib/csl-normalise.ts";

const base = { id: "a", type: "report", title: "T", issued: 2020 };
const ORGANISATION = "if it is an organisation, write it with `literal:`, which keeps it as written";
const TITLES = "which the citation style would print as part of the name: reference lists leave out titles (Dr, Prof) and degrees (PhD, MD)";

/** Each problem as [path, severity, message, fix], and the item (undefined when there is an error). */
function read(author: unknown, syntax?: "yaml" | "json" | "bibtex") {
  const { item, problems } = normaliseItem({ ...base, author }, { syntax });
  return { item, problems: problems.map((p) => [p.path.join("."), p.severity ?? "error", p.message, p.fix]) };
}
const apa = (item: CslItem) => formatBibliography([item], { style: "apa", locale: "en-US" })[0]!.html.replace(/<[^>]+>/g, "");

describe('PubMed\'s "Smith JA": family name, then initials run together', () => {
  it("is a warning with the name written family first with full-stopped initials, or as an organisation", () => {
    const cases: [string, string][] = [["Smith JA", "Smith, J. A."], ["van der Berg J", "van der Berg, J."], ["O'Neil AB", "O'Neil, A. B."], ["Smith J.A.", "Smith, J. A."], ["García Márquez G", "García Márquez, G."]];
    for (const [written, person] of cases) {
      const { item, problems } = read([written]);
      assert.deepEqual(item!.author, [{ literal: written }], written);
      assert.deepEqual(problems, [[
        "author.0", "warning",
        `"${written}" is written as PubMed writes a name, family name then initials, but it is read as an organisation's name: it is printed as written, initials and all, in the text's citations too`,
        `if it is a person, write the family name first, then a comma and the initials with full stops:\n    - ${person}\n${ORGANISATION}:\n    - literal: ${written}`,
      ]], written);
    }
  });

  it("shows the whole field for a field's only name, and JSON in a CSL JSON file", () => {
    assert.equal(read("Smith JA").problems[0]![3], `if it is a person, write the family name first, then a comma and the initials with full stops:\n  author: Smith, J. A.\n${ORGANISATION}:\n  author:\n    - literal: Smith JA`);
    assert.equal(read(["Smith JA"], "json").problems[0]![3], `if it is a person, write the family name first, then a comma and the initials with full stops: "Smith, J. A."; ${ORGANISATION}: {"literal": "Smith JA"}`);
    assert.equal(read("Smith JA", "json").problems[0]![3], `if it is a person, write the family name first, then a comma and the initials with full stops: "author": "Smith, J. A."; ${ORGANISATION}: "author": [{"literal": "Smith JA"}]`);
  });

  it("has full stops in its fix because the initials run together would lose all but the first", () => {
    assert.equal(apa(read("Smith, JA").item!), "Smith, J. (2020). T.");
    const { item, problems } = read(["Smith, J. A.", "van der Berg, J."]);
    assert.deepEqual(problems, []);
    assert.equal(apa(item!), "Smith, J. A., &#38; van der Berg, J. (2020). T.");
  });

  it("is not told for organisations ending in a country, a legal form or a subject, nor for the fix's `literal:`", () => {
    const names = ["Diabetes UK", "Bayer AG", "Sanofi SA", "Google AI", "Cancer Research UK"];
    const { item, problems } = read([...names, { literal: "Smith JA" }]);
    assert.deepEqual(problems, []);
    assert.deepEqual(item!.author, [...names, "Smith JA"].map((literal) => ({ literal })));
  });
});

describe("several people written in one entry", () => {
  it('is a warning for "Given Family" names joined by and or &, printed as one organisation until split', () => {
    for (const written of ["Kate Doe and John Smith", "Kate Doe & John Smith"]) {
      const { item, problems } = read([written]);
      assert.deepEqual(item!.author, [{ literal: written }]);
      assert.deepEqual(problems, [[
        "author.0", "warning",
        `"${written}" looks like 2 people written as one name: it is read as one organisation's name and printed as written`,
        `if they are 2 people, write one per line, family name first, then a comma:\n    - Doe, Kate\n    - Smith, John\n${ORGANISATION}:\n    - literal: ${written}`,
      ]]);
    }
    assert.equal(read("Doe K and Smith J").problems[0]![3], `if they are 2 people, write one per line, family name first, then a comma:\n  author:\n    - Doe, K.\n    - Smith, J.\n${ORGANISATION}:\n  author:\n    - literal: Doe K and Smith J`);
    assert.equal(read("Kate Doe and John Smith", "json").problems[0]![3], `if they are 2 people, write one per line, family name first, then a comma: "author": ["Doe, Kate", "Smith, John"]; ${ORGANISATION}: "author": [{"literal": "Kate Doe and John Smith"}]`);
  });

  it('is a warning for "Kate Doe, John Smith", which may be one person with two family names', () => {
    const { item, problems } = read(["Kate Doe, John Smith"]);
    assert.deepEqual(item!.author, [{ family: "Kate Doe", given: "John Smith" }]);
    assert.deepEqual(problems, [[
      "author.0", "warning",
      '"Kate Doe, John Smith" is read as one person, family name "Kate Doe" and given names "John Smith", printed "Kate Doe, J. S."; it may be 2 people',
      "if they are 2 people, write one per line, family name first, then a comma:\n    - Doe, Kate\n    - Smith, John\n" +
        "if it is one person, write the parts of the name:\n    - {family: Kate Doe, given: John Smith}\n" +
        `${ORGANISATION}:\n    - literal: "Kate Doe, John Smith"`,
    ]]);
    assert.equal(apa(item!), "Kate Doe, J. S. (2020). T.");
  });

  it("is an error for three or more people, with commas: no one person's name reads so", () => {
    for (const written of ["Kate Doe, John Smith, Ann Lee", "Kate Doe, John Smith and Ann Lee", "Kate Doe, John Smith, & Ann Lee"]) {
      assert.deepEqual(read(written).problems, [[
        "author", "error",
        `"${written}" is 3 people written as one name: it would be printed as one person`,
        "write one person per line:\n  author:\n    - Doe, Kate\n    - Smith, John\n    - Lee, Ann",
      ]], written);
    }
  });

  it("is still an error for \"Family, Given\" people and PubMed lists, the initials full-stopped", () => {
    assert.deepEqual(read(["Doe, Kate & Smith, John"]).problems.map(([, severity, , fix]) => [severity, fix]), [["error", "write one person per line, in place of this one:\n    - Doe, Kate\n    - Smith, John"]]);
    assert.deepEqual(read(["Doe K, Smith JA"]).problems.map(([, severity, , fix]) => [severity, fix]), [["error", "write one person per line, in place of this one:\n    - Doe, K.\n    - Smith, J. A."]]);
  });

  it("is not told for organisations joined by and or &, one-word names, correct names and each fix", () => {
    const names = [
      "Johnson & Johnson", "Procter & Gamble", "Bill and Melinda Gates", "Bill & Melinda Gates Foundation", "Marks and Spencer Group", "Agency for Healthcare Research and Quality",
      "Smailhodzic, Edin", "Ventola, C. Lee", "García Márquez, Gabriel", "Doe, Kate", "Smith, John", { family: "García Márquez", given: "Gabriel José" }, { literal: "Kate Doe and John Smith" },
    ];
    assert.deepEqual(read(names).problems, []);
  });
});

describe("titles and degrees in a name", () => {
  it("is a warning with the name written without them, family name first", () => {
    const cases: [string, string, string[]][] = [
      ["Kate Doe PhD", "Doe, Kate", ["PhD"]],
      ["Kate Doe, MD", "Doe, Kate", ["MD"]],
      ["Dr Kate Doe", "Doe, Kate", ["Dr"]],
      ["Prof. Kate Doe", "Doe, Kate", ["Prof."]],
      ["Dr. Kate Doe, Ph.D., R.N.", "Doe, Kate", ["Dr.", "Ph.D.", "R.N."]],
      ["Kate Doe Jr., MD", "Doe, Kate, Jr.", ["MD"]],
    ];
    for (const [written, person, removed] of cases) {
      const { item, problems } = read([written]);
      assert.ok(item, written);
      const words = removed.map((w) => `"${w}"`);
      const listed = words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : words[0];
      assert.deepEqual(problems, [[
        "author.0", "warning",
        `"${written}" has ${listed} in it, ${TITLES}`,
        `write the name without ${removed.length > 1 ? "them" : "it"}, family name first, then a comma:\n    - ${person}`,
      ]], written);
    }
  });

  it('says only "without it" when the name is already family name first, and keeps the name as written meanwhile', () => {
    const cases: [string, string, CslItem["author"]][] = [
      ["Doe, Kate, RN", "Doe, Kate", [{ family: "Doe", given: "Kate, RN" }]],
      ["Doe, Dr Kate", "Doe, Kate", [{ family: "Doe", given: "Dr Kate" }]],
      ["Smith, J., MD", "Smith, J.", [{ family: "Smith", given: "J., MD" }]],
      ["Doe, Kate, Jr., PhD", "Doe, Kate, Jr.", [{ family: "Doe", given: "Kate, Jr., PhD" }]],
    ];
    for (const [written, person, kept] of cases) {
      const { item, problems } = read(written);
      assert.deepEqual(problems.map(([, severity, , fix]) => [severity, fix]), [["warning", `write the name without it:\n  author: ${person}`]], written);
      assert.deepEqual(item!.author, kept, written);
    }
    // What the warning is about: the degree printed as if it were a suffix.
    assert.equal(apa(read("Doe, Kate, RN").item!), "Doe, K., RN. (2020). T.");
    assert.equal(apa(read("Doe, Kate").item!), "Doe, K. (2020). T.");
    assert.equal(read(["Kate Doe PhD"], "json").problems[0]![3], 'write the name without it, family name first, then a comma: "Doe, Kate"');
  });

  it("writes one person per line when the entry holds several, an error when they are surely several", () => {
    assert.deepEqual(read(["Dr Kate Doe and Dr John Smith"]).problems, [[
      "author.0", "warning",
      `"Dr Kate Doe and Dr John Smith" has "Dr" in it, ${TITLES}; and it is 2 people written as one name`,
      "write the names without it, one person per line:\n    - Doe, Kate\n    - Smith, John",
    ]]);
    assert.deepEqual(read("Doe, Kate, PhD, Smith, John, MD").problems.map(([, severity, , fix]) => [severity, fix]), [["error", "write the names without them, one person per line:\n  author:\n    - Doe, Kate\n    - Smith, John"]]);
  });

  it("leaves initials that look like a degree, companies named after a doctor and organisations alone", () => {
    // "Doe, MD" is M. D. Doe, whose initials need their full stops (else "Doe, M."); "Smith MD" is PubMed's M. D. Smith.
    assert.deepEqual(read("Doe, MD"), {
      item: { ...base, issued: { "date-parts": [[2020]] }, author: [{ family: "Doe", given: "MD" }] } as CslItem,
      problems: [["author", "warning", '"Doe, MD" would be printed "Doe, M.": the citation style reads "MD" as one given name, not as initials, and prints only its first letter', "write the initials with full stops:\n  author: Doe, M. D."]],
    });
    assert.equal(read(["Smith MD"]).problems[0]![3], `if it is a person, write the family name first, then a comma and the initials with full stops:\n    - Smith, M. D.\n${ORGANISATION}:\n    - literal: Smith MD`);
    // "MA" and "MS" are too often initials to be taken for degrees: "Kate Doe, MA" is read as before.
    const { item, problems } = read(["Dr Pepper", "Dr. Oetker", "MD Anderson Cancer Center", "Dr. Reddy's Laboratories", "Kate Doe, MA", "King, Martin Luther, Jr."]);
    assert.deepEqual(problems, []);
    assert.deepEqual(item!.author, [
      { literal: "Dr Pepper" }, { literal: "Dr. Oetker" }, { literal: "MD Anderson Cancer Center" }, { literal: "Dr. Reddy's Laboratories" },
      { family: "Kate Doe", given: "MA" }, { family: "King", given: "Martin Luther", suffix: "Jr." },
    ]);
  });
});

describe("names the checks leave to others", () => {
  it("does not read a BibTeX file's names, which plugin-bibtex has already split", () => {
    assert.deepEqual(read(["Kate Doe PhD", "Smith JA", "Kate Doe and John Smith", { family: "Doe", given: "Kate", suffix: "PhD" }], "bibtex").problems, []);
  });
});
