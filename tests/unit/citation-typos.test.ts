// Citation typos that pandoc reads otherwise than meant ("[smith2016]", "[@a, @b]",
// "(@a)", "[@Smith2016]"): each is reported at its line and column in the file, with
// the writer's citation corrected; ordinary text in brackets is left alone.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { SharedBibliography } from "../../lib/bibliography.ts";
import { citationDiagnostics, postCitations, resolvePostCitations } from "../../lib/post-citations.ts";
import { loadPost } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";
import type { Diagnostic } from "../../lib/diagnostics.ts";

process.env.CHATPOST_CACHE_DIR = "off";
const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const FILE = "content/posts/2020-01-07-typos.md";
const apa = { style: "apa", locale: "en-US" };

const references = [
  "references:",
  '  - {id: smith2016, type: book, title: First, author: "Smith, Sam", issued: 2016}',
  '  - {id: doe2005, type: book, title: Second, author: "Doe, John", issued: 2005}',
].join("\n");
const shared: SharedBibliography = {
  entries: new Map([["xu2001", { file: "content/bibliography.yaml", line: 1, item: { id: "xu2001", type: "book", title: "Shared", author: [{ family: "Xu", given: "Ann" }], issued: { "date-parts": [[2001]] } } }]]),
  diagnostics: [],
};

function post(body: string) {
  const result = loadPost(FILE, `---\ntitle: T\ndate: 2020-01-07\n${references}\n---\n${body}`, { settings, root: "/nowhere", fileExists: () => false });
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === "error"), []);
  return result.post!;
}

/** The diagnostics of a body whose third line is `line`, as [severity, line in the body, column, message, fix]. */
function typos(line: string): [Diagnostic["severity"], number, number | undefined, string, string | undefined][] {
  const p = post(`Intro.\n\n${line}\n`);
  return resolvePostCitations(p, shared).diagnostics.map((d) => [d.severity, d.line! - p.bodyLine, d.column, d.message, d.fix]);
}

describe("a comma between two citations in one bracket", () => {
  it("is an error when the key after the comma is a reference: pandoc reads it as the first one's suffix", () => {
    assert.deepEqual(typos("Text [@doe2005, @xu2001] here."), [
      ["error", 2, 6, '[@doe2005, @xu2001] does not show as meant: "@xu2001" has no semicolon before it, so it is read as part of the citation before it', "write `[@doe2005; @xu2001]`: citations in one bracket are separated by semicolons"],
    ]);
  });

  it("keeps a locator before the comma, and a missing space, in the correction", () => {
    assert.deepEqual(typos("[@doe2005, p. 3, @xu2001]").map((d) => d[4]), ["write `[@doe2005, p. 3; @xu2001]`: citations in one bracket are separated by semicolons"]);
    assert.deepEqual(typos("[see @doe2005,@xu2001]").map((d) => d[4]), ["write `[see @doe2005; @xu2001]`: citations in one bracket are separated by semicolons"]);
  });

  it("is a warning when the key after the comma is no reference, which may be a handle", () => {
    assert.deepEqual(typos("[@doe2005, thanks to @hcldr]"), [
      [
        "warning", 2, 1,
        '[@doe2005, thanks to @hcldr] does not show as meant: "@hcldr" has no semicolon before it, so it is read as part of the citation before it',
        "write `[@doe2005; thanks to @hcldr]`: citations in one bracket are separated by semicolons; if @hcldr is not a citation, such as a social media handle, write \\@ instead of @",
      ],
    ]);
  });
});

