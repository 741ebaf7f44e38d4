// A day with a time written other ways, `updated:` with seconds, a zone or a lower-case t, and a
// post's `language:`/`lang:` slips: each message names what is wrong, and each fix, applied as
// the writer would, checks clean (lib/post-schema.ts, lib/schema-messages.ts).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadPost } from "../../lib/post-loader.ts";
import { loadSiteSettings } from "../../lib/settings.ts";
import { FIXTURE_SITE } from "../helpers/build-site.ts";
import { setLine } from "../helpers/line-fixes.ts";
import { loadLines, post, shown } from "../helpers/slip-post.ts";

const { settings } = loadSiteSettings(FIXTURE_SITE);
const FILE = "content/posts/2027-06-01-timed.md";
const load = (source: string) => loadPost(FILE, source, { settings, root: FIXTURE_SITE, fileExists: () => false });
const withDate = (date: string) => `---\ntitle: Timed\ndate: ${date}\n---\nBody\n`;
const withUpdated = (updated: string) => `---\ntitle: Timed\ndate: 2027-06-01\nupdated: ${updated}\n---\nBody\n`;
/** The line a fix ending "write <field>: <value>…" gives. */
const lineOf = (fix: string | undefined, field: string) => new RegExp(`write (${field}: \\S+?)(?:,|$| )`).exec(fix ?? "")?.[1];

describe("date: a day with a time in other forms", () => {
  for (const [written, time] of [["2027-06-01 10am", "10am"], ["2027-06-01T10", "T10"], ["2027-06-01 noon", "noon"], ["2027-06-01  10:00", "10:00"], ["2027-06-01, 10am", "10am"], ["2027-06-01 at 10", "at 10"]] as const) {
    it(`${JSON.stringify(written)}: the day and the time are named, posts go out by the day, date: 2027-06-01 is the fix`, () => {
      const { diagnostics } = load(withDate(written));
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      const [d] = diagnostics;
      assert.deepEqual([d!.severity, d!.line, d!.field], ["error", 3, "date"]);
      assert.equal(d!.message, `"${written}" gives the day 2027-06-01 and a time of day ("${time}"), but a post is published by the day, not by the hour: from the start of its date where the chat is hosted (the settings' chat.zone)`);
      assert.equal(d!.fix, "write date: 2027-06-01");
      const fixed = load(setLine(withDate(written), 3, "date: 2027-06-01"));
      assert.deepEqual(fixed.diagnostics, []);
    });
  }

  it("a stray letter after the day (2027-06-01T, 2027-06-01Z) is named, with the day as the fix", () => {
    for (const written of ["2027-06-01T", "2027-06-01Z"]) {
      const [d] = load(withDate(written)).diagnostics;
      assert.match(d!.message, new RegExp(`gives the day 2027-06-01 followed by "${written.slice(-1)}", but a post is published by the day`));
      assert.equal(d!.fix, "write date: 2027-06-01");
    }
  });

  it("a day without its zeros (2027-6-1) gets the date with them", () => {
    const [d] = load(withDate("2027-6-1")).diagnostics;
    assert.match(d!.message, /without the zeros a date needs/);
    assert.equal(d!.fix, "write date: 2027-06-01");
    assert.deepEqual(load(withDate("2027-06-01")).diagnostics, []);
  });

  it("a day that is not on the calendar is still told so", () => {
    for (const written of ["2027-02-29 10am", "2027-06-31"]) {
      const [d] = load(withDate(written)).diagnostics;
      assert.equal(d!.message, `"${written}" is not a date on the calendar`);
    }
  });
});

