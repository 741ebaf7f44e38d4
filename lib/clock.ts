// The one source of "now". Builds are reproducible given the same clock:
// CHATPOST_NOW (an ISO instant) pins it for tests and for rebuilding an old site.

export function now(): Date {
  const pinned = process.env.CHATPOST_NOW;
  if (pinned) {
    const d = new Date(pinned);
    if (Number.isNaN(d.getTime())) throw new Error(`CHATPOST_NOW="${pinned}" is not an ISO date-time such as 2026-11-24T12:00:00Z`);
    return d;
  }
  return new Date();
}

/** Today's date in UTC, YYYY-MM-DD: the day a post dated so is published (lib/publishing.ts). */
export function today(): string {
  return now().toISOString().slice(0, 10);
}