describe("a bracket that pandoc shows as text", () => {
  it("[@a; b]: a reference id without @ after a semicolon is an error", () => {
    assert.deepEqual(typos("As said [@doe2005; xu2001]."), [
      ["error", 2, 9, '[@doe2005; xu2001] is not read as a citation, so its brackets show as text: "xu2001" has no @', "write `[@doe2005; @xu2001]`: between semicolons, each part of a citation needs its own @key"],
    ]);
  });

  it("[@a; text]: text between semicolons is a warning, joined to the citation before it by a comma", () => {
    assert.deepEqual(typos("[@doe2005; see chapter 2]"), [
      [
        "warning", 2, 1,
        '[@doe2005; see chapter 2] is not read as a citation, so its brackets show as text: "see chapter 2" has no citation key',
        "write `[@doe2005, see chapter 2]`: between semicolons, each part of a citation needs its own @key; a comma keeps text with the citation before it",
      ],
    ]);
  });

  it("[@a; smth2016]: a word near a reference id is a warning, corrected to that id", () => {
    assert.deepEqual(typos("[@doe2005; smth2016]").map((d) => [d[0], d[3], d[4]]), [
      ["warning", '[@doe2005; smth2016] is not read as a citation, so its brackets show as text: "smth2016" has no @ (the nearest reference id is smith2016)', "write `[@doe2005; @smith2016]`: between semicolons, each part of a citation needs its own @key"],
    ]);
  });

  it("[@ smith2016]: a space after @ is an error for a reference id, a warning otherwise", () => {
    assert.deepEqual(typos("See [@ smith2016, p. 4]."), [
      ["error", 2, 5, '[@ smith2016, p. 4] is not read as a citation, so its brackets show as text: "@ smith2016" has a space after @', "write `[@smith2016, p. 4]`: between semicolons, each part of a citation needs its own @key"],
    ]);
    assert.deepEqual(typos("[@ nobody]").map((d) => [d[0], d[4]]), [["warning", "write `[@nobody]`: between semicolons, each part of a citation needs its own @key"]]);
    assert.deepEqual(typos("[@doe2005; @ xu2001]").map((d) => [d[0], d[4]]), [["error", "write `[@doe2005; @xu2001]`: between semicolons, each part of a citation needs its own @key"]]);
  });

  it("[smith2016]: a reference id in brackets without @ is an error, in any case, alone or with a prefix and locator", () => {
    assert.deepEqual(typos("Read [smith2016] first."), [
      ["error", 2, 6, '[smith2016] shows as text in brackets, not as a citation: "smith2016" is a reference id written without @', "write `[@smith2016]`: a citation needs @ before the id"],
    ]);
    assert.deepEqual(typos("[see smith2016, p. 3]").map((d) => d[4]), ["write `[see @smith2016, p. 3]`: a citation needs @ before the id"]);
    assert.deepEqual(typos("[Smith2016]").map((d) => [d[0], d[4]]), [["error", "write `[@smith2016]`: a citation needs @ before the id"]]);
    assert.deepEqual(typos("[-xu2001]").map((d) => d[4]), ["write `[-@xu2001]`: a citation needs @ before the id"]);
  });
});

describe("a citation in round brackets", () => {
  it("(@a) and (@a, p. 3) are errors: the author shows in the text, the year in brackets of its own", () => {
    assert.deepEqual(typos("It works (@smith2016, p. 3)."), [
      ["error", 2, 10, '(@smith2016, p. 3) shows the author in the text and the year in brackets of its own, as in "(Smith (2016))"', "write `[@smith2016, p. 3]`: a citation in brackets takes square brackets"],
    ]);
    assert.deepEqual(typos("Twice (@smith2016; -@xu2001).").map((d) => [d[0], d[4]]), [["error", "write `[@smith2016; -@xu2001]`: a citation in brackets takes square brackets"]]);
  });

  it("with a prefix, a warning; round brackets around a sentence that cites are left alone", () => {
    assert.deepEqual(typos("It works (see @smith2016).").map((d) => [d[0], d[2], d[4]]), [["warning", 10, "write `[see @smith2016]`: a citation in brackets takes square brackets"]]);
    assert.deepEqual(typos("It works (as @smith2016 argues)."), []);
  });

  it("around a handle that names no reference, nor nearly, only the unknown key's error: write \\@", () => {
    const found = typos("Follow us (@hcldr).");
    assert.deepEqual(found.map((d) => [d[0], d[2]]), [["error", 12]]);
    assert.match(String(found[0]![4]), /write \\@ instead of @/);
    // Nearly a reference id: still about the round brackets.
    assert.match(typos("It works (@smith2061).").map((d) => d[3]).join("\n"), /\(@smith2061\) shows the author in the text/);
  });
});

