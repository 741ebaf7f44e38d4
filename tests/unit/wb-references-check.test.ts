// The writer audit's posts, checked whole: a name split at its comma in brackets, a BibTeX
// entry and a RIS record pasted under `references:`. Each is one error with the lines to write,
// and the post with those lines pasted as written checks clean and prints the work as meant.
// (Needs lib/front-matter.ts and lib/post-loader.ts to call lib/pasted-references.ts and give
// normaliseItem the field's source line: /tmp/wb-1.diff and /tmp/wb-2.diff.)
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { SharedBibliography } from "../../lib/bibliography.ts";
import type { CitationStyle } from "../../lib/citations.ts";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { postCitations, resolvePostCitations } from "../../lib/post-citations.ts";
import { loadPost } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

process.env.CHATPOST_CACHE_DIR = "off";
const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const FILE = "content/posts/2020-01-07-audit.md";
const apa: CitationStyle = { style: "apa", locale: "en-US" };
const NONE: SharedBibliography = { entries: new Map(), diagnostics: [] };
const HEAD = ["---", "title: T", "date: 2020-01-07", "author: Dana Whitfield", "chat:", "  start: 2020-01-14T20:30", "references:"];
const load = (text: string) => loadPost(FILE, text, { settings, root: "/nowhere", fileExists: () => false });
const told = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === "error").map((d) => `${d.line}:${d.column} ${d.field} ${d.message} → ${d.fix}`);
/** Every error of the post, its citations' included, as the check tells them. */
function errors(text: string): Diagnostic[] {
  const result = load(text);
  const citing = result.post ?? result.citing;
  return [...result.diagnostics, ...(citing ? resolvePostCitations(citing, NONE).diagnostics : [])].filter((d) => d.severity === "error");
}
/** The fix's first way: its lines between the first ":" and the next line at the left edge. */
function firstWay(fix: string): string[] {
  const lines = fix.split("\n").slice(1);
  const end = lines.findIndex((l) => !/^\s/.test(l));
  return end < 0 ? lines : lines.slice(0, end);
}
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#38;/g, "&");

describe("a name split at its comma in brackets, in a post", () => {
  const post = [...HEAD, "  - id: topol2020", "    type: report", "    title: Health online", "    author: [Topol, Eric]", "    issued: 2020", "---", "As shown [@topol2020].", ""].join("\n");

  it("is one error at the field, whose fix is at the field's indentation", () => {
    const ds = errors(post);
    assert.deepEqual(told(ds), [
      '11:5 references[0].author reference "topol2020": the authors are read as 2 names, "Topol" and "Eric": in square brackets each comma separates two names, so a name written "Family, Given" is split in two → if it is one person, write one person per line, family name first, then a comma:\n    author:\n      - Topol, Eric\nif they are 2 names of one word each (organisations, or one-word names such as Plato), write one per line:\n    author:\n      - Topol\n      - Eric',
    ]);
  });

  it("pasted as written in place of the line, checks clean and prints one author, Topol, E.", () => {
    const fixed = post.replace("    author: [Topol, Eric]", firstWay(errors(post)[0]!.fix!).join("\n"));
    const result = load(fixed);
    assert.deepEqual(result.diagnostics, []);
    const formatted = postCitations(result.post!, apa, NONE);
    assert.equal(text(formatted.citations[0]!), "(Topol, 2020)");
    assert.equal(text(formatted.bibliography[0]!.html), "Topol, E. (2020). Health online.");
  });

  it("the second way, one name per line, checks clean and is read as two names", () => {
    const ways = errors(post)[0]!.fix!.split("\n");
    const second = ways.slice(ways.findIndex((l) => l.startsWith("if they are")) + 1);
    const result = load(post.replace("    author: [Topol, Eric]", second.join("\n")));
    assert.deepEqual(result.diagnostics, []);
    assert.equal(text(postCitations(result.post!, apa, NONE).citations[0]!), "(Topol & Eric, 2020)");
  });

  it("`[Fox, S., Duggan, M.]` pasted as the fix says prints two people", () => {
    const fox = post.replace("[Topol, Eric]", "[Fox, S., Duggan, M.]");
    const [d] = errors(fox);
    assert.equal(d!.fix, "write one person per line, family name first, then a comma:\n    author:\n      - Fox, S.\n      - Duggan, M.");
    const result = load(fox.replace("    author: [Fox, S., Duggan, M.]", firstWay(d!.fix!).join("\n")));
    assert.deepEqual(result.diagnostics, []);
    assert.equal(text(postCitations(result.post!, apa, NONE).citations[0]!), "(Fox & Duggan, 2020)");
  });

  it("`[WHO, UNICEF]` and `[Cochrane]` check clean", () => {
    for (const names of ["[WHO, UNICEF]", "[Cochrane]", "[Plato]"]) assert.deepEqual(load(post.replace("[Topol, Eric]", names)).diagnostics, [], names);
  });
});

