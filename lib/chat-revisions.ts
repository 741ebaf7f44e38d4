// The chats of a site as they were published, kept in the project cache between runs, so
// that a published chat whose time was changed without a new `updated:` is told. Calendar
// apps that already hold a chat's event (keyed by its UID, the post's address at the site's
// host) take a new time only as a new revision, and a post's revision is its `updated:`
// (lib/calendar.ts revisionSequence): without one, every reader who added the chat keeps the
// old time. `moved_from:`, `cancelled:` and `postponed:` without `updated:` are errors of
// their own (lib/calendar.ts unrevisedChange); a plain edit of `start:` or `duration:` is
// seen only against this record.
//
// The record is sticky: a build (scripts/build.ts) replaces a post's entry only when the
// post's revision is later than the one recorded, or when its times are those recorded; so
// a chat moved without `updated:` is told on every check and build until it has one (or is
// moved back). It is local state: what it says is a warning, never an error.
import { createHash } from "node:crypto";
import path from "node:path";
import { DateTime } from "luxon";
import { unrevisedChange } from "./calendar.ts";
import { contentKey, realPath, type ContentCache } from "./content-cache.ts";
import type { Diagnostic, Position } from "./diagnostics.ts";
import { futureChange } from "./post-dates.ts";
import { publishStart } from "./publishing.ts";

/** A chat as calendars were given it: its start and end (epoch milliseconds), its state and its revision. */
export interface RecordedChat {
  start: number;
  end: number;
  /** `updated:` as written (`2026-11-24`, `2026-11-24T14:30`), or null for a post never updated. */
  revision: string | null;
  /** Called off or put off (`cancelled: true`, `postponed: true`); none for a chat that takes place. */
  status?: "cancelled" | "postponed";
  /**
   * The post's publish date (`date:`) when the build recorded it; absent in records written
   * before it was kept. A date after today means a build whose clock was ahead (CHATPOST_NOW)
   * published it: in today's time it is not out yet, so it is not told as withdrawn.
   */
  date?: string;
}

/** Every chat published from one site, by the post's address (`/posts/online-communities/`, what its calendar UID is made of). */
export type ChatRevisions = Record<string, RecordedChat>;

/** What this module needs of a post: a loaded Post, or the facts the check keeps of one (lib/validation-cache.ts). */
export interface ChatOfPost {
  file: string;
  /** Its address on the site, `/posts/<name>/`: its calendar UID is made of it (lib/calendar.ts chatUid). */
  url: string;
  date: string;
  draft?: boolean;
  updated?: string;
  /** `updated:` with its time, and the offset: 2026-11-24T14:30-05:00. */
  updatedAt?: string;
  updatedFieldAt?: Position;
  chat?: {
    startMillis: number;
    endMillis?: number;
    zone?: string;
    status?: "cancelled" | "postponed";
    movedFrom?: { startMillis: number };
  };
}

/**
 * Where the record of the site in `root` is kept: by the host of its calendar UIDs (the
 * settings' `url`), and by the site's folder, so that copies of a site sharing one cache
 * (a writer's experiment, the tests' copies of a fixture) do not tell each other's chats
 * moved. Undefined for a `url` that is no address (the settings' check says so).
 */
export function chatRevisionsKey(root: string, siteUrl: string): string | undefined {
  let host: string;
  try {
    host = new URL(siteUrl).host;
  } catch {
    return undefined;
  }
  // /2: chats keep their state (cancelled, postponed); a record without it would tell every cancelled chat.
  return contentKey({ kind: "chat-revisions/2", host, root: realPath(root) });
}

function isRecordedChat(value: unknown): value is RecordedChat {
  if (!value || typeof value !== "object") return false;
  const { start, end, revision, status, date } = value as Record<string, unknown>;
  return Number.isFinite(start) && Number.isFinite(end) && (revision === null || (typeof revision === "string" && /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?$/.test(revision)))
    && (status === undefined || status === "cancelled" || status === "postponed")
    && (date === undefined || (typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date)));
}

