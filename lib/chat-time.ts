// When a chat happens: reading the writer's wall-clock time in an IANA zone,
// and saying it back correctly for that zone and for UTC.
import { DateTime, IANAZone } from "luxon";
import { dateTimeFormat } from "./intl-formats.ts";
import { digitDayReadings } from "./written-dates.ts";
import { CURRENT_ZONE_NAMES, suggestZone, TZ_NAMES_WITHOUT_AREA, windowsZone } from "./zone-names.ts";

export interface Problem {
  message: string;
  fix: string;
}

/** A chat's start, resolved to one instant. Plain data so it can be cached and serialised. */
export interface ChatInstant {
  /** Milliseconds since the epoch (UTC). */
  startMillis: number;
  /** The UTC offset in force at the start, in minutes east of UTC. */
  offsetMinutes: number;
  zone: string;
  /** The wall-clock time as the writer meant it, `YYYY-MM-DDTHH:mm:ss`. */
  wallClock: string;
}

// Letters people write for a time (EST, IST, CST): the UTC offsets each stands for, and the
// places that keep it, likeliest first. Errors as zones, even where Intl knows the name: as a
// tz name EST is Panama's time (no daylight saving), and Intl reads AST, BST or SST (Java's
// old IDs) as Anchorage, Dhaka or Guadalcanal. In a start, the offsets say whether the
// chat's zone keeps that time (CST in Asia/Shanghai, MST in America/Phoenix): never the name.
// Letters of unsure meaning (ECT: Ecuador or the Eastern Caribbean) are not here.
interface AbbreviationMeaning {
  /** Minutes east of UTC. */
  offsets: readonly number[];
  zones: readonly string[];
}
const at = (offsets: number | readonly number[], ...zones: string[]): AbbreviationMeaning => ({ offsets: typeof offsets === "number" ? [offsets] : offsets, zones });
const NY = "America/New_York", CHI = "America/Chicago", DEN = "America/Denver", LA = "America/Los_Angeles";
const CENTRAL_EUROPE = ["Europe/Berlin", "Europe/Paris", "Europe/Rome", "Europe/Madrid"];
const EASTERN_EUROPE = ["Europe/Athens", "Europe/Helsinki", "Europe/Bucharest", "Europe/Kyiv"];
const WESTERN_EUROPE = ["Europe/Lisbon", "Atlantic/Canary", "Atlantic/Faroe"];
const ABBREVIATIONS: Record<string, readonly AbbreviationMeaning[]> = {
  EST: [at(-300, NY)], EDT: [at(-240, NY)], ET: [at([-300, -240], NY)], EASTERN: [at([-300, -240], NY)],
  CST: [at(-360, CHI), at(480, "Asia/Shanghai"), at(-300, "America/Havana")], CDT: [at(-300, CHI), at(-240, "America/Havana")],
  CT: [at([-360, -300], CHI)], CENTRAL: [at([-360, -300], CHI)],
  MST: [at(-420, DEN, "America/Phoenix")], MDT: [at(-360, DEN)], MT: [at([-420, -360], DEN), at(-420, "America/Phoenix")],
  MOUNTAIN: [at([-420, -360], DEN), at(-420, "America/Phoenix")],
  PST: [at(-480, LA), at(480, "Asia/Manila")], PDT: [at(-420, LA)], PT: [at([-480, -420], LA)], PACIFIC: [at([-480, -420], LA)],
  AKST: [at(-540, "America/Anchorage")], AKDT: [at(-480, "America/Anchorage")],
  HST: [at(-600, "Pacific/Honolulu")], HDT: [at(-540, "America/Adak")],
  AST: [at(-240, "America/Halifax", "America/Puerto_Rico"), at(180, "Asia/Riyadh")], ADT: [at(-180, "America/Halifax")],
  NST: [at(-210, "America/St_Johns")], NDT: [at(-150, "America/St_Johns")],
  SST: [at(-660, "Pacific/Pago_Pago"), at(480, "Asia/Singapore")],
  BRT: [at(-180, "America/Sao_Paulo")], ART: [at(-180, "America/Argentina/Buenos_Aires")],
  CLT: [at(-240, "America/Santiago")], CLST: [at(-180, "America/Santiago")], COT: [at(-300, "America/Bogota")], PET: [at(-300, "America/Lima")],
  GMT: [at(0, "Europe/London", "Europe/Dublin", "Africa/Accra", "UTC")], BST: [at(60, "Europe/London"), at(360, "Asia/Dhaka")],
  IST: [at(330, "Asia/Kolkata"), at(60, "Europe/Dublin"), at(120, "Asia/Jerusalem")], IDT: [at(180, "Asia/Jerusalem")],
  WET: [at(0, ...WESTERN_EUROPE)], WEST: [at(60, ...WESTERN_EUROPE)],
  CET: [at(60, ...CENTRAL_EUROPE)], CEST: [at(120, ...CENTRAL_EUROPE)], MET: [at(60, ...CENTRAL_EUROPE)], MEST: [at(120, ...CENTRAL_EUROPE)],
  EET: [at(120, ...EASTERN_EUROPE)], EEST: [at(180, ...EASTERN_EUROPE)],
  MSK: [at(180, "Europe/Moscow")], TRT: [at(180, "Europe/Istanbul")],
  WAT: [at(60, "Africa/Lagos")], CAT: [at(120, "Africa/Maputo")], SAST: [at(120, "Africa/Johannesburg")], EAT: [at(180, "Africa/Nairobi")],
  GST: [at(240, "Asia/Dubai")], PKT: [at(300, "Asia/Karachi")], NPT: [at(345, "Asia/Kathmandu")],
  ICT: [at(420, "Asia/Bangkok")], WIB: [at(420, "Asia/Jakarta")], WITA: [at(480, "Asia/Makassar")], WIT: [at(540, "Asia/Jayapura")],
  PHT: [at(480, "Asia/Manila")], HKT: [at(480, "Asia/Hong_Kong")], SGT: [at(480, "Asia/Singapore")],
  JST: [at(540, "Asia/Tokyo")], KST: [at(540, "Asia/Seoul")],
  AWST: [at(480, "Australia/Perth")], ACST: [at(570, "Australia/Adelaide", "Australia/Darwin")], ACDT: [at(630, "Australia/Adelaide")],
  AEST: [at(600, "Australia/Sydney", "Australia/Brisbane")], AEDT: [at(660, "Australia/Sydney")], AET: [at([600, 660], "Australia/Sydney")],
  NZST: [at(720, "Pacific/Auckland")], NZDT: [at(780, "Pacific/Auckland")],
};

// The same times by their long names, as meeting tools write them after a time ("8 pm Pacific
// Standard Time"): "standard" and "daylight" are one season of one place, "Eastern Time" both.
const LONG_NAMES: Record<string, readonly AbbreviationMeaning[]> = {
  "EASTERN TIME": ABBREVIATIONS.ET!, "EASTERN STANDARD TIME": [at(-300, NY)], "EASTERN DAYLIGHT TIME": [at(-240, NY)],
  "CENTRAL TIME": ABBREVIATIONS.CT!, "CENTRAL STANDARD TIME": [at(-360, CHI)], "CENTRAL DAYLIGHT TIME": [at(-300, CHI)],
  "MOUNTAIN TIME": ABBREVIATIONS.MT!, "MOUNTAIN STANDARD TIME": ABBREVIATIONS.MST!, "MOUNTAIN DAYLIGHT TIME": [at(-360, DEN)],
  "PACIFIC TIME": ABBREVIATIONS.PT!, "PACIFIC STANDARD TIME": [at(-480, LA)], "PACIFIC DAYLIGHT TIME": [at(-420, LA)],
  "GREENWICH MEAN TIME": ABBREVIATIONS.GMT!, "BRITISH SUMMER TIME": [at(60, "Europe/London")],
  "CENTRAL EUROPEAN TIME": ABBREVIATIONS.CET!, "CENTRAL EUROPEAN SUMMER TIME": ABBREVIATIONS.CEST!,
  "INDIA STANDARD TIME": [at(330, "Asia/Kolkata")], "JAPAN STANDARD TIME": ABBREVIATIONS.JST!,
};

/** What letters or a long name after a time stand for ("E.S.T.", "Eastern Time"): undefined for other words. */
function zoneLetters(written: string): readonly AbbreviationMeaning[] | undefined {
  const key = written.replace(/\./g, "").replace(/\s+/g, " ").trim().toUpperCase();
  return ABBREVIATIONS[key] ?? LONG_NAMES[key];
}

/** The places that keep an abbreviation's time, likeliest first, each once. */
function placesOf(meanings: readonly AbbreviationMeaning[]): string[] {
  return [...new Set(meanings.flatMap((meaning) => meaning.zones))];
}

function offsetsOf(meanings: readonly AbbreviationMeaning[]): Set<number> {
  return new Set(meanings.flatMap((meaning) => meaning.offsets));
}

// A year of fixed dates, for a zone's offsets where no date is written: the result never depends on the day of the build.
const REFERENCE_DAY = Date.UTC(2026, 6, 1);

/** Every offset `zone` (a current tz name) is at within half a year either side of `millis`: its "year". */
function offsetsAround(zone: string, millis: number): Set<number> {
  const iana = IANAZone.create(zone);
  const offsets = new Set<number>();
  // No offset in the tz database lasts under a day, so one sample a day catches each one.
  for (let day = -183; day <= 183; day++) offsets.add(iana.offset(millis + day * 86_400_000));
  return offsets;
}

// Names of a time many countries share, which the tz database also has as zones (since 2024b,
// old aliases: CET of Europe/Brussels). Unlike EST they follow daylight saving time, but
// each country in them has its own history of clock changes, so they can be wrong for past
// dates. The fix offers several cities: the host's is the zone.
const SHARED_TIME_ZONES: Record<string, string[]> = {
  CET: ["Europe/Berlin", "Europe/Paris", "Europe/Rome", "Europe/Madrid"],
  MET: ["Europe/Berlin", "Europe/Paris", "Europe/Rome", "Europe/Madrid"],
  EET: ["Europe/Athens", "Europe/Helsinki", "Europe/Bucharest", "Europe/Kyiv"],
  WET: ["Europe/Lisbon", "Atlantic/Canary", "Atlantic/Faroe"],
};

// A place that keeps this standard offset (hours), to suggest for "GMT-5" or "UTC+1".
const OFFSET_EXAMPLES: Record<string, string> = {
  "-10": "Pacific/Honolulu", "-9": "America/Anchorage", "-8": "America/Los_Angeles", "-7": "America/Denver",
  "-6": "America/Chicago", "-5": "America/New_York", "-4": "America/Halifax", "-3": "America/Sao_Paulo",
  "0": "Europe/London", "1": "Europe/Berlin", "2": "Europe/Athens", "3": "Europe/Moscow", "4": "Asia/Dubai",
  "5.5": "Asia/Kolkata", "5.75": "Asia/Kathmandu", "7": "Asia/Bangkok", "8": "Asia/Singapore", "9": "Asia/Tokyo",
  "9.5": "Australia/Adelaide", "10": "Australia/Sydney", "12": "Pacific/Auckland",
};

// The tz database's areas, the old ones of its backward links among them (US/Eastern,
// Canada/Atlantic); ICU knows others (SystemV/EST5) that are no tz names.
const TZ_AREAS = new Set(["africa", "america", "antarctica", "arctic", "asia", "atlantic", "australia", "europe", "indian", "pacific", "etc", "us", "canada", "mexico", "brazil", "chile"]);

