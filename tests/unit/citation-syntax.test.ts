// The citation parser on the examples of pandoc's manual (section "Citation syntax")
// and of its test suite (test/markdown-citations.txt), plus the rules around them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractCitations, judgeSlip, parseBracketContent, readKey, scanCitations, splitLocator, type CitationItem, type KeyLookup } from "../../lib/citation-syntax.ts";
import { localeLocatorTerms } from "../../lib/locator-terms.ts";
import { createMarkdown } from "../../lib/markdown.ts";

const md = createMarkdown();
const cite = (text: string) => extractCitations(md, text);
const items = (text: string) => cite(text).map((c) => c.items);
const item = (key: string, more: Partial<CitationItem> = {}): CitationItem => ({ key, mode: "normal", prefix: "", suffix: "", ...more });

describe("pandoc manual examples", () => {
  it("[@doe99; @smith2000; @smith2004]: several works in one citation", () => {
    assert.deepEqual(items("Blah blah [@doe99; @smith2000; @smith2004]."), [[item("doe99"), item("smith2000"), item("smith2004")]]);
  });

  it("[see @doe99, pp. 33-35 and *passim*; @smith04, chap. 1]: prefix, locator and suffix", () => {
    assert.deepEqual(items("Blah blah [see @doe99, pp. 33-35 and *passim*; @smith04, chap. 1]."), [
      [
        item("doe99", { prefix: "see", label: "page", locator: "33-35", suffix: " and *passim*" }),
        item("smith04", { label: "chapter", locator: "1", suffix: "" }),
      ],
    ]);
  });

  it("[see @doe99, pp. 33-35; also @smith04, chap. 1]", () => {
    assert.deepEqual(items("Blah blah [see @doe99, pp. 33-35; also @smith04, chap. 1]."), [
      [item("doe99", { prefix: "see", label: "page", locator: "33-35" }), item("smith04", { prefix: "also", label: "chapter", locator: "1" })],
    ]);
  });

  it("[@doe99, pp. 33-35, 38-39 and *passim*]: a locator of several ranges", () => {
    assert.deepEqual(items("[@doe99, pp. 33-35, 38-39 and *passim*]"), [
      [item("doe99", { label: "page", locator: "33-35, 38-39", suffix: " and *passim*" })],
    ]);
  });

  it("[-@smith04] suppresses the author", () => {
    assert.deepEqual(items("Smith says blah [-@smith04]."), [[item("smith04", { mode: "suppress-author" })]]);
  });

  it("@smith04 says blah / @smith04 [p. 33] says blah: author in text, with a locator", () => {
    assert.deepEqual(items("@smith04 says blah."), [[item("smith04", { mode: "author-in-text" })]]);
    assert.deepEqual(items("@smith04 [p. 33] says blah."), [[item("smith04", { mode: "author-in-text", label: "page", locator: "33" })]]);
  });

  it("keys: final punctuation is not part of a key, repeated punctuation ends it, braces keep everything", () => {
    assert.deepEqual(readKey("Foo_bar.baz.", 0), { key: "Foo_bar.baz", end: 11 });
    assert.deepEqual(readKey("{Foo_bar.baz.}", 0), { key: "Foo_bar.baz.", end: 14 });
    assert.equal(readKey("Foo_bar--baz", 0)?.key, "Foo_bar");
    assert.deepEqual(items("In @Foo_bar.baz. and"), [[item("Foo_bar.baz", { mode: "author-in-text" })]]);
  });

  it("a URL as a key, in braces: [@{https://example.com/bib?name=foobar&date=2000}, p. 33]", () => {
    assert.deepEqual(items("[@{https://example.com/bib?name=foobar&date=2000}, p. 33]"), [
      [item("https://example.com/bib?name=foobar&date=2000", { label: "page", locator: "33" })],
    ]);
  });

  it("forced locators in braces, and {} that keeps the suffix from being read as one", () => {
    assert.deepEqual(items("[@smith{ii, A, D-Z}, with a suffix]"), [[item("smith", { label: "page", locator: "ii, A, D-Z", suffix: ", with a suffix" })]]);
    assert.deepEqual(items("[@smith, {pp. iv, vi-xi, (xv)-(xvii)} with suffix here]"), [
      [item("smith", { label: "page", locator: "iv, vi-xi, (xv)-(xvii)", suffix: " with suffix here" })],
    ]);
    assert.deepEqual(items("[@smith{}, 99 years later]"), [[item("smith", { suffix: ", 99 years later" })]]);
  });
});

