// A VTIMEZONE's yearly rule must give the day of every year it covers, from its DTSTART on
// (RFC 5545 3.8.5.3): a rule is extended back only while one BYDAY form fits every one of
// those years. Israel changed on 24 March 2023 (the 4th Friday, not the last) and on
// 29 March 2024 (the last, not the 4th): no rule gives both, so the yearly rule starts in
// 2024 and 2023 is written as one-off observances. Read back with ical.js, every local time
// of the chats' years is the instant tzdata (luxon) gives it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ICAL from "ical.js";
import { IANAZone } from "luxon";
import { calendarText, transitionsInYear, vtimezone, type CalendarEvent } from "../../lib/calendar.ts";
import { resolveChatStart } from "../../lib/chat-time.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function chat(wall: string, zone: string): CalendarEvent {
  const resolved = resolveChatStart(wall, zone);
  assert.ok(resolved.ok, `${wall} ${zone}`);
  const start = resolved.instant.startMillis;
  return { uid: `${wall}-${zone}@x`, stampMillis: start, startMillis: start, endMillis: start + HOUR, zone, summary: "Chat", description: "", url: "https://x.example/" };
}

/** The calendar's events and its zones, as ical.js reads them. */
function read(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zones = new Map(calendar.getAllSubcomponents("vtimezone").map((c) => [String(c.getFirstPropertyValue("tzid")), c]));
  ICAL.TimezoneService.reset();
  for (const zone of zones.values()) ICAL.TimezoneService.register(zone);
  return { zones, events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

/** Does the RRULE's BYMONTH and BYDAY give the day of `yyyymmdd`? */
function ruleGives(rrule: string, yyyymmdd: string): boolean {
  const parts = Object.fromEntries(rrule.split(";").map((p) => p.split("=") as [string, string]));
  const [year, month, day] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))];
  const match = /^(-?\d)([A-Z]{2})$/.exec(parts.BYDAY!);
  assert.ok(match, rrule);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const nth = Number(match[1]);
  const nthFits = nth > 0 ? Math.ceil(day / 7) === nth : Math.ceil((daysInMonth - day + 1) / 7) === -nth;
  return Number(parts.BYMONTH) === month && match[2] === weekday && nthFits;
}

/** Every observance with an RRULE: its DTSTART and rule. */
function yearlyObservances(zone: ICAL.Component) {
  return zone.getAllSubcomponents().flatMap((o) => {
    const rrule = o.getFirstProperty("rrule")?.toICALString().split(":")[1];
    return rrule ? [{ kind: o.name.toUpperCase(), start: o.getFirstProperty("dtstart")!.toICALString().split(":")[1]!, rrule }] : [];
  });
}

/** `yyyymmddThhmm` of `millis` in `zone`, by tzdata. */
function wallDigits(millis: number, iana: IANAZone): string {
  return new Date(millis + iana.offset(millis) * 60_000).toISOString().slice(0, 16).replace(/[-:]/g, "");
}

/**
 * The local times, in tzdata's `zone`, that ical.js reads back to another instant through `vtimezone`.
 * Sampled: the 1st and 15th of each month at 02:30 and 20:30 UTC (a rule wrong for a season), every
 * half hour within 6 hours of each change (a wrong hour), and each day within 8 days of it (a wrong
 * week). A local time that happens twice when clocks go back is left out: it names two instants.
 */