/** Parses a stored record: anything but a whole, well-formed one is undefined (ignored, never trusted). */
export function parseChatRevisions(text: string | undefined): ChatRevisions | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const chats = (value as { chats?: unknown } | null)?.chats;
  if (!chats || typeof chats !== "object" || Array.isArray(chats)) return undefined;
  const out: ChatRevisions = {};
  for (const [url, chat] of Object.entries(chats)) {
    if (!isRecordedChat(chat)) return undefined;
    out[url] = { start: chat.start, end: chat.end, revision: chat.revision, ...(chat.status ? { status: chat.status } : {}), ...(chat.date ? { date: chat.date } : {}) };
  }
  return out;
}

/** The record as stored: its entries in address order, so that the same record is the same text. */
export function chatRevisionsText(chats: ChatRevisions): string {
  const sorted: ChatRevisions = {};
  for (const url of Object.keys(chats).sort()) sorted[url] = chats[url]!;
  return JSON.stringify({ chats: sorted });
}

/** The record, if there is a whole one. Looked for first: a site never built has none, and that is no miss of the cache. */
export function readChatRevisions(cache: ContentCache, key: string): ChatRevisions | undefined {
  return cache.has(key) ? parseChatRevisions(cache.get(key)) : undefined;
}

/** Written only when it changed (through ContentCache.set: whole or not at all). */
export function writeChatRevisions(cache: ContentCache, key: string, chats: ChatRevisions): void {
  const text = chatRevisionsText(chats);
  if (cache.get(key) !== text) cache.set(key, text);
}

/** A revision as written, or none. */
export function revisionOf(post: Pick<ChatOfPost, "updated" | "updatedAt">): string | null {
  return post.updatedAt ? post.updatedAt.slice(0, 16) : (post.updated ?? null);
}

// A day alone counts from its midnight, as in revisionSequence: `2026-11-24` is `2026-11-24T00:00`.
const clock = (revision: string) => (revision.length === 10 ? `${revision}T00:00` : revision);

/** Whether revision `a` is later than `b` (none is before any). */
export function isLaterRevision(a: string | null, b: string | null): boolean {
  if (a === null) return false;
  return b === null || clock(a) > clock(b);
}

/** A post published by `today` (YYYY-MM-DD where the chats are hosted: lib/publishing.ts publishDay), with a chat. */
function publishedChat(post: ChatOfPost, today: string): post is ChatOfPost & { chat: NonNullable<ChatOfPost["chat"]> } {
  return !post.draft && post.date <= today && post.chat !== undefined;
}

function asRecorded(post: ChatOfPost & { chat: NonNullable<ChatOfPost["chat"]> }): RecordedChat {
  return { start: post.chat.startMillis, end: post.chat.endMillis ?? post.chat.startMillis, revision: revisionOf(post), ...(post.chat.status ? { status: post.chat.status } : {}), date: post.date };
}

/** Whether calendars would show the two alike: the same start, end and state. */
const sameChat = (a: RecordedChat, b: RecordedChat) => a.start === b.start && a.end === b.end && a.status === b.status;

/**
 * The record after a build that published `posts` on `today`: a post not yet in it enters
 * as it is; one in it is replaced when its revision is later than the one recorded, or when
 * its times are those recorded (then the later of the two revisions stays: calendars keep the
 * highest they were given). Otherwise its entry stays, so the warning stays. Drafts, posts
 * not yet published and posts without a chat are left out; entries of posts no longer there stay.
 */
export function nextChatRevisions(recorded: ChatRevisions | undefined, posts: readonly ChatOfPost[], today: string): ChatRevisions {
  const next: ChatRevisions = { ...recorded };
  for (const post of posts) {
    if (!publishedChat(post, today)) continue;
    const now = asRecorded(post);
    const was = next[post.url];
    if (!was || isLaterRevision(now.revision, was.revision)) next[post.url] = now;
    else if (sameChat(was, now)) next[post.url] = { ...now, revision: isLaterRevision(was.revision, now.revision) ? was.revision : now.revision };
  }
  return next;
}

/** A published chat whose time differs from the record while its revision is not later. */
export interface UnrevisedMove {
  file: string;
  date: string;
  zone: string;
  /** What calendars have. */
  recorded: RecordedChat;
  /** What the post says now. */
  current: RecordedChat;
  /** Its `moved_from:`, when it has one. */
  movedFrom?: number;
  updatedFieldAt?: Position;
}

