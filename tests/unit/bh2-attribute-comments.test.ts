// A `<!--` inside an attribute's value (`<abbr title="x <!-- y">`) opens no comment to a
// browser: it is part of the value. The body check reads tags as a browser does, so such a
// value stops no build, while a `<!--` outside any tag stays an error (or a warning in text),
// and the attributes after the value are still checked.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { bodyHtmlProblems } from "../../lib/body-html.ts";
import { htmlTagAt } from "../../lib/html-tags.ts";
import { createMarkdown } from "../../lib/markdown.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";
import { dom, text } from "../helpers/html.ts";

const FILE = "content/posts/2017-04-30-online-communities.md";
const found = (body: string) => bodyHtmlProblems(body, FILE, 1).map((p) => [p.severity, p.line, p.column, p.message.slice(0, 40)]);
const NEVER_CLOSED = "this HTML comment <!-- is never closed: ";

describe("a <!-- inside an attribute's value", () => {
  it("is no comment in a block's tag, in double or single quotes, over lines, or unquoted", () => {
    for (const body of [
      '<div title="a <!-- b">\nText.\n</div>\n',
      "<div title='a <!-- b'>\nText.\n</div>\n",
      '<div\n  title="a\n<!-- b"\n  class="note">\nText.\n</div>\n',
      "<div title=a<!--b>\nText.\n</div>\n",
      '<table>\n<tr><td data-note="<!-- later -->">1</td><td title="<!--">2</td></tr>\n</table>\n',
    ]) {
      assert.deepEqual(found(body), [], body);
    }
  });

  it("is no comment in an inline tag, and the text after it is seen by readers", () => {
    const body = 'We met <abbr title="x <!-- y">this</abbr> week and <span title=\'<!--\'>that</span> one.\n\nNext paragraph.\n';
    assert.deepEqual(found(body), []);
    // What a browser makes of it: the value holds the <!--, all the text is shown.
    const doc = dom(`<body>${createMarkdown().render(body)}</body>`);
    assert.equal(doc.querySelector("abbr")!.getAttribute("title"), "x <!-- y");
    assert.equal(text(doc.querySelector("body")), "We met this week and that one. Next paragraph.");
  });

  it("lets a post with one build", () => {
    const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
    const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };
    const { post, diagnostics } = loadPost(FILE, '---\ntitle: T\ndate: 2017-04-30\n---\n<div title="a <!-- b">\nHello.\n</div>\n\nSee <abbr title="x <!-- y">this</abbr>.\n', ctx);
    assert.deepEqual(diagnostics, []);
    assert.notEqual(post, undefined);
  });

  it("still lets a real comment after it be an error, at that comment's column", () => {
    assert.deepEqual(found('<div title="a <!-- b"> <!-- a note\nText.\n</div>\n'), [["error", 1, 24, NEVER_CLOSED.slice(0, 40)]]);
    assert.deepEqual(found('<p title="<!--">x</p>\n\n<div>\n<!-- never closed\n</div>\n'), [["error", 4, 1, NEVER_CLOSED.slice(0, 40)]]);
  });

  it("does not close a real comment: a --> in a value inside a comment is comment text", () => {
    // The comment runs to the first -->, which here sits in what looks like a tag.
    assert.deepEqual(found('<!-- note <b title="-->">x</b>\n\nText.\n'), []);
    assert.deepEqual(found("<!-- note <b title=\"x\">\n\nText.\n"), [["error", 1, 1, NEVER_CLOSED.slice(0, 40)]]);
  });

  it("keeps checking the attributes after it: a script in onclick is still an error", () => {
    const problems = bodyHtmlProblems('<div title="<!--" onclick="go()">\nText.\n</div>\n', FILE, 1);
    assert.deepEqual(problems.map((p) => [p.severity, p.line, p.column]), [["error", 1, 19]]);
    assert.match(problems[0]!.message, /^the attribute onclick="go\(\)" runs a script/);
  });

  it("keeps finding markdown left as typed in the block after it", () => {
    const problems = bodyHtmlProblems('<div title="a <!-- b">\nThis is **bold**.\n</div>\n', FILE, 1);
    assert.deepEqual(problems.map((p) => [p.severity, p.line, p.column]), [["warning", 2, 9]]);
    assert.match(problems[0]!.message, /^markdown inside an HTML block is shown as typed: \*\*bold\*\*/);
  });

  it("is an error still when the tag's quote is never closed: then the rest is not read as a tag", () => {
    // A browser would run the value on past the end of the block; the check keeps its old answer.
    assert.equal(found('<div title="a <!-- b>\nText.\n</div>\n')[0]?.[0], "error");
  });
});

describe("a <!-- in an element whose text is not HTML", () => {
  it("is no comment in a <textarea> or a <title>, and is one after it", () => {
    assert.deepEqual(found("<textarea>\n<!-- not a comment\n</textarea>\n"), []);
    assert.deepEqual(found("<textarea>x</textarea>\n<!-- open\n"), [["error", 2, 1, NEVER_CLOSED.slice(0, 40)]]);
  });
});

describe("htmlTagAt", () => {
  it("reads a tag as a browser's tokenizer does", () => {
    const at = (html: string) => {
      const tag = htmlTagAt(html, 0);
      return tag && [tag.name, tag.end, html.slice(0, tag.length), tag.attributes.map((a) => `${a.name}=${a.value}`)];
    };
    assert.deepEqual(at('<DIV Title="a > <!-- b" data-x=\'y\' hidden>rest'), ["div", false, '<DIV Title="a > <!-- b" data-x=\'y\' hidden>', ["title=a > <!-- b", "data-x=y", "hidden="]]);
    assert.deepEqual(at("<p title=a<!--\"b class = c/>x"), ["p", false, "<p title=a<!--\"b class = c/>", ["title=a<!--\"b", "class=c/"]]);
    assert.deepEqual(at("</td >"), ["td", true, "</td >", []]);
    assert.deepEqual(at('<img alt="x"src=y/>'), ["img", false, '<img alt="x"src=y/>', ["alt=x", "src=y/"]]);
    // Not a tag: no letter after "<", or a quote never closed.
    assert.equal(at("< p>"), undefined);
    assert.equal(at("<!-- x -->"), undefined);
    assert.equal(at('<p title="x>'), undefined);
  });
});
