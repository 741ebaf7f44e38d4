// Slips a writer audit found: questions still numbered after one was deleted or moved
// ("T1 …", "T3 …"), and reference dates that are not dates ("n.d.", "in press", "2019a"),
// whose fixes asked for a date the writer does not have. Each fix, applied, checks clean.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parseBibliographyFile } from "../../lib/bibliography.ts";
import { formatBibliography } from "../../lib/citations.ts";
import { normaliseItem, type CslItem } from "../../lib/csl-normalise.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";
import { topicLabelProblems } from "../../lib/topic-labels.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const FILE = "content/posts/2017-04-30-online-communities.md";

/** The messages of a post with these topic lines (from line 5), without the file name. */
function topicMessages(...topics: string[]): string[] {
  const text = `---\ntitle: T\ndate: 2017-04-30\ntopics:\n${topics.map((t) => `  - ${t}`).join("\n")}\n---\nBody.\n`;
  return loadPost(FILE, text, ctx).diagnostics.map(formatDiagnostic).map((m) => m.slice(FILE.length + 1));
}

/** A post with one reference whose fields after its head are these lines (from line 9). */
function loadReference(...lines: string[]) {
  const head = ["  - id: smith2016", "    type: article-journal", "    title: Social media use in healthcare", "    author: Smith, Kate"];
  return loadPost(FILE, `---\ntitle: T\ndate: 2017-04-30\nreferences:\n${[...head, ...lines].join("\n")}\n---\nWe cite [@smith2016].\n`, ctx);
}
const referenceMessages = (...lines: string[]) => loadReference(...lines).diagnostics.map(formatDiagnostic).map((m) => m.slice(FILE.length + 1));

const apa = (...items: CslItem[]) => formatBibliography(items, { style: "apa", locale: "en-US" }).map((e) => e.html.replace(/<[^>]+>/g, "").trim());

describe("questions still numbered after one was deleted or moved", () => {
  it("is an error at each question when every one is numbered, the numbers rising past a gap", () => {
    assert.deepEqual(topicMessages("T1 What is burnout?", "T3 What helps?", "T4 Who decides?"), [
      '5:5  topics[0]  topic T1 starts with its number, "T1", which the page adds itself: readers would see "T1 T1 What is burnout?" → write it without the number: - What is burnout?',
      '6:5  topics[1]  topic T2 starts with a question number, "T3", which the page adds itself: readers would see "T2 T3 What helps?" → write it without the number: - What helps?',
      '7:5  topics[2]  topic T3 starts with a question number, "T4", which the page adds itself: readers would see "T3 T4 Who decides?" → write it without the number: - Who decides?',
    ]);
    // The first one deleted: T2, T3, T4.
    assert.deepEqual(topicLabelProblems(["T2 Why?", "T3: How?", "T4. Who?"]).map((p) => [p.severity, p.fix]), [
      ["error", "write it without the number: - Why?"],
      ["error", "write it without the number: - How?"],
      ["error", "write it without the number: - Who?"],
    ]);
  });

  it("is a warning at a single question that starts with another question's label", () => {
    assert.deepEqual(topicMessages("What is burnout?", "Who decides?", "Why now?", "T2 What helps?"), [
      '8:5  topics[3]  warning: topic T4 starts with "T2", which may be a question number: the page adds the numbers itself, so readers would see "T4 T2 What helps?" → write it without the number: - What helps? (if it is part of the question, leave it)',
    ]);
    assert.deepEqual(topicMessages("What is burnout?", "Who decides?", "Why now?", '"3) Where next?"'), [
      '8:5  topics[3]  warning: topic T4 starts with "3)", which may be a question number: the page adds the numbers itself, so readers would see "T4 3) Where next?" → write it without the number: - Where next? (if it is part of the question, leave it)',
    ]);
    for (const label of ["T3", "T3:", "T3.", "Q3", "3)", "3."]) {
      assert.deepEqual(topicLabelProblems(["Why?", `${label} Where next?`]).map((p) => [p.index, p.severity]), [[1, "warning"]], label);
    }
  });

  it("counts every label in a list most of whose questions are numbered, and the order it is in", () => {
    // Moved: T2 before T1, each a warning (the numbers do not rise).
    assert.deepEqual(topicLabelProblems(["T2 Who decides?", "T1 What is burnout?"]).map((p) => [p.index, p.severity]), [[0, "warning"], [1, "warning"]]);
    // "T5 diabetes" alone may be words; among numbered questions it is a number.
    assert.deepEqual(topicLabelProblems(["T1 Why?", "T2 How?", "T5 diabetes: who cares?"]).map((p) => p.index), [0, 1, 2]);
  });

  it("leaves alone questions that start with a number, and labels that may be words", () => {
    assert.deepEqual(topicLabelProblems(["3 things you learned?", "2020 was hard: what changed?", "10 years on, what now?"]), []);
    assert.deepEqual(topicLabelProblems(["Why now?", "T5 is late", "What next?"]), []);
    assert.deepEqual(topicLabelProblems(["Q3 results: a surprise?", "Q4 results: what now?"]), [], "quarters, not questions");
    assert.deepEqual(topicLabelProblems(["What about T2 diabetes?", "T1 or T2: which is harder?"]), []);
  });

  it("gives `- T3: question` out of place, which YAML reads as a field, without its number", () => {
    assert.deepEqual(topicMessages("What is burnout?", "T3: What helps?"), [
      "6:5  topics[1]  topic T2 became a field named `T3`: YAML reads a colon followed by a space as the end of a field's name, and the page numbers the questions itself → write it without the number: - What helps?",
    ]);
  });

  it("checks clean once each fix is applied", () => {
    assert.deepEqual(topicMessages("What is burnout?", "What helps?", "Who decides?"), []);
  });
});

