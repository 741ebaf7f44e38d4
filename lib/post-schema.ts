// The writers' contract: one zod schema for a post's front matter. The Post type
// used everywhere else is derived from it (see post-loader.ts for the resolved form).
import { z } from "zod";
import { languageTag, languageName, unreadLanguage } from "./language-tags.ts";
import { scriptOf, textDirection, type TextDirection } from "./text-direction.ts";
import { now } from "./clock.ts";
import { tomorrowUtc, writtenDateProblem } from "./written-dates.ts";

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
// A day followed by a time of day (2027-06-01T10:00, 2027-06-01 10:00:00Z, 2027-06-01T10:00-04:00).
const dayWithTime = /^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}/i;
// A day followed by anything else: a time in other words (10am, noon, T10), a zone, a stray "T" or "Z".
const dayThenMore = /^(\d{4}-\d{2}-\d{2})(?!\d)(.+)$/s;
// A day without its zeros (2027-6-1), as most programs write one for people.
const unpaddedDay = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** Whether `text` (YYYY-MM-DD) is a day on the calendar: 2027-02-30 is not. */
function isCalendarDay(text: string): boolean {
  const m = isoDate.exec(text);
  return m !== null && new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString().startsWith(text);
}

/** `2027-6-1` written with its zeros, when that is a day on the calendar. */
function paddedDay(text: string): string | undefined {
  const m = unpaddedDay.exec(text);
  const day = m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : undefined;
  return day !== undefined && isCalendarDay(day) ? day : undefined;
}

/**
 * The clock time (HH:MM, 24-hour) a time written in words after a day means: "10am", "10 pm",
 * "T10", "at 10", "10h", "10.30", "noon", "midnight", "  10:00"; undefined when it is none.
 */
function clockTime(rest: string): string | undefined {
  const words = rest.trim().replace(/^(?:T|at\b|,)\s*/i, "").trim();
  if (/^noon$/i.test(words)) return "12:00";
  if (/^midnight$/i.test(words)) return "00:00";
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(?:h|(a|p)\.?m\.?)?$/i.exec(words);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const half = m[3]?.toLowerCase();
  if (half && (hour < 1 || hour > 12)) return undefined;
  if (half === "p" && hour < 12) hour += 12;
  if (half === "a" && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/**
 * A calendar date written YYYY-MM-DD (or a Date that YAML made of one) as the field `field`; becomes the "YYYY-MM-DD" string.
 * A post is published by the day (from the start of its date where the chat is hosted, lib/publishing.ts), not the hour:
 * a date with a time (in any form: 10:00, 10am, noon) is told so, with the date alone to write.
 */
export const calendarDate = (field: string) =>
  z
    .union([z.string(), z.date()], { error: `expected a date written YYYY-MM-DD → write the full date, e.g. ${field}: 2017-04-30` })
    .transform((value, ctx) => {
      // A YAML timestamp with a time of day keeps it (read back in UTC), to be told as a time.
      const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 16).replace(/T00:00$/, "")) : value.trim();
      if (isCalendarDay(text)) return text;
      const byTheDay = "a post is published by the day, not by the hour: from the start of its date where the chat is hosted (the settings' chat.zone)";
      const day = dayWithTime.exec(text)?.[1];
      if (day !== undefined && isCalendarDay(day)) {
        ctx.addIssue({ code: "custom", message: `"${text}" gives a time of day, but ${byTheDay} → write ${field}: ${day}` });
        return z.NEVER;
      }
      // The day is on the calendar; what follows it is a time in other words, or a stray letter.
      const more = dayThenMore.exec(text);
      if (more && isCalendarDay(more[1]!)) {
        const rest = more[2]!.replace(/^[\s,]+/, "").trimEnd();
        const what = clockTime(more[2]!) !== undefined ? `the day ${more[1]} and a time of day ("${rest}")` : `the day ${more[1]} followed by "${rest}"`;
        ctx.addIssue({ code: "custom", message: `"${text}" gives ${what}, but ${byTheDay} → write ${field}: ${more[1]}` });
        return z.NEVER;
      }
      const padded = paddedDay(text);
      if (padded) {
        ctx.addIssue({ code: "custom", message: `"${text}" is written without the zeros a date needs (YYYY-MM-DD, two digits for the month and the day) → write ${field}: ${padded}` });
        return z.NEVER;
      }
      // 25/11/2026, Nov 25, 2026: the same day as YYYY-MM-DD. Both readings of 03/05/2026: a post may be dated ahead (scheduled).
      const written = writtenDateProblem(text, { line: (day) => `${field}: ${day}`, precision: "day", time: { dropped: byTheDay } });
      ctx.addIssue({ code: "custom", message: written ? `${written.message} → ${written.fix}` : `"${String(value)}" is not a date on the calendar → write an existing date as YYYY-MM-DD, e.g. 2017-04-30` });
      return z.NEVER;
    });

