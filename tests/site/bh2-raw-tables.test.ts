// In a built site in German (whose built-in CSL locale has no German word for "table"): a
// table pasted as HTML is in a focusable region like a markdown one, a table with no words
// to name it by is "Table N" in a region marked lang="en" while its cells stay German, and
// the page passes html-validate. A `<!--` in an attribute value does not stop the build.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { HtmlValidate, type Message } from "html-validate";
import { buildSite, copySiteWith, FIXTURE_SITE, PROJECT, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const POST = `---
title: Tabellen
date: 2017-05-06
---
Siehe <abbr title="x <!-- y">dies</abbr>.

<table>
<caption>Teilnehmende nach Land</caption>
<thead><tr><th>Land</th><th>Anzahl</th></tr></thead>
<tbody><tr><td>Deutschland</td><td>12</td></tr></tbody>
</table>

<div title="a <!-- b">
<table>
<tbody>
<tr><td>ohne</td><td>Kopfzeile</td></tr>

<tr><td>zweite</td><td>Zeile</td></tr>
</tbody>
</table>
</div>

|  |  |
|--|--|
| a | b |
`;

let site: BuiltSite;
before(async () => {
  site = await buildSite(
    copySiteWith(FIXTURE_SITE, {
      settings: (yaml) => yaml.replace(/^language: en-US/m, "language: de-DE"),
      files: { "content/posts/2017-05-06-tabellen.md": POST },
    }),
  );
});

describe("tables pasted as HTML in a built German site", () => {
  it("are in named, focusable regions; a numbered one says it is English, its table German", () => {
    const doc = dom(site.read("posts/tabellen/index.html"));
    const regions = [...doc.querySelectorAll(".post-body section.table-scroll")];
    assert.deepEqual(
      regions.map((r) => [r.getAttribute("aria-label"), r.getAttribute("tabindex"), r.getAttribute("lang"), r.querySelector(":scope > table")?.getAttribute("lang") ?? null]),
      [
        ["Teilnehmende nach Land", "0", null, null],
        ["Table 2", "0", "en", "de-DE"],
        ["Table 3", "0", "en", "de-DE"],
      ],
    );
    // The table split by a blank line is one table in its region, inside the writer's <div>.
    assert.equal(regions[1]!.parentElement!.getAttribute("title"), "a <!-- b");
    assert.equal(regions[1]!.querySelectorAll("tr").length, 2);
    assert.match(text(doc.querySelector(".post-body")), /^Siehe dies\. Teilnehmende nach Land/);
  });

  it("pass html-validate", async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(PROJECT, ".htmlvalidate.json"), "utf8")));
    const report = await validator.validateString(site.read("posts/tabellen/index.html"), "posts/tabellen/index.html");
    const errors = report.results.flatMap((r) => (r.messages as Message[]).filter((m) => m.severity === 2).map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    assert.deepEqual(errors, []);
  });
});
