// `npm run new` passes over a week that already has its chat: the seven days around the
// slot's day by the date in the site's chat zone (Saturday to Friday for a Tuesday chat),
// whatever zone and time the chat is at. Expected instants are literal UTC values from the
// tz database: America/New_York on EDT from 2027-03-14, Pacific/Auckland on NZST (+12)
// from 2027-04-04.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { freeSlot, type WeeklySlot } from "../../lib/weekly-slot.ts";

const tuesdayNY: WeeklySlot = { weekday: "tuesday", time: "20:30", zone: "America/New_York" };
const mondayNY: WeeklySlot = { weekday: "monday", time: "20:30", zone: "America/New_York" };
const taken = (file: string, utc: string) => ({ file, startMillis: Date.parse(utc) });
const passedOver = (result: ReturnType<typeof freeSlot>) => result.passed.map((p) => [p.occurrence.date, p.file]);

describe("a week that already has its chat", () => {
  it("is the week of a guest chat at 23:30 in Auckland on a New York site, though the times do not overlap", () => {
    // The audit's year: weeks 11–13 at the slot (20:30 EDT = 00:30 UT the next day), week 14 a
    // guest chat on Tuesday April 6 at 23:30 NZST = 11:30 UT = 07:30 EDT the same Tuesday.
    const posts = [
      taken("2027-03-14-week-11.md", "2027-03-17T00:30:00Z"),
      taken("2027-03-21-week-12.md", "2027-03-24T00:30:00Z"),
      taken("2027-03-28-week-13.md", "2027-03-31T00:30:00Z"),
      taken("2027-04-04-guest-auckland.md", "2027-04-06T11:30:00Z"),
    ];
    const result = freeSlot(tuesdayNY, new Date("2027-03-10T12:00:00Z"), posts);
    assert.deepEqual(passedOver(result), [
      ["2027-03-16", "2027-03-14-week-11.md"],
      ["2027-03-23", "2027-03-21-week-12.md"],
      ["2027-03-30", "2027-03-28-week-13.md"],
      ["2027-04-06", "2027-04-04-guest-auckland.md"],
    ]);
    assert.equal(result.occurrence.start, "2027-04-13T20:30");
    assert.equal(new Date(result.occurrence.startMillis).toISOString(), "2027-04-14T00:30:00.000Z");
  });

  it("is the week of a guest chat whose day is already the next one in Auckland (a Sunday chat in New York for a Monday slot)", () => {
    // Monday April 12 10:00 NZST = Sunday April 11 22:00 UT = 18:00 EDT: in a Monday-to-Sunday
    // week it would be the week before; it is this Monday's chat.
    const result = freeSlot(mondayNY, new Date("2027-04-08T12:00:00Z"), [taken("guest.md", "2027-04-11T22:00:00Z")]);
    assert.deepEqual(passedOver(result), [["2027-04-12", "guest.md"]]);
    assert.equal(result.occurrence.start, "2027-04-19T20:30");
  });

  it("is the week of a chat moved a day or two for a holiday, or an hour earlier or later", () => {
    // Tuesday April 13 2027; now is after the chat of April 6.
    const now = new Date("2027-04-07T12:00:00Z");
    for (const [what, utc] of [
      ["Monday 20:30 EDT", "2027-04-13T00:30:00Z"],
      ["Thursday 20:30 EDT", "2027-04-16T00:30:00Z"],
      ["the same Tuesday at 19:30 EDT, ending as the slot starts", "2027-04-13T23:30:00Z"],
      ["the same Tuesday at 21:30 EDT, starting as the slot ends", "2027-04-14T01:30:00Z"],
    ] as const) {
      const result = freeSlot(tuesdayNY, now, [taken("moved.md", utc)]);
      assert.deepEqual(passedOver(result), [["2027-04-13", "moved.md"]], what);
      assert.equal(result.occurrence.start, "2027-04-20T20:30", what);
    }
  });

  it("runs from Saturday to Friday for a Tuesday chat, by the date in the chat's zone", () => {
    const now = new Date("2027-04-07T12:00:00Z");
    const inWeek = (utc: string) => freeSlot(tuesdayNY, now, [taken("other.md", utc)]).passed.length === 1;
    assert.equal(inWeek("2027-04-10T04:00:00Z"), true, "Saturday April 10 00:00 EDT");
    assert.equal(inWeek("2027-04-17T03:59:00Z"), true, "Friday April 16 23:59 EDT");
    assert.equal(inWeek("2027-04-10T03:59:00Z"), false, "Friday April 9 23:59 EDT is the week of April 6");
    assert.equal(inWeek("2027-04-17T04:00:00Z"), false, "Saturday April 17 00:00 EDT is the week of April 20");
    // The Saturday is the week of the next Tuesday, which is passed over in its turn.
    const next = freeSlot(tuesdayNY, now, [taken("other.md", "2027-04-17T04:00:00Z"), taken("week-15.md", "2027-04-14T00:30:00Z")]);
    assert.deepEqual(passedOver(next), [["2027-04-13", "week-15.md"], ["2027-04-20", "other.md"]]);
    assert.equal(next.occurrence.date, "2027-04-27");
  });

  it("counts local dates across a change of clocks, not a fixed number of hours", () => {
    // Tuesday March 16 2027, two days after the change to EDT: its week starts Saturday
    // March 13 00:00 EST (05:00 UT); 3½ days of hours before the slot would be 12:30 UT.
    const now = new Date("2027-03-10T12:00:00Z");
    assert.deepEqual(passedOver(freeSlot(tuesdayNY, now, [taken("sat.md", "2027-03-13T05:00:00Z")])), [["2027-03-16", "sat.md"]]);
    assert.deepEqual(passedOver(freeSlot(tuesdayNY, now, [taken("fri.md", "2027-03-13T04:59:00Z")])), []);
  });

  it("names the post nearest the slot when a week has two", () => {
    const now = new Date("2027-04-07T12:00:00Z");
    const posts = [taken("saturday-special.md", "2027-04-10T16:00:00Z"), taken("week-15.md", "2027-04-14T00:30:00Z")];
    assert.deepEqual(passedOver(freeSlot(tuesdayNY, now, posts)), [["2027-04-13", "week-15.md"]]);
    assert.deepEqual(passedOver(freeSlot(tuesdayNY, now, [...posts].reverse())), [["2027-04-13", "week-15.md"]]);
  });
});