describe("pandoc test suite (markdown-citations.txt)", () => {
  it("@item1 [-@item2 p. 30; see also @пункт3]: a narrative citation that continues in brackets", () => {
    assert.deepEqual(items("@item1 [-@item2 p. 30; see also @пункт3] says blah."), [
      [
        item("item1", { mode: "author-in-text" }),
        item("item2", { mode: "suppress-author", label: "page", locator: "30" }),
        item("пункт3", { prefix: "see also" }),
      ],
    ]);
  });

  it("suffixes without a locator, and markup in prefix and suffix", () => {
    assert.deepEqual(items("[@item1 and nowhere else]"), [[item("item1", { suffix: " and nowhere else" })]]);
    assert.deepEqual(items("[@item1 pp. 33, 35-37, and nowhere else]"), [[item("item1", { label: "page", locator: "33, 35-37", suffix: ", and nowhere else" })]]);
    assert.deepEqual(items("@item1 [p. 30, with suffix] says blah."), [[item("item1", { mode: "author-in-text", label: "page", locator: "30", suffix: ", with suffix" })]]);
    assert.deepEqual(items("[*see* @item1 p. **32**]"), [[item("item1", { prefix: "*see*", suffix: " p. **32**" })]]);
  });
});

describe("locators", () => {
  it("read labels in long, short, plural and capitalised forms; page when none", () => {
    assert.deepEqual(splitLocator(", chapter 6"), { label: "chapter", locator: "6", suffix: "" });
    assert.deepEqual(splitLocator(", Chap. 6"), { label: "chapter", locator: "6", suffix: "" });
    assert.deepEqual(splitLocator(", 14"), { label: "page", locator: "14", suffix: "" });
    assert.deepEqual(splitLocator(", p.3"), { label: "page", locator: "3", suffix: "" });
    assert.deepEqual(splitLocator(" bk. VI"), { label: "book", locator: "VI", suffix: "" });
    assert.deepEqual(splitLocator(", nos. 6 and 7"), { label: "issue", locator: "6", suffix: " and 7" });
    assert.deepEqual(splitLocator(", s.v. 12"), { label: "sub verbo", locator: "12", suffix: "" });
    assert.deepEqual(splitLocator(", § 4"), { label: "section", locator: "4", suffix: "" });
  });

  it("leave words without digits in the suffix: ch. is not a locator term", () => {
    assert.deepEqual(splitLocator(", ch. 2"), { suffix: ", ch. 2" });
    assert.deepEqual(splitLocator(", with suffix"), { suffix: ", with suffix" });
    assert.deepEqual(splitLocator(", xiv"), { suffix: ", xiv" });
  });
});

