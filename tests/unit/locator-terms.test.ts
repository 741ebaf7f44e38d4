// The locator-term table of a CSL locale, read as pandoc's citeproc reads it:
// every form of every locator term, singular and plural, case-insensitive.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { registerLocale } from "../../lib/citations.ts";
import { citationLocatorTerms, localeLocatorTerms, locatorTermsFromXml, normaliseTerm, styleLocaleBlocks } from "../../lib/locator-terms.ts";

const builtIn = (name: string): string => plugins.config.get("@csl").locales.get(name);
const label = (terms: ReadonlyMap<string, string>, word: string) => terms.get(normaliseTerm(word));

describe("locatorTermsFromXml on the de-DE locale", () => {
  const de = locatorTermsFromXml(builtIn("de-DE"));

  it("maps short forms, with their periods, to CSL labels", () => {
    assert.equal(label(de, "S."), "page");
    assert.equal(label(de, "Kap."), "chapter");
    assert.equal(label(de, "Abschn."), "section");
    assert.equal(label(de, "Bd."), "volume");
    assert.equal(label(de, "Nr."), "issue");
    assert.equal(label(de, "Abb."), "figure");
  });

  it("maps long forms in the singular and the plural, and symbols", () => {
    assert.equal(label(de, "Seite"), "page");
    assert.equal(label(de, "Seiten"), "page");
    assert.equal(label(de, "Kapitel"), "chapter");
    assert.equal(label(de, "Abschnitte"), "section");
    assert.equal(label(de, "Bände"), "volume");
    assert.equal(label(de, "Bde."), "volume");
    assert.equal(label(de, "§§"), "section");
    assert.equal(label(de, "¶"), "paragraph");
  });

  it("compares case-insensitively, and reads the locale's &#160; as a space", () => {
    assert.equal(label(de, "s."), "page");
    assert.equal(label(de, "KAPITEL"), "chapter");
    assert.equal(label(de, "s.\u00a0v."), "sub verbo");
    assert.equal(label(de, "s. v."), "sub verbo");
  });

  it("holds only the locale's own words: no English ones, and no word without its period", () => {
    for (const word of ["p.", "pp.", "page", "chap.", "Kap", "S"]) assert.equal(label(de, word), undefined, word);
  });
});

describe("locatorTermsFromXml on the en-US locale", () => {
  const en = locatorTermsFromXml(builtIn("en-US"));

  it("gives pandoc's en-US words", () => {
    const expected: [string, string][] = [
      ["p.", "page"], ["pp.", "page"], ["pages", "page"], ["chap.", "chapter"], ["chapters", "chapter"],
      ["no.", "issue"], ["sec.", "section"], ["§", "section"], ["para.", "paragraph"], ["vol.", "volume"],
      ["l.", "line"], ["ll.", "line"], ["s.v.", "sub verbo"], ["sub verbis", "sub verbo"], ["bk.", "book"],
    ];
    for (const [word, want] of expected) assert.equal(label(en, word), want, word);
    assert.equal(label(en, "ch."), undefined);
  });

  it("lets page win over number-of-pages, which shares its words, as pandoc's list order does", () => {
    assert.ok([...en.values()].every((l) => l !== "number-of-pages"));
  });
});

describe("locatorTermsFromXml on unusual XML", () => {
  it("skips comments and other terms, decodes entities, keeps every form and gender", () => {
    const terms = locatorTermsFromXml(`<locale xml:lang="xx-XX"><terms>
      <!-- <term name="page">commented</term> -->
      <term name="page" form="short">pg&#46;</term>
      <term name='chapter' gender="feminine"><single>Ch&amp;ap</single><multiple>Ch&#x26;aps</multiple></term>
      <term name="section" form="symbol"/>
      <term name="editor" form="short">p.</term>
    </terms></locale>`);
    assert.deepEqual([...terms], [["ch&ap", "chapter"], ["ch&aps", "chapter"], ["pg.", "page"]]);
  });
});

describe("localeLocatorTerms", () => {
  it("reads the XML citation-js has for the locale, once while it is unchanged", () => {
    const first = localeLocatorTerms("de-DE");
    assert.equal(first.get("s."), "page");
    assert.equal(localeLocatorTerms("de-DE"), first);
  });

  it("reads a locale registered from a file, and again when its file changes", () => {
    const xml = (word: string) => `<locale xml:lang="xx-YY"><terms><term name="page" form="short">${word}</term></terms></locale>`;
    registerLocale("xx-YY", xml("pg."));
    const before = localeLocatorTerms("xx-YY");
    assert.equal(before.get("pg."), "page");
    registerLocale("xx-YY", xml("pag."));
    const after = localeLocatorTerms("xx-YY");
    assert.notEqual(after, before);
    assert.equal(after.get("pag."), "page");
    assert.equal(after.get("pg."), undefined);
  });

  it("gives en-US's words for a locale citation-js does not have", () => {
    assert.equal(localeLocatorTerms("zz-ZZ").get("p."), "page");
  });
});

describe("a style's own locale blocks (pandoc merges them into the locale)", () => {
  const style = `<style><locale xml:lang="en"><terms><term name="section" form="short">sect.</term></terms></locale>
    <locale xml:lang="de-AT"><terms><term name="page" form="short">Seitl.</term></terms></locale>
    <locale xml:lang="de"><terms><term name="figure" form="short">Fig.</term></terms></locale>
    <locale><terms><term name="column" form="short">Kol.</term></terms></locale><citation/></style>`;

  it("apply for the exact language, the bare language and no language", () => {
    const blocks = (locale: string) => styleLocaleBlocks(style, locale).map((b) => /<term name="(\w+)"/.exec(b)?.[1]);
    assert.deepEqual(blocks("de-DE"), ["figure", "column"]);
    assert.deepEqual(blocks("de-AT"), ["page", "figure", "column"]);
    assert.deepEqual(blocks("en-US"), ["section", "column"]);
  });

  it("add Vancouver's sect. to en-US, while APA adds nothing and shares en-US's table", () => {
    const vancouver = citationLocatorTerms("vancouver", "en-US");
    assert.equal(vancouver.get("sect."), "section");
    assert.equal(vancouver.get("p."), "page");
    assert.equal(localeLocatorTerms("en-US").get("sect."), undefined);
    assert.equal(citationLocatorTerms("apa", "en-US"), localeLocatorTerms("en-US"));
  });
});
