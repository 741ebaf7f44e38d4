// The citeproc-js engines lib/citations.ts keeps per style and locale: built again when the
// XML under a name changes (an edited locale or style file under `npm start`), never stale.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { plugins } from "@citation-js/core";
import { useCitationCache } from "../../lib/citation-cache.ts";
import { fasterHtmlEscape, fasterMacroLookup, formatCitations, registerLocale, registerStyle, skipPlainStrings, type CitationRequest } from "../../lib/citations.ts";

const localeXml = readFileSync(new URL("../../locales/locales-en-GB.xml", import.meta.url), "utf8");
const styleXml = readFileSync(new URL("../../styles/nature.csl", import.meta.url), "utf8");

const require = createRequire(import.meta.url);
/** An untouched copy of citeproc-js, loaded anew, to compare lib/citations.ts's shortcuts with. */
const fresh = () => {
  const file = require.resolve("citeproc");
  delete require.cache[file];
  return require(file);
};

const request = (style: string, locale: string): CitationRequest => ({
  items: [{ id: "doe", type: "book", title: "Undated", author: [{ family: "Doe", given: "Jo" }] }],
  clusters: [[{ id: "doe", mode: "normal" }]],
  style: { style, locale },
});

describe("citeproc engines per style and locale", () => {
  it("uses a locale registered again under the same name", () => {
    useCitationCache(undefined);
    registerLocale("en-GB", localeXml);
    assert.match(formatCitations(request("apa", "en-GB")).citations[0]!, /n\.d\./);
    registerLocale("en-GB", localeXml.replace(">n.d.<", ">no date<"));
    try {
      const citation = formatCitations(request("apa", "en-GB")).citations[0]!;
      assert.match(citation, /no date/);
      assert.doesNotMatch(citation, /n\.d\./);
    } finally {
      registerLocale("en-GB", localeXml);
    }
  });

  it("uses a style registered again under the same name", () => {
    useCitationCache(undefined);
    registerStyle("engine-test-style", styleXml);
    assert.match(formatCitations(request("engine-test-style", "en-US")).bibliography[0]!.html, /Doe/);
    // The same style with a prefix on each entry.
    registerStyle("engine-test-style", styleXml.replace(/(<bibliography\b[^>]*>\s*)<layout>/, '$1<layout prefix="Listed: ">'));
    const entry = formatCitations(request("engine-test-style", "en-US")).bibliography[0]!.html;
    assert.match(entry, /Listed: /);
  });
});