/**
 * The published chats of `posts` whose start, end or state (cancelled, postponed, taking place)
 * differs from `recorded` while their revision is not later than the one recorded. Only a chat
 * not yet over by `now` (epoch milliseconds) as recorded or as it is: a past event in a calendar
 * misleads no one, and a change of the site's default `chat.duration` would tell every old post.
 * A chat cancelled, postponed or moved (`moved_from:`) with no `updated:` at all is left to its
 * error (lib/calendar.ts unrevisedChange).
 */
export function unrevisedMoves(recorded: ChatRevisions | undefined, posts: readonly ChatOfPost[], today: string, siteZone: string, now = Date.now()): UnrevisedMove[] {
  if (!recorded) return [];
  const out: UnrevisedMove[] = [];
  for (const post of posts) {
    if (!publishedChat(post, today)) continue;
    if ((post.chat.status || post.chat.movedFrom) && post.updated === undefined) continue;
    const was = recorded[post.url];
    if (!was) continue;
    const current = asRecorded(post);
    if (sameChat(was, current) || isLaterRevision(current.revision, was.revision) || Math.max(was.end, current.end) <= now) continue;
    out.push({
      file: post.file, date: post.date, zone: post.chat.zone ?? siteZone, recorded: was, current,
      ...(post.chat.movedFrom ? { movedFrom: post.chat.movedFrom.startMillis } : {}),
      ...(post.updatedFieldAt ? { updatedFieldAt: post.updatedFieldAt } : {}),
    });
  }
  return out;
}

/** A chat calendars were given, not yet over, that the site no longer publishes. */
export interface WithdrawnChat {
  /** The address it was published at (its calendar UID is made of it). */
  url: string;
  recorded: RecordedChat;
  /**
   * Why it is gone: the post at that address is now a draft, dated after today, or has no
   * `chat:`; or no post has that address, and another post published now, not in the record,
   * has its times (the post renamed: its address changed); or no post has it at all.
   */
  why: "draft" | "date" | "chat" | "renamed" | "gone";
  /** The post the warning is told in: the one at that address, or the one it was renamed to. */
  file?: string;
  date?: string;
  /** For a chat gone: the other addresses it was published at (renamed, each published by a build). */
  alsoAt?: string[];
}

/**
 * The published chats in `recorded`, not yet over by `now` nor cancelled, that no post of
 * `posts` publishes any more: made a draft, dated ahead, its `chat:` removed, renamed or
 * deleted. Subscribers' calendars drop such a chat without a word (a downloaded .ics keeps
 * it), and links to its page lead nowhere; a chat that will not take place is cancelled
 * instead (README, "Cancelled, postponed or moved chats"). `postUrls` holds the address of
 * every post file, with errors or not: one whose post could not be read is not told gone
 * (its own errors are). A cancelled chat's calendars already show it called off.
 */
export function withdrawnChats(recorded: ChatRevisions | undefined, posts: readonly ChatOfPost[], postUrls: ReadonlySet<string>, today: string, now = Date.now()): WithdrawnChat[] {
  if (!recorded) return [];
  const out: WithdrawnChat[] = [];
  const byUrl = new Map(posts.map((p) => [p.url, p]));
  for (const [url, chat] of Object.entries(recorded)) {
    if (chat.end <= now || chat.status === "cancelled") continue;
    // Published by a build whose clock was ahead: not out yet in today's time.
    if (chat.date !== undefined && chat.date > today) continue;
    const post = byUrl.get(url);
    if (post) {
      if (publishedChat(post, today)) continue;
      const why = post.draft ? "draft" : post.date > today ? "date" : "chat";
      // Dated ahead in a record that does not say when it was published: maybe by a build whose clock was ahead.
      if (why === "date" && chat.date === undefined) continue;
      out.push({ url, recorded: chat, why, file: post.file, date: post.date });
      continue;
    }
    if (postUrls.has(url)) continue;
    // Published at another address too, with these times, and that post is still there: it
    // was renamed and built (its chat may have moved since). Calendars have it there.
    if (Object.entries(recorded).some(([other, was]) => other !== url && was.start === chat.start && was.end === chat.end && postUrls.has(other))) continue;
    // Two chats never start at one moment (an error between posts): one published at this chat's is this post renamed.
    const renamed = posts.find((p) => publishedChat(p, today) && p.chat.startMillis === chat.start);
    // Once a build has published it under its new address too, calendars have both: renaming it
    // back would only change its address again.
    if (renamed && recorded[renamed.url]) continue;
    out.push(renamed ? { url, recorded: chat, why: "renamed", file: renamed.file, date: renamed.date } : { url, recorded: chat, why: "gone" });
  }
  out.sort((a, b) => a.recorded.start - b.recorded.start || (a.url < b.url ? -1 : 1));
  // One chat published at several addresses (renamed, each published) is told gone once.
  const gone = new Map<number, WithdrawnChat>();
  return out.filter((chat) => {
    if (chat.why !== "gone") return true;
    const first = gone.get(chat.recorded.start);
    if (!first) return gone.set(chat.recorded.start, chat), true;
    (first.alsoAt ??= []).push(chat.url);
    return false;
  });
}

