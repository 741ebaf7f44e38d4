// A writer's mistakes in a post's references: each is an error at its line, naming the
// field, with a fix that keeps what they wrote; valid references and organisations stay valid.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { postCitations } from "../../lib/post-citations.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const FILE = "content/posts/2017-04-30-online-communities.md";

/** A post whose front matter starts on line 2; its references start on line 5. */
function load(...referenceLines: string[]) {
  return loadPost(FILE, `---\ntitle: T\ndate: 2017-04-30\nreferences:\n${referenceLines.join("\n")}\n---\nWe cite [@smith2016].\n`, ctx);
}

const HEAD = ["  - id: smith2016", "    type: article-journal", "    title: Social media use in healthcare"];

describe("mistakes in a post's references", () => {
  it("reports every field CSL does not have, each at its line, with the line to write instead", () => {
    const { post, diagnostics } = load(
      ...HEAD,
      "    author: Smailhodzic, Edin", // 8
      "    journal: BMC Medical Informatics", // 9
      "    year: 2016", // 10
      "    pages: 442-450", // 11
      "    link: https://example.org/paper", // 12
      "    container_title: BMC", // 13
      "    booktitle: Proceedings", // 14
    );
    assert.equal(post, undefined);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `${FILE}:9:5  references[0].journal  reference "smith2016": unknown field \`journal\`: it would be left out of the reference → write it as \`container-title: BMC Medical Informatics\``,
      `${FILE}:10:5  references[0].year  reference "smith2016": unknown field \`year\`: it would be left out of the reference → write it as \`issued: 2016\``,
      `${FILE}:11:5  references[0].pages  reference "smith2016": unknown field \`pages\`: it would be left out of the reference → write it as \`page: 442-450\``,
      `${FILE}:12:5  references[0].link  reference "smith2016": unknown field \`link\`: it would be left out of the reference → write it as \`URL: https://example.org/paper\``,
      `${FILE}:13:5  references[0].container_title  reference "smith2016": unknown field \`container_title\`: it would be left out of the reference → did you mean \`container-title\`? Write it as \`container-title: BMC\``,
      `${FILE}:14:5  references[0].booktitle  reference "smith2016": unknown field \`booktitle\`: it would be left out of the reference → write it as \`container-title: Proceedings\``,
    ]);
  });

  it("no longer suggests `note` for `date`, and does not offer a second value for a field already written", () => {
    const { diagnostics } = load(...HEAD, "    date: 2016-08-26", "    container-title: BMC", "    journal: BMC Health");
    assert.deepEqual(diagnostics.map((d) => [d.line, d.field, d.fix]), [
      [8, "references[0].date", "write it as `issued: 2016-08-26`"],
      [10, "references[0].journal", "`container-title` is already written for this reference: keep the right value there and delete `journal`"],
    ]);
  });

  it("reads `url:` and `doi:` as pandoc does, and normalises the DOI", () => {
    const { post, diagnostics } = load(...HEAD, "    url: https://example.org/paper", "    doi: https://doi.org/10.1186/s12913-016-1691-0.");
    assert.deepEqual(diagnostics, []);
    assert.equal(post!.references[0]!.URL, "https://example.org/paper");
    assert.equal(post!.references[0]!.DOI, "10.1186/s12913-016-1691-0");
  });

  it("normalises every unambiguous form of a DOI to the bare 10.… DOI", () => {
    for (const written of ["doi.org/10.1186/x", '"DOI: 10.1186/x"', "https://dx.doi.org/10.1186/x", "www.doi.org/10.1186/x", '"10.1186/x. "', "doi:10.1186/x;"]) {
      const { post, diagnostics } = load(...HEAD, `    DOI: ${written}`);
      assert.deepEqual(diagnostics, [], written);
      assert.equal(post!.references[0]!.DOI, "10.1186/x", written);
    }
  });

  it("reports a DOI that is not one at its line, with the expected form", () => {
    const { diagnostics } = load(...HEAD, "    DOI: https://www.nature.com/articles/s41591-018-0300-7");
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `${FILE}:8:5  references[0].DOI  reference "smith2016": "https://www.nature.com/articles/s41591-018-0300-7" is not a DOI: a DOI starts with 10. and has a / in it → this is a web address: write it as \`URL: https://www.nature.com/articles/s41591-018-0300-7\`, and the DOI alone in DOI if the work has one`,
    ]);
  });

  it("reports several people written as one author, with the list written out", () => {
    const cases: [string, string[]][] = [
      ['"Smith, J. and Doe, K."', ["Smith, J.", "Doe, K."]],
      ['"Smith, J.; Doe, K."', ["Smith, J.", "Doe, K."]],
      ['"Smith, John & Doe, Kate"', ["Smith, John", "Doe, Kate"]],
      ["Smith J, Doe K", ["Smith, J.", "Doe, K."]],
      ["Smith JA, Doe K", ["Smith, J. A.", "Doe, K."]],
    ];
    for (const [written, people] of cases) {
      const { post, diagnostics } = load(...HEAD, `    author: ${written}`);
      assert.equal(post, undefined);
      assert.deepEqual(diagnostics.map((d) => [d.line, d.column, d.field]), [[8, 5, "references[0].author"]], written);
      assert.equal(diagnostics[0]!.message, `reference "smith2016": "${JSON.parse(written.startsWith('"') ? written : JSON.stringify(written))}" is ${people.length} people written as one name: it would be printed as one person`);
      assert.equal(diagnostics[0]!.fix, `write one person per line:\n  author:\n${people.map((p) => `    - ${p}`).join("\n")}`);
    }
    const inList = load(...HEAD, "    author:", "      - Lee, Mai", "      - Smith, J. and Doe, K.");
    assert.deepEqual(inList.diagnostics.map((d) => [d.line, d.field, d.fix]), [[10, "references[0].author[1]", "write one person per line, in place of this one:\n    - Smith, J.\n    - Doe, K."]]);
  });

  it("keeps organisations whole, with and or & in their name", () => {
    const { post, diagnostics } = load(
      ...HEAD,
      "    author:",
      "      - Johnson & Johnson",
      "      - Agency for Healthcare Research and Quality",
      '      - literal: "Department of Health and Social Care, UK"',
      "      - Smailhodzic, Edin",
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(post!.references[0]!.author, [
      { literal: "Johnson & Johnson" },
      { literal: "Agency for Healthcare Research and Quality" },
      { literal: "Department of Health and Social Care, UK" },
      { family: "Smailhodzic", given: "Edin" },
    ]);
  });

  it("reports every mistake of every reference at once", () => {
    const { diagnostics } = load(
      ...HEAD,
      '    author: "Smith, J. and Doe, K."', // 8
      "    DOI: see the paper", // 9
      "  - id: doe2017", // 10
      "    type: webpage",
      "    title: A page",
      "    website: HubSpot Blog", // 13
      "    accessdate: 2017-11-01", // 14
    );
    assert.deepEqual(diagnostics.map((d) => [d.line, d.field]), [
      [8, "references[0].author"],
      [9, "references[0].DOI"],
      [13, "references[1].website"],
      [14, "references[1].accessdate"],
    ]);
    assert.equal(diagnostics[2]!.fix, "write it as `container-title: HubSpot Blog`");
    assert.equal(diagnostics[3]!.fix, "write it as `accessed: 2017-11-01`");
  });

  it("leaves a valid reference as it was", () => {
    const { post, diagnostics } = load(
      ...HEAD,
      "    author:",
      "      - {family: Smailhodzic, given: Edin}",
      '      - "Hooijsma, Wyanda"',
      "    container-title: BMC Health Services Research",
      "    volume: 16",
      "    page: 442",
      "    issued: 2016-08-26",
      "    DOI: 10.1186/s12913-016-1691-0",
      "    URL: https://example.org/paper",
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(post!.references[0], {
      id: "smith2016", type: "article-journal", title: "Social media use in healthcare",
      author: [{ family: "Smailhodzic", given: "Edin" }, { family: "Hooijsma", given: "Wyanda" }],
      "container-title": "BMC Health Services Research", volume: "16", page: "442",
      issued: { "date-parts": [[2016, 8, 26]] }, DOI: "10.1186/s12913-016-1691-0", URL: "https://example.org/paper",
    });
  });
});

