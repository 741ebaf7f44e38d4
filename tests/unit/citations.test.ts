// Formatting citations and bibliographies through citeproc-js: order, numbering,
// disambiguation, links, escaping and style errors.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { plugins } from "@citation-js/core";
import { bibliographyHtml, CitationError, formatCitations, noteAnchor, noteRefAnchor, notesHtml, referenceAnchor, registerStyle, type ClusterItem } from "../../lib/citations.ts";
import type { CslItem } from "../../lib/csl-normalise.ts";
import { PROJECT } from "../helpers/build-site.ts";
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
      for (const attr of el.getAttributeNames()) {
        // role="list" is the list's own (WebKit drops the role of an unstyled list), never a field's.
        if (attr === "role" && el.localName === "ol" && el.getAttribute(attr) === "list") continue;
        assert.ok(["class", "id", "href", "data-cites"].includes(attr), attr);
      }
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

// Every work a style merges into one citation is still linked to its own entry.
const NATURE = readFileSync(path.join(PROJECT, "styles/nature.csl"), "utf8");
const NOTES = readFileSync(path.join(PROJECT, "tests/fixtures/citations/note-style.csl"), "utf8");
registerStyle("test-nature", NATURE);
registerStyle("test-notes", NOTES);
const nature = { style: "test-nature", locale: "en-US" };
const notes = { style: "test-notes", locale: "en-US" };
const more: CslItem[] = [
  ...items,
  { id: "qi2010", type: "article-journal", title: "What now?", author: [{ family: "Qi", given: "Bo" }], issued: { "date-parts": [[2010]] }, "container-title": "J", volume: "2" },
  { id: "web2020", type: "webpage", title: "Why?", author: [{ literal: "Org" }], issued: { "date-parts": [[2020, 3, 4]] }, "container-title": "Site", URL: "https://example.org/a?b=1&c=2" },
];
const linksOf = (html: string) => [...dom(`<div>${html}</div>`).querySelectorAll("a")].map((a) => ({ href: a.getAttribute("href")!, text: text(a) }));
const entryOf = (bibliography: { id: string; html: string }[], href: string) => plain(bibliography.find((e) => `#${referenceAnchor(e.id)}` === href)!.html);

