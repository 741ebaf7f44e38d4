// A comment opened in a paragraph and not closed in it is no comment to markdown: it is
// shown as text, note and all. A warning at its `<!--`, unless a comment opened in raw HTML
// already hides it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { bodyHtmlProblems } from "../../lib/body-html.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { createMarkdown } from "../../lib/markdown.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const FILE = "content/posts/2017-04-30-online-communities.md";
const found = (body: string) => bodyHtmlProblems(body, FILE, 1).map((p) => [p.severity, p.line, p.column]);

describe("a <!-- in a paragraph with no --> after it in the paragraph", () => {
  it("is shown to readers as text: a warning at its <!--, with the comment closed as the fix", () => {
    const body = "Some text <!-- TODO fix this\n\nNext paragraph.\n";
    // What readers get: the note as text, nothing hidden.
    assert.equal(createMarkdown().render(body), "<p>Some text &lt;!-- TODO fix this</p>\n<p>Next paragraph.</p>\n");
    const problems = bodyHtmlProblems(body, FILE, 6);
    assert.deepEqual(problems.map(formatDiagnostic), [
      `${FILE}:6:11  warning: this HTML comment <!-- is not closed with --> in its paragraph, so markdown shows it as text: readers see "<!-- TODO fix this" on the page → end it with --> in the same paragraph, e.g. <!-- TODO fix this -->; to hide whole paragraphs, put the <!-- at the start of a line of its own; to show <!-- as text, write it in backticks: \`<!--\``,
    ]);
  });

  it("a --> in a later paragraph does not close it: both are text", () => {
    const body = "Intro <!-- hide from here\n\nA draft paragraph.\n\n--> and back.";
    // (the typographer makes the --> a dash and >)
    assert.match(createMarkdown().render(body), /&lt;!-- hide[^]*A draft paragraph[^]*(?:--|–)&gt; and back/);
    assert.deepEqual(found(body), [["warning", 1, 7]]);
  });

  it("is found in a heading, a list item, a quote's second line and a table cell, at its column; a long note is shortened", () => {
    assert.deepEqual(found("# Agenda <!-- x"), [["warning", 1, 10]]);
    assert.deepEqual(found("Intro.\n\n- first\n- second <!-- x"), [["warning", 4, 10]]);
    assert.deepEqual(found("> Quoted\n> and more <!-- x"), [["warning", 2, 12]]);
    assert.deepEqual(found("Intro.\n\n| a | b |\n|---|---|\n| x | y <!-- z |"), [["warning", 5, 9]]);
    const [long] = bodyHtmlProblems(`A <!-- ${"word ".repeat(20)}`, FILE, 1);
    assert.match(long!.message, /readers see "<!-- word word word word word word word…" on the page$/);
  });

  it("the one left open after a closed one on the same line is the one reported", () => {
    assert.deepEqual(found("A <!-- note --> b <!--> c <!-- left open"), [["warning", 1, 27]]);
  });

  it("is not reported when closed in the paragraph, escaped, written as &lt;, or in a code span", () => {
    const body = [
      "A <!-- note\nover two lines --> b.",
      "",
      "Shown: \\<!-- and &lt;!-- and `<!--` and ``a ` <!-- b``.",
    ].join("\n");
    assert.deepEqual(found(body), []);
  });

  it("is hidden, not shown, after a comment opened in raw HTML: only that one is reported", () => {
    assert.deepEqual(found("<!-- open\n\nText <!-- inner\n\nmore"), [["error", 1, 1]]);
  });

  it("raw HTML in a table cell is reported on the cell's line too", () => {
    assert.deepEqual(found('Intro.\n\n| a | b |\n|---|---|\n| x | <b onclick="go()">y</b> |'), [["error", 5, 10]]);
  });

  it("keeps the post: it is a warning", () => {
    const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
    const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };
    const { post, diagnostics } = loadPost(FILE, "---\ntitle: T\ndate: 2017-04-30\n---\nSome text <!-- TODO fix this\n", ctx);
    assert.notEqual(post, undefined);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column]), [["warning", 5, 11]]);
  });
});
