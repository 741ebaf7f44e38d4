// The local-time script's map from the zone IDs browsers give (ICU's) to the tz
// database's current names: the same as lib/zone-names.ts's, and complete for the IDs
// this Node's ICU can give (Chromium's gives the same ones). The script's function is
// taken from its own bytes (layouts/partials/local-time-script.njk).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { IANAZone } from "luxon";
import { CURRENT_ZONE_NAMES } from "../../lib/zone-names.ts";

const SCRIPT = readFileSync(new URL("../../layouts/partials/local-time-script.njk", import.meta.url), "utf8");
const ZONEINFO = "/usr/share/zoneinfo";

/** The script's own `current(zone)`, taken from its bytes. */
function scriptCurrent(): (zone: string) => string {
  const source = /^function current\(zone\) \{\n[\s\S]*?\n\}$/m.exec(SCRIPT)?.[0];
  assert.ok(source, "the script has `function current(zone) { … }`");
  return new Function(`${source}\nreturn current;`)() as (zone: string) => string;
}

/** What the script renames, among the IDs Intl knows and those of CURRENT_ZONE_NAMES. */
function scriptMap(): Record<string, string> {
  const current = scriptCurrent();
  const map: Record<string, string> = {};
  for (const zone of new Set([...Intl.supportedValuesOf("timeZone"), ...Object.keys(CURRENT_ZONE_NAMES), ...Object.values(CURRENT_ZONE_NAMES), "UTC", "Etc/GMT"])) {
    if (current(zone) !== zone) map[zone] = current(zone);
  }
  return map;
}

/** What Intl gives for a zone (ICU's canonical ID). */
const given = (zone: string): string => new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;

/** The names of zone.tab and zone1970.tab: the tz database's current name for each place. */
function tabNames(): Set<string> {
  const names = new Set<string>();
  for (const file of ["zone.tab", "zone1970.tab"]) {
    for (const line of readFileSync(`${ZONEINFO}/${file}`, "utf8").split("\n")) {
      if (line && !line.startsWith("#")) names.add(line.split("\t")[2]!);
    }
  }
  return names;
}
const noTzdata = existsSync(`${ZONEINFO}/zone1970.tab`) && existsSync(`${ZONEINFO}/zone.tab`) ? false : `no tz database tables in ${ZONEINFO} (apt-get install tzdata)`;

describe("the local-time script's current zone names", () => {
  it("are lib/zone-names.ts's CURRENT_ZONE_NAMES, whole IDs", () => {
    assert.deepEqual(scriptMap(), { ...CURRENT_ZONE_NAMES });
    for (const [old, current] of Object.entries(CURRENT_ZONE_NAMES)) {
      assert.ok(IANAZone.isValidZone(old) && IANAZone.isValidZone(current), `${old} → ${current}`);
      assert.notEqual(old, current);
    }
  });

  it("include the IDs that gained an area part (only whole IDs can say so)", () => {
    const map = scriptMap();
    assert.equal(map["America/Buenos_Aires"], "America/Argentina/Buenos_Aires");
    assert.equal(map["America/Indianapolis"], "America/Indiana/Indianapolis");
    assert.equal(map["America/Louisville"], "America/Kentucky/Louisville");
    assert.equal(map["America/Cordoba"], "America/Argentina/Cordoba");
  });

  it("map each old ID from what Intl gives for its current name", () => {
    for (const [old, current] of Object.entries(CURRENT_ZONE_NAMES)) {
      // Asia/Ulan_Bator is kept for older engines; this ICU gives the current name itself.
      assert.ok([old, current].includes(given(current)), `${current} is given as ${given(current)}`);
    }
  });

  it("leave no ID Intl can give that the tz database has replaced", { skip: noTzdata }, () => {
    const current = tabNames();
    const shown = (zone: string) => CURRENT_ZONE_NAMES[zone] ?? zone;
    for (const zone of Intl.supportedValuesOf("timeZone")) {
      assert.ok(current.has(shown(zone)), `${zone} is shown as ${shown(zone)}, not a current tz name`);
    }
    // A reader in any current zone is shown that zone's own name.
    for (const zone of current) assert.equal(shown(given(zone)), zone, `${zone} is given as ${given(zone)}`);
    for (const zone of Object.values(CURRENT_ZONE_NAMES)) assert.ok(current.has(zone), zone);
  });
});
