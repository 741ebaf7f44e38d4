// An organisation written as one text with a comma ("Mayo Clinic, Rochester") is "Family,
// Given" to pandoc and citation-js: printed as a person with initials, without a word. It is
// told from a person by its words; people with suffixes, particles or initials are not.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatBibliography } from "../../lib/citations.ts";
import { commaOrganisation, normaliseItem, type CslItem } from "../../lib/csl-normalise.ts";

const base = { id: "a", type: "report", title: "T", issued: { "date-parts": [[2020]] } };
const apa = (item: CslItem) => formatBibliography([item], { style: "apa", locale: "en-US" })[0]!.html.replace(/<[^>]+>/g, "");

describe("commaOrganisation", () => {
  it("finds organisations by an organisation's word, a joining word or too many given names", () => {
    const cases: [string, string, boolean][] = [
      ["National Institutes of Health, Office of Science Policy", '"Institutes" is a word of an organisation\'s name', true],
      ["Mayo Clinic, Rochester", '"Clinic" is a word of an organisation\'s name', false],
      ["Department of Health and Social Care, UK", '"Department" is a word of an organisation\'s name', false],
      ["World Health Organization, UNICEF", '"Organization" is a word of an organisation\'s name', true],
      ["University of California, Berkeley, School of Public Health", '"University" is a word of an organisation\'s name', false],
      ["Little, Brown and Company", '"Company" is a word of an organisation\'s name', false],
      ["Friends of the Earth, Scotland", '"of" is not part of a person\'s name', false],
      ["Smith, John and Kate", '"and" is not part of a person\'s name', false],
    ];
    for (const [text, why, severalAuthors] of cases) {
      const found = commaOrganisation(text);
      assert.ok(found, text);
      assert.deepEqual([found.legalForm, found.why, found.severalAuthors, found.person], [false, why, severalAuthors, false], text);
    }
    const many = commaOrganisation("Smith, Anna Maria Luisa Carla Beatrice")!;
    assert.deepEqual([many.why, many.person, many.severalAuthors], ['"Anna Maria Luisa Carla Beatrice" is more given names than a person usually has', true, false]);
  });

  it("knows a company's legal form after the comma for one organisation and nothing else", () => {
    for (const text of ["Pew Research Center, Inc.", "John Wiley & Sons, Ltd", "Ernst & Young, LLP", "Acme, LLC", "Acme Co., Ltd.", "Siemens Healthineers, GmbH", "Acme, Pty Ltd"]) {
      assert.equal(commaOrganisation(text)?.legalForm, true, text);
    }
  });

  it("is undefined for people: suffixes, particles, initials, many-word names and surnames that are also words", () => {
    for (const text of [
      "Smailhodzic, Edin", "King, Martin Luther, Jr.", "Smith, J., Jr.", "Smith, Jr., John", "Gates, William H., III", "van der Berg, Anna", "de la Cruz, M.",
      "García, Juan de Dios", "Beethoven, Ludwig van", "in 't Veld, Sophie", "Ortega y Gasset, José", "dos Santos, Maria das Graças", "Müller, AG", "Smith, CO",
      "Press, Frank", "Church, Anna Maria Luisa", "Hall, J. R. R.", "O'Brien & Jones, Ann", "Ventola, C. Lee", "Mayo Clinic", "Smith,", ", John",
    ]) assert.equal(commaOrganisation(text), undefined, text);
  });

  it("says how the person it would be read as is printed, as citeproc-js prints it", () => {
    for (const text of ["National Institutes of Health, Office of Science Policy", "Mayo Clinic, Rochester", "Department of Health and Social Care, UK", "Little, Brown and Company", "Mayo Clinic, Rochester, MN", "Institut Jean-Pierre Bourgin, Versailles"]) {
      const comma = text.indexOf(",");
      const asPerson = apa({ ...base, author: [{ family: text.slice(0, comma), given: text.slice(comma + 1).trim() }] } as CslItem);
      // The style ends the name with one full stop, whether or not the last initial has its own.
      assert.equal(asPerson.replace(/\.? \(2020\)\. T\.$/, ""), commaOrganisation(text)!.printed.replace(/\.$/, ""), text);
    }
  });
});

describe("an organisation with a comma, read by normaliseItem", () => {
  it("was printed as a person before; the `literal:` of the fix prints it as written", () => {
    assert.equal(apa({ ...base, author: [{ family: "Mayo Clinic", given: "Rochester" }] } as CslItem), "Mayo Clinic, R. (2020). T.");
    const { item, problems } = normaliseItem({ ...base, author: [{ literal: "Mayo Clinic, Rochester" }, { literal: "National Institutes of Health, Office of Science Policy" }] });
    assert.deepEqual(problems, []);
    assert.equal(apa(item!), "Mayo Clinic, Rochester &#38; National Institutes of Health, Office of Science Policy. (2020). T.");
  });

  it("prints a company with its legal form as written", () => {
    const { item, problems } = normaliseItem({ ...base, author: "Pew Research Center, Inc." });
    assert.deepEqual(problems, []);
    assert.deepEqual(item!.author, [{ literal: "Pew Research Center, Inc." }]);
    assert.equal(apa(item!), "Pew Research Center, Inc. (2020). T.");
  });

  it("offers a person's parts when only the number of given names gave it away", () => {
    const { problems } = normaliseItem({ ...base, author: ["Smith, Anna Maria Luisa Carla Beatrice"] });
    assert.deepEqual(problems.map((p) => [p.path.join("."), p.fix]), [[
      "author.0",
      'if it is one organisation, write it with `literal:`, which keeps it as written:\n    - literal: "Smith, Anna Maria Luisa Carla Beatrice"\nif it is a person, write the parts of the name:\n    - {family: Smith, given: Anna Maria Luisa Carla Beatrice}',
    ]]);
  });

  it("writes the fix in JSON for a CSL JSON file", () => {
    const { problems } = normaliseItem({ ...base, author: "National Institutes of Health, Office of Science Policy" }, { syntax: "json" });
    assert.deepEqual(problems.map((p) => [p.path.join("."), p.fix]), [[
      "author",
      'if it is one organisation, write "author": [{"literal": "National Institutes of Health, Office of Science Policy"}], which keeps it as written; if it is 2 authors, write one name for each: "author": ["National Institutes of Health", "Office of Science Policy"]',
    ]]);
  });

  it("writes the organisation with `literal:` when it is under another field's name", () => {
    const { problems } = normaliseItem({ ...base, authors: "Mayo Clinic, Rochester", creator: "Pew Research Center, Inc." });
    assert.deepEqual(problems.map((p) => [p.path.join("."), p.fix]), [
      ["authors", 'if it is one organisation, write it with `literal:`, which keeps it as written:\n  author:\n    - literal: "Mayo Clinic, Rochester"'],
      ["creator", "write it as `author: Pew Research Center, Inc.`"],
    ]);
  });

  it("still reports several people written as one name as several people", () => {
    const { problems } = normaliseItem({ ...base, author: "Smith, John, Jones, Kate" });
    assert.deepEqual(problems.map((p) => p.message), ['"Smith, John, Jones, Kate" is 2 people written as one name: it would be printed as one person']);
  });
});