describe("an organisation whose name has a comma, in a post", () => {
  const ONE = "if it is one organisation, write it with `literal:`, which keeps it as written:";

  it("is an error at its line, saying how it would be printed, with the `literal:` line to write", () => {
    const { post, diagnostics } = load(
      ...HEAD,
      "    author:",
      '      - "National Institutes of Health, Office of Science Policy"', // 9
      '      - "Mayo Clinic, Rochester"', // 10
      '      - "Pew Research Center, Inc."',
      "      - Smailhodzic, Edin",
    );
    assert.equal(post, undefined);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `${FILE}:9:9  references[0].author[0]  reference "smith2016": "National Institutes of Health, Office of Science Policy" is written like a person ("Family, Given") and would be printed as one, "National Institutes of Health, O. of S. P.", but "Institutes" is a word of an organisation's name → ${ONE}\n    - literal: "National Institutes of Health, Office of Science Policy"\nif it is 2 authors, write one per line, in place of this one:\n    - National Institutes of Health\n    - Office of Science Policy`,
      `${FILE}:10:9  references[0].author[1]  reference "smith2016": "Mayo Clinic, Rochester" is written like a person ("Family, Given") and would be printed as one, "Mayo Clinic, R.", but "Clinic" is a word of an organisation's name → ${ONE}\n    - literal: "Mayo Clinic, Rochester"`,
    ]);
  });

  it("shows the whole field when the name is the field's only value", () => {
    const { diagnostics } = load(...HEAD, '    author: "Department of Health and Social Care, UK"');
    assert.deepEqual(diagnostics.map((d) => [d.line, d.column, d.field, d.fix]), [
      [8, 5, "references[0].author", `${ONE}\n  author:\n    - literal: "Department of Health and Social Care, UK"`],
    ]);
    assert.match(diagnostics[0]!.message, /would be printed as one, "Department of Health and Social Care, U\.", but "Department" is a word of an organisation's name$/);
  });

  it("reads the fix's `literal:` back as the organisation, printed as written", () => {
    const { post, diagnostics } = load(...HEAD, "    author:", '      - literal: "Mayo Clinic, Rochester"', '      - {literal: "National Institutes of Health, Office of Science Policy"}');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(post!.references[0]!.author, [{ literal: "Mayo Clinic, Rochester" }, { literal: "National Institutes of Health, Office of Science Policy" }]);
  });

  it("keeps a company's name with its legal form after the comma whole, without a word", () => {
    const { post, diagnostics } = load(...HEAD, "    author:", '      - "Pew Research Center, Inc."', '      - "John Wiley & Sons, Ltd"', '      - "Ernst & Young, LLP"', '      - "Acme Co., Ltd."');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(post!.references[0]!.author, [{ literal: "Pew Research Center, Inc." }, { literal: "John Wiley & Sons, Ltd" }, { literal: "Ernst & Young, LLP" }, { literal: "Acme Co., Ltd." }]);
  });

  it("leaves people with a suffix, particles or initials as they were", () => {
    // A suffix after a second comma is CSL's suffix, printed after the initials: "King, M. L., Jr.".
    const people: [string, string, string, string?][] = [
      ["King, Martin Luther, Jr.", "King", "Martin Luther", "Jr."],
      ["Smith, J., Jr.", "Smith", "J.", "Jr."],
      ["Gates, William H., III", "Gates", "William H.", "III"],
      ["van der Berg, Anna", "van der Berg", "Anna"],
      ["de la Cruz, M.", "de la Cruz", "M."],
      ["García, Juan de Dios", "García", "Juan de Dios"],
      ["Beethoven, Ludwig van", "Beethoven", "Ludwig van"],
      ["in 't Veld, Sophie", "in 't Veld", "Sophie"],
      ["Ortega y Gasset, José", "Ortega y Gasset", "José"],
      ["dos Santos, Maria das Graças", "dos Santos", "Maria das Graças"],
      ["Müller, AG", "Müller", "AG"],
      ["Press, Frank", "Press", "Frank"],
      ["Church, Anna Maria Luisa", "Church", "Anna Maria Luisa"],
    ];
    const { post, diagnostics } = load(...HEAD, "    author:", ...people.map(([written]) => `      - ${JSON.stringify(written)}`));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(post!.references[0]!.author, people.map(([, family, given, suffix]) => ({ family, given, ...(suffix ? { suffix } : {}) })));
    const { bibliography } = postCitations(post!, { style: "apa", locale: "en-US" });
    assert.match(bibliography.map((b) => b.html).join(""), /King, M\. L\., Jr\./);
  });
});