describe("locator words in the document's locale (pandoc reads its locale's terms)", () => {
  const de = localeLocatorTerms("de-DE");

  it("read German short, long, plural and symbol forms, in any case", () => {
    assert.deepEqual(splitLocator(", S. 33", de), { label: "page", locator: "33", suffix: "" });
    assert.deepEqual(splitLocator(", s. 33", de), { label: "page", locator: "33", suffix: "" });
    assert.deepEqual(splitLocator(", Kap. 2", de), { label: "chapter", locator: "2", suffix: "" });
    assert.deepEqual(splitLocator(", Seiten 33-35, 38 und passim", de), { label: "page", locator: "33-35, 38", suffix: " und passim" });
    assert.deepEqual(splitLocator(", Abschn. 4", de), { label: "section", locator: "4", suffix: "" });
    assert.deepEqual(splitLocator(", §§ 4-5", de), { label: "section", locator: "4-5", suffix: "" });
    assert.deepEqual(splitLocator(" Kap. iv", de), { label: "chapter", locator: "iv", suffix: "" });
  });

  it("take the longest term: s. v. is sub verbo, not the page S.", () => {
    assert.deepEqual(splitLocator(", s. v. 12", de), { label: "sub verbo", locator: "12", suffix: "" });
  });

  it("leave English words in the suffix, as pandoc does under de-DE; a bare number is still a page", () => {
    assert.deepEqual(splitLocator(", p. 33", de), { suffix: ", p. 33" });
    assert.deepEqual(splitLocator(", chap. 2", de), { suffix: ", chap. 2" });
    assert.deepEqual(splitLocator(", 33", de), { label: "page", locator: "33", suffix: "" });
    assert.deepEqual(splitLocator(", xiv", de), { suffix: ", xiv" });
    assert.deepEqual(splitLocator(", S 33", de), { suffix: ", S 33" });
  });

  it("leave a trailing period and what follows a non-number in the suffix", () => {
    assert.deepEqual(splitLocator(", S. 3f.", de), { label: "page", locator: "3f", suffix: "." });
    assert.deepEqual(splitLocator(", Bd. 2, S. 3", de), { label: "volume", locator: "2", suffix: ", S. 3" });
  });

  it("apply in brackets, narrative citations and braced locators when the parse is given the table", () => {
    const german = (text: string) => extractCitations(md, text, de).map((c) => c.items);
    assert.deepEqual(german("[siehe @doe99, S. 33; @roe, Kap. 2]"), [
      [item("doe99", { prefix: "siehe", label: "page", locator: "33" }), item("roe", { label: "chapter", locator: "2" })],
    ]);
    assert.deepEqual(german("@doe99 [S. 30] sagt"), [[item("doe99", { mode: "author-in-text", label: "page", locator: "30" })]]);
    assert.deepEqual(german("[@doe99, {Kap. ii, A}]"), [[item("doe99", { label: "chapter", locator: "ii, A" })]]);
    assert.deepEqual(german("[@doe99{Abschn. 3}]"), [[item("doe99", { label: "section", locator: "3" })]]);
  });

  it("are en-US's when no table is given", () => {
    assert.deepEqual(items("[@doe99, S. 33]"), [[item("doe99", { suffix: ", S. 33" })]]);
    assert.deepEqual(items("[@doe99, pp. 33]"), [[item("doe99", { label: "page", locator: "33" })]]);
  });
});

describe("what is not a citation", () => {
  it("e-mail addresses and other @ after a word character", () => {
    assert.deepEqual(cite("Write to hosts@example.org or a@b.com, or user@{x}."), []);
  });

  it("an escaped \\@, a link, a reference-style link and brackets without a key", () => {
    assert.deepEqual(cite("Follow \\@hcldr."), []);
    // A link is not a citation, though the link text may hold one, as in pandoc.
    assert.deepEqual(items("[see @doe](https://example.org)"), [[item("doe", { mode: "author-in-text" })]]);
    assert.deepEqual(cite("[a note; no key here]"), []);
    assert.equal(parseBracketContent("see @doe; and more"), undefined);
  });

  it("a bracket with an escaped \\@ in a part: text with a narrative citation in it, as pandoc reads it", () => {
    assert.deepEqual(items("[@a; \\@b]"), [[item("a", { mode: "author-in-text" })]]);
    assert.deepEqual(items("[see \\@b @a]"), [[item("a", { prefix: "see \\@b" })]]);
  });

  it("code spans and code blocks", () => {
    assert.deepEqual(cite("`[@doe]` and\n\n    @doe in code\n"), []);
  });

  it("@ followed by no key character", () => {
    assert.deepEqual(cite("at @ noon, @-x, @."), []);
  });
});

