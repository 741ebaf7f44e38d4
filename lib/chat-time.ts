// When a chat happens: reading the writer's wall-clock time in an IANA zone,
// and saying it back correctly for that zone and for UTC.
import { DateTime, IANAZone } from "luxon";
import { dateTimeFormat } from "./intl-formats.ts";

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

// Names people write instead of an IANA zone, and the zone they most likely mean.
const ZONE_SUGGESTIONS: Record<string, string> = {
  EST: "America/New_York", EDT: "America/New_York", ET: "America/New_York", EASTERN: "America/New_York",
  "US/EASTERN": "America/New_York", EST5EDT: "America/New_York",
  CST: "America/Chicago", CDT: "America/Chicago", CT: "America/Chicago", CENTRAL: "America/Chicago",
  "US/CENTRAL": "America/Chicago", CST6CDT: "America/Chicago",
  MST: "America/Denver", MDT: "America/Denver", MT: "America/Denver", MOUNTAIN: "America/Denver",
  "US/MOUNTAIN": "America/Denver", MST7MDT: "America/Denver",
  PST: "America/Los_Angeles", PDT: "America/Los_Angeles", PT: "America/Los_Angeles", PACIFIC: "America/Los_Angeles",
  "US/PACIFIC": "America/Los_Angeles", PST8PDT: "America/Los_Angeles",
  AKST: "America/Anchorage", HST: "Pacific/Honolulu",
  GMT: "Europe/London", BST: "Europe/London", WET: "Europe/Lisbon",
  CET: "Europe/Paris", CEST: "Europe/Paris", MET: "Europe/Paris", EET: "Europe/Athens", EEST: "Europe/Athens",
  IST: "Asia/Kolkata", JST: "Asia/Tokyo", KST: "Asia/Seoul", HKT: "Asia/Hong_Kong", SGT: "Asia/Singapore",
  AEST: "Australia/Sydney", AEDT: "Australia/Sydney", ACST: "Australia/Adelaide", AWST: "Australia/Perth",
  NZST: "Pacific/Auckland", NZDT: "Pacific/Auckland",
};

// A place that keeps this standard offset (hours), to suggest for "GMT-5" or "UTC+1".
const OFFSET_EXAMPLES: Record<string, string> = {
  "-10": "Pacific/Honolulu", "-9": "America/Anchorage", "-8": "America/Los_Angeles", "-7": "America/Denver",
  "-6": "America/Chicago", "-5": "America/New_York", "-4": "America/Halifax", "-3": "America/Sao_Paulo",
  "0": "Europe/London", "1": "Europe/Berlin", "2": "Europe/Athens", "3": "Europe/Moscow", "4": "Asia/Dubai",
  "5.5": "Asia/Kolkata", "5.75": "Asia/Kathmandu", "7": "Asia/Bangkok", "8": "Asia/Singapore", "9": "Asia/Tokyo",
  "9.5": "Australia/Adelaide", "10": "Australia/Sydney", "12": "Pacific/Auckland",
};

// Checking a zone builds an Intl formatter (luxon's isValidZone does not cache): once per name.
const zoneChecks = new Map<string, Problem | undefined>();

/** Returns a problem when `zone` is not an IANA place name (UTC itself is fine). */
export function checkZone(zone: string): Problem | undefined {
  if (!zoneChecks.has(zone)) zoneChecks.set(zone, checkZoneUncached(zone));
  return zoneChecks.get(zone);
}

