// CET, MET, EET and WET are refused as zones for their own reason: they follow daylight
// saving time (so "it does not follow daylight saving time" would be false), but they are
// the time of many countries with different clock histories. EST, PST… keep theirs.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { IANAZone } from "luxon";
import { checkZone, currentZoneName, resolveChatStart, zoneWarning } from "../../lib/chat-time.ts";

describe("a zone written as the time of many countries", () => {
  it("CET is refused with the true reason and several cities to choose from", () => {
    assert.deepEqual(checkZone("CET"), {
      message: '"CET" is a time shared by many countries, not the time zone of a place: each country has its own history of clock changes, so "CET" can give the wrong time for past dates',
      fix: "write the zone of the city where the chat is hosted, e.g. zone: Europe/Berlin (or Europe/Paris, Europe/Rome or Europe/Madrid)",
    });
  });

  it("MET, EET, WET and other letter cases the same way; every city offered is a current zone; none says daylight saving", () => {
    const offered = { MET: /zone: Europe\/Berlin \(or /, EET: /zone: Europe\/Athens \(or Europe\/Helsinki, /, WET: /zone: Europe\/Lisbon \(or /, cet: /zone: Europe\/Berlin /, " EET ": /zone: Europe\/Athens / };
    for (const [zone, fix] of Object.entries(offered)) {
      const problem = checkZone(zone)!;
      assert.match(problem.message, /is a time shared by many countries, not the time zone of a place/, zone);
      assert.doesNotMatch(problem.message, /daylight saving/, zone);
      assert.match(problem.fix, fix, zone);
      const cities = /zone: (\S+)(?: \(or (.+)\))?$/.exec(problem.fix)!;
      for (const city of [cities[1]!, ...(cities[2]?.split(/, | or /) ?? [])]) {
        assert.equal(checkZone(city), undefined, city);
        assert.equal(zoneWarning(city), undefined, city);
      }
    }
  });

  it("a chat in CET is refused at its zone, and its start is still read", () => {
    const result = resolveChatStart("2026-07-07T20:30", "CET");
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.field === "zone" && /shared by many countries/.test(result.problem.message) && result.startProblem === undefined);
  });

  it("EST and the other abbreviations keep their reason", () => {
    assert.deepEqual(checkZone("EST"), {
      message: '"EST" is an abbreviation, not a time zone: it does not follow daylight saving time',
      fix: "write zone: America/New_York (the zone of EST/Eastern, with its clock changes)",
    });
    assert.match(checkZone("CEST")!.message, /^"CEST" is an abbreviation, not a time zone/);
  });

  it("EST5EDT and its kind are accepted and follow US daylight saving time, under a current zone's name", () => {
    for (const [zone, winter, summer] of [["EST5EDT", -300, -240], ["CST6CDT", -360, -300], ["MST7MDT", -420, -360], ["PST8PDT", -480, -420]] as const) {
      assert.equal(checkZone(zone), undefined, zone);
      const current = IANAZone.create(currentZoneName(zone)!);
      assert.equal(current.offset(Date.UTC(2026, 0, 15, 12)), winter, zone);
      assert.equal(current.offset(Date.UTC(2026, 6, 15, 12)), summer, zone);
      // Where the tz data makes it an alias of a city (2024b on), the writer is told that city.
      if (current.name !== zone) assert.equal(zoneWarning(zone)?.fix, `write zone: ${current.name} (the current name of ${zone})`);
    }
  });
});
