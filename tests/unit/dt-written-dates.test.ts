// Dates written the everyday way outside `chat.start` (`updated: 25/11/2026`, `date: 25 November
// 2026`, `accessed: 5 March 2026`, `issued: March 2021`, `issued: 03/05/2021`): each message says
// what is wrong and gives the exact line, both lines when day and month read either way round,
// and each line, put in place of the writer's as written, checks clean with the date meant
// (lib/written-dates.ts, lib/post-schema.ts, lib/csl-normalise.ts).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatBibliography } from "../../lib/citations.ts";
import { normaliseItem } from "../../lib/csl-normalise.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";
import { readWrittenDate } from "../../lib/written-dates.ts";
import { setLine } from "../helpers/line-fixes.ts";

// "Today" for the readings after it: 26 November 2026 (lib/clock.ts reads it at each use).
process.env.CHATPOST_NOW = "2026-11-26T04:00:00Z";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
// No date in the file's name: a fix's date is then never told against it.
const FILE = "content/posts/written-dates.md";
const load = (text: string) => loadPost(FILE, text, ctx);

/** A post whose `date:` (line 3) and `updated:` (line 4) are as given. */
const postWith = (date: string, updated?: string) => `---\ntitle: Dates\ndate: ${date}\n${updated === undefined ? "" : `updated: ${updated}\n`}---\nBody\n`;

/** The one diagnostic of `text`, which must be an error at `line` about `field`. */
function onlyError(text: string, line: number, field: string) {
  const { diagnostics } = load(text);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const d = diagnostics[0]!;
  assert.deepEqual([d.severity, d.line, d.field], ["error", line, field]);
  return d;
}

/** The lines a fix gives, "write date: 2026-11-25 …, or date: …", in order. */
function postLines(fix: string | undefined, field: string): string[] {
  return [...(fix ?? "").matchAll(new RegExp(`(?:write |or )(${field}: [0-9T:-]+)(?=$|[ ,])`, "g"))].map((m) => m[1]!);
}

describe("a post's date: written the everyday way", () => {
  for (const [written, message, fix, day] of [
    ["25 November 2026", '"25 November 2026" is not written as YYYY-MM-DD (year, month, then day, in digits)', "write date: 2026-11-25", "2026-11-25"],
    ["25/11/2026", '"25/11/2026" is not written as YYYY-MM-DD (year, month, then day, in digits)', "write date: 2026-11-25 (25 November 2026)", "2026-11-25"],
    ["Nov 25, 2026", '"Nov 25, 2026" is not written as YYYY-MM-DD (year, month, then day, in digits)', "write date: 2026-11-25", "2026-11-25"],
    ["the 1st of March, 2027", '"the 1st of March, 2027" is not written as YYYY-MM-DD (year, month, then day, in digits)', "write date: 2027-03-01", "2027-03-01"],
    ["25 de noviembre de 2026", '"25 de noviembre de 2026" is not written as YYYY-MM-DD (year, month, then day, in digits)', "write date: 2026-11-25", "2026-11-25"],
    [
      "25/11/2026 10am",
      "\"25/11/2026 10am\" gives a time of day (10am), but a post is published by the day, not by the hour: from the start of its date where the chat is hosted (the settings' chat.zone)",
      "write date: 2026-11-25 (25 November 2026)",
      "2026-11-25",
    ],
  ] as const) {
    it(`${JSON.stringify(written)}: the line with the same day, which checks clean`, () => {
      const d = onlyError(postWith(written), 3, "date");
      assert.equal(d.message, message);
      assert.equal(d.fix, fix);
      const [line] = postLines(d.fix, "date");
      const fixed = load(setLine(postWith(written), 3, line!));
      assert.deepEqual(fixed.diagnostics, []);
      assert.equal(fixed.post?.date, day);
    });
  }

  it("03/05/2026: both readings, each with its line, even one ahead (a post may be scheduled)", () => {
    const d = onlyError(postWith("03/05/2027"), 3, "date");
    assert.equal(d.message, '"03/05/2027" is not written as YYYY-MM-DD (year, month, then day, in digits), and its day and month could be either way round: 5 March 2027 or 3 May 2027');
    assert.equal(d.fix, "write date: 2027-03-05 for 5 March 2027, or date: 2027-05-03 for 3 May 2027");
    const lines = postLines(d.fix, "date");
    assert.deepEqual(lines, ["date: 2027-03-05", "date: 2027-05-03"]);
    for (const [i, line] of lines.entries()) {
      const fixed = load(setLine(postWith("03/05/2027"), 3, line));
      assert.deepEqual(fixed.diagnostics, []);
      assert.equal(fixed.post?.date, ["2027-03-05", "2027-05-03"][i]);
    }
  });

  it("a month's name that is another month in another language is not read: the message stays as before, with no wrong day", () => {
    // listopada: November in Polish, October in Croatian.
    const d = onlyError(postWith("25 listopada 2026"), 3, "date");
    assert.equal(d.message, '"25 listopada 2026" is not a date on the calendar');
    assert.match(d.fix ?? "", /^write an existing date as YYYY-MM-DD/);
  });

  it("a month without its day, and a day without its year, are named, with the part missing left to write", () => {
    const month = onlyError(postWith("March 2027"), 3, "date");
    assert.equal(month.message, '"March 2027" gives the month (March 2027) but not the day');
    assert.equal(month.fix, "write the full date, as YYYY-MM-DD: date: 2027-03-DD, with DD the day of the month");
    const year = onlyError(postWith("25 November"), 3, "date");
    assert.equal(year.message, '"25 November" has no year');
    assert.equal(year.fix, "write the date with its year, as YYYY-MM-DD: date: YYYY-11-25");
  });
});

