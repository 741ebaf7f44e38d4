// A writer's mistakes in a post's references: each is an error at its line, naming the
// field, with a fix that keeps what they wrote; valid references and organisations stay valid.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
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
      ["Smith J, Doe K", ["Smith, J", "Doe, K"]],
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
      '      - "Department of Health and Social Care, UK"',
      "      - Smailhodzic, Edin",
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(post!.references[0]!.author, [
      { literal: "Johnson & Johnson" },
      { literal: "Agency for Healthcare Research and Quality" },
      { family: "Department of Health and Social Care", given: "UK" },
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
