// A post's dates that are each valid but do not fit together: the old year typed in
// January, or a post copied from last week with its date or chat left as they were.
// Warnings, not errors: each has a rare real use (a chat announced a year ahead).

/** What is compared: all YYYY-MM-DD. */
export interface PostDates {
  /** The post's file, whose name may start with a date. */
  file: string;
  /** `date:`, the publish date. */
  date: string;
  /** The chat's date where it is hosted (the date of `chat.start` as written). */
  chatDate?: string;
}

export interface DateSlip {
  field: "date" | "chat.start";
  message: string;
  fix: string;
}

const DAY = 86_400_000;
/** Further ahead than this, a chat's year (or the post's) is more likely a slip than a plan. */
export const FAR_AHEAD_DAYS = 300;

/** The date a file name starts with (`2017-04-30-online-communities.md`), when it is one on the calendar. */
export function fileNameDate(file: string): string | undefined {
  const text = writtenDate(file);
  return text !== undefined && onCalendar(text) ? text : undefined;
}

/** What a file name's leading `YYYY-MM-DD-` says, on the calendar or not (2026-24-11, day and month swapped). */
function writtenDate(file: string): string | undefined {
  const name = file.slice(file.lastIndexOf("/") + 1);
  return /^(\d{4}-\d{2}-\d{2})-/.exec(name)?.[1];
}