describe("links when a style merges works", () => {
  it("author-date: “Doe, 2005a, 2005b” links each year to its own entry", () => {
    const { citations, bibliography } = formatCitations({ items, style: apa, clusters: [[c("doe2005a"), c("doe2005b")]] });
    assert.equal(plain(citations[0]!), "(Doe, 2005a, 2005b)");
    const links = linksOf(citations[0]!);
    assert.equal(links.length, 2);
    for (const link of links) {
      const year = /2005[ab]/.exec(link.text)![0];
      assert.match(entryOf(bibliography, link.href), new RegExp(`\\(${year}\\)`), `${link.text} → ${link.href}`);
    }
    assert.notEqual(links[0]!.href, links[1]!.href);
  });

  it("numeric range: in “1–3” the 1 and the 3 link to entries 1 and 3, and data-cites names all three", () => {
    const { citations, bibliography } = formatCitations({ items, style: nature, clusters: [[c("xu2001"), c("who2021"), c("doe2005a")], [c("doe2005b")]] });
    const span = dom(citations[0]!).querySelector("span.citation")!;
    assert.equal(text(span), "1–3");
    assert.equal(span.getAttribute("data-cites"), "xu2001 who2021 doe2005a");
    const links = linksOf(citations[0]!);
    assert.deepEqual(links.map((l) => l.text), ["1", "3"]);
    const numbered = bibliography.map((e) => e.id);
    for (const link of links) assert.equal(`#${referenceAnchor(numbered[Number(link.text) - 1]!)}`, link.href);
  });

  it("author in the text with more works: the name and each work link to their entries", () => {
    const { citations } = formatCitations({ items, style: apa, clusters: [[c("xu2001", { mode: "author-in-text" }), c("who2021")]] });
    assert.match(plain(citations[0]!), /^Xu \(/);
    const links = linksOf(citations[0]!);
    assert.deepEqual(links[0], { href: "#ref-xu2001", text: "Xu" });
    assert.deepEqual(links.slice(1).sort((x, y) => x.href.localeCompare(y.href)), [{ href: "#ref-who2021", text: "World Health Organization, 2021" }, { href: "#ref-xu2001", text: "2001" }]);
  });

  it("numeric, not merged: “1,2” links each number", () => {
    const { citations } = formatCitations({ items, style: vancouver, clusters: [[c("xu2001"), c("who2021")]] });
    assert.deepEqual(linksOf(citations[0]!), [{ href: "#ref-xu2001", text: "1" }, { href: "#ref-who2021", text: "2" }]);
  });

  it("prints the same text as citeproc-js does without links, in every style (layout prefix, suffix and final punctuation; a footnote starts with a capital)", () => {
    const clusters: ClusterItem[][] = [
      [c("doe2005a"), c("doe2005b"), c("xu2001")], [c("xu2001", { locator: "3", label: "page" })], [c("xu2001", { locator: "4", label: "page" })], [c("xu2001")],
      [c("doe2005a")], [c("xu2001")], [c("web2020")], [c("web2020")], [c("doe2005b", { prefix: "see", suffix: " and elsewhere" })],
      [c("who2021"), c("qi2010", { prefix: "also" })], [c("qi2010")], [c("xu2001", { suffix: " (ed.)" })], [c("qi2010")], [c("who2021", { mode: "suppress-author" })],
      [c("doe2005a", { locator: "12", label: "page" }), c("doe2005b"), c("who2021")], [c("xu2001"), c("qi2010"), c("web2020"), c("who2021")],
    ];
    for (const style of [apa, vancouver, { style: "harvard1", locale: "en-US" }, nature, notes, { style: "test-notes", locale: "de-DE" }]) {
      const ours = formatCitations({ items: more, style, clusters });
      const capital = (html: string) => html.replace(/^((?:<[^>]*>)*)(\p{Ll})/u, (_, tags: string, letter: string) => tags + letter.toUpperCase());
      const theirs = citeprocAlone(more, style, clusters).map((html) => (ours.notes.length ? capital(html) : html));
      const shown = ours.notes.length ? ours.notes : ours.citations.map((html) => dom(html).querySelector("span.citation")!.innerHTML);
      assert.deepEqual(shown.map((html) => html.replace(/<\/?a\b[^>]*>/g, "")), theirs, style.style);
    }
  });

  it("escapes ids and fields in a merged cluster; a typed token stays text", () => {
    const evil = (id: string, title: string): CslItem => ({ id, type: "book", title, author: [{ family: `<script>x</script> "Doe" & Co` }], issued: { "date-parts": [[2005]] } });
    const works = [evil(`a"&<script>1`, "First"), evil(`a'&</script>2`, "Second")];
    const { citations, bibliography } = formatCitations({ items: works, style: apa, clusters: [[c(works[0]!.id, { prefix: "<chatpost-cite x>see</chatpost-cite> <script>" }), c(works[1]!.id)]] });
    const html = citations[0]! + bibliographyHtml(bibliography);
    assert.doesNotMatch(html, /<script|<chatpost-cite/);
    const doc = dom(`<div>${html}</div>`);
    const span = doc.querySelector("span.citation")!;
    assert.equal(span.getAttribute("data-cites"), works.map((w) => w.id).join(" "));
    const hrefs = [...span.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    assert.deepEqual(hrefs.sort(), works.map((w) => `#${referenceAnchor(w.id)}`).sort());
    for (const href of hrefs) assert.ok(doc.querySelector(`li[id="${href!.slice(1)}"]`), href!);
    assert.match(text(span), /^\(<chatpost-cite x>see<\/chatpost-cite> <script> <script>x<\/script> “Doe” & Co, 2005a/);
  });
});

describe("note styles", () => {
  const at = (page: string) => ({ locator: page, label: "page" });
  const clusters = [[c("doe2005a"), c("xu2001", at("3"))], [c("xu2001", at("4"))], [c("xu2001", at("5"))], [c("xu2001", at("5"))], [c("doe2005a")], [c("web2020", { mode: "author-in-text" })]];

  it("turns each cluster into a numbered footnote: a reference in the text, the citation in the note", () => {
    const { citations, notes: footnotes } = formatCitations({ items: more, style: notes, clusters });
    assert.equal(footnotes.length, clusters.length);
    citations.forEach((html, i) => {
      const ref = dom(html).querySelector('span.citation a[role="doc-noteref"]')!;
      assert.equal(ref.getAttribute("href"), `#${noteAnchor(i + 1)}`);
      assert.equal(ref.id, noteRefAnchor(i + 1));
      assert.equal(text(ref), String(i + 1));
    });
    assert.equal(plain(citations[0]!), "1", "no citation text in the text");
    assert.deepEqual(linksOf(footnotes[0]!).map((l) => l.href), ["#ref-doe2005a", "#ref-xu2001"]);
  });

  it("gives citeproc-js the note numbers: full first, short later, Ibid. right after a note of the same work alone", () => {
    const { notes: footnotes } = formatCitations({ items: more, style: notes, clusters });
    const shown = footnotes.map(plain);
    assert.match(shown[0]!, /^John Doe, First Book \(2005\); Ann Xu, “An Article,” Journal 3 \(2001\), 3\.$/);
    assert.equal(shown[1], "Xu, “An Article,” 4.");
    assert.equal(shown[2], "Ibid., 5.");
    assert.equal(shown[3], "Ibid.");
    assert.equal(shown[4], "Doe, First Book.");
    assert.deepEqual(linksOf(footnotes[3]!), [{ href: "#ref-xu2001", text: "Ibid." }], "Ibid. links to its work");
  });

  it("names the author in the text for @key says, and leaves it out of the note, as pandoc does", () => {
    const { citations, notes: footnotes } = formatCitations({ items: more, style: notes, clusters });
    const span = dom(citations[5]!).querySelector("span.citation")!;
    assert.equal(text(span), "Org6");
    assert.equal(span.querySelector("a")!.getAttribute("href"), "#ref-web2020");
    assert.match(plain(footnotes[5]!), /^“Why\?,” Site, March 4, 2020, https:\/\/example\.org\/a\?b=1&c=2\.$/);
    assert.ok(!dom(`<div>${footnotes[5]}</div>`).querySelector("a a"), "no link inside a link");
  });

  it("lists the notes, each linking back to its reference", () => {
    const { notes: footnotes } = formatCitations({ items: more, style: notes, clusters });
    const list = dom(notesHtml(footnotes)).querySelector("ol")!;
    const items = [...list.querySelectorAll("li")];
    assert.equal(items.length, footnotes.length);
    items.forEach((li, i) => {
      assert.equal(li.id, noteAnchor(i + 1));
      assert.equal(li.querySelector('a[role="doc-backlink"]')!.getAttribute("href"), `#${noteRefAnchor(i + 1)}`);
    });
    assert.equal(notesHtml([]), "");
  });

  it("in-text styles have no notes", () => {
    assert.deepEqual(formatCitations({ items, style: apa, clusters: [[c("xu2001")]] }).notes, []);
  });
});

/** What citeproc-js prints for the clusters on its own, with no wrapper (the reference the linked output is held to). */
function citeprocAlone(data: CslItem[], style: { style: string; locale: string }, clusters: ClusterItem[][]): string[] {
  const engine = plugins.config.get("@csl").engine(structuredClone(data), style.style, style.locale, "html");
  const note = engine.opt.xclass === "note";
  try {
    engine.restoreProcessorState([]);
    engine.updateItems([...new Set(clusters.flat().map((x) => x.id))]);
    const out: string[] = [];
    const done: [string, number][] = [];
    clusters.forEach((cluster, i) => {
      const citationItems = cluster.map((x) => ({
        id: x.id,
        ...(x.prefix ? { prefix: x.prefix } : {}),
        ...(x.suffix ? { suffix: x.suffix } : {}),
        ...(x.locator ? { locator: x.locator, label: x.label } : {}),
        ...(x.mode === "suppress-author" ? { "suppress-author": true } : {}),
      }));
      const unsorted = cluster.slice(1).some((x) => x.prefix);
      const [, updates] = engine.processCitationCluster({ citationID: `c${i}`, citationItems, properties: { noteIndex: note ? i + 1 : 0, ...(unsorted ? { unsorted: true } : {}) } }, done, []);
      for (const [index, html] of updates as [number, string][]) out[index] = html;
      done.push([`c${i}`, note ? i + 1 : 0]);
    });
    return out;
  } finally {
    engine.restoreProcessorState([]);
    engine.updateItems([]);
  }
}
