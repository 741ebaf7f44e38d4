// Fixes built from a line's text when a note (`# …`, a # and a space) follows the value, as
// `npm run new` writes them: the note is never quoted into the value, and stays a note after
// it. A field whose value is still commented out below it (`topics:` above `#   - First
// question?`) is told as such, with the lines as they read once uncommented. And text with a
// colon in it below front matter that is never closed is the post's text, not a field to
// remove. Each fix is applied to the file as it is written and the file checked again.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";
import { trailingComment } from "../../lib/front-matter.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { scaffoldPost } from "../../lib/post-scaffold.ts";
import { parseSettings } from "../../lib/settings.ts";
import type { SlotOccurrence } from "../../lib/weekly-slot.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const FILE = "content/posts/2026-12-08-test.md";
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };

const problems = (text: string): Diagnostic[] => loadPost(FILE, text, ctx).diagnostics;
const errors = (text: string): Diagnostic[] => problems(text).filter((d) => d.severity === "error");
const shown = (d: Diagnostic) => formatDiagnostic(d).slice(FILE.length + 1);
const fixOf = (d: Diagnostic) => d.fix ?? "";
/** The text's lines with line `n` (1-based) written as `line`. */
const replaced = (text: string, n: number, line: string) => text.split("\n").map((l, i) => (i + 1 === n ? line : l)).join("\n");
/** The lines a fix shows in backquotes, in order. */
const quotedLines = (fix: string) => [...fix.matchAll(/`([^`]*)`/g)].map((m) => m[1]!);

// What `npm run new -- "Test"` writes for a chat in America/New_York.
const slot = { date: "2026-12-08", start: "2026-12-08T21:00" } as SlotOccurrence;
const scaffold = scaffoldPost({ title: "Test", publishDate: "2026-11-20", slot, zone: "America/New_York" }).text;
const lineOf = (text: string, start: string) => text.split("\n").findIndex((l) => l.startsWith(start)) + 1;

describe("the scaffold of npm run new, a # taken off", () => {
  it("is valid as written", () => {
    assert.deepEqual(problems(scaffold).map(shown), []);
  });

  it("`topics:` with its items still commented out: the items' lines are named and shown without their #, never the note quoted in", () => {
    const text = scaffold.replace("# topics:", "topics:");
    const line = lineOf(text, "topics:");
    const found = errors(text);
    assert.deepEqual(found.map(shown), [
      `${line}:1  topics  \`topics\` is empty: its items below it, on lines ${line + 1}–${line + 2}, are still commented out (they start with #), so YAML leaves them out → remove the # at the start of lines ${line + 1}–${line + 2}, so that they read \`  - First question?\` and \`  - Second question?\``,
    ]);
    assert.doesNotMatch(fixOf(found[0]!), /"# the chat's/);
    // Applied as shown: the lines read so, and the post is valid, the note still a note on `topics:`.
    const [first, second] = quotedLines(fixOf(found[0]!));
    const fixed = replaced(replaced(text, line + 1, first!), line + 2, second!);
    assert.deepEqual(problems(fixed).map(shown), []);
    const post = loadPost(FILE, fixed, ctx).post!;
    assert.deepEqual(post.topics, ["First question?", "Second question?"]);
  });

  it("`references:` with its item still commented out: its four lines, as they read uncommented; applied, no error", () => {
    const text = scaffold.replace("# references:", "references:");
    const line = lineOf(text, "references:");
    const found = errors(text);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.line, line);
    assert.match(found[0]!.message, new RegExp(`its items below it, on lines ${line + 1}–${line + 4}, are still commented out`));
    const shownLines = quotedLines(fixOf(found[0]!));
    assert.deepEqual(shownLines, ["  - id: key2026", "    type: webpage", "    title: Title of the page", "    URL: https://example.org/"]);
    let fixed = text;
    shownLines.forEach((l, i) => (fixed = replaced(fixed, line + 1 + i, l)));
    assert.deepEqual(errors(fixed).map(shown), []);
  });

  it("the items uncommented but `# topics:` not: the field's line is named, with its note kept", () => {
    const text = scaffold.replace("#   - First", "  - First").replace("#   - Second", "  - Second");
    const line = lineOf(text, "# topics:");
    const found = errors(text);
    assert.deepEqual(found.map(shown), [
      `${line}:1  topics  the line \`topics:\` is commented out (it starts with #), but the list below it is not, so YAML finds a list with no field name above → remove the # at the start of the line, so that it reads \`topics:  # the chat's questions (T1, T2, …): remove the # on these lines and write them\``,
    ]);
    assert.deepEqual(problems(replaced(text, line, quotedLines(fixOf(found[0]!))[0]!)).map(shown), []);
  });

  it("a chat time cut short after the hour (`T21:`) before the note: the minutes to write, the note left after the value", () => {
    const line = lineOf(scaffold, "  start:");
    const text = scaffold.replace("T21:00  #", "T21:  #");
    const found = errors(text);
    assert.equal(found.length, 1);
    assert.equal(shown(found[0]!).split(" → ")[0], `${line}:10  chat.start  the time \`2026-12-08T21:\` stops after the hour's colon, and YAML reads a colon at the end of a value as the end of a field's name`);
    const fixedLine = quotedLines(fixOf(found[0]!))[0]!;
    assert.equal(fixedLine, "start: 2026-12-08T21:00  # local time in America/New_York; the zone, length, hashtag and platform come from the site settings");
    assert.deepEqual(problems(replaced(text, line, `  ${fixedLine}`)).map(shown), []);
  });
});