// The day, or the day and the clock time where the chat is hosted (T, t or a space between, as `date:` and `start:` read them).
const isoDayTime = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}):(\d{2}))?$/;
// The day and a time with seconds, a fraction, a zone or an offset after it: 2027-06-01T10:00:00.000+05:30.
const dayTimeWithMore = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2})(:\d{2}(?:[.,]\d*)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5}|\[[^\]\n]+\]|[A-Za-z_]+\/[A-Za-z_/+-]+)?$/;

/**
 * The day a post was changed, YYYY-MM-DD, or the day and the clock time where the chat
 * is hosted, YYYY-MM-DDTHH:MM (for a second change on the same day, which calendars
 * must be able to tell from the first); becomes that text (with a capital T).
 * Seconds, a zone or an offset, or a time in other words are told, with the line to write.
 */
export const changeDate = (field: string) =>
  z
    .union([z.string(), z.date()], { error: `expected the day you changed the post, YYYY-MM-DD → e.g. ${field}: 2017-05-01 (or ${field}: 2017-05-01T14:30 for a second change that day)` })
    .transform((value, ctx) => {
      // A YAML timestamp keeps its written digits, read back in UTC (as a chat's start does).
      const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 16).replace(/T00:00$/, "")) : value.trim();
      const m = isoDayTime.exec(text);
      const day = m?.[1] ?? dayThenMore.exec(text)?.[1] ?? "";
      const dayOk = isCalendarDay(day);
      const timeOk = m?.[2] === undefined || (Number(m[2]) <= 23 && Number(m[3]) <= 59);
      if (m && dayOk && timeOk) return m[2] === undefined ? day : `${day}T${m[2]}:${m[3]}`;
      const hosted = "the clock time where the chat is hosted, HH:MM";
      const fail = (message: string) => {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      };
      if (dayOk && !m) {
        const full = dayTimeWithMore.exec(text);
        if (full && Number(full[2]) <= 23 && Number(full[3]) <= 59) {
          const time = `${full[2]}:${full[3]}`;
          const extra = [full[4] ? `seconds ("${full[4]}")` : "", full[5] ? `a zone or offset ("${full[5]}")` : ""].filter(Boolean).join(" and ");
          return fail(
            `"${text}" gives the time with ${extra}, but \`${field}:\` takes ${hosted}, without seconds or a zone → write ${field}: ${day}T${time}${full[5] ? ` if ${time} is the time where the chat is hosted (else the time it was there)` : ""}, or ${field}: ${day} for the day alone`,
          );
        }
        const rest = text.slice(day.length);
        const time = clockTime(rest);
        const shown = rest.replace(/^[\s,]+/, "").trimEnd();
        if (time !== undefined) return fail(`"${text}" gives the time as "${shown}", but \`${field}:\` takes ${hosted} on a 24-hour clock → write ${field}: ${day}T${time}, or ${field}: ${day} for the day alone`);
        return fail(`"${text}" is the day ${day} followed by "${shown}", which is not a time chatpost reads → write ${field}: ${day}, or with ${hosted} on a 24-hour clock, e.g. ${field}: ${day}T14:30`);
      }
      if (dayOk && m && !timeOk) return fail(`"${text}" is not a time of day (the hours go from 00 to 23, the minutes from 00 to 59) → write ${field}: ${day}, or with ${hosted}, e.g. ${field}: ${day}T14:30`);
      const padded = paddedDay(text);
      if (padded) return fail(`"${text}" is written without the zeros a date needs (YYYY-MM-DD, two digits for the month and the day) → write ${field}: ${padded}`);
      // 25/11/2026, Nov 25, 2026 2:30pm: the same day (and time) as the line to write. Of the two readings of
      // 03/12/2026, one after tomorrow (UTC) is left out: a change is not dated ahead (lib/post-dates.ts futureChange).
      const written = writtenDateProblem(text, { line: (day) => `${field}: ${day}`, precision: "day", time: "keep", latest: tomorrowUtc(now) });
      if (written) return fail(`${written.message} → ${written.fix}`);
      return fail(`"${String(value)}" is not a date on the calendar → write the day you changed the post as YYYY-MM-DD, e.g. 2017-05-01, or the day and the time where the chat is hosted, e.g. 2017-05-01T14:30`);
    });

/** Tags as a YAML list on one line, `[community, night shift]`, each quoted where YAML needs it. */
function tagList(tags: readonly string[]): string {
  const items = tags.map((t) => t.trim()).filter(Boolean);
  return `[${items.map((t) => (/^\p{L}[\p{L}\p{N} _.'-]*$/u.test(t) && !/^(true|false|null)$/i.test(t) ? t : JSON.stringify(t))).join(", ")}]`;
}

const HASHTAG = /^#[\p{L}\p{N}_]+$/u;

/**
 * The writer's own tag in the fix: `nursechat` and `#nurse chat` → "#nursechat". `quoted` is
 * the same fix for a value already written in quotes (`hashtag: "#nurse chat"`), which the
 * message layer uses when the source shows the quotes: "write it in quotes" would be wrong there.
 */
