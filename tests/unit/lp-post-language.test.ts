// A post's `language:` (the language of its own text, when it is not the site's): a language
// tag, checked as references' `language:` is (lib/language-tags.ts); a name, `es_ES` or `lang:`
// is an error whose fix is the line to write, and that line then reads clean. The marks its
// text needs (lib/post-schema.ts languageMarks) and its JSON-LD's inLanguage.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { languageMarks, sameLanguage } from "../../lib/post-schema.ts";
import { structuredData } from "../../lib/structured-data.ts";
import { setLine } from "../helpers/line-fixes.ts";
import { loadLines, post, shown } from "../helpers/slip-post.ts";

/** The post with `line` added at line 8, loaded: its diagnostics as printed, and the Post. */
function load(line: string) {
  const lines = post({}, [line]);
  const result = loadLines(lines);
  return { lines, result, shown: result.diagnostics.map(shown) };
}

/** The line a fix says to write (`write language: es`, "write `language: es` in place of this line"). */
const fixLine = (fix: string) => /language: [^\s`]+/.exec(fix)?.[0];

describe("a post's language:", () => {
  it("takes a language tag, in any capitals, as HTML writes it", () => {
    for (const [written, tag] of [["es", "es"], ["es-ES", "es-ES"], ["es-es", "es-ES"], ["ES", "es"], ["zh-hant", "zh-Hant"], ["ar", "ar"]] as const) {
      const { result } = load(`language: ${written}`);
      assert.deepEqual(result.diagnostics, [], written);
      assert.equal(result.post?.language, tag, written);
    }
  });

  it("is silent when it is the site's own language (nothing to add)", () => {
    const { result } = load("language: en-US");
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.post?.language, "en-US");
    assert.equal(languageMarks(result.post?.language, "en-US"), undefined);
  });

  it("leaves a post without it in the site's language", () => {
    const result = loadLines(post());
    assert.ok(result.post);
    assert.equal(result.post?.language, undefined);
  });

  const slips: Array<[string, RegExp, string]> = [
    ["Spanish", /"Spanish" is a language's name, but `language:` takes its language tag/, "language: es"],
    ["spanish", /"spanish" is a language's name/, "language: es"],
    ["ngerman", /"ngerman" is a language's name \(German\)/, "language: de"],
    ["es_ES", /"es_ES" is written with _ .*a language tag is written with hyphens/, "language: es-ES"],
    ["Español", /"Español" is Spanish's own name, which chatpost does not read, so the page could not tell screen readers which language the post is in/, "language: es"],
    ["jp", /"jp" is not a language's code but a country's \(Japan\)/, "language: ja"],
    ["Spansh", /"Spansh" names no language chatpost knows.*did you mean Spanish\?/, "language: es"],
  ];
  for (const [written, message, line] of slips) {
    it(`names \`language: ${written}\` at its line, with the line to write, which then reads clean`, () => {
      const { lines, result, shown: printed } = load(`language: ${written}`);
      assert.equal(result.diagnostics.length, 1, printed.join("\n"));
      const d = result.diagnostics[0]!;
      assert.equal(d.severity, "error");
      assert.equal(d.line, 8);
      assert.equal(d.field, "language");
      assert.match(`${d.message} → ${d.fix}`, message);
      assert.equal(fixLine(d.fix ?? ""), line, d.fix);
      const fixed = loadLines(setLine(lines.join("\n"), 8, line).split("\n"));
      assert.deepEqual(fixed.diagnostics.map(shown), []);
    });
  }

  it("names a list (a post has one language) and a number, with an example", () => {
    for (const written of ["[es, en]", "1"]) {
      const { result } = load(`language: ${written}`);
      assert.equal(result.diagnostics.length, 1, written);
      assert.equal(fixLine(result.diagnostics[0]!.fix ?? ""), "language: es", written);
    }
    assert.match(load("language: [es, en]").result.diagnostics[0]!.message, /a post is written in one language/);
  });

  it("names `lang:` (pandoc's, Jekyll's and Eleventy's name) with the line to write, its value read", () => {
    for (const [written, line] of [["lang: es", "language: es"], ["lang: es_MX", "language: es-MX"], ["lang: Spanish", "language: es"]] as const) {
      const { lines, result } = load(written);
      assert.equal(result.diagnostics.length, 1, written);
      const d = result.diagnostics[0]!;
      assert.equal(d.line, 8);
      assert.match(d.message, /unknown field `lang`: chatpost calls the language `language:`/);
      assert.equal(fixLine(d.fix ?? ""), line, d.fix);
      assert.deepEqual(loadLines(setLine(lines.join("\n"), 8, line).split("\n")).diagnostics.map(shown), [], written);
    }
  });
});

describe("languageMarks", () => {
  it("marks a language other than the page's, with its direction when that differs", () => {
    assert.deepEqual(languageMarks("es", "en-US"), { lang: "es" });
    assert.deepEqual(languageMarks("ar", "en-US"), { lang: "ar", dir: "rtl" });
    assert.deepEqual(languageMarks("en", "ar-EG"), { lang: "en", dir: "ltr" });
    assert.deepEqual(languageMarks("he", "ar-EG"), { lang: "he" }, "both right to left");
  });

  it("marks nothing for the page's own language, whatever the region; a script is another language", () => {
    assert.equal(languageMarks(undefined, "en-US"), undefined);
    assert.equal(languageMarks("en-GB", "en-US"), undefined);
    assert.equal(languageMarks("de", "de-DE"), undefined);
    assert.equal(sameLanguage("sr-Latn", "sr"), false);
    assert.equal(sameLanguage("zh-TW", "zh-CN"), false, "Traditional and Simplified Chinese");
    assert.deepEqual(languageMarks("zh-Hant", "zh-CN"), { lang: "zh-Hant" });
  });
});

describe("JSON-LD inLanguage", () => {
  const base = {
    post: { title: "Charla", date: "2026-11-21", author: "A", tags: [], topics: [], chat: { startMillis: 0, endMillis: 3600000, zone: "UTC", hashtag: "#x", platform: "Zoom", url: "https://x.example/" } },
    site: { title: "Site", homeUrl: "https://site.example/", language: "en-US" },
    pageUrl: "https://site.example/posts/charla/",
  };
  const languages = (input: Parameters<typeof structuredData>[0]) => (structuredData(input)["@graph"] as Array<Record<string, unknown>>).map((n) => n.inLanguage);

  it("is the post's language on the posting and its chat", () => {
    assert.deepEqual(languages({ ...base, post: { ...base.post, language: "es" } }), ["es", "es"]);
  });

  it("is the site's for a post in the site's language", () => {
    assert.deepEqual(languages(base), ["en-US", "en-US"]);
  });
});
