// A reference to a work in another language than the page's says which (lang), in its
// bibliography entry and in a note style's footnotes, so that screen readers read its
// title in that language's voice (WCAG 3.1.2); in-text citations do not.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { bibliographyHtml, formatCitations, notesHtml, registerStyle, type ClusterItem } from "../../lib/citations.ts";
import { languageTag } from "../../lib/language-tags.ts";
import type { CslItem } from "../../lib/csl-normalise.ts";
import { parseBibliographyFile } from "../../lib/bibliography.ts";
import { PROJECT } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

const items: CslItem[] = [
  { id: "mueller2019", type: "article-journal", language: "de-DE", title: "Soziale Medien in der Pflege", author: [{ family: "Müller", given: "Jana" }], "container-title": "Pflegewissenschaft", issued: { "date-parts": [[2019]] } },
  { id: "yamada2018", type: "book", language: "ja", title: "患者の声を聞く", author: [{ literal: "山田太郎" }], issued: { "date-parts": [[2018]] } },
  { id: "smith2020", type: "book", language: "en-GB", title: "Listening to patients", author: [{ family: "Smith", given: "Ann" }], issued: { "date-parts": [[2020]] } },
  { id: "xu2001", type: "book", title: "No language named", author: [{ family: "Xu", given: "Bo" }], issued: { "date-parts": [[2001]] } },
];
const c = (id: string): ClusterItem => ({ id, mode: "normal" });
const langs = (html: string, selector: string) => Object.fromEntries([...dom(`<div>${html}</div>`).querySelectorAll(selector)].map((e) => [e.id || e.getAttribute("href"), e.getAttribute("lang")]));

describe("languageTag", () => {
  it("reads BCP 47 tags as written, in their canonical form", () => {
    assert.equal(languageTag("de-DE"), "de-DE");
    assert.equal(languageTag("de-de"), "de-DE");
    assert.equal(languageTag("en_US"), "en-US");
    assert.equal(languageTag(" ja "), "ja");
    assert.equal(languageTag("zh-hant-tw"), "zh-Hant-TW");
  });

  it("maps BibTeX's langid names and the English names Zotero writes", () => {
    assert.equal(languageTag("german"), "de");
    assert.equal(languageTag("ngerman"), "de");
    assert.equal(languageTag("German"), "de");
    assert.equal(languageTag("french"), "fr");
    assert.equal(languageTag("english"), "en");
    assert.equal(languageTag("british"), "en-GB");
    assert.equal(languageTag("spanish"), "es");
    assert.equal(languageTag("japanese"), "ja");
    assert.equal(languageTag("brazil"), "pt-BR");
    assert.equal(languageTag("nswissgerman"), "de-CH");
    // BibLaTeX's language field is a list: the first.
    assert.equal(languageTag(["german", "english"]), "de");
  });

  it("gives nothing for what is no language a page can name", () => {
    for (const value of ["Deutsch?", "klingonish", "x-private", "", "12", "constructor", "__proto__", undefined, 3, {}]) assert.equal(languageTag(value), undefined, String(value));
  });

  it("reads what plugin-bibtex makes of langid and language", () => {
    const { entries } = parseBibliographyFile(
      "refs.bib",
      "@article{a, author={Jana Müller}, title={Soziale Medien}, journal={P}, year={2019}, langid={ngerman}}\n" +
        "@article{b, author={Jean Dupont}, title={Les médias}, journal={P}, year={2019}, language={French}}\n",
    );
    assert.deepEqual(entries.map((e) => languageTag(e.item.language)), ["de", "fr"]);
  });
});

describe("the bibliography", () => {
  const { bibliography, citations } = formatCitations({ items, clusters: [[c("mueller2019"), c("yamada2018")], [c("smith2020")]], style: { style: "apa", locale: "en-US" } });

  it("carries each formatted entry's language", () => {
    assert.deepEqual(Object.fromEntries(bibliography.map((e) => [e.id, e.lang])), { mueller2019: "de-DE", yamada2018: "ja", smith2020: "en-GB", xu2001: undefined });
  });

  it("marks only the entries in another language than the page's", () => {
    assert.deepEqual(langs(bibliographyHtml(bibliography, "en-US"), "li"), { "ref-mueller2019": "de-DE", "ref-yamada2018": "ja", "ref-smith2020": null, "ref-xu2001": null });
    // On a German page, the German entry is the page's language and the English one is not.
    assert.deepEqual(langs(bibliographyHtml(bibliography, "de"), "li"), { "ref-mueller2019": null, "ref-yamada2018": "ja", "ref-smith2020": "en-GB", "ref-xu2001": null });
    assert.match(bibliographyHtml(bibliography, "en-US"), /<li id="ref-mueller2019" class="csl-entry" lang="de-DE">Müller, J\. \(2019\)\. Soziale Medien in der Pflege\./);
  });

  it("tells another script of the same language apart", () => {
    const [entry] = formatCitations({ items: [{ ...items[1]!, id: "tw", language: "zh-TW" }], clusters: [], style: { style: "apa", locale: "en-US" } }).bibliography;
    assert.equal(langs(bibliographyHtml([entry!], "zh-CN"), "li")["ref-tw"], "zh-TW");
    assert.equal(langs(bibliographyHtml([entry!], "zh-Hant"), "li")["ref-tw"], null);
  });

  it("without the page's language, marks every entry that names one", () => {
    assert.deepEqual(langs(bibliographyHtml(bibliography), "li"), { "ref-mueller2019": "de-DE", "ref-yamada2018": "ja", "ref-smith2020": "en-GB", "ref-xu2001": null });
  });

  it("leaves in-text citations unmarked", () => {
    for (const citation of citations) assert.doesNotMatch(citation, /\slang=/);
  });
});

describe("a note style's footnotes", () => {
  registerStyle("rl-test-notes", readFileSync(path.join(PROJECT, "tests/fixtures/citations/note-style.csl"), "utf8"));
  const { notes, bibliography } = formatCitations({ items, clusters: [[c("mueller2019"), c("xu2001")], [c("smith2020")], [c("yamada2018")]], style: { style: "rl-test-notes", locale: "en-US" } });

  it("mark each work's link in another language than the page's, and nothing else", () => {
    const html = notesHtml(notes, bibliography, "en-US");
    assert.deepEqual(langs(html, 'a[href^="#ref-"]'), { "#ref-mueller2019": "de-DE", "#ref-xu2001": null, "#ref-smith2020": null, "#ref-yamada2018": "ja" });
    assert.equal(dom(`<div>${html}</div>`).querySelectorAll("[lang]").length, 2, "the notes and their back links are not marked");
    // Without the formatted entries, the notes are as they were.
    assert.doesNotMatch(notesHtml(notes), /\slang=/);
  });
});