describe("a BibTeX entry pasted under references:, in a post", () => {
  const entry = ["  @article{shaver2022,", "    title={The state of telehealth},", "    author={Shaver, Julia},", "    journal={New England Journal of Medicine},", "    year={2022}", "  }"];
  const post = [...HEAD, ...entry, "---", "As shown [@shaver2022].", ""].join("\n");

  it("is one error, and its citation is not said to be missing", () => {
    assert.deepEqual(told(errors(post)), [
      "8:3 references this is a BibTeX entry (@article{shaver2022, …), as a reference manager exports it: `references:` takes references written in CSL YAML, one `- id:` item each, and YAML cannot read BibTeX → write it as CSL YAML, in place of lines 8–13:\n  - id: shaver2022\n    type: article-journal\n    title: The state of telehealth\n    author:\n      - Shaver, Julia\n    container-title: New England Journal of Medicine\n    issued: 2022\nor, to cite it from other posts too, delete lines 8–13 and put the entry as it is in a .bib file of the shared bibliography (one that `citations.bibliography` lists in content/_data/site.yaml, such as content/bibliography.bib); either way, cite it as [@shaver2022]",
    ]);
  });

  it("the CSL YAML of the fix, pasted in place of the entry, checks clean and prints the work", () => {
    const fixed = post.replace(entry.join("\n"), firstWay(errors(post)[0]!.fix!).join("\n"));
    const result = load(fixed);
    assert.deepEqual(result.diagnostics, []);
    const formatted = postCitations(result.post!, apa, NONE);
    assert.equal(text(formatted.citations[0]!), "(Shaver, 2022)");
    assert.equal(text(formatted.bibliography[0]!.html), "Shaver, J. (2022). The state of telehealth. New England Journal of Medicine.");
  });

  it("below readable items, at the left edge, hides no field below it", () => {
    const below = [...HEAD, "  - id: mack2017", "    type: webpage", "    title: M", "    accessed: 2020-01-01", "@book{topol2019, title={Deep medicine}, author={Topol, Eric}, publisher={Basic Books}, year=2019}", "tags: [health]", "---", "As shown [@topol2019], [@mack2017] and [@nothere].", ""].join("\n");
    assert.deepEqual(errors(below).map((d) => `${d.line}:${d.column} ${d.message.split(":")[0]}`), [
      "12:1 this is a BibTeX entry (@book{topol2019, …), as a reference manager exports it",
      // The ids of the list are all known: a key that is none of them is told.
      "15:40 the citation [@nothere] cites \"nothere\", which is neither in this post's references nor in the shared bibliography",
    ]);
  });
});

describe("a RIS record pasted under references:, in a post", () => {
  const post = [...HEAD, "  TY  - JOUR", "  AU  - Shaver, Julia", "  TI  - The state of telehealth", "  PY  - 2022", "  ER  -", "---", "As shown [@shaver2022].", ""].join("\n");

  it("is one error naming the format, and no citation is said to be missing from the list it hides", () => {
    assert.deepEqual(told(errors(post)), [
      "8:3 references this is a RIS record (TY  - JOUR … ER  -), as a reference manager exports it: `references:` takes references written in CSL YAML, one `- id:` item each, and chatpost does not read RIS → delete lines 8–12 and export the reference again from your reference manager as BibTeX (to put in a .bib file of the shared bibliography, one that `citations.bibliography` lists in content/_data/site.yaml) or as CSL YAML (to put here), or write it in CSL YAML by hand, starting with \"- id: some-key\" (see the README, References)",
    ]);
  });
});
