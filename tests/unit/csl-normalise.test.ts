// The reference normaliser: every convenience form becomes strict CSL-JSON; every
// mistake is a problem with its path inside the item.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CSL_FIELDS, cslField, normaliseDate, normaliseDoi, normaliseItem, severalPeople, type ItemProblem } from "../../lib/csl-normalise.ts";

const base = { id: "smith2016", type: "article-journal", title: "A title" };
const problemsOf = (input: unknown) => normaliseItem(input).problems.map((p) => [p.path.join("."), p.message]);
/** The one problem of `base` with these fields added: path, message and fix. */
const only = (extra: Record<string, unknown>, syntax?: "yaml" | "json" | "bibtex") => {
  const { item, problems } = normaliseItem({ ...base, ...extra }, { syntax });
  assert.equal(item, undefined);
  assert.equal(problems.length, 1, JSON.stringify(problems));
  return { path: problems[0]!.path.join("."), message: problems[0]!.message, fix: problems[0]!.fix };
};

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

describe("fields CSL does not have", () => {
  const unknown = (key: string) => `unknown field \`${key}\`: it would be left out of the reference`;

  it("names the CSL field for the aliases of BibTeX, Zotero and plain English, with the writer's value", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ journal: "BMC Medical Informatics" }, "write it as `container-title: BMC Medical Informatics`"],
      [{ journaltitle: "BMC" }, "write it as `container-title: BMC`"],
      [{ periodical: "BMC" }, "write it as `container-title: BMC`"],
      [{ booktitle: "Proceedings: HCI 2016" }, 'write it as `container-title: "Proceedings: HCI 2016"`'],
      [{ publicationTitle: "BMC" }, "write it as `container-title: BMC`"],
      [{ year: 2016 }, "write it as `issued: 2016`"],
      [{ date: "2016-08-26" }, "write it as `issued: 2016-08-26`"],
      [{ published: "2016-08" }, "write it as `issued: 2016-08`"],
      [{ link: "https://example.org/a" }, "write it as `URL: https://example.org/a`"],
      [{ href: "https://example.org/a" }, "write it as `URL: https://example.org/a`"],
      [{ web: "www.example.org/a" }, "write it as `URL: https://www.example.org/a`"],
      [{ pages: "442-450" }, "write it as `page: 442-450`"],
      [{ pp: 442 }, "write it as `page: 442`"],
      [{ editors: "Doe, Kate" }, "write it as `editor: Doe, Kate`"],
      [{ creator: "World Health Organization" }, "write it as `author: World Health Organization`"],
      [{ address: "Geneva" }, "write it as `publisher-place: Geneva`"],
      [{ location: "Geneva" }, "write it as `publisher-place: Geneva`"],
      [{ place: "Geneva" }, "write it as `publisher-place: Geneva`"],
      [{ institution: "Pew Research Center" }, "write it as `publisher: Pew Research Center` (or `author: Pew Research Center` if the organisation wrote it)"],
      [{ organization: "WHO" }, "write it as `publisher: WHO` (or `author: WHO` if the organisation wrote it)"],
      [{ accessdate: "2017-11-01" }, "write it as `accessed: 2017-11-01`"],
      [{ "access-date": "2017-11-01" }, "write it as `accessed: 2017-11-01`"],
      [{ urldate: "2017-11-01" }, "write it as `accessed: 2017-11-01`"],
      [{ access_date: "2017-11-01" }, "write it as `accessed: 2017-11-01`"],
      [{ series: "Lecture notes" }, "write it as `collection-title: Lecture notes`"],
      [{ keywords: "social media" }, "write it as `keyword: social media`"],
      [{ abstractNote: "We looked." }, "write it as `abstract: We looked.`"],
      [{ pubmed: "27562728" }, "write it as `PMID: 27562728`"],
      // An empty field is where the value goes.
      [{ "container-title": null, journal: "BMC" }, "write it as `container-title: BMC`"],
    ];
    for (const [extra, fix] of cases) {
      const key = Object.keys(extra).at(-1)!;
      assert.deepEqual(only(extra), { path: key, message: unknown(key), fix }, key);
    }
  });

  it("reads website, site and blog as the site's name, or as its address when it is one", () => {
    const page = { ...base, type: "webpage" };
    assert.equal(normaliseItem({ ...page, website: "HubSpot Blog" }).problems[0]!.fix, "write it as `container-title: HubSpot Blog`");
    assert.equal(normaliseItem({ ...page, blog: "FDA Voice" }).problems[0]!.fix, "write it as `container-title: FDA Voice`");
    assert.equal(normaliseItem({ ...page, site: "https://blogs.fda.gov" }).problems[0]!.fix, "write it as `URL: https://blogs.fda.gov`");
    // For a journal article the site's name is still container-title, but the type may be wrong too.
    assert.equal(only({ website: "HubSpot Blog" }).fix, "write it as `container-title: HubSpot Blog`, the site's name; for a web page, use `type: webpage` (`post-weblog` for a blog post)");
  });

  it("asks for digits when a date field's value is not a date, and joins a month to its year", () => {
    assert.equal(only({ date: "26 August 2016" }).fix, "write `issued: 2016-08-26` in place of `date: 26 August 2016`");
    assert.equal(only({ date: "someday" }).fix, "write the date as YYYY-MM-DD (or YYYY, or YYYY-MM), e.g. `issued: 2016-08-26`");
    assert.equal(only({ month: "aug" }).fix, "write the year and month together, e.g. `issued: 2016-08`");
  });

  it("renames a field whose value is a list or a group of fields, and writes out people given as one text", () => {
    assert.equal(only({ authors: ["Smith, J.", "Doe, K."] }).fix, "rename `authors` to `author`, keeping its value");
    assert.equal(only({ date: { "date-parts": [[2016]] } }).fix, "rename `date` to `issued`, keeping its value");
    assert.equal(only({ authors: "Smith, J. and Doe, K." }).fix, "write one person per line:\n  author:\n    - Smith, J.\n    - Doe, K.");
    assert.equal(only({ journal: null }).fix, "write `container-title` instead of `journal`");
  });

  it("does not offer a second value for a field already written, and puts a subtitle in the title", () => {
    assert.equal(only({ journal: "BMC", "container-title": "BMC Health" }).fix, "`container-title` is already written for this reference: keep the right value there and delete `journal`");
    assert.equal(only({ year: 2016, issued: 2016 }).fix, "`issued` is already written for this reference: keep the right value there and delete `year`");
    assert.equal(only({ subtitle: "A systematic review" }).fix, 'add it to the title after a colon: `title: "A title: A systematic review"`');
  });

  it("keeps the closest name for a typo, and points at a CSL field for a name it cannot guess", () => {
    assert.deepEqual(only({ container_title: "BMC" }), { path: "container_title", message: unknown("container_title"), fix: "did you mean `container-title`? Write it as `container-title: BMC`" });
    assert.equal(only({ "Publisher Place": "Geneva" }).fix, "did you mean `publisher-place`? Write it as `publisher-place: Geneva`");
    assert.equal(only({ contianer_title: "BMC" }).fix, "did you mean `container-title`? Write it as `container-title: BMC`");
    const { id, type } = base;
    assert.deepEqual(normaliseItem({ id, type, titel: "X" }).problems.map((p) => [p.path.join("."), p.fix]), [["titel", "did you mean `title`? Write it as `title: X`"], ["title", "add `title:` with the title of the work, in quotes if it contains a colon"]]);
    // Three letters are too few to guess from: `foo` is not `DOI`.
    assert.deepEqual(only({ foo: "bar" }), {
      path: "foo",
      message: unknown("foo"),
      fix: "use the CSL field that fits: container-title (journal or site), publisher, URL or note; to keep it as a remark, write `note: bar`",
    });
  });

  it("reads the fields pandoc reads whatever their case, under their CSL name", () => {
    const { item, problems } = normaliseItem({ ...base, url: "https://example.org/a", doi: "https://doi.org/10.1186/x", isbn: "978-0", Issued: 2016, Author: "Doe, Kate" });
    assert.deepEqual(problems, []);
    assert.deepEqual(item, { ...base, URL: "https://example.org/a", DOI: "10.1186/x", ISBN: "978-0", issued: { "date-parts": [[2016]] }, author: [{ family: "Doe", given: "Kate" }] });
    assert.equal(cslField("pmid"), "PMID");
    assert.equal(cslField("journal"), undefined);
    // A case variant is still checked as the field it is.
    assert.deepEqual(only({ url: "example.org" }).path, "url");
    assert.deepEqual(only({ url: "https://example.org/a", URL: "https://example.org/b" }), { path: "URL", message: "`URL` and `url` are the same field, written twice", fix: "keep one of the two, written `URL`" });
  });

  it("shows the fix in the syntax of the file: CSL JSON", () => {
    assert.equal(only({ journal: "BMC" }, "json").fix, 'write it as `"container-title": "BMC"`');
    assert.equal(only({ DOI: "see the paper" }, "json").fix, 'write the DOI alone, e.g. `"DOI": "10.1186/s12913-016-1691-0"`, or remove the line if the work has none');
  });

  it("knows every CSL variable chatpost reads: none of the valid posts' fields is reported", () => {
    for (const field of ["container-title", "publisher-place", "accessed", "page", "volume", "issue", "DOI", "URL", "ISBN", "note", "translator", "collection-title"]) assert.ok(CSL_FIELDS.has(field), field);
  });
});

