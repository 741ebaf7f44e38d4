// In-text citations, anchors, nocite, the shared bibliography and styles, on the
// built HTML of the citations fixture site; writer mistakes through `npm run check`.
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { HtmlValidate, type Message } from "html-validate";
import { buildSite, copySite, PROJECT, runScript, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const SITE = path.join(PROJECT, "tests/fixtures/citations-site");
const SETTINGS = "content/_data/site.yaml";

/** A copy of the fixture site with its settings' citations block changed. */
function siteWith(style: string, locale: string): string {
  const root = copySite(SITE);
  cpSync(path.join(PROJECT, "styles"), path.join(root, "styles"), { recursive: true });
  cpSync(path.join(PROJECT, "locales"), path.join(root, "locales"), { recursive: true });
  const file = path.join(root, SETTINGS);
  writeFileSync(file, readFileSync(file, "utf8").replace("  style: apa\n  locale: en-US\n", `  style: ${style}\n  locale: ${locale}\n`));
  return root;
}

/** A copy with a note style: the test style of tests/fixtures/citations, saved in the site's styles/. */
function noteSite(): string {
  const root = siteWith("styles/test-notes.csl", "en-US");
  cpSync(path.join(PROJECT, "tests/fixtures/citations/note-style.csl"), path.join(root, "styles/test-notes.csl"));
  return root;
}

const citationsOf = (doc: Document) => [...doc.querySelectorAll(".post-body .citation")];
const entryIds = (doc: Document) => [...doc.querySelectorAll(".references > li")].map((li) => li.id);

let apa: BuiltSite;
let vancouver: BuiltSite;
let nature: BuiltSite;
let notes: BuiltSite;
before(async () => {
  [apa, vancouver, nature, notes] = await Promise.all([
    buildSite(SITE),
    buildSite(siteWith("vancouver", "en-US")),
    buildSite(siteWith("styles/nature.csl", "locales/locales-en-GB.xml")),
    buildSite(noteSite()),
  ]);
});

describe("in-text citations (APA, the default)", () => {
  it("render every pandoc form in author-date style", () => {
    const doc = dom(apa.read("posts/in-text/index.html"));
    assert.deepEqual(citationsOf(doc).map((c) => text(c)), [
      "(Moorhead et al., 2013; see Smailhodzic et al., 2016, p. 5)",
      "Topol (2019)",
      "Eysenbach (2008, p. 3)",
      "(2012)",
      "World Health Organization (2021)",
      "(World Health Organization, 2021, ch. 2)",
    ]);
  });

  it("link each cited work to its bibliography entry, and every entry has its anchor", () => {
    const doc = dom(apa.read("posts/in-text/index.html"));
    const ids = new Set(entryIds(doc));
    const links = citationsOf(doc).flatMap((c) => [...c.querySelectorAll("a")]);
    assert.ok(links.length >= 7);
    for (const a of links) assert.ok(ids.has(a.getAttribute("href")!.slice(1)), a.getAttribute("href")!);
    const first = citationsOf(doc)[0]!;
    assert.equal(first.getAttribute("data-cites"), "smailhodzic2016 moorhead2013");
    assert.deepEqual([...first.querySelectorAll("a")].map((a) => a.getAttribute("href")), ["#ref-moorhead2013", "#ref-smailhodzic2016"]);
  });

  it("leave e-mail addresses, escaped handles and links alone", () => {
    const body = dom(apa.read("posts/in-text/index.html")).querySelector(".post-body")!;
    assert.equal(body.querySelector('a[href="mailto:hosts@example.org"]')?.textContent, "hosts@example.org");
    assert.match(text(body), /follow @hcldr\. Not a citation: a link\./);
  });

  it("fill the bibliography with the post's references, the shared works it cites and its nocite works, sorted by author", () => {
    const doc = dom(apa.read("posts/in-text/index.html"));
    assert.deepEqual(entryIds(doc), [
      "ref-chretien2013", "ref-eysenbach2008", "ref-moorhead2013", "ref-pwc2012", "ref-smailhodzic2016", "ref-topol2019", "ref-who2021",
    ]);
    const who = text(doc.querySelector("#ref-who2021"));
    assert.match(who, /^World Health Organization\. \(2021\)\. Global strategy on digital health 2020–2025/);
    assert.equal(doc.querySelector("#ref-topol2019 a")?.getAttribute("href"), "https://doi.org/10.1038/s41591-018-0300-7");
  });

  it("list every shared entry for nocite: [\"@*\"], and nothing else", () => {
    const doc = dom(apa.read("posts/all-shared/index.html"));
    assert.deepEqual(entryIds(doc), ["ref-chretien2013", "ref-eysenbach2008", "ref-moorhead2013", "ref-topol2019", "ref-who2021"]);
  });

  it("escape every field and key: text stays text, ids and attributes stay intact", () => {
    const html = apa.read("posts/escaping/index.html");
    assert.doesNotMatch(html, /<script>alert|<Sons>|<2>/);
    const doc = dom(html);
    const cite = citationsOf(doc)[0]!;
    assert.equal(cite.getAttribute("data-cites"), "a&b<c>d");
    const entry = doc.querySelector(".references > li")!;
    assert.equal(cite.querySelector("a")!.getAttribute("href"), `#${entry.id}`);
    assert.match(text(cite), /^\(see <script>alert\(‘p’\)<\/script> & “quotes” O’Brien & <Sons>/);
    assert.match(text(entry), /Title <script>alert\('t’\)<\/script> & “quoted\.”/);
    assert.equal(entry.querySelector("a")!.getAttribute("href"), "https://example.org/?a=1&b=%3C2%3E&c=%223%22");
  });
});

describe("styles and locales from the settings", () => {
  it("vancouver numbers works in order of first citation, cited before listed", () => {
    const doc = dom(vancouver.read("posts/in-text/index.html"));
    assert.deepEqual(citationsOf(doc).map((c) => text(c)), ["(see 1,2)", "(3)", "(4)", "(5)", "(6)", "(6, ch. 2)"]);
    assert.deepEqual(entryIds(doc), [
      "ref-smailhodzic2016", "ref-moorhead2013", "ref-topol2019", "ref-eysenbach2008", "ref-pwc2012", "ref-who2021", "ref-chretien2013",
    ]);
    assert.equal(text(doc.querySelector("#ref-topol2019 .csl-left-margin")), "3.");
  });

  it("a CSL style file and a locale file in the repository: Nature in British English", () => {
    const doc = dom(nature.read("posts/in-text/index.html"));
    const first = citationsOf(doc)[0]!;
    assert.equal(text(first), "see 1,2");
    assert.ok(first.querySelector("sup"));
    // Nature's own layout: superscript numbers, "&" between authors, the volume in bold.
    assert.match(text(doc.querySelector("#ref-chretien2013")), /^7\.Chretien, K\. C\. & Kind, T\. Social media and clinical care/);
    assert.equal(text(doc.querySelector("#ref-chretien2013 b")), "127");
    assert.equal(doc.querySelector("html")?.getAttribute("lang"), "en-US", "the page language stays the site's");
  });
});

describe("works a style merges into one citation", () => {
  const page = (site: BuiltSite) => dom(site.read("posts/collapsed/index.html"));
  const linksOf = (el: Element) => [...el.querySelectorAll("a")];

  it("author-date: “Eysenbach, 2008b, 2008a” links each year to the entry with that year", () => {
    const doc = page(apa);
    const [both, three] = citationsOf(doc);
    assert.match(text(both), /^\(Eysenbach, 2008[ab], 2008[ab]\)$/);
    const links = linksOf(both!);
    assert.equal(links.length, 2);
    for (const a of links) {
      const year = /2008[ab]/.exec(text(a))![0];
      assert.match(text(doc.querySelector(a.getAttribute("href")!)), new RegExp(`^Eysenbach, G\\. \\(${year}\\)`), text(a));
    }
    assert.deepEqual(linksOf(three!).map((a) => a.getAttribute("href")).sort(), ["#ref-chretien2013", "#ref-moorhead2013", "#ref-topol2019"]);
  });

  for (const [name, site] of [["vancouver", () => vancouver], ["Nature", () => nature]] as const) {
    it(`${name}: in a range the first and last numbers link to the entries they number, and data-cites names every work`, () => {
      const doc = page(site());
      const range = citationsOf(doc)[1]!;
      assert.match(text(range), /^\(?3–5\)?$/);
      assert.equal(range.getAttribute("data-cites"), "moorhead2013 chretien2013 topol2019");
      const links = linksOf(range);
      assert.deepEqual(links.map((a) => text(a)), ["3", "5"]);
      for (const a of links) assert.equal(text(doc.querySelector(`${a.getAttribute("href")} .csl-left-margin`)).replace(/\.$/, ""), text(a));
    });
  }

  it("every link of every citation leads to an entry of the page, in every style", () => {
    for (const site of [apa, vancouver, nature, notes]) {
      for (const post of ["in-text", "collapsed", "escaping"]) {
        const doc = dom(site.read(`posts/${post}/index.html`));
        const links = [...doc.querySelectorAll(".post-body .citation a, .notes a")].map((a) => a.getAttribute("href")!);
        assert.ok(links.length > 0);
        for (const href of links) assert.ok(doc.getElementById(href.slice(1)), `${post}: ${href}`);
      }
    }
  });
});

describe("a note style", () => {
  const page = (post: string) => dom(notes.read(`posts/${post}/index.html`));

  it("puts no citation in the text: each is a numbered footnote reference, after the author for @key says", () => {
    const doc = page("in-text");
    const cites = citationsOf(doc);
    assert.deepEqual(cites.map((c) => text(c)), ["1", "Eric J. Topol2", "Gunther Eysenbach3", "4", "World Health Organization5", "6"]);
    cites.forEach((cite, i) => {
      const ref = cite.querySelector('a[role="doc-noteref"]')!;
      assert.equal(ref.getAttribute("href"), `#cite-note-${i + 1}`);
      assert.equal(ref.id, `cite-ref-${i + 1}`);
      assert.ok(ref.querySelector("sup"));
    });
    assert.equal(cites[1]!.querySelector("a")!.getAttribute("href"), "#ref-topol2019", "the author links to the entry");
  });

  it("lists the notes before the references, each with its works linked and a link back to the text", () => {
    const doc = page("in-text");
    const section = doc.querySelector('section[role="doc-endnotes"]')!;
    assert.equal(text(section.querySelector("h2")), "Notes");
    const sections = [...doc.querySelectorAll("article section")];
    assert.ok(sections.indexOf(section) < sections.indexOf(doc.querySelector(".references-section")!), "Notes come before References");
    const notesList = [...section.querySelectorAll("ol > li")];
    assert.equal(notesList.length, citationsOf(doc).length);
    notesList.forEach((li, i) => {
      assert.equal(li.id, `cite-note-${i + 1}`);
      const back = li.querySelector('a[role="doc-backlink"]')!;
      assert.equal(back.getAttribute("href"), `#cite-ref-${i + 1}`);
    });
    assert.deepEqual([...notesList[0]!.querySelectorAll('a[href^="#ref-"]')].map((a) => a.getAttribute("href")), ["#ref-smailhodzic2016", "#ref-moorhead2013"]);
    // A note starts with a capital, as pandoc writes it: [see @a] gives "See …".
    assert.match(text(notesList[0]), /^See Edin Smailhodzic et al\., “Social Media Use in Healthcare/);
    // The same work right after a note of its own: Ibid., with the new locator.
    assert.match(text(notesList[5]), /^Ibid\., ch\. 2\./);
    assert.ok(doc.querySelector(".references > li#ref-who2021"), "the bibliography is still there");
  });

  it("numbers the notes for citeproc-js: full form first, short form later, Ibid. right after", () => {
    const doc = page("collapsed");
    const shown = [...doc.querySelectorAll(".notes > li")].map((li) => text(li).replace(/\s*↩︎$/, ""));
    assert.match(shown[0]!, /^Gunther Eysenbach, “Medicine 2\.0: .*; Gunther Eysenbach, “Credibility of Health Information/);
    assert.match(shown[2]!, /^Eysenbach, “Credibility of Health Information and Digital Media: New Perspectives and Implications for Youth,” 130\.$/);
    assert.equal(shown[3], "Ibid., 131.");
    assert.match(shown[5]!, /^Eysenbach, “Credibility of Health Information and Digital Media: New Perspectives and Implications for Youth\.”$/);
    // @topol2019 says, after a note citing Topol: his name in short, and the note without it (as pandoc does).
    assert.equal(text(citationsOf(doc).at(-1)), "Topol7");
    assert.match(shown[6]!, /^“High-Performance Medicine/);
  });

  it("escapes fields and keys in the footnote and its reference", () => {
    const html = notes.read("posts/escaping/index.html");
    assert.doesNotMatch(html, /<script>alert|<Sons>|<2>/);
    const doc = dom(html);
    const cite = citationsOf(doc)[0]!;
    assert.equal(cite.getAttribute("data-cites"), "a&b<c>d");
    const note = doc.querySelector("#cite-note-1")!;
    assert.equal(note.querySelector("a")!.getAttribute("href"), `#${doc.querySelector(".references > li")!.id}`);
    assert.match(text(note), /^See <script>alert\(‘p’\)<\/script> & “quotes” “Ann” <script>x<\/script> O’Brien & <Sons>/);
  });

  it("passes html-validate on every page", async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(PROJECT, ".htmlvalidate.json"), "utf8")));
    const problems: string[] = [];
    for (const file of notes.files().filter((f) => f.endsWith(".html"))) {
      const report = await validator.validateString(notes.read(file), file);
      for (const result of report.results) for (const m of result.messages as Message[]) if (m.severity === 2) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    assert.ok(notes.files().includes("posts/collapsed/index.html"));
    assert.deepEqual(problems, []);
  });

  it("carries the notes into the feed, before the references", () => {
    const feed = notes.read("feed.xml");
    const entry = feed.slice(feed.indexOf("posts/collapsed/#cite-note-1"));
    assert.ok(entry.length < feed.length, "the entry's footnote reference");
    assert.ok(entry.indexOf('id="cite-note-1"') >= 0 && entry.indexOf('id="cite-note-1"') < entry.indexOf('id="ref-eysenbach2008"'), "its notes, before its references");
    assert.ok(entry.indexOf("<h2>Notes</h2>") < entry.indexOf("<h2>References</h2>"));
  });
});

describe("writer mistakes", () => {
  it("name file, line, id and field for unknown keys, nocite keys, clashing ids and BibTeX syntax errors", async () => {
    const root = copySite(SITE);
    const post = path.join(root, "content/posts/2020-01-07-in-text.md");
    writeFileSync(post, readFileSync(post, "utf8")
      .replace("[-@pwc2012]", "[-@pwc2021]")
      .replace('nocite: ["@chretien2013"]', 'nocite: ["@chretien2031", "chretien2013"]')
      .replace("  - id: pwc2012\n", "  - id: topol2019\n    type: book\n    title: Another work with the same key\n  - id: pwc2012\n"));
    writeFileSync(path.join(root, "content/broken.bib"), "@book{ok, title = {Fine}, year = 2000}\n\n@article{broken,\n  title = {Unclosed,\n  year = 2001\n}\n@book{after, title = {After}}\n");
    const settings = path.join(root, SETTINGS);
    writeFileSync(settings, readFileSync(settings, "utf8").replace("    - content/bibliography.yaml\n", "    - content/bibliography.yaml\n    - content/broken.bib\n"));

    const result = await runScript("check", root);
    assert.equal(result.code, 1);
    const out = result.stderr + result.stdout;
    assert.doesNotMatch(out, /\n\s+at .*\.ts:\d+/, "no stack trace");
    const file = "content/posts/2020-01-07-in-text.md";
    // The body starts on line 29 of the edited file (3 lines were added to the front matter); the citation is on its 4th line, 19th column.
    assert.match(out, new RegExp(`${file}:32:19  .*\\[-@pwc2021\\] cites "pwc2021".*did you mean @pwc2012\\?`));
    assert.match(out, new RegExp(`${file}:\\d+:\\d+  nocite\\[0\\]  .*"chretien2031".*did you mean @chretien2013\\?`));
    assert.match(out, new RegExp(`${file}:\\d+:\\d+  nocite\\[1\\]  "chretien2013" lists no citation key → .*"@chretien2013"`));
    assert.match(out, new RegExp(`${file}:\\d+:\\d+  references\\[1\\]\\.id  reference "topol2019": the shared bibliography \\(content/bibliography\\.bib, line 2\\) has a different entry`));
    assert.match(out, /content\/broken\.bib:4:3  broken\.title  BibTeX syntax error: entry "broken": the brace that opens the value of `title` is not closed/);
  });

  it("name the settings field of an unknown style or a missing locale file, and refuse to build", async () => {
    const root = siteWith("chicago", "locales/locales-xx-XX.xml");
    const check = await runScript("check", root);
    assert.equal(check.code, 1);
    const out = check.stderr + check.stdout;
    assert.match(out, /content\/_data\/site\.yaml:19:3  citations\.style  "chicago" is not a citation style chatpost knows → use apa, vancouver, harvard1, or the path of a \.csl file/);
    assert.match(out, /content\/_data\/site\.yaml:\d+:\d+  citations\.locale  the locale file locales\/locales-xx-XX\.xml was not found/);
    const build = await runScript("build", root, ["--output", path.join(root, "out"), "--quiet"]);
    assert.equal(build.code, 1);
    assert.match(build.stderr + build.stdout, /citations\.style/);
  });
});

describe("a post's description keeps its narrative citations", () => {
  const meta = (site: BuiltSite, name: string) => {
    const doc = dom(site.read("posts/narrative-first/index.html"));
    return doc.querySelector(`meta[name="${name}"], meta[property="${name}"]`)?.getAttribute("content");
  };

  it("as the page shows them, other citations left out (APA)", () => {
    const expected = "O’Brien & Sons (2018) says that patients listen to each other, and Eysenbach (2008, p. 3) agrees.";
    assert.equal(meta(apa, "description"), expected);
    assert.equal(meta(apa, "og:description"), expected);
    const feed = JSON.parse(apa.read("feed.json")) as { items: { url: string; summary: string }[] };
    assert.equal(feed.items.find((item) => item.url.endsWith("/posts/narrative-first/"))?.summary, expected);
  });

  it("with the author's name as the page gives it and no footnote number (a note style)", () => {
    const page = dom(notes.read("posts/narrative-first/index.html")).querySelector(".post-body p")!.textContent!;
    assert.match(page, /^O’Brien & Sons1 says .* and Gunther Eysenbach3 agrees\.$/);
    assert.equal(meta(notes, "description"), "O’Brien & Sons says that patients listen to each other, and Gunther Eysenbach agrees.");
  });
});

describe("citations in an image's description", () => {
  const images = (site: BuiltSite) => [...dom(site.read("posts/image-citations/index.html")).querySelectorAll(".post-body img")];

  it("read in the alt text as the page would show them, and the works they cite are in the references (APA)", () => {
    assert.deepEqual(images(apa).map((img) => img.getAttribute("alt")), ["Weekly participants, after (Chretien & Kind, 2013, p. 4)", "a slide quoting Eysenbach (2008)"]);
    const doc = dom(apa.read("posts/image-citations/index.html"));
    // chretien2013 is cited nowhere else on the page.
    assert.deepEqual(entryIds(doc), ["ref-chretien2013", "ref-eysenbach2008", "ref-topol2019"]);
    assert.deepEqual(citationsOf(doc).map((c) => text(c)), ["(Topol, 2019)", "(Topol, 2019)"]);
  });

  it("are numbered in document order in a numeric style, a number apart from the word before it", () => {
    assert.deepEqual(images(nature).map((img) => img.getAttribute("alt")), ["Weekly participants, after 2", "a slide quoting 3"]);
    assert.deepEqual(entryIds(dom(nature.read("posts/image-citations/index.html"))), ["ref-topol2019", "ref-chretien2013", "ref-eysenbach2008"]);
  });

  it("with a note style, are footnotes whose marker follows the image, and every note leads back to its marker", () => {
    const doc = dom(notes.read("posts/image-citations/index.html"));
    assert.deepEqual(images(notes).map((img) => img.getAttribute("alt")), ["Weekly participants, after", "a slide quoting Gunther Eysenbach"]);
    const markers = [...doc.querySelectorAll('.post-body a[role="doc-noteref"]')];
    assert.deepEqual(markers.map((a) => a.getAttribute("href")), ["#cite-note-1", "#cite-note-2", "#cite-note-3", "#cite-note-4"]);
    assert.equal(markers[1]!.previousElementSibling?.tagName, "IMG");
    const notesList = [...doc.querySelectorAll(".notes > li")];
    assert.equal(notesList.length, 4);
    for (const li of notesList) assert.ok(doc.getElementById(li.querySelector('a[role="doc-backlink"]')!.getAttribute("href")!.slice(1)), `${li.id} leads back`);
    assert.match(text(notesList[1]), /^Katherine C\. Chretien and Terry Kind, “Social Media and Clinical Care.*, 4\./);
  });
});

describe("a post with another error", () => {
  it("still has its citation keys checked, except those of references too broken to use, in the check and the build", async () => {
    const root = copySite(SITE);
    const file = "content/posts/2020-01-07-in-text.md";
    const post = path.join(root, file);
    const original = readFileSync(post, "utf8");
    // A wrong date, a reference with a wrong type (cited in the text), and a mistyped key.
    const edited = original
      .replace("date: 2020-01-07", "date: 2020-01-32")
      .replace(/(  - id: pwc2012\n    type: )[a-z-]+/, "$1reprot")
      .replace("; @moorhead2013]", "; @moorhaed2013]");
    assert.notEqual(edited, original);
    writeFileSync(post, edited);
    for (const result of [await runScript("check", root), await runScript("build", root, ["--output", path.join(root, "out"), "--quiet"])]) {
      assert.equal(result.code, 1);
      const out = result.stderr + result.stdout;
      assert.match(out, new RegExp(`${file}:\\d+:\\d+  date  `));
      assert.match(out, new RegExp(`${file}:\\d+:\\d+  references\\[\\d+\\]\\.type  reference "pwc2012": "reprot" is not a CSL type`));
      assert.match(out, new RegExp(`${file}:\\d+:\\d+  .*cites "moorhaed2013".*did you mean @moorhead2013\\?`));
      assert.doesNotMatch(out, /cites "pwc2012"/, "a citation of the broken reference is not reported again");
    }
  });
});

describe("a citation in an image's description, mistyped", () => {
  it("is reported at its line and column like any other", async () => {
    const root = copySite(SITE);
    const file = "content/posts/2020-02-11-image-citations.md";
    const post = path.join(root, file);
    writeFileSync(post, readFileSync(post, "utf8").replace("[@chretien2013, p. 4]", "[@chretien2031, p. 4]"));
    const line = readFileSync(post, "utf8").split("\n").findIndex((l) => l.includes("@chretien2031"));
    const column = readFileSync(post, "utf8").split("\n")[line]!.indexOf("[@chretien2031") + 1;
    const result = await runScript("check", root);
    assert.equal(result.code, 1);
    assert.match(result.stderr + result.stdout, new RegExp(`${file}:${line + 1}:${column}  .*\\[@chretien2031, p\\. 4\\] cites "chretien2031".*did you mean @chretien2013\\?`));
  });
});