/**
 * The warning for a withdrawn chat: at the line that took it off the site (`draft:`, `date:`),
 * at the top of a renamed post, or, for a post no longer there, on the posts' folder.
 */
export function withdrawnChatWarning(chat: WithdrawnChat, options: { today: string; zone: string; postsDir: string; where: (file: string, field: readonly string[]) => Position }): Diagnostic {
  const when = `${writtenTime(chat.recorded.start, options.zone)}, ${options.zone} time`;
  const name = chat.url.replace(/^\/posts\/|\/$/g, "");
  const cancel = `if the chat will not take place, keep it published and write \`cancelled: true\` under \`chat:\` with \`updated: ${options.today}\` (see the README, "Cancelled, postponed or moved chats")`;
  const lost = "readers who subscribed to the site's calendar lose it without a word, and links to its page lead nowhere";
  switch (chat.why) {
    case "draft":
      return {
        severity: "warning", file: chat.file!, ...options.where(chat.file!, ["draft"]), field: "draft",
        message: `this chat (${when}) was published by an earlier build; as a draft it leaves the site: ${lost}`,
        fix: `remove \`draft: true\`; ${cancel}`,
      };
    case "date":
      return {
        severity: "warning", file: chat.file!, ...options.where(chat.file!, ["date"]), field: "date",
        message: `this chat (${when}) was published by an earlier build; dated ${chat.date}, after today (${options.today}), it leaves the site until then: ${lost}`,
        fix: `write back the day it was published, ${options.today} or earlier (a change to the chat is dated in \`updated:\`, not \`date:\`); ${cancel}`,
      };
    case "chat":
      return {
        severity: "warning", file: chat.file!, ...options.where(chat.file!, ["chat"]), field: "chat",
        message: `this post's chat (${when}) was published by an earlier build; without \`chat:\` it leaves the calendars: ${lost.replace(", and links to its page lead nowhere", "")}`,
        fix: `write its \`chat:\` back; ${cancel}`,
      };
    case "renamed":
      return {
        severity: "warning", file: chat.file!, line: 1, column: 1, field: "",
        message: `this post's chat (${when}) was published at ${chat.url}; renamed, the post is at another address, which calendars take for another chat: readers who added it get it twice, and links to ${chat.url} lead nowhere`,
        fix: `rename the file back so that its name ends in \`-${name}.md\` (the part after the date is the post's address); if the site has already been published with the new name, leave it: renaming it back would change its address again, and your next \`npm run build\` takes note of it`,
      };
    case "gone":
      return {
        severity: "warning", file: options.postsDir, field: "",
        message: `the chat published at ${[chat.url, ...(chat.alsoAt ?? [])].join(" and at ")} (${when}) is no longer in ${options.postsDir}/: ${lost}`,
        fix: `bring its post back (its file name ends in ${[chat.url, ...(chat.alsoAt ?? [])].map((url) => `\`-${url.replace(/^\/posts\/|\/$/g, "")}.md\``).join(" or ")}; git keeps every version of it); ${cancel}`,
      };
  }
}

/**
 * The posts whose chat, not yet over by `now`, changed since calendars were given an `updated:`
 * dated ahead (a typo a build published: 2027-11-25 for 2026-11-25). Calendar apps take no
 * lower revision, so the one this change needs is dated ahead too (unrevisedMoveWarning gives
 * it): a date ahead is then no slip, and the warning that says so (lib/cross-file-checks.ts)
 * would send the writer back to a date the calendars ignore. Once a build has published the
 * change, the chat is as recorded and a date ahead is a slip again: today's date then only
 * corrects what readers see. By file, the revision the change needs: a minute after the one
 * calendars have (a date further ahead is still a slip).
 */
export function mustStayAhead(recorded: ChatRevisions | undefined, posts: readonly ChatOfPost[], today: string, now = Date.now()): Map<string, string> {
  const files = new Map<string, string>();
  if (!recorded) return files;
  for (const post of posts) {
    if (!publishedChat(post, today)) continue;
    const was = recorded[post.url];
    if (!was?.revision || !futureChange({ date: post.date, updated: was.revision, today })) continue;
    const current = asRecorded(post);
    if (!sameChat(was, current) && Math.max(was.end, current.end) > now) files.set(post.file, minuteAfter(was.revision));
  }
  return files;
}

/** The revision a minute after `revision` (a day alone counting from its midnight): `2027-11-24` → `2027-11-24T00:01`. */
export function minuteAfter(revision: string): string {
  return DateTime.fromISO(clock(revision), { zone: "UTC" }).plus({ minutes: 1 }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/**
 * An instant as a writer writes `start:` in `zone`: 2026-12-01T20:30 (with seconds only when it
 * has some), and with its offset in the hour that happens twice when clocks go back
 * (2026-11-01T01:30-05:00), where the clock time alone would be the first of the two.
 */
export function writtenTime(millis: number, zone: string): string {
  const time = DateTime.fromMillis(millis, { zone });
  const written = time.toFormat(time.second ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
  return time.getPossibleOffsets().length > 1 ? `${written}${time.toFormat("ZZ")}` : written;
}

/**
 * The `updated:` to write now: today's date (never before the publish day), or, when that
 * is no later than the revision calendars have or the one written (a second change on one
 * day), today's date with the clock time where the chat is hosted; a minute after the
 * latest of them when even that is not later (a clock behind, or a date ahead).
 */
export function revisionToWrite(move: Pick<UnrevisedMove, "date" | "zone" | "recorded" | "current">, today: string, now: Date): string {
  const notAfter = isLaterRevision(move.current.revision, move.recorded.revision) ? move.current.revision : move.recorded.revision;
  const day = today > move.date ? today : move.date;
  if (isLaterRevision(day, notAfter)) return day;
  const withTime = `${day}T${DateTime.fromJSDate(now, { zone: move.zone }).toFormat("HH:mm")}`;
  if (isLaterRevision(withTime, notAfter)) return withTime;
  return minuteAfter(notAfter!);
}

export interface MoveWarningOptions {
  /** Today where the chats are hosted (lib/clock.ts today). */
  today: string;
  now: Date;
  /** Where a field of a post is written; a position without a line: not written. */
  where: (file: string, field: readonly string[]) => Position;
}

/**
 * The warning for a chat moved without a new revision: at `start:` (at `duration:` when only
 * the end changed and it is written), with the time calendars have and the time it has now,
 * and the lines to write: `updated:` (added with today's date as for a cancelled chat, or
 * changed), and `moved_from:` when the start moved, so that the page says "Moved from …".
 */
export function unrevisedMoveWarning(move: UnrevisedMove, options: MoveWarningOptions): Diagnostic {
  const { now, where } = options;
  // `updated:` is the clock where the chat is hosted (its own zone), its date too.
  const today = DateTime.fromJSDate(now, { zone: move.zone }).toISODate() ?? options.today;
  const { recorded, current } = move;
  const was = (millis: number) => writtenTime(millis, move.zone);
  const minutes = (chat: RecordedChat) => Math.round((chat.end - chat.start) / 60_000);
  const stateChanged = recorded.status !== current.status;
  const startMoved = !stateChanged && recorded.start !== current.start;
  // A `duration:` lookup falls back to the line of `chat:` when the post does not write one.
  const durationAt = stateChanged || startMoved ? undefined : where(move.file, ["chat", "duration"]);
  const durationWritten = durationAt?.line !== undefined && durationAt.line !== where(move.file, ["chat"]).line;
  const statusAt = current.status ? where(move.file, ["chat", current.status]) : undefined;
  const [field, at] = durationWritten ? ["chat.duration", durationAt!] : statusAt?.line !== undefined ? [`chat.${current.status}`, statusAt] : ["chat.start", where(move.file, ["chat", "start"])];
  const state = (chat: RecordedChat) => (chat.status ? `as ${chat.status}` : "as taking place");
  const change = stateChanged
    ? `the chat was published ${state(recorded)} and is now ${current.status ?? "taking place"}`
    : startMoved
      ? `the chat was published starting at ${was(recorded.start)} and now starts at ${was(current.start)} (${move.zone} time)`
      : `the chat was published ending at ${was(recorded.end)} (${minutes(recorded)} minutes) and now ends at ${was(current.end)} (${minutes(current)} minutes, ${move.zone} time)`;
  const revision = current.revision === null
    ? "the post has no `updated:`"
    : current.revision === recorded.revision
      ? `\`updated:\` is still ${current.revision}, the revision calendars have`
      : `\`updated:\` (${current.revision}) is not later than the one calendars have (${recorded.revision ?? "none"})`;
  const kept = stateChanged ? (recorded.status ? `keep it ${recorded.status}` : "keep it as taking place") : "keep the old time";
  const message = `${change}, but ${revision}: calendars that already have the chat ${kept} (they take a change only as a new revision), and feed readers do not show the change`;
  const day = revisionToWrite(move, today, now);
  // Worded as for a cancelled or moved chat without `updated:` (lib/calendar.ts unrevisedChange).
  const updatedFix = current.revision === null
    ? ((day === today ? unrevisedChange({ date: move.date, chat: { movedFrom: true } }, today)?.fix : undefined) ?? `add the line \`updated: ${day}\` below \`date:\``)
    : `change \`updated:\`${move.updatedFieldAt?.line !== undefined ? ` (line ${move.updatedFieldAt.line})` : ""} to \`updated: ${day}\` (${day.slice(0, 10) > today ? `a minute after ${recorded.revision}: calendars were given that date ahead, and take only a later one` : `the day${day.length > 10 ? " and time" : ""} you changed the post`})`;
  const movedFix = startMoved && !current.status && move.movedFrom !== recorded.start
    ? `, and ${move.movedFrom === undefined ? "add the line" : "change `moved_from:` to"} \`moved_from: ${was(recorded.start)}\`${move.movedFrom === undefined ? " below `start:`" : ""} so that the page says "Moved from …"`
    : "";
  const back = stateChanged
    ? recorded.status
      ? `; or, if it is still ${recorded.status}, write \`${recorded.status}: true\` again below \`start:\``
      : `; or, if it takes place, remove \`${current.status}: true\``
    : startMoved
      ? `; or, if the chat did not move, write \`start: ${was(recorded.start)}\` again`
      : `; or, if its length did not change, write \`duration: ${minutes(recorded)}\`${durationWritten ? " again" : " below `start:`"}`;
  return { severity: "warning", file: move.file, ...at, field, message, fix: `${updatedFix}${movedFix}${back}` };
}

