// iCalendar (RFC 5545) files for chats: one event per post, or a feed of all of them.
//
// Written here rather than with a generator from npm: `ics` has no VTIMEZONE or TZID
// support (it writes UTC or floating times), and `ical-generator` needs a separate
// VTIMEZONE generator and counts folding in characters. This file is small and
// tested against ical.js, an independent parser.
import { IANAZone } from "luxon";
import { resolveChatStart, zoneAbbreviation } from "./chat-time.ts";
import { dayInstant } from "./publishing.ts";
import { normalisePrefix } from "./site-url.ts";
import { byCodeUnit } from "./stable-order.ts";

export interface CalendarEvent {
  /** Stable across builds: the same chat keeps its UID when its time or text is corrected. */
  uid: string;
  /** DTSTAMP, in UTC; reproducible (derived from the post, not the build time). */
  stampMillis: number;
  /**
   * When the event was corrected after it was first published: LAST-MODIFIED, and its
   * revision number (SEQUENCE, 1 to 2^31-1), which must grow with each correction for a
   * calendar that already has the event to take the new one (RFC 5546, 2.1.5).
   */
  revision?: { sequence: number; modifiedMillis: number };
  startMillis: number;
  endMillis: number;
  /** IANA zone of the host; DTSTART/DTEND are written as local time there (TZID). */
  zone: string;
  summary: string;
  description: string;
  /** Absolute URL of the announcement. */
  url: string;
  location?: string;
  /**
   * A chat called off (or put off to a day not yet known): STATUS:CANCELLED (RFC 5545,
   * 3.8.1.11), and free time. The event stays, with its UID, so that calendars which have it
   * mark it off (Apple strikes it through, Google removes it) instead of keeping it for good.
   */
  cancelled?: boolean;
}

export interface CalendarOptions {
  /**
   * The display name (NAME, X-WR-CALNAME) of a calendar one subscribes to. None for a file of
   * one chat: Outlook for Windows opens a file with a name as a new calendar of its own
   * instead of adding the event ([MS-OXCICAL] X-WR-CALNAME: omitted for a single appointment).
   */
  name?: string;
  description?: string;
  /** How often subscribers should refresh, in hours (REFRESH-INTERVAL); omit for a one-off file. */
  refreshHours?: number;
  /**
   * BCP 47 locale the site's pages name zones in (settings `language`): each observance's
   * TZNAME is the name the announcement page gives the chat's zone. Default en-US.
   */
  locale?: string;
}

const CRLF = "\r\n";
const PRODID = "-//chatpost//chatpost calendar//EN";

