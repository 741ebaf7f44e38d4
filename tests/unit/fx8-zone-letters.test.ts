// Letters for a time (CST, IST, AST…), offsets, and the clock-change nights: each fix, applied
// as written, keeps the chat at the instant the writer wrote, or says which other one it
// gives; where the letters could mean more than one place, each is a line, likeliest first.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkZone, resolveChatStart, zoneWarning } from "../../lib/chat-time.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { parseSettings } from "../../lib/settings.ts";
import { suggestZone } from "../../lib/zone-names.ts";
import { chatProblemsOf, FIXTURE_SETTINGS, instant, problem, starts } from "../helpers/chat-time-fixes.ts";

const SETTINGS_ZONE_LINE = FIXTURE_SETTINGS.split("\n").findIndex((line) => line.startsWith("  zone: ")) + 1;
const chatProblems = chatProblemsOf("content/posts/2026-07-10-guest.md", "2026-07-10");

describe("letters in start: a zone that keeps that time stays", () => {
  // [start, zone, the instant meant: the time there] — the zone keeps the letters' offset that day.
  const kept: Array<[string, string, string]> = [
    ["2027-01-05 20:00 CST", "Asia/Shanghai", "2027-01-05T12:00"],
    ["2026-07-14 19:00 MST", "America/Phoenix", "2026-07-15T02:00"],
    ["2026-07-14 19:00 IST", "Europe/Dublin", "2026-07-14T18:00"],
    ["2027-01-14 19:00 IST", "Asia/Jerusalem", "2027-01-14T17:00"],
    ["2027-01-14 19:00 IST", "Asia/Kolkata", "2027-01-14T13:30"],
    ["2027-01-14 19:00 AEST", "Australia/Brisbane", "2027-01-14T09:00"],
    ["2026-07-14 19:00 BST", "Asia/Dhaka", "2026-07-14T13:00"],
    ["2026-07-14 19:00 BST", "Europe/London", "2026-07-14T18:00"],
    ["2026-07-14 19:00 GMT", "Africa/Accra", "2026-07-14T19:00"],
    ["2027-01-14 19:00 EST", "America/Toronto", "2027-01-15T00:00"],
    ["2027-01-14 19:00 CET", "Europe/Berlin", "2027-01-14T18:00"],
    ["2026-07-14 19:00 CEST", "Europe/Berlin", "2026-07-14T17:00"],
    ["2026-07-14 19:00 PT", "America/Vancouver", "2026-07-15T02:00"],
    ["2026-07-14 8pm SST", "Pacific/Pago_Pago", "2026-07-15T07:00"],
    ["2026-07-14 8pm SST", "Asia/Singapore", "2026-07-14T12:00"],
    ["2027-01-14 8pm AST", "America/Puerto_Rico", "2027-01-15T00:00"],
    ["2026-07-14 8pm AST", "Asia/Riyadh", "2026-07-14T17:00"],
    ["2027-01-14 8pm NST", "America/St_Johns", "2027-01-14T23:30"],
  ];
  for (const [start, zone, meant] of kept) {
    it(`${start} with zone: ${zone}`, () => {
      const { fix } = problem(start, zone);
      const word = start.split(" ").at(-1)!;
      assert.match(fix, new RegExp(`^write start: \\S+ \\(without ${word}: the zone is ${zone} already\\)$`));
      const [value] = starts(fix);
      assert.equal(instant(value!, zone), meant);
      // Applied in a post: the check says nothing, and the zone is the one written.
      assert.deepEqual(chatProblems(`start: ${value}`, `zone: ${zone}`), []);
    });
  }

  it("the finding's case word for word: CST in Shanghai is not Chicago", () => {
    assert.deepEqual(problem("2027-01-05 20:00 CST", "Asia/Shanghai"), {
      message: '"2027-01-05 20:00 CST" is not written as YYYY-MM-DDTHH:mm (the date, T, the time on the 24-hour clock)',
      fix: "write start: 2027-01-05T20:00 (without CST: the zone is Asia/Shanghai already)",
    });
    // No date: the zone keeps CST at some time of year, and that is enough to keep it.
    assert.match(problem("20:00 CST", "Asia/Shanghai").fix, /\(without CST: the zone is Asia\/Shanghai already\)$/);
  });
});