describe("clusters", () => {
  it("are numbered in document order with their line in the text", () => {
    const clusters = cite("First [@a].\n\nSecond line\nand @b here; [-@c].\n\n- a list [@d]\n");
    assert.deepEqual(clusters.map((c) => [c.source, c.line, c.column]), [["[@a]", 0, 7], ["@b", 3, 5], ["[-@c]", 3, 14], ["[@d]", 5, 10]]);
  });

  it("print their source text, escaped, when the page has no formatted citations", () => {
    assert.equal(md.renderInline("x [@a<b>c] y"), "x [@a&lt;b&gt;c] y");
  });

  it("inside a link's text, lose their own link so that links do not nest", () => {
    const html = md.render("[see @a](https://example.org)", { announcement: { citations: ['<span class="citation"><a href="#ref-a">A (2000)</a></span>'] } });
    assert.equal(html, '<p><a href="https://example.org">see <span class="citation">A (2000)</span></a></p>\n');
  });

  it("in brackets inside a link's text: the link stays a link, with the citation in it (pandoc: Link [..., Cite])", () => {
    const env = () => ({ announcement: { citations: ['<span class="citation"><a href="#ref-a">(A, 2000)</a></span>', '<span class="citation"><a href="#ref-b">(B, 2001)</a></span>'] } });
    assert.equal(md.renderInline("[see [@a].](https://example.org)", env()), '<a href="https://example.org">see <span class="citation">(A, 2000)</span>.</a>');
    assert.equal(md.renderInline("[text [@a; @b, p. 3]](https://example.org) after", env()), '<a href="https://example.org">text <span class="citation">(A, 2000)</span></a> after');
    assert.deepEqual(items("[text [see @a, p. 3]](https://example.org)"), [[item("a", { prefix: "see", label: "page", locator: "3" })]]);
    // An image whose alt text cites, and a reference-style link; brackets with no citation as before.
    assert.equal(md.renderInline("![a chart [@a]](chart.png)", env()), '<img src="chart.png" alt="a chart (A, 2000)">');
    assert.equal(md.render("[the report [@a]][r]\n\n[r]: https://example.org/r\n", env()), '<p><a href="https://example.org/r">the report <span class="citation">(A, 2000)</span></a></p>\n');
    assert.equal(md.renderInline("[a [b] c](https://example.org)"), '<a href="https://example.org">a [b] c</a>');
  });

  it("in an image's description count in document order, with their line and column", () => {
    const clusters = cite("Before [@a].\n\n![chart of [@b, p. 4]](x.png)\n\nIn ![a photo of @c](y.png) and [@d].\n");
    assert.deepEqual(clusters.map((c) => [c.source, c.line, c.column]), [["[@a]", 0, 8], ["[@b, p. 4]", 2, 12], ["@c", 4, 17], ["[@d]", 4, 32]]);
    assert.deepEqual(clusters[1]!.items, [item("b", { label: "page", locator: "4" })]);
    // The same citation text twice on a line: each is found where it is.
    assert.deepEqual(cite("[@a] ![x [@a]](x.png) ![y [@a]](y.png)").map((c) => c.column), [1, 10, 27]);
  });

  it("in an image's description read as plain text in its alt text, as pandoc does", () => {
    const citations = ['<span class="citation"><a href="#ref-a">(O’Brien &amp; Sons, 2018, p. 4)</a></span>', '<span class="citation"><a href="#ref-b"><sup>2</sup></a></span>'];
    const html = md.render("![Chart from [@a, p. 4]](x.png)\n\n![Chart from[@b]](y.png)\n", { announcement: { citations } });
    assert.equal(html, '<p><img src="x.png" alt="Chart from (O’Brien &amp; Sons, 2018, p. 4)"></p>\n<p><img src="y.png" alt="Chart from 2"></p>\n');
    // Without formatted citations, the source text, as for a citation in the text.
    assert.equal(md.renderInline("![a <chart> [@a]](x.png)"), '<img src="x.png" alt="a &lt;chart&gt; [@a]">');
  });

  it("in an image's description with a note style: the footnote marker follows the image, numbered in document order", () => {
    const marker = (n: number) => `<a href="#cite-note-${n}" id="cite-ref-${n}" class="footnote-ref" role="doc-noteref" aria-label="Note ${n}"><sup>${n}</sup></a>`;
    const citations = [marker(1), marker(2), `<span class="citation"><a href="#ref-c">Ann Lee</a>${marker(3)}</span>`, marker(4)];
    const html = md.render("Text [@a].\n\n![chart [@b]](x.png) and ![photo of @c](y.png)\n\n[![linked [@d]](z.png)](https://example.org)\n", { announcement: { citations } });
    assert.equal(
      html,
      `<p>Text.${marker(1)}</p>\n<p><img src="x.png" alt="chart">${marker(2)} and <img src="y.png" alt="photo of Ann Lee">${marker(3)}</p>\n` +
        // Inside a link the marker cannot be a link too; it keeps its id, where note 4 leads back to.
        `<p><a href="https://example.org"><img src="z.png" alt="linked"><span id="cite-ref-4"><sup>4</sup></span></a></p>\n`,
    );
  });

  it("take the formatted HTML the page data gives, by index", () => {
    const html = md.render("A [@a] and @b.", { announcement: { citations: ["<i>one</i>", "<i>two</i>"] } });
    assert.equal(html, "<p>A <i>one</i> and <i>two</i>.</p>\n");
  });
});

