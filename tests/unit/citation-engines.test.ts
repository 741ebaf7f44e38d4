// The citeproc-js engines lib/citations.ts keeps per style and locale: built again when the
// XML under a name changes (an edited locale or style file under `npm start`), never stale.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { useCitationCache } from "../../lib/citation-cache.ts";
import { fasterHtmlEscape, formatCitations, registerLocale, registerStyle, skipPlainStrings, type CitationRequest } from "../../lib/citations.ts";

const localeXml = readFileSync(new URL("../../locales/locales-en-GB.xml", import.meta.url), "utf8");
const styleXml = readFileSync(new URL("../../styles/nature.csl", import.meta.url), "utf8");

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
  const CSL = createRequire(import.meta.url)("citeproc");
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
  const require = createRequire(import.meta.url);
  const fresh = () => {
    const file = require.resolve("citeproc");
    delete require.cache[file];
    return require(file);
  };
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