describe('a person\'s name written "Given Family", in a post', () => {
  it("is a warning at the name's line and column; the post loads and cites the reference, the name printed as written", () => {
    const { post, diagnostics } = load(...HEAD, "    author:", "      - Smailhodzic, Edin", "      - Kate Doe", "    issued: 2016"); // Kate Doe: line 10
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `${FILE}:10:9  references[0].author[1]  warning: reference "smith2016": "Kate Doe" is read as an organisation's name: it is printed as written and sorted under "Kate" → if it is a person, write the family name first, then a comma:\n    - Doe, Kate\nif it is an organisation, write it with \`literal:\`, which keeps it as written:\n    - literal: Kate Doe`,
    ]);
    assert.equal(diagnostics[0]!.severity, "warning");
    assert.ok(post);
    assert.deepEqual(post.references[0]!.author, [{ family: "Smailhodzic", given: "Edin" }, { literal: "Kate Doe" }]);
    const { citations, bibliography } = postCitations(post, { style: "apa", locale: "en-US" });
    assert.match(citations[0]!, /Smailhodzic &#38; Kate Doe, 2016/);
    assert.match(bibliography[0]!.html, />Smailhodzic, E\. &#38; Kate Doe\. \(2016\)/);
  });

  it("shows the field with its one value when the name is the field's only value", () => {
    const { post, diagnostics } = load(...HEAD, "    author: Bryan Vartabedian"); // 8
    assert.ok(post);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field, d.fix]), [
      ["warning", 8, 5, "references[0].author", "if it is a person, write the family name first, then a comma:\n  author: Vartabedian, Bryan\nif it is an organisation, write it with `literal:`, which keeps it as written:\n  author:\n    - literal: Bryan Vartabedian"],
    ]);
  });

  it("is silenced by either fix, and is not told for organisations or one-word names", () => {
    const { post, diagnostics } = load(
      ...HEAD,
      "    author:",
      "      - Doe, Kate",
      "      - literal: Klick Health",
      "      - World Health Organization",
      "      - Mayo Clinic",
      "      - UNICEF",
      "      - Plato",
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(post!.references[0]!.author, [
      { family: "Doe", given: "Kate" }, { literal: "Klick Health" }, { literal: "World Health Organization" }, { literal: "Mayo Clinic" }, { literal: "UNICEF" }, { literal: "Plato" },
    ]);
    assert.deepEqual(load(...HEAD, "    author: Doe, Kate").diagnostics, []);
  });

  it("leaves a reference with an error broken, both told", () => {
    const { post, diagnostics } = load(...HEAD, "    author: Kate Doe", "    DOI: none");
    assert.equal(post, undefined);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.field]), [["warning", 8, "references[0].author"], ["error", 9, "references[0].DOI"]]);
  });
});

