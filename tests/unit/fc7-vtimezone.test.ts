// VTIMEZONEs that Outlook and Exchange read right as well as ical.js: the rule in force at the
// last chat as a yearly RRULE, history before it as one-off observances ([MS-OXCICAL]: Outlook
// keeps only the STANDARD and DAYLIGHT with the latest DTSTART, as a yearly rule). Read back with
// ical.js, every offset of the zone over the chats' years is tzdata's (luxon), every chat is at
// its instant, and the latest observances are the rule in force.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { calendarText, type CalendarEvent } from "../../lib/calendar.ts";
import { resolveChatStart } from "../../lib/chat-time.ts";

const HOUR = 3_600_000;

function chat(wall: string, zone: string, minutes = 60): CalendarEvent {
  const resolved = resolveChatStart(wall, zone);
  assert.ok(resolved.ok, `${wall} ${zone}`);
  const start = resolved.instant.startMillis;
  return { uid: `${wall}-${zone}@x`, stampMillis: start, startMillis: start, endMillis: start + minutes * 60_000, zone, summary: "Chat", description: "", url: "https://x.example/" };
}

function read(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.reset();
  const zones = calendar.getAllSubcomponents("vtimezone");
  for (const tz of zones) ICAL.TimezoneService.register(tz);
  return { zones, events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

/** Each observance: its kind, DTSTART (local digits), offset to, and RRULE if any. */
function observances(zone: ICAL.Component) {
  return zone.getAllSubcomponents().map((o) => ({
    kind: o.name.toUpperCase(),
    start: o.getFirstProperty("dtstart")!.toICALString().split(":")[1]!,
    to: o.getFirstProperty("tzoffsetto")!.toICALString().split(":")[1]!,
    rrule: o.getFirstProperty("rrule")?.toICALString().split(":")[1],
  }));
}

/** What Outlook keeps ([MS-OXCICAL] 2.1.3.1.1.19.2): the STANDARD and the DAYLIGHT with the latest DTSTART. */
function latest(zone: ICAL.Component, kind: "STANDARD" | "DAYLIGHT") {
  return observances(zone).filter((o) => o.kind === kind).sort((a, b) => (a.start < b.start ? -1 : 1)).at(-1);
}

// Chats (wall time in the zone) that must keep their instants: around each zone's changes.
const CASES: Array<[zone: string, walls: string[], minutes?: number]> = [
  ["America/New_York", ["2017-05-02T20:30", "2017-11-05T01:30-05:00", "2026-03-08T03:30", "2026-12-01T20:30"]],
  // 28 March 2027 is the 4th Sunday and the last: BYDAY=-1SU must give it, and 2021's 28th too.
  ["Europe/London", ["2021-03-28T02:30", "2026-10-25T00:30", "2027-03-28T02:30"]],
  // tzdata: IST is standard time and GMT a negative "daylight" time; offsets are what matter.
  ["Europe/Dublin", ["2026-03-29T00:30", "2026-03-29T02:00", "2026-10-27T20:00"], 90],
  // Half-hour change at 02:00 local in April and October.
  ["Australia/Lord_Howe", ["2026-04-05T01:00", "2026-10-04T02:30", "2027-01-10T20:00"], 90],
  ["Pacific/Chatham", ["2017-05-02T20:30", "2026-04-05T02:00", "2026-09-27T04:00"]],
  // Ramadan: +00 from 15 Feb to 22 Mar 2026 (tzdata), a different span each year.
  ["Africa/Casablanca", ["2025-03-10T20:00", "2026-02-20T20:00", "2026-03-25T20:00"]],
  // DST abolished after 30 October 2022.
  ["America/Mexico_City", ["2022-10-25T20:00", "2023-10-25T20:00"]],
  // DST abolished after 17 February 2019.
  ["America/Sao_Paulo", ["2018-11-20T20:00", "2020-01-15T20:00"]],
  ["Asia/Kathmandu", ["2017-05-02T20:30", "2026-12-09T20:30"]],
  ["UTC", ["2017-05-02T20:30", "2026-12-09T20:30"]],
];

describe("VTIMEZONE read back with ical.js", () => {
  for (const [zone, walls, minutes] of CASES) {
    it(`${zone}: every chat at its instant, every offset of its years as tzdata has it`, () => {
      const events = walls.map((wall) => chat(wall, zone, minutes));
      const { zones, events: read_ } = read(calendarText(events, { name: "x" }));
      const byUid = new Map(read_.map((e) => [e.uid, e]));
      for (const e of events) {
        const back = byUid.get(e.uid)!;
        assert.equal(back.startDate.toJSDate().getTime(), e.startMillis, `${e.uid} start`);
        assert.equal(back.endDate.toJSDate().getTime(), e.endMillis, `${e.uid} end`);
      }
      if (zone === "UTC") return assert.equal(zones.length, 0);
      assert.equal(zones.length, 1);
      // Every day of the chats' years, and every 30 minutes of each day the clocks change, as
      // wall-clock time there: ical.js gives it the instant tzdata does (a wall time that
      // happens twice, when clocks go back, is left out). A wrong rule is wrong for a season,
      // which the days catch; a wrong hour or day of change, which the half hours catch.
      const tz = ICAL.TimezoneService.get(zone)!;
      const wall = (t: number) => DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
      const offset = (t: number) => DateTime.fromMillis(t, { zone }).offset;
      const from = Date.UTC(new Date(events[0]!.startMillis).getUTCFullYear(), 0, 1, 12);
      const to = Date.UTC(new Date(events.at(-1)!.endMillis).getUTCFullYear(), 11, 31);
      const DAY = 24 * HOUR;
      const instants: number[] = [];
      let changes = 0;
      for (let day = from; day < to; day += DAY) {
        instants.push(day);
        if (offset(day) === offset(day + DAY)) continue;
        changes++;
        for (let t = day; t < day + DAY; t += HOUR / 2) instants.push(t);
      }
      let checked = 0;
      for (const t of instants) {
        const digits = wall(t);
        if ([-3, -2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 3].some((h) => wall(t + h * HOUR) === digits)) continue;
        const there = ICAL.Time.fromDateTimeString(digits);
        there.zone = tz;
        assert.equal(there.toUnixTime() * 1000, t, `${zone} ${digits}`);
        checked++;
      }
      assert.ok(checked >= 365, `${checked} times checked`);
      if (!["Asia/Kathmandu"].includes(zone)) assert.ok(changes > 0, `${zone}: the days the clocks change are among them`);
    });
  }
});

describe("what Outlook keeps of a VTIMEZONE", () => {
  const zoneOf = (zone: string, walls: string[]) => read(calendarText(walls.map((w) => chat(w, zone)), { name: "x" })).zones[0]!;

  it("New York, London, Dublin, Lord Howe, Chatham: the rule in force, as a yearly RRULE", () => {
    const expected: Record<string, [walls: string[], standard: [string, string], daylight: [string, string]]> = {
      "America/New_York": [["2017-05-02T20:30", "2026-12-01T20:30"], ["-0500", "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"], ["-0400", "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"]],
      "Europe/London": [["2021-03-28T02:30", "2027-03-28T02:30"], ["+0000", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"], ["+0100", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"]],
      "Europe/Dublin": [["2026-03-29T02:00"], ["+0000", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"], ["+0100", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"]],
      "Australia/Lord_Howe": [["2026-04-05T01:00"], ["+1030", "FREQ=YEARLY;BYMONTH=4;BYDAY=1SU"], ["+1100", "FREQ=YEARLY;BYMONTH=10;BYDAY=1SU"]],
      "Pacific/Chatham": [["2026-04-05T02:00"], ["+1245", "FREQ=YEARLY;BYMONTH=4;BYDAY=1SU"], ["+1345", "FREQ=YEARLY;BYMONTH=9;BYDAY=-1SU"]],
    };
    for (const [zone, [walls, standard, daylight]] of Object.entries(expected)) {
      const tz = zoneOf(zone, walls);
      assert.deepEqual([latest(tz, "STANDARD")?.to, latest(tz, "STANDARD")?.rrule], standard, zone);
      assert.deepEqual([latest(tz, "DAYLIGHT")?.to, latest(tz, "DAYLIGHT")?.rrule], daylight, zone);
      // The rule is written once: no one-off observance after it starts.
      const rules = observances(tz).filter((o) => o.rrule);
      assert.equal(rules.length, 2, zone);
      const ruleStart = rules.map((o) => o.start).sort()[0]!;
      assert.ok(observances(tz).filter((o) => !o.rrule).every((o) => o.start < ruleStart), zone);
    }
  });

  it("New York from 2017 to 2026: the 2017–2026 rule from its first year, no one-off after 1 January", () => {
    const tz = zoneOf("America/New_York", ["2017-05-02T20:30", "2026-12-01T20:30"]);
    assert.deepEqual(observances(tz), [
      { kind: "STANDARD", start: "20161231T190000", to: "-0500", rrule: undefined },
      { kind: "DAYLIGHT", start: "20170312T020000", to: "-0400", rrule: "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU" },
      { kind: "STANDARD", start: "20171105T020000", to: "-0500", rrule: "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU" },
    ]);
  });

  it("Mexico City after DST was abolished: the latest STANDARD gives −06:00, and no DAYLIGHT is left to keep", () => {
    const tz = zoneOf("America/Mexico_City", ["2022-10-25T20:00", "2023-10-25T20:00"]);
    assert.equal(latest(tz, "STANDARD")?.to, "-0600");
    assert.equal(latest(tz, "STANDARD")?.rrule, undefined);
    assert.equal(latest(tz, "DAYLIGHT"), undefined);
    // 2022's summer time is still there, for the 2022 chat (ical.js reads it: the test above).
    assert.ok(observances(tz).some((o) => o.start === "20220403T020000" && o.to === "-0500"));
  });

  it("São Paulo after DST was abolished, and Kathmandu: one offset to keep, the current one", () => {
    const saoPaulo = zoneOf("America/Sao_Paulo", ["2018-11-20T20:00", "2020-01-15T20:00"]);
    assert.equal(latest(saoPaulo, "STANDARD")?.to, "-0300");
    assert.equal(latest(saoPaulo, "DAYLIGHT"), undefined);
    const kathmandu = zoneOf("Asia/Kathmandu", ["2026-12-09T20:30"]);
    assert.deepEqual(observances(kathmandu).map((o) => [o.kind, o.to, o.rrule]), [["STANDARD", "+0545", undefined]]);
  });

  it("Casablanca, whose changes follow Ramadan, not a weekday of a month: one-off observances only", () => {
    const tz = zoneOf("Africa/Casablanca", ["2025-03-10T20:00", "2026-03-25T20:00"]);
    assert.ok(observances(tz).every((o) => o.rrule === undefined));
    assert.ok(observances(tz).length >= 5);
  });
});
