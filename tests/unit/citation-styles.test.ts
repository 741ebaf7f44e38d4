// The settings' citation style and locale: built-in names, or CSL files in the
// repository; anything else is an error naming the settings field, never a fallback.
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { resolveCitationStyle } from "../../lib/citation-styles.ts";
import { formatCitations } from "../../lib/citations.ts";
import { PROJECT } from "../helpers/build-site.ts";

const article = {
  id: "xu2001", type: "article-journal", title: "An article", author: [{ family: "Xu", given: "Ann" }], "container-title": "Journal",
  issued: { "date-parts": [[2001, 5, 3]] }, accessed: { "date-parts": [[2017, 4, 30]] }, URL: "https://example.org/a",
};
const resolve = (style: string, locale: string, root = PROJECT) => resolveCitationStyle(root, { style, locale, bibliography: [] });
const entry = (style: string, locale: string) => {
  const { style: resolved, diagnostics } = resolve(style, locale);
  assert.deepEqual(diagnostics, []);
  return formatCitations({ items: [article], clusters: [], style: resolved! }).bibliography[0]!.html;
};

describe("resolveCitationStyle", () => {
  it("keeps built-in styles and locales by name", () => {
    for (const style of ["apa", "vancouver", "harvard1"]) assert.deepEqual(resolve(style, "en-US").style, { style, locale: "en-US" });
  });

  it("registers a locale file from the repository under its language: en-GB quotes and dates", () => {
    const us = entry("harvard1", "en-US");
    const gb = entry("harvard1", "locales/locales-en-GB.xml");
    assert.match(us, /“An article,”.*Accessed: April 30, 2017/);
    assert.match(gb, /‘An article’,.*Accessed: 30 April 2017/);
  });

  it("registers a style file from the repository, with its access date where the style prints one", () => {
    const resolved = resolve("styles/nature.csl", "en-US").style!;
    assert.match(resolved.style, /^file:styles\/nature\.csl#[0-9a-f]{12}$/);
    const { citations, bibliography } = formatCitations({ items: [article], clusters: [[{ id: "xu2001", mode: "normal" }]], style: resolved });
    assert.match(citations[0]!, /<sup>.*1.*<\/sup>/);
    assert.match(bibliography[0]!.html, /Xu, A\. An article\. <i>Journal<\/i> \(2001\)/);
  });

  it("refuses unknown names and missing or wrong files, naming the settings field and line", () => {
    const root = mkdtempSync(path.join(tmpdir(), "chatpost-styles-"));
    mkdirSync(path.join(root, "content/_data"), { recursive: true });
    writeFileSync(path.join(root, "content/_data/site.yaml"), "title: T\ncitations:\n  style: chicago\n  locale: fr\n");
    writeFileSync(path.join(root, "not-a-style.csl"), "<html></html>");
    const named = resolve("chicago", "fr", root);
    assert.equal(named.style, undefined);
    assert.deepEqual(named.diagnostics.map((d) => [d.file, d.line, d.field]), [
      ["content/_data/site.yaml", 3, "citations.style"],
      ["content/_data/site.yaml", 4, "citations.locale"],
    ]);
    assert.match(named.diagnostics[0]!.fix!, /apa, vancouver, harvard1, or the path of a \.csl file/);
    const files = resolve("not-a-style.csl", "locales/none.xml", root);
    assert.deepEqual(files.diagnostics.map((d) => d.message), ["not-a-style.csl is not a CSL style (no <style> with a <citation>)", "the locale file locales/none.xml was not found"]);
    assert.match(resolve("../outside.csl", "en-US", root).diagnostics[0]!.message, /was not found/);
  });
});