describe("a post's updated: written the everyday way", () => {
  const date = "2026-01-10";
  for (const [written, fix, day] of [
    ["25/11/2026", "write updated: 2026-11-25 (25 November 2026)", "2026-11-25"],
    ["Nov 25, 2026", "write updated: 2026-11-25", "2026-11-25"],
    ["Sept. 5th, 2026", "write updated: 2026-09-05", "2026-09-05"],
    ["25.11.2026", "write updated: 2026-11-25 (25 November 2026)", "2026-11-25"],
  ] as const) {
    it(`${JSON.stringify(written)}: the line, which checks clean, not after the publish date`, () => {
      const d = onlyError(postWith(date, written), 4, "updated");
      assert.equal(d.message, `"${written}" is not written as YYYY-MM-DD (year, month, then day, in digits)`);
      assert.equal(d.fix, fix);
      const fixed = load(setLine(postWith(date, written), 4, postLines(d.fix, "updated")[0]!));
      assert.deepEqual(fixed.diagnostics, []);
      assert.equal(fixed.post?.updated, day);
    });
  }

  it("03/11/2026: both readings when both are past, each checking clean", () => {
    const d = onlyError(postWith(date, "03/11/2026"), 4, "updated");
    assert.match(d.message, /its day and month could be either way round: 11 March 2026 or 3 November 2026$/);
    assert.equal(d.fix, "write updated: 2026-03-11 for 11 March 2026, or updated: 2026-11-03 for 3 November 2026");
    for (const line of postLines(d.fix, "updated")) {
      const fixed = load(setLine(postWith(date, "03/11/2026"), 4, line));
      assert.deepEqual(fixed.diagnostics, [], line);
      assert.equal(fixed.post?.updated, line.slice(9));
    }
  });

  it("03/12/2026: the reading after today (3 December) is left out, and said why", () => {
    const d = onlyError(postWith(date, "03/12/2026"), 4, "updated");
    assert.equal(d.message, '"03/12/2026" is not written as YYYY-MM-DD (year, month, then day, in digits)');
    assert.equal(d.fix, "write updated: 2026-03-12 (12 March 2026; read the other way round, it would be 3 December 2026, which is after today)");
    assert.deepEqual(load(setLine(postWith(date, "03/12/2026"), 4, "updated: 2026-03-12")).diagnostics, []);
  });

  it("a time after the date is kept, on the 24-hour clock, as the line gives it", () => {
    const d = onlyError(postWith(date, "Nov 25, 2026 2:30pm"), 4, "updated");
    assert.equal(d.message, '"Nov 25, 2026 2:30pm" is not written as YYYY-MM-DDTHH:MM (the day, T, then the clock time where the chat is hosted, on a 24-hour clock)');
    assert.equal(d.fix, "write updated: 2026-11-25T14:30, or updated: 2026-11-25 for the day alone");
    const fixed = load(setLine(postWith(date, "Nov 25, 2026 2:30pm"), 4, postLines(d.fix, "updated")[0]!));
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(fixed.post?.updatedAt?.slice(0, 16), "2026-11-25T14:30");
  });

  it("a weekday that is not the date's is pointed out", () => {
    const d = onlyError(postWith(date, "Tuesday, 25 November 2026"), 4, "updated");
    assert.equal(d.fix, "write updated: 2026-11-25 (check the date: 25 November 2026 is a Wednesday, not a Tuesday)");
  });

  it("what is no date at all keeps its message", () => {
    const d = onlyError(postWith(date, "someday"), 4, "updated");
    assert.match(d.message, /^"someday" is not a date on the calendar$/);
  });
});

