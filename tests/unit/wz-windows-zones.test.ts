// `zone:` copied from Windows, Outlook or Teams: Windows' own zone names ("W. Europe Standard
// Time") and its lists of places ("(UTC+01:00) Amsterdam, Berlin, …"). The fix names the zone
// Windows means, and never one whose clock differs from it.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { IANAZone } from "luxon";
import { checkZone } from "../../lib/chat-time.ts";
import { suggestZone } from "../../lib/zone-names.ts";
import { instant } from "../helpers/chat-time-fixes.ts";

const GENERAL_FIX = "write Area/City as in the tz database, e.g. America/New_York, Europe/London, Asia/Kolkata, Australia/Sydney (or UTC)";

/** The zone a fix names, or undefined for a fix that names none. */
const fixedZone = (written: string) => /^write zone: (\S+)$/.exec(checkZone(written)?.fix ?? "")?.[1];

/** Both zones keep the same offsets, weekly, through 2026 and 2027. */
function sameClock(a: string, b: string): boolean {
  const start = Date.UTC(2026, 0, 1);
  for (let day = 0; day < 2 * 366; day += 7) {
    if (IANAZone.create(a).offset(start + day * 86_400_000) !== IANAZone.create(b).offset(start + day * 86_400_000)) return false;
  }
  return true;
}

describe("Windows' zone names", () => {
  it("a valid zone never loads Windows' table: only a wrong one does", () => {
    const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((file) => file.endsWith("windowsZones.json"));
    assert.equal(checkZone("America/New_York"), undefined);
    assert.equal(loaded(), false);
    checkZone("W. Europe Standard Time");
    assert.equal(loaded(), true);
  });

  it("are told as Windows' names, with the zone Windows means", () => {
    for (const [written, zone] of [
      ["W. Europe Standard Time", "Europe/Berlin"],
      ["Romance Standard Time", "Europe/Paris"],
      ["Korea Standard Time", "Asia/Seoul"],
      ["AUS Eastern Standard Time", "Australia/Sydney"],
      ["E. South America Standard Time", "America/Sao_Paulo"],
      ["  w. europe   standard time ", "Europe/Berlin"],
    ]) {
      assert.deepEqual(checkZone(written!), {
        message: `"${written}" is the name Windows and Outlook give a time zone, not an IANA time zone`,
        fix: `write zone: ${zone}`,
      });
    }
  });

  it("every one with a place gets a zone with Windows' clock, except the three a reader would take for another", () => {
    const ambiguous = new Set(["US Mountain Standard Time", "Arabian Standard Time", "Greenwich Standard Time"]);
    const { mapTimezones } = createRequire(import.meta.url)("cldr-core/supplemental/windowsZones.json").supplemental.windowsZones;
    const named = (mapTimezones as Array<{ mapZone: Record<string, string> }>)
      .map(({ mapZone }) => ({ windowsName: mapZone._other!, territory: mapZone._territory, zone: mapZone._type!.trim().split(" ")[0]! }))
      .filter((entry) => entry.territory === "001" && entry.zone.includes("/") && !entry.zone.startsWith("Etc/"));
    assert.ok(named.length > 120, `${named.length} Windows zones`);
    for (const { windowsName, zone: meant } of named) {
      const zone = fixedZone(windowsName);
      if (ambiguous.has(windowsName)) {
        assert.equal(zone, undefined, windowsName);
        continue;
      }
      assert.ok(zone, `${windowsName}: ${JSON.stringify(checkZone(windowsName))}`);
      assert.equal(checkZone(zone), undefined, `${windowsName} → ${zone}`);
      assert.ok(sameClock(zone, meant), `${windowsName}: ${zone} keeps ${meant}'s clock`);
    }
  });

  it("\"(Mexico)\" is Mexico's clock, not the United States' an hour off in summer", () => {
    // Mexico has kept standard time all year since 2022; read without "(Mexico)" these were Chicago and Denver.
    for (const [written, zone, utc] of [
      ["Central Standard Time (Mexico)", "America/Mexico_City", "2027-07-15T02:00"],
      ["Mountain Standard Time (Mexico)", "America/Mazatlan", "2027-07-15T03:00"],
      ["Eastern Standard Time (Mexico)", "America/Cancun", "2027-07-15T01:00"],
      ["Pacific Standard Time (Mexico)", "America/Tijuana", "2027-07-15T03:00"],
    ]) {
      assert.equal(fixedZone(written!), zone, written);
      assert.equal(instant("2027-07-14T20:00", zone!), utc, written);
    }
  });

  it("a name Windows and readers take for zones of different clocks gets no zone", () => {
    // Phoenix to Windows, Denver to a reader; Dubai (UTC+4) to Windows, Riyadh (UTC+3) in CLDR's English.
    for (const written of ["US Mountain Standard Time", "Arabian Standard Time"]) {
      assert.deepEqual(checkZone(written), { message: `"${written}" is not an IANA time zone`, fix: GENERAL_FIX });
    }
    // Where they agree, the reading stands, told as a name, not as Windows'.
    assert.equal(suggestZone("Eastern Standard Time"), "America/New_York");
    assert.deepEqual(checkZone("Central European Standard Time"), { message: '"Central European Standard Time" is not an IANA time zone', fix: "write zone: Europe/Paris" });
    assert.equal(suggestZone("Arabian Time"), "Asia/Riyadh");
  });

  it("a zone of no place (Dateline Standard Time, UTC+12) gets none", () => {
    assert.equal(checkZone("Dateline Standard Time")?.fix, GENERAL_FIX);
    assert.equal(fixedZone("UTC+12"), undefined);
  });
});

