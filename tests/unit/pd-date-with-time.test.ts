// `date:` with a time of day: a post is published by the day, not the hour, so the check
// says that and gives the line with the date alone (lib/post-schema.ts calendarDate).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadPost } from "../../lib/post-loader.ts";
import { loadSiteSettings } from "../../lib/settings.ts";
import { FIXTURE_SITE } from "../helpers/build-site.ts";
import { setLine } from "../helpers/line-fixes.ts";

const { settings } = loadSiteSettings(FIXTURE_SITE);
const FILE = "content/posts/2027-06-01-timed.md";
const text = (date: string) => `---\ntitle: Timed\ndate: ${date}\n---\nBody\n`;
const load = (source: string) => loadPost(FILE, source, { settings, root: FIXTURE_SITE, fileExists: () => false });

describe("date: with a time of day", () => {
  for (const written of ["2027-06-01T10:00", "2027-06-01 10:00", "2027-06-01T10:00:00Z", "2027-06-01T10:00-04:00", "2027-06-01T25:00"]) {
    it(`${written}: one error at the date's line, saying posts go out by day, with date: 2027-06-01 as the fix`, () => {
      const { post, diagnostics } = load(text(written));
      assert.equal(post, undefined);
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      const [d] = diagnostics;
      assert.deepEqual([d!.severity, d!.file, d!.line, d!.field], ["error", FILE, 3, "date"]);
      assert.equal(d!.message, `"${written}" gives a time of day, but a post is published by the day, not by the hour: from the start of its date where the chat is hosted (the settings' chat.zone)`);
      assert.equal(d!.fix, "write date: 2027-06-01");
      // The fix as the writer applies it: the file then loads.
      const fixed = load(setLine(text(written), d!.line!, d!.fix!.replace(/^write /, "")));
      assert.deepEqual(fixed.diagnostics, []);
      assert.equal(fixed.post?.date, "2027-06-01");
    });
  }

  it("a day that is not on the calendar is still told so, time or not", () => {
    for (const written of ["2027-06-31", "2027-06-31T10:00"]) {
      const [d] = load(text(written)).diagnostics;
      assert.equal(d!.message, `"${written}" is not a date on the calendar`, written);
      assert.match(d!.fix ?? "", /^write an existing date as YYYY-MM-DD/);
    }
  });

  it("a date written in words is read, with the line to write (lib/written-dates.ts)", () => {
    const [d] = load(text("June 1, 2027")).diagnostics;
    assert.equal(d!.message, '"June 1, 2027" is not written as YYYY-MM-DD (year, month, then day, in digits)');
    assert.equal(d!.fix, "write date: 2027-06-01");
  });

  it("a plain date is taken as it is", () => {
    assert.equal(load(text("2027-06-01")).post?.date, "2027-06-01");
  });
});
