// A post's citations resolved against its references and the shared bibliography,
// and the diagnostics a writer gets (file, line, key, field).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { SharedBibliography } from "../../lib/bibliography.ts";
import { registerStyle } from "../../lib/citations.ts";
import { citationDiagnostics, postCitations, resolvePostCitations } from "../../lib/post-citations.ts";
import { loadPost } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";
import { ContentError } from "../../lib/diagnostics.ts";

process.env.CHATPOST_CACHE_DIR = "off";
const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const FILE = "content/posts/2020-01-07-cite.md";
const apa = { style: "apa", locale: "en-US" };

function post(frontMatter: string, body: string) {
  const result = loadPost(FILE, `---\ntitle: T\ndate: 2020-01-07\n${frontMatter}\n---\n${body}`, { settings, root: "/nowhere", fileExists: () => false });
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === "error"), []);
  return result.post!;
}

const own = "references:\n  - {id: doe2005, type: book, title: First, author: \"Doe, John\", issued: 2005}";
const shared: SharedBibliography = {
  entries: new Map([
    ["xu2001", { file: "content/bibliography.yaml", line: 1, item: { id: "xu2001", type: "book", title: "Shared", author: [{ family: "Xu", given: "Ann" }], issued: { "date-parts": [[2001]] } } }],
    ["roe2010", { file: "content/bibliography.yaml", line: 5, item: { id: "roe2010", type: "book", title: "Listed", author: [{ family: "Roe", given: "Rob" }], issued: { "date-parts": [[2010]] } } }],
  ]),
  diagnostics: [],
};

describe("resolvePostCitations", () => {
  it("holds the post's references, the shared works cited and the nocite works, in that order", () => {
    const p = post(`${own}\nnocite: ["@roe2010"]`, "See [@xu2001, p. 3] and @doe2005.\n");
    const resolved = resolvePostCitations(p, shared);
    assert.deepEqual(resolved.diagnostics, []);
    assert.deepEqual(resolved.items.map((i) => i.id), ["doe2005", "xu2001", "roe2010"]);
    assert.deepEqual(resolved.clusters, [[{ id: "xu2001", mode: "normal", locator: "3", label: "page" }], [{ id: "doe2005", mode: "author-in-text" }]]);
  });

  it("turns markdown in prefixes and suffixes into citeproc's rich text, text escaped by citeproc later", () => {
    const p = post(own, "[*see* @doe2005, p. 3 and **more** <script>]\n");
    const item = resolvePostCitations(p, shared).clusters[0]![0]!;
    assert.equal(item.prefix, "<i>see</i>");
    assert.equal(item.suffix, " and <b>more</b> <script>");
    const html = postCitations(p, apa, shared).citations[0]!;
    assert.match(html, /<i>see<\/i> Doe, 2005, p\. 3 and <b>more<\/b> &#60;script&#62;/);
  });

  it("reports an unknown key at its line and column in the file, with the nearest key", () => {
    const p = post(own, "First line.\n\nThen [@doe2006].\n");
    const [d] = resolvePostCitations(p, shared).diagnostics;
    assert.deepEqual([d!.file, d!.line, d!.column], [FILE, p.bodyLine + 2, 6]);
    assert.match(d!.message, /\[@doe2006\] cites "doe2006"/);
    assert.equal(d!.fix, "did you mean @doe2005? write `[@doe2005]`");
  });

  it("accepts a post reference equal to the shared entry, refuses a different one under the same key", () => {
    const same = post("references:\n  - {id: xu2001, type: book, title: Shared, author: \"Xu, Ann\", issued: 2001}", "[@xu2001]\n");
    assert.deepEqual(resolvePostCitations(same, shared).diagnostics, []);
    const other = post("references:\n  - {id: xu2001, type: book, title: Another, author: \"Xu, Ann\", issued: 2001}", "[@xu2001]\n");
    const [d] = resolvePostCitations(other, shared).diagnostics;
    assert.equal(d!.field, "references[0].id");
    assert.match(d!.message, /content\/bibliography\.yaml, line 1\) has a different entry/);
  });

  it("lists every shared entry for @*", () => {
    const p = post('nocite: ["@*"]', "Body.\n");
    assert.deepEqual(resolvePostCitations(p, shared).items.map((i) => i.id), ["xu2001", "roe2010"]);
  });
});

describe("formatting problems", () => {
  it("report citeproc's [CSL STYLE ERROR] as a diagnostic naming the reference", () => {
    registerStyle(
      "test-no-printed-form",
      `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>T</title><id>t2</id><updated>2020-01-01T00:00:00+00:00</updated></info>` +
        `<citation><layout><text variable="publisher"/></layout></citation><bibliography><layout><text variable="title"/></layout></bibliography></style>`,
    );
    const p = post(own, "[@doe2005]\n");
    const [d] = citationDiagnostics([p], shared, { style: "test-no-printed-form", locale: "en-US" });
    assert.equal(d!.file, FILE);
    assert.equal(d!.field, "references[0]");
    assert.match(d!.message, /reference "doe2005": .*\[CSL STYLE ERROR: /);
    assert.throws(() => postCitations(p, { style: "test-no-printed-form", locale: "en-US" }, shared), ContentError);
  });
});