describe("updated: written as the README says, or told with the line to write", () => {
  it("a lower-case t is read as the T it stands for", () => {
    const { post: read, diagnostics } = load(withUpdated("2027-06-01t10:00"));
    assert.deepEqual(diagnostics, []);
    assert.equal(read?.updatedAt?.slice(0, 16), "2027-06-01T10:00");
  });

  for (const [written, what, line] of [
    ["2027-06-01T10:00+05:30", /with a zone or offset \("\+05:30"\)/, "updated: 2027-06-01T10:00"],
    ["2027-06-01T10:00:00-0400", /with seconds \(":00"\) and a zone or offset \("-0400"\)/, "updated: 2027-06-01T10:00"],
    ["2027-06-01 10:00:00.000", /with seconds \(":00\.000"\)/, "updated: 2027-06-01T10:00"],
    ["2027-06-01 10am", /gives the time as "10am".*24-hour clock/, "updated: 2027-06-01T10:00"],
    ["2027-06-01 noon", /gives the time as "noon"/, "updated: 2027-06-01T12:00"],
    ["2027-06-01T10", /gives the time as "T10"/, "updated: 2027-06-01T10:00"],
    ["2027-06-01Z", /the day 2027-06-01 followed by "Z", which is not a time chatpost reads/, "updated: 2027-06-01"],
  ] as const) {
    it(`${JSON.stringify(written)}: says what is wrong with the time, and the line to write checks clean`, () => {
      const { diagnostics } = load(withUpdated(written));
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      const [d] = diagnostics;
      assert.deepEqual([d!.severity, d!.line, d!.field], ["error", 4, "updated"]);
      assert.doesNotMatch(d!.message, /not a date on the calendar/);
      assert.match(d!.message, what);
      if (/offset/.test(d!.message)) assert.match(d!.fix ?? "", /if 10:00 is the time where the chat is hosted/);
      assert.equal(lineOf(d!.fix, "updated"), line);
      assert.deepEqual(load(setLine(withUpdated(written), 4, line)).diagnostics, []);
    });
  }
});

describe("a post's language: fixes a post can take", () => {
  it("a value that names no language: the fix asks for the tag, not a work's code or English name", () => {
    for (const value of ["x-klingon", "Castellano", "e"]) {
      const [d] = loadLines(post({}, [`language: ${value}`])).diagnostics;
      assert.equal(d!.field, "language");
      assert.doesNotMatch(d!.fix ?? "", /English name|a work/, value);
      assert.match(d!.fix ?? "", /write the language's tag \(es Spanish, .*\), e\.g\. language: de for a post in German; or remove the line if the post is in the site's language/);
      assert.deepEqual(loadLines(post({}, ["language: de"])).diagnostics, []);
    }
  });

  it("two languages (es, fr) are told as one language per post, with the first as the example", () => {
    for (const value of ["es, fr", "es fr"]) {
      const [d] = loadLines(post({}, [`language: ${value}`])).diagnostics;
      assert.match(d!.message + d!.fix, /a post is written in one language/);
      assert.match(d!.fix ?? "", /e\.g\. language: es/);
    }
  });
});

describe("lang: moved to language:", () => {
  const fixLine = (fix: string | undefined) => /^write `(language: [^`]+)` in place of this line$/.exec(fix ?? "")?.[1];
  for (const [written, line] of [["jp", "language: ja"], ["es", "language: es"], ["Spanish", "language: es"], ["Germn", "language: de"]] as const) {
    it(`lang: ${written} → ${line}, which checks clean`, () => {
      const lines = post({}, [`lang: ${written}`]);
      const [d] = loadLines(lines).diagnostics;
      assert.equal(d!.field, "lang");
      assert.equal(fixLine(d!.fix), line);
      const fixed = [...lines];
      fixed[d!.line! - 1] = line;
      assert.deepEqual(loadLines(fixed).diagnostics.map(shown), []);
    });
  }

  it("lang: naming no language: no line that is itself an error, but the tag to write", () => {
    const [d] = loadLines(post({}, ["lang: x-klingon"])).diagnostics;
    assert.match(d!.message, /"x-klingon" names no language chatpost knows/);
    assert.equal(fixLine(d!.fix), undefined);
    assert.match(d!.fix ?? "", /e\.g\. `language: de` for German/);
  });

  it("below (or above) a language: line, the fix removes the lang: line, which checks clean", () => {
    for (const extra of [["language: es", "lang: es"], ["lang: es", "language: es"]]) {
      const lines = post({}, extra);
      const ds = loadLines(lines).diagnostics;
      assert.equal(ds.length, 1, ds.map(shown).join("\n"));
      const languageLine = lines.indexOf("language: es") + 1;
      assert.equal(ds[0]!.message, `unknown field \`lang\`: chatpost calls the language \`language:\`, as the site's settings and references do, and \`language:\` on line ${languageLine} already names it`);
      assert.equal(ds[0]!.fix, "remove this line");
      const fixed = lines.filter((_, i) => i !== ds[0]!.line! - 1);
      assert.deepEqual(loadLines(fixed).diagnostics.map(shown), []);
    }
  });

  it("a lang: naming another language than language: says which line to change if it is right", () => {
    const lines = post({}, ["language: es", "lang: jp"]);
    const [d] = loadLines(lines).diagnostics;
    assert.equal(d!.fix, "remove this line; if the text is in Japanese, make line 8 read `language: ja`");
  });
});
