// "Did you mean …?" for a time zone: the tz database name a writer meant by "New York",
// "America/New York", "Pacific Time" or "Japan". Only exact readings; a guess would put
// a chat at the wrong hour without a word.
import { createRequire } from "node:module";
import { IANAZone } from "luxon";
import { closest } from "./suggest.ts";

const NEW_YORK = "America/New_York";
const CHICAGO = "America/Chicago";
const DENVER = "America/Denver";
const LOS_ANGELES = "America/Los_Angeles";

// Intl (ICU) still lists some zones by their old names: suggest the tz database's current one.
const RENAMED: Record<string, string> = {
  "Asia/Calcutta": "Asia/Kolkata", "Europe/Kiev": "Europe/Kyiv", "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Rangoon": "Asia/Yangon", "Asia/Katmandu": "Asia/Kathmandu", "America/Godthab": "America/Nuuk",
  "Pacific/Enderbury": "Pacific/Kanton", "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Indianapolis": "America/Indiana/Indianapolis", "America/Louisville": "America/Kentucky/Louisville",
  "Atlantic/Faeroe": "Atlantic/Faroe", "Africa/Asmera": "Africa/Asmara", "Pacific/Truk": "Pacific/Chuuk",
  "Pacific/Ponape": "Pacific/Pohnpei",
};

/**
 * Every zone ID Intl (ICU: Chromium, Safari, Node) gives in place of the tz database's
 * current name, mapped to that name: the reader's zone in `Asia/Kolkata` is given as
 * `Asia/Calcutta`, in `America/Argentina/Buenos_Aires` as `America/Buenos_Aires`. Whole
 * IDs, as some moved to another area. `Asia/Ulan_Bator` is for older engines (ICU has
 * given `Asia/Ulaanbaatar` for a while). The local-time script
 * (layouts/partials/local-time-script.njk) holds the same map, as its bytes are static;
 * tests/unit/local-time-zones.test.ts keeps the two the same, and checks against the tz
 * database's zone.tab that no other ID needs it.
 */
export const CURRENT_ZONE_NAMES: Readonly<Record<string, string>> = {
  ...RENAMED,
  "America/Catamarca": "America/Argentina/Catamarca", "America/Cordoba": "America/Argentina/Cordoba",
  "America/Jujuy": "America/Argentina/Jujuy", "America/Mendoza": "America/Argentina/Mendoza",
  "America/Coral_Harbour": "America/Atikokan", "Asia/Ulan_Bator": "Asia/Ulaanbaatar",
};

// What calendars and meeting tools call a zone ("Eastern Time (US & Canada)"), after
// `normalName` has dropped "time", "standard" and the like; and big cities without a zone of their own.
const COMMON_NAMES: Record<string, string> = {
  eastern: NEW_YORK, "us eastern": NEW_YORK, "north american eastern": NEW_YORK,
  central: CHICAGO, "us central": CHICAGO, "north american central": CHICAGO,
  mountain: DENVER, "us mountain": DENVER, "north american mountain": DENVER,
  pacific: LOS_ANGELES, "us pacific": LOS_ANGELES, "north american pacific": LOS_ANGELES,
  alaska: "America/Anchorage", hawaii: "Pacific/Honolulu", "hawaii aleutian": "Pacific/Honolulu",
  atlantic: "America/Halifax", newfoundland: "America/St_Johns", arizona: "America/Phoenix",
  "greenwich mean": "Europe/London", british: "Europe/London", uk: "Europe/London", england: "Europe/London",
  irish: "Europe/Dublin", "western european": "Europe/Lisbon", "central european": "Europe/Paris",
  "eastern european": "Europe/Athens", india: "Asia/Kolkata", indian: "Asia/Kolkata", china: "Asia/Shanghai",
  "australian eastern": "Australia/Sydney", "australian central": "Australia/Adelaide", "australian western": "Australia/Perth",
  "new zealand": "Pacific/Auckland",
  nyc: NEW_YORK, "new york city": NEW_YORK, "washington dc": NEW_YORK, "washington d c": NEW_YORK, boston: NEW_YORK,
  philadelphia: NEW_YORK, atlanta: NEW_YORK, miami: NEW_YORK, "san francisco": LOS_ANGELES, seattle: LOS_ANGELES,
  "san diego": LOS_ANGELES, "las vegas": LOS_ANGELES, dallas: CHICAGO, houston: CHICAGO, austin: CHICAGO,
  minneapolis: CHICAGO, "salt lake city": DENVER, montreal: "America/Toronto", ottawa: "America/Toronto",
  calgary: "America/Edmonton", mumbai: "Asia/Kolkata", delhi: "Asia/Kolkata", "new delhi": "Asia/Kolkata",
  bangalore: "Asia/Kolkata", bengaluru: "Asia/Kolkata", beijing: "Asia/Shanghai", canberra: "Australia/Sydney",
  edinburgh: "Europe/London", manchester: "Europe/London",
};

