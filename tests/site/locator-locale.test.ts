// Locator words in the site's citation locale: a de-DE site reads "S. 33" and
// "Kap. 2" as locators and prints them as its style does in German; English words
// stay in the suffix, as in pandoc. Then the same German citations against
// `pandoc --citeproc` with a style that prints each locator's label and value.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { registerStyle } from "../../lib/citations.ts";
import { createMarkdown } from "../../lib/markdown.ts";
import { postCitations } from "../../lib/post-citations.ts";
import { loadPost } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";
import { buildSite, copySite, PROJECT, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const SITE = path.join(PROJECT, "tests/fixtures/citations-site");
const SETTINGS = "content/_data/site.yaml";

const FRONT_MATTER = `title: Seitenangaben
date: 2020-02-04
chat:
  start: 2020-02-11T20:30
topics:
  - Welche Quellen tragen?
references:
  - id: smailhodzic2016
    type: article-journal
    title: "Social media use in healthcare: A systematic review of effects on patients and on their relationship with healthcare professionals"
    author: ["Smailhodzic, Edin", "Hooijsma, Wyanda", "Boonstra, Albert", "Langley, David J."]
    container-title: BMC Health Services Research
    volume: 16
    page: 442
    issued: 2016-08-26
`;

const BODY = `Eine Seite [@smailhodzic2016, S. 33].

Mehrere Seiten [@smailhodzic2016, Seiten 33-35].

Ein Kapitel [@smailhodzic2016, Kap. 2].

Ein englisches Wort bleibt Text [@smailhodzic2016, p. 33].
`;

describe("a de-DE site", () => {
  let site: BuiltSite;
  before(async () => {
    const root = copySite(SITE);
    const settings = path.join(root, SETTINGS);
    writeFileSync(settings, readFileSync(settings, "utf8").replace(/^( {2}locale:) en-US$/m, "$1 de-DE"));
    assert.match(readFileSync(settings, "utf8"), /^ {2}locale: de-DE$/m);
    // Only this post: the test reads locators, not the fixture's other posts.
    rmSync(path.join(root, "content/posts"), { recursive: true });
    mkdirSync(path.join(root, "content/posts"));
    writeFileSync(path.join(root, "content/posts/2020-02-04-seiten.md"), `---\n${FRONT_MATTER}---\n${BODY}`);
    site = await buildSite(root);
  });

  const citations = () => [...dom(site.read("posts/seiten/index.html")).querySelectorAll(".post-body .citation")].map((c) => text(c));

  it("prints the page locator S. 33 as APA does in German", () => {
    assert.match(citations()[0]!, /^\(Smailhodzic et al\., 2016, S\. 33\)$/);
  });

  it("reads the plural Seiten as a page locator: the style prints its own label and range dash", () => {
    assert.match(citations()[1]!, /, S\. 33–35\)$/);
  });

  it("reads Kap. as a chapter, which APA labels in full", () => {
    assert.match(citations()[2]!, /, Kapitel 2\)$/);
  });

  it("leaves the English p. 33 as the writer's suffix, as pandoc does under de-DE", () => {
    assert.match(citations()[3]!, /, p\. 33\)$/);
  });
});

// A style that shows how each item's locator was read: its label in full, and the locator
// between «». Its own <locale> blocks add locator words, as pandoc merges them: the German
// and the language-less ones apply to a de-DE document, the English one does not.
const LABELS_CSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <locale xml:lang="en"><terms><term name="section" form="short"><single>sect.</single><multiple>sects.</multiple></term></terms></locale>
  <locale xml:lang="de"><terms><term name="figure" form="short">Fig.</term></terms></locale>
  <locale><terms><term name="column" form="short">Kol.</term></terms></locale>
  <info><title>Locator labels</title><id>test-locator-labels</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" | ">
        <text variable="title"/>
        <group delimiter=" | ">
          <label variable="locator" form="long"/>
          <text variable="locator" prefix="«" suffix="»"/>
        </group>
      </group>
    </layout>
  </citation>
  <bibliography><layout><text variable="title"/></layout></bibliography>
</style>
`;

// Words in both pandoc 2.17's de-DE locale and citation-js's (they differ in a few, such as Anm.).
const GERMAN = [
  "[@doe, S. 33]", "[@doe, s. 33 und passim]", "[@doe, Seiten 33-35, 38 und mehr]", "[@doe, Kap. iv]", "[@doe, Kapitel 3]",
  "[@doe, §§ 4-5]", "[@doe, Abschn. 4]", "[@doe, Abb. 3]", "[@doe, Bd. 2, S. 3]", "[@doe, S. 3f.]", "[@doe, S 33]",
  "[@doe, p. 33]", "[@doe, chap. 2]", "[@doe, 33]", "[@doe, xiv]", "[@doe, {Kap. ii, A}]", "@doe [S. 33]", "[@doe{Abschn. 4}]",
  "[@doe, Fig. 3]", "[@doe, Kol. 2]", "[@doe, sect. 4]",
];

const PANDOC = process.env.PANDOC ?? "/usr/bin/pandoc";

describe("German locators against pandoc --citeproc", { skip: existsSync(PANDOC) ? false : `pandoc is not installed at ${PANDOC}` }, () => {
  let pandoc: string[];
  let chatpost: string[];
  before(() => {
    process.env.CHATPOST_CACHE_DIR = "off";
    const dir = mkdtempSync(path.join(tmpdir(), "chatpost-locators-"));
    const csl = path.join(dir, "labels.csl");
    writeFileSync(csl, LABELS_CSL);
    registerStyle("test-locator-labels", LABELS_CSL);
    const source = `---\ntitle: Locators\ndate: 2020-02-04\nchat:\n  start: 2020-02-11T20:30\nreferences:\n  - id: doe\n    type: book\n    title: Test\n---\n${GERMAN.join("\n\n")}\n`;
    const file = path.join(dir, "locators.md");
    writeFileSync(file, source);
    const read = (html: string) =>
      [...dom(`<div>${html}</div>`).querySelectorAll("span.citation")].map((s) => (s.textContent ?? "").replace(/\s+/g, " ").trim());
    pandoc = read(execFileSync(PANDOC, ["--citeproc", "--csl", csl, "--metadata", "lang=de-DE", "--from", "markdown", "--to", "html", file], { encoding: "utf8" }));

    const settings = parseSettings(readFileSync(path.join(PROJECT, "tests/fixtures/site/content/_data/site.yaml"), "utf8")).settings!;
    const { post, diagnostics } = loadPost("content/posts/2020-02-04-locators.md", source, { settings, root: PROJECT, fileExists: () => false });
    assert.deepEqual(diagnostics.filter((d) => d.severity === "error"), []);
    const formatted = postCitations(post!, { style: "test-locator-labels", locale: "de-DE" });
    chatpost = read(createMarkdown().render(post!.body, { announcement: { citations: formatted.citations } }));
  });

  it("reads every citation's label, locator and suffix as pandoc does", () => {
    assert.equal(chatpost.length, GERMAN.length);
    // The style's German and language-less words count, its English one does not.
    assert.deepEqual(["[@doe, Fig. 3]", "[@doe, Kol. 2]", "[@doe, sect. 4]"].map((c) => pandoc[GERMAN.indexOf(c)]), [
      "(Test | Abbildung | «3»)", "(Test | Spalte | «2»)", "(Test, sect. 4)",
    ]);
    assert.deepEqual(chatpost.map((c, i) => `${GERMAN[i]} → ${c}`), pandoc.map((c, i) => `${GERMAN[i]} → ${c}`));
  });
});
