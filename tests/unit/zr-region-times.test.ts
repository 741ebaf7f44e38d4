// `zone:` written as calendars name a region's time ("Japan Standard Time", "East Africa
// Time"): the fix names the zone, and applied as written it puts the chat at the time meant.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkZone } from "../../lib/chat-time.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { parseSettings } from "../../lib/settings.ts";
import { REGION_TIMES, suggestZone } from "../../lib/zone-names.ts";
import { FIXTURE_SETTINGS, instant } from "../helpers/chat-time-fixes.ts";

describe("a region's time as calendars name it", () => {
  // [zone as written, the zone of the fix, 2027-07-14 20:00 there in UTC]
  const cases: Array<[string, string, string]> = [
    ["Japan Standard Time", "Asia/Tokyo", "2027-07-14T11:00"],
    ["Korean Standard Time", "Asia/Seoul", "2027-07-14T11:00"],
    ["East Africa Time", "Africa/Nairobi", "2027-07-14T17:00"],
    ["Gulf Standard Time", "Asia/Dubai", "2027-07-14T16:00"],
    ["Brasilia Standard Time", "America/Sao_Paulo", "2027-07-14T23:00"],
    ["Philippine Standard Time", "Asia/Manila", "2027-07-14T12:00"],
    ["Israel Daylight Time", "Asia/Jerusalem", "2027-07-14T17:00"],
    ["Nepal Time", "Asia/Kathmandu", "2027-07-14T14:15"],
    ["West Africa Standard Time", "Africa/Lagos", "2027-07-14T19:00"],
  ];
  for (const [written, zone, utc] of cases) {
    it(`"${written}": the fix is zone: ${zone}, and applied it keeps the time`, () => {
      assert.deepEqual(checkZone(written), { message: `"${written}" is not an IANA time zone`, fix: `write zone: ${zone}` });
      const [, fixed] = /^write zone: (\S+)$/.exec(checkZone(written)!.fix)!;
      assert.equal(checkZone(fixed!), undefined);
      assert.equal(instant("2027-07-14T20:00", fixed!), utc);
    });
  }

  it("every zone that stands for a region's time shared by several is the one offered for it", () => {
    for (const [region, zone] of Object.entries(REGION_TIMES)) assert.equal(suggestZone(`${region} Time`), zone, region);
  });

  it("offers nothing for a name of no one region's time", () => {
    // Greenland's time is Nuuk's and Ittoqqortoormiit's, and no zone stands for both.
    for (const written of ["Greenland Time", "Standard Time", "Summer Time", "Mars Time", "Korea Standard"]) {
      assert.equal(suggestZone(written), undefined, written);
    }
  });

  it("the site settings get the same fix at their line", () => {
    const text = FIXTURE_SETTINGS.replace(/^ {2}zone: America\/New_York/m, "  zone: Japan Standard Time");
    const line = text.split("\n").findIndex((l) => l.startsWith("  zone: Japan Standard Time")) + 1;
    assert.ok(line > 0);
    const { settings, diagnostics } = parseSettings(text);
    assert.equal(settings, undefined);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `content/_data/site.yaml:${line}:3  chat.zone  "Japan Standard Time" is not an IANA time zone → write zone: Asia/Tokyo`,
    ]);
  });
});