/** What a zone as written is: an error, or its current tz database name (and a warning when it is written otherwise). */
type ZoneReading = { problem: Problem } | { current: string; warning?: Problem };

// Reading a zone builds an Intl formatter (luxon's isValidZone does not cache either): once per name.
const zoneReadings = new Map<string, ZoneReading>();

function readZone(zone: string): ZoneReading {
  let reading = zoneReadings.get(zone);
  if (!reading) zoneReadings.set(zone, (reading = readZoneUncached(zone)));
  return reading;
}

/** Returns a problem when `zone` is not an IANA place name (UTC itself is fine). */
export function checkZone(zone: string): Problem | undefined {
  const reading = readZone(zone);
  return "problem" in reading ? reading.problem : undefined;
}

/**
 * A warning for a zone written by a name the tz database keeps for old systems: renamed
 * (Europe/Kiev → Europe/Kyiv, Asia/Calcutta → Asia/Kolkata) or a backward link (US/Eastern →
 * America/New_York, GB → Europe/London). It gives the right times, so checkZone lets it
 * through; the site uses the current name (currentZoneName), which calendars and readers'
 * browsers expect. undefined for any other zone.
 */
export function zoneWarning(zone: string): Problem | undefined {
  const reading = readZone(zone);
  return "warning" in reading ? reading.warning : undefined;
}

/**
 * The tz database's current name of a zone checkZone accepts, for every page, calendar and
 * feed to use: America/New_York for US/Eastern, Europe/Kyiv for Europe/Kiev, UTC for Etc/UTC.
 * undefined for a zone checkZone rejects.
 */
export function currentZoneName(zone: string): string | undefined {
  const reading = readZone(zone);
  return "current" in reading ? reading.current : undefined;
}

/** The zone Intl reads `name` as (ICU's name for it: Asia/Calcutta for Asia/Kolkata), or undefined for a name it does not know. */
function intlZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function readZoneUncached(zone: string): ZoneReading {
  const trimmed = zone.trim();
  const upper = trimmed.toUpperCase();
  if (upper === "UTC" || upper === "ETC/UTC") return { current: "UTC" };
  const cities = SHARED_TIME_ZONES[upper];
  if (cities) {
    return {
      problem: {
        message: `"${zone}" is a time shared by many countries, not the time zone of a place: each country has its own history of clock changes, so "${zone}" can give the wrong time for past dates`,
        fix: `write the zone of the city where the chat is hosted, e.g. zone: ${cities[0]}${orOthers(cities.slice(1))}`,
      },
    };
  }
  // "EST." and "E.S.T." are the letters too.
  const meanings = ABBREVIATIONS[/^[A-Z.]+$/.test(upper) ? upper.replace(/\./g, "") : upper];
  if (meanings) return { problem: abbreviationAsZone(zone, trimmed, meanings) };
  // GMT-5, UTC+1, Etc/GMT+5, +05:30: fixed offsets (the minus may be typeset as U+2212).
  const fixed = /^(GMT|UTC|UT|ETC\/GMT|ETC\/UTC)?\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(trimmed);
  if (fixed) {
    // POSIX-style Etc/GMT+5 means five hours *behind* UTC.
    const inverted = /^ETC\/GMT/i.test(trimmed) ? -1 : 1;
    const hours = (fixed[2] === "+" ? 1 : -1) * inverted * (Number(fixed[3]) + Number(fixed[4] ?? 0) / 60);
    const example = OFFSET_EXAMPLES[String(hours)];
    return {
      problem: {
        message: `"${zone}" is a fixed UTC offset, not a time zone: it is wrong for part of the year wherever clocks change`,
        fix: example
          ? `write the zone of the place where the chat is hosted, e.g. zone: ${example} if that is the place`
          : "write the zone of the place where the chat is hosted, e.g. zone: America/New_York or zone: Europe/Berlin",
      },
    };
  }
  const slash = trimmed.indexOf("/");
  const intl = intlZone(trimmed);
  const tzName = slash > 0 ? TZ_AREAS.has(trimmed.slice(0, slash).toLowerCase()) : TZ_NAMES_WITHOUT_AREA.has(upper);
  if (intl === undefined || !tzName) return { problem: unknownZone(zone, trimmed) };
  // ICU gives some zones by their old names (Asia/Kolkata as Asia/Calcutta): the tz database's current one.
  const current = CURRENT_ZONE_NAMES[intl] ?? intl;
  if (trimmed === current) return { current };
  // Intl takes any letter case, but the written name would land in calendars (TZID) that compare it exactly.
  // "europe/kiev": the current name, not the old one in other letters.
  const lower = trimmed.toLowerCase();
  if (trimmed !== intl && (lower === intl.toLowerCase() || lower === current.toLowerCase())) {
    return { problem: { message: `"${zone}" is not spelled as in the tz database`, fix: `write ${current}` } };
  }
  return {
    current,
    warning: {
      message: `"${trimmed}" is an old alias, not a current IANA zone name: the tz database now calls it ${current}`,
      fix: `write zone: ${current} (the current name of ${trimmed})`,
    },
  };
}

/**
 * Why letters (EST, IST, JST) are no zone, with the places they stand for. The reason is
 * the true one: "does not follow daylight saving time" only for letters of one season of
 * one place whose clocks change (EST, PST); letters of several places (IST: India, Ireland,
 * Israel) list each, likeliest first, since the first alone would move a chat elsewhere,
 * each with the times it keeps through the year (PST: Los Angeles keeps PDT in summer).
 * With GMT, UTC comes first, for a chat at the same time all year.
 */
function abbreviationAsZone(zone: string, trimmed: string, meanings: readonly AbbreviationMeaning[]): Problem {
  const places = placesOf(meanings);
  if (places.length > 1) {
    const what = /^[A-Z]{2,5}$/i.test(trimmed.replace(/\./g, "")) ? "an abbreviation, not a time zone: the letters name" : "the name of a region's time, not of a time zone: it names";
    const year = (place: string) => {
      const offsets = [...offsetsAround(place, REFERENCE_DAY)].sort((a, b) => a - b);
      const at = (offset: number) => {
        for (let day = -183; day <= 183; day++) {
          const t = REFERENCE_DAY + day * 86_400_000;
          if (IANAZone.create(place).offset(t) === offset) return lettersAt(place, t);
        }
        return formatOffset(offset);
      };
      if (offsets.length === 1) return `${at(offsets[0]!)} all year`;
      if (offsets.length === 2) return `${at(offsets[0]!)} in winter, ${at(offsets[1]!)} in summer`;
      return "with its clock changes";
    };
    const lines = places.filter((place) => place !== "UTC").map((place) => `zone: ${place} (${year(place)})`);
    return {
      message: `"${zone}" is ${what} more than one place`,
      fix: places.includes("UTC")
        ? `write zone: UTC if the chat is at the same time all year, whatever the season; or the zone of the place where it is hosted: ${orList(lines)}`
        : `write ${orList(lines)}`,
    };
  }
  const place = places[0]!;
  const placeOffsets = offsetsAround(place, REFERENCE_DAY);
  const clocksChange = placeOffsets.size > 1;
  // ET, Pacific: both seasons of the place, which is no reason to call it fixed.
  const oneSeason = clocksChange && [...placeOffsets].some((offset) => !offsetsOf(meanings).has(offset));
  return {
    message: oneSeason
      ? `"${zone}" is an abbreviation, not a time zone: it does not follow daylight saving time`
      : /^[A-Z]{2,5}$/i.test(trimmed) ? `"${zone}" is an abbreviation, not the name of a time zone` : `"${zone}" is the name of a region's time, not of a time zone`,
    fix: `write zone: ${place} (the zone of ${describeAlias(/^[^.]+\.$/.test(trimmed) ? trimmed.slice(0, -1) : trimmed, place)}${clocksChange ? ", with its clock changes" : ""})`,
  };
}

/** Why a name neither Intl nor the tz database knows is no zone, with the zone meant when it can be told. */
function unknownZone(zone: string, trimmed: string): Problem {
  const meant = suggestZone(trimmed);
  if (meant) {
    return {
      message: /\/.*\s/.test(trimmed)
        ? `"${zone}" is not an IANA time zone as written: tz database names write a space as _`
        : windowsZone(trimmed) === meant
          ? `"${zone}" is the name Windows and Outlook give a time zone, not an IANA time zone`
          : `"${zone}" is not an IANA time zone`,
      fix: `write zone: ${meant}`,
    };
  }
  if (/^(US|Canada|Mexico|Brazil|Chile)\//i.test(trimmed)) {
    return {
      message: `"${zone}" is not an IANA time zone: the tz database has a few old names under ${trimmed.slice(0, trimmed.indexOf("/"))}/, not this one`,
      fix: "write the Area/City name of the place, e.g. America/New_York, America/Toronto, America/Santiago",
    };
  }
  return {
    message: `"${zone}" is not an IANA time zone`,
    fix: "write Area/City as in the tz database, e.g. America/New_York, Europe/London, Asia/Kolkata, Australia/Sydney (or UTC)",
  };
}

const REGION_WORDS: Record<string, string> = {
  "America/New_York": "Eastern", "America/Chicago": "Central", "America/Denver": "Mountain", "America/Los_Angeles": "Pacific",
};

/** "EST" → "EST/Eastern", so the writer recognises the name they meant. */
/** ` (or A, B or C)`: the other places a shared time is kept in; "" for none. */
function orOthers(places: readonly string[]): string {
  if (!places.length) return "";
  return ` (or ${places.length > 1 ? `${places.slice(0, -1).join(", ")} or ${places.at(-1)}` : places[0]})`;
}

function describeAlias(written: string, zone: string): string {
  const region = REGION_WORDS[zone];
  return region && !written.toLowerCase().includes(region.toLowerCase()) ? `${written}/${region}` : written;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|[+-]\d{2}(?::?\d{2})?))?$/;

/** `2026-07-14T20:00`, or with its seconds when they are not :00 (the writer typed none). */
function shortWallClock(wallClock: string): string {
  return wallClock.length > 16 && wallClock.endsWith(":00") ? wallClock.slice(0, 16) : wallClock;
}

/**
 * The value of `start:` for the instant `millis` in `zone` (a current tz name): its time
 * there, with the offset only where the time alone would be read otherwise (the hour the
 * clocks go back).
 */
function startValue(millis: number, zone: string): string {
  const offset = IANAZone.create(zone).offset(millis);
  const local = shortWallClock(new Date(millis + offset * 60_000).toISOString().slice(0, 19));
  const back = resolveChatStart(local, zone);
  return back.ok && !back.warning && back.instant.startMillis === millis ? local : `${local}${isoOffset(offset)}`;
}

/** "16:30", or "23:30 on 13 July" when the day is not the one of `beside`. */
function timeOnDay(value: string, beside: string): string {
  const time = value.slice(11).replace(/[+-]\d{2}:\d{2}$/, "");
  if (value.slice(0, 10) === beside.slice(0, 10)) return time;
  return `${time} on ${Number(value.slice(8, 10))} ${MONTHS[Number(value.slice(5, 7)) - 1]}`;
}