describe("slips (citation typos), read by scanCitations and judged with the reference ids", () => {
  const ids = ["smith2016", "doe2005"];
  const lookup: KeyLookup = (word) => {
    const id = ids.find((i) => i.toLowerCase() === word.toLowerCase());
    return id ? { id, known: true } : undefined;
  };
  const judged = (text: string) => scanCitations(md, text).slips.map((slip) => judgeSlip(slip, lookup)).map((j) => j && [j.slip.kind, j.slip.line, j.slip.column, j.certain, j.corrected]);

  it("each shape, at its line and column, corrected from the writer's text", () => {
    assert.deepEqual(judged("[@doe2005, @smith2016]"), [["comma-between", 0, 1, true, "[@doe2005; @smith2016]"]]);
    assert.deepEqual(judged("x\n[@doe2005; smith2016]"), [["bracket-text", 1, 1, true, "[@doe2005; @smith2016]"]]);
    assert.deepEqual(judged("a [SMITH2016]"), [["bare-key", 0, 3, true, "[@smith2016]"]]);
    assert.deepEqual(judged("a (-@doe2005)"), [["round-brackets", 0, 3, true, "[-@doe2005]"]]);
    // "and" between two citations is the semicolon's job: the style joins the works itself.
    assert.deepEqual(judged("[@doe2005 and @smith2016]"), [["comma-between", 0, 1, true, "[@doe2005; @smith2016]"]]);
    assert.deepEqual(judged("[@doe2005, and @smith2016]"), [["comma-between", 0, 1, true, "[@doe2005; @smith2016]"]]);
    assert.deepEqual(judged("[@doe2005 & @smith2016, p. 3]"), [["comma-between", 0, 1, true, "[@doe2005; @smith2016, p. 3]"]]);
    // Other words stay, as the next citation's prefix.
    assert.deepEqual(judged("[@doe2005, see also @smith2016]"), [["comma-between", 0, 1, true, "[@doe2005; see also @smith2016]"]]);
    // Without a comma too, when the words lead in to the next work; a leading "and" goes.
    assert.deepEqual(judged("[@doe2005 and see @smith2016]"), [["comma-between", 0, 1, true, "[@doe2005; see @smith2016]"]]);
    assert.deepEqual(judged("[@doe2005, and see @smith2016]"), [["comma-between", 0, 1, true, "[@doe2005; see @smith2016]"]]);
    assert.deepEqual(judged("[@doe2005 see also @smith2016, p. 3]"), [["comma-between", 0, 1, true, "[@doe2005; see also @smith2016, p. 3]"]]);
    assert.deepEqual(judged("[@doe2005 cf. @smith2016]"), [["comma-between", 0, 1, true, "[@doe2005; cf. @smith2016]"]]);
    // Other words without a comma may end the citation before ("as cited in"): the semicolon goes just before the key.
    assert.deepEqual(judged("[@doe2005 as cited in @smith2016]"), [["comma-between", 0, 1, true, "[@doe2005 as cited in; @smith2016]"]]);
    // A word that only begins with a lead-in is not one.
    assert.deepEqual(judged("[@doe2005 seems @smith2016]"), [["comma-between", 0, 1, true, "[@doe2005 seems; @smith2016]"]]);
    // An empty part goes with its semicolon.
    assert.deepEqual(judged("[@doe2005;]"), [["bracket-text", 0, 1, false, "[@doe2005]"]]);
  });

  it("in an image's description, at its place in the line", () => {
    assert.deepEqual(judged("See ![chart [smith2016]](x.png)"), [["bare-key", 0, 13, true, "[@smith2016]"]]);
  });

  it("ordinary text in brackets is no slip, nor a word that names no reference", () => {
    // The parser notes the key-like words; none names a reference, so none is a slip.
    assert.deepEqual(new Set(judged("[sic] [1] [x](https://example.org) [a note; more] [other2016] [meet @ noon]")), new Set([undefined]));
    assert.deepEqual(judged("`[smith2016]` \\[smith2016\\] me@smith2016.org"), []);
  });

  it("are looked for only when asked: rendering does not", () => {
    const env: Record<string, unknown> = {};
    md.render("[smith2016] [@a, @b]", env);
    assert.equal(env.citationSlips, undefined);
    assert.deepEqual(scanCitations(md, "[@a, @b]").clusters.map((c) => c.source), extractCitations(md, "[@a, @b]").map((c) => c.source));
  });
});