describe("several people in one name", () => {
  it("splits and, &, ; and repeated commas into the people, keeping the writer's names", () => {
    assert.deepEqual(severalPeople("Smith, J. and Doe, K."), ["Smith, J.", "Doe, K."]);
    assert.deepEqual(severalPeople("Smith, J.; Doe, K."), ["Smith, J.", "Doe, K."]);
    assert.deepEqual(severalPeople("Smith, John & Doe, Kate"), ["Smith, John", "Doe, Kate"]);
    assert.deepEqual(severalPeople("Smith J, Doe K"), ["Smith, J", "Doe, K"]);
    assert.deepEqual(severalPeople("Smith JA, Doe K and Lee M"), ["Smith, JA", "Doe, K", "Lee, M"]);
    assert.deepEqual(severalPeople("Smith, J., Doe, K."), ["Smith, J.", "Doe, K."]);
    assert.deepEqual(severalPeople("Smith, J., Doe, K., and Lee, M."), ["Smith, J.", "Doe, K.", "Lee, M."]);
    assert.deepEqual(severalPeople("Smith, John and Kate Doe"), ["Smith, John", "Doe, Kate"]);
    assert.deepEqual(severalPeople("World Health Organization; UNICEF"), ["World Health Organization", "UNICEF"]);
  });

  it("leaves one person and organisations whole, with and without commas", () => {
    for (const one of [
      "Johnson & Johnson", "Agency for Healthcare Research and Quality", "Smailhodzic, Edin", "Ventola, C. Lee", "van der Berg, Anna", "O'Brien, Siobhan",
      "King, Martin Luther, Jr.", "Department of Health and Social Care, UK", "Procter & Gamble, Inc.", "Ernst & Young, LLP", "John Wiley & Sons, Ltd", "Little, Brown and Company",
      "University of California, Berkeley, School of Public Health, Division of Epidemiology",
    ]) assert.equal(severalPeople(one), undefined, one);
    const { item, problems } = normaliseItem({ ...base, author: ["Johnson & Johnson", "Agency for Healthcare Research and Quality", "Smith, John"] });
    assert.deepEqual(problems, []);
    assert.deepEqual(item!.author, [{ literal: "Johnson & Johnson" }, { literal: "Agency for Healthcare Research and Quality" }, { family: "Smith", given: "John" }]);
  });

  it("reports the name with the list written out, for a single text and for an entry of a list", () => {
    assert.deepEqual(only({ author: "Smith, J. and Doe, K." }), {
      path: "author",
      message: '"Smith, J. and Doe, K." is 2 people written as one name: it would be printed as one person',
      fix: "write one person per line:\n  author:\n    - Smith, J.\n    - Doe, K.",
    });
    assert.deepEqual(only({ editor: ["Lee, Mai", "Smith J, Doe K"] }), {
      path: "editor.1",
      message: '"Smith J, Doe K" is 2 people written as one name: it would be printed as one person',
      // With full stops: "Smith, JA" would be printed "Smith, J.", the A lost.
      fix: "write one person per line, in place of this one:\n    - Smith, J.\n    - Doe, K.",
    });
    assert.equal(only({ author: "Smith, J.; Doe, K." }, "json").fix, 'write one name per person: "author": ["Smith, J.", "Doe, K."]');
  });
});