/**
 * How to write a start whose offset is not its zone's. An offset the zone has at another
 * time of year was most often copied from a post before the clocks changed: the line is
 * the time alone, which is what the writer meant (a weekly chat keeps its local time) and
 * gets the zone's offset that day. An offset the zone never has that year (`Z` from a tool
 * that gives UTC, +05:30 in New York) is no such slip: the moment written first, the time
 * as written second. When that time does not exist or happens twice that night, the line
 * for the moment written, or one line for each of the two moments: nothing is guessed.
 */
function offsetFix(wallClock: string, zone: string, instant: number, actual: number, written: number): string {
  const local = shortWallClock(wallClock);
  const iana = IANAZone.create(currentZoneName(zone) ?? zone).name;
  const moment = startValue(instant, iana);
  const alone = resolveChatStart(local, zone);
  // Tested before what the time alone gives: UTC's 01:30 on the night New York's clocks go back is 21:30 the evening before, not either 01:30.
  if (offsetIsUtc(wallClock, instant) || !offsetsAround(iana, instant).has(written)) {
    const time = local.slice(11);
    const asWritten = !alone.ok ? ""
      : alone.warning ? ` (or, if ${time} is the time there, which happens twice that night, write \`start: ${local}${isoOffset(alone.instant.offsetMinutes)}\` for the first or \`start: ${local}${isoOffset(IANAZone.create(iana).offset(alone.instant.startMillis + 3_600_000 * 3))}\` for the second)`
      : ` (or, if ${time} is the time there, write \`start: ${local}\`)`;
    const offsetNote = /[+-]\d{2}:\d{2}$/.test(moment) ? ` ${formatOffset(actual)}` : "";
    return `write the moment in the time of ${zone}, ${timeOnDay(moment, local)}${offsetNote}${asWritten}: \`start: ${moment}\``;
  }
  if (alone.ok && !alone.warning) return `write the time in ${zone} without the offset (chatpost gives it the one in force that day, ${isoOffset(actual)}): \`start: ${local}\``;
  if (alone.ok) {
    const second = IANAZone.create(alone.instant.zone).offset(alone.instant.startMillis + 3_600_000 * 3);
    return `${local.replace("T", " ")} happens twice in ${zone} that night: write \`start: ${local}${isoOffset(alone.instant.offsetMinutes)}\` for the first or \`start: ${local}${isoOffset(second)}\` for the second`;
  }
  // The time written does not exist that day: the moment the offset gives, in the zone's time.
  return `${local.replace("T", " ")} does not exist in ${zone} (the clocks jump forward that night); the moment written is ${moment.replace("T", " ")} there: \`start: ${moment}\``;
}

/** Whether the wall clock `wallClock` was written for the instant `instant` in UTC. */
function offsetIsUtc(wallClock: string, instant: number): boolean {
  return Date.parse(`${wallClock}Z`) === instant;
}

export type StartResult =
  | { ok: true; instant: ChatInstant; warning?: Problem }
  | {
      ok: false;
      problem: Problem;
      field: "start" | "zone";
      /** With a bad zone, what is wrong with the start as written too (every problem in one run). */
      startProblem?: Problem;
    };

export interface StartOptions {
  /**
   * The weekly slot's time ("20:30"), for a post hosted in the site's zone: what a start
   * written without a time, or with an hour that could be morning or evening, most likely means.
   */
  slotTime?: string;
  /**
   * The time is another of the chat's (`moved_from:`, `updated:`): its zone is the one of
   * `start:`, so a fix never offers a `zone:` line (it would move `start:` too), only the
   * moment in the chat's zone.
   */
  zoneFixed?: boolean;
  /**
   * The post's publish date (YYYY-MM-DD): a start written without its year ("Wed 3 Dec 8pm")
   * or its date ("Tuesday 8pm") is the first such day on or after it, as a post announces a chat to come.
   */
  postDate?: string;
  /**
   * Where the post writes `zone:` (its line and the column of `zone`): a fix for another zone
   * changes that line, since a second `zone:` line would be the field written twice.
   */
  zoneAt?: { line: number; column: number };
}

/**
 * How to write the zone of `places` (the first, or one of the others): on a line of its own in
 * `chat:`, or, where the post has a `zone:` line, in its place, with the line as it should read.
 */
function zoneLineFix(places: readonly string[], zoneAt: StartOptions["zoneAt"]): string {
  if (!zoneAt) return `on its own line in \`chat:\`, zone: ${places[0]}${places.slice(1).map((place) => `, or zone: ${place}`).join("")}`;
  const line = (place: string) => `\`${" ".repeat(Math.max(zoneAt.column - 1, 0))}zone: ${place}\``;
  return `change line ${zoneAt.line} (\`zone:\`) to ${line(places[0]!)}${places.slice(1).map((place) => `, or to ${line(place)}`).join("")}`;
}

/**
 * Resolve `start` in `zone`.
 * - `YYYY-MM-DDTHH:mm[:ss]` is wall-clock time in the zone;
 * - a Date (YAML timestamp) keeps its written digits, read back in UTC, as wall-clock time;
 * - a trailing offset or Z fixes the instant and must agree with the zone.
 * Gaps are errors; in an overlap the first occurrence wins (RFC 5545 §3.3.5), with a warning.
 * Anything else is an error whose fix gives the value to write when it can be read (explainStart).
 * The result never depends on the date the build runs (luxon #1665, #1089).
 */
export function resolveChatStart(start: string | Date, zone: string, options: StartOptions = {}): StartResult {
  const read = readWallClock(start, zone, options);
  const reading = readZone(zone);
  if ("problem" in reading) return { ok: false, problem: reading.problem, field: "zone", ...(read.ok ? {} : { startProblem: read.problem }) };
  if (!read.ok) return { ok: false, field: "start", problem: read.problem };
  // The instant carries the current name (America/New_York for US/Eastern): it is the one every page, calendar and feed shows.
  const iana = IANAZone.create(reading.current);
  const { asUtc, wallClock, explicitOffset } = read;

  if (explicitOffset !== undefined) {
    const instant = asUtc - explicitOffset * 60_000;
    const actual = iana.offset(instant);
    if (actual !== explicitOffset) {
      return {
        ok: false,
        field: "start",
        problem: {
          message: `the offset ${isoOffset(explicitOffset)} does not match ${zone}, which is at ${isoOffset(actual)} (${formatOffset(actual)}) at that moment`,
          fix: offsetFix(wallClock, zone, instant, actual, explicitOffset),
        },
      };
    }
    return { ok: true, instant: { startMillis: instant, offsetMinutes: actual, zone: iana.name, wallClock } };
  }

  // Every offset in force where the wall-clock time could fall (offsets lie within −12 h…+14 h);
  // keep those that map back to it. No offset in the tz database lasts under three hours,
  // so sampling every three hours from −15 h to +15 h catches each one.
  const offsets = new Set<number>();
  for (let hours = -15; hours <= 15; hours += 3) offsets.add(iana.offset(asUtc + hours * 3_600_000));
  const candidates = [...offsets]
    .map((o) => asUtc - o * 60_000)
    .filter((t) => asUtc - iana.offset(t) * 60_000 === t)
    .sort((a, b) => a - b);
  const uniq = [...new Set(candidates)];
  const shown = shortWallClock(wallClock);
  if (uniq.length === 0) {
    const skipped = Math.abs(iana.offset(asUtc + 86_400_000) - iana.offset(asUtc - 86_400_000));
    // The same clock time after the change (what the clock read before it gives), or as long before it.
    const moved = (minutes: number) => shortWallClock(new Date(asUtc + minutes * 60_000).toISOString().slice(0, 19));
    return {
      ok: false,
      field: "start",
      problem: {
        message: `${shown.replace("T", " ")} does not exist in ${iana.name}: the clocks jump forward ${spanText(skipped)} that night`,
        fix: `write start: ${moved(skipped)} for the time ${spanText(skipped)} later, after the change, or start: ${moved(-skipped)} for ${spanText(skipped)} earlier, before it`,
      },
    };
  }
  const first = uniq[0]!;
  const instant: ChatInstant = { startMillis: first, offsetMinutes: iana.offset(first), zone: iana.name, wallClock };
  if (uniq.length > 1) {
    const second = uniq[1]!;
    return {
      ok: true,
      instant,
      warning: {
        message: `${shown.replace("T", " ")} happens twice in ${zone} (the clocks go back that night); the first one, at ${formatOffset(instant.offsetMinutes)}, is used`,
        fix: `write start: ${shown}${isoOffset(instant.offsetMinutes)} to keep the first one without this warning, or start: ${shown}${isoOffset(iana.offset(second))} for the second`,
      },
    };
  }
  return { ok: true, instant };
}

type WallClockRead =
  | { ok: true; asUtc: number; wallClock: string; explicitOffset?: number }
  | { ok: false; problem: Problem };

/**
 * The wall-clock time as written, checked for form and against the calendar only: it
 * needs no zone, so a start is checked even when the zone is wrong.
 */
function readWallClock(start: string | Date, zone: string, options: StartOptions): WallClockRead {
  let parts: number[];
  let explicitOffset: number | undefined;
  if (start instanceof Date) {
    if (Number.isNaN(start.getTime())) return { ok: false, problem: unreadableStart(String(start), options) };
    parts = [
      start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate(),
      start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds(),
    ];
  } else {
    const m = WALL_CLOCK.exec(start.trim());
    if (!m) return { ok: false, problem: explainStart(start, zone, options) };
    parts = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)));
    if (m[7] !== undefined) explicitOffset = parseOffset(m[7]);
  }
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const day = new Date(Date.UTC(y, mo - 1, d));
  const dateOk = day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
  const written = typeof start === "string" ? start : new Date(asUtc).toISOString();
  if (!dateOk) {
    const missing = typeof start === "string" ? missingDay(written, written.slice(0, 10), { h, mi, s }) : undefined;
    return { ok: false, problem: missing ?? { message: `"${written}": that date does not exist on the calendar`, fix: formatFix(options) } };
  }
  if (h === 24 && mi === 0 && s === 0) return { ok: false, problem: midnight24(written, y, mo, d) };
  if (h > 23 || mi > 59 || s > 59) {
    return {
      ok: false,
      problem: {
        message: `"${written}": ${pad(h)}:${pad(mi)}${s ? `:${pad(s)}` : ""} is not a time on the clock`,
        fix: `write the time on the 24-hour clock, 00:00 to 23:59: start: ${pad(y, 4)}-${pad(mo)}-${pad(d)}THH:mm`,
      },
    };
  }
  const wallClock = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
  return { ok: true, asUtc, wallClock, ...(explicitOffset !== undefined ? { explicitOffset } : {}) };
}

function spanText(minutes: number): string {
  if (minutes % 60) return `${minutes} minutes`;
  return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
}

// An example only where nothing of the writer's value could be read.
const EXAMPLE_DATE = "2026-12-01";

function formatFix(options: StartOptions): string {
  return `write the date and the time on the 24-hour clock where the chat is hosted, as YYYY-MM-DDTHH:mm, e.g. start: ${EXAMPLE_DATE}T${options.slotTime ?? "20:30"}`;
}

function unreadableStart(value: string, options: StartOptions): Problem {
  return { message: `"${value}" is not a date and time written as YYYY-MM-DDTHH:mm`, fix: formatFix(options) };
}

