// The one source of "now". Builds are reproducible given the same clock:
// CHATPOST_NOW (an ISO instant) pins it for tests and for rebuilding an old site.
import { DateTime } from "luxon";
import { publishDay } from "./publishing.ts";

/** A CHATPOST_NOW that names no instant: a mistake in how a command was run, not a bug (scripts/run-step.ts). */
export class ClockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClockError";
  }
}

const EXAMPLE = "2026-11-24T12:00:00Z";
// A time of day ending in Z or an offset (+02:00, -0500, +02): without one, the same text
// is a different instant under another TZ, and the build would depend on the machine.
const ZONED = /T[\d:.,]+(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** What is wrong with CHATPOST_NOW `value`, in one line; undefined when it names an instant. */
export function clockProblem(value: string): string | undefined {
  const asUtc = DateTime.fromISO(value, { zone: "utc" });
  if (!asUtc.isValid) return `CHATPOST_NOW="${value}" is not an ISO date-time: give an instant in UTC, e.g. CHATPOST_NOW=${EXAMPLE}`;
  // The same text read as UTC: what the writer most likely meant.
  const example = asUtc.toISO({ suppressMilliseconds: true });
  if (!/T/i.test(value)) return `CHATPOST_NOW="${value}" is a date without a time: give an instant, e.g. CHATPOST_NOW=${example}`;
  if (!ZONED.test(value)) {
    return `CHATPOST_NOW="${value}" has no time zone, so it would mean another instant on a machine with another TZ: end it with Z (UTC) or an offset, e.g. CHATPOST_NOW=${example}`;
  }
  return undefined;
}

/** Throws a ClockError when CHATPOST_NOW is set to something that is not an instant. */
export function checkClock(env: NodeJS.ProcessEnv = process.env): void {
  const pinned = env.CHATPOST_NOW;
  if (!pinned) return;
  const problem = clockProblem(pinned);
  if (problem) throw new ClockError(problem);
}

// The pinned instant, parsed once: plugins ask for "now" for every post.
let parsed: { text: string; millis: number } | undefined;

export function now(): Date {
  const pinned = process.env.CHATPOST_NOW;
  if (!pinned) return new Date();
  if (parsed?.text !== pinned) {
    checkClock();
    parsed = { text: pinned, millis: DateTime.fromISO(pinned).toMillis() };
  }
  return new Date(parsed.millis);
}

/**
 * Today where the site's chats are hosted (`zone`, settings `chat.zone`), YYYY-MM-DD: posts
 * dated so or earlier are published (publishDay, lib/publishing.ts, the one rule of it).
 */
export function today(zone: string): string {
  return publishDay(now(), zone);
}