describe("letters the zone keeps at another time of year: the time kept, and said so, with the letters' moment as a line", () => {
  it("20:00 EST on a July date in New York", () => {
    const { fix } = problem("2026-07-14 20:00 EST", "America/New_York");
    assert.equal(
      fix,
      "write start: 2026-07-14T20:00 (without EST: on 14 July New York keeps EDT, UTC−4; EST, UTC−5, is its winter time. If 20:00 EST was meant, that is 21:00 EDT: write start: 2026-07-14T21:00)",
    );
    const [usual, literal] = starts(fix);
    assert.equal(instant(usual!, "America/New_York"), "2026-07-15T00:00");
    // 20:00 EST is 01:00 UTC: the line for it gives that instant.
    assert.equal(instant(literal!, "America/New_York"), "2026-07-15T01:00");
  });

  it("AST in Halifax in July, IST in Jerusalem in July, AEST in Melbourne in January: the same, by offsets", () => {
    const cases: Array<[string, string, RegExp, string]> = [
      ["2026-07-14 8pm AST", "America/Halifax", /on 14 July Halifax keeps ADT, UTC−3; AST, UTC−4, is its winter time\. If 20:00 AST was meant, that is 21:00 ADT: write start: 2026-07-14T21:00\)$/, "2026-07-15T00:00"],
      ["2026-07-14 19:00 IST", "Asia/Jerusalem", /on 14 July Jerusalem keeps UTC\+3; IST, UTC\+2, is its winter time\. If 19:00 IST was meant, that is 20:00 UTC\+3: write start: 2026-07-14T20:00\)$/, "2026-07-14T17:00"],
      // Melbourne is known by AEST and AEDT (en-AU), and keeps Sydney's clock.
      ["2027-01-14 19:00 AEST", "Australia/Melbourne", /on 14 January Australia\/Melbourne keeps AEDT, UTC\+11, as Sydney does; AEST, UTC\+10, is Sydney's winter time\. If 19:00 AEST was meant, that is 20:00 AEDT: write start: 2027-01-14T20:00\)$/, "2027-01-14T09:00"],
    ];
    for (const [start, zone, note, literalUtc] of cases) {
      const { fix } = problem(start, zone);
      assert.match(fix, note, start);
      assert.equal(instant(starts(fix)[1]!, zone), literalUtc, start);
    }
  });
});