// lib/citations.ts swaps two of citeproc-js's helpers for faster ones: same results.
describe("citeproc case and collation helpers", () => {
  const CSL = require("citeproc");
  const strings = ["I", "İstanbul", "IJssel", "ǅ", "Straße", "ΣΑΣ", "Ii̇", "ÀÉ", "i", "ı", "ﬁ", "Ǉubljana"];
  const langArrays: unknown[] = [["en-US"], ["tr"], ["tr", "en-US"], ["az"], ["lt"], ["de-DE"], ["TR-tr"], ["en", "tr"], ["xx_YY"], ["nl"]];
  const expected = (s: string, langs: unknown, upper: boolean) => {
    try {
      return upper ? s.toLocaleUpperCase(langs as string[]) : s.toLocaleLowerCase(langs as string[]);
    } catch {
      return upper ? s.toUpperCase() : s.toLowerCase();
    }
  };

  it("changes case as String#toLocaleLowerCase/UpperCase with the cite's languages", () => {
    for (const langs of langArrays) {
      const state = { tmp: { lang_array: langs } };
      for (const s of strings) {
        assert.equal(CSL.toLocaleLowerCase.call(state, s), expected(s, langs, false), `${s} lower, ${JSON.stringify(langs)}`);
        assert.equal(CSL.toLocaleUpperCase.call(state, s), expected(s, langs, true), `${s} upper, ${JSON.stringify(langs)}`);
      }
    }
    // Turkish is kept: dotless and dotted i.
    assert.equal(CSL.toLocaleLowerCase.call({ tmp: { lang_array: ["tr"] } }, "IŞIK"), "ışık");
    assert.equal(CSL.toLocaleUpperCase.call({ tmp: { lang_array: ["tr"] } }, "istanbul"), "İSTANBUL");
  });

  it("sorts as localeCompare with citeproc-js's options", () => {
    const words = ["[Anon]", "anon", "Ärzte", "Arzt", "van der Berg", "Vanderberg", "item 10", "item 9", "O’Brien", "Obrien", "zebra", "Zürich", "Ørsted", "Öl", "ǅemal"];
    for (const locale of ["en-US", "de-DE", "sv-SE", "tr-TR", undefined]) {
      const state = { tmp: { lang_array: [locale ?? "en-US"] } };
      const compare = CSL.getSortCompare.call(state, locale);
      const options = { sensitivity: "base", ignorePunctuation: true, numeric: true } as const;
      const lower = (s: string) => expected(s, state.tmp.lang_array, false);
      const strip = (s: string) => s.replace(/^[[\]'"]*/g, "");
      const bracketAware = lower("[x").localeCompare(lower("x"), locale ?? "en-US", options) !== 0;
      for (const a of words) {
        for (const b of words) {
          const [x, y] = bracketAware ? [strip(a), strip(b)] : [a, b];
          assert.equal(Math.sign(compare(a, b)), Math.sign(lower(x).localeCompare(lower(y), locale ?? "en-US", options)), `${a} vs ${b} in ${locale}`);
        }
      }
    }
  });
});

// Two more of lib/citations.ts's shortcuts, compared with an untouched copy of citeproc-js.
describe("citeproc markup and escaping shortcuts", () => {
  const samples = [
    "Plain title with words", " leading space", "trailing space ", "O'Brien", "O’Brien", "Patients’ voices", "“Quoted” words", "‘Inner’ quote",
    'A "straight" quote', "An 'inner' one", "(\"in parentheses\")", "<i>Italic</i> and <b>bold</b>", "<span class=\"nocase\">iPhone</span>",
    "x<sup>2</sup>", "« Guillemets »", "‹ Single ›", "„Deutsch“", "Ampersand & co", "a < b > c", "two  spaces", "tab\t and space",
    "m² and ™", "", "12", "Ünïcödé Straße", "Emoji 🙂 title",
  ];

  it("escapes HTML exactly as citeproc-js does", () => {
    const original = fresh().Output.Formats.html.text_escape as (t: unknown) => string;
    const faster = fresh();
    fasterHtmlEscape(faster);
    for (const text of [...samples, undefined, null]) assert.equal(faster.Output.Formats.html.text_escape(text), original(text), JSON.stringify(text));
  });

  it("finds markup and quotes in a string exactly as citeproc-js does, with any locale's quote marks", () => {
    const csl = fresh();
    const style = readFileSync(new URL("../../styles/nature.csl", import.meta.url), "utf8");
    // en-GB, as shipped and with other quote marks, so the locale's marks are looked for too.
    const locales = [localeXml, localeXml.replace(/(<term name="open-quote">)[^<]*/, "$1« ").replace(/(<term name="close-quote">)[^<]*/, "$1 »").replace(/(<term name="open-inner-quote">)[^<]*/, "$1‹").replace(/(<term name="close-inner-quote">)[^<]*/, "$1›")];
    for (const locale of locales) {
      const engine = () => new csl.Engine({ retrieveItem: () => ({}), retrieveLocale: () => locale }, style, "en-GB", true);
      const plain = engine();
      const skipping = engine();
      skipPlainStrings(skipping);
      for (const text of samples) {
        const expected = new csl.Blob(text);
        const actual = new csl.Blob(text);
        plain.fun.flipflopper.processTags(expected);
        skipping.fun.flipflopper.processTags(actual);
        assert.deepEqual(actual, expected, text);
      }
    }
  });
});

describe("the macro lookup while an engine is built", () => {
  /** The engine's token lists as text: each token's name, type, strings, decorations, jumps and number of steps. */
  function tokenLists(engine: any): string {
    return JSON.stringify(["citation", "bibliography", "citation_sort", "bibliography_sort"].map((area) =>
      (engine[area]?.tokens ?? []).map((t: any) => [t.name, t.tokentype, t.strings, t.decorations, t.succeed, t.fail, t.execs?.length, t.variables])));
  }
  const styles: Array<[string, string]> = [
    ["APA", (plugins.config.get("@csl") as { styles: Map<string, string> }).styles.get("apa")!],
    ["Nature", styleXml],
    ["a note style", readFileSync(new URL("../fixtures/citations/note-style.csl", import.meta.url), "utf8")],
  ];

  // Works of several types, so that most of a style's macros are used.
  const ITEMS = [
    { id: "book", type: "book", title: "Listening to patients", author: [{ family: "Okafor", given: "Ada" }, { family: "Lee", given: "Min" }], publisher: "Care Press", "publisher-place": "Leeds", edition: "2", issued: { "date-parts": [[2019]] } },
    { id: "article", type: "article-journal", title: "Online communities of nurses", author: [{ family: "Silva", given: "João" }], "container-title": "Journal of Nursing", volume: "12", issue: "3", page: "100-120", DOI: "10.1000/xyz", issued: { "date-parts": [[2021, 5, 2]] } },
    { id: "chapter", type: "chapter", title: "Leading in public", author: [{ family: "Brown", given: "Kim" }], editor: [{ family: "Green", given: "Lou" }], "container-title": "Health leadership", publisher: "Care Press", page: "10-30", issued: { "date-parts": [[2018]] } },
    { id: "web", type: "webpage", title: "Patient voices", author: [{ literal: "World Health Organization" }], URL: "https://www.who.int/", accessed: { "date-parts": [[2026, 1, 15]] }, issued: { "date-parts": [[2024]] } },
    { id: "report", type: "report", title: "The state of care", author: [{ literal: "NHS England" }], publisher: "NHS", number: "7", issued: { "date-parts": [[2023, 2]] } },
  ];
  /** A citation of every work (the book at a page), then the bibliography. */
  function formatted(engine: any): unknown {
    engine.updateItems(ITEMS.map((item) => item.id));
    const citationItems = ITEMS.map((item) => (item.id === "book" ? { id: item.id, locator: "12", label: "page" } : { id: item.id }));
    const [, citation] = engine.processCitationCluster({ citationID: "c1", citationItems, properties: { noteIndex: 1 } }, [], []);
    return [citation, engine.makeBibliography()];
  }

  for (const [name, xml] of styles) {
    it(`builds the same engine for ${name} as citeproc-js does: the same token lists and output`, () => {
      const plain = fresh();
      const faster = fresh();
      fasterMacroLookup(faster);
      const sys = { retrieveItem: (id: string) => ITEMS.find((item) => item.id === id), retrieveLocale: () => localeXml };
      const expected = new plain.Engine(sys, xml, "en-GB", true);
      const actual = new faster.Engine(sys, xml, "en-GB", true);
      const [expectedTokens, actualTokens] = [tokenLists(expected), tokenLists(actual)];
      assert.ok(expectedTokens.length > 2_000, `${expectedTokens.length} characters of tokens`);
      // Not assert.equal: APA's lists are a megabyte of text, which a failure would print whole.
      assert.ok(actualTokens === expectedTokens, `the token lists differ from character ${[...expectedTokens].findIndex((c, i) => actualTokens[i] !== c)}`);
      const output = formatted(expected);
      assert.match(JSON.stringify(output), /Okafor[\s\S]*Listening to patients/i);
      assert.deepEqual(formatted(actual), output);
    });
  }

  it("finds a macro again after the style's top-level nodes change, and leaves other lookups to citeproc-js", () => {
    const csl = fresh();
    fasterMacroLookup(csl);
    const xml = csl.setupXml(styleXml);
    const root = xml.dataObj;
    const [author] = xml.getNodesByName(root, "macro", "author");
    assert.equal(author?.attrs.name, "author");
    assert.deepEqual(xml.getNodesByName(root, "macro", "no such macro"), []);
    // A new list of top-level nodes (a copy of the author macro under another name): looked up anew.
    root.children = [...root.children, { ...author, attrs: { ...author.attrs, name: "added" } }];
    assert.equal(xml.getNodesByName(root, "macro", "added").length, 1);
    // Not a macro by name: the walk of citeproc-js itself, which finds nodes at any depth.
    assert.ok(xml.getNodesByName(root, "text").length > 10);
  });
});