function checkZoneUncached(zone: string): Problem | undefined {
  const trimmed = zone.trim();
  const upper = trimmed.toUpperCase();
  if (upper === "UTC" || upper === "ETC/UTC") return undefined;
  const suggestion = ZONE_SUGGESTIONS[upper];
  if (suggestion) {
    return {
      message: trimmed.includes("/")
        ? `"${zone}" is an old alias, not a current IANA zone name`
        : `"${zone}" is an abbreviation, not a time zone: it does not follow daylight saving time`,
      fix: `write the IANA zone: ${describeAlias(trimmed, suggestion)} → ${suggestion}`,
    };
  }
  // GMT-5, UTC+1, Etc/GMT+5, +05:30: fixed offsets (the minus may be typeset as U+2212).
  const fixed = /^(GMT|UTC|UT|ETC\/GMT|ETC\/UTC)?\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(trimmed);
  if (fixed) {
    // POSIX-style Etc/GMT+5 means five hours *behind* UTC.
    const inverted = /^ETC\/GMT/i.test(trimmed) ? -1 : 1;
    const hours = (fixed[2] === "+" ? 1 : -1) * inverted * (Number(fixed[3]) + Number(fixed[4] ?? 0) / 60);
    const example = OFFSET_EXAMPLES[String(hours)];
    return {
      message: `"${zone}" is a fixed UTC offset, not a time zone: it is wrong for part of the year wherever clocks change`,
      fix: example
        ? `write the IANA zone of the place where the chat is hosted, e.g. ${trimmed} → ${example} if that is the place`
        : "write the IANA zone of the place where the chat is hosted, e.g. America/New_York or Europe/Berlin",
    };
  }
  if (/^(US|Canada|Mexico|Brazil|Chile)\//i.test(trimmed)) {
    return {
      message: `"${zone}" is an old alias, not a current IANA zone name`,
      fix: "write the Area/City name of the place, e.g. America/New_York, America/Toronto, America/Santiago",
    };
  }
  if (!trimmed.includes("/") || !IANAZone.isValidZone(trimmed)) {
    return {
      message: `"${zone}" is not an IANA time zone`,
      fix: "write Area/City as in the tz database, e.g. America/New_York, Europe/London, Asia/Kolkata, Australia/Sydney (or UTC)",
    };
  }
  // Intl accepts any letter case, but the name lands in calendars (TZID) that compare it exactly.
  const spelled = canonicalSpelling(trimmed);
  if (spelled !== trimmed) {
    return { message: `"${zone}" is not spelled as in the tz database`, fix: `write ${spelled}` };
  }
  return undefined;
}

let knownZones: Map<string, string> | undefined;

