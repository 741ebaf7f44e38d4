// A table a writer pastes as HTML gets the region a markdown table gets: a focusable
// <section class="table-scroll"> a keyboard can scroll (axe's scrollable-region-focusable),
// named by its caption, else its header row, else "Table N" in the site's language (the CSL
// locale's "table" term), or in English marked lang="en" on a site in another language.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { registerLocale } from "../../lib/citations.ts";
import { createMarkdown } from "../../lib/markdown.ts";
import { dom, text } from "../helpers/html.ts";

const md = createMarkdown();
const render = (body: string, env: object = {}) => dom(`<body>${md.render(body, env)}</body>`);
const names = (doc: Document) => [...doc.querySelectorAll("section.table-scroll")].map((s) => s.getAttribute("aria-label"));
const site = (language: string, locale = "en-US") => ({ site: { language, citations: { locale } } });

describe("a table pasted as HTML", () => {
  it("is wrapped in a focusable region named by its caption, the table and its attributes as written", () => {
    const doc = render('<table class="results" id="t1">\n<caption>Who <em>&amp;</em> when</caption>\n<tr><th>Week</th><th>Host</th></tr>\n<tr><td>1</td><td>Ann</td></tr>\n</table>\n\nAfter.\n');
    const region = doc.querySelector("body > section.table-scroll")!;
    assert.ok(region, "the table's region");
    assert.equal(region.getAttribute("tabindex"), "0");
    assert.equal(region.getAttribute("aria-label"), "Who & when");
    assert.equal(region.children.length, 1);
    const table = region.children[0]!;
    assert.equal(table.tagName, "TABLE");
    assert.deepEqual([table.getAttribute("class"), table.id], ["results", "t1"]);
    assert.equal(text(table.querySelector("td")), "1");
    assert.equal(text(doc.querySelector("body > p")), "After.");
  });

  it("is named by its header row: its <thead>'s first row, or a first row of <th> cells only", () => {
    const doc = render(
      "<table><thead><tr><td>Country</td><th>Participants</th></tr></thead><tbody><tr><td>UK</td><td>3</td></tr></tbody></table>\n\n" +
        "<table>\n  <tr>\n    <th>Median <b>age</b></th>\n    <th>Response<br>rate</th>\n  </tr>\n  <tr><td>40</td><td>0.5</td></tr>\n</table>\n\n" +
        // A first row holding a data cell is no header row: the table is numbered.
        "<table><tr><th>Mon</th><td>5</td></tr><tr><th>Tue</th><td>6</td></tr></table>\n",
    );
    assert.deepEqual(names(doc), ["Country, Participants", "Median age, Response rate", "Table 3"]);
  });

  it("is numbered with the markdown tables in the text's order, and its name is unique on the page", () => {
    const doc = render(
      "| Week | Host |\n|---|---|\n| 1 | Ann |\n\n" +
        "<table><tr><th>Week</th><th>Host</th></tr><tr><td>2</td><td>Bo</td></tr></table>\n\n" +
        "|  |\n|--|\n| x |\n\n" +
        "<table><tr><td>no header</td></tr></table>\n",
    );
    assert.deepEqual(names(doc), ["Week, Host", "Week, Host (2)", "Table 3", "Table 4"]);
  });

  it("split by blank lines into several HTML blocks is one table in one region", () => {
    const doc = render("<table>\n<tr><th>Week</th></tr>\n\n<tr><td>1</td></tr>\n\n<tr><td>2</td></tr>\n</table>\n");
    assert.deepEqual(names(doc), ["Week"]);
    const region = doc.querySelector("section.table-scroll")!;
    assert.equal(region.querySelectorAll("tr").length, 3);
    assert.equal(doc.querySelectorAll("body > table").length, 0);
  });

  it("holding a table gets one region, named by the outer table, not by the inner one's caption", () => {
    const doc = render("<table><tr><td>x<table><caption>Inner</caption><tr><th>y</th></tr></table></td></tr></table>\n");
    assert.deepEqual(names(doc), ["Table 1"]);
    assert.equal(doc.querySelector("section.table-scroll > table table caption")?.textContent, "Inner");
  });

  it("is left as written in a box a keyboard already reaches; in a box that only scrolls, it gets its region inside it", () => {
    const own = render('<div tabindex="0" role="region" aria-label="Results">\n<table><tr><th>A</th></tr></table>\n</div>\n');
    assert.deepEqual(names(own), []);
    assert.equal(own.querySelectorAll("table").length, 1);
    // A region copied from a built page is not wrapped twice.
    assert.deepEqual(names(render('<section class="table-scroll" tabindex="0" aria-label="A">\n<table><tr><th>A</th></tr></table>\n</section>\n')), ["A"]);
    const scroller = render('<div class="wide">\n<table><tr><th>A</th></tr></table>\n</div>\n');
    assert.equal(scroller.querySelector("div.wide > section.table-scroll > table")?.tagName, "TABLE");
  });

  it("is left as written when never closed, closed outside the quote it opened in, commented out, or in a paragraph", () => {
    assert.doesNotMatch(md.render("<table><tr><td>x</td></tr>\n\nText.\n"), /table-scroll/);
    assert.doesNotMatch(md.render("> <table><tr><td>x</td></tr>\n\n</table>\n"), /table-scroll/);
    assert.doesNotMatch(md.render("<!--\n<table><tr><th>old</th></tr></table>\n-->\n"), /table-scroll/);
    assert.doesNotMatch(md.render("Text <table><tr><td>x</td></tr></table> more.\n"), /table-scroll/);
    // In a list item it opens and closes in the item: it gets its region there.
    assert.ok(render("- <table><tr><th>A</th></tr></table>\n").querySelector("li > section.table-scroll > table"));
  });

  it("does not take a <table> or a name from an attribute value", () => {
    const doc = render('<div title="<table>">\n<table title="a </table> <caption>X</caption>"><tr><th>Real</th></tr></table>\n</div>\n');
    assert.deepEqual(names(doc), ["Real"]);
    assert.equal(doc.querySelector("section.table-scroll > table")!.getAttribute("title"), "a </table> <caption>X</caption>");
  });

  it("still has its images' and links' addresses made site-absolute", () => {
    const env = { post: { file: "content/posts/2017-04-30-online-communities.md" } };
    const alone = render('<p><img src="chart.png" alt="c"></p>\n', env).querySelector("img")!.getAttribute("src");
    const inTable = render('<table><tr><td><img src="chart.png" alt="c"></td></tr></table>\n', env).querySelector("section.table-scroll img")!.getAttribute("src");
    assert.notEqual(alone, "chart.png");
    assert.equal(inTable, alone);
  });
});