function misreadTimes(zone: string, vtimezoneLines: string[], firstYear: number, lastYear: number): string[] {
  const text = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//x//EN", ...vtimezoneLines, "END:VCALENDAR"].join("\r\n");
  const tz = new ICAL.Timezone(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vtimezone")!);
  const iana = IANAZone.create(zone);
  const instants: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (let month = 0; month < 12; month++) for (const day of [1, 15]) for (const hour of [2.5, 20.5]) instants.push(Date.UTC(year, month, day) + hour * HOUR);
    for (const { atMillis } of transitionsInYear(zone, year)) {
      for (let t = atMillis - 6 * HOUR + HOUR / 4; t < atMillis + 6 * HOUR; t += HOUR / 2) instants.push(t);
      for (let days = -8; days <= 8; days++) if (days) instants.push(atMillis + days * DAY);
    }
  }
  const wrong: string[] = [];
  for (const t of instants) {
    if (t < Date.UTC(firstYear, 0, 1, 14) || t >= Date.UTC(lastYear + 1, 0, 1) - 14 * HOUR) continue;
    const digits = wallDigits(t, iana);
    const wall = new ICAL.Time({ year: +digits.slice(0, 4), month: +digits.slice(4, 6), day: +digits.slice(6, 8), hour: +digits.slice(9, 11), minute: +digits.slice(11, 13), second: 0 }, tz);
    if (wall.toUnixTime() * 1000 === t) continue;
    if ([-3, -2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 3].some((h) => wallDigits(t + h * HOUR, iana) === digits)) continue;
    wrong.push(`${digits} (tzdata ${new Date(t).toISOString()}, ical.js ${new Date(wall.toUnixTime() * 1000).toISOString()})`);
  }
  return wrong;
}