/** The tz database's spelling of a valid zone name: America/New_York for america/new_york. */
function canonicalSpelling(zone: string): string {
  knownZones ??= new Map(Intl.supportedValuesOf("timeZone").map((z) => [z.toLowerCase(), z]));
  const known = knownZones.get(zone.toLowerCase());
  if (known) return known;
  // Aliases Intl does not list (Asia/Kolkata): every word of a tz name starts with a capital.
  return zone.replace(/(^|[/_-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}

const REGION_WORDS: Record<string, string> = {
  "America/New_York": "Eastern", "America/Chicago": "Central", "America/Denver": "Mountain", "America/Los_Angeles": "Pacific",
};

/** "EST" → "EST/Eastern", so the writer recognises the name they meant. */
function describeAlias(written: string, zone: string): string {
  const region = REGION_WORDS[zone];
  return region && !written.toLowerCase().includes(region.toLowerCase()) ? `${written}/${region}` : written;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|[+-]\d{2}(?::?\d{2})?))?$/;

export type StartResult =
  | { ok: true; instant: ChatInstant; warning?: Problem }
  | { ok: false; problem: Problem; field: "start" | "zone" };

/**
 * Resolve `start` in `zone`.
 * - `YYYY-MM-DDTHH:mm[:ss]` is wall-clock time in the zone;
 * - a Date (YAML timestamp) keeps its written digits, read back in UTC, as wall-clock time;
 * - a trailing offset or Z fixes the instant and must agree with the zone.
 * Gaps are errors; in an overlap the first occurrence wins (RFC 5545 §3.3.5), with a warning.
 * The result never depends on the date the build runs (luxon #1665, #1089).
 */
export function resolveChatStart(start: string | Date, zone: string): StartResult {
  const zoneProblem = checkZone(zone);
  if (zoneProblem) return { ok: false, problem: zoneProblem, field: "zone" };
  const iana = IANAZone.create(["UTC", "ETC/UTC"].includes(zone.trim().toUpperCase()) ? "UTC" : zone.trim());

  let parts: number[];
  let explicitOffset: number | undefined;
  if (start instanceof Date) {
    if (Number.isNaN(start.getTime())) return { ok: false, field: "start", problem: badStart(String(start)) };
    parts = [
      start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate(),
      start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds(),
    ];
  } else {
    const m = WALL_CLOCK.exec(start.trim());
    if (!m) return { ok: false, field: "start", problem: badStart(start) };
    parts = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)));
    if (m[7] !== undefined) explicitOffset = parseOffset(m[7]);
  }
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(asUtc);
  if (
    check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d ||
    h > 23 || mi > 59 || s > 59
  ) {
    return { ok: false, field: "start", problem: badStart(typeof start === "string" ? start : check.toISOString(), "that date or time does not exist on the calendar") };
  }
  const wallClock = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;

  if (explicitOffset !== undefined) {
    const instant = asUtc - explicitOffset * 60_000;
    const actual = iana.offset(instant);
    if (actual !== explicitOffset) {
      return {
        ok: false,
        field: "start",
        problem: {
          message: `the offset ${isoOffset(explicitOffset)} does not match ${zone}, which is at ${isoOffset(actual)} (${formatOffset(actual)}) at that moment`,
          fix: `drop the offset and write the local time in ${zone}, or write ${isoOffset(actual)}`,
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
  if (uniq.length === 0) {
    const before = iana.offset(asUtc - 86_400_000);
    const after = iana.offset(asUtc + 86_400_000);
    return {
      ok: false,
      field: "start",
      problem: {
        message: `${wallClock.replace("T", " ")} does not exist in ${iana.name}: the clocks jump forward ${spanText(Math.abs(after - before))} that night`,
        fix: `pick a time outside the skipped ${spanText(Math.abs(after - before))}, e.g. ${spanText(Math.abs(after - before))} later`,
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
        message: `${wallClock.replace("T", " ")} happens twice in ${zone} (the clocks go back that night); the first one, at ${formatOffset(instant.offsetMinutes)}, is used`,
        fix: `add the offset to choose, e.g. ${wallClock.slice(0, 16)}${isoOffset(iana.offset(second))} for the second`,
      },
    };
  }
  return { ok: true, instant };
}

function spanText(minutes: number): string {
  if (minutes % 60) return `${minutes} minutes`;
  return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
}

function badStart(value: string, why = "this is not a date and time"): Problem {
  return {
    message: `"${value}": ${why}`,
    fix: "write the local time where the chat is hosted as YYYY-MM-DDTHH:mm, e.g. 2017-05-02T20:30",
  };
}

function parseOffset(text: string): number {
  if (text === "Z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** `UTC−4`, `UTC+5:30`, `UTC` (with a true minus sign, as typeset). */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return "UTC";
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${pad(m)}` : ""}`;
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
  offset: string;
  /** ISO 8601 with the host offset: 2017-05-02T20:30:00-04:00 */
  isoLocal: string;
  /** ISO 8601 in UTC: 2017-05-03T00:30:00Z */
  isoUtc: string;
}

export function describeChatTime(instant: ChatInstant, locale = "en-US"): ChatTimeText {
  const local = toDateTime(instant).setLocale(locale);
  const utc = local.setZone("UTC");
  const abbreviation = zoneAbbreviation(instant, locale);
  const offset = formatOffset(instant.offsetMinutes);
  const date = local.toLocaleString({ weekday: "long", year: "numeric", month: "long", day: "numeric" });
  // ICU puts U+202F before "PM" on some paths (luxon's UTC zone) and not others: one plain space everywhere.
  const time = local.toLocaleString({ hour: "numeric", minute: "2-digit" }).replace(/[\u202f\u00a0]/g, " ");
  const host = instant.zone === "UTC" ? `${date}, ${time} UTC` : `${date}, ${time} ${abbreviation} (${offset})`;
  const utcText = `${utc.toLocaleString({ weekday: "long", year: "numeric", month: "long", day: "numeric" })}, ${utc.toFormat("HH:mm")} UTC`;
  return {
    host,
    utc: utcText,
    abbreviation,
    offset,
    isoLocal: local.toISO({ suppressMilliseconds: true })!,
    isoUtc: utc.toISO({ suppressMilliseconds: true })!.replace("+00:00", "Z"),
  };
}