describe("letters the zone does not keep: the moment in the zone's time first, then the places that keep them", () => {
  it("EST with Asia/Shanghai in January: the moment in Shanghai, or New York with the time as written", () => {
    assert.deepEqual(problem("2027-01-05 20:00 EST", "Asia/Shanghai"), {
      message: '"2027-01-05 20:00 EST" is not written as YYYY-MM-DDTHH:mm (the date, T, the time on the 24-hour clock), and 20:00 EST on 5 January is 20:00 in New York (UTC−5), and Asia/Shanghai is at UTC+8 then',
      fix: "to keep Asia/Shanghai, write the moment written in its time: start: 2027-01-06T09:00; or write start: 2027-01-05T20:00 and, on its own line in `chat:`, zone: America/New_York, if the chat is hosted there",
    });
    // Both lines are 20:00 EST, 01:00 UTC.
    const [here, there] = starts(problem("2027-01-05 20:00 EST", "Asia/Shanghai").fix);
    assert.equal(instant(there!, "America/New_York"), "2027-01-06T01:00");
    assert.equal(instant(here!, "Asia/Shanghai"), "2027-01-06T01:00");
  });

  it("in July New York keeps EDT, not EST: the moment, which is 20:00 EST, and New York's 20:00 said to be EDT", () => {
    const { message, fix } = problem("2026-07-14 20:00 EST", "Asia/Shanghai");
    assert.match(message, /20:00 EST on 14 July is UTC−5 \(New York's winter time, not kept there then\), and Asia\/Shanghai is at UTC\+8 then$/);
    assert.equal(fix, "to keep Asia/Shanghai, write the moment written in its time: start: 2026-07-15T09:00; or if the chat is at 20:00 in New York, whose time on 14 July is EDT (UTC−4), not EST, write start: 2026-07-14T20:00 and, on its own line in `chat:`, zone: America/New_York");
    assert.equal(instant(starts(fix)[0]!, "Asia/Shanghai"), "2026-07-15T01:00");
  });

  it("GMT with New York in July: the moment, then the places at UTC+0 that day (London is not)", () => {
    const { fix } = problem("2026-07-14 20:00 GMT", "America/New_York");
    assert.equal(fix, "to keep America/New_York, write the moment written in its time: start: 2026-07-14T16:00; or write start: 2026-07-14T20:00 and, on its own line in `chat:`, zone: Africa/Accra, or zone: UTC, if the chat is hosted there");
    for (const zone of ["Africa/Accra", "UTC"]) assert.equal(instant("2026-07-14T20:00", zone), "2026-07-14T20:00");
    assert.equal(instant("2026-07-14T16:00", "America/New_York"), "2026-07-14T20:00");
  });

  it("no date: the places, as a line for `zone:`", () => {
    assert.equal(
      problem("20:00 EST", "Asia/Shanghai").fix,
      "write the chat's date before the time, as YYYY-MM-DD: start: YYYY-MM-DDT20:00 (without EST; Asia/Shanghai does not keep EST (UTC−5) at any time of year: if the chat is hosted where EST is kept, write zone: America/New_York on its own line in `chat:`)",
    );
  });

  it("applied in a post in the site's zone: each line checks clean, at the instant written", () => {
    const [message] = chatProblems("start: 2026-12-01 8:30pm PST");
    assert.match(message!, /→ to keep America\/New_York, write the moment written in its time: start: 2026-12-01T23:30 for 20:30 PST in Los Angeles, or start: 2026-12-01T07:30 for 20:30 PST in Manila; or write start: 2026-12-01T20:30 and, on its own line in `chat:`, zone: America\/Los_Angeles, or zone: Asia\/Manila, if the chat is hosted there$/);
    assert.deepEqual(chatProblems("start: 2026-12-01T23:30"), []);
    assert.deepEqual(chatProblems("start: 2026-12-01T20:30", "zone: America/Los_Angeles"), []);
    assert.equal(instant("2026-12-01T23:30", "America/New_York"), "2026-12-02T04:30");
    assert.equal(instant("2026-12-01T20:30", "America/Los_Angeles"), "2026-12-02T04:30");
    assert.equal(instant("2026-12-01T20:30", "Asia/Manila"), "2026-12-01T12:30");
  });
});

describe("letters as `zone:`: the places they mean, never Java's IDs, with a true reason", () => {
  const zones: Array<[string, string, string]> = [
    // Letters of several places: each with the times it keeps through the year (tests/unit/fx9-zone-letters-dated.test.ts).
    ["IST", "the letters name more than one place", "write zone: Asia/Kolkata (IST all year), zone: Europe/Dublin (GMT in winter, IST in summer) or zone: Asia/Jerusalem (UTC+2 in winter, UTC+3 in summer)"],
    ["CST", "the letters name more than one place", "write zone: America/Chicago (CST in winter, CDT in summer), zone: Asia/Shanghai (UTC+8 all year) or zone: America/Havana (UTC−5 in winter, UTC−4 in summer)"],
    ["BST", "the letters name more than one place", "write zone: Europe/London (GMT in winter, BST in summer) or zone: Asia/Dhaka (UTC+6 all year)"],
    ["MST", "the letters name more than one place", "write zone: America/Denver (MST in winter, MDT in summer) or zone: America/Phoenix (MST all year)"],
    ["AST", "the letters name more than one place", "write zone: America/Halifax (AST in winter, ADT in summer), zone: America/Puerto_Rico (AST all year) or zone: Asia/Riyadh (UTC+3 all year)"],
    ["SST", "the letters name more than one place", "write zone: Pacific/Pago_Pago (UTC−11 all year) or zone: Asia/Singapore (UTC+8 all year)"],
    ["AEST", "the letters name more than one place", "write zone: Australia/Sydney (AEST in winter, AEDT in summer) or zone: Australia/Brisbane (AEST all year)"],
    ["NST", "it does not follow daylight saving time", "write zone: America/St_Johns (the zone of NST, with its clock changes)"],
    ["EST", "it does not follow daylight saving time", "write zone: America/New_York (the zone of EST/Eastern, with its clock changes)"],
    ["AKST", "it does not follow daylight saving time", "write zone: America/Anchorage (the zone of AKST, with its clock changes)"],
    ["ART", "not the name of a time zone", "write zone: America/Argentina/Buenos_Aires (the zone of ART)"],
    ["JST", "not the name of a time zone", "write zone: Asia/Tokyo (the zone of JST)"],
    ["HKT", "not the name of a time zone", "write zone: Asia/Hong_Kong (the zone of HKT)"],
    ["SGT", "not the name of a time zone", "write zone: Asia/Singapore (the zone of SGT)"],
    ["HST", "not the name of a time zone", "write zone: Pacific/Honolulu (the zone of HST)"],
    ["ET", "not the name of a time zone", "write zone: America/New_York (the zone of ET/Eastern, with its clock changes)"],
  ];
  for (const [zone, reason, fix] of zones) {
    it(`${zone} → ${fix.slice(6)}`, () => {
      const found = checkZone(zone)!;
      assert.ok(found.message.startsWith(`"${zone}" is an abbreviation, `), found.message);
      assert.ok(found.message.endsWith(reason), found.message);
      assert.equal(found.fix, fix);
      // Every place offered is a current zone name, accepted without a word.
      for (const place of fix.match(/[A-Z][a-z]+\/[A-Za-z_/]+|UTC/g)!) {
        assert.equal(checkZone(place), undefined, place);
        assert.equal(zoneWarning(place), undefined, place);
      }
    });
  }

  it("letters of places without clock changes are never said to lack daylight saving", () => {
    for (const zone of ["IST", "JST", "HKT", "SGT", "KST", "WIB", "PHT", "EAT", "SAST", "MSK", "WAT", "CAT", "BRT", "ART", "HST"]) {
      assert.doesNotMatch(checkZone(zone)!.message, /daylight saving/, zone);
    }
  });

  it("Java's three-letter IDs are never offered: letters of unsure meaning get the general fix", () => {
    const java = /Anchorage|Guadalcanal|Auckland|Cairo|Paris|Apia/;
    for (const zone of ["AST", "SST", "NST", "ART", "ECT", "MIT"]) assert.doesNotMatch(checkZone(zone)!.fix, java, zone);
    for (const zone of ["ECT", "MIT", "PRT", "IET", "CTT"]) {
      assert.deepEqual(checkZone(zone), {
        message: `"${zone}" is not an IANA time zone`,
        fix: "write Area/City as in the tz database, e.g. America/New_York, Europe/London, Asia/Kolkata, Australia/Sydney (or UTC)",
      });
      assert.equal(suggestZone(zone), undefined, zone);
    }
    // The tz database's own names without an area still point where the tz database says.
    assert.equal(suggestZone("Hongkong"), "Asia/Hong_Kong");
  });

  it("applied literally, a Newfoundland chat is in St. John's, not Auckland", () => {
    const [, place] = /zone: (\S+)/.exec(checkZone("NST")!.fix)!;
    assert.equal(instant("2027-01-14T19:00", place!), "2027-01-14T22:30");
  });

  it("the site settings get the same message at their line", () => {
    const { settings: none, diagnostics } = parseSettings(FIXTURE_SETTINGS.replace(/^ {2}zone: America\/New_York/m, "  zone: IST"));
    assert.equal(none, undefined);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `content/_data/site.yaml:${SETTINGS_ZONE_LINE}:3  chat.zone  "IST" is an abbreviation, not a time zone: the letters name more than one place → ${checkZone("IST")!.fix}`,
    ]);
    for (const zone of ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"]) {
      assert.deepEqual(parseSettings(FIXTURE_SETTINGS.replace(/^ {2}zone: America\/New_York/m, `  zone: ${zone}`)).diagnostics, [], zone);
    }
  });
});

