// In the built site: a reference in a right-to-left language on an English site says its
// direction (dir="rtl") with its language, on its page and in the feeds' copies; on an Arabic
// site an English reference says dir="ltr". A language written as its own name ("Deutsch")
// or as no language is a warning in `npm run check`, at its line, and the post still builds.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { buildSite, copySiteWith, FIXTURE_SITE, runScript, type BuildResult, type BuiltSite } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

const POST = `---
title: Reading the other way
date: 2026-11-21
tags: [community]
references:
  - id: haddad2020
    type: book
    language: ar
    title: التمريض والمجتمع
    author:
      - literal: حداد
    issued: 2020
  - id: smith2020
    type: book
    language: en-GB
    title: Listening to patients
    author:
      - {family: Smith, given: Ann}
    issued: 2020
  - id: mueller2019
    type: book
    language: Deutsch
    title: Pflege im Wandel
    author:
      - {family: Müller, given: Jana}
    issued: 2019
---
Citing [@haddad2020; @smith2020; @mueller2019; @levi2015; @cohen2016].
`;

// A shared entry in Hebrew by its babel name; one whose langid is Hebrew's own name.
const BIB = `@book{levi2015,
  author = {Levi, Dana},
  title = {סיעוד בקהילה},
  year = {2015},
  langid = {hebrew}
}

@book{cohen2016,
  author = {Cohen, Avi},
  title = {Nursing in the community},
  year = {2016},
  langid = {עברית}
}
`;

const withBibliography = (yaml: string) => yaml.replace(/^ {2}locale: en-US\n/m, "  locale: en-US\n  bibliography:\n    - content/refs.bib\n");
const files = { "content/posts/2026-11-21-other-way.md": POST, "content/refs.bib": BIB };

let english: BuiltSite;
let arabic: BuiltSite;
let check: BuildResult;
before(async () => {
  const root = copySiteWith(FIXTURE_SITE, { files, settings: withBibliography });
  [english, arabic, check] = await Promise.all([
    buildSite(root),
    buildSite(copySiteWith(FIXTURE_SITE, { files, settings: (yaml) => withBibliography(yaml).replace(/^language: en-US/m, "language: ar") })),
    runScript("check", root, [], { CHATPOST_CACHE_DIR: "off" }),
  ]);
});

const entries = (html: string) => Object.fromEntries([...dom(html).querySelectorAll(".references > li")].map((li) => [li.id, [li.getAttribute("lang"), li.getAttribute("dir")]]));

describe("a reference written the other way from the site's language", () => {
  it("on an English site, says rtl with its language; English and unnamed entries say nothing", () => {
    assert.deepEqual(entries(english.read("posts/other-way/index.html")), {
      "ref-haddad2020": ["ar", "rtl"],
      "ref-levi2015": ["he", "rtl"],
      "ref-smith2020": [null, null],
      "ref-mueller2019": [null, null],
      "ref-cohen2016": [null, null],
    });
  });

  it("on an Arabic site, says ltr for the English entry, and nothing for the Arabic one", () => {
    const doc = dom(arabic.read("posts/other-way/index.html"));
    assert.equal(doc.documentElement.getAttribute("dir"), "rtl");
    assert.deepEqual(entries(arabic.read("posts/other-way/index.html")), {
      "ref-haddad2020": [null, null],
      "ref-levi2015": ["he", null],
      "ref-smith2020": ["en-GB", "ltr"],
      "ref-mueller2019": [null, null],
      "ref-cohen2016": [null, null],
    });
  });

  it("says it in the feeds' copies of the entry too", () => {
    const feed = JSON.parse(english.read("feed.json")) as { items: Array<{ url: string; content_html: string }> };
    const item = feed.items.find((i) => i.url.endsWith("/posts/other-way/"))!;
    assert.deepEqual(entries(`<div>${item.content_html}</div>`)["ref-haddad2020"], ["ar", "rtl"]);
    const atom = english.read("feed.xml");
    assert.match(atom, /&lt;li id="ref-haddad2020" class="csl-entry" lang="ar" dir="rtl"&gt;|<li id="ref-haddad2020" class="csl-entry" lang="ar" dir="rtl">/);
  });
});

describe("a language written as no language chatpost reads", () => {
  it("is a warning in npm run check, at the field, with the line to write", () => {
    assert.equal(check.code, 0, check.stderr);
    const lines = check.stderr.split("\n").filter((l) => /language|langid/.test(l));
    assert.deepEqual(lines, [
      `content/posts/2026-11-21-other-way.md:22:5  references[2].language  warning: reference "mueller2019": "Deutsch" is German's own name, which chatpost does not read, so the entry is not marked as being in German, and screen readers read it in the page's language → write \`language: de\``,
      `content/refs.bib:12:3  cohen2016.langid  warning: entry "cohen2016": in \`langid\`, "עברית" is Hebrew's own name, which chatpost does not read, so the entry is not marked as being in Hebrew, and screen readers read it in the page's language → write \`langid = {hebrew}\``,
    ]);
  });

  it("still prints the reference", () => {
    const doc = dom(english.read("posts/other-way/index.html"));
    assert.match(doc.querySelector("#ref-mueller2019")!.textContent!, /Pflege im Wandel/);
    assert.match(doc.querySelector("#ref-cohen2016")!.textContent!, /Nursing in the community/);
  });
});
