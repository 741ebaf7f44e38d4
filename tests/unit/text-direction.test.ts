// The site's writing direction, from its language (the `language` setting): by script.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { scriptOf, textDirection } from "../../lib/text-direction.ts";

describe("textDirection", () => {
  it("is rtl for languages written in right-to-left scripts, with or without a region", () => {
    for (const tag of ["ar", "ar-EG", "ar-SA", "he", "he-IL", "iw", "fa", "fa-IR", "ur", "ur-PK", "ps", "sd", "ug", "yi", "dv", "ckb", "ckb-IQ", "ks", "syr", "nqo", "arc"]) {
      assert.equal(textDirection(tag), "rtl", tag);
    }
  });

  it("is ltr for left-to-right languages", () => {
    for (const tag of ["en", "en-US", "en-GB", "de-DE", "fr", "es-419", "ja", "zh-Hant-TW", "hi", "ru", "el", "am", "tr", "ku", "az", "ha"]) {
      assert.equal(textDirection(tag), "ltr", tag);
    }
  });

  it("follows a script the tag names over the language's usual one", () => {
    assert.equal(textDirection("ar-Latn"), "ltr");
    assert.equal(textDirection("ug-Cyrl"), "ltr");
    assert.equal(textDirection("sd-Deva"), "ltr");
    assert.equal(textDirection("ku-Arab"), "rtl");
    assert.equal(textDirection("pa-Arab"), "rtl");
    assert.equal(textDirection("ff-Adlm"), "rtl");
    assert.equal(textDirection("en-Arab"), "rtl");
  });

  it("knows scripts ICU's textInfo gets wrong (Dhivehi in Thaana, Kurdish and Azerbaijani in Arabic letters)", () => {
    assert.equal(scriptOf("dv"), "Thaa");
    for (const tag of ["dv", "dv-MV", "ku-Arab-IQ", "az-Arab", "ms-Arab"]) assert.equal(textDirection(tag), "rtl", tag);
  });

  it("falls back to the language subtag for a tag Intl.Locale refuses, and to ltr for an unknown language", () => {
    assert.equal(textDirection("ar-EG-EG"), "rtl");
    assert.equal(textDirection("en-US-US"), "ltr");
    assert.equal(textDirection("xyz"), "ltr");
    assert.equal(textDirection("qaa"), "ltr");
  });
});