describe('"et al." in a post\'s names', () => {
  const WHY = 'the citation style writes "et al." itself when there are enough authors';
  const BETTER = 'if you cannot find them, the ones you know are still better than "et al."';

  it("reports \"Smith, J. et al.\" at the field, with the name on a line of its own and where to add the others", () => {
    const { post, diagnostics } = load(...HEAD, '    author: "Smith, J. et al."');
    assert.equal(post, undefined);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `${FILE}:8:5  references[0].author  reference "smith2016": "Smith, J. et al." has "et al." in it, which is not part of a name: ${WHY} → write the name on a line of its own, and add the other authors from the work below, one per line (${BETTER}):\n  author:\n    - Smith, J.`,
    ]);
  });

  it("reports \"Smith et al.\", which was kept as an organisation of that name", () => {
    const { post, diagnostics } = load(...HEAD, "    author: Smith et al.");
    assert.equal(post, undefined);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `${FILE}:8:5  references[0].author  reference "smith2016": "Smith et al." has "et al." in it, which is not part of a name: ${WHY} → write the name on a line of its own, and add the other authors from the work below, one per line (${BETTER}):\n  author:\n    - Smith`,
    ]);
  });

  it("reports every way of writing it after one or several names, keeping the names", () => {
    const cases: [string, string, string[]][] = [
      ['"Smith, J. et al"', "et al", ["Smith, J."]],
      ['"Smith, J., et al."', "et al.", ["Smith, J."]],
      ['"Smith, J. et. al."', "et. al.", ["Smith, J."]],
      ['"Smith, J. et.al."', "et.al.", ["Smith, J."]],
      ['"Smith, J., et alii"', "et alii", ["Smith, J."]],
      ['"Smith, J. and others"', "and others", ["Smith, J."]],
      ['"Smith, J. & others"', "& others", ["Smith, J."]],
      ['"Smith, J., Doe, K., …"', "…", ["Smith, J.", "Doe, K."]],
      ['"Smith, J., Doe, K., ..."', "...", ["Smith, J.", "Doe, K."]],
      ['"Smith, J., Doe, K., et al."', "et al.", ["Smith, J.", "Doe, K."]],
      ['"Smith J, Doe K, et al."', "et al.", ["Smith, J", "Doe, K"]],
      ['"Smith, J. and Doe, K. et al."', "et al.", ["Smith, J.", "Doe, K."]],
      ['"John Smith et al."', "et al.", ["Smith, John"]],
      ['"Smith, J. and et al."', "et al.", ["Smith, J."]],
    ];
    for (const [written, marker, people] of cases) {
      const { post, diagnostics } = load(...HEAD, `    author: ${written}`);
      assert.equal(post, undefined, written);
      assert.deepEqual(diagnostics.map((d) => [d.line, d.column, d.field]), [[8, 5, "references[0].author"]], written);
      assert.equal(diagnostics[0]!.message, `reference "smith2016": ${written} has "${marker}" in it, which is not part of a name: ${WHY}`, written);
      const opening = people.length === 1 ? "write the name on a line of its own" : "write one person per line";
      assert.equal(diagnostics[0]!.fix, `${opening}, and add the other authors from the work below, one per line (${BETTER}):\n  author:\n${people.map((p) => `    - ${p}`).join("\n")}`, written);
    }
  });

  it("reports a list item that is only \"et al.\", \"others\" or an ellipsis at its line", () => {
    const { post, diagnostics } = load(...HEAD, "    author:", "      - Smith, J.", "      - et al.");
    assert.equal(post, undefined);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `${FILE}:10:9  references[0].author[1]  reference "smith2016": "et al." is not a name: ${WHY} → delete this line and write the other authors from the work in its place, one per line (${BETTER})`,
    ]);
    for (const written of ['"et al."', "et al", "et. al.", "others", "and others", "…", "...", '"Et Al."']) {
      const { diagnostics } = load(...HEAD, "    author:", "      - Smith, J.", "      - Doe, K.", `      - ${written}`);
      assert.deepEqual(diagnostics.map((d) => [d.line, d.field]), [[11, "references[0].author[2]"]], written);
      assert.equal(diagnostics[0]!.message, `reference "smith2016": "${written.replace(/"/g, "")}" is not a name: ${WHY}`, written);
    }
  });

  it("reports \"et al.\" inside one item of a list, in place of that item", () => {
    const { diagnostics } = load(...HEAD, "    author:", "      - Lee, Mai", "      - Smith, J., Doe, K. et al.");
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `${FILE}:10:9  references[0].author[1]  reference "smith2016": "Smith, J., Doe, K. et al." has "et al." in it, which is not part of a name: ${WHY} → write it without "et al." and add the other authors from the work below it, one per line (${BETTER}):\n    - Smith, J.\n    - Doe, K.`,
    ]);
  });

  it("reports \"et al.\" in a part of {family, given}", () => {
    const { post, diagnostics } = load(...HEAD, "    author:", "      - {family: Smith, given: J. et al.}");
    assert.equal(post, undefined);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `${FILE}:9:9  references[0].author[0]  reference "smith2016": "Smith, J. et al." has "et al." in it, which is not part of a name: ${WHY} → write it without "et al." and add the other authors from the work below it, one per line (${BETTER}):\n    - Smith, J.`,
    ]);
    const others = load(...HEAD, "    author:", "      - {family: Smith, given: J.}", "      - {literal: others}");
    assert.deepEqual(others.diagnostics.map((d) => [d.line, d.field, d.message]), [[10, "references[0].author[1]", `reference "smith2016": "others" is not a name: ${WHY}`]]);
  });

  it("reports it in every name field, in that field's words", () => {
    const { diagnostics } = load(...HEAD, "    editor: Smith, J., Doe, K. and others", "    translator:", "      - Lee, Mai", "      - et al.", '    container-author: "Roe, P. et al."', '    interviewer: "Poe, E. et al."');
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `${FILE}:8:5  references[0].editor  reference "smith2016": "Smith, J., Doe, K. and others" has "and others" in it, which is not part of a name: the citation style writes "et al." itself when there are enough editors → write one person per line, and add the other editors from the work below, one per line (${BETTER}):\n  editor:\n    - Smith, J.\n    - Doe, K.`,
      `${FILE}:11:9  references[0].translator[1]  reference "smith2016": "et al." is not a name: the citation style writes "et al." itself when there are enough translators → delete this line and write the other translators from the work in its place, one per line (${BETTER})`,
      `${FILE}:12:5  references[0].container-author  reference "smith2016": "Roe, P. et al." has "et al." in it, which is not part of a name: ${WHY} → write the name on a line of its own, and add the other authors from the work below, one per line (${BETTER}):\n  container-author:\n    - Roe, P.`,
      `${FILE}:13:5  references[0].interviewer  reference "smith2016": "Poe, E. et al." has "et al." in it, which is not part of a name: the citation style writes "et al." itself when there are enough names → write the name on a line of its own, and add the other names from the work below, one per line (${BETTER}):\n  interviewer:\n    - Poe, E.`,
    ]);
  });

  it("reports \"et al.\" alone as the whole field, and \"et al.\" under another field name", () => {
    const alone = load(...HEAD, '    author: "et al."');
    assert.deepEqual(alone.diagnostics.map(formatDiagnostic), [
      `${FILE}:8:5  references[0].author  reference "smith2016": "et al." is not a name: ${WHY} → write the authors from the work, one per line, e.g.\n  author:\n    - Smith, Jane\n    - Doe, Kate`,
    ]);
    const alias = load(...HEAD, '    authors: "Smith, J. et al."');
    assert.deepEqual(alias.diagnostics.map(formatDiagnostic), [
      `${FILE}:8:5  references[0].authors  reference "smith2016": unknown field \`authors\`: it would be left out of the reference → write the name on a line of its own, and add the other authors from the work below, one per line (${BETTER}):\n  author:\n    - Smith, J.`,
    ]);
  });

  it("keeps names with Al, al-, Etal or Others in them, and organisations with \"and\" in them, as they were", () => {
    const { post, diagnostics } = load(
      ...HEAD,
      "    author:",
      "      - Al-Farsi, Omar",
      "      - al-Khwarizmi, Muhammad",
      "      - Walker, Alice",
      "      - Etal, Mark",
      "      - Etal",
      "      - Others, Ann",
      "      - Bennet, Alfred",
      "      - Doctors and Others Foundation",
      "      - {family: Al Sayed, given: Ali}",
      "      - Smith et Al-Farsi",
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(post!.references[0]!.author, [
      { family: "Al-Farsi", given: "Omar" },
      { family: "al-Khwarizmi", given: "Muhammad" },
      { family: "Walker", given: "Alice" },
      { family: "Etal", given: "Mark" },
      { literal: "Etal" },
      { family: "Others", given: "Ann" },
      { family: "Bennet", given: "Alfred" },
      { literal: "Doctors and Others Foundation" },
      { family: "Al Sayed", given: "Ali" },
      { literal: "Smith et Al-Farsi" },
    ]);
  });

  it("leaves a valid list of several authors as it was", () => {
    const { post, diagnostics } = load(
      ...HEAD,
      "    author:",
      "      - Smailhodzic, Edin",
      "      - Hooijsma, Wyanda",
      "      - Boonstra, Albert",
      "      - {family: Langley, given: David J.}",
      "    editor: Ventola, C. Lee",
      "    issued: 2016",
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(post!.references[0], {
      id: "smith2016", type: "article-journal", title: "Social media use in healthcare",
      author: [{ family: "Smailhodzic", given: "Edin" }, { family: "Hooijsma", given: "Wyanda" }, { family: "Boonstra", given: "Albert" }, { family: "Langley", given: "David J." }],
      editor: [{ family: "Ventola", given: "C. Lee" }],
      issued: { "date-parts": [[2016]] },
    });
  });
});