describe("an offset the zone does not use that year: the moment written first, the time as written second", () => {
  it("+05:30 in New York", () => {
    assert.deepEqual(problem("2026-07-14T20:00:00+05:30", "America/New_York"), {
      message: "the offset +05:30 does not match America/New_York, which is at -04:00 (UTC−4) at that moment",
      fix: "write the moment in the time of America/New_York, 10:30 (or, if 20:00 is the time there, write `start: 2026-07-14T20:00`): `start: 2026-07-14T10:30`",
    });
    const [other, moment] = starts(problem("2026-07-14T20:00:00+05:30", "America/New_York").fix);
    assert.equal(instant(moment!, "America/New_York"), "2026-07-14T14:30");
    assert.equal(instant(other!, "America/New_York"), "2026-07-15T00:00");
  });

  it("+14:00: the moment is on the day before, and the fix says so", () => {
    const { fix } = problem("2026-07-14T10:00+14:00", "America/New_York");
    assert.equal(fix, "write the moment in the time of America/New_York, 16:00 on 13 July (or, if 10:00 is the time there, write `start: 2026-07-14T10:00`): `start: 2026-07-13T16:00`");
    assert.equal(instant(starts(fix)[1]!, "America/New_York"), "2026-07-13T20:00");
  });

  it("an offset the zone keeps in the other season keeps the fix for a copied line", () => {
    assert.equal(
      problem("2026-07-14T20:00-05:00", "America/New_York").fix,
      "write the time in America/New_York without the offset (chatpost gives it the one in force that day, -04:00): `start: 2026-07-14T20:00`",
    );
  });
});