/** Whether YYYY-MM-DD is a day on the calendar (not 2026-02-30). */
export function onCalendar(text: string): boolean {
  // An impossible month or day is NaN here (a RangeError from toISOString); 02-30 rolls over to March.
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/**
 * At most one slip: the chat before the post is published, the chat implausibly far
 * ahead, or (when the two agree) a file name dated neither on the publish date nor on
 * the chat's date nor between them. The file name's date is named as evidence.
 */
export function dateSlips({ file, date, chatDate }: PostDates): DateSlip[] {
  const named = fileNameDate(file);
  const evidence = named ? ` (the file name says ${named})` : "";
  if (chatDate !== undefined) {
    const ahead = daysBetween(date, chatDate);
    if (ahead < 0) {
      return [{
        field: "chat.start",
        message: `the chat (${chatDate}) is before the post's publish date (${date}): readers would find the announcement only after the chat${evidence}`,
        fix: `correct the date in \`chat.start\`, or the publish date \`date:\` (on or before ${chatDate}); check the year too`,
      }];
    }
    if (ahead > FAR_AHEAD_DAYS) {
      return [{
        field: "chat.start",
        message: `the chat (${chatDate}) is ${ahead} days after the post's publish date (${date})${evidence}`,
        fix: "check the year of `chat.start` and of `date:`; if the chat really is that far ahead, this warning can stay",
      }];
    }
  }
  // `.md` once: a name saved as `….md.md` is renamed to end in `.md`.
  const slug = file.slice(file.lastIndexOf("/") + 1).slice(11).replace(/(?:\.md)+$/i, ".md");
  const dir = file.slice(0, file.lastIndexOf("/") + 1);
  if (named === undefined) {
    const written = writtenDate(file);
    if (written === undefined) return [];
    return [{
      field: "date",
      message: `the file name's date (${written}) is not a day on the calendar (it is read as YYYY-MM-DD: year, month, then day)`,
      fix: `rename the file to ${dir}${date}-${slug}, with the publish date (its web address stays the same)`,
    }];
  }
  const first = chatDate !== undefined && chatDate < date ? chatDate : date;
  const last = chatDate !== undefined && chatDate > date ? chatDate : date;
  if (named >= first && named <= last) return [];
  return [{
    field: "date",
    message: chatDate !== undefined
      ? `the file name's date (${named}) is neither the publish date (${date}) nor the chat's date (${chatDate}), nor between them`
      : `the file name's date (${named}) is not the publish date (${date})`,
    fix: `if \`date:\`${chatDate !== undefined ? " or `chat.start`" : ""} is wrong, correct it; if the file name is, rename the file to ${dir}${date}-${slug} (its web address stays the same)`,
  }];
}

/**
 * A date at the start of a post's file name not written YYYY-MM-DD (`26-11-22-`, `22-11-2026-`,
 * `2026-11-2-`, `20261122-`): read as part of the name, it would become part of the post's web
 * address for good. `written` is the date as in the name, `rest` the name after it, `dates` the
 * days on the calendar it can mean (YYYY-MM-DD), first the likeliest.
 */
export interface LooseDatePrefix {
  written: string;
  rest: string;
  dates: string[];
}

export function looseDatePrefix(file: string): LooseDatePrefix | undefined {
  const name = file.slice(file.lastIndexOf("/") + 1).replace(/(?:\.md)+$/i, "");
  if (/^\d{4}-\d{2}-\d{2}(?![0-9])/.test(name)) return undefined;
  const pad = (n: string) => n.padStart(2, "0");
  const year = (y: string) => (y.length === 2 ? `20${y}` : y);
  const parts = /^(\d{1,4})-(\d{1,2})-(\d{1,4})(?:[-_ ]+(.*))?$/.exec(name);
  const packed = /^(\d{8})(?:[-_ ]+(.*))?$/.exec(name);
  let candidates: string[] = [];
  let written: string;
  let rest: string;
  if (parts) {
    const [, a, b, c] = parts as unknown as [string, string, string, string];
    written = `${a}-${b}-${c}`;
    rest = parts[4] ?? "";
    if (a.length === 4 && c.length <= 2) candidates = [`${a}-${pad(b)}-${pad(c)}`];
    else if (c.length === 4 && a.length <= 2) candidates = [`${c}-${pad(b)}-${pad(a)}`, `${c}-${pad(a)}-${pad(b)}`];
    else if (a.length === 2 && c.length <= 2) candidates = [`${year(a)}-${pad(b)}-${pad(c)}`, `${year(c)}-${pad(b)}-${pad(a)}`, `${year(c)}-${pad(a)}-${pad(b)}`];
    else if (c.length === 2 && a.length === 1) candidates = [`${year(c)}-${pad(b)}-${pad(a)}`, `${year(c)}-${pad(a)}-${pad(b)}`];
  } else if (packed) {
    const digits = packed[1]!;
    written = digits;
    rest = packed[2] ?? "";
    candidates = [`${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`, `${digits.slice(4)}-${digits.slice(2, 4)}-${digits.slice(0, 2)}`];
  } else return undefined;
  // Only a reading that is a day of a plausible year makes the numbers a date (not "10-12-15-tips" of 1015).
  const dates = [...new Set(candidates)].filter((d) => onCalendar(d) && d >= "1990" && d < "2100");
  return dates.length ? { written, rest, dates } : undefined;
}

/**
 * The error for a post whose file name starts with a date not written YYYY-MM-DD, with the
 * name to give it: dated with `date:` (the publish date), or else with the only day the
 * written date can mean. `date` is the post's `date:`, when it has one.
 */
export function looseDatePrefixProblem(file: string, date?: string): { message: string; fix: string } | undefined {
  const loose = looseDatePrefix(file);
  if (!loose) return undefined;
  const dir = file.slice(0, file.lastIndexOf("/") + 1);
  const rest = loose.rest || "title";
  const slug = `${loose.written}${loose.rest ? `-${loose.rest}` : ""}`;
  const chosen = date !== undefined && onCalendar(date) ? date : loose.dates.length === 1 ? loose.dates[0] : undefined;
  return {
    message: `the date at the start of the file name (${loose.written}) is not written YYYY-MM-DD (year-month-day, with two digits for the month and the day), so it would be part of the post's web address for good: /posts/${slug}/`,
    fix: chosen
      ? `rename the file to ${dir}${chosen}-${rest}.md${date === chosen ? " (with its publish date)" : ""}; its address is then /posts/${rest}/`
      : `rename the file to ${dir}YYYY-MM-DD-${rest}.md with its publish date (${loose.dates.join(" or ")}?); its address is then /posts/${rest}/`,
  };
}

/** A post's `updated:` and what it is compared with: all YYYY-MM-DD but `updated`. */
export interface ChangeDates {
  /** `date:`, the publish date. */
  date: string;
  /** `updated:` as written: YYYY-MM-DD, or YYYY-MM-DDTHH:MM where the chat is hosted. */
  updated: string;
  /** The build's day, YYYY-MM-DD, as lib/clock.ts today() gives it. */
  today: string;
}

/**
 * How far after the build's day `updated:` may be before it is a slip: one day, as where a
 * post's chat is hosted (a guest chat in Auckland) it may already be tomorrow.
 */
export const CHANGE_AHEAD_DAYS = 1;

/**
 * An `updated:` dated further ahead than tomorrow: almost surely a typo (2027-12-25 for
 * 2027-11-25). Its revision number would outrank every real correction until that day, so
 * calendar apps would keep an earlier one instead (lib/calendar.ts revisionSequence). The
 * fix is the line with today's date (the time kept, when one is written); for a post not
 * published yet, removing `updated:` (nobody has seen it to be corrected).
 */
/**
 * An `updated:` further ahead than the revision a chat's change needs (`needed`: a minute after
 * the date ahead calendars were given, lib/chat-revisions.ts mustStayAhead): a year later still
 * would keep calendars from every correction until then. The fix is the revision needed.
 */
export function furtherAheadThanNeeded(updated: string, needed: string): { message: string; fix: string } | undefined {
  const day = updated.slice(0, 10);
  if (!(daysBetween(needed.slice(0, 10), day) > CHANGE_AHEAD_DAYS)) return undefined;
  return {
    message: `the post is said to be changed on ${day}: calendars were given a date ahead for this chat by an earlier build, so its change needs a later one, but ${day} is further ahead than that, and calendar apps would ignore every correction made before it`,
    fix: `write \`updated: ${needed}\`, a minute after the date calendars have`,
  };
}

export function futureChange({ date, updated, today }: ChangeDates): { message: string; fix: string } | undefined {
  const day = updated.slice(0, 10);
  const ahead = daysBetween(today, day);
  if (!(ahead > CHANGE_AHEAD_DAYS)) return undefined;
  const message = `the post is said to be changed on ${day}, ${ahead} days after today (${today}): a date ahead is most likely a typo, and calendar apps would then ignore every real correction made before ${day}`;
  if (date > today) {
    return { message, fix: `remove \`updated:\`: the post is published on ${date}, and a change before then is no correction for readers` };
  }
  const time = updated.length > 10 ? updated.slice(10) : "";
  return { message, fix: `write the day you changed the post: updated: ${today}${time}` };
}