/** The whole iCalendar file: CRLF line ends, every line folded at 75 octets. */
export function calendarText(events: CalendarEvent[], options: CalendarOptions): string {
  const lines: string[] = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODID}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (options.name) lines.push(`NAME:${escapeText(options.name)}`, `X-WR-CALNAME:${escapeText(options.name)}`);
  if (options.description) lines.push(`X-WR-CALDESC:${escapeText(options.description)}`);
  if (options.refreshHours) {
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${options.refreshHours}H`, `X-PUBLISHED-TTL:PT${options.refreshHours}H`);
  }
  const folded = lines.map(foldLine);
  const sorted = [...events].sort((a, b) => a.startMillis - b.startMillis || byCodeUnit(a.uid, b.uid));
  const spans = new Map<string, { from: number; to: number }>();
  for (const e of sorted) {
    if (e.zone === "UTC") continue;
    const span = spans.get(e.zone);
    spans.set(e.zone, span ? { from: Math.min(span.from, e.startMillis), to: Math.max(span.to, e.endMillis) } : { from: e.startMillis, to: e.endMillis });
  }
  const locale = options.locale ?? "en-US";
  for (const zone of [...spans.keys()].sort()) folded.push(...foldedVtimezone(zone, spans.get(zone)!.from, spans.get(zone)!.to, locale));
  for (const event of sorted) folded.push(...foldedVevent(event));
  folded.push("END:VCALENDAR");
  return folded.join(CRLF) + CRLF;
}

// The site-wide feed holds every chat and is made again on every rebuild under `npm start`:
// an event's lines are kept per event object (callers keep one per post), a zone's per years.
const veventLines = new WeakMap<CalendarEvent, string[]>();
function foldedVevent(event: CalendarEvent): string[] {
  let lines = veventLines.get(event);
  if (!lines) veventLines.set(event, (lines = vevent(event).map(foldLine)));
  return lines;
}

const vtimezoneLines = new Map<string, string[]>();
function foldedVtimezone(zone: string, fromMillis: number, toMillis: number, locale: string): string[] {
  // vtimezone() depends on the first and last year only (and the locale of the zone's names).
  const key = `${zone} ${new Date(fromMillis).getUTCFullYear()} ${new Date(toMillis).getUTCFullYear()} ${locale}`;
  let lines = vtimezoneLines.get(key);
  if (!lines) vtimezoneLines.set(key, (lines = vtimezone(zone, fromMillis, toMillis, locale).map(foldLine)));
  return lines;
}

function vevent(event: CalendarEvent): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(event.stampMillis)}`,
    ...(event.revision ? [`LAST-MODIFIED:${utcStamp(event.revision.modifiedMillis)}`, `SEQUENCE:${event.revision.sequence}`] : []),
    `DTSTART${dateTimeValue(event.startMillis, event.zone)}`,
    `DTEND${dateTimeValue(event.endMillis, event.zone)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `URL;VALUE=URI:${uriValue(event.url)}`,
  ];
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  lines.push(event.cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED", event.cancelled ? "TRANSP:TRANSPARENT" : "TRANSP:OPAQUE", "END:VEVENT");
  return lines;
}

/**
 * `;TZID=America/New_York:20170502T203000`, or `:20171105T053000Z` when the local
 * time cannot carry the instant alone: a time in the repeated hour when clocks go back
 * is written in UTC, whichever of its two occurrences it is. RFC 5545 reads a repeated
 * local time as the first, but calendar programs do not all agree (ical.js takes the
 * second), and a chat must not move an hour in any of them.
 */
export function dateTimeValue(millis: number, zone: string): string {
  if (zone === "UTC") return `:${utcStamp(millis)}`;
  const local = localDigits(millis, zone);
  const wall = `${local.slice(0, 4)}-${local.slice(4, 6)}-${local.slice(6, 8)}T${local.slice(9, 11)}:${local.slice(11, 13)}:${local.slice(13, 15)}`;
  const back = resolveChatStart(wall, zone);
  if (!back.ok || back.instant.startMillis !== Math.floor(millis / 1000) * 1000 || occursTwice(millis, zone, local)) return `:${utcStamp(millis)}`;
  return `;TZID=${paramValue(zone)}:${local}`;
}

// Offsets of the zone within a day either side: a repeated local time is the same
// digits at another of them (no zone has moved its clocks back by more than a day).
const AROUND = [-26, -12, -3, -1, 1, 3, 12, 26].map((hours) => hours * 3_600_000);

function occursTwice(millis: number, zone: string, local: string): boolean {
  const tz = IANAZone.create(zone);
  const own = tz.offset(millis);
  const wallAsUtc = millis + own * 60_000;
  return AROUND.some((delta) => {
    const offset = tz.offset(millis + delta);
    if (offset === own) return false;
    const other = wallAsUtc - offset * 60_000;
    return other !== millis && localDigits(other, zone) === local;
  });
}

/** `20170503T003000Z` */
export function utcStamp(millis: number): string {
  return new Date(millis).toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

function localDigits(millis: number, zone: string, offsetMinutes = IANAZone.create(zone).offset(millis)): string {
  return utcStamp(millis + offsetMinutes * 60_000).slice(0, 15);
}

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and newline escaped; other control characters dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** A parameter value; quoted when it holds `:`, `;` or `,` (RFC 5545 §3.2). */
function paramValue(value: string): string {
  const clean = value.replace(/["\r\n]/g, "");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** A URI value cannot carry line breaks or spaces; the URL is ours, this is a guard. */
function uriValue(url: string): string {
  return url.replace(/[\s]/g, encodeURIComponent);
}

/**
 * Fold a content line so no physical line exceeds 75 octets of UTF-8 (RFC 5545 §3.1).
 * The leading space of a continuation line counts; a character is never split.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, "utf8") <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let currentBytes = 0;
  let limit = 75;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (currentBytes + bytes > limit) {
      parts.push(current);
      current = "";
      currentBytes = 0;
      limit = 74; // the continuation line's leading space takes one octet
    }
    current += char;
    currentBytes += bytes;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

export interface Transition {
  /** The instant the offset changes. */
  atMillis: number;
  fromMinutes: number;
  toMinutes: number;
}

const HOUR = 3_600_000;
const transitionCache = new Map<string, Transition[]>();

/** Every change of offset of `zone` during `year` (UTC), found by scanning and bisecting. */
export function transitionsInYear(zone: string, year: number): Transition[] {
  const key = `${zone} ${year}`;
  const cached = transitionCache.get(key);
  if (cached) return cached;
  const iana = IANAZone.create(zone);
  const found: Transition[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  // Offsets change at most a few times a year, never twice within a day. Each day's
  // offset is asked once: it ends one day and starts the next (an offset costs a formatToParts).
  let after = iana.offset(Date.UTC(year, 0, 1));
  for (let t = Date.UTC(year, 0, 1); t < end; t += 24 * HOUR) {
    const next = Math.min(t + 24 * HOUR, end);
    const before = after;
    after = iana.offset(next);
    if (before === after) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (iana.offset(mid) === before) lo = mid;
      else hi = mid;
    }
    found.push({ atMillis: hi, fromMinutes: before, toMinutes: after });
  }
  transitionCache.set(key, found);
  return found;
}

/** A transition as a yearly rule would give it: its month, weekday and time, in the offset before it. */
interface YearlyShape {
  /** What must be the same every year: month, weekday, local time and the two offsets. */
  key: string;
  month: number;
  /** Every BYDAY that gives this transition's day: `2SU`, `-1SU`, or both for 22–28 of a 28-day-weeks month. */
  byDay: string[];
}

const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

function yearlyShape(t: Transition, zone: string): YearlyShape {
  const local = localDigits(t.atMillis, zone, t.fromMinutes);
  const [year, month, day] = [Number(local.slice(0, 4)), Number(local.slice(4, 6)), Number(local.slice(6, 8))];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const nth = Math.ceil(day / 7);
  const byDay = [...(day + 7 > daysInMonth ? [`-1${weekday}`] : []), ...(nth <= 4 ? [`${nth}${weekday}`] : [])];
  return { key: `${month} ${weekday} ${local.slice(9)} ${t.fromMinutes} ${t.toMinutes}`, month, byDay };
}

/** A yearly rule: each transition's shape, with every BYDAY that gives its day in each year the rule covers so far. */
type YearlyRule = YearlyShape[];

/** The rule a year's transitions would give alone (one or two changes a year), if any. */
function yearRule(transitions: Transition[], zone: string): YearlyRule | undefined {
  if (transitions.length === 0 || transitions.length > 2) return undefined;
  return transitions.map((t) => yearlyShape(t, zone));
}

/**
 * `rule` narrowed to the BYDAY forms that `year` gives too, or nothing when that year does not
 * follow it. The forms kept are those every year so far shares: 2023 (24 March, `4FR` only) and
 * 2024 (29 March, `-1FR` only) each share a form with 2025, but no rule gives both.
 */
function narrowRule(rule: YearlyRule, year: Transition[], zone: string): YearlyRule | undefined {
  if (year.length !== rule.length) return undefined;
  const narrowed: YearlyRule = [];
  for (const [i, shape] of rule.entries()) {
    const other = yearlyShape(year[i]!, zone);
    const byDay = shape.byDay.filter((b) => other.byDay.includes(b));
    if (other.key !== shape.key || !byDay.length) return undefined;
    narrowed.push({ ...shape, byDay });
  }
  return narrowed;
}

/**
 * A VTIMEZONE for `zone` covering every instant from `fromMillis` to `toMillis`, named (TZNAME,
 * which calendar programs show) as the announcement page names the zone at that time in
 * `locale`: "EDT", or "Australian Eastern Daylight Time" where en-US has no letters-only
 * abbreviation, and `GMT+5`-style only where the locale knows no name.
 *
 * Outlook and Exchange keep only the STANDARD and the DAYLIGHT with the latest DTSTART and make
 * each a yearly rule ([MS-OXCICAL] 2.1.3.1.1.19.2): so the zone's rule in force at the last chat
 * (the same transitions that year and the next, as the nth or last weekday of a month) is written
 * as an RRULE from the first year it held: the first from which one BYDAY gives the day of every
 * year to the last (RFC 5545 3.8.5.3: the DTSTART is the rule's first occurrence; Israel changed
 * on the 4th Friday of March in 2023 but the last in 2024, so its rule starts in 2024), and only
 * the years before as one-off observances
 * (RFC 5545 3.6.5), after the observance in force on 1 January of the first year. A zone with
 * no rule in force at its last chat (no change that year and the next: Mexico City since 2023)
 * has every observance written as STANDARD, the latest being its current offset, so that Outlook
 * keeps no daylight time; a zone whose changes follow no such rule (Casablanca's Ramadan) keeps
 * one-off observances only, as before.
 */
export function vtimezone(zone: string, fromMillis: number, toMillis: number, locale = "en-US"): string[] {
  const iana = IANAZone.create(zone);
  const firstYear = new Date(fromMillis).getUTCFullYear();
  const lastYear = new Date(toMillis).getUTCFullYear();
  const inForce = (year: number) => transitionsInYear(zone, year);
  // The first year from which every year to the one after the last chat follows one rule:
  // going back while some BYDAY still gives the change's day in every one of those years.
  const latest = yearRule(inForce(lastYear), zone);
  let rule = latest && narrowRule(latest, inForce(lastYear + 1), zone);
  let ruleFrom = lastYear;
  while (rule && ruleFrom > firstYear) {
    const wider = narrowRule(rule, inForce(ruleFrom - 1), zone);
    if (!wider) break;
    [rule, ruleFrom] = [wider, ruleFrom - 1];
  }
  const noRule = !rule && inForce(lastYear).length === 0 && inForce(lastYear + 1).length === 0;
  const history: Transition[] = [];
  for (let y = firstYear; y < (rule ? ruleFrom : lastYear + 1); y++) history.push(...inForce(y));
  const yearly = rule ? inForce(ruleFrom) : [];
  // Standard time is the smallest offset used in the period; anything above it is daylight time.
  const start = Date.UTC(firstYear, 0, 1);
  const startOffset = iana.offset(start);
  const standard = Math.min(startOffset, ...history.map((t) => t.toMinutes), ...yearly.map((t) => t.toMinutes));
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  const observance = (atMillis: number, from: number, to: number, rrule?: string) => {
    const kind = to > standard && !noRule ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      // DTSTART is the local time, in the offset before the change, at which it happens.
      `DTSTART:${localDigits(atMillis, zone, from)}`,
      `TZOFFSETFROM:${icalOffset(from)}`,
      `TZOFFSETTO:${icalOffset(to)}`,
      ...(rrule ? [`RRULE:${rrule}`] : []),
      `TZNAME:${escapeText(zoneNameAt(zone, atMillis, to, locale))}`,
      `END:${kind}`,
    );
  };
  observance(start, startOffset, startOffset);
  for (const t of history) observance(t.atMillis, t.fromMinutes, t.toMinutes);
  // The first form left: `-1SU` (tzdata's "lastSun") where both fit every year.
  yearly.forEach((t, i) => observance(t.atMillis, t.fromMinutes, t.toMinutes, `FREQ=YEARLY;BYMONTH=${rule![i]!.month};BYDAY=${rule![i]!.byDay[0]}`));
  lines.push("END:VTIMEZONE");
  return lines;
}

/** `-0400`, `+0545` (RFC 5545 UTC-OFFSET). */
export function icalOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** The zone's name from `millis` on, by the page's own rule (lib/chat-time.ts), so a calendar and the page agree. */
function zoneNameAt(zone: string, millis: number, offsetMinutes: number, locale: string): string {
  return zoneAbbreviation({ zone, startMillis: millis, offsetMinutes, wallClock: "" }, locale);
}

/** What the calendars need to know about the site. */
export interface CalendarSite {
  /** Public address from the settings, e.g. https://example.org/ */
  url: string;
  /** Path prefix the site is served under, e.g. / or /repo/ */
  pathPrefix: string;
  title: string;
  /**
   * The site's zone (settings `chat.zone`): a day alone in `updated:` is the instant the feeds
   * give that day there (lib/publishing.ts dayInstant), whatever zone the chat is in.
   */
  zone: string;
}

/** The parts of a post a calendar event is made of. */
export interface ChatPost {
  slug: string;
  url: string;
  title: string;
  date: string;
  updated?: string;
  /** When a time of change was written too: 2017-05-01T14:30-04:00. */
  updatedAt?: string;
  topics: string[];
  /** `platform` and `url`: where this chat happens and where readers follow or join it (the post's, not the site's). */
  chat?: { startMillis: number; endMillis: number; zone: string; hashtag: string; platform: string; url: string; status?: "cancelled" | "postponed" };
}

/** The site-wide feed of every published chat, at the root of the site. */
export const CALENDAR_FEED_PATH = "/calendar.ics";

/** Where a post's own calendar file is published, next to its page. */
export function postCalendarPath(post: Pick<ChatPost, "url">): string {
  return `${post.url}chat.ics`;
}

// Where Unicode's Bidi_Class defaults to right-to-left (R or AL: Hebrew, Arabic, Syriac,
// Thaana, N'Ko… and their presentation forms; DerivedBidiClass.txt).
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * Text that follows an English label (`#hcldr chat: `, `T1: `), between FIRST STRONG ISOLATE
 * and POP DIRECTIONAL ISOLATE when it holds right-to-left letters (UAX #9): in the label's
 * left-to-right line an Arabic title's closing `?` or `)` would otherwise show at its right
 * end, after the last word read. Other text is left as it is, byte for byte.
 */
export function isolatedText(text: string): string {
  return RIGHT_TO_LEFT.test(text) ? `\u2068${text}\u2069` : text;
}

/**
 * "#hcldr chat: Online Communities"; "Cancelled: #hcldr chat: …" for a chat called off, as some
 * calendar apps show no STATUS. A right-to-left title is isolated (isolatedText).
 */
export function chatSummary(post: ChatPost): string {
  if (!post.chat) return post.title;
  const state = post.chat.status === "cancelled" ? "Cancelled: " : post.chat.status === "postponed" ? "Postponed: " : "";
  return `${state}${post.chat.hashtag} chat: ${isolatedText(post.title)}`;
}

/** Midnight UTC of a YYYY-MM-DD day, in milliseconds. */
function utcDay(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** Where revision numbers count from: minutes of written clock time since 2000-01-01T00:00. */
export const SEQUENCE_EPOCH = "2000-01-01";
const EPOCH_MILLIS = utcDay(SEQUENCE_EPOCH);
/** The largest INTEGER value of RFC 5545 (3.3.8): reached in the year 6083. */
export const MAX_SEQUENCE = 2_147_483_647;

/**
 * The revision number (SEQUENCE) of a post's chat: none for a post never updated (revision 0),
 * else the minutes of clock time as written, zone aside, from 2000-01-01T00:00 to the change
 * (`updated:`, a day alone counting from its midnight). It depends on `updated:` alone, so
 * moving `date:` never lowers it, and any later change (a time on the same day included) is
 * higher. It was once counted from the publish day instead: for a publish day from 2000 on,
 * the new number is higher by that day's distance from 2000, so calendars that hold an old
 * revision take the new one. Before 2000 (no real chat) the publish day stays the start.
 */
export function revisionSequence(post: Pick<ChatPost, "date" | "updated" | "updatedAt">): number | undefined {
  if (post.updated === undefined) return undefined;
  const written = post.updatedAt ? Date.parse(`${post.updatedAt.slice(0, 16)}Z`) : utcDay(post.updated);
  const from = Math.min(EPOCH_MILLIS, utcDay(post.date));
  return Math.min(MAX_SEQUENCE, Math.max(1, Math.round((written - from) / 60_000)));
}

/** Plain text for a calendar entry: where to join, the topics T1…Tn, the announcement's address. */
export function chatDetails(post: ChatPost, site: CalendarSite, pageUrl: string): string {
  const status = post.chat?.status;
  const paragraphs = [
    ...(status === "cancelled" ? ["This chat is cancelled: it will not take place."] : []),
    ...(status === "postponed" ? ["This chat is postponed: its new time will be announced on its page."] : []),
    ...(post.chat && !status ? [`Join ${post.chat.hashtag} on ${post.chat.platform}: ${post.chat.url}`] : []),
    ...(post.topics.length ? [post.topics.map((t, i) => `T${i + 1}: ${isolatedText(t)}`).join("\n")] : []),
    `Announcement and reading list: ${pageUrl}`,
  ];
  return paragraphs.join("\n\n");
}

/**
 * The UID of a post's chat: `<name>.chat@<host>`, so that a corrected time updates the same
 * entry. A site under a path prefix has it in front (`chat-repo.<name>.chat@<host>`): GitHub
 * project sites all share one host, and two of them must not give the same UID to two chats
 * (RFC 5545 3.8.4.7). A root site's UIDs stay as they always were. The prefix is written as
 * encodeURIComponent writes it (`a%2Fb` for /a/b/), so no two prefixes give the same text,
 * and with no `/` in it, which some CalDAV servers take for a path.
 */
export function chatUid(post: Pick<ChatPost, "slug">, site: Pick<CalendarSite, "url" | "pathPrefix">): string {
  const prefix = normalisePrefix(site.pathPrefix).slice(1, -1);
  return `${prefix ? `${encodeURIComponent(prefix)}.` : ""}${post.slug}.chat@${new URL(site.url).host}`;
}

/**
 * The calendar event of a post's chat, under its UID (chatUid). Two builds of the same content give
 * the same bytes: every stamp comes from the post, not the build's clock.
 * - Never updated: revision 0 (no SEQUENCE, no LAST-MODIFIED); DTSTAMP is the publish day's
 *   midnight UTC.
 * - Updated (`updated:`): a new revision. SEQUENCE is revisionSequence() (minutes since
 *   2000), which only grows with later changes whatever `date:` says. DTSTAMP and
 *   LAST-MODIFIED are the moment of the change: the one written with its time, or for a
 *   day alone the instant the feeds give that day (noon UTC, or 23:00 in the site's zone
 *   where noon UTC is already the next day: lib/publishing.ts dayInstant), which is after
 *   the unrevised DTSTAMP (midnight UTC) even when the change is dated the publish day.
 *   Calendar apps compare SEQUENCE first and DTSTAMP only between equal ones (RFC 5546, 2.1.5).
 */
export function chatEvent(post: ChatPost, site: CalendarSite, pageUrl: string): CalendarEvent | undefined {
  if (!post.chat) return undefined;
  const sequence = revisionSequence(post);
  const changed = post.updatedAt ? Date.parse(post.updatedAt) : post.updated ? dayInstant(post.updated, site.zone) : utcDay(post.date);
  return {
    uid: chatUid(post, site),
    stampMillis: changed,
    ...(sequence !== undefined ? { revision: { sequence, modifiedMillis: changed } } : {}),
    startMillis: post.chat.startMillis,
    endMillis: post.chat.endMillis,
    zone: post.chat.zone,
    summary: chatSummary(post),
    description: chatDetails(post, site, pageUrl),
    url: pageUrl,
    location: post.chat.url,
    ...(post.chat.status ? { cancelled: true } : {}),
  };
}

/**
 * What a writer must add when a published chat is cancelled, postponed or moved without
 * `updated:`: calendars that have the event take a change only as a new revision (SEQUENCE,
 * from `updated:`), so without one they keep the chat as it was. `today` is today where the
 * chats are hosted (lib/clock.ts today); the day to write is never before the publish day.
 */
export function unrevisedChange(post: { date: string; updated?: string; chat?: { status?: "cancelled" | "postponed"; movedFrom?: unknown } }, today: string): { message: string; fix: string } | undefined {
  if (post.updated !== undefined || !post.chat) return undefined;
  const what = post.chat.status ?? (post.chat.movedFrom !== undefined ? "moved" : undefined);
  if (!what) return undefined;
  const day = today > post.date ? today : post.date;
  return {
    message: `the chat is ${what}, but the post has no \`updated:\`: calendars that already have the chat would keep it ${what === "moved" ? "at its old time" : "as it was"}, and feed readers would not show the change`,
    fix: `add the line \`updated: ${day}\` below \`date:\` (the day you changed the post${day === today ? ", today" : ""})`,
  };
}
