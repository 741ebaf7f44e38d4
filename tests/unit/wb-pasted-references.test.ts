// A BibTeX entry or a RIS record pasted under a post's `references:`: one error naming the
// format (the BibTeX entry rewritten as CSL YAML that reads back as the same work), and no
// citation of the post said to be missing from references that could not be read.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import type { SharedBibliography } from "../../lib/bibliography.ts";
import { formatBibliography } from "../../lib/citations.ts";
import { normaliseItem } from "../../lib/csl-normalise.ts";
import { resolvePostCitations, type UnreadReferences } from "../../lib/post-citations.ts";
import { pastedIds, pastedReferences, withoutPasted } from "../../lib/pasted-references.ts";
import { loadPost, type CitingPost } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

process.env.CHATPOST_CACHE_DIR = "off";
const BIBTEX = [
  "title: T", "date: 2020-01-07", "references:",
  "  @article{shaver2022,", "    title={The state of telehealth},", "    author={Shaver, Julia},", "    journal={New England Journal of Medicine},", "    year={2022}", "  }",
  "",
].join("\n");
const RIS = ["title: T", "references:", "  TY  - JOUR", "  AU  - Shaver, Julia", "  TI  - The state of telehealth: a review", "  PY  - 2022", "  ER  -", ""].join("\n");
const SHARED_FILE = "a .bib file of the shared bibliography (one that `citations.bibliography` lists in content/_data/site.yaml, such as content/bibliography.bib)";
const CSL_YAML = [
  "  - id: shaver2022", "    type: article-journal", "    title: The state of telehealth", "    author:", "      - Shaver, Julia",
  "    container-title: New England Journal of Medicine", "    issued: 2022",
].join("\n");

describe("a BibTeX entry pasted under references:", () => {
  it("is one error naming the format, at the entry's first line (in the file), with the entry as CSL YAML", () => {
    // The front matter starts at line 2 of the file, after its `---`.
    assert.deepEqual(pastedReferences(BIBTEX, 2), [{
      format: "bibtex", line: 4, endLine: 9, column: 3, id: "shaver2022",
      message: "this is a BibTeX entry (@article{shaver2022, …), as a reference manager exports it: `references:` takes references written in CSL YAML, one `- id:` item each, and YAML cannot read BibTeX",
      fix: `write it as CSL YAML, in place of lines 5–10:\n${CSL_YAML}\nor, to cite it from other posts too, delete lines 5–10 and put the entry as it is in ${SHARED_FILE}; either way, cite it as [@shaver2022]`,
    }]);
  });

  it("the CSL YAML of the fix, pasted as written, is read with no problem and printed as the work", () => {
    const { references } = parse(`references:\n${CSL_YAML}\n`) as { references: unknown[] };
    const { item, problems } = normaliseItem(references[0]);
    assert.deepEqual(problems, []);
    const printed = formatBibliography([item!], { style: "apa", locale: "en-US" })[0]!.html.replace(/<[^>]+>/g, "");
    assert.equal(printed, "Shaver, J. (2022). The state of telehealth. New England Journal of Medicine.");
  });

  it("is found at the left edge below other items, on the field's own line, and several at once, each with its lines", () => {
    const below = ["references:", "  - id: mack2017", "    type: webpage", "    title: M", "@book{topol2019, title={Deep medicine}, author={Topol, Eric}, publisher={Basic Books}, year=2019}", "tags: [health]"].join("\n");
    const [book] = pastedReferences(below);
    assert.deepEqual([book!.line, book!.endLine, book!.column, book!.id], [5, 5, 1, "topol2019"]);
    // At the indentation of the items already written.
    assert.match(book!.fix, /^write it as CSL YAML, in place of line 5:\n  - id: topol2019\n    type: book\n    title: Deep medicine\n    author:\n      - Topol, Eric\n    publisher: Basic Books\n    issued: 2019\n/);
    const inline = pastedReferences("references: @misc{x, title={Y}, year=2020}\n");
    assert.deepEqual(inline.map((p) => [p.line, p.column, p.id]), [[1, 13, "x"]]);
    assert.equal(pastedReferences(`${BIBTEX}  @book{b, title={B}, year=2001}\n`).length, 2);
  });

  it("that plugin-bibtex cannot read is named all the same, its fix without CSL YAML", () => {
    const [broken] = pastedReferences("references:\n  @article{broken,\n  title={Y\n", 2);
    assert.equal(broken!.fix, `delete lines 3–4 and put the entry as it is in ${SHARED_FILE}, then cite it as [@broken]; or write it here in CSL YAML, starting with "- id: some-key" (see the README, References)`);
  });

  it("has its key as an id, and the lines left blank leave the rest of the front matter where it was", () => {
    assert.deepEqual(pastedIds(BIBTEX), ["shaver2022"]);
    assert.deepEqual(pastedIds("references: @misc{x, title={Y}}"), ["x"]);
    assert.equal(withoutPasted(BIBTEX, pastedReferences(BIBTEX)), "title: T\ndate: 2020-01-07\nreferences:\n\n\n\n\n\n\n");
    assert.equal(withoutPasted("references: @misc{x, title={Y}}\ntags: [a]", pastedReferences("references: @misc{x, title={Y}}\ntags: [a]")), "references:\ntags: [a]");
  });

  it("is not found in front matter without one, nor in a field's value", () => {
    assert.deepEqual(pastedReferences("title: T\nreferences:\n  - id: a\n    type: book\n    title: \"@article{x, y}\"\n    note: TY  - JOUR\n"), []);
    assert.deepEqual(pastedReferences("title: T\ndescription: |\n  @article{x,\n"), []);
  });
});