/** 24:00 is midnight at the end of the day: ISO 8601 allows it, calendars do not. */
function midnight24(written: string, y: number, mo: number, d: number): Problem {
  const next = new Date(Date.UTC(y, mo - 1, d + 1)).toISOString().slice(0, 10);
  return {
    message: `"${written}": 24:00 is not a time on the clock; midnight at the end of ${longDate(y, mo, d)} is 00:00 on the next day`,
    fix: `write start: ${next}T00:00`,
  };
}

/**
 * "midnight", 12am or 12:30am on a date: that time at the start of the day, or, as it is
 * often meant, in the night after it.
 */
function midnightWord(written: string, time: { mi: number; s: number; written: string }, { y, mo, d }: { y: number; mo: number; d: number }, note: string): Problem {
  const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  const next = new Date(Date.UTC(y, mo - 1, d + 1)).toISOString().slice(0, 10);
  const at = `${pad(0)}:${pad(time.mi)}${time.s ? `:${pad(time.s)}` : ""}`;
  const what = time.written === "midnight" ? "midnight" : time.mi ? `${time.written} (${at}, ${afterMidnight(time.mi)})` : `${time.written}, midnight,`;
  return {
    message: time.mi === 0 && !time.s
      ? `"${written}": ${what} could be the start of ${longDate(y, mo, d)} or its end, 00:00 on the next day`
      : `"${written}": ${what} could be at the start of ${longDate(y, mo, d)} or in the night after it, on the next day`,
    fix: `write start: ${next}T${at} for the night after ${d} ${MONTHS[mo - 1]}, or start: ${day}T${at} for the night before it${note}`,
  };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function longDate(y: number, mo: number, d: number): string {
  return `${d} ${MONTHS[mo - 1]} ${y}`;
}

function twelveHour(h: number, mi: number): string {
  return `${h % 12 === 0 ? 12 : h % 12}:${pad(mi)} ${h < 12 ? "AM" : "PM"}`;
}

interface DateRead {
  y: number;
  mo: number;
  d: number;
}

// A time at the end of the value: 8pm, 8:30 p.m., 20:30, 20.30, 20h30, with its seconds.
const TIME_AMPM = /(?:^|[\sT,@])(\d{1,2})(?:[:.h](\d{2}))?(?::(\d{2}))?\s*([ap])\.?\s*m\.?$/i;
const TIME_24 = /(?:^|[\sT,@])(\d{1,2})[:.h](\d{2})(?::(\d{2}))?$/i;
const WEEKDAY = /^(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?(?:\s+|$)/i;
// Formats luxon reads month names in (any letter case), after commas, ordinals and "of" are dropped.
const NAMED_MONTH_FORMATS = ["MMM d yyyy", "MMMM d yyyy", "d MMM yyyy", "d MMMM yyyy"];

/** The calendar dates `text` can be read as: none, one, or two for 12/01/2026 (day and month either way). */
function readDate(text: string): DateRead[] {
  const digits = digitDayReadings(text);
  if (digits) return digits.map(({ year, month, day }) => ({ y: year, mo: month, d: day }));
  const words = text
    .replace(/,/g, " ")
    .replace(/\b(\d{1,2})(st|nd|rd|th)\b/gi, "$1")
    .replace(/\bof\b/gi, " ")
    .replace(/\b(sept)\b/gi, "Sep")
    .replace(/([a-z])\./gi, "$1")
    .replace(/\s+/g, " ")
    .trim();
  for (const format of NAMED_MONTH_FORMATS) {
    const parsed = DateTime.fromFormat(words, format, { locale: "en-US", zone: "UTC" });
    if (parsed.isValid) return [{ y: parsed.year, mo: parsed.month, d: parsed.day }];
  }
  return [];
}

type TimeRead =
  | { kind: "none" }
  /** `early`: the hour 0 written with am (00:30am), said back as the time after midnight it is. */
  | { kind: "exact"; h: number; mi: number; s: number; early?: string }
  /** An hour of the 12-hour clock without am or pm: the morning hour, and the evening one. */
  | { kind: "either"; hours: [number, number]; mi: number; s: number; written: string }
  /** midnight, 12am, 12:30am: at the start of the day written, or, as it is often meant, in the night after it. */
  | { kind: "night"; mi: number; s: number; written: string }
  /** An hour and an am or pm that disagree (0:30 pm, 20:30am, 13pm): each reading, likeliest first, and why. */
  | { kind: "mixed"; hours: number[]; mi: number; s: number; written: string; why: string }
  | { kind: "impossible"; written: string };

/** "half past midnight", "midnight", "15 minutes after midnight". */
function afterMidnight(mi: number): string {
  return mi === 0 ? "midnight" : mi === 30 ? "half past midnight" : `${mi} minute${mi === 1 ? "" : "s"} after midnight`;
}

/** A time written with am or pm, read on the 24-hour clock, or told for what it is. */
function readAmPm(h: number, mi: number, s: number, pm: boolean, written: string): TimeRead {
  if (h > 23 || mi > 59 || s > 59) return { kind: "impossible", written };
  // 12am is midnight to most, and midnight begins the day or ends it, as "midnight" does.
  if (h === 12 && !pm) return { kind: "night", mi, s, written };
  // 00:30am agrees with itself: the 24-hour clock's 00:30.
  if (h === 0 && !pm) return { kind: "exact", h: 0, mi, s, early: written };
  const hm = `${h}:${pad(mi)}`;
  if (h === 0) return { kind: "mixed", hours: [12, 0], mi, s, written, why: `${hm} is ${afterMidnight(mi)} on the 24-hour clock, and pm the afternoon` };
  if (h > 12) {
    return pm
      ? { kind: "mixed", hours: [h], mi, s, written, why: `${h} is an hour of the 24-hour clock, which has no am or pm` }
      : { kind: "mixed", hours: [h, h - 12], mi, s, written, why: `${hm} is ${twelveHour(h, mi)} on the 24-hour clock, and am the morning` };
  }
  return { kind: "exact", h: (h % 12) + (pm ? 12 : 0), mi, s };
}

/** Letters or a long name of a zone at the end of `text` ("8pm EST", "8pm (ET)"), the longest that is one, and the text before them. */
function trailingZoneWord(text: string): { word: string; meanings: readonly AbbreviationMeaning[]; before: string } | undefined {
  // Letters with full stops or a sentence's ("E.S.T.", "ET."), or a long name ("Pacific Standard Time").
  for (let words = 4; words >= 1; words--) {
    const trailing = new RegExp(`\\s+\\(?([A-Za-z][A-Za-z.]*(?:\\s+[A-Za-z][A-Za-z.]*){${words - 1}})\\)?\\.?$`).exec(text);
    const meanings = trailing && !/^[ap]\.?m\.?$/i.test(trailing[1]!) ? zoneLetters(trailing[1]!) : undefined;
    // "EST." ends a sentence; "E.S.T." is written with its stops.
    if (trailing && meanings) return { word: /^[^.]+\.$/.test(trailing[1]!) ? trailing[1]!.slice(0, -1) : trailing[1]!, meanings, before: text.slice(0, trailing.index) };
  }
  return undefined;
}

/** `YYYY-MM-DD` of a date read. */
function isoDay({ y, mo, d }: DateRead): string {
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

function addDays(date: DateRead, days: number): DateRead {
  const t = new Date(Date.UTC(date.y, date.mo - 1, date.d + days));
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function weekdayOf({ y, mo, d }: DateRead): number {
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
}

/** The weekday written ("Wed", "tues"), 0 for Sunday. */
function weekdayNumber(written: string): number {
  return WEEKDAYS.findIndex((day) => day.slice(0, 2).toLowerCase() === written.slice(0, 2).toLowerCase());
}

/** A day and a month written without the year ("3 Dec", "December 3rd"), or undefined. */
function readDayMonth(text: string): { mo: number; d: number } | undefined {
  // Read in a leap year, so that 29 February is a day; the year is chosen from the post's date.
  const [date] = readDate(`${text} 2000`);
  return date ? { mo: date.mo, d: date.d } : undefined;
}

/** How the date was found when it was not all written: said in the fix, or, for two dates, in the message. */
interface DateFinding {
  /** Said after the single value. */
  note?: string;
  /** For two dates: why, and what each is. */
  two?: { why: string; labels: [string, string] };
}

/**
 * The year of a day written without it, from the post's date: the first such day on or after it
 * (a post announces a chat to come). With a weekday that day does not have, both: the day as
 * written, and the weekday written nearest it, with the years the two agree in.
 */
function dayInYear(day: { mo: number; d: number }, weekday: number | undefined, postDate: string): { dates: DateRead[]; finding: DateFinding } {
  const [py, pmo, pd] = postDate.split("-").map(Number) as [number, number, number];
  const exists = (y: number) => new Date(Date.UTC(y, day.mo - 1, day.d)).getUTCDate() === day.d;
  let y = py;
  while (!exists(y) || `${pad(y, 4)}-${pad(day.mo)}-${pad(day.d)}` < postDate) y++;
  const date = { y, mo: day.mo, d: day.d };
  const written = `${day.d} ${MONTHS[day.mo - 1]}`;
  const after = `the first ${written} on or after the post's date, ${longDate(py, pmo, pd)}`;
  if (weekday === undefined || weekdayOf(date) === weekday) {
    return { dates: [date], finding: { note: ` (${longDate(y, day.mo, day.d)}, ${after}${weekday === undefined ? "" : `, is a ${WEEKDAYS[weekday]}`})` } };
  }
  // The weekday nearest the day written: 1 to 3 days before it, or 1 to 3 after (a week has 7 days: never a tie).
  const back = (weekdayOf(date) - weekday + 7) % 7;
  const near = addDays(date, back <= 3 ? -back : 7 - back);
  const years: number[] = [];
  for (const step of [-1, 1]) {
    for (let other = y + step; Math.abs(other - y) <= 28; other += step) {
      if (exists(other) && weekdayOf({ y: other, mo: day.mo, d: day.d }) === weekday) {
        years.push(other);
        break;
      }
    }
  }
  const name = WEEKDAYS[weekday]!;
  return {
    dates: [date, near],
    finding: {
      two: {
        why: `it has no year, and ${longDate(y, day.mo, day.d)}, ${after}, is a ${WEEKDAYS[weekdayOf(date)]}, not a ${name} (${written} is a ${name} in ${years.sort().join(" and ")})`,
        labels: [`${WEEKDAYS[weekdayOf(date)]} ${written}`, `${name} ${near.d} ${MONTHS[near.mo - 1]}`],
      },
    },
  };
}

/** The first `weekday` on or after the post's date, for a time written with a weekday and no date. */
function weekdayAfter(weekday: number, postDate: string): { dates: DateRead[]; finding: DateFinding } {
  const [y, mo, d] = postDate.split("-").map(Number) as [number, number, number];
  const post = { y, mo, d };
  const date = addDays(post, (weekday - weekdayOf(post) + 7) % 7);
  return { dates: [date], finding: { note: ` (${longDate(date.y, date.mo, date.d)}, the first ${WEEKDAYS[weekday]} on or after the post's date, ${longDate(y, mo, d)})` } };
}

/**
 * Why `text` (not YYYY-MM-DDTHH:mm) is not a start, and the value to write when the date
 * and the time can be told from it: never a silent guess between morning and evening.
 */
function explainStart(text: string, zone: string, options: StartOptions): Problem {
  const bracketed = bracketedRemark(text, zone, options);
  if (bracketed) return bracketed;
  const iso = isoReading(text, zone, options);
  if (iso) return iso;
  let rest = text.trim().replace(/\s+/g, " ");
  // A zone written after the time belongs in `zone:` (the fix says so when it is not the zone already used).
  const trailing = trailingZoneWord(rest);
  const zoneWord = trailing?.word;
  const zoneMeanings = trailing?.meanings;
  if (trailing) rest = trailing.before;
  // "noon" is 12:00; "midnight" could begin the day or end it, so the fix gives both.
  const named = /(?:^|[\sT,@])(?:12(?:[:.]00)?\s*)?(noon|midday|midnight)$/i.exec(rest);
  const isMidnight = named?.[1]!.toLowerCase() === "midnight";
  if (named) rest = `${rest.slice(0, named.index)}${isMidnight ? "" : " 12:00 pm"}`;
  let time: TimeRead = isMidnight ? { kind: "night", mi: 0, s: 0, written: "midnight" } : { kind: "none" };
  const ampm = isMidnight ? null : TIME_AMPM.exec(rest);
  const clock = ampm || isMidnight ? undefined : TIME_24.exec(rest);
  const found = ampm ?? clock;
  if (found) {
    const h = Number(found[1]);
    const mi = Number(found[2] ?? 0);
    const s = Number(found[3] ?? 0);
    const written = found[0].replace(/^[\sT,@]/, "");
    if (ampm) {
      time = readAmPm(h, mi, s, /p/i.test(ampm[4]!), written);
    } else if (h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0))) {
      time = { kind: "impossible", written };
    } else if (h >= 1 && h <= 12 && !found[1]!.startsWith("0") && !(found[0].startsWith("T") && found[1]!.length === 2)) {
      // 8:00 and 10:30 are how the 12-hour clock is written; 08:00, 20:00 and …T12:30, the 24-hour one.
      time = { kind: "either", hours: [h % 12, (h % 12) + 12], mi, s, written };
    } else {
      time = { kind: "exact", h, mi, s };
    }
    rest = rest.slice(0, found.index);
  }
  rest = rest.replace(/(?:[\s,@]|\bat\b|(?<=\d)T)+$/i, "").trim();
  const weekday = WEEKDAY.exec(rest);
  if (weekday) rest = rest.slice(weekday[0].length);
  const weekdayWritten = weekday ? weekdayNumber(weekday[1]!) : undefined;
  let dates = readDate(rest);
  let finding: DateFinding = {};
  // A day without its year ("Wed 3 Dec"), or a weekday alone ("Tuesday 8pm"): the post's date tells which.
  const dayMonth = dates.length === 0 ? readDayMonth(rest) : undefined;
  if (dayMonth && options.postDate) ({ dates, finding } = dayInYear(dayMonth, weekdayWritten, options.postDate));
  else if (dates.length === 0 && rest === "" && weekdayWritten !== undefined && options.postDate && time.kind !== "none" && time.kind !== "impossible") {
    ({ dates, finding } = weekdayAfter(weekdayWritten, options.postDate));
  }
  const seconds = (s: number) => (s ? `:${pad(s)}` : "");
  const oneDay = dates.length === 1 && time.kind === "exact" && time.h < 24 ? { date: dates[0]!, h: time.h, mi: time.mi, s: time.s } : undefined;
  const advice = zoneWord && zoneMeanings ? zoneAdvice(zoneWord, zoneMeanings, zone, oneDay, options) : undefined;
  const zoneNote = advice?.note ?? "";
  if (dates.length === 0) {
    const missing = missingDay(text, rest, time.kind === "exact" ? time : undefined);
    if (missing) return missing;
    const hm = time.kind === "exact" ? `${pad(time.h)}:${pad(time.mi)}${seconds(time.s)}` : "HH:mm";
    if (dayMonth) {
      return {
        message: `"${text}" has no year`,
        fix: `write the date with its year, as YYYY-MM-DD: start: YYYY-${pad(dayMonth.mo)}-${pad(dayMonth.d)}T${hm}${zoneNote}`,
      };
    }
    // "20:00 EST", "Tuesday 8pm": a time, and no date to put it on.
    if (rest.trim() === "" && (time.kind === "exact" || time.kind === "either")) {
      const at = (h: number) => `start: YYYY-MM-DDT${pad(h)}:${pad(time.mi)}${seconds(time.s)}`;
      return {
        message: `"${text}" has a time but no date${weekday ? ": a weekday does not say which week" : ""}`,
        fix: `write the chat's date before the time, as YYYY-MM-DD: ${time.kind === "exact" ? at(time.h) : `${at(time.hours[0])} in the morning, ${at(time.hours[1])} in the evening`}${zoneNote}`,
      };
    }
    return unreadableStart(text, options);
  }

  const value = (date: DateRead, h: number, mi: number, s = 0) => `start: ${isoDay(date)}T${pad(h)}:${pad(mi)}${seconds(s)}`;
  const unknownTime = (date: DateRead) => `start: ${isoDay(date)}THH:mm`;
  const [slotH, slotMi] = (options.slotTime ?? "").split(":").map(Number);
  const onDate = (date: DateRead) => `${date.d} ${MONTHS[date.mo - 1]}`;
  const hourLabel = (date: DateRead, h: number, mi: number) => (h === 0 ? `${pad(0)}:${pad(mi)}, ${afterMidnight(mi)} at the start of ${onDate(date)}` : twelveHour(h, mi));
  const earlyNote = (date: DateRead) => (time.kind === "exact" && time.early ? ` (${time.early} is ${pad(0)}:${pad(time.mi)}, ${afterMidnight(time.mi)} at the start of ${onDate(date)})` : "");
  /** The lines a date can be written with, at the time written (each reading of it, labelled), or the weekly time for a date alone. */
  const choices = (date: DateRead): string[] => {
    switch (time.kind) {
      case "exact":
        return [`${value(date, time.h, time.mi, time.s)}${earlyNote(date)}`];
      case "either": {
        // The reading nearer the weekly time first.
        const pmFirst = slotH !== undefined && !Number.isNaN(slotH) && slotH >= 12;
        const [am, pm] = time.hours;
        return (pmFirst ? [pm, am] : [am, pm]).map((h) => `${value(date, h, time.mi, time.s)} for ${twelveHour(h, time.mi)}`);
      }
      case "mixed":
        return time.hours.map((h) => `${value(date, h, time.mi, time.s)} for ${hourLabel(date, h, time.mi)}`);
      case "night":
        return [`${value(addDays(date, 1), 0, time.mi, time.s)} for the night after ${onDate(date)}`, `${value(date, 0, time.mi, time.s)} for the night before it`];
      case "none":
        return [options.slotTime ? value(date, slotH!, slotMi!) : unknownTime(date)];
      case "impossible":
        return [unknownTime(date)];
    }
  };
  /** What is not known about the time written, for a message. */
  const timeDoubt = (): string | undefined => {
    switch (time.kind) {
      case "either": return `it does not say whether ${time.written} is in the morning or the evening`;
      case "night": return `${time.written === "midnight" ? "midnight" : `${time.written} (${afterMidnight(time.mi)})`} could be at the start of the day or at its end`;
      case "mixed": return `${time.written} is not a time on the clock: ${time.why}`;
      case "impossible": return `${time.written} is not a time on the clock`;
      default: return undefined;
    }
  };

  if (time.kind === "exact" && time.h === 24) return midnight24(text, dates[0]!.y, dates[0]!.mo, dates[0]!.d);
  if (dates.length === 2) {
    const [a, b] = dates as [DateRead, DateRead];
    const labels = finding.two?.labels ?? [onDate(a), onDate(b)];
    const [ca, cb] = [choices(a), choices(b)];
    const doubt = timeDoubt();
    const message = `"${text}": ${finding.two ? finding.two.why : `the date could be ${longDate(a.y, a.mo, a.d)} or ${longDate(b.y, b.mo, b.d)}`}${doubt ? `, and ${doubt}` : ""}`;
    if (ca.length === 1 && cb.length === 1) {
      return { message, fix: `write the date as YYYY-MM-DD: ${ca[0]} for ${labels[0]}, or ${cb[0]} for ${labels[1]}${zoneNote}` };
    }
    return { message, fix: `write the date as YYYY-MM-DD and the time on the 24-hour clock: for ${labels[0]}, ${ca.join(" or ")}; for ${labels[1]}, ${cb.join(" or ")}${zoneNote}` };
  }
  const date = dates[0]!;
  const [wy, wmo, wd] = [date.y, date.mo, date.d];
  // "Tuesday, December 2, 2026" when 2 December is a Wednesday: which of the two is meant is not known.
  const writtenDay = weekday?.[1]?.slice(0, 2).toLowerCase();
  const actualDay = DateTime.fromObject({ year: wy, month: wmo, day: wd }, { zone: "UTC", locale: "en-US" }).toFormat("cccc");
  const dayNote = finding.note ?? (writtenDay && actualDay.slice(0, 2).toLowerCase() !== writtenDay ? ` (check the date: ${longDate(wy, wmo, wd)} is a ${actualDay})` : "");
  if (time.kind === "impossible") {
    return {
      message: `"${text}": ${time.written} is not a time on the clock`,
      fix: `write the time on the 24-hour clock, 00:00 to 23:59: ${unknownTime(date)}${zoneNote}`,
    };
  }
  if (time.kind === "mixed") {
    return {
      message: `"${text}": ${time.written} is not a time on the clock`,
      fix: `write the time on the 24-hour clock (${time.why}): ${choices(date).join(", or ")}${dayNote}${zoneNote}`,
    };
  }
  if (time.kind === "night") return midnightWord(text, time, date, `${dayNote}${zoneNote}`);
  if (time.kind === "none") {
    if (options.slotTime) {
      return {
        message: `"${text}" has a date but no time`,
        fix: `add the time, e.g. the weekly time: start: ${isoDay(date)}T${options.slotTime} (HH:mm on the 24-hour clock)${dayNote}${zoneNote}`,
      };
    }
    return {
      message: `"${text}" has a date but no time`,
      fix: `add the time on the 24-hour clock where the chat is hosted: start: ${isoDay(date)}THH:mm, e.g. start: ${isoDay(date)}T20:30 for 8:30 PM${dayNote}${zoneNote}`,
    };
  }
  if (time.kind === "either") {
    return {
      message: `"${text}" does not say whether ${time.written} is in the morning or the evening`,
      fix: `write the time on the 24-hour clock: ${choices(date).join(", or ")}${dayNote}${zoneNote}`,
    };
  }
  if (advice?.instead) {
    return {
      message: `"${text}" is not written as YYYY-MM-DDTHH:mm (the date, T, the time on the 24-hour clock), and ${advice.instead.reason}`,
      fix: `${advice.instead.fix}${dayNote}`,
    };
  }
  return {
    message: `"${text}" is not written as YYYY-MM-DDTHH:mm (the date, T, the time on the 24-hour clock)`,
    fix: `write ${value(date, time.h, time.mi, time.s)}${earlyNote(date)}${dayNote}${zoneNote}`,
  };
}

/** The times of day, in minutes, a time written alone can be ("8:00": 480 or 1200), or undefined for other words. */
function clockReadings(text: string): number[] | undefined {
  const t = text.trim();
  if (/^(noon|midday)$/i.test(t)) return [720];
  if (/^midnight$/i.test(t)) return [0];
  const ampm = /^(\d{1,2})(?:[:.h](\d{2}))?\s*([ap])\.?\s*m\.?$/i.exec(t);
  if (ampm) {
    const read = readAmPm(Number(ampm[1]), Number(ampm[2] ?? 0), 0, /p/i.test(ampm[3]!), t);
    if (read.kind === "exact") return [read.h * 60 + read.mi];
    if (read.kind === "night") return [read.mi];
    if (read.kind === "mixed") return read.hours.map((h) => h * 60 + read.mi);
    return undefined;
  }
  const clock = /^(\d{1,2})[:.h](\d{2})$/.exec(t);
  if (!clock) return undefined;
  const [h, mi] = [Number(clock[1]), Number(clock[2])];
  if (h > 23 || mi > 59) return undefined;
  return h >= 1 && h <= 12 && !clock[1]!.startsWith("0") ? [(h % 12) * 60 + mi, ((h % 12) + 12) * 60 + mi] : [h * 60 + mi];
}

/**
 * The bracket groups at the end of `text` (spaces made single), in the order written, and the
 * text before them: "… (noon PT) (tentative)." gives ["noon PT", "tentative"]. Read from the
 * end once, each character once, so that a run of brackets costs its length and no more.
 * A group with a bracket inside ("(a (b) c)") is not one: the reading stops there.
 */
function trailingBrackets(text: string): { before: string; groups: string[] } {
  // Spaces and the punctuation of a sentence between and after the groups ("(x). (y).")
  // are no part of either: all are taken here, or each would be one more level of reading.
  const skip = (at: number) => {
    while (at > 0 && " .,;".includes(text[at - 1]!)) at--;
    return at;
  };
  let end = text.endsWith(")") ? text.length : skip(text.length);
  const groups: string[] = [];
  while (end > 0 && text[end - 1] === ")") {
    let open = end - 2;
    while (open >= 0 && text[open] !== "(" && text[open] !== ")") open--;
    if (open < 0 || text[open] !== "(") break;
    groups.push(text.slice(open + 1, end - 1));
    end = skip(open);
  }
  return { before: text.slice(0, end), groups: groups.reverse() };
}

/** A time in brackets after a start ("noon PT"): as written, read, and the letters that are its own. */
interface BracketTime {
  /** The time without its letters ("noon"). */
  time: string;
  /** Each reading, in minutes of the day ("8:00": 480 and 1200). */
  minutes: number[];
  letters?: { word: string; meanings: readonly AbbreviationMeaning[] };
}

/**
 * A start with remarks in brackets after it ("2027-01-10T12:30 (noon ET)", "… (tentative)"):
 * the brackets are no part of a start. Letters in them with a time of their own are that
 * time's zone ("noon PT" is noon in Los Angeles), not the start's; letters alone, or with
 * words and no time ("(tentative, PT)"), are the start's. A time at the start's moment is a
 * conversion for readers (the page makes one for each); one at another moment is a
 * contradiction: the start as written, and that time, as lines. "(EST)" alone is a zone after
 * the time, read as one (explainStart). The start is read once and each distinct remark once,
 * never the rest of the value again: a run of brackets costs time linear in its length.
 */
function bracketedRemark(text: string, zone: string, options: StartOptions): Problem | undefined {
  const { before: main, groups } = trailingBrackets(text.trim().replace(/\s+/g, " "));
  if (!main || groups.length === 0) return undefined;
  if (groups.length === 1 && zoneLetters(groups[0]!)) return undefined;
  const ownLetters = trailingZoneWord(main);
  let startLetters = ownLetters?.word;
  let fromBrackets = false;
  let remark = false;
  const times = new Map<string, BracketTime>();
  for (const inside of groups) {
    const letters = trailingZoneWord(` ${inside.trim()}`);
    const words = (letters ? letters.before : inside).trim();
    const minutes = words ? clockReadings(words) : undefined;
    if (minutes) {
      const key = `${words}\0${letters?.word ?? ""}`;
      if (!times.has(key)) times.set(key, { time: words, minutes, ...(letters ? { letters: { word: letters.word, meanings: letters.meanings } } : {}) });
      continue;
    }
    if (words) remark = true;
    // Letters with no time of their own: the start's zone, as after the time (the first, where the start has none).
    if (letters && !startLetters) [startLetters, fromBrackets] = [letters.word, true];
  }
  const withZone = fromBrackets ? `${main} ${startLetters}` : main;
  // The start without the brackets: its own problem, or none when it is written as it should be.
  const problem = WALL_CLOCK.test(withZone) && !/\s/.test(withZone) ? undefined : explainStart(withZone, zone, options);
  const fix = problem?.fix ?? `write start: ${withZone}`;
  // The start in the chat's zone: one value, when it can be told.
  let mainValue: string | undefined;
  if (problem) mainValue = /^write start: (\S+)(?: \([^()]*\))?$/.exec(problem.fix)?.[1];
  else {
    const result = resolveChatStart(withZone, zone, options);
    if (result.ok) mainValue = shortWallClock(result.instant.wallClock);
  }
  const here = mainValue ? resolveChatStart(mainValue, zone) : undefined;
  const startMillis = here?.ok ? here.instant.startMillis : undefined;
  const clock = mainValue && /T(\d{2}):(\d{2})/.exec(mainValue);
  const startMinutes = clock ? Number(clock[1]) * 60 + Number(clock[2]) : undefined;
  const current = currentZoneName(zone);
  const hm = (total: number) => `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;

  const sameMoment: string[] = [];
  const clashes: Array<{ said: string; at: string; other: string }> = [];
  for (const { time, minutes, letters } of times.values()) {
    if (startMinutes === undefined || !mainValue) continue;
    const at = letters ? `${time} ${letters.word}` : time;
    let said: string;
    // The date the bracket's time is on: the start's, or, for another zone's clock, the day before or after it nearer the start.
    let onDate = mainValue.slice(0, 10);
    if (letters) {
      if (startMillis === undefined || !current) continue;
      const day = Date.UTC(Number(mainValue.slice(0, 4)), Number(mainValue.slice(5, 7)) - 1, Number(mainValue.slice(8, 10)));
      // Its letters' moments each day (20:30 in New York is 01:30 GMT the next day): the start's moment is a conversion for readers.
      const days = [0, -1, 1].map((shift) => {
        const date = day + shift * 86_400_000;
        const moments = minutes.flatMap((total) => lettersReadings(letters.meanings, date + total * 60_000).map((reading) => reading.moment));
        return { date, moments, distance: Math.min(...moments.map((moment) => Math.abs(moment - startMillis))) };
      });
      if (days.some(({ moments }) => moments.includes(startMillis))) {
        if (!sameMoment.includes(letters.word)) sameMoment.push(letters.word);
        continue;
      }
      const nearest = days.reduce((best, candidate) => (candidate.distance < best.distance ? candidate : best));
      onDate = new Date(nearest.date).toISOString().slice(0, 10);
      const clocks = [...new Set(nearest.moments.map((moment) => timeOnDay(wallClockAt(moment, current), mainValue!)))];
      const only = clocks.length === 1 && minutes.length === 1 ? clocks[0]! : undefined;
      said = `${at}${only === undefined ? "" : only === hm(minutes[0]!) ? (only === time ? "" : ` (${only})`) : ` (${only} in ${zone.trim()})`}`;
    } else {
      if (minutes.includes(startMinutes)) continue;
      said = `${at}${minutes.length === 1 && hm(minutes[0]!) !== time ? ` (${hm(minutes[0]!)})` : ""}`;
    }
    // The time in brackets, on its date, as a line of its own (its zone's note said once).
    // Read on the 24-hour clock (`…T11:30 PT`): "11:30 PT" after a space is a 12-hour time to
    // explainStart, which would ask for am or pm and leave the letters out. Both readings of
    // a time without am/pm are lines of their own.
    const lettersText = letters ? ` ${letters.word}` : startLetters ? ` ${startLetters}` : "";
    const readings = minutes.map((total) => explainStart(`${onDate}T${hm(total)}${lettersText}`, zone, options).fix);
    const other = readings.length === 1 ? readings[0]! : readings.map((line, i) => `for ${twelveHour(Math.floor(minutes[i]! / 60), minutes[i]! % 60)}, ${line}`).join("; or, ");
    const note = / \([^()]*\)$/.exec(other)?.[0];
    const line = note && fix.endsWith(note) ? other.slice(0, -note.length) : other;
    if (!clashes.some((clash) => clash.other === line)) clashes.push({ said, at, other: line });
  }

  const conversion = sameMoment.length ? ` (they give the same moment in ${orList(sameMoment)}, which the page shows each reader in their own time)` : "";
  if (!problem && !remark && !clashes.length && conversion) {
    return { message: `"${text}" is not written as YYYY-MM-DDTHH:mm: the brackets are no part of it${conversion}`, fix: `write start: ${mainValue}` };
  }
  const what = problem?.message.startsWith(`"${withZone}"`) ? problem.message.slice(withZone.length + 2) : " is not written as YYYY-MM-DDTHH:mm";
  const said = `the brackets are no part of a start${remark ? " (a remark goes in the post's text)" : conversion}${
    clashes.length ? `, and they say ${clashes.map((clash) => clash.said).join(" and ")} where the start says ${hm(startMinutes!)}` : ""}`;
  return {
    message: `"${text}"${what}; ${said}`,
    fix: `${fix}${clashes.map((clash) => `; or, if the chat is at ${clash.at} as the brackets say, ${clash.other}`).join("")}`,
  };
}

// Forms of ISO 8601 and of tools that give a moment, read as YYYY-MM-DDTHH:mm with its offset:
// 2026-07-14 20:00 UTC, …T20:00:00.000Z (toISOString), … GMT+1, … UTC+05:30, …T2000, and
// RFC 9557's …-04:00[America/New_York].
const ISO_LIKE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2})(\d{2})(\d{2})?|[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)\s*(?:(Z)|(?:UTC|GMT|UT)?\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?|(UTC|UT))?\s*(?:\[([^\]]+)\])?$/i;

/** The fix for a start in one of ISO_LIKE's forms: the one chatpost reads it as, checked as that. */
function isoReading(text: string, zone: string, options: StartOptions): Problem | undefined {
  const m = ISO_LIKE.exec(text.trim());
  if (!m) return undefined;
  const [, date, bh, bmi, bs, h, mi, s, z, sign, oh, omi, utcWord, bracket] = m;
  const hours = h ?? bh!;
  const minutes = mi ?? bmi!;
  const seconds = s ?? bs;
  const offset = z || utcWord ? "Z" : sign ? `${sign === "+" ? "+" : "-"}${pad(Number(oh))}:${omi ?? "00"}` : "";
  const read = `${date}T${hours}:${minutes}${seconds && seconds !== "00" ? `:${seconds}` : ""}${offset}`;
  if (!WALL_CLOCK.test(read)) return undefined;
  const current = currentZoneName(zone);
  // RFC 9557's zone in brackets: said only when it is not the chat's.
  const bracketZone = bracket && currentZoneName(bracket);
  const other = bracket && bracketZone !== current && !options.zoneFixed
    ? options.zoneAt
      ? ` (the zone in brackets goes in \`zone:\`: ${zoneLineFix([bracketZone ?? bracket], options.zoneAt)}, if the chat is hosted there)`
      : ` (the zone in brackets goes on its own line in \`chat:\`: zone: ${bracketZone ?? bracket}, if the chat is hosted there)`
    : "";
  const result = resolveChatStart(read, zone);
  if (!result.ok && result.field === "start") {
    return { message: `"${text}" is ${read} as chatpost reads it, and ${result.problem.message}`, fix: `${result.problem.fix}${other}` };
  }
  const value = result.ok && current ? startValue(result.instant.startMillis, current) : read;
  return {
    message: `"${text}" is not written as YYYY-MM-DDTHH:mm (the date, T, the time on the 24-hour clock)`,
    fix: `write start: ${value}${other}`,
  };
}

/** "2026-02-29 20:00": a day the month does not have, with the month's last day. */
function missingDay(text: string, date: string, time?: { h: number; mi: number; s: number }): Problem | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(date.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d <= last) return undefined;
  const at = time ? `${pad(time.h)}:${pad(time.mi)}${time.s ? `:${pad(time.s)}` : ""}` : "HH:mm";
  return {
    message: `"${text}": that date does not exist on the calendar: ${MONTHS[mo - 1]} ${y} has ${last} days`,
    fix: `write the chat's date, e.g. start: ${pad(y, 4)}-${pad(mo)}-${pad(last)}T${at} for ${last} ${MONTHS[mo - 1]}, its last day`,
  };
}

/** "UTC−6, UTC+8 or UTC−5": the offsets letters stand for. */
function offsetList(offsets: Iterable<number>): string {
  const list = [...offsets].map((offset) => formatOffset(offset));
  return list.length > 1 ? `${list.slice(0, -1).join(", ")} or ${list.at(-1)}` : list[0]!;
}

interface ZoneAdvice {
  /** Said after the fix's value. */
  note: string;
  /** Where the value alone would move the chat: why, and the lines to write in its place. */
  instead?: { reason: string; fix: string };
}

/** One moment letters after a time can mean on its date: the offset, and the meaning it is from. */
interface LettersReading {
  offset: number;
  /** The instant: the time written at `offset`. */
  moment: number;
  meaning: AbbreviationMeaning;
}

/** The wall clock of `zone` (a current tz name) at `millis`, as `start:` writes it. */
function wallClockAt(millis: number, zone: string): string {
  return shortWallClock(new Date(millis + IANAZone.create(zone).offset(millis) * 60_000).toISOString().slice(0, 19));
}

/**
 * The offsets `place` is at when its clock reads `asUtc` (a wall clock read as UTC): one; two
 * in the hour the clocks go back, first one first; the ones either side of an hour they skip.
 */
function offsetsAtWallClock(place: string, asUtc: number): number[] {
  const iana = IANAZone.create(place);
  const near = new Set<number>();
  for (let hours = -15; hours <= 15; hours += 3) near.add(iana.offset(asUtc + hours * 3_600_000));
  const fit = [...near].filter((offset) => iana.offset(asUtc - offset * 60_000) === offset).sort((a, b) => b - a);
  return fit.length ? fit : [...new Set([iana.offset(asUtc - 86_400_000), iana.offset(asUtc + 86_400_000)])];
}

/**
 * What letters mean on the date written: EST is UTC−5 on any day; ET, Central or AET are the
 * offset their place keeps at that time on that date (ET on 14 January is UTC−5, on 14 July UTC−4).
 */
function lettersReadings(meanings: readonly AbbreviationMeaning[], asUtc: number): LettersReading[] {
  const readings: LettersReading[] = [];
  for (const meaning of meanings) {
    const dated = meaning.offsets.length === 1 ? meaning.offsets : offsetsAtWallClock(meaning.zones[0]!, asUtc).filter((offset) => meaning.offsets.includes(offset));
    for (const offset of dated.length ? dated : meaning.offsets) {
      if (!readings.some((reading) => reading.offset === offset)) readings.push({ offset, moment: asUtc - offset * 60_000, meaning });
    }
  }
  return readings;
}

const sameClocks = new Map<string, boolean>();

/** Whether two zones are at the same offset every day of `millis`'s year (America/Toronto and America/New_York). */
function sameClock(a: string, b: string, millis: number): boolean {
  if (a === b) return true;
  const year = new Date(millis).getUTCFullYear();
  const key = `${a}\0${b}\0${year}`;
  let same = sameClocks.get(key);
  if (same === undefined) {
    const [za, zb] = [IANAZone.create(a), IANAZone.create(b)];
    same = true;
    for (let t = Date.UTC(year, 0, 1, 12); same && t < Date.UTC(year + 1, 0, 1); t += 86_400_000) same = za.offset(t) === zb.offset(t);
    sameClocks.set(key, same);
  }
  return same;
}

// Locales whose short zone names are letters for some places (EST in en-US, BST in en-GB, AEST in en-AU, IST in en-IE and en-IN).
const LETTER_LOCALES = ["en-US", "en-GB", "en-CA", "en-AU", "en-IE", "en-IN", "en-NZ"];

/** The letters a zone's time at `millis` is known by (EDT, BST, AEST), or its offset (UTC+3) where it has none. */
function lettersAt(zone: string, millis: number): string {
  if (zone === "UTC") return "UTC";
  for (const locale of LETTER_LOCALES) {
    const name = dateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" }).formatToParts(new Date(millis)).find((part) => part.type === "timeZoneName")?.value;
    if (name && /^[A-Z]{2,5}$/.test(name) && (name !== "GMT" || IANAZone.create(zone).offset(millis) === 0)) return name;
  }
  return formatOffset(IANAZone.create(zone).offset(millis));
}

/** "EDT (UTC−4)", or "UTC−4" where the zone's time has no letters. */
function timeText(zone: string, millis: number): string {
  const letters = lettersAt(zone, millis);
  const offset = formatOffset(IANAZone.create(zone).offset(millis));
  return letters === offset ? offset : `${letters} (${offset})`;
}

/**
 * Whether the chat's zone keeps these letters itself: it is one of their places, is known by
 * them at that offset (EST in America/Toronto, AEST in Australia/Melbourne), or, for a region's
 * time of both seasons (ET, Pacific), runs the same clock all year as its place. Only by
 * name for one season's letters: London runs Dublin's clock but does not keep IST, and
 * New York runs Havana's but does not keep CST.
 */
function keepsLetters(zone: string, meaning: AbbreviationMeaning, word: string, millis: number): boolean {
  if (meaning.zones.includes(zone)) return true;
  if (meaning.offsets.length > 1) return meaning.zones.some((place) => sameClock(zone, place, millis));
  const letters = word.replace(/\./g, "").toUpperCase();
  if (meaning.offsets.length !== 1 || !/^[A-Z]{2,5}$/.test(letters)) return false;
  const iana = IANAZone.create(zone);
  for (let day = -183; day <= 183; day++) {
    const t = millis + day * 86_400_000;
    if (iana.offset(t) === meaning.offsets[0]) return lettersAt(zone, t) === letters;
  }
  return false;
}

/** "New York" for America/New_York. */
function cityName(zone: string): string {
  return zone === "UTC" ? "UTC" : zone.slice(zone.lastIndexOf("/") + 1).replace(/_/g, " ");
}

/** "A", "A or B", "A, B or C". */
function orList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} or ${items.at(-1)}` : items[0] ?? "";
}

/** "winter time" or "summer time": which of `place`'s times `offset` is, said only where it changes clocks and keeps it. */
function seasonOf(place: string, offset: number, millis: number): string {
  const offsets = offsetsAround(place, millis);
  if (offsets.size !== 2 || !offsets.has(offset)) return "time";
  return offset === Math.max(...offsets) ? "summer time" : "winter time";
}

/**
 * Letters after the time (EST, Central, IST) belong in `zone:`; the fix keeps the moment they
 * mean on the date written, or says it does not. That moment is the letters' offset (EST:
 * UTC−5), or the one their place keeps that day (Central on 14 January: Chicago's UTC−6):
 * - the chat's zone reads the time written at that moment: the letters are dropped ("the zone
 *   is … already"), with the offset on the night the clocks go back;
 * - the zone keeps those letters at another time of year and is at its place's offset that
 *   day (EST in July with New York or Toronto): the writer most likely used them loosely for the
 *   place's time; the time is kept, and the fix says so, with the letters' moment as a line;
 * - anything else (Central on a New York site, EST on a Berlin one): the letters are another
 *   place's time. The first line is the moment in the chat's zone; the other, unless the zone
 *   is fixed (`moved_from:`), the places that keep the letters then, with the time as written.
 */
function zoneAdvice(word: string, meanings: readonly AbbreviationMeaning[], zone: string, when: { date: DateRead; h: number; mi: number; s: number } | undefined, options: StartOptions): ZoneAdvice {
  const zoneFixed = options.zoneFixed ?? false;
  const zoneAt = options.zoneAt;
  const places = placesOf(meanings);
  const current = currentZoneName(zone);
  const name = zone.trim();
  // The zone as the post writes it: named with its line, since the letters contradict it.
  const zoneNamed = zoneAt ? `the zone on line ${zoneAt.line}, ${name},` : name;
  if (!current) return { note: zoneFixed ? ` (without ${word})` : ` (without ${word}; ${zoneAt ? "for the zone, " : "the zone goes "}${zoneLineFix(places, zoneAt)})` };
  const day = when ? Date.UTC(when.date.y, when.date.mo - 1, when.date.d, 12) : REFERENCE_DAY;
  const own = meanings.filter((meaning) => keepsLetters(current, meaning, word, day));
  const already = ` (without ${word}: the zone is ${name} already)`;
  if (!when) {
    const ownOffsets = offsetsOf(own);
    const year = offsetsAround(current, REFERENCE_DAY);
    if (own.length && [...year].every((offset) => ownOffsets.has(offset))) return { note: already };
    if (own.length) return { note: ` (without ${word} if the time is ${name}'s that day: it keeps ${word} as its ${seasonOf(current, [...ownOffsets][0]!, REFERENCE_DAY)} only)` };
    const written = offsetsOf(meanings);
    const never = [...written].some((offset) => year.has(offset)) ? `${name} does not keep ${word}` : `${name} does not keep ${word} (${offsetList(written)}) at any time of year`;
    return {
      note: zoneFixed
        ? ` (without ${word}; ${never}: write the time in ${name}'s time)`
        : ` (without ${word}; ${never}: if the chat is hosted where ${word} is kept, ${zoneAt ? zoneLineFix(places, zoneAt) : `write zone: ${places.join(", or zone: ")} on its own line in \`chat:\``})`,
    };
  }
  const wall = shortWallClock(`${pad(when.date.y, 4)}-${pad(when.date.mo)}-${pad(when.date.d)}T${pad(when.h)}:${pad(when.mi)}:${pad(when.s)}`);
  const time = wall.slice(11);
  const asUtc = Date.UTC(when.date.y, when.date.mo - 1, when.date.d, when.h, when.mi, when.s);
  const onDay = `${when.date.d} ${MONTHS[when.date.mo - 1]}`;
  const readings = lettersReadings(own.length ? own : meanings, asUtc);
  const here = resolveChatStart(wall, current);

  // The zone reads the time written at the letters' moment.
  const matching = readings.filter((reading) => wallClockAt(reading.moment, current) === wall);
  if (matching.length) {
    const values = matching.map((reading) => startValue(reading.moment, current));
    if (values.length === 1 && values[0] === wall) {
      return { note: own.length ? already : ` (without ${word}: ${time} ${word} is ${time} in ${name} on ${onDay}, both ${formatOffset(matching[0]!.offset)})` };
    }
    const first = here.ok ? here.instant.startMillis : undefined;
    const which = (reading: LettersReading) => (reading.moment === first ? "first" : "second");
    const twice = `${time} happens twice in ${name} that night (the clocks go back)`;
    if (values.length === 1) {
      return { note: "", instead: { reason: `${twice}, and ${time} ${word} is the ${which(matching[0]!)}`, fix: `write start: ${values[0]} (without ${word}, with the offset of ${time} ${word}, ${formatOffset(matching[0]!.offset)})` } };
    }
    return {
      note: "",
      instead: { reason: `${twice}, and ${word} names both`, fix: `write ${matching.map((reading, i) => `start: ${values[i]} for the ${which(reading)}`).join(", or ")}` },
    };
  }

  // Letters of one season the zone keeps at another time of year, where it is at their place's time that day.
  const seasonal = own.find((meaning) => meaning.offsets.length === 1);
  if (seasonal && here.ok && !here.warning) {
    const letters = seasonal.offsets[0]!;
    const now = here.instant.offsetMinutes;
    const place = seasonal.zones.includes(current) ? current : seasonal.zones.find((candidate) => {
      const there = resolveChatStart(wall, candidate);
      return there.ok && there.instant.offsetMinutes === now;
    });
    if (place && offsetsAround(current, day).has(letters)) {
      const literal = startValue(asUtc - letters * 60_000, current);
      const keeps = lettersAt(current, here.instant.startMillis);
      const keepsText = keeps === formatOffset(now) ? keeps : `${keeps}, ${formatOffset(now)}`;
      const who = place === current ? cityName(place) : `${name}`;
      const as = place === current ? "" : `, as ${cityName(place)} does`;
      const whose = place === current ? "its" : `${cityName(place)}'s`;
      return {
        note: ` (without ${word}: on ${onDay} ${who} keeps ${keepsText}${as}; ${word}, ${formatOffset(letters)}, is ${whose} ${seasonOf(place, letters, day)}. If ${time} ${word} was meant, that is ${timeOnDay(literal, wall)} ${keeps}: write start: ${literal})`,
      };
    }
  }

  // Another place's time: the moment in the zone's time first, then the places that keep the letters then.
  const keepers = (reading: LettersReading) => reading.meaning.zones.filter((place) => place !== current && wallClockAt(reading.moment, place) === wall);
  const described = readings.map((reading) => {
    const there = keepers(reading);
    if (there.length) return `${time} in ${orList(there.map(cityName))}${reading.offset ? ` (${formatOffset(reading.offset)})` : ""}`;
    const home = reading.meaning.zones[0]!;
    return `${formatOffset(reading.offset)} (${cityName(home)}'s ${seasonOf(home, reading.offset, day)}, not kept there then)`;
  });
  const zoneThen = here.ok
    ? `${zoneNamed} is at ${formatOffset(here.instant.offsetMinutes)} then`
    : `${time} does not exist in ${zoneNamed} that night: its clocks jump forward`;
  const reason = `${time} ${word} on ${onDay} is ${orList(described)}, and ${zoneThen}`;
  const moments = readings.map((reading) => startValue(reading.moment, current));
  const labels = readings.map((reading) => {
    const there = keepers(reading);
    return there.length ? `${time} ${word} in ${orList(there.map(cityName))}` : `${time} ${formatOffset(reading.offset)}`;
  });
  const kept = zoneAt ? `zone: ${name} (line ${zoneAt.line})` : name;
  const momentLine = moments.length === 1
    ? `to keep ${kept}, write the moment written in its time: start: ${moments[0]}`
    : `to keep ${kept}, write the moment written in its time: ${moments.map((value, i) => `start: ${value} for ${labels[i]}`).join(", or ")}`;
  // In the letters' order (likeliest first): the places that keep them then, with the time as written (grouped by
  // value); and, for letters of one season of a place that keeps its other one that day (CST in July), the place's
  // time, saying it is not the letters' (the writer may have meant it: it moves the chat, and the line says so).
  const hostLines: Array<{ value: string; places: string[] } | string> = [];
  for (const reading of zoneFixed ? [] : readings) {
    const there = keepers(reading);
    for (const place of there) {
      const value = startValue(reading.moment, place);
      const group = hostLines.find((line): line is { value: string; places: string[] } => typeof line !== "string" && line.value === value);
      if (group) group.places = [...new Set([...group.places, place])];
      else hostLines.push({ value, places: [place] });
    }
    const home = reading.meaning.zones[0]!;
    const homeAt = there.length || home === current || reading.meaning.offsets.length !== 1 ? undefined : resolveChatStart(wall, home);
    if (homeAt?.ok && !homeAt.warning && offsetsAround(home, day).has(reading.offset)) {
      hostLines.push(`if the chat is at ${time} in ${cityName(home)}, whose time on ${onDay} is ${timeText(home, homeAt.instant.startMillis)}, not ${word}, write start: ${wall} and${zoneAt ? " " : ", "}${zoneLineFix([home], zoneAt)}`);
    }
  }
  const fixLines = [momentLine, ...hostLines.map((line) => typeof line === "string" ? line : `write start: ${line.value} and${zoneAt ? " " : ", "}${zoneLineFix(line.places, zoneAt)}, if the chat is hosted there`)];
  return { note: "", instead: { reason, fix: fixLines.join("; or ") } };
}

