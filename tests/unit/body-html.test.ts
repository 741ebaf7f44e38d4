// Markup in a body that silently does something else than the writer meant: an HTML
// comment never closed (hides the rest of the page: an error), a <script> (does not run
// where readers see the post: a warning), and pandoc's footnotes (shown as typed: an
// error), each at its line and column, with a fix; code is never reported.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { bodyFootnoteProblems } from "../../lib/body-footnotes.ts";
import { bodyHtmlProblems } from "../../lib/body-html.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { createMarkdown } from "../../lib/markdown.ts";
import { loadPage } from "../../lib/page-loader.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const FILE = "content/posts/2017-04-30-online-communities.md";
const html = (body: string) => bodyHtmlProblems(body, FILE, 1).map((p) => [p.severity, p.line, p.column]);
const footnotes = (body: string) => bodyFootnoteProblems(body, FILE, 1).map((p) => [p.severity, p.line, p.column]);

describe("bodyHtmlProblems: an HTML comment never closed", () => {
  it("is an error at its <!--, whose fix says where the --> goes", () => {
    const body = "First paragraph.\n<!-- TODO: add the sponsor paragraph\nSecond paragraph.\n";
    // What it guards against: the page keeps the `<!--` and a browser hides all after it.
    assert.match(createMarkdown().render(body), /<!-- TODO[^]*Second paragraph\.\n$/);
    const [p, ...rest] = bodyHtmlProblems(body, FILE, 6);
    assert.deepEqual(rest, []);
    assert.deepEqual([p!.severity, p!.line, p!.column, p!.field], ["error", 7, 1, ""]);
    assert.equal(p!.message, "this HTML comment <!-- is never closed: everything after it would be hidden from readers (the rest of the text, the topics, the references and the page's footer)");
    assert.equal(p!.fix, "add --> where the hidden part ends, e.g. <!-- a note to yourself -->; to show <!-- as text, write it in backticks: `<!--`");
  });

  it("finds it inside raw HTML and in a quote, at its column; a --> that markdown shows as text closes nothing", () => {
    assert.deepEqual(html("<div>\n  <p>Hi</p> <!-- hidden\n\ntext\n-->\n</div>"), [["error", 2, 13]]);
    assert.deepEqual(html("Intro.\n\n> Quoted.\n> <!-- later"), [["error", 4, 3]]);
  });

  it("accepts closed comments: inline, over several lines, over blank lines, empty, and closed in later raw HTML", () => {
    const body = [
      "A <!-- note --> b <!-- another\nover two lines --> c.",
      "",
      "<!--",
      "A draft paragraph.",
      "",
      "Another.",
      "-->",
      "",
      "<!--> and <!---> are whole comments to a browser.",
      "",
      "<div><!-- opened here",
      "",
      "<p>closed here --></p></div>",
    ].join("\n");
    assert.deepEqual(html(body), []);
  });

  it("ignores <!-- in code spans, fenced and indented code; in a paragraph, where markdown shows it as typed, it is a warning", () => {
    const body = ["Write `<!--` to start a comment.", "", "```html", "<!-- unclosed", "```", "", "    <!-- indented", "", "Text <!-- shown as typed"].join("\n");
    assert.deepEqual(html(body), [["warning", 9, 6]]);
  });

  it("reports only the one left open, at its own column on a line of several", () => {
    assert.deepEqual(html("<p><!-- a --> and <!-- b</p>"), [["error", 1, 19]]);
  });
});

describe("bodyHtmlProblems: a <script>", () => {
  it("from another site (an embedded post) is a warning at its tag: blocked by the site's security policy", () => {
    const body =
      'An embed:\n\n<blockquote class="twitter-tweet"><p>Join us</p><a href="https://twitter.com/hcldr/status/1">June 1</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n';
    const [p, ...rest] = bodyHtmlProblems(body, FILE, 5);
    assert.deepEqual(rest, []);
    assert.deepEqual([p!.severity, p!.line, p!.column, p!.field], ["warning", 7, 118, ""]);
    assert.equal(
      p!.message,
      "the <script> from platform.twitter.com does not run: the published site's security policy (Content-Security-Policy) blocks scripts from other sites, and feed readers drop scripts, so what it would show never appears",
    );
    assert.equal(
      p!.fix,
      "remove the <script …></script> and keep the embed's <blockquote>, which shows as a quote; or replace the embed with a link to the post, e.g. [our announcement](https://…)",
    );
  });

  it("written in the post is a warning too: it runs on the page only, not in the feeds", () => {
    const [p] = bodyHtmlProblems("Text <SCRIPT>document.write('hi')</SCRIPT> more.", FILE, 1);
    assert.deepEqual([p!.severity, p!.line, p!.column], ["warning", 1, 6]);
    assert.match(p!.message, /runs only on its web page: feed readers drop scripts/);
    assert.match(p!.fix!, /belongs in the layouts/);
  });

  it("is not reported in code, in a comment, or as a citation's text; a <!-- inside a script opens no comment", () => {
    const body = [
      "`<script src=\"x.js\"></script>`",
      "",
      "```",
      "<script></script>",
      "```",
      "",
      "<!-- <script src=\"https://x.example/a.js\"></script> -->",
      "",
      "Cited [see <script>x</script> @a, p. 4].",
    ].join("\n");
    assert.deepEqual(html(body), []);
    assert.deepEqual(html("<script>if (a <!--b) {}</script>\n\nText."), [["warning", 1, 1]]);
  });
});