/**
 * What a build of `target` last saw of the record (its key and a hash of its text): the
 * build record (lib/build-record.ts) holds only while the record is still that. Another
 * copy of the site, or a record pruned or damaged, would otherwise leave a build with nothing
 * to do printing warnings a build would no longer give, or missing one it would.
 */
const asBuiltKey = (target: string) => contentKey({ kind: "chat-revisions-as-built", target: path.resolve(target) });

const digest = (text: string | undefined) => (text === undefined ? "none" : createHash("sha256").update(text).digest("hex"));

export function writeChatRevisionsAsBuilt(cache: ContentCache, target: string, key: string | undefined): void {
  cache.set(asBuiltKey(target), JSON.stringify({ key: key ?? null, digest: key === undefined ? "none" : digest(cache.get(key)) }));
}

/** Whether the record is as the last build of `target` left it (false when that is not known). */
export function chatRevisionsAsBuilt(cache: ContentCache, target: string): boolean {
  let seen: { key?: unknown; digest?: unknown };
  try {
    seen = JSON.parse(cache.get(asBuiltKey(target)) ?? "null") ?? {};
  } catch {
    return false;
  }
  if (seen.key === null) return seen.digest === "none";
  return typeof seen.key === "string" && seen.digest === digest(cache.get(seen.key));
}

/** When the day after `day` (YYYY-MM-DD) begins in `zone`: a warning that gives today's date holds until then. */
export function nextDayStart(day: string, zone: string): number {
  return publishStart(DateTime.fromISO(day, { zone: "UTC" }).plus({ days: 1 }).toISODate()!, zone);
}