// A region's time that several zones share, by the name Intl gives it ("Korean Standard
// Time": Seoul and Pyongyang), and that COMMON_NAMES has not: the zone that stands for it,
// CLDR's "golden zone" (metaZones.xml) or, for Chamorro and Malaysia, its largest city's.
// Offered only while every zone of that name keeps the same clock (regionTimeZone).
export const REGION_TIMES: Readonly<Record<string, string>> = {
  acre: "America/Rio_Branco", amazon: "America/Manaus", "american samoa": "Pacific/Pago_Pago", arabian: "Asia/Riyadh",
  argentina: "America/Argentina/Buenos_Aires", brasilia: "America/Sao_Paulo", "central africa": "Africa/Maputo",
  chamorro: "Pacific/Guam", "east africa": "Africa/Nairobi", gulf: "Asia/Dubai", indochina: "Asia/Bangkok",
  kamchatka: "Asia/Kamchatka", kazakhstan: "Asia/Almaty", korean: "Asia/Seoul", krasnoyarsk: "Asia/Krasnoyarsk",
  magadan: "Asia/Magadan", malaysia: "Asia/Kuala_Lumpur", "marshall islands": "Pacific/Majuro",
  "mexican pacific": "America/Mazatlan", moscow: "Europe/Moscow", samara: "Europe/Samara",
  "south africa": "Africa/Johannesburg", uzbekistan: "Asia/Tashkent", vladivostok: "Asia/Vladivostok",
  "west africa": "Africa/Lagos", "western indonesia": "Asia/Jakarta", yakutsk: "Asia/Yakutsk", yukon: "America/Whitehorse",
};

// The tz database's names without an area: "backward" links kept for old systems, each to
// one zone. Intl (ICU) also takes Java's three-letter IDs (AST, BST, SST…), which are no tz
// names and mean other places than a writer does (lib/chat-time.ts reads them as abbreviations): those are not here.
export const TZ_NAMES_WITHOUT_AREA: ReadonlySet<string> = new Set(
  [
    "Cuba", "Egypt", "Eire", "GB", "GB-Eire", "GMT0", "Greenwich", "Hongkong", "Iceland", "Iran", "Israel", "Jamaica",
    "Japan", "Kwajalein", "Libya", "Navajo", "NZ", "NZ-CHAT", "Poland", "Portugal", "PRC", "ROC", "ROK", "Singapore",
    "Turkey", "UCT", "Universal", "W-SU", "Zulu", "EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT",
  ].map((name) => name.toUpperCase()),
);

let index: { cities: Map<string, string>; zones: Map<string, string>; byArea: Map<string, string[]> } | undefined;

function zoneIndex() {
  if (index) return index;
  const cities = new Map<string, string>();
  const zones = new Map<string, string>();
  const byArea = new Map<string, string[]>();
  for (const listed of Intl.supportedValuesOf("timeZone")) {
    const current = CURRENT_ZONE_NAMES[listed] ?? listed;
    for (const name of new Set([listed, current])) {
      zones.set(name.toLowerCase(), current);
      cities.set(cityKey(name.slice(name.lastIndexOf("/") + 1)), current);
    }
    const area = current.slice(0, current.indexOf("/")).toLowerCase();
    if (area) byArea.set(area, [...(byArea.get(area) ?? []), current]);
  }
  index = { cities, zones, byArea };
  return index;
}

let regionNames: Map<string, string[]> | undefined;

// The start of two years of fixed dates for region times, as lib/chat-time.ts has: a
// suggestion never depends on the day of the build.
const REFERENCE_YEAR = 2026;

/**
 * The zones by the names Intl (CLDR) gives their time in English, as calendars show them
 * ("Japan Standard Time", "Central European Summer Time", "Korean Time"), after normalName:
 * "japan" → [Asia/Tokyo]. Names of an offset ("GMT+03:00") are left out.
 */
