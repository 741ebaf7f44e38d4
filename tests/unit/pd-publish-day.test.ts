// A post dated D is published from the start of D where the site's chats are hosted
// (settings chat.zone), not of D in UTC: one rule (lib/publishing.ts) for the build, the
// build record's clock span, the check's warnings and `npm run new`.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { isUpToDate, outputStamp, stableSpan, type BuildRecord } from "../../lib/build-record.ts";
import { today } from "../../lib/clock.ts";
import { isPublished, isScheduled, publishDay, publishStart } from "../../lib/publishing.ts";

const at = (iso: string) => new Date(iso);
const post = { date: "2027-06-01", draft: false };

describe("publishDay: today where the chats are hosted", () => {
  it("America/Los_Angeles (UTC−7 in June): still May 31 at 23:59 there, though June 1 in UTC", () => {
    assert.equal(publishDay(at("2027-06-01T06:59:00Z"), "America/Los_Angeles"), "2027-05-31");
    assert.equal(publishDay(at("2027-06-01T07:00:00Z"), "America/Los_Angeles"), "2027-06-01");
  });

  it("Pacific/Auckland (UTC+12 in June): already June 1 at 00:00 there, though May 31 in UTC", () => {
    assert.equal(publishDay(at("2027-05-31T11:59:59Z"), "Pacific/Auckland"), "2027-05-31");
    assert.equal(publishDay(at("2027-05-31T12:00:00Z"), "Pacific/Auckland"), "2027-06-01");
  });

  it("follows summer time: midnight in Los Angeles is 08:00 UTC in winter, 07:00 in summer", () => {
    assert.equal(publishDay(at("2027-01-15T07:59:59Z"), "America/Los_Angeles"), "2027-01-14");
    assert.equal(publishDay(at("2027-01-15T08:00:00Z"), "America/Los_Angeles"), "2027-01-15");
  });

  it("lib/clock.ts today(zone) reads CHATPOST_NOW through the same rule", () => {
    const saved = process.env.CHATPOST_NOW;
    try {
      process.env.CHATPOST_NOW = "2027-05-31T21:00:00-04:00"; // 21:00 in New York, 01:00 UTC on June 1
      assert.equal(today("America/New_York"), "2027-05-31");
      assert.equal(today("UTC"), "2027-06-01");
      assert.equal(today("Pacific/Auckland"), "2027-06-01");
    } finally {
      if (saved === undefined) delete process.env.CHATPOST_NOW;
      else process.env.CHATPOST_NOW = saved;
    }
  });
});

describe("isPublished and isScheduled around midnight", () => {
  const cases: [string, string, string][] = [
    // zone, one second before midnight there, midnight there
    ["America/Los_Angeles", "2027-06-01T06:59:59Z", "2027-06-01T07:00:00Z"],
    ["Pacific/Auckland", "2027-05-31T11:59:59Z", "2027-05-31T12:00:00Z"],
    ["America/New_York", "2027-06-01T03:59:59Z", "2027-06-01T04:00:00Z"],
  ];
  for (const [zone, before, midnight] of cases) {
    it(`${zone}: not published at 23:59:59 the day before, published at 00:00`, () => {
      assert.equal(isPublished(post, at(before), "build", zone), false);
      assert.equal(isScheduled(post, at(before), zone), true);
      assert.equal(isPublished(post, at(midnight), "build", zone), true);
      assert.equal(isScheduled(post, at(midnight), zone), false);
      assert.equal(publishStart(post.date, zone), Date.parse(midnight));
    });
  }

  it("a manual build at 21:00 in New York on May 31 does not publish the post of June 1", () => {
    assert.equal(isPublished(post, at("2027-05-31T21:00:00-04:00"), "build", "America/New_York"), false);
  });

  it("a draft is never published by a build, whatever the day; the preview shows everything", () => {
    assert.equal(isPublished({ ...post, draft: true }, at("2030-01-01T00:00:00Z"), "build", "UTC"), false);
    assert.equal(isPublished({ ...post, draft: true }, at("2020-01-01T00:00:00Z"), "preview", "UTC"), true);
    assert.equal(isPublished(post, at("2020-01-01T00:00:00Z"), "preview", "UTC"), true);
  });
});

