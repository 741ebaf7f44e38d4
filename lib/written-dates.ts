// Dates written the everyday way (25/11/2026, Nov 25, 2026, 25th of November 2026,
// March 2021), read for the fix that gives the same date as YYYY-MM-DD: never a guess
// between day and month, and never a month name that means another month elsewhere.
// The date fields of a post (`date:`, `updated:`) and of a reference (`issued:`,
// `accessed:`) use it; `chat.start` has its own reading, with times (lib/chat-time.ts).

/** A date as far as it is written: the year, with its month, with its day. */
export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

export interface WrittenDate {
  /** What the text can mean: one reading, or two when day and month could be either way round (03/05/2021, month first, then day first). */
  readings: DateParts[];
  /** A day and a month written without a year ("25 November"). */
  yearless?: { month: number; day: number };
  /** The clock time written after the date: HH:MM on the 24-hour clock, and as written. */
  time?: { hm: string; written: string };
  /** The weekday written before it ("Wednesday, 25 November 2026"), 0 for Sunday. */
  weekday?: number;
}

export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `2021-03-05`, `2021-03` or `2021`: the date as CSL and chatpost write it. */
export function isoOf({ year, month, day }: DateParts): string {
  return `${pad(year, 4)}${month === undefined ? "" : `-${pad(month)}`}${day === undefined ? "" : `-${pad(day)}`}`;
}

/** `5 March 2021`, `March 2021` or `2021`: the date in words, so that a writer can tell which is meant. */
export function longOf({ year, month, day }: DateParts): string {
  if (month === undefined) return String(year);
  return `${day === undefined ? "" : `${day} `}${MONTH_NAMES[month - 1]} ${year}`;
}

/** The weekday of a full date, 0 for Sunday. */
export function weekdayOf({ year, month, day }: DateParts): number {
  return new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1)).getUTCDay();
}

