// Dates that are valid one by one but do not fit together: a chat before its announcement,
// a chat a year ahead, a file name dated away from both. Warnings at the field to check,
// through the loader as `npm run check` shows them, and none for posts that are fine.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { dateSlips, fileNameDate } from "../../lib/post-dates.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };

/** The messages of a post with these `date:` and chat start (none when `start` is undefined). */
function messages(file: string, date: string, start?: string): string[] {
  const chat = start ? `chat:\n  start: ${start}\n  zone: America/New_York\n` : "";
  return loadPost(file, `---\ntitle: T\ndate: ${date}\n${chat}---\nBody.\n`, ctx).diagnostics.map(formatDiagnostic);
}

describe("fileNameDate", () => {
  it("reads the date a post's file name starts with, in any folder", () => {
    assert.equal(fileNameDate("content/posts/2017-04-30-online-communities.md"), "2017-04-30");
    assert.equal(fileNameDate("content/posts/2017/2017-04-30-online-communities.md"), "2017-04-30");
  });
  it("has none for a name without a date, or with one not on the calendar", () => {
    assert.equal(fileNameDate("content/posts/online-communities.md"), undefined);
    assert.equal(fileNameDate("content/posts/2017-02-30-leap.md"), undefined);
    assert.equal(fileNameDate("content/posts/2017-04-30.md"), undefined);
    assert.equal(fileNameDate("content/posts/2017/04-30-x.md"), undefined);
    // Month 24 once threw a RangeError out of the check: a stack trace instead of a message.
    for (const name of ["2026-24-11-x.md", "2026-13-01-x.md", "2026-00-10-x.md", "2026-11-32-x.md"]) assert.equal(fileNameDate(`content/posts/${name}`), undefined, name);
  });
});

describe("a file name's date not on the calendar", () => {
  it("is a warning at date, with the name to rename to, whatever the month or day", () => {
    assert.deepEqual(messages("content/posts/2026-24-11-swapped.md", "2026-11-24", "2026-11-24T20:30"), [
      "content/posts/2026-24-11-swapped.md:3:1  date  warning: the file name's date (2026-24-11) is not a day on the calendar (it is read as YYYY-MM-DD: year, month, then day) → rename the file to content/posts/2026-11-24-swapped.md, with the publish date (its web address stays the same)",
    ]);
    assert.equal(messages("content/posts/2026-02-30-leap.md", "2026-02-27").length, 1);
    assert.equal(messages("content/posts/swapped.md", "2026-02-27").length, 0);
  });
});

describe("a post's dates that do not fit together", () => {
  it("warns at chat.start when the chat is before the publish date: a post copied from last week", () => {
    assert.deepEqual(messages("content/posts/2026-11-24-late.md", "2026-11-24", "2026-11-17T20:30"), [
      "content/posts/2026-11-24-late.md:5:3  chat.start  warning: the chat (2026-11-17) is before the post's publish date (2026-11-24): readers would find the announcement only after the chat (the file name says 2026-11-24) → correct the date in `chat.start`, or the publish date `date:` (on or before 2026-11-17); check the year too",
    ]);
  });

  it("compares the chat's date where it is hosted, not in UTC", () => {
    // 20:30 in New York on 24 November is 01:30 UTC on the 25th: same day as the post, no warning.
    assert.deepEqual(messages("content/posts/2026-11-24-x.md", "2026-11-24", "2026-11-24T20:30"), []);
    // 23:30 on the 23rd in New York is the 24th in UTC, but the chat is on the 23rd where it is hosted.
    assert.match(messages("content/posts/2026-11-24-x.md", "2026-11-24", "2026-11-23T23:30")[0]!, /the chat \(2026-11-23\) is before/);
  });

  it("warns when the chat is more than 300 days after the publish date: a year typed wrong", () => {
    assert.deepEqual(messages("content/posts/2026-12-08-far.md", "2026-12-08", "2027-12-15T20:30"), [
      "content/posts/2026-12-08-far.md:5:3  chat.start  warning: the chat (2027-12-15) is 372 days after the post's publish date (2026-12-08) (the file name says 2026-12-08) → check the year of `chat.start` and of `date:`; if the chat really is that far ahead, this warning can stay",
    ]);
    // January: the old year in `date:` of a post whose chat is written right.
    assert.match(messages("content/posts/2026-01-06-x.md", "2025-01-03", "2026-01-06T20:30")[0]!, /the chat \(2026-01-06\) is 368 days after the post's publish date \(2025-01-03\)/);
    assert.deepEqual(messages("content/posts/2026-01-06-x.md", "2026-01-03", "2026-10-30T20:30"), []);
  });

  it("warns at date when the file name's date is neither the publish date nor the chat's, nor between", () => {
    // The old year in both fields; only the file name has the new one.
    assert.deepEqual(messages("content/posts/2026-01-06-new-year.md", "2025-01-03", "2025-01-06T20:30"), [
      "content/posts/2026-01-06-new-year.md:3:1  date  warning: the file name's date (2026-01-06) is neither the publish date (2025-01-03) nor the chat's date (2025-01-06), nor between them → if `date:` or `chat.start` is wrong, correct it; if the file name is, rename the file to content/posts/2025-01-03-new-year.md (its web address stays the same)",
    ]);
    assert.deepEqual(messages("content/posts/2017/2017-05-09-no-chat.md", "2017-04-30"), [
      "content/posts/2017/2017-05-09-no-chat.md:3:1  date  warning: the file name's date (2017-05-09) is not the publish date (2017-04-30) → if `date:` is wrong, correct it; if the file name is, rename the file to content/posts/2017/2017-04-30-no-chat.md (its web address stays the same)",
    ]);
  });

  it("accepts a file named by the publish date, by the chat's date or between, and a name without a date", () => {
    for (const name of ["2017-04-30", "2017-05-01", "2017-05-02"]) {
      assert.deepEqual(messages(`content/posts/${name}-online-communities.md`, "2017-04-30", "2017-05-02T20:30"), [], name);
    }
    assert.deepEqual(messages("content/posts/online-communities.md", "2017-04-30", "2017-05-02T20:30"), []);
    assert.deepEqual(messages("content/posts/2017-04-30-no-chat.md", "2017-04-30"), []);
  });

  it("says nothing of dates when the chat's start itself is wrong: that error comes first", () => {
    const out = messages("content/posts/2026-01-06-x.md", "2025-01-03", "2026-13-06T20:30");
    assert.equal(out.length, 1);
    assert.doesNotMatch(out[0]!, /warning/);
  });

  it("gives at most one warning per post, the chat's before the file name's", () => {
    assert.equal(dateSlips({ file: "content/posts/2030-01-01-x.md", date: "2026-11-24", chatDate: "2026-11-17" }).length, 1);
    assert.equal(dateSlips({ file: "content/posts/2030-01-01-x.md", date: "2026-11-24", chatDate: "2026-11-17" })[0]!.field, "chat.start");
  });
});
