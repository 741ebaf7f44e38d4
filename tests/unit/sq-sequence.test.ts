// A chat's revision number (SEQUENCE) counts from a fixed epoch, not from the publish day:
// re-dating a post never lowers it, a correction dated the publish day is a revision, and
// numbers published under the former rule (minutes from the publish day) only grow.
// Read back with ical.js, an independent parser. Day numbers since 2000-01-01 are from
// python's datetime, not computed here.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ICAL from "ical.js";
import fc from "fast-check";
import { calendarText, chatEvent, MAX_SEQUENCE, revisionSequence, type CalendarSite, type ChatPost } from "../../lib/calendar.ts";
import { futureChange } from "../../lib/post-dates.ts";

const utc = (iso: string) => Date.parse(iso);
const site: CalendarSite = { url: "https://chat.example/", pathPrefix: "/", title: "Care Chat", zone: "America/New_York" };
const pageUrl = "https://chat.example/posts/week-12/";
// Week 12 of the audit (/tmp/dj/findings.md §3): published Sunday 2027-03-21, chat Tuesday 20:30 New York.
const week12: ChatPost = {
  slug: "week-12",
  url: "/posts/week-12/",
  title: "Week 12",
  date: "2027-03-21",
  topics: ["One"],
  chat: { startMillis: utc("2027-03-24T00:30:00Z"), endMillis: utc("2027-03-24T01:30:00Z"), zone: "America/New_York", hashtag: "#careldr", platform: "Bluesky", url: "https://bsky.app/hashtag/careldr" },
};

/** The event as a calendar app reads it. */
function readBack(post: ChatPost, on: CalendarSite = site) {
  const text = calendarText([chatEvent(post, on, pageUrl)!], { name: "Care Chat" });
  const component = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const tz of component.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const vevent = component.getFirstSubcomponent("vevent")!;
  const stamp = (name: string) => (vevent.getFirstPropertyValue(name) as ICAL.Time | null)?.toJSDate().toISOString() ?? null;
  return {
    // No SEQUENCE is revision 0 (RFC 5545, 3.8.7.4).
    sequence: (vevent.getFirstPropertyValue("sequence") as number | null) ?? 0,
    written: /\r\nSEQUENCE:/.test(text),
    dtstamp: stamp("dtstamp"),
    lastModified: stamp("last-modified"),
    start: new ICAL.Event(vevent).startDate.toJSDate().toISOString(),
  };
}

/** The former rule, as published until now: minutes of written clock time from the publish day's start. */
function formerSequence(post: Pick<ChatPost, "date" | "updated" | "updatedAt">): number {
  const written = post.updatedAt ? utc(`${post.updatedAt.slice(0, 16)}Z`) : post.updated ? utc(`${post.updated}T00:00Z`) : utc(`${post.date}T00:00Z`);
  return Math.round((written - utc(`${post.date}T00:00Z`)) / 60_000);
}