describe("a VTIMEZONE's yearly rule fits every year from its DTSTART", () => {
  it("Jerusalem, chats on 28 March 2023 and 11 December 2026: ical.js reads 20:30 on 28 March 2023 as 17:30Z", () => {
    const events = [chat("2023-03-28T20:30", "Asia/Jerusalem"), chat("2026-12-11T20:30", "Asia/Jerusalem")];
    const { zones, events: back } = read(calendarText(events, { name: "x" }));
    const first = back.find((e) => e.uid.startsWith("2023-03-28"))!;
    assert.equal(first.component.getFirstProperty("dtstart")!.toICALString(), "DTSTART;TZID=Asia/Jerusalem:20230328T203000");
    assert.equal(first.startDate.toJSDate().toISOString(), "2023-03-28T17:30:00.000Z");
    assert.equal(back.find((e) => e.uid.startsWith("2026-12-11"))!.startDate.toJSDate().toISOString(), "2026-12-11T18:30:00.000Z");
    const rules = yearlyObservances(zones.get("Asia/Jerusalem")!);
    const daylight = rules.find((o) => o.kind === "DAYLIGHT")!;
    // 29 March 2024 is the last Friday of March (and the 5th): the rule starts there, not in 2023.
    assert.deepEqual(daylight, { kind: "DAYLIGHT", start: "20240329T020000", rrule: "FREQ=YEARLY;BYMONTH=3;BYDAY=-1FR" });
    for (const o of rules) assert.ok(ruleGives(o.rrule, o.start), `${o.rrule} gives ${o.start}`);
    // 2023's change is still there, as a one-off observance on its own day.
    const starts = zones.get("Asia/Jerusalem")!.getAllSubcomponents().map((o) => o.getFirstProperty("dtstart")!.toICALString().split(":")[1]);
    assert.ok(starts.includes("20230324T020000"), starts.join(" "));
    assert.deepEqual(misreadTimes("Asia/Jerusalem", vtimezone("Asia/Jerusalem", events[0]!.startMillis, events[1]!.endMillis), 2023, 2026), []);
  });

  // The zones the audit found, each with chats in the first and last year of the span.
  const FLAGGED: Array<[zone: string, first: number, last: number, misreadBefore: string]> = [
    ["Asia/Jerusalem", 2014, 2020, "2017-03-24T03:00"],
    ["America/Asuncion", 2011, 2017, "2013-03-24T02:00"],
    ["America/Godthab", 2011, 2017, "2015-10-25T03:00"],
    ["America/Nuuk", 2011, 2017, "2015-10-25T03:00"],
    // Found by comparing every zone's VTIMEZONE before and after: 24 October 2026 is Gaza's 4th
    // Saturday, not its last. tzdata's Gaza years ahead are forecasts, so no rule is required.
    ["Asia/Gaza", 2022, 2028, "2026-10-24T02:00"],
  ];
  for (const [zone, first, last, misreadBefore] of FLAGGED) {
    it(`${zone}, chats from ${first} to ${last}: every rule gives its DTSTART, and ${misreadBefore} reads back to its instant`, () => {
      const events = [chat(`${first}-01-10T20:30`, zone), chat(misreadBefore, zone), chat(`${last}-12-10T20:30`, zone)];
      const { zones, events: back } = read(calendarText(events, { name: "x" }));
      for (const e of events) assert.equal(back.find((b) => b.uid === e.uid)!.startDate.toJSDate().getTime(), e.startMillis, e.uid);
      const rules = yearlyObservances(zones.get(zone)!);
      if (zone !== "Asia/Gaza") assert.equal(rules.length, 2, zone);
      for (const o of rules) assert.ok(ruleGives(o.rrule, o.start), `${zone}: ${o.rrule} gives ${o.start}`);
      assert.deepEqual(misreadTimes(zone, vtimezone(zone, events[0]!.startMillis, events.at(-1)!.endMillis), first, last), []);
    });
  }

  // The flagged zones and others whose changes move between the nth and the last weekday, were
  // abolished, or skip or repeat more than an hour. Finding every zone's changes costs a
  // second a zone-decade, so the whole list (about 420 zones, half a minute) runs only with
  // CHATPOST_ALL_ZONES=1.
  const SAMPLE = [
    ...FLAGGED.map(([zone]) => zone),
    "Europe/London", "Europe/Dublin", "Europe/Berlin", "Europe/Moscow", "Europe/Istanbul", "Europe/Chisinau",
    "Atlantic/Azores", "America/New_York", "America/St_Johns", "America/Havana", "America/Santiago",
    "America/Punta_Arenas", "America/Sao_Paulo", "America/Mexico_City", "America/Chihuahua", "America/Scoresbysund",
    "Pacific/Easter", "Pacific/Auckland", "Pacific/Chatham", "Pacific/Fiji", "Pacific/Norfolk", "Pacific/Apia",
    "Australia/Sydney", "Australia/Lord_Howe", "Australia/Adelaide", "Antarctica/Troll", "Antarctica/Casey",
    "Antarctica/Macquarie", "Asia/Gaza", "Asia/Hebron", "Asia/Beirut", "Asia/Amman", "Asia/Damascus", "Asia/Tehran",
    "Africa/Cairo", "Africa/Casablanca", "Asia/Kathmandu", "Asia/Almaty",
  ];
  const allZones = Boolean(process.env.CHATPOST_ALL_ZONES);
  const zones = allZones ? Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC") : SAMPLE;
  it(`${allZones ? "every zone tzdata knows" : `${SAMPLE.length} zones`}, over four spans of seven years: every local time reads back to its instant`, () => {
    const SPANS = [[2011, 2017], [2014, 2020], [2017, 2023], [2020, 2026]] as const;
    for (const zone of zones) assert.ok(IANAZone.isValidZone(zone), zone);
    const wrong: string[] = [];
    for (const zone of zones) {
      for (const [first, last] of SPANS) {
        const lines = vtimezone(zone, Date.UTC(first, 0, 1, 12), Date.UTC(last, 11, 31, 11));
        const misread = misreadTimes(zone, lines, first, last);
        if (misread.length) wrong.push(`${zone} ${first}–${last}: ${misread.length} local times, from ${misread[0]}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it("a zone with the same changes every year keeps its rule from the first year (New York, Jerusalem 2024–2026)", () => {
    const newYork = vtimezone("America/New_York", Date.UTC(2011, 0, 10), Date.UTC(2026, 11, 10));
    assert.ok(newYork.includes("DTSTART:20110313T020000") && newYork.includes("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"), newYork.join("\n"));
    const jerusalem = vtimezone("Asia/Jerusalem", Date.UTC(2024, 0, 10), Date.UTC(2026, 11, 10));
    assert.deepEqual(jerusalem.filter((l) => /^(DTSTART|RRULE)/.test(l)), [
      "DTSTART:20240101T020000",
      "DTSTART:20240329T020000",
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1FR",
      "DTSTART:20241027T020000",
      "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    ]);
  });
});
