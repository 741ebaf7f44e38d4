// The chat's weekly slot (e.g. Tuesdays 20:30 in America/New_York), the next
// occurrence of it after a given moment, right across daylight-saving changes, and the
// slip a post's start most likely is when it misses the slot by 12 hours.
import { IANAZone } from "luxon";
import { resolveChatStart, zoneAbbreviation, type ChatInstant, type Problem } from "./chat-time.ts";
import type { Weekday } from "./settings.ts";

export interface WeeklySlot {
  weekday: Weekday;
  /** 24-hour local time, "20:30". */
  time: string;
  zone: string;
}

export interface SlotOccurrence {
  startMillis: number;
  /** The local date of the chat, YYYY-MM-DD. */
  date: string;
  /** What a writer puts in `chat.start`: YYYY-MM-DDTHH:mm, local time in the slot's zone. */
  start: string;
}

// ISO weekday numbers, Monday = 1.
const ISO_WEEKDAY: Record<Weekday, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };
const DAY = 86_400_000;

/** The local calendar date (in `zone`) of an instant, as UTC midnight of that date. */
function localDateMidnight(millis: number, zone: string): number {
  const local = millis + IANAZone.create(zone).offset(millis) * 60_000;
  return Math.floor(local / DAY) * DAY;
}

/**
 * The first occurrence of the slot strictly after `now`. The wall-clock time is
 * resolved like any chat start (deterministic, first occurrence in the fall-back
 * hour); a slot inside the spring-forward gap is moved later by the gap, as
 * RFC 5545 reads a nonexistent local time.
 */
export function nextSlot(slot: WeeklySlot, now: Date): SlotOccurrence {
  const [hours, minutes] = slot.time.split(":").map(Number) as [number, number];
  let day = localDateMidnight(now.getTime(), slot.zone);
  for (let i = 0; i < 15; i++, day += DAY) {
    const isoWeekday = ((new Date(day).getUTCDay() + 6) % 7) + 1;
    if (isoWeekday !== ISO_WEEKDAY[slot.weekday]) continue;
    const date = new Date(day).toISOString().slice(0, 10);
    const wall = `${date}T${slot.time}`;
    const resolved = resolveChatStart(wall, slot.zone);
    let startMillis: number;
    if (resolved.ok) startMillis = resolved.instant.startMillis;
    else {
      // In the gap: use the offset in force before it.
      const before = IANAZone.create(slot.zone).offset(day - DAY);
      startMillis = day + (hours * 60 + minutes - before) * 60_000;
    }
    if (startMillis <= now.getTime()) continue;
    const local = new Date(startMillis + IANAZone.create(slot.zone).offset(startMillis) * 60_000).toISOString();
    return { startMillis, date: local.slice(0, 10), start: local.slice(0, 16) };
  }
  throw new Error(`chatpost internal error: no ${slot.weekday} found within two weeks of ${now.toISOString()}`);
}

/** A chat another post already announces. */
export interface TakenChat {
  file: string;
  startMillis: number;
  /** `cancelled: true` or `postponed: true` in its `chat:`. */
  status?: "cancelled" | "postponed";
}

/** A slot's week: the local dates (in the slot's zone) three days either side of its day. */
const HALF_WEEK = 3 * DAY;

/**
 * The first occurrence of the slot after `now` whose week has no chat yet, with those passed
 * over and the post that has each: `npm run new` run twice, or after a post for next week
 * was written by hand, starts the week after instead of a second announcement of one chat.
 * A week is the seven days around the slot's day, by the date in the slot's zone (Saturday
 * to Friday for a Tuesday chat), not Monday to Sunday: a chat moved a day either way for a
 * holiday, or a guest chat in a zone across the date line (23:30 Tuesday in Auckland is
 * Tuesday morning in New York, and 10:00 Monday there is still Sunday in New York) is that week's.
 * Of two chats in one week the one nearest the slot is named. A cancelled chat leaves its
 * week free (another chat may take its time); a postponed one does not: it will still happen.
 */
