// Pathological input a writer can paste (a line of thousands of brackets, underscores or
// quotes; thousands of topics each with a colon): told as any other input is, in time linear
// in its length. Each case pins what an ordinary input is told (the same as before the scans
// were made linear), and runs the pathological one at a size the quadratic scans took minutes
// on, so that a return of one shows as a test that times out. Time itself is not asserted.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { markupProblems, postMarkupProblems } from "../../lib/front-matter-markup.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const FILE = "content/posts/2017-04-30-online-communities.md";
const FIELDS = ["title: Online communities", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30"];
const BIG = 200_000;
const SLOW = { timeout: 60_000 };

/** The problems of a post whose front matter is `lines` (from line 2), without the file name. */
function problems(lines: string[], body = "Body\n"): Array<Omit<Diagnostic, "file">> {
  return loadPost(FILE, `---\n${lines.join("\n")}\n---\n${body}`, ctx).diagnostics.map(({ file, ...rest }) => rest);
}

describe("markup in a front-matter text (links, images, addresses)", () => {
  it("tells a link, an image and emphasis as before, and leaves an e-mail address alone", () => {
    assert.deepEqual(markupProblems("See [the guide](https://example.org/guide) and _notes_", { key: "title: " }), {
      message: 'is shown exactly as typed (front matter is not read as markdown or HTML): readers would see the brackets and the address of "[the guide](https://example.org/guide)" and the underscores in "_notes_"',
      fix: "write it without the markup: title: See the guide and notes; put the link to https://example.org/guide in the post's text below the front matter, where markdown works",
      plain: "See the guide and notes",
      pieces: ["[the guide](https://example.org/guide)", "_notes_"],
    });
    assert.deepEqual(markupProblems("![a ward](ward.png) at night", { key: "title: " }), {
      message: 'is shown exactly as typed (front matter is not read as markdown or HTML): readers would see "![a ward](ward.png)" as text, not an image',
      fix: "write it without the markup: title: a ward at night",
      plain: "a ward at night",
      pieces: ["![a ward](ward.png)"],
    });
    assert.deepEqual(markupProblems("Write to jane_doe@example.org about __init__ and _this_", { key: "title: " }), {
      message: 'is shown exactly as typed (front matter is not read as markdown or HTML): readers would see the underscores in "__init__" and the underscores in "_this_"',
      fix: "write it without the markup: title: Write to jane_doe@example.org about init and this",
      plain: "Write to jane_doe@example.org about init and this",
      pieces: ["__init__", "_this_"],
    });
  });

  it("reads the words of a link from the last [ before it, as markdown does", () => {
    assert.deepEqual(markupProblems("x [a [b](http://x.org) c", { key: "title: " }), {
      message: 'is shown exactly as typed (front matter is not read as markdown or HTML): readers would see the brackets and the address of "[b](http://x.org)"',
      fix: "write it without the markup: title: x [a b c; put the link to http://x.org in the post's text below the front matter, where markdown works",
      plain: "x [a b c",
      pieces: ["[b](http://x.org)"],
    });
    assert.equal(markupProblems("[a](..........)")?.pieces[0], "[a](..........)");
  });

  it("tells a citation in a title, not the address after it", () => {
    assert.deepEqual(postMarkupProblems({ title: "[@fox2013] and hosts@example.org" }), [
      {
        message: 'has the citation "[@fox2013]": citations work only in the post\'s text below the front matter, and front matter is shown exactly as typed, so readers would see it as written',
        fix: 'move the citation to the post\'s text below the front matter, where citations work, or write the work\'s name (as in "as Fox and Duggan found"): title: and hosts@example.org',
        plain: "and hosts@example.org",
        pieces: ["[@fox2013]"],
        path: ["title"],
        marker: "[@fox2013]",
      },
    ]);
  });

  it("reads a line of 200,000 unclosed brackets, underscores, `![`, `[@` or dots after `[a](` as plain text", SLOW, () => {
    for (const text of ["[".repeat(BIG), "_".repeat(BIG), "![".repeat(BIG / 2), "[@".repeat(BIG / 2), `[a](${".".repeat(BIG)}`]) {
      assert.equal(markupProblems(text), undefined, text.slice(0, 4));
    }
    assert.deepEqual(postMarkupProblems({ title: "[@".repeat(BIG / 2), description: "[".repeat(BIG) }), []);
  });

  it("still finds the markup after such a run", SLOW, () => {
    assert.deepEqual(markupProblems(`${"_".repeat(BIG)} write to jane_doe@example.org about _this_`)?.pieces, ["_this_"]);
    // The link is the last "[" and what follows it, as markdown reads it.
    assert.deepEqual(markupProblems(`${"[".repeat(BIG)}a](https://example.org)`)?.pieces, ["[a](https://example.org)"]);
  });
});

describe("a YAML error repeated along one long line", () => {
  it("tells quotes inside double quotes once, as before", () => {
    assert.deepEqual(problems(['title: "Burnout" what "now" "then"', ...FIELDS.slice(1)]), [
      {
        severity: "error", line: 2, column: 8, field: "title",
        message: 'a " inside double quotes ends the text early',
        fix: "put the value in single quotes: title: '\"Burnout\" what \"now\" \"then\"'",
      },
    ]);
  });

  it("still tells an invisible character in a name in braces, beside another mistake", () => {
    const lines = [...FIELDS, "references:", "  - id: “smith2020”", "    type: book", "    title: A study", "    author:", "      - {family: Smith, \ufeffgiven: Jo}"];
    assert.deepEqual(problems(lines, "See [@smith2020].\n"), [
      {
        severity: "error", line: 11, column: 25, field: "references[0].author[0].given",
        message: "the field name `given` has an invisible character in it (a byte order mark, U+FEFF), so YAML reads it as a field of another name that only looks like `given`",
        fix: "delete the field's name and type it again, so that the line reads `      - {family: Smith, given: Jo}`",
      },
      {
        severity: "error", line: 7, column: 5, field: "references[0].id",
        message: 'reference "smith2020": the quotes are curly quotes “ ” — YAML needs straight quotes " ", so they became part of the value "“smith2020”"',
        fix: "write it without quotes: id: smith2020",
      },
    ]);
  });

  it("tells a value with colons once, as before, however many colons it has", SLOW, () => {
    assert.deepEqual(problems([...FIELDS, "description: Burnout: what now: and then?"]), [
      {
        severity: "error", line: 6, column: 14, field: "description",
        message: "the value contains ': ', which YAML reads as the start of another field",
        fix: 'put the value in double quotes: description: "Burnout: what now: and then?"',
      },
    ]);
    assert.deepEqual(problems([...FIELDS, `description: ${"a: ".repeat(BIG / 3)}`]).map((d) => [d.line, d.column, d.field, d.message]), [
      [6, 14, "description", "the value ends with ':', which YAML reads as the end of a field's name"],
    ]);
  });

  it("tells a title of 200,000 quotes, @ or @ and a zero-width space once, on its line", SLOW, () => {
    const told = (title: string) => problems([`title: ${title}`, ...FIELDS.slice(1)]).map((d) => [d.line, d.column, d.field, d.message]);
    assert.deepEqual(told('"'.repeat(BIG)), [[2, 8, "title", 'a " inside double quotes ends the text early']]);
    assert.deepEqual(told("@".repeat(BIG)), [[2, 8, "title", "a value cannot start with @ unless it is in quotes"]]);
    assert.deepEqual(told(`${"@".repeat(BIG)}\u200b`), [[2, 8, "title", "a value cannot start with @ unless it is in quotes"]]);
  });
});

describe("topics that became fields (a colon and a space in each)", () => {
  it("tells a list in brackets once, and each line of a list of lines, as before", () => {
    assert.deepEqual(problems([...FIELDS, "topics: [Q1: why, Q2: how, plain]", "tags: [a, b: c]"]), [
      {
        severity: "error", line: 7, column: 11, field: "tags[1]",
        message: "item 2 of `tags` became a field named `b`: YAML reads a colon followed by a space as the end of a field's name",
        fix: 'put the item in quotes, so that the colon stays part of it: `tags: [a, "b: c"]`',
      },
      {
        severity: "error", line: 6, column: 10, field: "topics[0]",
        message: "topic T1 and topic T2 became fields named `Q1` and `Q2`: YAML reads a colon followed by a space as the end of a field's name, and the page numbers the questions itself",
        fix: "write them without the numbers: `topics: [why, how, plain]`",
      },
    ]);
    assert.deepEqual(problems([...FIELDS, "topics:", "  - Question 1: why?", "  - Question 2: how?", "  - What now?"]), [
      {
        severity: "error", line: 7, column: 5, field: "topics[0]",
        message: "topic T1 became a field named `Question 1`: YAML reads a colon followed by a space as the end of a field's name, and the page numbers the questions itself",
        fix: "write it without the number: - why?",
      },
      {
        severity: "error", line: 8, column: 5, field: "topics[1]",
        message: "topic T2 became a field named `Question 2`: YAML reads a colon followed by a space as the end of a field's name, and the page numbers the questions itself",
        fix: "write it without the number: - how?",
      },
    ]);
  });

  it("tells each of 20,000 such topics on its own line", SLOW, () => {
    const n = 20_000;
    const found = problems([...FIELDS, "topics:", ...Array.from({ length: n }, (_, i) => `  - Question ${i + 1}: how do we ${i % 2 ? "listen" : "rest"}?`)]);
    assert.equal(found.length, n);
    assert.deepEqual(found[0], {
      severity: "error", line: 7, column: 5, field: "topics[0]",
      message: "topic T1 became a field named `Question 1`: YAML reads a colon followed by a space as the end of a field's name, and the page numbers the questions itself",
      fix: "write it without the number: - how do we rest?",
    });
    // A number of more than two digits is no question's label: the colon is the text's.
    assert.deepEqual(found.at(-1), {
      severity: "error", line: 6 + n, column: 5, field: `topics[${n - 1}]`,
      message: `topic T${n} became a field named \`Question ${n}\`: YAML reads a colon followed by a space as the end of a field's name`,
      fix: `put the text in quotes, so that the colon stays part of it: - "Question ${n}: how do we listen?"`,
    });
  });

  it("tells a list in brackets of 20,000 such topics once, with the list rewritten", SLOW, () => {
    const n = 20_000;
    const found = problems([...FIELDS, `topics: [${Array.from({ length: n }, (_, i) => `Q${i + 1}: why ${i}`).join(", ")}]`]);
    assert.equal(found.length, 1);
    const [{ line, field, message, fix }] = found as [Omit<Diagnostic, "file">];
    assert.deepEqual([line, field], [6, "topics[0]"]);
    assert.ok(message.startsWith("topic T1, topic T2, topic T3,"), message.slice(0, 80));
    assert.ok(message.endsWith(`\`Q${n - 1}\` and \`Q${n}\`: YAML reads a colon followed by a space as the end of a field's name, and the page numbers the questions itself`), message.slice(-200));
    const items = Array.from({ length: n }, (_, i) => (i < 99 ? `why ${i}` : `"Q${i + 1}: why ${i}"`));
    assert.equal(fix, `write them without the numbers: \`topics: [${items.join(", ")}]\``);
  });
});