describe("Windows' lists of places with their offset", () => {
  it("give the first place of that standard offset", () => {
    for (const [written, zone] of [
      ["(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Amsterdam"],
      ["(UTC-06:00) Guadalajara, Mexico City, Monterrey", "America/Mexico_City"],
      ["(UTC) Dublin, Edinburgh, Lisbon, London", "Europe/Dublin"],
      ["(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi", "Asia/Kolkata"],
      ["(UTC+10:00) Canberra, Melbourne, Sydney", "Australia/Sydney"],
      ["(UTC-05:00) Eastern Time (US & Canada)", "America/New_York"],
      ["(GMT-03:00) Brasilia", "America/Sao_Paulo"],
      ["(UTC+04:00) Nowhere, Somewhere", undefined],
      ["(UTC−03:00) Sao Paulo", "America/Sao_Paulo"],
      ["(UTC+09:30) Adelaide", "Australia/Adelaide"],
    ]) {
      assert.equal(suggestZone(written!), zone, written);
      if (zone) assert.deepEqual(checkZone(written!), { message: `"${written}" is not an IANA time zone`, fix: `write zone: ${zone}` });
    }
  });

  it("reads a line of spaces after \"(UTC\" in linear time", { timeout: 60_000 }, () => {
    // Two runs of spaces side by side took time quadratic in their length: 2 s for 30,000.
    assert.equal(suggestZone(`(UTC${" ".repeat(200_000)}x`), undefined);
  });

  it("a place whose offset is not the one given is never offered", () => {
    assert.equal(suggestZone("(UTC+02:00) Amsterdam"), undefined);
    assert.equal(suggestZone("(UTC-05:00) Chicago, Berlin"), undefined);
    // Nor a zone read from the name as a whole, nor Windows' own name with another offset.
    assert.equal(suggestZone("(UTC+05:00) Brasilia"), undefined);
    assert.equal(suggestZone("(UTC+01:00) Eastern Time (US & Canada)"), undefined);
    // The wrong place first, a right one after it: the right one.
    assert.equal(suggestZone("(UTC-06:00) Berlin, Chicago"), "America/Chicago");
  });
});