describe("a key in the wrong case", () => {
  it("is named as such, with the citation corrected", () => {
    assert.deepEqual(typos("So [see @Smith2016, p. 3; @xu2001]."), [
      [
        "error", 2, 4,
        'the citation [see @Smith2016, p. 3; @xu2001] cites "Smith2016", but the reference id is "smith2016": ids must match in capitals and small letters',
        "write `[see @smith2016, p. 3; @xu2001]`",
      ],
    ]);
  });

  it("in a narrative citation too", () => {
    assert.deepEqual(typos("@XU2001 says so.").map((d) => d[4]), ["write `@xu2001`"]);
  });
});

describe("what is not a typo", () => {
  it("ordinary brackets, links, e-mail addresses, code, escapes, footnote-like and reference links", () => {
    const body = [
      "A quote [sic], a number [1], a note [see chapter 2], a [link](https://example.org) and [smith2016](https://example.org/s).",
      "Write to me@smith2016.org or [ask me @ noon]; \\[smith2016\\] and \\[^smith2016] stay as written.",
      "Code: `[smith2016]` and `[@doe2005, @xu2001]`.",
      "",
      "    [smith2016] (@smith2016)",
      "",
      "A reference link [smith2016].",
      "",
      "[smith2016]: https://example.org/ref",
      "",
      "(@smith2016 argues so) and [@doe2005, \\@xu2001] with an escaped @.",
    ].join("\n");
    assert.deepEqual(resolvePostCitations(post(body), shared).diagnostics, []);
  });

  it("a final period after a key, and a locator without its comma, which pandoc reads as meant", () => {
    const p = post("As @smith2016. Then [see @smith2016 p. 3].\n");
    const resolved = resolvePostCitations(p, shared);
    assert.deepEqual(resolved.diagnostics, []);
    assert.deepEqual(resolved.clusters, [[{ id: "smith2016", mode: "author-in-text" }], [{ id: "smith2016", mode: "normal", prefix: "see", locator: "3", label: "page" }]]);
  });
});

describe("reports", () => {
  it("give every typo of a post at once, each at its line and column, in lists and quotes too", () => {
    const p = post("- item [smith2016]\n  and (@doe2005)\n\n> quoted [@doe2005, @xu2001]\n");
    assert.deepEqual(
      resolvePostCitations(p, shared).diagnostics.map((d) => [d.file, d.line! - p.bodyLine, d.column]),
      [[FILE, 0, 8], [FILE, 1, 7], [FILE, 3, 10]],
    );
  });

  it("a warning does not stop the page: it is formatted as pandoc reads it", () => {
    const p = post("Text [@doe2005; see chapter 2].\n");
    assert.equal(resolvePostCitations(p, shared, undefined, apa).diagnostics[0]!.severity, "warning");
    assert.deepEqual(postCitations(p, apa, shared).citations.length, 1);
    assert.deepEqual(citationDiagnostics([p], shared, apa).map((d) => d.severity), ["warning"]);
  });
});

describe("a key in other capitals than a reference that has an error of its own", () => {
  it("gets the key to write, as for any reference, beside the reference's own error", () => {
    const text = `---\ntitle: T\ndate: 2020-01-07\nreferences:\n  - {id: smith2019a, type: book, title: A study, author: "Smith, Jane", issued: someday}\n---\nAs shown [@Smith2019a].\n`;
    const result = loadPost(FILE, text, { settings, root: "/nowhere", fileExists: () => false });
    assert.equal(result.post, undefined);
    assert.match(result.diagnostics.map((d) => d.message).join("\n"), /"someday" is not a date/);
    assert.deepEqual(resolvePostCitations(result.citing!, shared).diagnostics.map((d) => [d.line, d.column, d.message, d.fix]), [
      [7, 10, 'the citation [@Smith2019a] cites "Smith2019a", but the reference id is "smith2019a": ids must match in capitals and small letters', "write `[@smith2019a]`"],
    ]);
    // Cited as written, it waits for the reference's own error.
    assert.deepEqual(resolvePostCitations(loadPost(FILE, text.replace("@Smith2019a", "@smith2019a"), { settings, root: "/nowhere", fileExists: () => false }).citing!, shared).diagnostics, []);
  });
});