function regionNameIndex(): Map<string, string[]> {
  if (regionNames) return regionNames;
  regionNames = new Map();
  const instants = [Date.UTC(REFERENCE_YEAR, 0, 15), Date.UTC(REFERENCE_YEAR, 6, 15)];
  for (const listed of Intl.supportedValuesOf("timeZone")) {
    const zone = CURRENT_ZONE_NAMES[listed] ?? listed;
    for (const timeZoneName of ["long", "longGeneric"] as const) {
      const format = new Intl.DateTimeFormat("en-US", { timeZone: listed, timeZoneName });
      for (const instant of timeZoneName === "long" ? instants : instants.slice(0, 1)) {
        const name = format.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value;
        if (!name || /^(GMT|UTC|Coordinated)/.test(name)) continue;
        const key = normalName(name);
        const zones = regionNames.get(key) ?? [];
        if (!zones.includes(zone)) regionNames.set(key, [...zones, zone]);
      }
    }
  }
  return regionNames;
}

/**
 * The zone meant by a region's time as Intl names it ("Japan Standard Time" → Asia/Tokyo):
 * its one zone, or the zone REGION_TIMES gives when every zone of that name keeps the same
 * offsets through two years, so that whichever place the writer is in, the chat's time
 * is right. Undefined otherwise.
 */
function regionTimeZone(key: string): string | undefined {
  const zones = regionNameIndex().get(key);
  if (!zones) return undefined;
  if (zones.length === 1) return zones[0];
  const meant = REGION_TIMES[key];
  if (!meant || !zones.includes(meant)) return undefined;
  return zones.every((zone) => sameClock(meant, zone)) ? meant : undefined;
}

/** Both zones keep the same offsets, checked weekly through two years from REFERENCE_YEAR. */
function sameClock(a: string, b: string): boolean {
  const start = Date.UTC(REFERENCE_YEAR, 0, 1);
  const [za, zb] = [IANAZone.create(a), IANAZone.create(b)];
  for (let day = 0; day < 2 * 366; day += 7) {
    if (za.offset(start + day * 86_400_000) !== zb.offset(start + day * 86_400_000)) return false;
  }
  return true;
}

let windowsNames: Map<string, string> | undefined;

/** CLDR's windowsZones.json, as cldr-core has it. */
interface WindowsZonesFile {
  supplemental: { windowsZones: { mapTimezones: Array<{ mapZone: { _other: string; _territory: string; _type: string } }> } };
}

/**
 * The zone Windows means by one of its own zone names, as Outlook and Teams invitations
 * write them ("W. Europe Standard Time" → Europe/Berlin, "Central Standard Time (Mexico)" →
 * America/Mexico_City): CLDR's windowsZones table (cldr-core), for the "001" territory, the
 * zone that stands for it. Names of an offset (UTC+12: Etc/GMT-12) are left out: a chat has
 * a place. Read only when a zone is wrong, so a build never loads the table.
 */
export function windowsZone(written: string): string | undefined {
  if (!windowsNames) {
    windowsNames = new Map();
    const file = createRequire(import.meta.url)("cldr-core/supplemental/windowsZones.json") as WindowsZonesFile;
    for (const { mapZone } of file.supplemental.windowsZones.mapTimezones) {
      const zone = mapZone._type.trim().split(/\s+/)[0];
      if (mapZone._territory !== "001" || !zone?.includes("/") || zone.startsWith("Etc/") || !IANAZone.isValidZone(zone)) continue;
      // "Greenwich Standard Time" is Reykjavik to Windows, but to a writer it is what "GMT" is:
      // London's winter time as often as UTC's (lib/chat-time.ts asks which). No reading of it.
      if (windowsKey(mapZone._other) === "greenwich standard time") continue;
      windowsNames.set(windowsKey(mapZone._other), CURRENT_ZONE_NAMES[zone] ?? zone);
    }
  }
  return windowsNames.get(windowsKey(written));
}

function windowsKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/** "(UTC+01:00) Amsterdam, Berlin": the offset in minutes, and what follows it. */
function offsetList(text: string): { offset: number; places: string } | undefined {
  const listed = /^\(\s*(?:UTC|GMT)(?:\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?)?\s*\)\s*(.+)$/i.exec(text);
  if (!listed) return undefined;
  const [, sign, hours = "0", minutes = "0", places] = listed;
  return { offset: (sign === "+" || !sign ? 1 : -1) * (Number(hours) * 60 + Number(minutes)), places: places! };
}

/**
 * The zone of a name as Windows and Outlook list it, "(UTC+01:00) Amsterdam, Berlin, Bern,
 * Rome, Stockholm, Vienna": the first of its places with a zone (a city, or a name such as
 * "Eastern Time (US & Canada)") whose standard offset is the one it gives.
 */
