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

function onCalendar(text: string): boolean {
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
  const slug = file.slice(file.lastIndexOf("/") + 1).slice(11);
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
