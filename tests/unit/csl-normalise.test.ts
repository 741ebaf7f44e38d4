// The reference normaliser: every convenience form becomes strict CSL-JSON; every
// mistake is a problem with its path inside the item.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normaliseDate, normaliseItem, type ItemProblem } from "../../lib/csl-normalise.ts";

const base = { id: "smith2016", type: "article-journal", title: "A title" };
const problemsOf = (input: unknown) => normaliseItem(input).problems.map((p) => [p.path.join("."), p.message]);

describe("normaliseItem", () => {
  it("keeps a correct item as it is", () => {
    const { item, problems } = normaliseItem({ ...base, "container-title": "BMC", DOI: "10.1/x" });
    assert.deepEqual(problems, []);
    assert.deepEqual(item, { ...base, "container-title": "BMC", DOI: "10.1/x" });
  });

  it("reads names as \"Family, Given\", keeps organisations whole and accepts CSL name objects", () => {
    const { item } = normaliseItem({ ...base, author: ["Smailhodzic, Edin", "World Health Organization", { family: "Hooijsma", given: "Wyanda" }], editor: "Ventola, C. Lee" });
    assert.deepEqual(item!.author, [{ family: "Smailhodzic", given: "Edin" }, { literal: "World Health Organization" }, { family: "Hooijsma", given: "Wyanda" }]);
    assert.deepEqual(item!.editor, [{ family: "Ventola", given: "C. Lee" }]);
  });

  it("turns numbers into the strings CSL expects", () => {
    const { item } = normaliseItem({ ...base, volume: 16, issue: 7, page: 442, edition: 2 });
    assert.deepEqual([item!.volume, item!.issue, item!.page, item!.edition], ["16", "7", "442", "2"]);
  });

  it("strips a resolver or doi: prefix from a DOI", () => {
    assert.equal(normaliseItem({ ...base, DOI: "https://doi.org/10.1186/x" }).item!.DOI, "10.1186/x");
    assert.equal(normaliseItem({ ...base, DOI: "doi:10.1186/x" }).item!.DOI, "10.1186/x");
  });

  it("reports a missing id, type and title, each at its field", () => {
    assert.deepEqual(problemsOf({}).map(([path]) => path), ["id", "type", "title"]);
  });

  it("suggests the CSL type a misspelt type was meant to be", () => {
    const [problem] = normaliseItem({ ...base, type: "article-jurnal" }).problems as [ItemProblem];
    assert.deepEqual(problem.path, ["type"]);
    assert.match(problem.fix, /article-journal/);
  });

  it("refuses ids a citation key cannot hold, and web addresses that are not", () => {
    assert.deepEqual(problemsOf({ ...base, id: "has space" }).map(([p]) => p), ["id"]);
    assert.deepEqual(problemsOf({ ...base, URL: "example.org/page" }).map(([p]) => p), ["URL"]);
  });

  it("points at the part of a name that is wrong", () => {
    assert.deepEqual(problemsOf({ ...base, author: [{ family: "A" }, { surname: "B" }] }).map(([p]) => p), ["author.1.surname", "author.1"]);
  });

  it("is not an item when it is not a mapping", () => {
    assert.deepEqual(problemsOf("smith2016").map(([p]) => p), [""]);
  });
});

describe("normaliseDate", () => {
  const date = (value: unknown) => {
    const problems: ItemProblem[] = [];
    return { date: normaliseDate(value, ["issued"], problems), problems };
  };

  it("reads a year, year-month and full date, quoted or not", () => {
    assert.deepEqual(date(2016).date, { "date-parts": [[2016]] });
    assert.deepEqual(date("2016").date, { "date-parts": [[2016]] });
    assert.deepEqual(date("2016-08").date, { "date-parts": [[2016, 8]] });
    assert.deepEqual(date("2016-08-26").date, { "date-parts": [[2016, 8, 26]] });
  });

  it("reads a Date (a YAML timestamp) by its UTC fields, so no time zone shifts the day", () => {
    assert.deepEqual(date(new Date(Date.UTC(2016, 7, 26))).date, { "date-parts": [[2016, 8, 26]] });
  });

  it("reads ranges, date-parts, literal and raw dates", () => {
    assert.deepEqual(date("2016-08/2016-09").date, { "date-parts": [[2016, 8], [2016, 9]] });
    assert.deepEqual(date({ "date-parts": [["2016", "8"]] }).date, { "date-parts": [[2016, 8]] });
    assert.deepEqual(date({ literal: "Spring 2016" }).date, { literal: "Spring 2016" });
    assert.deepEqual(date({ raw: "2016-08-26" }).date, { "date-parts": [[2016, 8, 26]] });
  });

  it("reports what is not a date, with the field", () => {
    for (const bad of ["2016-13", "2016-02-30", "last year", "26/08/2016", 2016.5, { "date-parts": [[2016, 0]] }, new Date(NaN), true]) {
      const { date: d, problems } = date(bad);
      assert.equal(d, undefined, String(bad));
      assert.deepEqual(problems.map((p) => p.path), [["issued"]], String(bad));
      assert.match(problems[0]!.message, /is not a date/);
    }
  });
});