function exists({ year, month, day }: DateParts): boolean {
  if (year < 1000 || year > 9999) return false;
  if (month === undefined) return day === undefined;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Languages whose month names are read, besides English: a name that is another month in
// another of them (Polish listopad is November, Croatian listopad October) is not read at all.
const MONTH_LOCALES = [
  "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "nn", "fi", "pl", "cs", "sk", "hr", "sl", "sr-Latn", "bs", "ro", "hu", "tr", "id", "ms",
  "ca", "eu", "gl", "et", "lv", "lt", "is", "ga", "cy", "sq", "af", "sw", "tl", "ru", "uk", "be", "bg", "sr", "mk", "el", "lb", "fo", "mt",
];

let monthWords: Map<string, number> | undefined;

/** Month names and their abbreviations, lower case without a final full stop, and the month each means. */
function monthTable(): Map<string, number> {
  if (monthWords) return monthWords;
  const seen = new Map<string, Set<number>>();
  const add = (name: string, month: number) => {
    const key = name.toLowerCase().replace(/\.$/, "");
    if (!key || /[\d\s]/.test(key)) return;
    if (!seen.has(key)) seen.set(key, new Set());
    seen.get(key)!.add(month);
  };
  MONTH_NAMES.forEach((name, i) => {
    add(name, i + 1);
    add(name.slice(0, 3), i + 1);
  });
  add("sept", 9);
  for (const locale of MONTH_LOCALES) {
    // An engine without the locale's data falls back to another language: harmless, the names are one of them.
    for (let month = 1; month <= 12; month++) {
      const day = new Date(Date.UTC(2021, month - 1, 15));
      for (const width of ["long", "short"] as const) {
        add(new Intl.DateTimeFormat(locale, { month: width, timeZone: "UTC" }).format(day), month);
        // With a day, many languages write the month in another case (Polish "listopada", Finnish "marraskuuta").
        for (const part of new Intl.DateTimeFormat(locale, { day: "numeric", month: width, timeZone: "UTC" }).formatToParts(day)) {
          if (part.type === "month") add(part.value, month);
        }
      }
    }
  }
  monthWords = new Map([...seen].filter(([, months]) => months.size === 1).map(([name, months]) => [name, [...months][0]!]));
  return monthWords;
}

/** The month a word names ("Nov", "Sept.", "novembre", "listopada"), or undefined. */
export function monthOfWord(word: string): number | undefined {
  return monthTable().get(word.toLowerCase().replace(/\.$/, ""));
}

const WEEKDAY = /^(sun|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat)(?:day|nesday|sday|urday)?\.?,?(?:\s+|$)/i;
// A time at the end: 2:30pm, 2:30 p.m., 14:30, 14.30, 14h30, with seconds, after a space, a T, a comma or "at"; noon and midnight.
const TIME_AMPM = /(?:^|[\sT,@])(?:at\s+)?(\d{1,2})(?:[:.h](\d{2}))?(?::(\d{2}))?\s*([ap])\.?\s*m\.?$/i;
const TIME_24 = /(?:^|[\sT,@])(?:at\s+)?(\d{1,2})[:.h](\d{2})(?::(\d{2})(?:[.,]\d+)?)?$/i;
const TIME_WORD = /(?:^|[\sT,@])(?:at\s+)?(noon|midday|midnight)$/i;

/** The time at the end of `text`, and the text before it; undefined when none (or not a time on the clock). */
function trailingTime(text: string): { hm: string; written: string; before: string } | undefined {
  const word = TIME_WORD.exec(text);
  if (word) return { hm: /midnight/i.test(word[1]!) ? "00:00" : "12:00", written: word[1]!, before: text.slice(0, word.index) };
  const ampm = TIME_AMPM.exec(text);
  const clock = ampm ? undefined : TIME_24.exec(text);
  const found = ampm ?? clock;
  if (!found) return undefined;
  let hour = Number(found[1]);
  const minute = Number(found[2] ?? 0);
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = /p/i.test(ampm[4]!);
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return { hm: `${pad(hour)}:${pad(minute)}`, written: found[0].replace(/^[\sT,@]/, "").trim(), before: text.slice(0, found.index) };
}

/**
 * The days a whole date in digits can be: 2026/11/25 or 2026-11-25 one, 25/11/2026 one (25 is
 * no month), 03/05/2021 two (day and month either way); undefined when it is no such date.
 * Shared with chat-time.ts, whose `start:` reads a date the same way.
 */
export function digitDayReadings(text: string): (DateParts & { month: number; day: number })[] | undefined {
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (ymd) return [{ year: +ymd[1]!, month: +ymd[2]!, day: +ymd[3]! }].filter(exists);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (dmy) {
    const [a, b, year] = [+dmy[1]!, +dmy[2]!, +dmy[3]!];
    const both = [{ year, month: a, day: b }, { year, month: b, day: a }].filter(exists);
    return a === b ? both.slice(0, 1) : both;
  }
  return undefined;
}

/** The readings of a date written in digits: 25/11/2026, 2026/11/25, 25.11.2026, 03/2021, 2021/03. */
function digitReadings(text: string): DateParts[] | undefined {
  const days = digitDayReadings(text);
  if (days) return days;
  const my = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (my) return [{ year: +my[2]!, month: +my[1]! }].filter(exists);
  const ym = /^(\d{4})[/.](\d{1,2})$/.exec(text);
  if (ym) return [{ year: +ym[1]!, month: +ym[2]! }].filter(exists);
  if (/^\d{4}$/.test(text)) return [{ year: +text }];
  // 2026年11月25日, 2026년 11월 25일: year, month and day, each with its sign.
  const cjk = /^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?$/.exec(text);
  if (cjk) return [{ year: +cjk[1]!, month: +cjk[2]!, ...(cjk[3] ? { day: +cjk[3] } : {}) }].filter(exists);
  return undefined;
}

/** The reading of a date written with a month's name: 25 November 2026, Nov. 25th, 2026, 25 de noviembre de 2026, March 2021. */
function wordReading(text: string): { date?: DateParts; yearless?: { month: number; day: number } } | undefined {
  const words = text
    .replace(/,/g, " ")
    // Ordinals: 25th, 1st, 1er, 1º, and the full stop after a number (25. November, 2026. november 25.).
    .replace(/(\d+)(?:st|nd|rd|th|er|e|º|ª|\.)(?=\s|$)/gi, "$1")
    .split(/\s+/)
    // "the 25th of November", "25 de noviembre de 2026".
    .filter((w) => w && !/^(?:of|the|de|del|di|du|da|do)$/i.test(w));
  const months = words.map((w) => (/^\d+$/.test(w) ? undefined : monthOfWord(w)));
  const monthAt = months.findIndex((m) => m !== undefined);
  // One month's name, and numbers for the rest.
  if (monthAt < 0 || words.some((w, i) => i !== monthAt && !/^\d+$/.test(w))) return undefined;
  const month = months[monthAt]!;
  const numbers = words.filter((_, i) => i !== monthAt);
  const years = numbers.filter((n) => n.length === 4);
  const days = numbers.filter((n) => n.length <= 2);
  if (years.length > 1 || days.length > 1 || years.length + days.length !== numbers.length) return undefined;
  // A year between the day and the month is no way of writing a date.
  if (days.length && years.length && words.indexOf(years[0]!) === 1 && words.length === 3) return undefined;
  const day = days.length ? Number(days[0]) : undefined;
  if (years.length === 0) {
    if (day === undefined || !exists({ year: 2000, month, day })) return undefined;
    return { yearless: { month, day } };
  }
  const date: DateParts = { year: Number(years[0]), month, ...(day === undefined ? {} : { day }) };
  return exists(date) ? { date } : undefined;
}

/**
 * What `text` says as a date written another way than YYYY-MM-DD, or undefined when it is
 * not one chatpost reads. `text` already written YYYY-MM-DD is read too (with its time), so
 * that a caller can tell a time after it.
 */
export function readWrittenDate(text: string): WrittenDate | undefined {
  let rest = text.trim().replace(/\s+/g, " ");
  // (2021), [2021]: as a reference list prints it. A sentence's full stop at the end.
  rest = rest.replace(/^[([]\s*(.*?)\s*[)\]]$/, "$1").replace(/\.$/, "");
  const weekday = WEEKDAY.exec(rest);
  if (weekday) rest = rest.slice(weekday[0].length);
  const weekdayNumber = weekday ? WEEKDAY_NAMES.findIndex((d) => d.slice(0, 2).toLowerCase() === weekday[1]!.slice(0, 2).toLowerCase()) : undefined;
  let time: WrittenDate["time"];
  const digitsFirst = digitReadings(rest);
  if (!digitsFirst) {
    const found = trailingTime(rest);
    if (found) {
      time = { hm: found.hm, written: found.written };
      rest = found.before.replace(/(?:[\s,@]|\bat\b|(?<=\d)T)+$/i, "").trim();
    }
  }
  const withWeekday = (read: WrittenDate): WrittenDate => ({ ...read, ...(time ? { time } : {}), ...(weekdayNumber !== undefined ? { weekday: weekdayNumber } : {}) });
  const digits = digitsFirst ?? digitReadings(rest);
  if (digits) return digits.length ? withWeekday({ readings: digits }) : undefined;
  const named = wordReading(rest);
  if (named?.date) return withWeekday({ readings: [named.date] });
  if (named?.yearless) return withWeekday({ readings: [], yearless: named.yearless });
  return undefined;
}

/**
 * Tomorrow in UTC, YYYY-MM-DD, from `now` (lib/clock.ts): the latest day a change or a visit
 * can be (where the chat is hosted, or the writer is, it may already be tomorrow). Undefined
 * when the clock cannot be read (a CHATPOST_NOW that is no instant is told by the command).
 */
export function tomorrowUtc(now: () => Date): string | undefined {
  try {
    return new Date(now().getTime() + 86_400_000).toISOString().slice(0, 10);
  } catch {
    return undefined;
  }
}

/**
 * The readings left when those after `latest` (YYYY-MM-DD) are left out: the day a post was
 * changed or a page read is not ahead. When every reading is ahead, all are kept: which is
 * meant cannot be told. `dropped` are the readings left out.
 */
export function notAfter(readings: readonly DateParts[], latest: string | undefined): { kept: DateParts[]; dropped: DateParts[] } {
  if (latest === undefined || readings.length < 2) return { kept: [...readings], dropped: [] };
  const kept = readings.filter((r) => isoOf(r) <= latest);
  return kept.length === 0 ? { kept: [...readings], dropped: [] } : { kept, dropped: readings.filter((r) => !kept.includes(r)) };
}

/** How a date field takes its value, for writtenDateProblem. */
export interface DateFieldRule {
  /** The field's line with a value, as a fix shows it: `date: 2026-11-25`, or `` `issued: 2021-03` `` in a reference. */
  line: (value: string) => string;
  /** "day": a full date only (a post's `date:` and `updated:`); "any": a year, a year and month, or a full date (a reference's). */
  precision: "day" | "any";
  /** A time written after the date: "keep" it (`updated:`, as THH:MM), or why it is left out. */
  time: "keep" | { dropped: string };
  /** The latest day the date can be (YYYY-MM-DD): a reading after it is left out, unless all are. */
  latest?: string | undefined;
}

const FORMAT = {
  day: "YYYY-MM-DD (year, month, then day, in digits)",
  month: "YYYY-MM (year, then month, in digits)",
  year: "YYYY (the year alone, in digits)",
  time: "YYYY-MM-DDTHH:MM (the day, T, then the clock time where the chat is hosted, on a 24-hour clock)",
};

/**
 * The message and the fix for a date field written the everyday way (`25/11/2026`,
 * `Nov 25, 2026`, `March 2021`): the line to write, or both lines when the day and the month
 * could be either way round; undefined for a text that is no date chatpost reads.
 */
export function writtenDateProblem(text: string, rule: DateFieldRule): { message: string; fix: string } | undefined {
  const read = readWrittenDate(text);
  if (!read) return undefined;
  const shown = `"${text.trim()}"`;
  if (read.yearless) {
    const { month, day } = read.yearless;
    return { message: `${shown} has no year`, fix: `write the date with its year, as YYYY-MM-DD: ${rule.line(`YYYY-${pad(month)}-${pad(day)}`)}` };
  }
  const first = read.readings[0]!;
  if (rule.precision === "day" && first.day === undefined) {
    const what = first.month === undefined ? `the year (${first.year})` : `the month (${longOf(first)})`;
    return {
      message: `${shown} gives ${what} but not the day`,
      fix: `write the full date, as YYYY-MM-DD: ${rule.line(`${isoOf(first)}${first.month === undefined ? "-MM" : ""}-DD`)}, with ${first.month === undefined ? "MM the month and " : ""}DD the day of the month`,
    };
  }
  const { kept, dropped } = notAfter(read.readings, rule.latest);
  const timeKept = read.time && rule.time === "keep" ? read.time : undefined;
  const value = (date: DateParts) => `${isoOf(date)}${timeKept ? `T${timeKept.hm}` : ""}`;
  const format = timeKept ? FORMAT.time : first.month === undefined ? FORMAT.year : first.day === undefined ? FORMAT.month : FORMAT.day;
  const dropNote = read.time && rule.time !== "keep" ? `; it also gives a time of day (${read.time.written}), but ${rule.time.dropped}` : "";
  // 25/11/2026 is said back in words, so that the writer sees which day it was read as.
  const dayMonthDigits = /(?:^|\D)\d{1,2}[-/.]\d{1,2}[-/.]\d{4}(?!\d)/.test(text);
  if (kept.length === 2) {
    const [a, b] = kept as [DateParts, DateParts];
    return {
      message: `${shown} is not written as ${format}, and its day and month could be either way round: ${longOf(a)} or ${longOf(b)}${dropNote}`,
      fix: `write ${rule.line(value(a))} for ${longOf(a)}, or ${rule.line(value(b))} for ${longOf(b)}`,
    };
  }
  const date = kept[0]!;
  const notes = [
    dayMonthDigits ? longOf(date) : "",
    dropped.length ? `read the other way round, it would be ${longOf(dropped[0]!)}, which is after today` : "",
    read.weekday !== undefined && date.day !== undefined && weekdayOf(date) !== read.weekday ? `check the date: ${longOf(date)} is a ${WEEKDAY_NAMES[weekdayOf(date)]}, not a ${WEEKDAY_NAMES[read.weekday]}` : "",
  ].filter(Boolean);
  const note = notes.length ? ` (${notes.join("; ")})` : "";
  if (timeKept) {
    return {
      message: `${shown} is not written as ${format}`,
      fix: `write ${rule.line(value(date))}${note}, or ${rule.line(isoOf(date))} for the day alone`,
    };
  }
  if (read.time && rule.time !== "keep") {
    return { message: `${shown} gives a time of day (${read.time.written}), but ${rule.time.dropped}`, fix: `write ${rule.line(isoOf(date))}${note}` };
  }
  return { message: `${shown} is not written as ${format}`, fix: `write ${rule.line(isoOf(date))}${note}` };
}