describe("normaliseDoi", () => {
  it("keeps the bare DOI of every unambiguous form", () => {
    for (const written of [
      "10.1186/s12913-016-1691-0", "doi.org/10.1186/s12913-016-1691-0", "DOI: 10.1186/s12913-016-1691-0", "doi:10.1186/s12913-016-1691-0",
      "https://doi.org/10.1186/s12913-016-1691-0", "https://dx.doi.org/10.1186/s12913-016-1691-0", "http://dx.doi.org/10.1186/s12913-016-1691-0",
      "www.doi.org/10.1186/s12913-016-1691-0", "https://www.doi.org/10.1186/s12913-016-1691-0", "https://doi.org/10.1186%2Fs12913-016-1691-0",
      " 10.1186/s12913-016-1691-0. ", "doi: 10.1186/s12913-016-1691-0;", "https://doi.org/doi:10.1186/s12913-016-1691-0", "https://hdl.handle.net/10.1186/s12913-016-1691-0",
    ]) assert.equal(normaliseDoi(written), "10.1186/s12913-016-1691-0", written);
    // Brackets that belong to the DOI stay.
    assert.equal(normaliseDoi("10.1002/(SICI)1097-4636(199602)32:2<221::AID-JBM10>3.0.CO;2-G"), "10.1002/(SICI)1097-4636(199602)32:2<221::AID-JBM10>3.0.CO;2-G");
    assert.equal(normaliseItem({ ...base, DOI: "doi.org/10.1186/x." }).item!.DOI, "10.1186/x");
  });

  it("is not a DOI when 10. and a / do not start it after that", () => {
    for (const bad of ["10.1186", "see the paper", "https://nature.com/articles/x", "https://onlinelibrary.wiley.com/doi/full/10.1002/abc", 10.1186, undefined]) assert.equal(normaliseDoi(bad), undefined, String(bad));
  });

  it("reports what is not a DOI at its field, with the form expected", () => {
    const message = (v: string) => `"${v}" is not a DOI: a DOI starts with 10. and has a / in it`;
    assert.deepEqual(only({ DOI: "see the paper" }), { path: "DOI", message: message("see the paper"), fix: "write the DOI alone, e.g. `DOI: 10.1186/s12913-016-1691-0`, or remove the line if the work has none" });
    assert.deepEqual(only({ DOI: "https://onlinelibrary.wiley.com/doi/full/10.1002/abc.123." }), {
      path: "DOI",
      message: message("https://onlinelibrary.wiley.com/doi/full/10.1002/abc.123."),
      fix: "write only the DOI: `DOI: 10.1002/abc.123`",
    });
    assert.equal(only({ doi: "https://nature.com/articles/x" }).fix, "this is a web address: write it as `URL: https://nature.com/articles/x`, and the DOI alone in DOI if the work has one");
    assert.equal(only({ DOI: 10.1186 }).message, message("10.1186"));
  });
});