describe("bodyFootnoteProblems: pandoc's footnotes are not supported", () => {
  it("reports the reference and its note as errors, with the note's text to write in parentheses", () => {
    const body = "Intro.\n\nText[^1] goes on.\n\n[^1]: A note citing [@r2, p. 4].\n";
    const found = bodyFootnoteProblems(body, FILE, 5);
    assert.deepEqual(
      found.map((p) => [p.severity, p.line, p.column, p.field, p.message, p.fix]),
      [
        [
          "error",
          7,
          5,
          "",
          "footnotes are not supported: [^1] is shown as the characters typed, not as a note number",
          "write the note's text in the sentence instead of [^1], e.g. in parentheses: (A note citing [@r2, p. 4]), and delete the note's line 9 ([^1]: …)",
        ],
        [
          "error",
          9,
          1,
          "",
          'footnotes are not supported: the note [^1]: is shown where it is written, as a paragraph starting with "[^1]:"',
          "move the note's text into the sentence where [^1] is (line 7), e.g. in parentheses, and delete this line",
        ],
      ],
    );
  });

  it("says so when markdown reads a note that is only an address as a link's, which hides it", () => {
    const messages = bodyFootnoteProblems("See[^src].\n\n[^src]: https://example.org/report\n", FILE, 1).map((p) => p.message);
    assert.deepEqual(messages, [
      'footnotes are not supported: [^src] is shown as a link "^src", not as a note number',
      "footnotes are not supported: the note [^src]: is left out of the page (markdown reads it as the address of a link named [^src])",
    ]);
  });

  it("reports a reference without its note, a note in a quote, and an inline note ^[…]", () => {
    const body = "One[^a] and two[^b].\n\n> [^b]: In a quote.\n\nInline^[See [@doe], p. 3.] here.";
    assert.deepEqual(footnotes(body), [
      ["error", 1, 4],
      ["error", 1, 16],
      ["error", 3, 3],
      ["error", 5, 7],
    ]);
    const [, , , inline] = bodyFootnoteProblems(body, FILE, 1);
    assert.equal(inline!.message, "footnotes are not supported: the note ^[See [@doe], p. 3.] is shown as the characters typed");
    assert.equal(inline!.fix, "write the note as part of the text, e.g. in parentheses: (See [@doe], p. 3)");
    assert.match(bodyFootnoteProblems("One[^a].", FILE, 1)[0]!.fix!, /in parentheses: \(the note's text\); to show \[\^a\] as typed, write \\\[\^a\]$/);
  });

  it("ignores code, escaped brackets, raw HTML, links and citations", () => {
    const body = ["Write `[^1]` and `^[note]`; \\[^2] and \\^[x] are text.", "", "```", "Text[^1]", "[^1]: note", "```", "", "    [^3]: code", "", "<p>[^4]</p>", "", "[a link](https://example.org/^x) [@key] 2^10^"].join("\n");
    assert.deepEqual(footnotes(body), []);
  });
});

describe("loadPost and loadPage with these problems", () => {
  const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
  const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };
  // The footnote comes first: after the unclosed comment, everything is hidden raw HTML.
  const text = "---\ntitle: T\ndate: 2017-04-30\n---\nFirst paragraph[^1].\n\n[^1]: The note.\n\n<!-- TODO: add the sponsor paragraph\nSecond paragraph.\n";

  it("refuses a post with an unclosed comment or a footnote and prints every problem with file, line and column", () => {
    const { post, diagnostics } = loadPost(FILE, text, ctx);
    assert.equal(post, undefined);
    assert.deepEqual(
      diagnostics.map(formatDiagnostic).sort(),
      [`${FILE}:9:1  this HTML comment <!-- is never closed: everything after it would be hidden from readers (the rest of the text, the topics, the references and the page's footer) → add --> where the hidden part ends, e.g. <!-- a note to yourself -->; to show <!-- as text, write it in backticks: \`<!--\``, `${FILE}:7:1  footnotes are not supported: the note [^1]: is shown where it is written, as a paragraph starting with "[^1]:" → move the note's text into the sentence where [^1] is (line 5), e.g. in parentheses, and delete this line`, `${FILE}:5:16  footnotes are not supported: [^1] is shown as the characters typed, not as a note number → write the note's text in the sentence instead of [^1], e.g. in parentheses: (The note), and delete the note's line 7 ([^1]: …)`].sort(),
    );
  });

  it("keeps a post with a closed comment or a script, and reports a page the same way", () => {
    const ok = loadPost(FILE, "---\ntitle: T\ndate: 2017-04-30\n---\nHello <!-- a note --> there.\n\n<script src=\"https://x.example/a.js\"></script>\n", ctx);
    assert.notEqual(ok.post, undefined);
    assert.deepEqual(ok.diagnostics.map((d) => [d.severity, d.line, d.column]), [["warning", 7, 1]]);
    const page = loadPage("content/about.md", text, ctx);
    assert.deepEqual(
      page.diagnostics.map((d) => [d.file, d.severity, d.line, d.column]).sort(),
      [
        ["content/about.md", "error", 5, 16],
        ["content/about.md", "error", 7, 1],
        ["content/about.md", "error", 9, 1],
      ],
    );
    assert.match(page.diagnostics.find((d) => d.line === 9)!.message, /hidden from readers \(the rest of the text and the page's footer\)$/);
    assert.deepEqual(loadPage("content/about.md", "---\ntitle: About\n---\nWe <!-- the team --> meet weekly.\n", ctx).diagnostics, []);
  });
});
