// A reference's language written as no language chatpost reads ("Deutsch", "jp", "Germn") is a
// warning naming the field and the line to write, in front matter, CSL files and .bib files;
// the reference is still printed. A work in a language written the other way from the page's
// (Arabic on an English page, English on an Arabic one) says its direction as well as its language.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { bibliographyHtml, formatCitations, notesHtml, registerStyle, type ClusterItem } from "../../lib/citations.ts";
import { normaliseItem, type CslItem } from "../../lib/csl-normalise.ts";
import { parseBibliographyFile } from "../../lib/bibliography.ts";
import { babelName, languageTag, unreadLanguage } from "../../lib/language-tags.ts";
import { PROJECT } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

const book = (language: unknown, key = "language") => ({ id: "a", type: "book", title: "A title", [key]: language });
const warnings = (language: unknown, syntax: "yaml" | "json" = "yaml", key = "language") => normaliseItem(book(language, key), { syntax }).problems;

describe("languageTag", () => {
  it("reads any language's English name, as ICU names it, besides babel's names", () => {
    assert.equal(languageTag("Amharic"), "am");
    assert.equal(languageTag("Brazilian Portuguese"), "pt-BR");
    assert.equal(languageTag("Portuguese (Brazil)"), "pt-BR");
    assert.equal(languageTag("Simplified Chinese"), "zh-Hans");
    assert.equal(languageTag("Norwegian Bokmål"), "nb");
    assert.equal(languageTag("Cantonese"), "yue");
    assert.equal(languageTag("langgerman"), "de", "BibLaTeX's localisation key");
    assert.equal(languageTag("German and English"), "de", "BibLaTeX's list: the first");
  });

  it("does not take a two-letter code that is no language's", () => {
    for (const value of ["jp", "cn", "gr", "jp-JP"]) assert.equal(languageTag(value), undefined, value);
    // Retired codes are read as their languages' codes now.
    assert.equal(languageTag("iw"), "he");
  });

  it("names babel's word for a tag's language, for a .bib file's fix", () => {
    assert.equal(babelName("de"), "german");
    assert.equal(babelName("pt-BR"), "brazil");
    assert.equal(babelName("am"), "am", "a language babel has no name for keeps its tag");
  });
});

describe("a front matter reference whose language names none chatpost reads", () => {
  it("is a warning with the tag to write, for a language's own name", () => {
    const cases: [string, string, string][] = [
      ["Deutsch", "German", "de"],
      ["Español", "Spanish", "es"],
      ["日本語", "Japanese", "ja"],
      ["Nederlands", "Dutch", "nl"],
      ["العربية", "Arabic", "ar"],
      ["português (Brasil)", "Brazilian Portuguese", "pt-BR"],
    ];
    for (const [written, name, tag] of cases) {
      const problems = warnings(written);
      assert.equal(problems.length, 1, written);
      const [p] = problems;
      assert.equal(p!.severity, "warning");
      assert.deepEqual(p!.path, ["language"]);
      assert.equal(p!.message, `"${written}" is ${name}'s own name, which chatpost does not read, so the entry is not marked as being in ${name}, and screen readers read it in the page's language`);
      assert.equal(p!.fix, `write \`language: ${tag}\``);
    }
  });

  it("keeps the reference, with its language as written", () => {
    const { item, problems } = normaliseItem(book("Deutsch"), { syntax: "yaml" });
    assert.equal(problems.length, 1);
    assert.equal(item?.language, "Deutsch");
  });

  it("names a country's code written for its language's", () => {
    const [p] = warnings("jp");
    assert.equal(p!.message, `"jp" is not a language's code but a country's (Japan), so the entry is not marked as being in another language, and screen readers read it in the page's language`);
    assert.equal(p!.fix, "write `language: ja` for Japanese (a language's code is not always its country's)");
    assert.match(warnings("gr")[0]!.fix, /`language: el` for Greek/);
  });

  it("suggests the language a slip is closest to, else how to write one", () => {
    assert.equal(warnings("Germn")[0]!.fix, "did you mean German? Write `language: de`");
    const [p] = warnings("Klingonish");
    assert.equal(p!.message, `"Klingonish" names no language chatpost knows, so the entry is not marked as being in another language, and screen readers read it in the page's language`);
    assert.equal(p!.fix, "write the language's code or English name, e.g. `language: de` for a work in German; or remove it if the work is in the site's language");
    assert.match(warnings({ name: "German" })[0]!.message, /^a work's language is written as one code or name/);
  });

  it("writes the fix as the writer wrote the field: its key, and JSON in a .json file", () => {
    assert.equal(warnings("Deutsch", "yaml", "Language")[0]!.fix, "write `Language: de`");
    assert.deepEqual(warnings("Deutsch", "yaml", "Language")[0]!.path, ["Language"]);
    assert.equal(warnings("Deutsch", "json")[0]!.fix, 'write `"language": "de"`');
  });

  it("is quiet for a tag, babel's names and English names", () => {
    for (const value of ["de", "de-DE", "de_DE", "pt-BR", "zh-Hant", "en", "English", "german", "ngerman", "French", "Français", "Amharic", ["de", "en"], ""]) {
      assert.deepEqual(warnings(value), [], JSON.stringify(value));
    }
  });

  it("is the same warning from unreadLanguage, with the caller's line", () => {
    assert.equal(unreadLanguage("Deutsch", (tag) => `[${tag}]`)!.fix, "write [de]");
    assert.equal(unreadLanguage("de", (tag) => `[${tag}]`), undefined);
  });
});

describe("a .bib entry whose langid or language names none chatpost reads", () => {
  const bib = (fields: string) => `@article{mueller2019,\n  author = {Müller, Jana},\n  title = {Soziale Medien},\n  journal = {Pflege},\n  year = {2019},\n${fields}\n}\n`;

  it("is a warning at the field, with babel's name in the fix, and the entry kept", () => {
    const { entries, diagnostics } = parseBibliographyFile("refs.bib", bib("  langid = {Deutsch}"));
    assert.equal(entries.length, 1);
    assert.deepEqual(diagnostics, [
      {
        severity: "warning", file: "refs.bib", line: 6, column: 3, field: "mueller2019.langid",
        message: `entry "mueller2019": in \`langid\`, "Deutsch" is German's own name, which chatpost does not read, so the entry is not marked as being in German, and screen readers read it in the page's language`,
        fix: "write `langid = {german}`",
      },
    ]);
  });

  it("names the language field when that is the one written", () => {
    const { diagnostics } = parseBibliographyFile("refs.bib", bib("  language = {Japanse}"));
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.field, "mueller2019.language");
    assert.equal(diagnostics[0]!.fix, "did you mean Japanese? Write `language = {japanese}`");
  });

  it("takes langid when language is written any other way, and says nothing", () => {
    const { entries, diagnostics } = parseBibliographyFile("refs.bib", bib("  language = {Deutsch},\n  langid = {ngerman}"));
    assert.deepEqual(diagnostics, []);
    assert.equal(languageTag(entries[0]!.item.language), "de");
  });

  it("is quiet for babel's names, tags and a language list", () => {
    for (const fields of ["  langid = {ngerman}", "  language = {german and english}", "  langid = {de-DE}", "  language = {French}"]) {
      assert.deepEqual(parseBibliographyFile("refs.bib", bib(fields)).diagnostics, [], fields);
    }
  });
});

