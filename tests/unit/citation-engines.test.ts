// The citeproc-js engines lib/citations.ts keeps per style and locale: built again when the
// XML under a name changes (an edited locale or style file under `npm start`), never stale.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { useCitationCache } from "../../lib/citation-cache.ts";
import { formatCitations, registerLocale, registerStyle, type CitationRequest } from "../../lib/citations.ts";

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