function parseOffset(text: string): number {
  if (text === "Z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * `UTC−4`, `UTC+5:30`, `UTC` (with a true minus sign, as typeset); with a locale, in its
 * digits, as the date and time beside it (`UTC+٥:٣٠` in ar-EG).
 */
export function formatOffset(minutes: number, locale?: string): string {
  if (minutes === 0) return "UTC";
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  const digits = (n: number, width: number) => (locale ? numberFormat(locale, width).format(n) : pad(n, width));
  return `UTC${sign}${digits(h, 1)}${m ? `:${digits(m, 2)}` : ""}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, width: number): Intl.NumberFormat {
  const key = `${locale}\0${width}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { minimumIntegerDigits: width, useGrouping: false })));
  return format;
}

// How each locale joins a date and a time, as Intl joins its medium date and short time:
// ", " in English, " " in Japanese, "، " in Arabic, the time first in Vietnamese.
const dateTimeGlues = new Map<string, { between: string; timeFirst: boolean } | undefined>();

/**
 * `date` and `time` (its zone after it) joined as `locale` joins them, or undefined for a locale
 * whose joining Intl does not show apart from the date and time (Basque brackets the time).
 */
function joinDateAndTime(locale: string, date: string, time: string, zone: string): string | undefined {
  if (!dateTimeGlues.has(locale)) {
    const day = new Date(Date.UTC(2026, 11, 1, 20, 30));
    const format = (options: Intl.DateTimeFormatOptions) => dateTimeFormat(locale, { timeZone: "UTC", ...options }).format(day);
    const [alone, at, both] = [format({ dateStyle: "medium" }), format({ timeStyle: "short" }), format({ dateStyle: "medium", timeStyle: "short" })];
    const glue =
      both.startsWith(alone) && both.endsWith(at) && both.length > alone.length + at.length ? { between: both.slice(alone.length, both.length - at.length), timeFirst: false }
      : both.startsWith(at) && both.endsWith(alone) && both.length > alone.length + at.length ? { between: both.slice(at.length, both.length - alone.length), timeFirst: true }
      : undefined;
    dateTimeGlues.set(locale, glue);
  }
  const glue = dateTimeGlues.get(locale);
  if (!glue) return undefined;
  return glue.timeFirst ? `${time} ${zone}${glue.between}${date}` : `${date}${glue.between}${time} ${zone}`;
}