describe("reference dates that are not dates", () => {
  it("asks to leave out the date of a work without one, which the style prints n.d.", () => {
    assert.deepEqual(referenceMessages("    issued: n.d."), [
      '9:5  references[0].issued  reference "smith2016": "n.d." is not a date: for a work without one, leave the date out, and the style prints "n.d." itself → remove the line `issued: n.d.`',
    ]);
    for (const written of ["nd", "(n.d.)", "no date", "undated"]) {
      assert.equal(normaliseItem({ id: "a", type: "book", title: "T", issued: written }).problems[0]?.fix, `remove the line \`issued: ${written}\``, written);
    }
    assert.deepEqual(referenceMessages(), []);
    assert.deepEqual(apa(loadReference().post!.references[0]!), ["Smith, K. (n.d.). Social media use in healthcare."]);
  });

  it("asks for `status: in press` in place of the date of a work not yet published", () => {
    assert.deepEqual(referenceMessages("    issued: in press"), [
      '9:5  references[0].issued  reference "smith2016": "in press" is not a date: a work not yet published has its status (in press) in place of a date, which APA prints "(in press)" → write `status: in press` in place of `issued: in press`',
    ]);
    for (const written of ["forthcoming", "accepted", "In Press", "inpress", "[in press]"]) {
      assert.match(normaliseItem({ id: "a", type: "book", title: "T", issued: written }).problems[0]!.fix, /^write `status: in press` in place of `issued: /, written);
    }
    // Submitted is not accepted: not "in press".
    assert.equal(normaliseItem({ id: "a", type: "book", title: "T", issued: "submitted" }).problems[0]!.fix, "write `status: submitted for publication` in place of `issued: submitted`");
    // Written in both: the date goes.
    assert.equal(normaliseItem({ id: "a", type: "book", title: "T", issued: "in press", status: "in press" }).problems[0]!.fix, "remove `issued: in press`: `status` says the work is not published yet");
    // The fix applied: APA prints "(in press)" in place of the year.
    const { post, diagnostics } = loadReference("    status: in press");
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(apa(post!.references[0]!), ["Smith, K. (in press). Social media use in healthcare."]);
  });

  it("asks for the year without APA's letter, which the style adds itself", () => {
    assert.deepEqual(referenceMessages("    issued: 2019a"), [
      '9:5  references[0].issued  reference "smith2016": "2019a" is not a date: the style adds a, b itself when one author has several works in a year → write it as `issued: 2019`',
    ]);
    const [one, two] = ["One", "Two"].map((title, i) => normaliseItem({ id: `s${i}`, type: "book", title, author: "Smith, Kate", issued: 2019 }).item!);
    assert.deepEqual(apa(one!, two!), ["Smith, K. (2019a). One.", "Smith, K. (2019b). Two."]);
  });

  it("gives the same fixes for the date written under another name", () => {
    const fix = (field: Record<string, unknown>) => normaliseItem({ id: "a", type: "book", title: "T", ...field }).problems.map((p) => p.fix);
    assert.deepEqual(fix({ year: "n.d." }), ["remove the line `year: n.d.`"]);
    assert.deepEqual(fix({ date: "in press" }), ["write `status: in press` in place of `date: in press`"]);
    assert.deepEqual(fix({ year: "2019a" }), ["write it as `issued: 2019` in place of `year: 2019a`"]);
    assert.deepEqual(fix({ accessed: "n.d." }), ["remove the line `accessed: n.d.`"]);
    // A CSL JSON file's own syntax.
    assert.deepEqual(normaliseItem({ id: "a", type: "book", title: "T", issued: "in press" }, { syntax: "json" }).problems.map((p) => p.fix), ['write `"status": "in press"` in place of `"issued": "in press"`']);
    // Other words still ask for a date.
    assert.deepEqual(fix({ issued: "last year" }), ["write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2016-08-26"]);
  });
});

describe("the same slips in a BibTeX file", () => {
  const bib = [
    "@article{nd, author = {Doe, Kate}, title = {Undated}, journal = {J}, year = {n.d.}}",
    "@article{press, author = {Doe, Kate}, title = {Pressed}, journal = {J}, year = {in press}}",
    "@article{letter, author = {Doe, Kate}, title = {Lettered}, journal = {J}, year = {2019a}}",
    "@article{state, author = {Doe, Kate}, title = {Stated}, journal = {J}, pubstate = {inpress}}",
    "@online{noted, author = {Doe, Kate}, title = {Noted}, url = {https://example.org}, note = {Accessed: 2024-01-05}}",
  ].join("\n");
  const { entries, diagnostics } = parseBibliographyFile("refs.bib", bib);

  it("warns at the field, with the line to write in the file's syntax, and reads the entry as meant", () => {
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      'refs.bib:1:70  nd.issued  warning: entry "nd": "n.d." is written as a date: for a work without one, leave the date out, and the style prints "n.d." itself → remove `year = {n.d.}`',
      'refs.bib:2:73  press.issued  warning: entry "press": "in press" is written as a date: a work not yet published has its status (in press) in place of a date, which APA prints "(in press)" → write `pubstate = {inpress}` in place of `year = {in press}`',
      'refs.bib:3:75  letter.issued  warning: entry "letter": "2019a" is written as a date: the style adds a, b itself when one author has several works in a year → write it as `year = {2019}`',
      'refs.bib:5:84  noted.note  warning: entry "noted": "Accessed: 2024-01-05" is the day you read it, but the citation style leaves a note out of the reference list → write `urldate = {2024-01-05}` in place of `note = {Accessed: 2024-01-05}` (the style prints it where it prints access dates)',
    ]);
    assert.deepEqual(apa(...entries.map((e) => e.item)), [
      // The note left out; a web page without its access date, as APA prints it.
      "Doe, K. (n.d.-a). Noted. Retrieved https://example.org",
      "Doe, K. (n.d.-b). Undated. J.",
      "Doe, K. (2019). Lettered. J.",
      "Doe, K. (in press-a). Pressed. J.",
      "Doe, K. (in press-b). Stated. J.",
    ]);
  });

  it("checks clean once each fix is applied, BibLaTeX's pubstate printed as biblatex prints it", () => {
    const fixed = parseBibliographyFile("refs.bib", [
      "@article{nd, author = {Doe, Kate}, title = {Undated}, journal = {J}}",
      "@article{press, author = {Doe, Kate}, title = {Pressed}, journal = {J}, pubstate = {inpress}}",
      "@article{letter, author = {Doe, Kate}, title = {Lettered}, journal = {J}, year = {2019}}",
      "@online{noted, author = {Roe, Ann}, title = {Noted}, url = {https://example.org}, urldate = {2024-01-05}}",
    ].join("\n"));
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual(apa(...fixed.entries.map((e) => e.item)), [
      "Doe, K. (n.d.). Undated. J.",
      "Doe, K. (2019). Lettered. J.",
      "Doe, K. (in press). Pressed. J.",
      "Roe, A. (n.d.). Noted. Retrieved January 5, 2024, from https://example.org",
    ]);
  });
});