describe("a reference in a language written the other way from the page's", () => {
  const items: CslItem[] = [
    { id: "haddad2020", type: "book", language: "ar", title: "التمريض والمجتمع", author: [{ literal: "حداد" }], issued: { "date-parts": [[2020]] } },
    { id: "levi2015", type: "book", language: "he-IL", title: "סיעוד", author: [{ literal: "לוי" }], issued: { "date-parts": [[2015]] } },
    { id: "mueller2019", type: "book", language: "de", title: "Pflege", author: [{ family: "Müller", given: "Jana" }], issued: { "date-parts": [[2019]] } },
    { id: "smith2020", type: "book", language: "en-GB", title: "Listening to patients", author: [{ family: "Smith", given: "Ann" }], issued: { "date-parts": [[2020]] } },
    { id: "xu2001", type: "book", title: "No language named", author: [{ family: "Xu", given: "Bo" }], issued: { "date-parts": [[2001]] } },
  ];
  const c = (id: string): ClusterItem => ({ id, mode: "normal" });
  const attributes = (html: string, selector: string) =>
    Object.fromEntries([...dom(`<div>${html}</div>`).querySelectorAll(selector)].map((e) => [e.id || e.getAttribute("href"), [e.getAttribute("lang"), e.getAttribute("dir")]]));
  const { bibliography } = formatCitations({ items, clusters: [], style: { style: "apa", locale: "en-US" } });

  it("says its direction on an English page, and only then", () => {
    assert.deepEqual(attributes(bibliographyHtml(bibliography, "en-US"), "li"), {
      "ref-haddad2020": ["ar", "rtl"], "ref-levi2015": ["he-IL", "rtl"], "ref-mueller2019": ["de", null], "ref-smith2020": [null, null], "ref-xu2001": [null, null],
    });
  });

  it("on an Arabic page, marks the left-to-right works, and the Hebrew one by its language alone", () => {
    assert.deepEqual(attributes(bibliographyHtml(bibliography, "ar"), "li"), {
      "ref-haddad2020": [null, null], "ref-levi2015": ["he-IL", null], "ref-mueller2019": ["de", "ltr"], "ref-smith2020": ["en-GB", "ltr"], "ref-xu2001": [null, null],
    });
  });

  it("without the page's language, takes the page to run left to right", () => {
    assert.deepEqual(attributes(bibliographyHtml(bibliography), "li")["ref-haddad2020"], ["ar", "rtl"]);
    assert.deepEqual(attributes(bibliographyHtml(bibliography), "li")["ref-smith2020"], ["en-GB", null]);
    assert.deepEqual(attributes(bibliographyHtml(bibliography), "li")["ref-xu2001"], [null, null]);
  });

  it("says it on its link in a note style's footnotes too", () => {
    registerStyle("rx-test-notes", readFileSync(path.join(PROJECT, "tests/fixtures/citations/note-style.csl"), "utf8"));
    const cited = formatCitations({ items, clusters: [[c("haddad2020")], [c("smith2020")], [c("xu2001")]], style: { style: "rx-test-notes", locale: "en-US" } });
    const html = notesHtml(cited.notes, cited.bibliography, "en-US");
    assert.deepEqual(attributes(html, 'a[href^="#ref-"]'), { "#ref-haddad2020": ["ar", "rtl"], "#ref-smith2020": [null, null], "#ref-xu2001": [null, null] });
    assert.deepEqual(attributes(notesHtml(cited.notes, cited.bibliography, "fa-IR"), 'a[href^="#ref-"]')["#ref-smith2020"], ["en-GB", "ltr"]);
  });
});