describe("a RIS record pasted under references:", () => {
  it("is one error naming the format, for its lines, a blank line between records included", () => {
    assert.deepEqual(pastedReferences(RIS, 2), [{
      format: "ris", line: 3, endLine: 7, column: 3,
      message: "this is a RIS record (TY  - JOUR … ER  -), as a reference manager exports it: `references:` takes references written in CSL YAML, one `- id:` item each, and chatpost does not read RIS",
      fix: "delete lines 4–8 and export the reference again from your reference manager as BibTeX (to put in a .bib file of the shared bibliography, one that `citations.bibliography` lists in content/_data/site.yaml) or as CSL YAML (to put here), or write it in CSL YAML by hand, starting with \"- id: some-key\" (see the README, References)",
    }]);
    const two = pastedReferences("references:\nTY  - JOUR\nTI  - A\nER  - \n\nTY  - BOOK\nTI  - B\nER  - \ntags: [a]\n");
    assert.deepEqual(two.map((p) => [p.line, p.endLine, p.column]), [[2, 4, 1], [6, 8, 1]]);
  });
});

describe("citations of a post whose references: could not be read", () => {
  const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
  const FILE = "content/posts/2020-01-07-pasted.md";
  const NONE: SharedBibliography = { entries: new Map(), diagnostics: [] };
  const NOT_HELD = "which is neither in this post's references nor in the shared bibliography";
  // A post read whole, its references then taken away as an unreadable list leaves them.
  const citing = (body: string, extra: Partial<CitingPost & UnreadReferences>): CitingPost => {
    const { post } = loadPost(FILE, `---\ntitle: T\ndate: 2020-01-07\nnocite: ["@who2021"]\n---\n${body}`, { settings, root: "/nowhere", fileExists: () => false });
    return { ...post!, references: [], ...extra };
  };

  it("says no key is missing from them, in the text or in nocite, while no id can be read in them (a RIS record)", () => {
    const resolved = resolvePostCitations(citing("As shown [@shaver2022].\n", { referencesUnread: true }), NONE);
    assert.deepEqual(resolved.diagnostics, []);
    assert.deepEqual(resolved.unresolved, []);
  });

  it("still says so when the ids written there are known and the key is none of them", () => {
    const resolved = resolvePostCitations(citing("As shown [@shaver2022] and [@nothere].\n", { brokenReferences: ["shaver2022"] }), NONE);
    assert.deepEqual(resolved.diagnostics.map((d) => d.message), [`the citation [@nothere] cites "nothere", ${NOT_HELD}`, `nocite lists "who2021", ${NOT_HELD}`]);
  });
});