function hashtagProblem(value: string): { message: string; quoted: string } {
  const words = value.trim().replace(/^#+/, "").replace(/\s+/g, "");
  const tag = `#${words}`;
  if (words && HASHTAG.test(tag)) {
    const trimmed = value.trim();
    const what = !trimmed.startsWith("#") ? "the # is missing" : /\s/.test(value) ? "no spaces" : "one # only";
    const problem = `a hashtag is # followed by letters, digits or _ (${what})`;
    return { message: `${problem} → write it in quotes: hashtag: "${tag}"`, quoted: `write hashtag: "${tag}"` };
  }
  const kept = words.replace(/[^\p{L}\p{N}_]/gu, "");
  return {
    message: `a hashtag is # followed by letters, digits or _ (no spaces, no other signs) → write it in quotes, e.g. hashtag: "#${kept || "hcldr"}"`,
    quoted: `write it without them, e.g. hashtag: "#${kept || "hcldr"}"`,
  };
}

export const hashtag = z
  .string({ error: 'expected a hashtag → write it in quotes, e.g. hashtag: "#hcldr"' })
  .superRefine((value, ctx) => {
    if (HASHTAG.test(value)) return;
    const { message, quoted } = hashtagProblem(value);
    ctx.addIssue({ code: "custom", message, params: { quotedFix: quoted } });
  });

const text = (what: string) => z.string({ error: `expected ${what} as text` }).trim().min(1, { message: `${what} is empty` });

/** What is wrong with a chat's length in minutes, with its fix; `1.5` and `2` were meant as hours. */
function durationProblem(minutes: number): string | undefined {
  const hours = (n: number) => `${n} hour${n === 1 ? "" : "s"}`;
  if (minutes > 0 && minutes < 5) {
    return `a chat lasts at least 5 minutes: the length is in minutes, not hours → write duration: ${Math.round(minutes * 60)} for ${hours(minutes)}`;
  }
  if (minutes < 5) return "a chat lasts at least 5 minutes → write the length in minutes, e.g. duration: 60";
  if (minutes > 24 * 60) return "a chat lasts at most 1440 minutes (a day) → write the length in minutes, e.g. duration: 90";
  if (!Number.isInteger(minutes)) return `expected whole minutes → round it: duration: ${Math.round(minutes)}`;
  return undefined;
}

const HOURS = String.raw`(\d+(?:[.,]\d+)?)\s*(?:h|hrs?|hours?)`;
const MINUTES = String.raw`(\d+)\s*(?:m|mins?|minutes?)`;
const DURATION_TEXT = [
  new RegExp(`^${MINUTES}$`, "i"),
  new RegExp(`^${HOURS}$`, "i"),
  // 1h30, 1 hour 30 minutes, 1 hr 30 min
  new RegExp(String.raw`^(\d+)\s*(?:h|hrs?|hours?)\s*(?:and\s*)?(\d{1,2})\s*(?:m|mins?|minutes?)?$`, "i"),
];

/** The minutes a length written with its unit means: "90 minutes", "1.5 hours", "1h30"; undefined otherwise. */
function durationFromText(text: string): number | undefined {
  const t = text.trim();
  const [minutes, hours, both] = DURATION_TEXT.map((re) => re.exec(t));
  if (minutes) return Number(minutes[1]);
  if (hours) return Number(hours[1]!.replace(",", ".")) * 60;
  if (both) return Number(both[1]) * 60 + Number(both[2]);
  return undefined;
}

/** A chat's length in minutes, in a post's `chat:` and in the site settings. */
export const chatDuration = z
  .number({
    // "90 minutes" and "1.5 hours" are text to YAML: the fix is the number of minutes they mean.
    error: (issue) => {
      const minutes = typeof issue.input === "string" ? durationFromText(issue.input) : undefined;
      const fits = minutes !== undefined && Number.isInteger(minutes) && !durationProblem(minutes);
      return fits
        ? `expected the length of the chat in minutes, without a unit → write duration: ${minutes}`
        : "expected the length of the chat in minutes, e.g. 60";
    },
  })
  .superRefine((minutes, ctx) => {
    const problem = durationProblem(minutes);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const URL_EXAMPLE = "url: https://mastodon.social/tags/hcldr";
const CHAT_PAGE = "the address of the page where readers follow or join this chat";
// `mailto:`, `zoommtg:`; not `host:8080`, nor the colon of "Zoom: room 3".
const SCHEME = /^([a-z][a-z0-9+.-]*):(?![\d\s])/i;

/** Whether `text` is an absolute http(s) address with a host (what calendars, search engines and readers elsewhere can open). */
function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** What is wrong with the address of a chat's page, with its fix; undefined for an absolute http(s) address. */
function chatUrlProblem(text: string): string | undefined {
  if (text === "") return `the address is empty → write ${CHAT_PAGE}, e.g. ${URL_EXAMPLE}, or remove \`url:\` to use the site's`;
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === "http" || scheme === "https") {
    return isWebAddress(text) ? undefined : `"${text}" is not a complete web address → copy ${CHAT_PAGE} from your browser's address bar, e.g. ${URL_EXAMPLE}`;
  }
  if (scheme) {
    const what = scheme === "mailto" ? "an email address" : scheme === "tel" ? "a phone number" : `an address starting with ${scheme}:, not a web page`;
    return `"${text}" is ${what}: readers need a page to open → write ${CHAT_PAGE}, starting with https://, e.g. ${URL_EXAMPLE}`;
  }
  // `https//host/…`, `//host/…` and `host/…`: the writer's own address, with the scheme it lacks.
  const rest = /^(?:https?\/\/?|\/\/)(?=[^/])/i.exec(text) ? text.replace(/^(?:https?)?\/+/i, "") : text;
  const guess = `https://${rest}`;
  if (/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/u.test(rest) && isWebAddress(guess)) {
    return `"${text}" has no https:// at the start → write url: ${guess}`;
  }
  if (/^[/.?#]/.test(text)) {
    return `"${text}" is only part of an address: calendars and search engines need all of it → write the whole address, starting with https://, as your browser shows it`;
  }
  return `"${text}" is not a web address → write ${CHAT_PAGE}, starting with https://, e.g. ${URL_EXAMPLE} (the platform's name goes in \`platform:\`)`;
}

/** The page where readers follow or join a post's chat, in place of the site's; becomes the address as a browser writes it. */
export const chatUrl = z
  .string({ error: `expected ${CHAT_PAGE} → write it in full, starting with https://, e.g. ${URL_EXAMPLE}` })
  .trim()
  .transform((text, ctx) => {
    const problem = chatUrlProblem(text);
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return new URL(text).href;
  });

/** Where a post's chat happens, in place of the site's platform: a name, not an address. */
export const chatPlatform = z
  .string({ error: "expected the name of the platform where the chat happens → write it as text, e.g. platform: Mastodon" })
  .trim()
  .superRefine((name, ctx) => {
    if (name === "") {
      ctx.addIssue({ code: "custom", message: "the platform is empty → write where the chat happens, e.g. platform: Mastodon, or remove `platform:` to use the site's" });
    } else if (/^(https?:|www\.)/i.test(name) || name.includes("://")) {
      ctx.addIssue({ code: "custom", message: `"${name}" is an address, not the name of a platform → write the name in \`platform:\`, e.g. platform: Zoom, and the address on its own line below it: url: ${isWebAddress(name) ? name : "https://…"}` });
    }
  });

/** `cancelled: true`, `postponed: true`: a yes or no, with the line to write for one written otherwise. */
const chatStateFlag = (field: "cancelled" | "postponed") =>
  z.boolean({
    error: (issue) => {
      const meant = typeof issue.input === "string" ? CHAT_STATE_YES_NO[issue.input.trim().toLowerCase()] : undefined;
      return meant === undefined
        ? `expected true or false → write ${field}: true, or remove the line`
        : `expected true or false → write ${field}: ${meant}${meant ? "" : " (or remove the line)"}`;
    },
  });
const CHAT_STATE_YES_NO: Record<string, boolean> = { true: true, yes: true, y: true, on: true, false: false, no: false, n: false, off: false };

export const chatSchema = z.strictObject({
  start: z.union([z.string(), z.date()], { error: "expected the local start time → write the clock time where the chat is hosted, e.g. start: 2017-05-02T20:30" }),
  zone: z.string({ error: "expected an IANA time zone → write the place as Area/City, e.g. zone: America/New_York" }).optional(),
  duration: chatDuration.optional(),
  hashtag: hashtag.optional(),
  // A guest chat elsewhere (Mastodon, a Zoom room): post-loader.ts asks for `url:` with a platform other than the site's.
  platform: chatPlatform.optional(),
  url: chatUrl.optional(),
  // Last, so that the fields a new chat is written with come first in messages listing them.
  // A chat called off after its announcement was published: the page, calendars, feeds and
  // search engines say so, and the event stays in the calendars (STATUS:CANCELLED).
  cancelled: chatStateFlag("cancelled").optional(),
  // Called off for now, to a day not yet known: said as cancelled is, in other words.
  postponed: chatStateFlag("postponed").optional(),
  // The start the chat had before it was moved (the writer changes `start:` and writes the old one here).
  moved_from: z.union([z.string(), z.date()], { error: "expected the start the chat had before it moved → write it as the start was written, e.g. moved_from: 2017-05-02T20:30" }).optional(),
});

export const imageSchema = z.strictObject({
  src: text("the image file"),
  alt: z
    .string({ error: "every image needs alt text describing it for readers who cannot see it" })
    .trim()
    .min(1, { message: "the alt text is empty → describe what the image shows for readers who cannot see it, e.g. alt: \"Two hosts at the meetup\"" }),
  credit: text("the image credit").optional(),
});

// A citation key as pandoc reads one after @ (lib/citation-syntax.ts): braces hold any other key.
const KEY_BODY = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[-:.#$%&+?<>~/](?=[\p{L}\p{N}_]))*`;
const NOCITE_ITEM = new RegExp(String.raw`^@(?:\*|\{[^}]+\}|${KEY_BODY})$`, "u");
const LEADING_ITEM = new RegExp(String.raw`^@(?:\*|\{[^}]+\}|${KEY_BODY})`, "u");
const KEY_WORD = new RegExp(`^${KEY_BODY}$`, "u");
const NOCITE_EXAMPLE = 'nocite: "@smith2019, @who2021"';

/**
 * The items of `nocite:` written as pandoc's text, `nocite: "@smith2019, @who2021"` or
 * `nocite: "@*"`: separated by commas, semicolons or spaces. Brackets and quotes around
 * them are separators too (`"[@a; @b]"`, as pandoc reads a citation, and `'"@a", "@b"'`).
 */
export function nociteTextItems(text: string): string[] {
  return text.match(/@\{[^}]*\}|@?[^\s,;[\]"'“”‘’@]+|@/gu) ?? [];
}

/** `items` as one `nocite:` line, in quotes (an @ cannot start a YAML value without them). */
function nociteLine(items: readonly string[]): string {
  return `nocite: ${JSON.stringify(items.join(", "))}`;
}

/** The list `nocite:` written as text stands for, each item one "@key"; an issue naming every item that is not one. */
function nociteFromText(text: string, ctx: z.RefinementCtx): string[] {
  const items = nociteTextItems(text);
  const lines = text.trim().includes("\n") ? " in place of its lines" : "";
  if (!items.length) {
    ctx.addIssue({ code: "custom", message: `nocite holds no citation key → write the keys with @, in quotes, e.g. ${NOCITE_EXAMPLE}${lines}, or nocite: "@*" for every entry of the shared bibliography; or remove the field` });
    return [];
  }
  const bad = items.filter((item) => !NOCITE_ITEM.test(item));
  if (!bad.length) return items;
  // "@smith2019." is @smith2019; `smith2019` may be a key without its @, or a word ("and").
  const bare = (item: string) => item.replace(/[.:!?]+$/, "");
  const keyLike = (item: string) => !item.startsWith("@") && KEY_WORD.test(bare(item));
  const mended = (withAt: boolean) =>
    items.flatMap((item) => {
      if (NOCITE_ITEM.test(item)) return [item];
      if (item.startsWith("@")) return LEADING_ITEM.exec(item)?.slice(0, 1) ?? [];
      return withAt && keyLike(item) ? [`@${bare(item)}`] : [];
    });
  const named = bad.map((item) => JSON.stringify(item));
  const list = named.length === 1 ? named[0]! : `${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}`;
  const message = `nocite lists ${list}, which ${bad.length === 1 ? "is not a citation key" : "are not citation keys"} (a key is written with @, as in "@smith2019")`;
  const withAt = mended(true);
  const without = mended(false);
  const removed = without.length ? `write the field as ${nociteLine(without)}${lines}` : "remove the field";
  let fix: string;
  if (bad.some(keyLike)) {
    const which = bad.filter(keyLike).map((item) => JSON.stringify(item));
    const them = which.length === 1 ? `${which[0]} is a key` : "they are keys";
    fix = `if ${them}, write the field as ${nociteLine(withAt)}${lines}; if not, ${removed}`;
  } else {
    fix = without.length ? `write the field as ${nociteLine(without)}${lines}` : `write the keys with @, in quotes, e.g. ${NOCITE_EXAMPLE}${lines}, or remove the field`;
  }
  ctx.addIssue({ code: "custom", message: `${message} → ${fix}` });
  return z.NEVER;
}

const nociteList = z.array(z.string({ error: "expected each citation key as text" }), {
  error: (issue) => {
    const found = issue.input;
    const key = typeof found === "number" ? String(found) : undefined;
    return key !== undefined && KEY_WORD.test(key)
      ? `expected citation keys → write the key with @, in quotes: nocite: "@${key}"`
      : `expected citation keys → write them with @, in quotes, e.g. ${NOCITE_EXAMPLE}, or nocite: "@*" for every entry of the shared bibliography`;
  },
});

/**
 * Works listed but not cited, as pandoc reads `nocite:`: a list (`["@smith2019", "@*"]`)
 * or text (`"@smith2019, @who2021"`, `"@*"`); becomes the list, each item as written.
 */
export const nociteSchema = z.unknown().transform((value, ctx): string[] => {
  if (typeof value === "string") return nociteFromText(value, ctx);
  const list = nociteList.safeParse(value);
  if (list.success) return list.data;
  for (const issue of list.error.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
  return z.NEVER;
});

const LANGUAGE_EXAMPLE = "language: es";
// A tag as HTML's lang takes it: a language code, then subtags joined by hyphens (es, es-ES, zh-Hant).
const WRITTEN_AS_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

// How a post's language is written, for a fix that has no one tag to give.
const POST_LANGUAGE_TAGS = "es Spanish, fr French, de German, pt Portuguese, ja Japanese, zh Chinese, ar Arabic…";

/**
 * The tag a post's `language:` (or a `lang:` moved to it) should say for `written`: the tag
 * itself, or the one a language's name, own name, country code ("jp") or near slip
 * ("Germn") stands for; undefined when none can be told (then the fix gives examples).
 */
export function postLanguageSuggestion(written: unknown): string | undefined {
  if (typeof written !== "string" || !written.trim()) return undefined;
  const text = written.trim();
  const tag = languageTag(text);
  if (tag) return tag;
  // unreadLanguage's fix writes one line when it knows the tag, and "e.g." with an example when it does not.
  let named: string | undefined;
  const fix = unreadLanguage(text, (t) => ((named = t), `language: ${t}`))?.fix ?? "";
  return named !== undefined && !/\be\.g\./.test(fix) ? named : undefined;
}

/**
 * What is wrong with a post's `language:` as written, with the line to write; undefined for a
 * language tag chatpost reads (in any capitals: es-es is es-ES). A language's name ("Spanish",
 * "Español") or `es_ES` is understood but told: `language:` takes the tag, as the site's does.
 */
function postLanguageProblem(written: unknown): string | undefined {
  const line = (tag: string) => `language: ${tag}`;
  const oneLanguage = (first: string) =>
    `a post is written in one language → write the tag of the language its text is in, e.g. ${line(first)} (a passage in another language is marked in the text itself, as [words]{lang=fr})`;
  if (typeof written !== "string") {
    const first = Array.isArray(written) ? postLanguageSuggestion(written.find((w) => postLanguageSuggestion(w))) : undefined;
    return Array.isArray(written)
      ? oneLanguage(first ?? "es")
      : `expected the language tag of the post's text → write e.g. ${LANGUAGE_EXAMPLE} for a post in Spanish, or remove the line for one in the site's language`;
  }
  const text = written.trim();
  if (text === "") return `the language is empty → write the language tag of the post's text, e.g. ${LANGUAGE_EXAMPLE}, or remove the line for a post in the site's language`;
  const tag = languageTag(text);
  if (tag && WRITTEN_AS_TAG.test(text)) return undefined;
  if (tag && /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})+$/i.test(text)) {
    return `"${text}" is written with _ (as some programs write locales), but a language tag is written with hyphens → write ${line(tag)}`;
  }
  const named = languageName(tag ?? "");
  if (tag) return `"${text}" is a language's name${named.toLowerCase() === text.toLowerCase() ? "" : ` (${named})`}, but \`language:\` takes its language tag, as the site's \`language\` does → write ${line(tag)}`;
  // `es, fr`, `es/fr`, `es and fr`: more than one language, each readable.
  const parts = text.split(/\s*(?:[,;/&+|]|\band\b|\bund\b|\by\b|\bet\b)\s*|\s+/i).filter(Boolean);
  if (parts.length > 1 && parts.every((p) => languageTag(p))) return oneLanguage(languageTag(parts[0]!)!);
  const problem = unreadLanguage(text, line);
  // Its words up to what they say of a reference's entry ("Español" is Spanish's own name, "jp" a country's code).
  const what = problem?.message.split(", so the entry")[0] ?? `"${text}" names no language chatpost knows`;
  const suggested = postLanguageSuggestion(text);
  // unreadLanguage words its examples for a reference (a work, its English name): a post's `language:` takes the tag.
  const fix = suggested
    ? (problem?.fix ?? `write ${line(suggested)}`)
    : `write the language's tag (${POST_LANGUAGE_TAGS}), e.g. ${line("de")} for a post in German; or remove the line if the post is in the site's language`;
  return `${what}, so the page could not tell screen readers which language the post is in → ${fix}`;
}

/**
 * The language a post's text is in, when it is not the site's (a Spanish guest chat on an
 * English site), as a language tag; becomes the tag as HTML writes it (es-es → es-ES).
 */
export const postLanguage = z.unknown().transform((value, ctx): string => {
  const problem = postLanguageProblem(value);
  if (problem) {
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  }
  return languageTag(value)!;
});

/** Whether two language tags name one language in one script: en-GB in en-US is, sr-Latn in sr is not. */
export function sameLanguage(a: string, b: string): boolean {
  const parts = (tag: string) => {
    try {
      const locale = new Intl.Locale(tag).maximize();
      return `${locale.language}-${locale.script ?? ""}`;
    } catch {
      return tag.toLowerCase().split("-")[0]!;
    }
  };
  return parts(a) === parts(b);
}

/**
 * The lang (and dir, when its direction differs) that text in `language` needs inside a page
 * in `pageLanguage`; undefined when there is none or it is the page's own (nothing to mark).
 */
export function languageMarks(language: string | undefined, pageLanguage: string): { lang: string; dir?: TextDirection } | undefined {
  if (!language || sameLanguage(language, pageLanguage)) return undefined;
  const dir = textDirection(language);
  return dir === textDirection(pageLanguage) ? { lang: language } : { lang: language, dir };
}

// The Unicode scripts (as RegExp's \p{Script=…} names them) of the ISO 15924 codes that name a mix or a variant.
const SCRIPT_LETTERS: Record<string, string[]> = {
  Jpan: ["Hira", "Kana", "Hani"], Kore: ["Hang", "Hani"], Hans: ["Hani"], Hant: ["Hani"], Hanb: ["Bopo", "Hani"],
  Aran: ["Arab"], Latf: ["Latn"], Latg: ["Latn"], Cyrs: ["Cyrl"], Syre: ["Syrc"], Syrj: ["Syrc"], Syrn: ["Syrc"],
};

/** A pattern for a letter (or digit, or mark) of `script` (ISO 15924); undefined for a script RegExp does not know. */
function scriptCharacter(script: string): RegExp | undefined {
  try {
    return new RegExp((SCRIPT_LETTERS[script] ?? [script]).map((name) => `\\p{Script=${name}}`).join("|"), "u");
  } catch {
    return undefined;
  }
}

/**
 * languageMarks for one text of a post in `language` (its title, a topic): a post's front matter
 * cannot mark a phrase, and a topic in the site's language is common in a post in another (an
 * English question in an Arabic chat). When the post's language is written in another script
 * than the page's, a text without a single character of the post's script is not in the post's
 * language: it is left in the page's, so that it is not voiced in the post's language, nor laid
 * out in its direction ("?Should vendors join, 2026"). In the same script the text cannot tell,
 * and the post's language holds.
 */
export function textLanguageMarks(text: string, language: string | undefined, pageLanguage: string): { lang: string; dir?: TextDirection } | undefined {
  const marks = languageMarks(language, pageLanguage);
  if (!marks) return undefined;
  const own = scriptOf(marks.lang);
  const page = scriptOf(pageLanguage);
  const ownCharacter = own && page && own !== page ? scriptCharacter(own) : undefined;
  return !ownCharacter || ownCharacter.test(text) ? marks : undefined;
}

export const frontMatterSchema = z.strictObject({
  title: text("the title"),
  date: calendarDate("date"),
  // When the post was last corrected (a new chat time, a fixed topic): the day is shown on
  // the page, and it makes feeds, the sitemap and calendars take the change.
  updated: changeDate("updated").optional(),
  author: text("the author's name").optional(),
  description: text("the description").optional(),
  // The language of the post's own text (title, description, topics, body) when it is not the site's.
  language: postLanguage.optional(),
  tags: z
    .array(z.string({ error: "expected each tag as text" }).trim().min(1, { message: "the tag is empty" }), {
      // `tags: a, b` is one text to YAML: the fix splits it, as the writer meant.
      error: (issue) =>
        typeof issue.input === "string" && issue.input.includes(",")
          ? `expected a list of tags → write them in square brackets, so that each is its own tag: tags: ${tagList(issue.input.split(","))}`
          : "expected a list of tags, e.g. [community, research]",
    })
    .superRefine((tags, ctx) => {
      // `- a, b` is one tag "a, b" to YAML, with a page of its own: never what a writer means.
      tags.forEach((tag, i) => {
        // The page would list the tag twice.
        const first = tags.indexOf(tag);
        if (first < i) {
          ctx.addIssue({ code: "custom", path: [i], message: `the tag "${tag}" is written twice (also item ${first + 1}) → remove this one` });
        } else if (tag.includes(",")) {
          ctx.addIssue({
            code: "custom",
            path: [i],
            message: `"${tag}" is one tag with a comma in it, not ${tag.split(",").filter((t) => t.trim()).length} tags → write each tag as its own item, e.g. all on one line in place of the list: tags: ${tagList(tags.flatMap((t) => t.split(",")))}`,
          });
        }
      });
    })
    .optional(),
  draft: z.boolean({ error: "expected true or false" }).optional(),
  chat: chatSchema.optional(),
  topics: z
    .array(z.string({ error: "expected the question as text" }).trim().min(1, { message: "the question is empty" }), { error: "expected a list of questions, one per line starting with -" })
    .min(1, { message: "topics is an empty list → list the chat's questions below `topics:`, one per line starting with \"- \", or remove the field" })
    .optional(),
  // Items are checked field by field by csl-normalise.ts, which knows CSL.
  references: z.array(z.unknown(), { error: "expected a list of references → write each reference below `references:` starting with \"- id: some-key\", its other fields indented below (see the README, References)" }).optional(),
  nocite: nociteSchema.optional(),
  image: imageSchema.optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

// How writers (and other systems) say that a chat is off, put off or moved: read for what they
// mean, so that the message gives chatpost's line instead of "unknown field → remove it".
const CANCELLED_KEYS = new Set(["cancelled", "canceled", "cancel", "iscancelled", "iscanceled", "cancellation", "calledoff"]);
const POSTPONED_KEYS = new Set(["postponed", "postpone", "ispostponed", "delayed", "deferred"]);
const STATUS_KEYS = new Set(["status", "state", "eventstatus", "chatstatus"]);
const MOVED_KEYS = new Set(["movedfrom", "moved", "rescheduled", "rescheduledfrom", "previousstart", "previousstartdate", "oldstart", "originalstart", "was", "wasat", "oldtime", "previoustime", "originaltime"]);
const CANCELLED_STATES = new Set(["cancelled", "canceled", "cancel", "calledoff", "off", "eventcancelled"]);
const POSTPONED_STATES = new Set(["postponed", "postpone", "delayed", "deferred", "tbd", "tba", "eventpostponed"]);
const MOVED_STATES = new Set(["moved", "rescheduled", "eventrescheduled"]);
const ON_STATES = new Set(["scheduled", "confirmed", "on", "active", "going", "eventscheduled"]);

/** A value as the writer wrote it in a fix: a YAML timestamp back to its digits. */
function writtenValue(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 16).replace(/T00:00$/, "");
  return undefined;
}

/**
 * What an unknown field about the chat's state means, with the line to write: `status: cancelled`,
 * `canceled: true`, `postponed: true` flush left, `movedFrom:`… `path` is where it is written
 * (`[]` for the post's top level, `["chat"]` inside `chat:`); `chat` is the post's `chat:` as
 * written. Undefined for a field that says nothing of the chat's state (`status: draft` is
 * about publishing, told elsewhere).
 */
export function chatStateSlip(key: string, value: unknown, path: readonly PropertyKey[], chat: unknown): { message: string; fix: string } | undefined {
  if (path.length > 1 || (path.length === 1 && path[0] !== "chat")) return undefined;
  const inChat = path.length === 1;
  const k = key.toLowerCase().replace(/[\s_-]/g, "");
  const state = typeof value === "string" ? value.toLowerCase().replace(/[\s_.:/-]/g, "").replace(/^(https?)?(schemaorg)?/, "") : undefined;
  const yes = typeof value === "boolean" ? value : typeof value === "string" ? CHAT_STATE_YES_NO[value.trim().toLowerCase()] : undefined;
  const chatWritten = !!chat && typeof chat === "object" && !Array.isArray(chat);
  // Where chatpost's line goes: in place of this one inside `chat:`, else below `chat:`.
  const place = (line: string) =>
    inChat
      ? `write \`${line}\` in place of this line`
      : chatWritten
        ? `write \`${line}\` below \`chat:\`, indented by two spaces like \`start:\`, and remove this line`
        : `a post without \`chat:\` announces no chat to call off: remove this line`;
  const unknown = `unknown field \`${key}\``;
  let meant: "cancelled" | "postponed" | "moved" | "on" | undefined;
  if (CANCELLED_KEYS.has(k)) meant = yes === false ? "on" : "cancelled";
  else if (POSTPONED_KEYS.has(k)) meant = yes === false ? "on" : "postponed";
  else if (MOVED_KEYS.has(k)) meant = "moved";
  else if (STATUS_KEYS.has(k) && state !== undefined) {
    meant = CANCELLED_STATES.has(state) ? "cancelled" : POSTPONED_STATES.has(state) ? "postponed" : MOVED_STATES.has(state) ? "moved" : ON_STATES.has(state) ? "on" : undefined;
  }
  // `cancelled:` written flush left is the schema's own field out of place: told by the schema's messages.
  if (meant === undefined || (!inChat && (k === "cancelled" || k === "postponed" || key === "moved_from"))) return undefined;
  if (meant === "on") return { message: `${unknown}: a chat takes place unless it says \`cancelled: true\` or \`postponed: true\``, fix: "remove the line" };
  if (meant === "cancelled") {
    return { message: `${unknown}: a chat that will not take place says \`cancelled: true\`, in its \`chat:\``, fix: place("cancelled: true") };
  }
  if (meant === "postponed") {
    return { message: `${unknown}: a chat put off to a day not yet known says \`postponed: true\`, in its \`chat:\` (one that will not take place, \`cancelled: true\`)`, fix: place("postponed: true") };
  }
  const old = writtenValue(value);
  const start = chatWritten ? writtenValue((chat as Record<string, unknown>).start) : undefined;
  const line = `moved_from: ${old && /^\d{4}-\d{2}-\d{2}/.test(old) ? old : (start ?? "2017-05-02T20:30")}`;
  const how = "a chat that moved has its new time in `start:` and the time it had before in `moved_from:`";
  if (old && /^\d{4}-\d{2}-\d{2}/.test(old)) return { message: `${unknown}: ${how}`, fix: place(line) };
  return { message: `${unknown}: ${how}`, fix: `${place(line)}, with the time the chat had before it moved${start ? " (before you change `start:` to the new time)" : ""}` };
}