describe('"et al." written another way, inside a list item', () => {
  it("names what the writer wrote in the fix", () => {
    const { diagnostics } = load(...HEAD, "    author:", "      - Lee, Mai", "      - Smith, J. and others");
    assert.deepEqual(diagnostics.map((d) => [d.line, d.field, d.fix]), [
      [10, "references[0].author[1]", 'write it without "and others" and add the other authors from the work below it, one per line (if you cannot find them, the ones you know are still better than "et al."):\n    - Smith, J.'],
    ]);
  });
});

describe("a reference's type under another program's name", () => {
  const typed = (...lines: string[]) => load("  - id: smith2016", ...lines, "    title: Social media use in healthcare").diagnostics.map(formatDiagnostic);

  it("gives CSL's name for Zotero's, BibTeX's and schema.org's types, and for everyday words", () => {
    assert.deepEqual(typed("    type: journalArticle"), [
      `${FILE}:6:5  references[0].type  reference "smith2016": "journalArticle" is not a CSL type: it is Zotero's name for CSL's article-journal → write it as \`type: article-journal\``,
    ]);
    const fixes = (type: string) => typed(`    type: ${type}`).map((m) => m.slice(m.indexOf("→")));
    assert.deepEqual(fixes("inproceedings"), ["→ write it as `type: paper-conference`"]);
    assert.deepEqual(fixes("BlogPosting"), ["→ write it as `type: post-weblog`"]);
    assert.deepEqual(fixes("blog post"), ["→ write it as `type: post-weblog`"]);
    assert.deepEqual(fixes("website"), ["→ write it as `type: webpage`"]);
    assert.deepEqual(fixes("Article-Journal"), ["→ write it as `type: article-journal`"]);
    assert.match(typed("    type: blog")[0]!, /"blog" is not a CSL type → write it as `type: post-weblog`$/);
  });

  it("reads Zotero's `itemType:` as the type, with one error, not a second for a missing type", () => {
    assert.deepEqual(typed("    itemType: journalArticle"), [
      `${FILE}:6:5  references[0].itemType  reference "smith2016": unknown field \`itemType\`: it would be left out of the reference → write it as \`type: article-journal\``,
    ]);
  });

  it("keeps \"did you mean\" for a typo and the list of types for anything else", () => {
    assert.match(typed("    type: artcle-journal")[0]!, /→ did you mean `article-journal`\?$/);
    assert.match(typed("    type: zzz")[0]!, /→ use a CSL type such as article-journal/);
  });
});