function offsetListZone(listed: { offset: number; places: string }): string | undefined {
  const { cities } = zoneIndex();
  for (const place of listed.places.split(/,|\band\b/)) {
    const zone = COMMON_NAMES[normalName(place)] ?? cities.get(cityKey(place));
    if (zone && standardOffset(zone) === listed.offset) return zone;
  }
  return undefined;
}

/** A zone's offset outside daylight saving time: the smaller of mid-January's and mid-July's. */
function standardOffset(zone: string): number {
  const z = IANAZone.create(zone);
  return Math.min(z.offset(Date.UTC(REFERENCE_YEAR, 0, 15)), z.offset(Date.UTC(REFERENCE_YEAR, 6, 15)));
}

/** "São Paulo", "sao_paulo" and "Sao-Paulo" all become "sao paulo"; "Washington, D.C." "washington d c". */
function cityKey(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[_\s.,'-]+/g, " ").trim();
}

/** "Eastern Standard Time (US & Canada)" → "eastern". */
function normalName(text: string): string {
  return cityKey(text.replace(/\(.*?\)/g, " "))
    .replace(/\b(time|zone|standard|daylight|summer|tz)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The tz database name a writer most likely meant, when it can be told from what they
 * wrote; undefined otherwise. For a name that is not a valid zone as written.
 */
export function suggestZone(written: string): string | undefined {
  const text = written.trim().replace(/\s*\/\s*/g, "/");
  if (!text) return undefined;
  // Windows' own name is exact where the readings below drop words: "Central Standard Time
  // (Mexico)" is Mexico City, not Chicago. A name read whole is plain English too ("Central
  // European Standard Time" is Paris's time as much as Windows' Warsaw): the reading stands
  // when Windows' zone keeps its clock, and where they disagree ("US Mountain Standard
  // Time": Phoenix to Windows, Denver to a reader) no zone is offered: either could put the
  // chat an hour off.
  const windows = windowsZone(text);
  const read = readZoneName(text);
  const meant = windows && read ? (text.includes("(") ? windows : sameClock(windows, read) ? read : undefined) : (windows ?? read);
  // "(UTC+05:00) Brasilia": a zone read from the name must keep the offset written before it.
  const listed = offsetList(text);
  if (listed && meant) return standardOffset(meant) === listed.offset ? meant : undefined;
  return meant;
}

/** suggestZone's readings of a name, Windows' aside. */
function readZoneName(text: string): string | undefined {
  const { cities, zones, byArea } = zoneIndex();
  if (text.includes("/")) {
    // "America/New York": the tz database writes a space as _.
    const underscored = text.replace(/\s+/g, "_");
    const known = zones.get(underscored.toLowerCase());
    if (known) return known;
    // A slip in the city of a known area: "Europe/Pariss", "America/Los_Angelos".
    const area = underscored.slice(0, underscored.indexOf("/")).toLowerCase();
    const candidates = byArea.get(area);
    if (candidates) {
      // The city alone is compared, so that the area's letters do not make a far name look near.
      const cityOf = (zone: string) => zone.slice(zone.lastIndexOf("/") + 1);
      const near = closest(cityOf(underscored), candidates.map(cityOf));
      if (near) return candidates.find((zone) => cityOf(zone) === near);
    }
    return cities.get(cityKey(underscored.slice(underscored.lastIndexOf("/") + 1)));
  }
  const listed = offsetList(text);
  const fromList = listed && offsetListZone(listed);
  if (fromList) return fromList;
  const common = COMMON_NAMES[normalName(text)];
  if (common) return common;
  const city = cities.get(cityKey(text));
  if (city) return city;
  // Old tz names without an area (Japan, GB, Hongkong): Intl knows where they point. Only
  // those: Intl also takes Java's IDs (AST, SST, NST, ART, ECT, MIT), and would put the chat
  // in Anchorage, Guadalcanal or Auckland.
  if (TZ_NAMES_WITHOUT_AREA.has(text.toUpperCase()) && IANAZone.isValidZone(text)) {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: text }).resolvedOptions().timeZone;
    if (resolved.includes("/")) return CURRENT_ZONE_NAMES[resolved] ?? resolved;
  }
  // A region's time as calendars name it: "Japan Standard Time", "East Africa Time".
  const key = normalName(text);
  if (key) return regionTimeZone(key);
  return undefined;
}