/** `-04:00` as in ISO 8601. */
export function isoOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function toDateTime(instant: ChatInstant): DateTime {
  return DateTime.fromMillis(instant.startMillis, { zone: instant.zone });
}

/** The zone's short name on that date (EDT, CEST, AEDT), or its long name where it has no letters-only abbreviation. */
export function zoneAbbreviation(instant: ChatInstant, locale = "en-US"): string {
  if (instant.zone === "UTC") return "UTC";
  const short = zoneName(instant, locale, "short");
  if (/^[A-Z]{2,5}$/.test(short)) return short;
  return zoneName(instant, locale, "long");
}

function zoneName(instant: ChatInstant, locale: string, style: "short" | "long"): string {
  const parts = dateTimeFormat(locale, { timeZone: instant.zone, timeZoneName: style }).formatToParts(new Date(instant.startMillis));
  return parts.find((p) => p.type === "timeZoneName")?.value ?? instant.zone;
}

export interface ChatTimeText {
  /** "Tuesday, May 2, 2017, 8:30 PM EDT (UTC−4)" */
  host: string;
  /** "Wednesday, May 3, 2017, 00:30 UTC" */
  utc: string;
  abbreviation: string;
  /**
   * Where `abbreviation` is letters a screen reader spells out ("E S T"): `host` before and
   * after it, and the zone's long name ("Eastern Standard Time"), which a page says to
   * screen readers in its place (layouts/partials/chat-block.njk).
   */
  spokenZone?: { before: string; name: string; after: string };
  offset: string;
  /** ISO 8601 with the host offset: 2017-05-02T20:30:00-04:00 */
  isoLocal: string;
  /** ISO 8601 in UTC: 2017-05-03T00:30:00Z */
  isoUtc: string;
}