// A short post with one line to change: line 2 title, 3 date, 5 chat.start, 7 the first topic.
const base = ["---", "title: The upcoming chat", "date: 2026-11-20", "chat:", "  start: 2026-12-01T20:30", "topics:", "  - What is next?", "---", "Body.", ""].join("\n");
const NOTE = "  # a note";

describe("a fix that quotes a value leaves a note after it out of the quotes", () => {
  // The line as written (with a note after it) and the line the fix gives, the note kept.
  const cases: Array<[number, string, string]> = [
    [2, "title: Online: communities", 'title: "Online: communities"'],
    [2, "title: 'Tis the season", "title: \"'Tis the season\""],
    [2, "title:2026 in review", "title: 2026 in review"],
    [2, "title: @home", 'title: "@home"'],
    [2, "title: *nurses*", 'title: "*nurses*"'],
    [2, "title: [draft] Hello", 'title: "[draft] Hello"'],
    [2, "title: Night shift #nursing", 'title: "Night shift #nursing"'],
    [2, "title: !important x", 'title: "!important x"'],
    [2, "title: 'Kate's idea'", 'title: "Kate\'s idea"'],
    [2, "title: %done", 'title: "%done"'],
    [2, "title: Coming up:", 'title: "Coming up:"'],
    [2, "title: “Online: communities”", 'title: "Online: communities"'],
    [7, "  - @someone", '- "@someone"'],
    [7, "  - #patients", '- "#patients"'],
  ];
  for (const [n, written, meant] of cases) {
    it(`\`${written}${NOTE}\` → \`${meant}${NOTE}\`; applied, the post is valid`, () => {
      const text = replaced(base, n, written + NOTE);
      const found = errors(text).filter((d) => d.line === n);
      assert.equal(found.length, 1, found.map(shown).join("\n"));
      const fix = fixOf(found[0]!);
      // The note is outside the quotes, after the value.
      assert.ok(fix.includes(`${meant}${NOTE}`), fix);
      assert.doesNotMatch(fix, /# a note["']/);
      const indent = /^\s*/.exec(written)![0];
      const fixed = replaced(text, n, `${indent}${meant}${NOTE}`);
      assert.deepEqual(errors(fixed).map(shown), []);
      // No error left on that line, so no second round of the same fix (a warning, e.g. of `*` shown as typed, is another matter).
      assert.deepEqual(errors(fixed).filter((d) => d.line === n).map(shown), []);
    });
  }

  it("a word processor's colon before a value and a note: the line with a colon, the note kept", () => {
    const text = replaced(base, 3, "date：2026-11-20  # a note");
    const found = errors(text);
    assert.deepEqual(found.map(shown), [
      "3:5  date  the colon after `date` is a full-width colon ：, which looks like a colon but is not the : that YAML reads after a field's name → write the line with an ordinary colon and a space after it: `date: 2026-11-20  # a note`",
    ]);
    assert.deepEqual(errors(replaced(text, 3, "date: 2026-11-20  # a note")).map(shown), []);
  });

  it("a list in brackets never closed before a note: closed before the note, not the note made an item", () => {
    const text = replaced(replaced(replaced(base, 6, "tags: [nursing, night shift  # a note"), 7, ""), 7, "");
    const found = errors(text);
    assert.deepEqual(found.map(shown), [
      "6:30  tags  the list in brackets is not closed before the note `# a note`: in YAML, a # after a space begins a comment, which runs to the end of the line → close the list before the note: `tags: [nursing, night shift]  # a note`",
    ]);
    assert.deepEqual(errors(replaced(text, 6, quotedLines(fixOf(found[0]!))[1]!)).map(shown), []);
  });

  it("a hashtag read as a comment, with a note after it: the hashtag quoted, the note kept", () => {
    const text = replaced(base, 5, "  start: 2026-12-01T20:30\n  hashtag: #hcldr  # ours");
    const found = errors(text);
    assert.deepEqual(found.map(shown), ["6:3  chat.hashtag  `chat.hashtag` is empty: YAML reads everything after # as a comment → put the value in quotes: hashtag: \"#hcldr\"  # ours"]);
    assert.deepEqual(errors(replaced(text, 6, '  hashtag: "#hcldr"  # ours')).map(shown), []);
  });

  it("an empty field with a note after it: the value is to be written before the note, never the note quoted in", () => {
    const text = replaced(base, 3, "date: 2026-11-20\ndescription:  # one sentence for search engines");
    const found = errors(text);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.line, 4);
    assert.match(found[0]!.message, /the text after # is a note, which YAML leaves out of the value/);
    assert.match(fixOf(found[0]!), /^write the value after `description:`, before the #/);
    assert.doesNotMatch(fixOf(found[0]!), /"# one sentence/);
    assert.deepEqual(errors(replaced(text, 4, "description: A chat about handovers.  # one sentence for search engines")).map(shown), []);
  });

  it("trailingComment keeps a hashtag and a # inside quotes in the value", () => {
    assert.deepEqual(trailingComment("Night shift #nursing"), { value: "Night shift #nursing", comment: "" });
    assert.deepEqual(trailingComment('"We are # 1"  # a note'), { value: '"We are # 1"', comment: "  # a note" });
    assert.deepEqual(trailingComment('"We are # 1'), { value: '"We are # 1', comment: "" });
    assert.deepEqual(trailingComment("a # b"), { value: "a", comment: "  # b" });
    assert.deepEqual(trailingComment("'Tis it # b", false), { value: "'Tis it", comment: "  # b" });
  });
});

describe("front matter never closed, the text's first line with a colon in it", () => {
  const fields = ["---", "title: The upcoming chat", "date: 2026-11-20", "chat:", "  start: 2026-12-01T20:30"];

  it("a long sentence with `: `: the text starts there, `---` goes after the last field, and no field is to be removed", () => {
    const text = [...fields, "Patients have been organising online for as long as there has been an internet [@fox2013]: trading advice about side effects.", "", "More of the text.", ""].join("\n");
    assert.deepEqual(errors(text).map(shown), [
      "6:1  the front matter is never closed: this line is where the post's text starts, but no line `---` comes before it to end the fields → add a line `---` after line 5, the last field (`start: 2026-12-01T20:30`)",
    ]);
    const fixed = [...fields, "---", ...text.split("\n").slice(5)].join("\n");
    assert.deepEqual(errors(fixed).map(shown), []);
  });

  it("`Note: we meet…` right below the fields, with no field below it: the text starts there", () => {
    const text = [...fields, "Note: we meet on the second Tuesday this month.", "", "More of the text.", ""].join("\n");
    const found = errors(text);
    assert.deepEqual(found.map(shown), [
      "6:1  the front matter is never closed: this line is where the post's text starts, but no line `---` comes before it to end the fields → add a line `---` after line 5, the last field (`start: 2026-12-01T20:30`)",
    ]);
    assert.ok(!found.some((d) => /unknown field/.test(d.message)));
  });

  it("the same, with a horizontal rule further down taken for the end of the fields", () => {
    const text = [...fields, "Join us on Tuesday, at 8 pm: bring your questions.", "", "---", "", "After the rule.", ""].join("\n");
    const found = errors(text);
    assert.deepEqual(found.map(shown), [
      "6:1  the front matter is not closed: this line is the post's text, but the `---` on line 8 was taken as the end of the front matter, so everything up to it was read as fields → add a line `---` after the last front-matter field (line 5)",
    ]);
  });

  it("a capitalised field among the others is still a field: not taken for the text", () => {
    const text = ["---", "title: The upcoming chat", "Description: A chat about handovers at night.", "date: 2026-11-20", "chat:", "  start: 2026-12-01T20:30", "---", "Body.", ""].join("\n");
    const found = errors(text);
    assert.equal(found.length, 1);
    assert.match(shown(found[0]!), /^3:1  Description  /);
  });
});
