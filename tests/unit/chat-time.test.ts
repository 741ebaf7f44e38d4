// The time module against instants taken from the tz database, not from luxon.
// Every expected UTC value below was read from `zdump -v <zone> -c <year>,<year+1>`
// (tzdata 2025b) or follows from the fixed offset the zone has kept since; the
// transition each case relies on is quoted next to it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { Settings } from "luxon";
import { transitionsInYear } from "../../lib/calendar.ts";
import { checkZone, currentZoneName, describeChatTime, formatOffset, isoOffset, resolveChatStart, zoneWarning, type ChatInstant } from "../../lib/chat-time.ts";

function resolved(start: string | Date, zone: string): { instant: ChatInstant; warning?: { message: string; fix: string } } {
  const result = resolveChatStart(start, zone);
  if (!result.ok) assert.fail(`expected ${String(start)} in ${zone} to resolve, got: ${result.problem.message}`);
  return result;
}

function utc(start: string | Date, zone: string): string {
  return new Date(resolved(start, zone).instant.startMillis).toISOString();
}

function rejected(start: string | Date, zone: string) {
  const result = resolveChatStart(start, zone);
  if (result.ok) assert.fail(`expected ${String(start)} in ${zone} to be rejected, got ${new Date(result.instant.startMillis).toISOString()}`);
  return result;
}

describe("chat.start forms", () => {
  // America/New_York 2017: EDT (UTC−4) from Mar 12 07:00 UT to Nov 5 06:00 UT.
  it("reads YYYY-MM-DDTHH:mm as wall-clock time in the zone", () => {
    const { instant, warning } = resolved("2017-05-02T20:30", "America/New_York");
    assert.equal(new Date(instant.startMillis).toISOString(), "2017-05-03T00:30:00.000Z");
    assert.equal(instant.offsetMinutes, -240);
    assert.equal(instant.wallClock, "2017-05-02T20:30:00");
    assert.equal(instant.zone, "America/New_York");
    assert.equal(warning, undefined);
  });

  it("accepts seconds and a space instead of T", () => {
    assert.equal(utc("2017-05-02T20:30:15", "America/New_York"), "2017-05-03T00:30:15.000Z");
    assert.equal(utc("2017-05-02 20:30:00", "America/New_York"), "2017-05-03T00:30:00.000Z");
  });

  it("takes the written digits of a YAML timestamp (a UTC Date) as wall-clock time, never shifting them", () => {
    // An unquoted `2017-05-02 20:30:00` read by a YAML 1.1 parser is this Date.
    const yamlDate = new Date("2017-05-02T20:30:00Z");
    const { instant } = resolved(yamlDate, "America/New_York");
    assert.equal(new Date(instant.startMillis).toISOString(), "2017-05-03T00:30:00.000Z");
    assert.equal(instant.wallClock, "2017-05-02T20:30:00");
  });

  it("accepts an explicit offset that agrees with the zone, and Z in UTC", () => {
    assert.equal(utc("2017-05-02T20:30-04:00", "America/New_York"), "2017-05-03T00:30:00.000Z");
    assert.equal(utc("2017-05-02T20:30:00-0400", "America/New_York"), "2017-05-03T00:30:00.000Z");
    assert.equal(utc("2017-05-03T00:30Z", "UTC"), "2017-05-03T00:30:00.000Z");
  });

  it("rejects an explicit offset that disagrees with the zone, naming the right one", () => {
    const result = rejected("2017-05-02T20:30-05:00", "America/New_York");
    assert.equal(result.field, "start");
    assert.match(result.problem.message, /-05:00 does not match America\/New_York/);
    assert.match(result.problem.fix, /-04:00/);
    assert.equal(rejected("2017-05-03T00:30Z", "America/New_York").field, "start");
  });

  it("rejects what is not a date and time, and dates and times that do not exist", () => {
    for (const bad of ["May 2 2017 8:30pm", "2017-05-02", "2017-05-02T8:30", "2017-05-02T20:30 EST", "next tuesday"]) {
      assert.equal(rejected(bad, "America/New_York").field, "start");
    }
    assert.match(rejected("next tuesday", "America/New_York").problem.fix, /as YYYY-MM-DDTHH:mm, e\.g\. start: /);
    assert.match(rejected("2017-02-30T20:30", "America/New_York").problem.message, /that date does not exist on the calendar/);
    assert.deepEqual(rejected("2017-05-02T20:60", "America/New_York").problem, {
      message: '"2017-05-02T20:60": 20:60 is not a time on the clock',
      fix: "write the time on the 24-hour clock, 00:00 to 23:59: start: 2017-05-02THH:mm",
    });
  });
});