const LONG_DATE = { weekday: "long", year: "numeric", month: "long", day: "numeric" } as const;

export function describeChatTime(instant: ChatInstant, locale = "en-US"): ChatTimeText {
  const local = toDateTime(instant).setLocale(locale);
  const utc = local.setZone("UTC");
  const abbreviation = zoneAbbreviation(instant, locale);
  const offset = formatOffset(instant.offsetMinutes);
  // ICU puts U+202F before "PM" on some paths (luxon's UTC zone) and not others: one plain space everywhere.
  const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
  const zoneText = instant.zone === "UTC" ? "UTC" : `${abbreviation} (${formatOffset(instant.offsetMinutes, locale)})`;
  const host = joinDateAndTime(locale, local.toLocaleString(LONG_DATE), plain(local.toLocaleString({ hour: "numeric", minute: "2-digit" })), zoneText) ??
    `${plain(local.toLocaleString({ ...LONG_DATE, hour: "numeric", minute: "2-digit" }))} ${zoneText}`;
  const utcText = joinDateAndTime(locale, utc.toLocaleString(LONG_DATE), utc.toFormat("HH:mm"), "UTC") ??
    `${plain(utc.toLocaleString({ ...LONG_DATE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }))} UTC`;
  const name = instant.zone === "UTC" ? abbreviation : zoneName(instant, locale, "long");
  const at = host.lastIndexOf(zoneText);
  return {
    host,
    utc: utcText,
    abbreviation,
    ...(name !== abbreviation && at >= 0 ? { spokenZone: { before: host.slice(0, at), name, after: host.slice(at + abbreviation.length) } } : {}),
    offset,
    isoLocal: local.toISO({ suppressMilliseconds: true })!,
    isoUtc: utc.toISO({ suppressMilliseconds: true })!.replace("+00:00", "Z"),
  };
}
