// og:locale as Open Graph takes it, language_TERRITORY, from the site's or a post's BCP 47 tag.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { openGraphLocale } from "../../lib/language-tags.ts";

describe("openGraphLocale", () => {
  it("keeps the country a tag names and gives a language alone its likeliest one", () => {
    assert.equal(openGraphLocale("en-US"), "en_US");
    assert.equal(openGraphLocale("fr-CA"), "fr_CA");
    assert.equal(openGraphLocale("ar"), "ar_EG");
    assert.equal(openGraphLocale("de"), "de_DE");
    assert.equal(openGraphLocale("zh-Hant"), "zh_TW");
  });

  it("never writes a region that is no country (419, 001): the language's own country, or the language alone", () => {
    assert.equal(openGraphLocale("es-419"), "es_ES");
    assert.equal(openGraphLocale("en-001"), "en_US");
    assert.equal(openGraphLocale("art-lojban"), "jbo");
    assert.equal(openGraphLocale("qaa-x-foo"), "qaa");
  });
});
