// Citation slips, further (tests/unit/citation-typos.test.ts has the first ones):
// - a citation of a shared entry left out for an error of its own, or of a key a shared
//   file that could not be read may hold, names that entry or file, once per post and key;
// - a locator written in words pandoc does not read ("p 3", "para 4", "pg. 3") is a
//   warning whose fix is the locale's word, which the style then prints its own way;
// - a style that prints no locator, or no author for `@key` (Vancouver), is told once per
//   post, found by formatting probes once per style and locale.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { loadSharedBibliography, type SharedBibliography } from "../../lib/bibliography.ts";
import { locatorSlips, scanCitations } from "../../lib/citation-syntax.ts";
import { registerStyle, styleTraits, type CitationStyle } from "../../lib/citations.ts";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { citationLocatorTerms } from "../../lib/locator-terms.ts";
import { createMarkdown } from "../../lib/markdown.ts";
import { postCitations, resolvePostCitations, type SharedFailures } from "../../lib/post-citations.ts";
import { loadPost } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

process.env.CHATPOST_CACHE_DIR = "off";
const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const FILE = "content/posts/2020-01-07-slips.md";
const apa: CitationStyle = { style: "apa", locale: "en-US" };
const vancouver: CitationStyle = { style: "vancouver", locale: "en-US" };

function post(frontMatter: string, body: string) {
  const result = loadPost(FILE, `---\ntitle: T\ndate: 2020-01-07\n${frontMatter}\n---\n${body}`, { settings, root: "/nowhere", fileExists: () => false });
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === "error"), []);
  return result.post!;
}

const hung = "references:\n  - {id: hung2021, type: book, title: Care, author: \"Hung, Mei\", issued: 2021}";
const NOT_HELD = "which is neither in this post's references nor in the shared bibliography";
const NONE: SharedBibliography = { entries: new Map(), diagnostics: [] };
const xu = { file: "content/bibliography.bib", line: 1, item: { id: "xu2001", type: "book", title: "Shared", author: [{ family: "Xu", given: "Ann" }], issued: { "date-parts": [[2001]] } } } as const;
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === "error");
const warnings = (ds: Diagnostic[]) => ds.filter((d) => d.severity === "warning");

