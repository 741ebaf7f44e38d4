// Formatting citations and bibliographies through citeproc-js: order, numbering,
// disambiguation, links, escaping and style errors.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bibliographyHtml, CitationError, formatCitations, referenceAnchor, registerStyle, type ClusterItem } from "../../lib/citations.ts";
import type { CslItem } from "../../lib/csl-normalise.ts";
import { dom, text } from "../helpers/html.ts";

const items: CslItem[] = [
  { id: "doe2005a", type: "book", title: "First book", author: [{ family: "Doe", given: "John" }], issued: { "date-parts": [[2005]] } },
  { id: "doe2005b", type: "book", title: "Second book", author: [{ family: "Doe", given: "John" }], issued: { "date-parts": [[2005]] } },
  { id: "xu2001", type: "article-journal", title: "An article", author: [{ family: "Xu", given: "Ann" }], issued: { "date-parts": [[2001]] }, "container-title": "Journal", volume: "3", page: "1-9" },
  { id: "who2021", type: "report", title: "Strategy", author: [{ literal: "World Health Organization" }], issued: { "date-parts": [[2021]] } },
];
const apa = { style: "apa", locale: "en-US" };
const vancouver = { style: "vancouver", locale: "en-US" };
const c = (id: string, more: Partial<ClusterItem> = {}): ClusterItem => ({ id, mode: "normal", ...more });
const plain = (html: string) => text(dom(`<div>${html}</div>`).querySelector("div"));

describe("formatCitations", () => {
  it("formats author-date clusters with prefix, locator, suffix, suppressed author and author in text", () => {
    const { citations } = formatCitations({
      items,
      style: apa,
      clusters: [[c("xu2001", { prefix: "see", locator: "33-35", label: "page", suffix: " and <i>passim</i>" })], [c("who2021", { mode: "suppress-author" })], [c("xu2001", { mode: "author-in-text", locator: "4", label: "chapter" })]],
    });
    assert.deepEqual(citations.map(plain), ["(see Xu, 2001, pp. 33–35 and passim)", "(2021)", "Xu (2001, Chapter 4)"]);
    assert.match(citations[0]!, /<i>passim<\/i>/);
  });

  it("disambiguates works of one author and year across all clusters (2005a, 2005b)", () => {
    const { citations, bibliography } = formatCitations({ items, style: apa, clusters: [[c("doe2005a")], [c("doe2005b")]] });
    assert.deepEqual(citations.map(plain), ["(Doe, 2005a)", "(Doe, 2005b)"]);
    assert.ok(bibliography.some((e) => e.html.includes("(2005a)")));
  });

  it("numbers works in order of first citation in a numeric style, and lists uncited works after them", () => {
    const { citations, bibliography } = formatCitations({ items, style: vancouver, clusters: [[c("xu2001")], [c("who2021"), c("xu2001")], [c("doe2005b")]] });
    assert.deepEqual(citations.map(plain), ["(1)", "(1,2)", "(3)"]);
    assert.deepEqual(bibliography.map((e) => e.id), ["xu2001", "who2021", "doe2005b", "doe2005a"]);
  });

  it("keeps every item in the bibliography, cited or not, sorted as the style says", () => {
    const { bibliography } = formatCitations({ items, style: apa, clusters: [[c("xu2001")]] });
    assert.deepEqual(bibliography.map((e) => e.id), ["doe2005a", "doe2005b", "who2021", "xu2001"]);
  });

  it("forgets the previous request's citations (the engine is shared)", () => {
    formatCitations({ items, style: vancouver, clusters: [[c("doe2005a")], [c("doe2005b")]] });
    const { citations } = formatCitations({ items, style: vancouver, clusters: [[c("who2021")]] });
    assert.deepEqual(citations.map(plain), ["(1)"]);
  });

  it("links each work of a cluster to its entry and names them all in data-cites", () => {
    const { citations } = formatCitations({ items, style: apa, clusters: [[c("xu2001"), c("who2021")]] });
    const span = dom(citations[0]!).querySelector("span.citation")!;
    assert.equal(span.getAttribute("data-cites"), "xu2001 who2021");
    const links = [...span.querySelectorAll("a")].map((a) => [a.getAttribute("href"), text(a)]);
    assert.deepEqual(links, [["#ref-who2021", "World Health Organization, 2021"], ["#ref-xu2001", "Xu, 2001"]]);
  });

  it("escapes every field, and keys in ids, hrefs and data attributes", () => {
    const evil: CslItem = {
      id: "a&b<c>d", type: "webpage", title: `<script>alert(1)</script> & "q"`, author: [{ literal: `<b>Org</b> & "Co"` }],
      issued: { "date-parts": [[2018]] }, URL: `https://example.org/?a=1&b="><script>x</script>`,
    };
    const { citations, bibliography } = formatCitations({ items: [evil], style: apa, clusters: [[c(evil.id, { prefix: "<script>p</script> &" })]] });
    const html = citations[0]! + bibliographyHtml(bibliography);
    assert.doesNotMatch(html, /<script/);
    const doc = dom(`<div>${html}</div>`);
    // CSL rich text (<b>, <i>, <sup>, <sub>) is the only markup a field may carry, never with attributes.
    for (const el of doc.querySelectorAll("*")) {
      assert.ok(["div", "span", "a", "ol", "li", "i", "b"].includes(el.localName), el.localName);
      for (const attr of el.getAttributeNames()) assert.ok(["class", "id", "href", "data-cites"].includes(attr), attr);
    }
    assert.equal(doc.querySelector("li")!.id, referenceAnchor(evil.id));
    assert.equal(doc.querySelector("span.citation")!.getAttribute("data-cites"), "a&b<c>d");
    assert.equal(doc.querySelector("span.citation a")!.getAttribute("href"), `#${referenceAnchor(evil.id)}`);
    assert.equal(doc.querySelector("li a")!.getAttribute("href"), "https://example.org/?a=1&b=%22%3E%3Cscript%3Ex%3C/script%3E");
    assert.match(text(doc.querySelector("li")), /<script>alert\(1\)<\/script> & “q\.”/);
  });

  it("refuses an unknown style or locale instead of falling back", () => {
    assert.throws(() => formatCitations({ items, style: { style: "chicago", locale: "en-US" }, clusters: [] }), CitationError);
    assert.throws(() => formatCitations({ items, style: { style: "apa", locale: "xx-XX" }, clusters: [] }), CitationError);
  });

  it("turns citeproc's [CSL STYLE ERROR] marker into an error naming the work", () => {
    registerStyle(
      "test-publisher-only",
      `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>T</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>` +
        `<citation><layout><text variable="publisher"/></layout></citation><bibliography><layout><text variable="title"/></layout></bibliography></style>`,
    );
    assert.throws(() => formatCitations({ items, style: { style: "test-publisher-only", locale: "en-US" }, clusters: [[c("xu2001")]] }), /"xu2001".*\[CSL STYLE ERROR/);
  });
});