describe("names the citation style misreads, in a post", () => {
  it("tells PubMed's form, several people and degrees at each name's line and column; the post loads", () => {
    const { post, diagnostics } = load(
      ...HEAD,
      "    author:", // 8
      "      - Smith JA", // 9
      "      - Kate Doe and John Smith", // 10
      "      - Dr Ann Lee, PhD", // 11
      "      - Smailhodzic, Edin", // 12
    );
    assert.ok(post);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field, d.fix]), [
      ["warning", 9, 9, "references[0].author[0]", "if it is a person, write the family name first, then a comma and the initials with full stops:\n    - Smith, J. A.\nif it is an organisation, write it with `literal:`, which keeps it as written:\n    - literal: Smith JA"],
      ["warning", 10, 9, "references[0].author[1]", "if they are 2 people, write one per line, family name first, then a comma:\n    - Doe, Kate\n    - Smith, John\nif it is an organisation, write it with `literal:`, which keeps it as written:\n    - literal: Kate Doe and John Smith"],
      ["warning", 11, 9, "references[0].author[2]", "write the name without them, family name first, then a comma:\n    - Lee, Ann"],
    ]);
    assert.equal(diagnostics[2]!.message, 'reference "smith2016": "Dr Ann Lee, PhD" has "Dr" and "PhD" in it, which the citation style would print as part of the name: reference lists leave out titles (Dr, Prof) and degrees (PhD, MD)');
  });

  it("is silent once each fix is written", () => {
    const { post, diagnostics } = load(...HEAD, "    author:", "      - Smith, J. A.", "      - Doe, Kate", "      - Smith, John", "      - Lee, Ann", "      - literal: Smith JA");
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(post!.references[0]!.author, [
      { family: "Smith", given: "J. A." }, { family: "Doe", given: "Kate" }, { family: "Smith", given: "John" }, { family: "Lee", given: "Ann" }, { literal: "Smith JA" },
    ]);
  });

  it("leaves the post's own author alone: it is not a reference", () => {
    const { post, diagnostics } = loadPost(FILE, "---\ntitle: T\ndate: 2017-04-30\nauthor: Dr Kate Doe, PhD\n---\nText.\n", ctx);
    assert.deepEqual(diagnostics, []);
    assert.equal(post!.author, "Dr Kate Doe, PhD");
  });
});