describe("a citation of a shared entry left out for an error of its own", () => {
  const shared: SharedBibliography & SharedFailures = { entries: new Map([["xu2001", xu]]), diagnostics: [], broken: new Map([["smith2019", { file: "content/bibliography.bib", line: 7 }]]) };

  it("names the entry, its file and line, and says to fix it first, once per post", () => {
    const p = post(hung, "As shown [@smith2019], and again [see @smith2019, p. 3; @xu2001].\n");
    const resolved = resolvePostCitations(p, shared);
    assert.equal(resolved.diagnostics.length, 1);
    const [d] = resolved.diagnostics;
    assert.equal(d!.severity, "error");
    assert.deepEqual([d!.file, d!.line, d!.column], [FILE, p.bodyLine, 10]);
    assert.equal(d!.message, 'the citation [@smith2019] cites "smith2019": the shared bibliography\'s entry "smith2019" (content/bibliography.bib, line 7) has an error of its own, so it is left out');
    assert.equal(d!.fix, "fix that entry first (its error is reported at content/bibliography.bib, line 7); the citation then works as written");
    // Not a key another post may hold: the checks between posts leave it alone.
    assert.deepEqual(resolved.unresolved, []);
  });

  it("in nocite too, unless a citation told it already", () => {
    const listed = resolvePostCitations(post(`${hung}\nnocite: ["@smith2019"]`, "Body.\n"), shared).diagnostics;
    assert.equal(listed.length, 1);
    assert.equal(listed[0]!.field, "nocite[0]");
    assert.match(listed[0]!.message, /^nocite lists "smith2019": the shared bibliography's entry "smith2019" \(content\/bibliography\.bib, line 7\) has an error of its own/);
    const both = resolvePostCitations(post(`${hung}\nnocite: ["@smith2019"]`, "[@smith2019]\n"), shared).diagnostics;
    assert.equal(both.length, 1);
    assert.equal(both[0]!.field, "");
  });

  it("still tells a key written in other capitals to match the entry's", () => {
    const [d] = resolvePostCitations(post(hung, "[@Smith2019]\n"), shared).diagnostics;
    assert.match(d!.message, /but the reference id is "smith2019": ids must match in capitals/);
  });
});

describe("a citation when a shared bibliography file could not be read", () => {
  const shared: SharedBibliography & SharedFailures = { entries: new Map([["xu2001", xu]]), diagnostics: [], unreadable: ["content/zotero.json"] };

  it("says that the file could not be read instead of asking to add the work, once per key", () => {
    const p = post(hung, "[@smith2019] and [@smith2019, p. 4] and [@jones2020].\n");
    const resolved = resolvePostCitations(p, shared);
    assert.equal(resolved.diagnostics.length, 2);
    const [d] = resolved.diagnostics;
    assert.equal(d!.message, 'the citation [@smith2019] cites "smith2019", which is not in this post\'s references, and the shared bibliography file content/zotero.json, which may hold it, could not be read (see that file\'s error)');
    assert.equal(d!.fix, 'fix content/zotero.json first; then, if "smith2019" is not in it, add the work to `references:`');
    assert.doesNotMatch(resolved.diagnostics[1]!.message, /neither/);
    assert.deepEqual(resolved.unresolved, []);
  });

  it("names every file that could not be read, and a near key", () => {
    const two = { ...shared, unreadable: ["content/a.json", "content/b.yaml"] };
    const [d] = resolvePostCitations(post(hung, "[@xu2002]\n"), two).diagnostics;
    assert.match(d!.message, /the shared bibliography files content\/a\.json, content\/b\.yaml, which may hold it, could not be read \(see their errors\)$/);
    assert.equal(d!.fix, 'fix those files first; then, if "xu2002" is not in them, did you mean @xu2001? write `[@xu2001]`');
  });

  it("leaves a key that every file could hold, when all were read, to the usual error", () => {
    const [d] = resolvePostCitations(post(hung, "[@smith2019]\n"), { entries: new Map([["xu2001", xu]]), diagnostics: [] }).diagnostics;
    assert.match(d!.message, new RegExp(NOT_HELD));
  });
});

// These two need lib/bibliography.ts to remember what it left out (SharedBibliography.broken, .unreadable).
describe("the shared bibliography remembers what it could not use (lib/bibliography.ts)", () => {
  const root = mkdtempSync(path.join(tmpdir(), "chatpost-slips-"));
  writeFileSync(path.join(root, "refs.bib"), "@book{ok2001,\n  author = {Ok, Ann},\n  title = {Fine},\n  year = {2001}\n}\n\n@book{smith2019,\n  author = {Smith, John and others},\n  title = {Dropped},\n  year = {2019}\n}\n");
  writeFileSync(path.join(root, "zotero.json"), '[ {"id": "x", "type": "book", "title": "X"}, ]\n');

  it("keeps the key, file and line of an entry dropped for its error, and the files it could not read", () => {
    // SharedFailures until lib/bibliography.ts declares them on SharedBibliography.
    const shared: SharedBibliography & SharedFailures = loadSharedBibliography(root, ["refs.bib", "zotero.json", "missing.yaml"]);
    assert.deepEqual([...shared.entries.keys()], ["ok2001"]);
    assert.deepEqual(shared.broken?.get("smith2019"), { file: "refs.bib", line: 7 });
    assert.deepEqual(shared.unreadable, ["zotero.json", "missing.yaml"]);
  });

  it("so that a post citing them is told so, not to add the works", () => {
    const shared = loadSharedBibliography(root, ["refs.bib", "zotero.json"]);
    const ds = resolvePostCitations(post(hung, "[@smith2019] and [@jones2020]\n"), shared).diagnostics;
    assert.equal(ds.length, 2);
    assert.match(ds[0]!.message, /the shared bibliography's entry "smith2019" \(refs\.bib, line 7\) has an error of its own/);
    assert.match(ds[1]!.message, /the shared bibliography file zotero\.json, which may hold it, could not be read/);
  });
});

describe("a locator in words pandoc does not read", () => {
  const slip = (body: string, style: CitationStyle | undefined = apa) => warnings(resolvePostCitations(post(hung, `${body}\n`), NONE, undefined, style).diagnostics);
  const fixes: [string, string][] = [
    ["[@hung2021, p 3]", "[@hung2021, p. 3]"],
    ["[@hung2021, pg. 3]", "[@hung2021, p. 3]"],
    ["[@hung2021, para 4]", "[@hung2021, para. 4]"],
    ["[@hung2021, ch. 2]", "[@hung2021, chap. 2]"],
    ["[@hung2021, chap 2]", "[@hung2021, chap. 2]"],
    ["[@hung2021, pp 3-5]", "[@hung2021, pp. 3-5]"],
    ["[@hung2021, fig 2]", "[@hung2021, fig. 2]"],
    ["[@hung2021, sec 4]", "[@hung2021, sec. 4]"],
    ["[@hung2021, table 2]", "[@hung2021, Table 2]"],
    ["[@hung2021, tbl. 2]", "[@hung2021, Table 2]"],
    ["@hung2021 [p 3] says", "@hung2021 [p. 3]"],
    ["[see @hung2021, pgs 3–5]", "[see @hung2021, pp. 3–5]"],
  ];

  for (const [written, corrected] of fixes) {
    it(`${written} → ${corrected}`, () => {
      const [d] = slip(written);
      assert.ok(d, `no warning for ${written}`);
      assert.equal(d.fix, `write \`${corrected}\``);
      assert.deepEqual([d.file, d.column], [FILE, 1]);
    });
  }

  it("tells why, with the locale's word", () => {
    const [d] = slip("[@hung2021, para 4]");
    assert.equal(d!.message, 'the citation [@hung2021, para 4] prints "para 4" as typed: pandoc reads only the locator words of the site\'s citation language, periods included ("para." for a paragraph), and the style then prints them its own way');
    const [table] = slip("[@hung2021, table 2]");
    assert.match(table!.message, /pandoc has no locator for a table, so write it as the style writes one \("Table 2"\)$/);
  });

  it("whose fix, applied, prints as the style says", () => {
    const print = (body: string) => postCitations(post(hung, `${body}\n`), apa, NONE).citations[0]!.replace(/<[^>]*>/g, "");
    assert.equal(print("[@hung2021, para 4]"), "(Hung, 2021, para 4)");
    assert.equal(print("[@hung2021, para. 4]"), "(Hung, 2021, para. 4)");
    assert.equal(print("[@hung2021, chap. 2]"), "(Hung, 2021, Chapter 2)");
    assert.equal(print("[@hung2021, Table 2]"), "(Hung, 2021, Table 2)");
    for (const [, corrected] of fixes) assert.deepEqual(slip(corrected), [], corrected);
  });

  it("leaves locators pandoc reads, and text that is a suffix", () => {
    for (const body of ["[@hung2021, fig. 2]", "[@hung2021, page 3]", "[@hung2021, pages 3-5]", "[@hung2021, and elsewhere]", "[@hung2021, table 2 shows this]", "[@hung2021{}, p 3]", "[@hung2021, study 2]", "[@hung2021, p mid]", "[@hung2021, Table 2]"]) {
      assert.deepEqual(slip(body), [], body);
    }
  });

  it("writes a table as the style does: lowercase where the style's figure is", () => {
    assert.deepEqual(slip("[@hung2021, table 2]", { style: "harvard1", locale: "en-US" }), []);
    assert.equal(slip("[@hung2021, tbl. 2]", { style: "harvard1", locale: "en-US" })[0]!.fix, "write `[@hung2021, table 2]`");
  });

  it("reads the words of the site's locale", () => {
    const de: CitationStyle = { style: "apa", locale: "de-DE" };
    assert.equal(slip("[@hung2021, S 33]", de)[0]!.fix, "write `[@hung2021, S. 33]`");
    assert.equal(slip("[@hung2021, Kap 2]", de)[0]!.fix, "write `[@hung2021, Kap. 2]`");
    // English abbreviations are plain text there, as pandoc reads them.
    assert.deepEqual(slip("[@hung2021, pg 3]", de), []);
  });

  it("locatorSlips corrects each work of a citation", () => {
    const terms = citationLocatorTerms("apa", "en-US");
    const [cluster] = scanCitations(createMarkdown(), "[see @a, pgs 3-5; @b, ch 4; @c, p. 2]\n", terms).clusters;
    const found = locatorSlips(cluster!, terms);
    assert.deepEqual(found?.slips.map((s) => [s.written, s.suggested, s.label]), [["pgs 3-5", "pp. 3-5", "page"], ["ch 4", "chap. 4", "chapter"]]);
    assert.equal(found?.corrected, "[see @a, pp. 3-5; @b, chap. 4; @c, p. 2]");
  });
});

describe("a style that prints no locator, or no author for @key", () => {
  const body = "First [@hung2021, pp. 3-5]. Then [see @hung2021, p. 7 and elsewhere].\n\n@hung2021 says so, and @hung2021 [p. 9] too.\n";

  it("warns once per post for each, at the first citation concerned", () => {
    const p = post(hung, body);
    const ds = resolvePostCitations(p, NONE, undefined, vancouver).diagnostics;
    assert.deepEqual(errors(ds), []);
    assert.equal(ds.length, 2);
    const [locator, narrative] = ds;
    assert.deepEqual([locator!.line, locator!.column], [p.bodyLine, 7]);
    assert.equal(locator!.message, "the citation [@hung2021, pp. 3-5] gives a locator (page 3-5), but the site's citation style (vancouver) prints no locator in a citation: it would be lost (and 2 more citations with a locator in this post)");
    assert.equal(locator!.fix, 'write `[@hung2021]` and say where in the work in your sentence (e.g. "on page 3-5"), or have `citations.style` in the site settings name a style that prints locators');
    assert.deepEqual([narrative!.line, narrative!.column], [p.bodyLine + 2, 1]);
    assert.equal(narrative!.message, "the citation @hung2021 is meant to name the author in your sentence, but the site's citation style (vancouver) names no author in the text: it prints only the citation, as [@hung2021] would (and 1 more such citation in this post)");
    assert.equal(narrative!.fix, "write the name yourself before the citation: `Hung [@hung2021]`");
  });

  it("whose narrative fix keeps the locator where the style prints it, and drops it where not", () => {
    // A numeric style that prints locators: found by its probe, not by its name.
    registerStyle("test-numeric-locators", `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>N</title><id>n1</id><updated>2020-01-01T00:00:00+00:00</updated></info>` +
      `<citation><layout prefix="(" suffix=")" delimiter="; "><group delimiter=", "><text variable="citation-number"/><group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group></group></layout></citation>` +
      `<bibliography><layout><text variable="title"/></layout></bibliography></style>`);
    const numeric: CitationStyle = { style: "test-numeric-locators", locale: "en-US" };
    assert.deepEqual(styleTraits(numeric), { locators: true, narrative: false, figure: "fig." });
    const fix = (style: CitationStyle, body: string) => resolvePostCitations(post(hung, body), NONE, undefined, style).diagnostics.find((d) => /name the author/.test(d.message))?.fix;
    assert.equal(fix(numeric, "@hung2021 [p. 9] says so.\n"), "write the name yourself before the citation: `Hung [@hung2021, p. 9]`");
    assert.equal(fix(vancouver, "@hung2021 [p. 9] says so.\n"), "write the name yourself before the citation: `Hung [@hung2021]`");
    assert.equal(fix(vancouver, "@hung2021 [and elsewhere] says so.\n"), "write the name yourself before the citation: `Hung [@hung2021, and elsewhere]`");
    const print = (style: CitationStyle, body: string) => postCitations(post(hung, body), style, NONE).citations[0]!.replace(/<[^>]*>/g, "");
    assert.equal(print(numeric, "@hung2021 [p. 9] says so.\n"), print(numeric, "[@hung2021, p. 9] says so.\n"));
    assert.equal(print(numeric, "Hung [@hung2021, p. 9] says so.\n"), "(1, p. 9)");
    // Two authors, or none but a title.
    const two = "references:\n  - {id: ab2020, type: book, title: Two, author: [\"Ab, Ann\", \"Cd, Carl\"], issued: 2020}\n  - {id: anon, type: webpage, title: Nobody wrote this}";
    // A key the post does not hold (its own error): no name to offer.
    assert.equal(fix(vancouver, "@ab2020 says so.\n"), "write the name yourself before the citation: `Name [@ab2020]`, with the author's name (or the work's title) for Name");
    const named = (body: string) => resolvePostCitations(post(two, body), NONE, undefined, vancouver).diagnostics.find((d) => /name the author/.test(d.message))?.fix;
    assert.equal(named("@ab2020 says so.\n"), "write the name yourself before the citation: `Ab and Cd [@ab2020]`");
    assert.equal(named("@anon says so.\n"), "write the name yourself before the citation: `Nobody wrote this [@anon]`");
  });

  it("is silent for a style that prints both, and without a style", () => {
    assert.deepEqual(resolvePostCitations(post(hung, body), NONE, undefined, apa).diagnostics, []);
    assert.deepEqual(resolvePostCitations(post(hung, body), NONE).diagnostics, []);
  });

  it("probes each style once, and tells what it prints", () => {
    const traits = styleTraits(vancouver);
    assert.deepEqual(traits, { locators: false, narrative: false });
    assert.equal(styleTraits(vancouver), traits);
    assert.deepEqual(styleTraits(apa), { locators: true, narrative: true, figure: "Figure" });
  });

  it("does not offer a locator word where the style prints no locator", () => {
    assert.deepEqual(warnings(resolvePostCitations(post(hung, "[@hung2021, para 4]\n"), NONE, undefined, vancouver).diagnostics), []);
  });
});