describe("publishStart: the first instant the date has come", () => {
  /** publishStart is exactly the instant from which publishDay has reached the date. */
  const assertBoundary = (date: string, zone: string) => {
    const start = publishStart(date, zone);
    assert.ok(publishDay(new Date(start), zone) >= date, `${zone} ${date}: reached at ${new Date(start).toISOString()}`);
    assert.ok(publishDay(new Date(start - 1), zone) < date, `${zone} ${date}: not reached a millisecond before`);
    return start;
  };

  it("agrees with publishDay in zones west and east of UTC, across a year and its clock changes", () => {
    const zones = ["UTC", "America/Los_Angeles", "America/New_York", "America/St_Johns", "Europe/London", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham", "Pacific/Kiritimati", "Pacific/Pago_Pago"];
    for (const zone of zones) {
      for (let day = Date.UTC(2027, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000 * 5) {
        assertBoundary(new Date(day).toISOString().slice(0, 10), zone);
      }
    }
  });

  it("where summer time begins at midnight, the day begins at 01:00 (America/Santiago, 2027-09-05)", () => {
    const start = assertBoundary("2027-09-05", "America/Santiago");
    // 00:00 does not exist there that night: the clocks go from 23:59:59 (UTC−4) to 01:00 (UTC−3).
    assert.equal(new Date(start).toISOString(), "2027-09-05T04:00:00.000Z");
  });

  it("where summer time ends at midnight (the clocks go back to 23:00), a published post stays published", () => {
    // America/Santiago, 2027-04-04: 24:00 (UTC−3) becomes 23:00 on April 3 (UTC−4).
    const start = assertBoundary("2027-04-04", "America/Santiago");
    for (let t = start; t < start + 3 * 3_600_000; t += 60_000) {
      assert.equal(isPublished({ date: "2027-04-04", draft: false }, new Date(t), "build", "America/Santiago"), true, new Date(t).toISOString());
    }
  });

  it("a day a zone skipped is reached when the next one begins (Pacific/Apia, 2011-12-30)", () => {
    assert.equal(publishStart("2011-12-30", "Pacific/Apia"), publishStart("2011-12-31", "Pacific/Apia"));
    assertBoundary("2011-12-30", "Pacific/Apia");
  });
});

describe("the build record's span around midnight in the chat zone", () => {
  const work = mkdtempSync(path.join(tmpdir(), "pd-record-"));
  after(() => rmSync(work, { recursive: true, force: true }));
  const output = path.join(work, "_site");
  mkdirSync(output);
  writeFileSync(path.join(output, "index.html"), "built");

  const posts = [
    { date: "2027-05-25", draft: false },
    { date: "2027-06-01", draft: false },
  ];
  /** The record a build at `built` leaves, as scripts/build.ts writes it. */
  const recordAt = (built: Date, zone: string): BuildRecord => ({ inputs: "same", output: outputStamp(output)!, ...stableSpan(posts, built, zone), warnings: "" });

  for (const [zone, earlier, beforeMidnight, afterMidnight] of [
    ["America/Los_Angeles", "2027-05-31T12:00:00-07:00", "2027-05-31T23:59:00-07:00", "2027-06-01T00:01:00-07:00"],
    ["Pacific/Auckland", "2027-05-31T12:00:00+12:00", "2027-05-31T23:59:00+12:00", "2027-06-01T00:01:00+12:00"],
  ] as const) {
    it(`${zone}: a warm build just before midnight there does nothing, one just after builds (and publishes the post)`, () => {
      const record = recordAt(at(earlier), zone);
      assert.equal(record.until, publishStart("2027-06-01", zone));
      assert.equal(isUpToDate(record, "same", output, at(beforeMidnight)), true);
      assert.equal(isPublished(posts[1]!, at(beforeMidnight), "build", zone), false);
      assert.equal(isUpToDate(record, "same", output, at(afterMidnight)), false);
      assert.equal(isPublished(posts[1]!, at(afterMidnight), "build", zone), true);
      // The build after midnight leaves a record that holds from then on.
      const next = recordAt(at(afterMidnight), zone);
      assert.equal(next.from, publishStart("2027-06-01", zone));
      assert.equal(isUpToDate(next, "same", output, at(afterMidnight)), true);
    });
  }

  it("the span's edge is the chat zone's midnight, not UTC's: midnight UTC changes nothing in Los Angeles", () => {
    const record = recordAt(at("2027-05-31T12:00:00-07:00"), "America/Los_Angeles");
    assert.equal(isUpToDate(record, "same", output, at("2027-06-01T00:00:01Z")), true);
  });
});