export function freeSlot(slot: WeeklySlot, now: Date, chats: readonly TakenChat[]): { occurrence: SlotOccurrence; passed: { occurrence: SlotOccurrence; file: string }[] } {
  const passed: { occurrence: SlotOccurrence; file: string }[] = [];
  const taken = chats.filter((t) => t.status !== "cancelled");
  let occurrence = nextSlot(slot, now);
  // Each week passed over has a post of its own: more weeks than the posts there are cannot be taken.
  for (let i = 0; i <= taken.length; i++) {
    const day = Date.parse(occurrence.date);
    const inWeek = taken.filter((t) => Math.abs(localDateMidnight(t.startMillis, slot.zone) - day) <= HALF_WEEK);
    if (!inWeek.length) break;
    const nearest = inWeek.reduce((a, b) => (Math.abs(b.startMillis - occurrence.startMillis) < Math.abs(a.startMillis - occurrence.startMillis) ? b : a));
    passed.push({ occurrence, file: nearest.file });
    occurrence = nextSlot(slot, new Date(occurrence.startMillis));
  }
  return { occurrence, passed };
}

/** "8:30 PM" for 20:30. */
function twelveHourText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return `${h % 12 === 0 ? 12 : h % 12}:${String(minutes % 60).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}

/**
 * A warning when a chat starts exactly 12 hours from the weekly time (`08:30` for a
 * 20:30 slot): the 12-hour clock's am/pm slip, which builds without an error. Only for
 * a chat in the slot's zone (a guest chat elsewhere keeps its own hours). The weekday is
 * not compared: a chat moved for a holiday is common and would warn on every build.
 */
export function slotSlip(instant: ChatInstant, slotTime: string): Problem | undefined {
  const [sh, sm] = slotTime.split(":").map(Number) as [number, number];
  const slot = sh * 60 + sm;
  const h = Number(instant.wallClock.slice(11, 13));
  const m = Number(instant.wallClock.slice(14, 16));
  const start = h * 60 + m;
  if (Math.abs(start - slot) !== 12 * 60) return undefined;
  const written = instant.wallClock.slice(11, 16);
  const corrected = `${instant.wallClock.slice(0, 10)}T${slotTime}`;
  return {
    message: `the chat starts at ${written} (${twelveHourText(start)}), 12 hours from the weekly time ${slotTime} (${twelveHourText(slot)}): the 24-hour clock was probably meant`,
    fix: `if it is at ${twelveHourText(slot)}, write start: ${corrected}; if ${twelveHourText(start)} is right, leave it as it is`,
  };
}

/**
 * When the site's chats usually are, for the home page between a chat's end and the next
 * announcement: "Chats are usually on Tuesdays at 8:30 PM EST; the next announcement is
 * coming." The zone's abbreviation is the one in force at the first slot after `after`
 * (EST or EDT as that week has it). English, as the interface's other words are.
 */
export function usualChatTime(slot: WeeklySlot, after: Date): string {
  const occurrence = nextSlot(slot, after);
  const resolved = resolveChatStart(occurrence.start, slot.zone);
  const [h, m] = slot.time.split(":").map(Number) as [number, number];
  const zone = resolved.ok ? ` ${zoneAbbreviation(resolved.instant, "en-US")}` : "";
  return `Chats are usually on ${weekdayName(slot.weekday)}s at ${twelveHourText(h * 60 + m)}${zone}; the next announcement is coming.`;
}

/** "Tuesday" for tuesday. */
const weekdayName = (weekday: Weekday) => weekday[0]!.toUpperCase() + weekday.slice(1);

/**
 * The warning for `topics:` in a post without `chat:` (a recap, a break notice with
 * questions): topics are a chat's questions, numbered T1, T2… to be answered in it, so
 * either the chat was left out or the questions belong in the body. The fix gives the chat's
 * start at the first weekly slot on or after the publish date (`date`, YYYY-MM-DD, when it
 * could be read), as the line to write.
 */
export function topicsWithoutChat(slot: WeeklySlot, date: string | undefined): Problem {
  let start = `YYYY-MM-DDT${slot.time}`;
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    // From 14 hours before the date's UTC midnight, the earliest local midnight of any zone; a slot the day before is skipped.
    let occurrence = nextSlot(slot, new Date(Date.parse(date) - 14 * 3_600_000 - 1));
    if (occurrence.date < date) occurrence = nextSlot(slot, new Date(occurrence.startMillis));
    start = occurrence.start;
  }
  const [h, m] = slot.time.split(":").map(Number) as [number, number];
  return {
    message: "topics are a chat's questions (numbered T1, T2… for answers in the chat), but the post has no `chat:`: it announces no chat",
    fix: `if it announces one, add the line \`chat:\` above \`topics:\`, flush left, and below it, indented, start: ${start} (the first ${weekdayName(slot.weekday)} ${twelveHourText(h * 60 + m)} on or after the publish date: change it if the chat is on another day); if it is a recap or a notice, put the questions in the body under a heading of your own (## Questions we discussed) and remove \`topics:\``,
  };
}
