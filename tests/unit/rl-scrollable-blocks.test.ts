// A wide table or a long code line scrolls in its own box, which a keyboard can reach
// (axe's scrollable-region-focusable): a table in a named, focusable region, a code block
// focusable itself.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createMarkdown } from "../../lib/markdown.ts";
import { dom, text } from "../helpers/html.ts";

const md = createMarkdown();
const render = (body: string) => dom(`<body>${md.render(body)}</body>`);

describe("a markdown table", () => {
  it("is wrapped in a focusable region named by its header row", () => {
    const doc = render("| Country | Participants |\n|---|---|\n| Deutschland | 987 |\n");
    const region = doc.querySelector("body > section.table-scroll")!;
    assert.ok(region, "the table's region");
    assert.equal(region.getAttribute("tabindex"), "0");
    assert.equal(region.getAttribute("aria-label"), "Country, Participants");
    assert.equal(region.children.length, 1);
    assert.equal(region.children[0]!.tagName, "TABLE");
    assert.equal(text(region.querySelector("td")), "Deutschland");
  });

  it("keeps a long header row's name short, and takes the words of its markup", () => {
    const doc = render(
      "| **Country** of `origin` | Participants | Median age | Response rate | Questions answered | Follow-up months |\n|---|---|---|---|---|---|\n| UK | 1 | 2 | 3 | 4 | 5 |\n\n" +
        `| ${"Interprofessionalcollaboration ".repeat(4)}| B |\n|---|---|\n| 1 | 2 |\n`,
    );
    const [first, second] = [...doc.querySelectorAll("section.table-scroll")].map((s) => s.getAttribute("aria-label")!);
    assert.equal(first, "Country of origin, Participants, Median age…");
    assert.ok(second!.length <= 49 && second!.endsWith("…"), second);
    assert.ok(second!.startsWith("Interprofessionalcollaboration"), second);
  });

  it("is named by its number when its header row is empty", () => {
    const doc = render("| A |\n|---|\n| 1 |\n\n|  |  |\n|--|--|\n| a | b |\n");
    assert.deepEqual([...doc.querySelectorAll("section.table-scroll")].map((s) => s.getAttribute("aria-label")), ["A", "Table 2"]);
  });

  it("has a name of its own on the page: a second table with the same header row is numbered", () => {
    const table = "| Week | Host |\n|---|---|\n| 1 | Ann |\n\n";
    const doc = render(`${table}${table}|  |\n|--|\n| x |\n\n${table}`);
    assert.deepEqual([...doc.querySelectorAll("section.table-scroll")].map((s) => s.getAttribute("aria-label")), ["Week, Host", "Week, Host (2)", "Table 3", "Week, Host (3)"]);
  });

  it("escapes its name", () => {
    const html = md.render('| a "quoted" <b>x</b> & y |\n|---|\n| 1 |\n');
    assert.match(html, /aria-label="a “quoted” x &amp; y"/);
  });

  it("is what a table pasted as HTML becomes too (tests/unit/bh2-raw-tables.test.ts has the details)", () => {
    const doc = render("<table><tr><td>x</td></tr></table>\n");
    assert.ok(doc.querySelector("body > section.table-scroll[tabindex=\"0\"] > table"), "the table in its region");
    assert.equal(doc.querySelector("section.table-scroll")?.getAttribute("aria-label"), "Table 1");
  });
});

describe("a code block", () => {
  it("takes keyboard focus, fenced or indented", () => {
    const html = md.render("```js\nconst a_very_long_line = 1;\n```\n\n    indented\n\n`inline` code\n");
    assert.equal((html.match(/<pre tabindex="0"><code/g) ?? []).length, 2);
    assert.match(html, /<pre tabindex="0"><code class="language-js">/);
    assert.match(html, /<code>inline<\/code>/);
  });
});

describe("links found in the text", () => {
  it("still say they are bare addresses beside the wrapped blocks", () => {
    assert.match(md.render("| See |\n|---|\n| https://example.org/a |\n"), /<a href="https:\/\/example\.org\/a" class="bare-address">/);
  });
});