describe("the nights the clocks change: the fixes are lines", () => {
  it("the skipped hour: the same time after the change, or before it; no seconds not typed", () => {
    assert.deepEqual(problem("2026-03-08T02:30", "America/New_York"), {
      message: "2026-03-08 02:30 does not exist in America/New_York: the clocks jump forward 1 hour that night",
      fix: "write start: 2026-03-08T03:30 for the time 1 hour later, after the change, or start: 2026-03-08T01:30 for 1 hour earlier, before it",
    });
    const [after, before] = starts(problem("2026-03-08T02:30", "America/New_York").fix);
    // 03:30 EDT is 02:30 on the clock before the change (EST): the same instant.
    assert.equal(instant(after!, "America/New_York"), "2026-03-08T07:30");
    assert.equal(instant(before!, "America/New_York"), "2026-03-08T06:30");
    assert.match(problem("2026-03-08T02:30:15", "America/New_York").message, /^2026-03-08 02:30:15 does not exist/);
  });

  it("Lord Howe's 30 minutes", () => {
    const { fix } = problem("2026-10-04T02:15", "Australia/Lord_Howe");
    assert.equal(fix, "write start: 2026-10-04T02:45 for the time 30 minutes later, after the change, or start: 2026-10-04T01:45 for 30 minutes earlier, before it");
    for (const value of starts(fix)) instant(value, "Australia/Lord_Howe");
  });

  it("the repeated hour: a line for each, the first saying it silences the warning", () => {
    const result = resolveChatStart("2026-11-01T01:30", "America/New_York");
    assert.ok(result.ok && result.warning);
    assert.deepEqual(result.warning, {
      message: "2026-11-01 01:30 happens twice in America/New_York (the clocks go back that night); the first one, at UTC−4, is used",
      fix: "write start: 2026-11-01T01:30-04:00 to keep the first one without this warning, or start: 2026-11-01T01:30-05:00 for the second",
    });
    const [first, second] = starts(result.warning.fix);
    assert.equal(instant(first!, "America/New_York"), "2026-11-01T05:30");
    assert.equal(instant(second!, "America/New_York"), "2026-11-01T06:30");
    assert.deepEqual(chatProblems(`start: ${first}`, "zone: America/New_York"), []);
  });
});

