// What a reader audit found, in the built HTML: a reference in another language says so
// (lang on its entry only); a wide table and a long code line scroll in boxes a keyboard
// can reach (a named region, a focusable <pre>); on a site in another language the search
// page's and the tag list's English words are marked lang="en".
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { HtmlValidate, type Message } from "html-validate";
import { buildSite, copySiteWith, FIXTURE_SITE, PROJECT, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const POST = `---
title: Reading in other languages
date: 2026-11-21
tags: [community]
references:
  - id: mueller2019
    type: article-journal
    language: de-DE
    title: "Soziale Medien in der Pflege: eine Übersicht"
    author:
      - {family: Müller, given: Jana}
    container-title: Pflegewissenschaft
    issued: 2019
  - id: smith2020
    type: book
    language: en-GB
    title: Listening to patients
    author:
      - {family: Smith, given: Ann}
    issued: 2020
---
A paragraph citing [@mueller2019; @smith2020; @dupont2018].

| Country | Participants | Median age | Response rate | Questions answered | Follow-up months |
|---|---|---|---|---|---|
| United Kingdom of Great Britain and Northern Ireland | 1234 | 45 | 67% | 12 | 18 |

\`\`\`
a_very_long_code_line_without_spaces_that_should_scroll_inside_its_box_rather_than_the_page_itself_0123456789
\`\`\`
`;

// A shared entry whose language is BibLaTeX's langid name.
const BIB = `@article{dupont2018,
  author = {Dupont, Jean},
  title = {Les médias sociaux à l'hôpital},
  journal = {Soins},
  year = {2018},
  langid = {french}
}
`;

const withBibliography = (yaml: string) => yaml.replace(/^ {2}locale: en-US\n/m, "  locale: en-US\n  bibliography:\n    - content/refs.bib\n");

let english: BuiltSite;
let german: BuiltSite;
before(async () => {
  const files = { "content/posts/2026-11-21-languages.md": POST, "content/refs.bib": BIB };
  [english, german] = await Promise.all([
    buildSite(copySiteWith(FIXTURE_SITE, { files, settings: withBibliography })),
    buildSite(copySiteWith(FIXTURE_SITE, { files, settings: (yaml) => withBibliography(yaml).replace(/^language: en-US/m, "language: de-DE") })),
  ]);
});

const page = (site: BuiltSite) => dom(site.read("posts/languages/index.html"));
const entryLangs = (doc: Document) => Object.fromEntries([...doc.querySelectorAll(".references > li")].map((li) => [li.id, li.getAttribute("lang")]));

describe("references in another language", () => {
  it("say their language on their entry, and only there", () => {
    const doc = page(english);
    assert.deepEqual(entryLangs(doc), { "ref-dupont2018": "fr", "ref-mueller2019": "de-DE", "ref-smith2020": null });
    assert.match(text(doc.querySelector("#ref-mueller2019")), /Soziale Medien in der Pflege/);
    // Not the in-text citation, nor anything else outside the references.
    const marked = [...doc.body.querySelectorAll("[lang]")].filter((e) => !e.closest(".references"));
    assert.deepEqual(marked.map((e) => e.outerHTML.slice(0, 80)), []);
  });

  it("compare with the site's language: on a German site the German entry is not marked, the English one is", () => {
    assert.deepEqual(entryLangs(page(german)), { "ref-dupont2018": "fr", "ref-mueller2019": null, "ref-smith2020": "en-GB" });
  });

  it("say it in the feed's copy of the entry too", () => {
    const feed = JSON.parse(english.read("feed.json")) as { items: Array<{ url: string; content_html: string }> };
    const item = feed.items.find((i) => i.url.endsWith("/posts/languages/"))!;
    assert.match(item.content_html, /<li id="ref-mueller2019" class="csl-entry" lang="de-DE">/);
  });
});

describe("a wide table and a long code line", () => {
  it("scroll in boxes a keyboard can reach: the table in a region named by its header row, the code block itself", () => {
    const doc = page(english);
    const region = doc.querySelector(".post-body section.table-scroll")!;
    assert.ok(region, "the table's region");
    assert.equal(region.getAttribute("tabindex"), "0");
    assert.equal(region.getAttribute("aria-label"), "Country, Participants, Median age, Response rate…");
    assert.equal(region.querySelector(":scope > table")?.querySelector("th")?.textContent, "Country");
    const pre = doc.querySelector(".post-body pre")!;
    assert.equal(pre.getAttribute("tabindex"), "0");
    assert.match(text(pre), /^a_very_long_code_line/);
  });

  it("pass html-validate, on both sites' pages of the post and the search page", async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(PROJECT, ".htmlvalidate.json"), "utf8")));
    const problems: string[] = [];
    for (const site of [english, german]) {
      for (const file of ["posts/languages/index.html", "search/index.html"]) {
        const report = await validator.validateString(site.read(file), file);
        for (const result of report.results) for (const m of result.messages as Message[]) if (m.severity === 2) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

describe("interface words on a site in another language", () => {
  const langOf = (el: Element | null | undefined) => el?.closest("[lang]")?.getAttribute("lang") ?? null;

  it("mark the search page's English words, Pagefind's among them", () => {
    const doc = dom(german.read("search/index.html"));
    assert.equal(doc.documentElement.getAttribute("lang"), "de-DE");
    const h1 = doc.querySelector("main h1")!;
    assert.equal(text(h1), "Search");
    assert.equal(h1.getAttribute("lang"), "en");
    const fallback = doc.querySelector(".search-fallback")!;
    assert.match(text(fallback), /Every chat is also listed in the archive/);
    assert.equal(fallback.getAttribute("lang"), "en");
    // Pagefind's box, the label the script adds to it and the status that repeats its count are
    // English (the script gives Pagefind English words; tests/browser/g5-search-language.test.ts).
    assert.equal(doc.querySelector("#search")!.getAttribute("lang"), "en");
    assert.equal(doc.querySelector("#search-status")!.getAttribute("lang"), "en");
    assert.match(german.read("search/search.js"), /translations: \{"language":"en","placeholder":"Search"/);
  });

  it("name the tag list in English, and keep its tags in the site's language", () => {
    const list = page(german).querySelector(".post-tags")!;
    assert.equal(list.getAttribute("aria-label"), "Tags");
    assert.equal(list.getAttribute("lang"), "en");
    const tags = [...list.querySelectorAll("li")];
    assert.ok(tags.length > 0);
    for (const li of tags) assert.equal(langOf(li.querySelector("a")), "de-DE", li.outerHTML);
  });

  it("mark nothing on an English site", () => {
    const search = dom(english.read("search/index.html"));
    assert.equal(search.body.querySelectorAll("[lang], [data-ui-lang]").length, 0);
    assert.equal(page(english).querySelectorAll(".post-tags [lang], .post-tags[lang]").length, 0);
  });
});