describe("zones", () => {
  const expectations: Array<[string, RegExp]> = [
    ["EST", /^write zone: America\/New_York \(the zone of EST\/Eastern, with its clock changes\)$/],
    ["EDT", /^write zone: America\/New_York /],
    ["ET", /^write zone: America\/New_York /],
    ["Eastern", /^write zone: America\/New_York \(the zone of Eastern,/],
    ["PST", /^write zone: America\/Los_Angeles /],
    ["GMT-5", /e\.g\. zone: America\/New_York if that is the place$/],
    ["UTC+1", /e\.g\. zone: Europe\/Berlin if that is the place$/],
    // POSIX sign: Etc/GMT+5 is five hours behind UTC.
    ["Etc/GMT+5", /e\.g\. zone: America\/New_York /],
    // US/Eastern was rejected here until it became a warning (below): it is a tz database name.
  ];
  for (const [zone, fix] of expectations) {
    it(`rejects ${zone} with a suggestion`, () => {
      const problem = checkZone(zone);
      assert.ok(problem, `${zone} should be rejected`);
      assert.match(problem.fix, fix);
      assert.ok(problem.message.includes(`"${zone}"`));
      const result = rejected("2017-05-02T20:30", zone);
      assert.equal(result.field, "zone");
    });
  }

  it("explains why an abbreviation and a fixed offset are wrong", () => {
    assert.match(checkZone("EST")!.message, /abbreviation.*daylight saving/);
    assert.match(checkZone("GMT-5")!.message, /fixed UTC offset/);
  });

  it("accepts UTC and IANA names, and asks for the tz spelling of a miscased one", () => {
    assert.equal(checkZone("UTC"), undefined);
    assert.equal(checkZone("Etc/UTC"), undefined);
    assert.equal(checkZone("America/New_York"), undefined);
    assert.equal(checkZone("Asia/Kolkata"), undefined);
    assert.equal(utc("2017-05-02T20:30", "UTC"), "2017-05-02T20:30:00.000Z");
    assert.equal(checkZone("america/new_york")!.fix, "write America/New_York");
    assert.match(checkZone("Mars/Olympus_Mons")!.message, /not an IANA time zone/);
  });

  // The tz database keeps old names as links ("backward"): Intl reads each as the zone it
  // links to, so the times are right. A warning names the current zone, which the chat
  // then carries (every page and calendar names it so), instead of an error that stopped
  // the post: US/Eastern was an error while Europe/Kiev, renamed the same way, warned.
  const links: Array<[string, string]> = [
    ["US/Eastern", "America/New_York"],
    ["US/Pacific", "America/Los_Angeles"],
    ["US/Central", "America/Chicago"],
    ["US/Mountain", "America/Denver"],
    ["Canada/Atlantic", "America/Halifax"],
    ["GB", "Europe/London"],
    ["Japan", "Asia/Tokyo"],
    ["EST5EDT", "America/New_York"],
    ["Asia/Calcutta", "Asia/Kolkata"],
    ["Europe/Kiev", "Europe/Kyiv"],
    ["US/East-Indiana", "America/Indiana/Indianapolis"],
    ["Etc/Zulu", "UTC"],
  ];
  for (const [old, current] of links) {
    it(`accepts ${old} with a warning naming ${current}, and gives the chat ${current}`, () => {
      assert.equal(checkZone(old), undefined);
      assert.deepEqual(zoneWarning(old), {
        message: `"${old}" is an old alias, not a current IANA zone name: the tz database now calls it ${current}`,
        fix: `write zone: ${current} (the current name of ${old})`,
      });
      assert.equal(currentZoneName(old), current);
      const written = resolved("2017-07-04T20:30", old).instant;
      const meant = resolved("2017-07-04T20:30", current).instant;
      assert.deepEqual(written, meant);
      assert.equal(written.zone, current);
    });
  }

  it("keeps current names as written, with no warning", () => {
    for (const zone of ["America/New_York", "Europe/Kyiv", "Asia/Kolkata", "America/Argentina/Buenos_Aires", "UTC", "Etc/UTC"]) {
      assert.equal(zoneWarning(zone), undefined, zone);
      assert.equal(currentZoneName(zone), zone === "Etc/UTC" ? "UTC" : zone);
    }
  });

  it("still rejects names Intl knows that are no tz database names, or a wrong letter case", () => {
    // Intl (ICU) reads Java's old IDs: AST as Anchorage, BST as Dhaka, SST as Guadalcanal.
    // Letters writers use are read as the places they mean (tests/unit/fx8-zone-letters.test.ts);
    // the others get no place at all, never ICU's.
    assert.match(checkZone("BST")!.fix, /^write zone: Europe\/London /);
    for (const zone of ["AST", "SST"]) {
      assert.match(checkZone(zone)!.message, /is an abbreviation, not a time zone: the letters name more than one place/, zone);
      assert.equal(currentZoneName(zone), undefined);
    }
    for (const zone of ["ECT", "MIT", "SystemV/EST5"]) {
      assert.match(checkZone(zone)!.message, /not an IANA time zone/, zone);
      assert.match(checkZone(zone)!.fix, /^write (Area\/City|the Area\/City)/, zone);
      assert.equal(currentZoneName(zone), undefined);
    }
    // Letter case stays an error for any name Intl spells otherwise: old (europe/kiev) or current.
    assert.equal(checkZone("europe/kiev")!.fix, "write Europe/Kyiv");
    assert.equal(checkZone("Asia/calcutta")!.fix, "write Asia/Kolkata");
    // A US/ name the tz database does not have.
    assert.deepEqual(checkZone("US/Eastern Time"), {
      message: '"US/Eastern Time" is not an IANA time zone: the tz database has a few old names under US/, not this one',
      fix: "write the Area/City name of the place, e.g. America/New_York, America/Toronto, America/Santiago",
    });
  });
});

describe("daylight-saving edges", () => {
  it("rejects a time in the spring-forward gap", () => {
    // America/New_York: Sun Mar 12 2017 01:59:59 EST is followed by 03:00:00 EDT.
    const result = rejected("2017-03-12T02:30", "America/New_York");
    assert.equal(result.field, "start");
    assert.deepEqual(result.problem, {
      message: "2017-03-12 02:30 does not exist in America/New_York: the clocks jump forward 1 hour that night",
      fix: "write start: 2017-03-12T03:30 for the time 1 hour later, after the change, or start: 2017-03-12T01:30 for 1 hour earlier, before it",
    });
  });

  it("resolves the fall-back hour to its first occurrence, with a warning", () => {
    // America/New_York: Sun Nov 5 2017 01:59:59 EDT (05:59:59 UT) is followed by 01:00:00 EST (06:00 UT).
    const { instant, warning } = resolved("2017-11-05T01:30", "America/New_York");
    assert.equal(new Date(instant.startMillis).toISOString(), "2017-11-05T05:30:00.000Z");
    assert.equal(instant.offsetMinutes, -240);
    assert.ok(warning);
    assert.match(warning.message, /happens twice/);
    assert.match(warning.fix, /2017-11-05T01:30-05:00/);
  });

  it("lets an explicit offset pick either occurrence, without a warning", () => {
    const second = resolved("2017-11-05T01:30-05:00", "America/New_York");
    assert.equal(new Date(second.instant.startMillis).toISOString(), "2017-11-05T06:30:00.000Z");
    assert.equal(second.warning, undefined);
    const first = resolved("2017-11-05T01:30-04:00", "America/New_York");
    assert.equal(new Date(first.instant.startMillis).toISOString(), "2017-11-05T05:30:00.000Z");
    assert.equal(first.warning, undefined);
  });

  it("gives the same answer whatever the date the build runs (luxon #1665, #1089)", () => {
    const original = Settings.now;
    try {
      const answers = new Set<string>();
      for (const buildDay of ["2017-11-05T05:45:00Z", "2017-07-01T00:00:00Z", "2026-01-15T00:00:00Z", "2035-11-04T06:30:00Z"]) {
        Settings.now = () => Date.parse(buildDay);
        answers.add(utc("2017-11-05T01:30", "America/New_York"));
        answers.add(utc("2017-04-02T02:30", "Australia/Sydney"));
      }
      assert.deepEqual([...answers], ["2017-11-05T05:30:00.000Z", "2017-04-01T15:30:00.000Z"]);
    } finally {
      Settings.now = original;
    }
  });

  it("handles Europe/London, whose winter offset is zero", () => {
    // Europe/London: Sun Oct 29 2017 01:59:59 BST (00:59:59 UT) then 01:00:00 GMT (01:00 UT).
    assert.equal(utc("2017-10-29T01:30", "Europe/London"), "2017-10-29T00:30:00.000Z");
    assert.equal(utc("2017-10-29T01:30Z", "Europe/London"), "2017-10-29T01:30:00.000Z");
    // Sun Mar 26 2017 00:59:59 GMT then 02:00:00 BST.
    assert.match(rejected("2017-03-26T01:30", "Europe/London").problem.message, /does not exist/);
  });
});

describe("half-hour and 45-minute offsets", () => {
  it("Asia/Kolkata, UTC+5:30 all year", () => {
    assert.equal(utc("2017-05-02T20:30", "Asia/Kolkata"), "2017-05-02T15:00:00.000Z");
    assert.equal(resolved("2017-05-02T20:30", "Asia/Kolkata").instant.offsetMinutes, 330);
  });

  it("Australia/Adelaide, ACST +9:30 / ACDT +10:30", () => {
    assert.equal(utc("2017-05-02T20:30", "Australia/Adelaide"), "2017-05-02T11:00:00.000Z");
    assert.equal(utc("2018-01-10T20:30", "Australia/Adelaide"), "2018-01-10T10:00:00.000Z");
    // Sat Sep 30 2017 16:30 UT: Oct 1 01:59:59 ACST is followed by 03:00:00 ACDT.
    assert.match(rejected("2017-10-01T02:30", "Australia/Adelaide").problem.message, /does not exist/);
    // Sat Apr 1 2017 16:30 UT: Apr 2 02:59:59 ACDT is followed by 02:00:00 ACST; first = ACDT.
    const { instant, warning } = resolved("2017-04-02T02:30", "Australia/Adelaide");
    assert.equal(new Date(instant.startMillis).toISOString(), "2017-04-01T16:00:00.000Z");
    assert.ok(warning);
  });

  it("Asia/Kathmandu, UTC+5:45 all year", () => {
    assert.equal(utc("2017-05-02T20:30", "Asia/Kathmandu"), "2017-05-02T14:45:00.000Z");
    assert.equal(describeChatTime(resolved("2017-05-02T20:30", "Asia/Kathmandu").instant).isoLocal, "2017-05-02T20:30:00+05:45");
  });

  it("Pacific/Chatham, +12:45 standard and +13:45 in (southern) summer", () => {
    assert.equal(utc("2017-05-02T20:30", "Pacific/Chatham"), "2017-05-02T07:45:00.000Z");
    assert.equal(utc("2017-12-05T20:30", "Pacific/Chatham"), "2017-12-05T06:45:00.000Z");
    // Sat Sep 23 2017 14:00 UT: Sep 24 02:44:59 +1245 is followed by 03:45:00 +1345.
    assert.match(rejected("2017-09-24T03:00", "Pacific/Chatham").problem.message, /does not exist/);
    // Sat Apr 1 2017 14:00 UT: Apr 2 03:44:59 +1345 is followed by 02:45:00 +1245; first = +1345.
    const { instant, warning } = resolved("2017-04-02T03:00", "Pacific/Chatham");
    assert.equal(new Date(instant.startMillis).toISOString(), "2017-04-01T13:15:00.000Z");
    assert.equal(instant.offsetMinutes, 13 * 60 + 45);
    assert.ok(warning);
  });
});

describe("southern-hemisphere daylight saving", () => {
  it("Australia/Sydney: AEDT +11 in February, AEST +10 in July", () => {
    assert.equal(utc("2018-02-14T12:30", "Australia/Sydney"), "2018-02-14T01:30:00.000Z");
    assert.equal(utc("2017-07-04T12:30", "Australia/Sydney"), "2017-07-04T02:30:00.000Z");
    // Sat Sep 30 2017 16:00 UT: Oct 1 01:59:59 AEST is followed by 03:00:00 AEDT.
    assert.match(rejected("2017-10-01T02:30", "Australia/Sydney").problem.message, /does not exist/);
  });

  it("America/Santiago: −04 in July, −03 in December, transitions at midnight", () => {
    assert.equal(utc("2017-07-04T20:30", "America/Santiago"), "2017-07-05T00:30:00.000Z");
    assert.equal(utc("2017-12-05T20:30", "America/Santiago"), "2017-12-05T23:30:00.000Z");
    // Sun Aug 13 2017 04:00 UT: Aug 12 23:59:59 −04 is followed by Aug 13 01:00:00 −03.
    assert.match(rejected("2017-08-13T00:30", "America/Santiago").problem.message, /does not exist/);
    // Sun May 14 2017 03:00 UT: May 13 23:59:59 −03 is followed by 23:00:00 −04; first = −03.
    const { instant, warning } = resolved("2017-05-13T23:30", "America/Santiago");
    assert.equal(new Date(instant.startMillis).toISOString(), "2017-05-14T02:30:00.000Z");
    assert.ok(warning);
  });
});

describe("across the date line", () => {
  it("Pacific/Auckland: a morning chat is the previous day in UTC", () => {
    // NZST +12 in May 2017 (NZDT ended Sat Apr 1 14:00 UT).
    assert.equal(utc("2017-05-02T08:00", "Pacific/Auckland"), "2017-05-01T20:00:00.000Z");
    assert.equal(utc("2017-05-02T20:30", "Pacific/Auckland"), "2017-05-02T08:30:00.000Z");
  });

  it("Pacific/Kiritimati: +14, and the day it skipped", () => {
    assert.equal(utc("2017-05-02T08:00", "Pacific/Kiritimati"), "2017-05-01T18:00:00.000Z");
    // Sat Dec 31 1994 10:00 UT: Dec 30 23:59:59 −10 is followed by Jan 1 1995 00:00:00 +14.
    const result = rejected("1994-12-31T12:00", "Pacific/Kiritimati");
    assert.match(result.problem.message, /does not exist.*24 hours/);
  });

  it("Pacific/Apia: the last hour before and the first hour after the skipped 30 December 2011", () => {
    // Fri Dec 30 2011 10:00 UT: Dec 29 23:59:59 −10 is followed by Dec 31 00:00:00 +14.
    assert.equal(utc("2011-12-29T23:00", "Pacific/Apia"), "2011-12-30T09:00:00.000Z");
    assert.equal(utc("2011-12-31T00:00", "Pacific/Apia"), "2011-12-30T10:00:00.000Z");
    assert.match(rejected("2011-12-30T12:00", "Pacific/Apia").problem.message, /does not exist/);
  });
});

describe("saying the time back", () => {
  it("gives host time with abbreviation and offset, and UTC", () => {
    const text = describeChatTime(resolved("2017-05-02T20:30", "America/New_York").instant);
    assert.equal(text.host, "Tuesday, May 2, 2017, 8:30 PM EDT (UTC−4)");
    assert.equal(text.utc, "Wednesday, May 3, 2017, 00:30 UTC");
    assert.equal(text.isoLocal, "2017-05-02T20:30:00-04:00");
    assert.equal(text.isoUtc, "2017-05-03T00:30:00Z");
  });

  it("uses the standard-time abbreviation after the change, and a long name where Intl has no letters", () => {
    assert.equal(describeChatTime(resolved("2017-11-07T20:30", "America/New_York").instant).host, "Tuesday, November 7, 2017, 8:30 PM EST (UTC−5)");
    assert.match(describeChatTime(resolved("2017-05-02T20:30", "Asia/Kolkata").instant).host, /8:30 PM India Standard Time \(UTC\+5:30\)$/);
    assert.equal(describeChatTime(resolved("2017-05-02T20:30", "UTC").instant).host, "Tuesday, May 2, 2017, 8:30 PM UTC");
  });

  it("gives a page the long name to say in place of an abbreviation of letters, and none where the text says it in full", () => {
    const est = describeChatTime(resolved("2017-11-07T20:30", "America/New_York").instant);
    assert.deepEqual(est.spokenZone, { before: "Tuesday, November 7, 2017, 8:30 PM ", name: "Eastern Standard Time", after: " (UTC−5)" });
    assert.equal(est.spokenZone!.before + est.abbreviation + est.spokenZone!.after, est.host);
    const cest = describeChatTime(resolved("2017-05-02T20:30", "Europe/Berlin").instant, "de-DE");
    assert.equal(cest.abbreviation, "MESZ");
    assert.equal(cest.spokenZone?.name, "Mitteleuropäische Sommerzeit");
    assert.equal(cest.spokenZone!.before + cest.abbreviation + cest.spokenZone!.after, cest.host);
    assert.equal(describeChatTime(resolved("2017-05-02T20:30", "Asia/Kolkata").instant).spokenZone, undefined);
    assert.equal(describeChatTime(resolved("2017-05-02T20:30", "UTC").instant).spokenZone, undefined);
  });

  it("formats offsets", () => {
    assert.equal(formatOffset(-240), "UTC−4");
    assert.equal(formatOffset(345), "UTC+5:45");
    assert.equal(formatOffset(0), "UTC");
    assert.equal(isoOffset(-570), "-09:30");
    assert.equal(isoOffset(825), "+13:45");
  });
});

describe("round trip", () => {
  // Intl (ICU's tz data), not luxon, turns an instant into the wall clock a writer would type.
  const zones = ["America/New_York", "Europe/London", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kathmandu", "America/Santiago", "Pacific/Apia"];
  const wallClock = (millis: number, zone: string) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
        .formatToParts(new Date(millis))
        .map((p) => [p.type, p.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  };

  it("reads back every minute an Intl clock shows, as that instant or (in a repeated hour) its first occurrence", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.constantFrom(2007, 2011, 2017, 2026, 2033), fc.integer({ min: 0, max: 365 * 24 * 60 - 1 }), fc.boolean(), (zone, year, offset, nearChange) => {
        // Half of the cases within two hours of one of the year's clock changes, where mistakes happen.
        const changes = transitionsInYear(zone, year);
        const millis = nearChange && changes.length
          ? changes[offset % changes.length]!.atMillis + ((offset % 241) - 120) * 60_000
          : Date.UTC(year, 0, 1) + offset * 60_000;
        const result = resolveChatStart(wallClock(millis, zone), zone);
        if (!result.ok) return false;
        if (result.instant.startMillis === millis) return true;
        // Only a repeated local time may resolve elsewhere: earlier, with a warning, and to the same wall clock.
        return result.warning !== undefined && result.instant.startMillis < millis && wallClock(result.instant.startMillis, zone) === wallClock(millis, zone);
      }),
      { numRuns: 400 },
    );
  });
});