describe('a person\'s name written "Given Family"', () => {
  const PERSON = "if it is a person, write the family name first, then a comma";
  const ORGANISATION = "if it is an organisation, write it with `literal:`, which keeps it as written";
  /** The problems of `base` with these fields added, and its item: a warning leaves it usable. */
  const read = (extra: Record<string, unknown>, syntax?: "yaml" | "json" | "bibtex") => {
    const { item, problems } = normaliseItem({ ...base, ...extra }, { syntax });
    assert.ok(item, JSON.stringify(problems));
    return { item, problems: problems.map((p) => [p.path.join("."), p.severity, p.message, p.fix]) };
  };

  it("is a warning that it is printed as written and sorted under its first word, with both ways out; the name is kept whole", () => {
    const { item, problems } = read({ author: ["Smailhodzic, Edin", "Kate Doe"] });
    assert.deepEqual(item.author, [{ family: "Smailhodzic", given: "Edin" }, { literal: "Kate Doe" }]);
    assert.deepEqual(problems, [[
      "author.1", "warning",
      '"Kate Doe" is read as an organisation\'s name: it is printed as written and sorted under "Kate"',
      `${PERSON}:\n    - Doe, Kate\n${ORGANISATION}:\n    - literal: Kate Doe`,
    ]]);
  });

  it("shows the field with its one value when the name is the field's only value", () => {
    assert.deepEqual(read({ editor: "Kate Doe" }).problems, [[
      "editor", "warning",
      '"Kate Doe" is read as an organisation\'s name: it is printed as written and sorted under "Kate"',
      `${PERSON}:\n  editor: Doe, Kate\n${ORGANISATION}:\n  editor:\n    - literal: Kate Doe`,
    ]]);
  });

  it("writes the fix in JSON for a CSL JSON file", () => {
    assert.deepEqual(read({ author: ["Kate Doe"] }, "json").problems.map(([, , , fix]) => fix), [`${PERSON}: "Doe, Kate"; ${ORGANISATION}: {"literal": "Kate Doe"}`]);
    assert.deepEqual(read({ author: "Kate Doe" }, "json").problems.map(([, , , fix]) => fix), [`${PERSON}: "author": "Doe, Kate"; ${ORGANISATION}: "author": [{"literal": "Kate Doe"}]`]);
  });

  it("puts initials, particles, hyphens and accents where they belong in the person's fix", () => {
    const cases: [string, string][] = [
      ["J. Smith", "Smith, J."],
      ["J Smith", "Smith, J"],
      ["Ludwig van Beethoven", "van Beethoven, Ludwig"],
      ["Mary-Jane O'Neil-Smith", "O'Neil-Smith, Mary-Jane"],
      ["José Núñez", "Núñez, José"],
      ["Bryan Vartabedian", "Vartabedian, Bryan"],
    ];
    for (const [written, person] of cases) {
      const { item, problems } = read({ author: [written] });
      assert.deepEqual(item.author, [{ literal: written }], written);
      assert.deepEqual(problems.map(([path, severity]) => [path, severity]), [["author.0", "warning"]], written);
      assert.equal(problems[0]![3], `${PERSON}:\n    - ${person}\n${ORGANISATION}:\n    - literal: ${written}`, written);
      assert.equal(problems[0]![2], `"${written}" is read as an organisation's name: it is printed as written and sorted under "${written.split(" ")[0]}"`);
    }
  });

  it("is not told for \"Family, Given\", name parts, `literal:`, organisations and one-word names", () => {
    const { item, problems } = read({
      author: [
        "Doe, Kate", { family: "Doe", given: "Kate" }, { literal: "Kate Doe" }, "World Health Organization", "Mayo Clinic", "Johnson & Johnson",
        "Agency for Healthcare Research and Quality", "UNICEF", "Plato", "Smith et Al-Farsi",
      ],
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(item.author, [
      { family: "Doe", given: "Kate" }, { family: "Doe", given: "Kate" }, { literal: "Kate Doe" }, { literal: "World Health Organization" }, { literal: "Mayo Clinic" },
      { literal: "Johnson & Johnson" }, { literal: "Agency for Healthcare Research and Quality" }, { literal: "UNICEF" }, { literal: "Plato" }, { literal: "Smith et Al-Farsi" },
    ]);
  });

  it("is not told for company, media and project names, nor a name starting with The", () => {
    const names = ["Klick Health", "NHS Digital", "Pew Research", "Harvard Business Review", "Kaiser Health News", "The Guardian", "Mayo Clinic Podcast", "Google Health Labs"];
    const { item, problems } = read({ author: names });
    assert.deepEqual(problems, []);
    assert.deepEqual(item.author, names.map((literal) => ({ literal })));
    // A person's name with no such word is still told.
    assert.equal(read({ author: ["Emily Post"] }).problems.length, 1);
  });

  it("is silenced by either fix, read back as a person or as the organisation", () => {
    assert.deepEqual(read({ author: ["Doe, Kate", { literal: "Klick Health" }] }), { item: { ...base, author: [{ family: "Doe", given: "Kate" }, { literal: "Klick Health" }] }, problems: [] });
    assert.deepEqual(read({ author: "Doe, Kate" }).item.author, [{ family: "Doe", given: "Kate" }]);
  });

  it("does not keep an item out when it comes with an error: the error does", () => {
    const { item, problems } = normaliseItem({ ...base, author: "Kate Doe", DOI: "none" });
    assert.equal(item, undefined);
    assert.deepEqual(problems.map((p) => [p.path.join("."), p.severity ?? "error"]), [["author", "warning"], ["DOI", "error"]]);
  });
});

describe("a URL that is not a web address", () => {
  const fixOf = (URL: string, extra: Record<string, unknown> = {}, key = "URL") => {
    const { problems } = normaliseItem({ ...base, ...extra, [key]: URL });
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.message, `"${URL}" is not a web address`);
    return problems[0]!.fix;
  };

  it("gets the address the writer meant in its fix, under the key as written", () => {
    assert.equal(fixOf("<https://example.org/a>"), "write the address without the < > around it: URL: https://example.org/a");
    assert.equal(fixOf("(https://example.org/a)", {}, "url"), "write the address without the ( ) around it: url: https://example.org/a");
    assert.equal(fixOf("[the report](https://example.org/a)"), "write the address alone, without the markdown link around it: URL: https://example.org/a");
    assert.equal(fixOf("www.who.int/news"), "write the full address, with https:// in front: URL: https://www.who.int/news");
    assert.equal(fixOf("example.org"), "write the full address, with https:// in front: URL: https://example.org");
  });

  it("a DOI goes in DOI:, or is already there", () => {
    assert.equal(fixOf("doi:10.1186/s12913-016-1691-0"), "a DOI goes in its own field: write DOI: 10.1186/s12913-016-1691-0 in place of `URL:`");
    assert.equal(fixOf("10.1186/s12913-016-1691-0", { DOI: "10.1186/s12913-016-1691-0" }), "remove `URL:`: the DOI is written in `DOI:` already");
  });

  it("an address broken by a space, or words, get the general advice", () => {
    assert.equal(fixOf("https://example.org/a b"), "a web address has no spaces: copy it again from the browser's address bar");
    assert.equal(fixOf("see the website"), "write the full address starting with https://");
    assert.equal(fixOf("Pew Research"), "write the full address starting with https://");
  });
});
