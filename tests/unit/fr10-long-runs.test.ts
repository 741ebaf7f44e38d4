// Author strings and post bodies with long runs of spaces, commas, `[` or `{` (a PDF column or
// a spreadsheet pasted, LaTeX or code outside a code fence): read with the same results as short
// ones. The sizes are ones the old code took minutes or hours on, so a return of the backtracking
// hangs these tests instead of passing them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { scanCitations } from "../../lib/citation-syntax.ts";
import { etAlIn, normaliseItem, severalPeople, withoutTitles } from "../../lib/csl-normalise.ts";
import { languageSpanProblems } from "../../lib/language-spans.ts";
import { createMarkdown } from "../../lib/markdown.ts";

const spaces = (n: number) => " ".repeat(n);
const commas = (n: number) => ", ".repeat(n);
const book = (author: string) => normaliseItem({ id: "a", type: "book", title: "T", author, issued: 2020 });

describe("et al. after a long run of spaces or commas", () => {
  it("takes the marker out and keeps the names as written", () => {
    assert.deepEqual(etAlIn(`Doe${commas(40)}Jane et al.`), { marker: "et al.", rest: `Doe${commas(40)}Jane` });
    assert.deepEqual(etAlIn(`Smith, J.,${spaces(100_000)}Jones, K. et al.`), { marker: "et al.", rest: `Smith, J.,${spaces(100_000)}Jones, K.` });
    assert.deepEqual(etAlIn(`Doe${spaces(40)}Jane and others`), { marker: "and others", rest: `Doe${spaces(40)}Jane` });
  });

  it("drops the commas, semicolons and a joining and/& before the marker, but not a word ending in and", () => {
    assert.equal(etAlIn("Smith, J., and et al.")?.rest, "Smith, J.");
    assert.equal(etAlIn("Smith, J. ; & , and ; et al.")?.rest, "Smith, J.");
    assert.equal(etAlIn("Smith, J. AND et al.")?.rest, "Smith, J.");
    assert.equal(etAlIn("Band et al.")?.rest, "Band");
    assert.equal(etAlIn("Doe,and et al.")?.rest, "Doe,and");
    assert.equal(etAlIn("and et al.")?.rest, "");
  });

  it("tells the writer to list the people, with the names from the long text", () => {
    const { problems } = book(`Smith, J.,${spaces(100_000)}Jones, K. et al.`);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /has "et al\." in it/);
    assert.match(problems[0]!.fix!, /author:\n {4}- Smith, J\.\n {4}- Jones, K\.$/);
  });
});

describe("several people in one name, split at a long run of spaces", () => {
  it("splits at the and after the run", () => {
    assert.deepEqual(severalPeople(`Doe, K.${spaces(20_000)}and${spaces(20_000)}Smith, J.`), ["Doe, K.", "Smith, J."]);
    const { problems } = book(`Doe, K.${spaces(20_000)}and${spaces(20_000)}Smith, J.`);
    assert.match(problems[0]!.message, /is 2 people written as one name/);
    assert.equal(problems[0]!.fix, "write one person per line:\n  author:\n    - Doe, K.\n    - Smith, J.");
  });

  it("reads given-name-first people around a comma and a run of spaces", () => {
    const { item, problems } = book(`Kate Doe,${spaces(20_000)}John Smith`);
    assert.deepEqual(item?.author, [{ family: "Kate Doe", given: "John Smith" }]);
    assert.match(problems[0]!.message, /it may be 2 people/);
    assert.match(problems[0]!.fix!, /- Doe, Kate\n {4}- Smith, John/);
  });

  it("keeps a run of spaces or tabs between two words as one name", () => {
    assert.deepEqual(book(`a${spaces(100_000)}b`).item?.author, [{ literal: `a${spaces(100_000)}b` }]);
    assert.deepEqual(book(`a${"\t".repeat(100_000)}b`).item?.author, [{ literal: `a${"\t".repeat(100_000)}b` }]);
  });

  it("takes titles and degrees out of a name with thousands of commas", () => {
    assert.deepEqual(withoutTitles(`Dr Kate Doe${commas(200_000)}John Smith, MD`), { rest: `Kate Doe${commas(200_000)}John Smith`, removed: ["Dr", "MD"] });
  });
});

describe("a post body with thousands of unclosed [ or {", () => {
  const md = createMarkdown();
  const sources = (text: string) => scanCitations(md, text).clusters.map((c) => c.source);

  it("still finds the citations around them", () => {
    assert.deepEqual(sources(`See [@a] and ${"[".repeat(300_000)} [@b].`), ["[@a]", "[@b]"]);
    assert.deepEqual(sources(`${"[@".repeat(150_000)} [@b]`), ["[@b]"]);
    // Brackets nested and left open around citations: each closes where it did before.
    assert.deepEqual(sources("[ [ [@a] [ [x [@b]] [@c; @d] ["), ["[@a]", "[x [@b]]", "[@c; @d]"]);
    assert.deepEqual(sources("[see [@a]](https://example.org) and @b [p. 3] and [@c [p. 4]"), ["[@a]", "@b [p. 3]", "@c [p. 4]"]);
  });

  it("finds no language marks in a run of { without one, and the one after it", () => {
    assert.deepEqual(languageSpanProblems("{".repeat(1_000_000), "content/posts/x.md", 5, "en"), []);
    const after = languageSpanProblems(`${"{".repeat(1_000_000)}\n[la garde]{lang=xx-notalanguage}`, "content/posts/x.md", 5, "en");
    assert.equal(after.length, 1);
    assert.equal(after[0]!.line, 6);
  });
});