describe("a chat's revision number", () => {
  it("is absent for a post never updated", () => {
    const first = readBack(week12);
    assert.deepEqual([first.sequence, first.written, first.lastModified, first.dtstamp], [0, false, null, "2027-03-21T00:00:00.000Z"]);
  });

  it("counts written clock minutes from 2000-01-01: 2027-03-22 is day 9942", () => {
    assert.equal(readBack({ ...week12, updated: "2027-03-22" }).sequence, 9942 * 1440);
    assert.equal(readBack({ ...week12, updated: "2027-03-22", updatedAt: "2027-03-22T14:30-04:00" }).sequence, 9942 * 1440 + 14 * 60 + 30);
  });

  it("does not go down when a postponed chat's post is re-dated too (the audit's week 12)", () => {
    const revised = readBack({ ...week12, updated: "2027-03-22" });
    // Postponed a week, `date:` moved to the 24th and `updated:` with it.
    const postponed = readBack({
      ...week12, date: "2027-03-24", updated: "2027-03-24",
      chat: { ...week12.chat!, startMillis: utc("2027-03-31T00:30:00Z"), endMillis: utc("2027-03-31T01:30:00Z") },
    });
    assert.equal(postponed.sequence, 9944 * 1440);
    assert.ok(postponed.sequence > revised.sequence, `${postponed.sequence} > ${revised.sequence}`);
    assert.equal(postponed.start, "2027-03-31T00:30:00.000Z");
    // The former rule gave 1440 then 0: calendar apps kept the old time.
    assert.deepEqual([formerSequence({ ...week12, updated: "2027-03-22" }), formerSequence({ date: "2027-03-24", updated: "2027-03-24" })], [1440, 0]);
  });

  it("is the same whatever `date:` says", () => {
    for (const date of ["2027-03-01", "2027-03-21", "2027-03-22"]) {
      assert.equal(revisionSequence({ date, updated: "2027-03-22", updatedAt: "2027-03-22T09:00-04:00" }), 9942 * 1440 + 9 * 60);
    }
  });

  it("is a revision for a correction dated the publish day without a time, stamped after the first version", () => {
    const first = readBack(week12);
    const corrected = readBack({ ...week12, updated: "2027-03-21", chat: { ...week12.chat!, startMillis: utc("2027-03-26T01:00:00Z"), endMillis: utc("2027-03-26T02:00:00Z") } });
    assert.equal(corrected.written, true);
    assert.equal(corrected.sequence, 9941 * 1440);
    assert.ok(corrected.sequence > first.sequence);
    // DTSTAMP and LAST-MODIFIED: noon UTC that day (as the feeds give a day), not the first version's midnight.
    assert.equal(corrected.dtstamp, "2027-03-21T12:00:00.000Z");
    assert.equal(corrected.lastModified, "2027-03-21T12:00:00.000Z");
    assert.ok(Date.parse(corrected.dtstamp!) > Date.parse(first.dtstamp!));
    // A second change that day, with its time, is higher still.
    assert.ok(readBack({ ...week12, updated: "2027-03-21", updatedAt: "2027-03-21T00:05-04:00" }).sequence > corrected.sequence);
  });

  it("stamps a day-only correction on its publish day after the first version in zones far east and west too", () => {
    for (const zone of ["Pacific/Kiritimati", "Pacific/Auckland", "Asia/Kolkata", "Pacific/Pago_Pago", "Etc/GMT+12"]) {
      // The day is placed in the site's zone (as the feeds place it); the chat's zone is the same here.
      const post = { ...week12, chat: { ...week12.chat!, zone } };
      const first = readBack(post, { ...site, zone });
      const corrected = readBack({ ...post, updated: post.date }, { ...site, zone });
      assert.ok(Date.parse(corrected.dtstamp!) > Date.parse(first.dtstamp!), `${zone}: ${corrected.dtstamp} after ${first.dtstamp}`);
      assert.equal(corrected.lastModified, corrected.dtstamp);
    }
  });

  const day = fc.integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2099, 11, 31) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  const change = fc.record({ days: fc.integer({ min: 0, max: 800 }), minutes: fc.option(fc.integer({ min: 0, max: 1439 }), { nil: undefined }) });
  const written = (date: string, c: { days: number; minutes?: number | undefined }) => {
    const updated = new Date(Date.parse(`${date}T00:00Z`) + c.days * 86_400_000).toISOString().slice(0, 10);
    if (c.minutes === undefined) return { date, updated };
    const time = `${String(Math.floor(c.minutes / 60)).padStart(2, "0")}:${String(c.minutes % 60).padStart(2, "0")}`;
    // The offset does not count: the clock time as written does.
    return { date, updated, updatedAt: `${updated}T${time}-04:00` };
  };

  it("is never lower than the number published under the former rule for the same post", () => {
    fc.assert(fc.property(day, change, (date, c) => {
      const post = written(date, c);
      const now = revisionSequence(post)!;
      assert.ok(now >= formerSequence(post), `${JSON.stringify(post)}: ${now} < ${formerSequence(post)}`);
      assert.ok(now >= 1 && now <= MAX_SEQUENCE && Number.isInteger(now));
    }));
  });

  it("grows with every later change, whatever the publish dates of the two versions", () => {
    // Two moments of change as written (minutes since 2000), each version dated any day from 2000 to its change.
    // (2000-01-01T00:00 itself is revision 1, as 00:01 is: no chat was ever corrected then.)
    const MINUTES_TO_2099 = (Date.UTC(2099, 11, 31) - Date.UTC(2000, 0, 1)) / 60_000;
    const version = (minutes: number, back: number) => {
      const at = new Date(Date.UTC(2000, 0, 1) + minutes * 60_000).toISOString().slice(0, 16);
      const date = new Date(Math.max(Date.UTC(2000, 0, 1), Date.parse(`${at.slice(0, 10)}T00:00Z`) - back * 86_400_000)).toISOString().slice(0, 10);
      return at.endsWith("T00:00") ? { date, updated: at.slice(0, 10) } : { date, updated: at.slice(0, 10), updatedAt: `${at}+05:45` };
    };
    fc.assert(fc.property(fc.integer({ min: 1, max: MINUTES_TO_2099 }), fc.integer({ min: 1, max: 5000 }), fc.nat(400), fc.nat(400), (m, laterBy, backA, backB) => {
      const earlier = version(m, backA);
      const later = version(m + laterBy, backB);
      assert.ok(revisionSequence(later)! > revisionSequence(earlier)!, `${JSON.stringify(earlier)} then ${JSON.stringify(later)}`);
    }));
  });

  it("stays within RFC 5545's INTEGER (3.3.8) for any year the date fields accept", () => {
    assert.equal(revisionSequence({ date: "2027-03-21", updated: "9999-12-31" }), MAX_SEQUENCE);
    assert.equal(MAX_SEQUENCE, 2 ** 31 - 1);
  });
});

describe("an `updated:` ahead of the build's day", () => {
  it("is a slip more than a day ahead, with the line to write: today's date", () => {
    const slip = futureChange({ date: "2027-11-21", updated: "2027-12-25", today: "2027-11-25" });
    assert.ok(slip);
    assert.match(slip.message, /2027-12-25, 30 days after today \(2027-11-25\)/);
    assert.match(slip.message, /typo/);
    assert.match(slip.fix, /updated: 2027-11-25$/);
  });

  it("keeps the time written, with today's date", () => {
    assert.match(futureChange({ date: "2027-11-21", updated: "2027-12-25T14:30", today: "2027-11-25" })!.fix, /updated: 2027-11-25T14:30$/);
  });

  it("is left alone up to a day ahead: where the chat is hosted, it may already be tomorrow", () => {
    assert.equal(futureChange({ date: "2027-11-21", updated: "2027-11-26T09:00", today: "2027-11-25" }), undefined);
    assert.equal(futureChange({ date: "2027-11-21", updated: "2027-11-25", today: "2027-11-25" }), undefined);
    assert.equal(futureChange({ date: "2027-11-21", updated: "2027-11-22", today: "2027-11-25" }), undefined);
  });

  it("asks to remove `updated:` from a post not published yet", () => {
    const slip = futureChange({ date: "2027-12-05", updated: "2027-12-06", today: "2027-11-25" })!;
    assert.match(slip.fix, /^remove `updated:`: the post is published on 2027-12-05/);
  });
});
