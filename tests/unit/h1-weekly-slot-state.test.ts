// `npm run new` and a chat that will not take place: a cancelled chat's week is free for
// another chat (its time may be taken), a postponed one's is not (the chat will still
// happen). And when chats usually are, for the home page between announcements. Instants
// are literal UTC values from the tz database: America/New_York on EST until 2027-03-14
// (20:30 EST = 01:30 UT the next day), EDT from then (20:30 EDT = 00:30 UT).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { freeSlot, usualChatTime, type TakenChat, type WeeklySlot } from "../../lib/weekly-slot.ts";

const tuesdayNY: WeeklySlot = { weekday: "tuesday", time: "20:30", zone: "America/New_York" };
// Wednesday, November 25, 2026: the next slot is Tuesday, December 1.
const now = new Date("2026-11-25T12:00:00Z");
const passedOver = (result: ReturnType<typeof freeSlot>) => result.passed.map((p) => [p.occurrence.date, p.file]);
// Tuesday, December 1, 2026, 20:30 EST.
const december1 = (file: string, status?: TakenChat["status"]): TakenChat => ({ file, startMillis: Date.parse("2026-12-02T01:30:00Z"), ...(status ? { status } : {}) });

describe("a week whose chat will not take place", () => {
  it("is free when its only chat is cancelled: the new post takes its time", () => {
    const result = freeSlot(tuesdayNY, now, [december1("2026-11-20-upcoming.md", "cancelled")]);
    assert.deepEqual(passedOver(result), []);
    assert.equal(result.occurrence.start, "2026-12-01T20:30");
  });

  it("is passed over when its chat is postponed, naming that post", () => {
    const result = freeSlot(tuesdayNY, now, [december1("2026-11-20-upcoming.md", "postponed")]);
    assert.deepEqual(passedOver(result), [["2026-12-01", "2026-11-20-upcoming.md"]]);
    assert.equal(result.occurrence.start, "2026-12-08T20:30");
  });

  it("is passed over for another chat of that week, never named for the cancelled one", () => {
    // The cancelled chat at the slot itself, a replacement on the Wednesday.
    const replacement: TakenChat = { file: "2026-11-25-replacement.md", startMillis: Date.parse("2026-12-03T01:30:00Z") };
    for (const chats of [[december1("cancelled.md", "cancelled"), replacement], [replacement, december1("cancelled.md", "cancelled")]]) {
      assert.deepEqual(passedOver(freeSlot(tuesdayNY, now, chats)), [["2026-12-01", "2026-11-25-replacement.md"]]);
    }
  });

  it("stops being passed over at the first week with no chat that takes place", () => {
    const weekAfter: TakenChat = { file: "2026-11-27-week-after.md", startMillis: Date.parse("2026-12-09T01:30:00Z") };
    const result = freeSlot(tuesdayNY, now, [weekAfter, december1("cancelled.md", "cancelled")]);
    assert.deepEqual(passedOver(result), []);
    assert.equal(result.occurrence.date, "2026-12-01");
  });
});

describe("when chats usually are", () => {
  it("names the weekday, the 12-hour time and the zone's abbreviation of the next slot", () => {
    assert.equal(usualChatTime(tuesdayNY, now), "Chats are usually on Tuesdays at 8:30 PM EST; the next announcement is coming.");
  });

  it("says EDT once the next slot is on summer time", () => {
    // Sunday, March 14, 2027: the next Tuesday is on EDT.
    assert.equal(usualChatTime(tuesdayNY, new Date("2027-03-14T12:00:00Z")), "Chats are usually on Tuesdays at 8:30 PM EDT; the next announcement is coming.");
  });

  it("says a morning slot and another zone as they are", () => {
    assert.equal(usualChatTime({ weekday: "friday", time: "09:05", zone: "Europe/London" }, now), "Chats are usually on Fridays at 9:05 AM GMT; the next announcement is coming.");
    assert.equal(usualChatTime({ weekday: "sunday", time: "00:00", zone: "UTC" }, now), "Chats are usually on Sundays at 12:00 AM UTC; the next announcement is coming.");
  });
});