/** A post with one reference whose date lines (from line 9) are these. */
const withReference = (...lines: string[]) =>
  ["---", "title: T", "date: 2026-11-20", "references:", "  - id: smith2016", "    type: article-journal", "    title: Social media use in healthcare", "    author: Smith, Kate", ...lines, "---", "We cite [@smith2016].", ""].join("\n");

/** The lines in backticks a reference's fix gives, in order. */
const referenceLines = (fix: string | undefined) => [...(fix ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

describe("a reference's dates written the everyday way", () => {
  for (const [line, message, fix, field, parts] of [
    ["    accessed: 5 March 2026", '"5 March 2026" is not written as YYYY-MM-DD (year, month, then day, in digits)', "write `accessed: 2026-03-05`", "accessed", [2026, 3, 5]],
    ["    issued: March 2021", '"March 2021" is not written as YYYY-MM (year, then month, in digits)', "write `issued: 2021-03`", "issued", [2021, 3]],
    ["    issued: 03/2021", '"03/2021" is not written as YYYY-MM (year, then month, in digits)', "write `issued: 2021-03`", "issued", [2021, 3]],
    ["    issued: (2021)", '"(2021)" is not written as YYYY (the year alone, in digits)', "write `issued: 2021`", "issued", [2021]],
    ["    issued: 26/08/2016", '"26/08/2016" is not written as YYYY-MM-DD (year, month, then day, in digits)', "write `issued: 2016-08-26` (26 August 2016)", "issued", [2016, 8, 26]],
    [
      "    accessed: 5 March 2026 10:30",
      '"5 March 2026 10:30" gives a time of day (10:30), but a reference gives the date alone (the style prints no time)',
      "write `accessed: 2026-03-05`",
      "accessed",
      [2026, 3, 5],
    ],
    ["    accessed: 03/12/2026", '"03/12/2026" is not written as YYYY-MM-DD (year, month, then day, in digits)', "write `accessed: 2026-03-12` (12 March 2026; read the other way round, it would be 3 December 2026, which is after today)", "accessed", [2026, 3, 12]],
  ] as const) {
    it(`${JSON.stringify(line.trim())}: the line, which checks clean with the date meant`, () => {
      const text = withReference(line);
      const d = onlyError(text, 9, `references[0].${field}`);
      assert.equal(d.message, `reference "smith2016": ${message}`);
      assert.equal(d.fix, fix);
      const fixed = load(setLine(text, 9, `    ${referenceLines(d.fix)[0]}`));
      assert.deepEqual(fixed.diagnostics, []);
      assert.deepEqual((fixed.post?.references[0] as unknown as Record<string, unknown>)[field], { "date-parts": [[...parts]] });
    });
  }

  it("issued: 03/05/2021: both readings, each line checking clean with its date", () => {
    const text = withReference("    issued: 03/05/2021");
    const d = onlyError(text, 9, "references[0].issued");
    assert.equal(d.message, 'reference "smith2016": "03/05/2021" is not written as YYYY-MM-DD (year, month, then day, in digits), and its day and month could be either way round: 5 March 2021 or 3 May 2021');
    assert.equal(d.fix, "write `issued: 2021-03-05` for 5 March 2021, or `issued: 2021-05-03` for 3 May 2021");
    const lines = referenceLines(d.fix);
    assert.deepEqual(lines, ["issued: 2021-03-05", "issued: 2021-05-03"]);
    for (const [i, line] of lines.entries()) {
      const fixed = load(setLine(text, 9, `    ${line}`));
      assert.deepEqual(fixed.diagnostics, []);
      assert.deepEqual(fixed.post?.references[0]!.issued, { "date-parts": [[2021, [3, 5][i]!, [5, 3][i]!]] });
    }
  });

  it("issued: 2021-03, the line given for March 2021, prints as the year and month (APA gives a magazine's month)", () => {
    const fixed = load(withReference("    issued: 2021-03").replace("type: article-journal", "type: article-magazine"));
    assert.deepEqual(fixed.diagnostics, []);
    const printed = formatBibliography([fixed.post!.references[0]!], { style: "apa", locale: "en-US" }).map((e) => e.html.replace(/<[^>]+>/g, "").trim());
    assert.deepEqual(printed, ["Smith, K. (2021, March). Social media use in healthcare."]);
  });

  it("a CSL JSON reference gets the line as JSON, and a field named another way the CSL one", () => {
    const json = normaliseItem({ id: "a", type: "book", title: "T", accessed: "5 March 2026" }, { syntax: "json" });
    assert.deepEqual(json.problems.map((p) => p.fix), ['write `"accessed": "2026-03-05"`']);
    const alias = normaliseItem({ id: "a", type: "book", title: "T", date: "26 August 2016" });
    assert.deepEqual(alias.problems.map((p) => p.fix), ["write `issued: 2016-08-26` in place of `date: 26 August 2016`"]);
  });

  it("what is no date keeps its message", () => {
    const d = onlyError(withReference("    issued: someday"), 9, "references[0].issued");
    assert.equal(d.message, 'reference "smith2016": "someday" is not a date');
  });
});

describe("readWrittenDate", () => {
  it("reads month names, abbreviations and ordinals, day and month either way round, and no name that means two months", () => {
    const read = (text: string) => readWrittenDate(text)?.readings.map((r) => [r.year, r.month, r.day].filter((n) => n !== undefined).join("-"));
    assert.deepEqual(read("Sept. 5, 2021"), ["2021-9-5"]);
    assert.deepEqual(read("25th of November, 2026"), ["2026-11-25"]);
    assert.deepEqual(read("Wed 25 Nov 2026"), ["2026-11-25"]);
    assert.deepEqual(read("1er mars 2021"), ["2021-3-1"]);
    assert.deepEqual(read("25. November 2026"), ["2026-11-25"]);
    assert.deepEqual(read("2026年11月25日"), ["2026-11-25"]);
    assert.deepEqual(read("03/05/2021"), ["2021-3-5", "2021-5-3"]);
    assert.deepEqual(read("05/05/2021"), ["2021-5-5"]);
    assert.deepEqual(read("25/11/2026"), ["2026-11-25"]);
    assert.deepEqual(read("2021/03"), ["2021-3"]);
    assert.deepEqual(read("31/02/2021"), undefined);
    assert.deepEqual(read("25 listopad 2026"), undefined);
    assert.deepEqual(read("5 2026 March"), undefined);
  });
});