describe("the name of a table with neither caption nor header", () => {
  const body = "<table><tr><td>x</td></tr></table>\n\n|  |\n|--|\n| y |\n";

  it("is in the site's language when its CSL locale has the word: fr and fr-CA say Tableau", () => {
    for (const language of ["fr", "fr-CA", "fr-FR"]) {
      const doc = render(body, site(language));
      assert.deepEqual(names(doc), ["Tableau 1", "Tableau 2"], language);
      assert.equal(doc.querySelectorAll("[lang]").length, 0, "French on a French site needs no lang");
    }
  });

  it("is English on an English site, unmarked", () => {
    const doc = render(body, site("en-GB"));
    assert.deepEqual(names(doc), ["Table 1", "Table 2"]);
    assert.equal(doc.querySelectorAll("[lang]").length, 0);
  });

  it("is English marked lang=\"en\" where the locale has no word of its own, the table itself in the site's language", () => {
    // citation-js's de-DE locale leaves "table" in English; Japanese has no built-in locale.
    for (const language of ["de", "ja"]) {
      const doc = render(body, site(language));
      assert.deepEqual(names(doc), ["Table 1", "Table 2"], language);
      for (const region of doc.querySelectorAll("section.table-scroll")) {
        assert.equal(region.getAttribute("lang"), "en");
        assert.equal(region.querySelector(":scope > table")!.getAttribute("lang"), language);
      }
    }
    // A table that says its language keeps it.
    const own = render('<table lang="la"><tr><td>x</td></tr></table>\n', site("de"));
    assert.equal(own.querySelector("table")!.getAttribute("lang"), "la");
  });

  it("is not marked when the table is named by its own words", () => {
    const doc = render("<table><caption>Teilnehmer</caption><tr><td>x</td></tr></table>\n\n| Land |\n|--|\n| DE |\n", site("de"));
    assert.deepEqual(names(doc), ["Teilnehmer", "Land"]);
    assert.equal(doc.querySelectorAll("[lang]").length, 0);
  });

  it("comes from the site's own locale file, capitalised as its language writes it", () => {
    registerLocale("tr-TR", '<?xml version="1.0"?><locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="tr-TR"><terms><!-- <term name="table">yorum</term> --><term name="table" form="short">tbl.</term><term name="table"><single>içerik</single><multiple>içerikler</multiple></term></terms></locale>');
    assert.deepEqual(names(render(body, site("tr", "locales/locales-tr-TR.xml"))), ["İçerik 1", "İçerik 2"]);
    // A locale the site does not use is not read, whatever was registered before.
    assert.deepEqual(names(render(body, site("tr"))), ["Table 1", "Table 2"]);
  });
});