describe("common forms of a start keep the writer's date and time", () => {
  // [written, zone, the fix's first start: value, its instant]
  const forms: Array<[string, string, string, string]> = [
    ["2026-07-14 20:00 UTC", "America/New_York", "2026-07-14T16:00", "2026-07-14T20:00"],
    ["2026-07-14 20:00 UTC", "UTC", "2026-07-14T20:00", "2026-07-14T20:00"],
    ["2026-07-14T20:00:00.000Z", "America/New_York", "2026-07-14T16:00", "2026-07-14T20:00"],
    ["2026-07-14T20:00:00.000Z", "UTC", "2026-07-14T20:00", "2026-07-14T20:00"],
    ["2026-07-14 20:00 GMT+1", "Europe/London", "2026-07-14T20:00", "2026-07-14T19:00"],
    ["2026-07-14 20:00 UTC+1", "America/New_York", "2026-07-14T15:00", "2026-07-14T19:00"],
    ["2026-07-14 20:00 UTC+05:30", "Asia/Kolkata", "2026-07-14T20:00", "2026-07-14T14:30"],
    ["2026-07-14 8pm Eastern", "America/New_York", "2026-07-14T20:00", "2026-07-15T00:00"],
    ["2026-07-14T2000", "America/New_York", "2026-07-14T20:00", "2026-07-15T00:00"],
    ["2026-07-14T20:00:00-04:00[America/New_York]", "America/New_York", "2026-07-14T20:00", "2026-07-15T00:00"],
  ];
  for (const [written, zone, value, utc] of forms) {
    it(`${written} in ${zone}`, () => {
      const { fix } = problem(written, zone);
      const values = starts(fix);
      // The moment first where the form gives one the zone does not keep; the time as written is the second line.
      assert.ok(values.includes(value), `${fix} lacks ${value}`);
      assert.equal(instant(values.at(-1) === value ? value : values.find((v) => v === value)!, zone), utc);
      if (values.length > 1) assert.equal(values.at(-1), value, "the moment written is the last line, the one after the colon");
    });
  }

  it("the UTC word reads as Z does, word for word", () => {
    assert.equal(problem("2026-07-14 20:00 UTC", "America/New_York").fix, problem("2026-07-14T20:00Z", "America/New_York").fix);
  });

  it("a zone in brackets that is not the chat's is named", () => {
    assert.match(problem("2026-07-14T20:00:00+01:00[Europe/London]", "America/New_York").fix, /\(the zone in brackets goes on its own line in `chat:`: zone: Europe\/London, if the chat is hosted there\)$/);
  });

  it("a day the month does not have: the month's last day, with the time written", () => {
    for (const written of ["2026-02-29T20:00", "2026-02-29 8pm"]) {
      assert.deepEqual(problem(written, "America/New_York"), {
        message: `"${written}": that date does not exist on the calendar: February 2026 has 28 days`,
        fix: "write the chat's date, e.g. start: 2026-02-28T20:00 for 28 February, its last day",
      });
    }
    assert.match(problem("2026-04-31T19:00", "America/New_York").fix, /start: 2026-04-30T19:00 for 30 April, its last day$/);
  });
});
