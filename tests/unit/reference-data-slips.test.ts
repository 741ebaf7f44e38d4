// Slips in a reference's data that an audit found printed wrong without a word: an undated
// page without the day it was read ("Retrieved https://…"), a given name with a small letter
// after its hyphen ("Kim, Min-jun", printed "Kim, M."), the issue written in the volume
// ("12(3)"), a title typed in capitals, and one work under two ids. Each is a warning whose
// fix, applied as written, checks clean and prints right.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parseBibliographyFile } from "../../lib/bibliography.ts";
import { formatBibliography } from "../../lib/citations.ts";
import { normaliseItem, sameDoiProblem, type CslItem } from "../../lib/csl-normalise.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const FILE = "content/posts/2017-04-30-online-communities.md";

/** A post whose references are these lines, from line 5. */
const load = (...lines: string[]) => loadPost(FILE, `---\ntitle: T\ndate: 2017-04-30\nreferences:\n${lines.join("\n")}\n---\nBody.\n`, ctx);
/** Its messages, without the file name. */
const messages = (...lines: string[]) => load(...lines).diagnostics.map(formatDiagnostic).map((m) => m.slice(FILE.length + 1));
/** Its reference list, as text, in a style (APA, en-US unless told). */
function printed(lines: string[], style = "apa", locale = "en-US"): string[] {
  const { post } = load(...lines);
  assert.ok(post, "the post loads");
  return text(post.references, style, locale);
}
const text = (items: CslItem[], style = "apa", locale = "en-US") =>
  formatBibliography(items, { style, locale }).map((e) => e.html.replace(/<[^>]+>/g, "").replace(/&#38;/g, "&").replace(/\u00a0/g, " ").trim());
const html = (items: CslItem[]) => formatBibliography(items, { style: "apa", locale: "en-US" }).map((e) => e.html);
/** The fix's code in backticks: `accessed: 2024-03-05` → accessed: 2024-03-05. */
const code = (fix: string) => [...fix.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

const WHO = ["  - id: who-digital", "    type: webpage", "    title: Digital health", "    author: {literal: World Health Organization}", "    URL: https://www.who.int/health-topics/digital-health"];

describe('an undated page without the day it was read: APA\'s "Retrieved https://…"', () => {
  it("is a warning at the address, whose fix, applied, prints the day", () => {
    assert.deepEqual(printed(WHO), ["World Health Organization. (n.d.). Digital health. Retrieved https://www.who.int/health-topics/digital-health"]);
    const [message] = messages(...WHO);
    assert.equal(
      message,
      '9:5  references[0].URL  warning: reference "who-digital": the work has an address but no date, and no day you read it: APA prints "Retrieved" followed directly by the address ("Retrieved https://www.who.int/health-topics/digital-health"), without the day that belongs between them → add the day you read it, e.g. `accessed: 2024-03-05` (APA then prints "Retrieved March 5, 2024, from …"); or the work\'s date in `issued`, if it has one',
    );
    const fixed = [...WHO, `    ${code(load(...WHO).diagnostics[0]!.fix!)[0]}`];
    assert.deepEqual(messages(...fixed), []);
    assert.deepEqual(printed(fixed), ["World Health Organization. (n.d.). Digital health. Retrieved March 5, 2024, from https://www.who.int/health-topics/digital-health"]);
    assert.deepEqual(printed(fixed, "apa", "de-DE"), ["World Health Organization. (o. J.). Digital health. Abgerufen 5. März 2024, von https://www.who.int/health-topics/digital-health"]);
    // The other fix, the work's date: APA then prints no "Retrieved".
    assert.deepEqual(messages(...WHO, "    issued: 2021"), []);
  });

  it("is told for every type APA prints so, the seed's nurses' page among them", () => {
    // "How Nurses Should Be Using Social Media": no author, no date, read on 30 April 2017.
    const nurses = ["  - id: nurses", "    type: post-weblog", "    title: How nurses should be using social media", "    URL: https://example.org/nurses"];
    assert.equal(load(...nurses).diagnostics.length, 1);
    assert.deepEqual(messages(...nurses, "    accessed: 2017-04-30"), []);
    assert.deepEqual(printed([...nurses, "    accessed: 2017-04-30"]), ["How nurses should be using social media. (n.d.). Retrieved April 30, 2017, from https://example.org/nurses"]);
    for (const type of ["post", "article-journal", "report", "document"]) {
      const lines = ["  - id: x", `    type: ${type}`, "    title: A work", "    URL: https://example.org/x"];
      assert.match(printed(lines)[0]!, /Retrieved https:/, type);
      assert.deepEqual(load(...lines).diagnostics.map((d) => [d.severity, d.field]), [["warning", "references[0].URL"]], type);
    }
  });

  it("leaves alone a work with a date, a status, a DOI or the day read, and one that prints no \"Retrieved\"", () => {
    for (const extra of ["issued: 2021", "status: in press", "DOI: 10.1186/s12913-016-1691-0", "accessed: 2024-03-05"]) {
      assert.deepEqual(messages(...WHO, `    ${extra}`), [], extra);
      assert.doesNotMatch(printed([...WHO, `    ${extra}`])[0]!, /Retrieved https:/, extra);
    }
    assert.deepEqual(messages("  - id: x", "    type: book", "    title: A book", "    publisher: Wiley"), []);
  });

  it("is told once with a note that holds the day, whose own fix writes it in `accessed`; with n.d. both are told", () => {
    assert.deepEqual(load(...WHO, "    note: Accessed 30 April 2017").diagnostics.map((d) => [d.field, d.fix]), [
      ["references[0].note", "write `accessed: 2017-04-30` in place of `note: Accessed 30 April 2017` (the style prints it where it prints access dates)"],
    ]);
    const both = load(...WHO, "    issued: n.d.").diagnostics.map((d) => d.field);
    assert.deepEqual(both, ["references[0].issued", "references[0].URL"]);
  });

  it("shows the line in a .bib file's and a CSL JSON file's own syntax, which applied checks clean", () => {
    const bib = (extra: string) => `@online{who,\n  author = {{World Health Organization}},\n  title = {Digital health},\n  url = {https://www.who.int/x}${extra}\n}\n`;
    const { diagnostics } = parseBibliographyFile("refs.bib", bib(""));
    assert.deepEqual(diagnostics.map((d) => [d.line, d.field, d.severity]), [[4, "who.URL", "warning"]]);
    const line = code(diagnostics[0]!.fix!)[0]!;
    assert.equal(line, "urldate = {2024-03-05}");
    const fixed = parseBibliographyFile("refs.bib", bib(`,\n  ${line}`));
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual(text(fixed.entries.map((e) => e.item)), ["World Health Organization. (n.d.). Digital health. Retrieved March 5, 2024, from https://www.who.int/x"]);
    const json = normaliseItem({ id: "who", type: "webpage", title: "Digital health", URL: "https://www.who.int/x" }, { syntax: "json" });
    assert.equal(code(json.problems[0]!.fix)[0], '"accessed": "2024-03-05"');
    assert.deepEqual(normaliseItem({ id: "who", type: "webpage", title: "Digital health", URL: "https://www.who.int/x", ...JSON.parse(`{${code(json.problems[0]!.fix)[0]}}`) }, { syntax: "json" }).problems, []);
  });
});

describe("a given name with a small letter after its hyphen", () => {
  const KIM = ["  - id: kim2020", "    type: article-journal", "    title: Nurses online", "    container-title: Nursing Studies", "    issued: 2020"];

  it("is a warning at the name, printed as APA and Vancouver print it; the fix, applied, gives both initials", () => {
    const lines = [...KIM, "    author:", '      - "Kim, Min-jun"', "      - Lee, Ann"];
    assert.deepEqual(printed(lines), ["Kim, M., & Lee, A. (2020). Nurses online. Nursing Studies."]);
    assert.match(printed(lines, "vancouver")[0]!, /Kim M jun, Lee A\./);
    assert.deepEqual(messages(...lines), [
      '11:9  references[0].author[0]  warning: reference "kim2020": "Kim, Min-jun" would be printed "Kim, M." in APA: the citation style reads a part written with a small letter after a hyphen ("jun") as no given name of its own and writes no initial for it; Vancouver prints "Kim M jun" → write each part of the given name with a capital, so that the style writes both initials ("Kim, M.-J."):\n    - Kim, Min-Jun',
    ]);
    const fixed = [...KIM, "    author:", "      - Kim, Min-Jun", "      - Lee, Ann"];
    assert.deepEqual(messages(...fixed), []);
    assert.deepEqual(printed(fixed), ["Kim, M.-J., & Lee, A. (2020). Nurses online. Nursing Studies."]);
    assert.match(printed(fixed, "vancouver")[0]!, /Kim MJ, Lee A\./);
  });

  it("is told for an editor, a translator and {family, given}, each fix the name as written with its capital", () => {
    const editor = [...KIM.slice(0, 2), "    type: chapter", "    title: A chapter", "    container-title: A book", "    issued: 2020", "    editor: Park, Ji-woo"].filter((l) => l !== "    type: article-journal");
    assert.deepEqual(load(...editor).diagnostics.map((d) => [d.field, d.fix]), [
      ["references[0].editor", 'write each part of the given name with a capital, so that the style writes both initials ("Park, J.-W."):\n  editor: Park, Ji-Woo'],
    ]);
    const fixedEditor = editor.map((l) => l.replace("Ji-woo", "Ji-Woo"));
    assert.deepEqual(messages(...fixedEditor), []);
    assert.deepEqual(printed(fixedEditor), ["Park, J.-W. (Ed.). (2020). A chapter. In A book."]);
    const translator = [...KIM, "    translator:", "      - {family: Park, given: Ji-woo}"];
    assert.deepEqual(load(...translator).diagnostics.map((d) => [d.field, d.fix]), [
      ["references[0].translator[0]", 'write each part of the given name with a capital, so that the style writes both initials ("Park, J.-W."):\n    - {family: Park, given: Ji-Woo}'],
    ]);
    assert.deepEqual(messages(...KIM, "    translator:", "      - {family: Park, given: Ji-Woo}"), []);
  });

  it('gives "Min-jun Kim", read as an organisation, the person\'s name with its capital', () => {
    const [fix] = load(...KIM, "    author: Min-jun Kim").diagnostics.map((d) => d.fix);
    assert.match(fix!, /^if it is a person, write the family name first, then a comma, and each part of the given name with a capital \(else the style leaves out the initial of the part after the hyphen\):\n {2}author: Kim, Min-Jun\n/);
    assert.deepEqual(messages(...KIM, "    author: Kim, Min-Jun"), []);
  });

  it("shows the fix in CSL JSON and a .bib file, each applied clean", () => {
    const json = normaliseItem({ id: "p", type: "book", title: "T", author: [{ family: "Park", given: "Ji-woo" }] }, { syntax: "json" });
    assert.match(json.problems[0]!.fix, /: \{"family": "Park", "given": "Ji-Woo"\}$/);
    assert.deepEqual(normaliseItem({ id: "p", type: "book", title: "T", author: [{ family: "Park", given: "Ji-Woo" }] }, { syntax: "json" }).problems, []);
    const bib = (authors: string) => `@article{kim2020,\n  author = {${authors}},\n  title = {Nurses online},\n  journal = {Nursing Studies},\n  year = {2020}\n}\n`;
    const { diagnostics } = parseBibliographyFile("refs.bib", bib("Kim, Min-jun and Park, Ji-woo and Lee, JA"));
    const hyphen = diagnostics.find((d) => d.message.includes("hyphen"))!;
    assert.equal(hyphen.line, 2);
    assert.match(hyphen.fix!, /: author = \{Kim, Min-Jun and Park, Ji-Woo and Lee, J\. A\.\}$/);
    const fixed = parseBibliographyFile("refs.bib", `${hyphen.fix!.replace(/^.*: author = /, "@article{kim2020,\n  author = ")},\n  title = {Nurses online},\n  journal = {Nursing Studies},\n  year = {2020}\n}\n`);
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual(text(fixed.entries.map((e) => e.item)), ["Kim, M.-J., Park, J.-W., & Lee, J. A. (2020). Nurses online. Nursing Studies."]);
  });

  it("leaves alone names with a capital after the hyphen, one word, and Arabic particles", () => {
    for (const name of ["Kim, Min-Jun", "Kim, Minjun", "Dupont, Marie-Claire", "Rahman, Abd-al", "Khan, Ahmad-ud-Din", "Kim, M.-J."]) {
      assert.deepEqual(normaliseItem({ id: "x", type: "book", title: "T", author: name }).problems, [], name);
    }
  });
});

describe("the issue written in the volume", () => {
  const ARTICLE = ["  - id: ventola2014", "    type: article-journal", "    title: Social media and health care professionals", "    author: Ventola, C. Lee", "    container-title: Pharmacy and Therapeutics", "    issued: 2014-07"];

  it('is a warning whose fix is the two lines, applied: the issue printed after the volume, not in its italics', () => {
    const lines = [...ARTICLE, '    volume: "39(7)"'];
    const { post, diagnostics } = load(...lines);
    assert.deepEqual(html(post!.references).map((h) => /<i>39\(7\)<\/i>/.test(h)), [true]);
    assert.deepEqual(diagnostics.map(formatDiagnostic).map((m) => m.slice(FILE.length + 1)), [
      '11:5  references[0].volume  warning: reference "ventola2014": "39(7)" is the volume written with its issue: the citation style prints it all as the volume (APA in italics, the issue too) → write `volume: 39` and `issue: 7`',
    ]);
    const fixed = [...ARTICLE, ...code(diagnostics[0]!.fix!).map((l) => `    ${l}`)];
    assert.deepEqual(messages(...fixed), []);
    const { post: after } = load(...fixed);
    assert.match(html(after!.references)[0]!, /<i>39<\/i>\(7\)/);
    assert.deepEqual(text(after!.references), ["Ventola, C. L. (2014). Social media and health care professionals. Pharmacy and Therapeutics, 39(7)."]);
  });

  it("splits PubMed's pages too, and leaves out what is written already or says which to keep", () => {
    assert.equal(load(...ARTICLE, '    volume: "39(7):491-520"').diagnostics[0]!.fix, "write `volume: 39`, `issue: 7` and `page: 491-520`");
    assert.equal(load(...ARTICLE, '    volume: "39(7)"', "    issue: 7").diagnostics[0]!.fix, "write `volume: 39`");
    assert.equal(load(...ARTICLE, '    volume: "39(7)"', "    issue: 6").diagnostics[0]!.fix, "write `volume: 39`; `issue` already says 6, the volume 7: keep the right one there");
    for (const volume of ["39, no. 7", "Vol. 39, No. 7", "39 (7)", "39, issue 7"]) {
      assert.equal(load(...ARTICLE, `    volume: ${volume}`).diagnostics[0]?.fix, "write `volume: 39` and `issue: 7`", volume);
    }
    // A volume alone, or a range of volumes, is a volume.
    for (const volume of ["39", '"39"', "39-40", "Suppl 2"]) assert.deepEqual(messages(...ARTICLE, `    volume: ${volume}`), [], volume);
  });

  it("shows a .bib file's `number`, which applied checks clean", () => {
    const bib = (fields: string) => `@article{v,\n  author = {Ventola, C. Lee},\n  title = {Social media},\n  journal = {P and T},\n  ${fields},\n  year = {2014}\n}\n`;
    const { diagnostics } = parseBibliographyFile("refs.bib", bib("volume = {39(7)}"));
    assert.deepEqual(diagnostics.map((d) => [d.line, d.fix]), [[5, "write `volume = {39}` and `number = {7}`"]]);
    const fixed = parseBibliographyFile("refs.bib", bib(code(diagnostics[0]!.fix!).join(",\n  ")));
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual(text(fixed.entries.map((e) => e.item)), ["Ventola, C. L. (2014). Social media. P and T, 39(7)."]);
  });
});

describe("a title typed in capitals", () => {
  const CAPS = ["  - id: x", "    type: article-journal", "    author: Kim, Ann", "    issued: 2020"];

  it("is a warning with the title in sentence case, the capitals of names left to the writer; the fix applied prints it", () => {
    const lines = [...CAPS, '    title: "SOCIAL MEDIA AND NURSES: A REVIEW FOR THE NHS"'];
    assert.deepEqual(printed(lines), ["Kim, A. (2020). SOCIAL MEDIA AND NURSES: A REVIEW FOR THE NHS."]);
    assert.deepEqual(messages(...lines), [
      '9:5  references[0].title  warning: reference "x": "SOCIAL MEDIA AND NURSES: A REVIEW FOR THE NHS" is written in capitals: the citation style prints a title as typed, in capitals → write it in sentence case, a capital only for the first word, the first after a colon, and names, e.g. `title: "Social media and nurses: A review for the NHS"` (check the capitals of names and acronyms)',
    ]);
    const fixed = [...CAPS, `    ${code(load(...lines).diagnostics[0]!.fix!)[0]}`];
    assert.deepEqual(messages(...fixed), []);
    assert.deepEqual(printed(fixed), ["Kim, A. (2020). Social media and nurses: A review for the NHS."]);
  });

  it("shows a journal's name in title case", () => {
    const lines = [...CAPS, "    title: Nurses online", "    container-title: JOURNAL OF NURSING STUDIES"];
    const [fix] = load(...lines).diagnostics.map((d) => d.fix!);
    assert.equal(code(fix!)[0], "container-title: Journal of Nursing Studies");
    const fixed = [...CAPS, "    title: Nurses online", `    ${code(fix!)[0]}`];
    assert.deepEqual(messages(...fixed), []);
    assert.deepEqual(printed(fixed), ["Kim, A. (2020). Nurses online. Journal of Nursing Studies."]);
  });

  it("leaves alone acronyms, short titles in capitals and titles with a small letter", () => {
    for (const title of ["NHS", "COVID-19 UPDATE", "WHO", "Social media and the NHS", '"<span class=\\"nocase\\">SOCIAL MEDIA AND NURSES</span>"']) {
      assert.deepEqual(messages(...CAPS, `    title: ${title}`), [], title);
    }
  });
});

describe("one work under two ids", () => {
  const items = (...ids: [string, string][]) => ids.map(([id, DOI]) => ({ id, type: "article-journal", title: "Deep medicine", DOI }) as CslItem);

  it("is a warning at the second one's DOI naming the first, in any capitals of the DOI", () => {
    const seen = new Map<string, string>();
    const [a, b, c] = items(["topol2019", "10.1038/s41591-018-0300-7"], ["Topol2019", "10.1038/S41591-018-0300-7"], ["other", "10.1/other"]);
    assert.equal(sameDoiProblem(a, a!, seen), undefined);
    assert.deepEqual(sameDoiProblem({ id: "Topol2019", doi: "x" }, b!, seen), {
      path: ["doi"],
      severity: "warning",
      message: 'the same DOI as reference "topol2019" (10.1038/S41591-018-0300-7): the reference list would print the work twice',
      fix: "delete this reference and cite the work as @topol2019 wherever the text has @Topol2019; if it is another work, correct its DOI",
    });
    assert.equal(sameDoiProblem(c, c!, seen), undefined);
    // Both would be printed.
    assert.equal(text([a!, b!]).length, 2);
  });

  it("is told in a post's list", () => {
    const ref = (id: string) => [`  - id: ${id}`, "    type: article-journal", "    title: High-performance medicine", "    author: Topol, Eric J.", "    issued: 2019", "    DOI: 10.1038/s41591-018-0300-7"];
    assert.deepEqual(messages(...ref("topol2019"), ...ref("Topol2019")), [
      '16:5  references[1].DOI  warning: reference "Topol2019": the same DOI as reference "topol2019" (10.1038/s41591-018-0300-7): the reference list would print the work twice → delete this reference and cite the work as @topol2019 wherever the text has @Topol2019; if it is another work, correct its DOI',
    ]);
    assert.deepEqual(messages(...ref("topol2019")), []);
  });
});
