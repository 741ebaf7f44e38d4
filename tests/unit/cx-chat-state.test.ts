// A chat cancelled, postponed or moved after its announcement was published: the fields under
// `chat:`, the other ways writers say it (each told with chatpost's line), the calendar event,
// the structured data, and the `updated:` such a change needs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import ICAL from "ical.js";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext, type Post } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";
import { calendarText, chatEvent, unrevisedChange } from "../../lib/calendar.ts";
import { structuredData } from "../../lib/structured-data.ts";
import { buildAnnouncement } from "../../lib/announcement.ts";

const settingsText = readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8");
const settings = parseSettings(settingsText).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };
const FILE = "content/posts/2017-04-30-online-communities.md";
const SITE = { url: "https://example.org/", pathPrefix: "/", title: "Chat", zone: "America/New_York" };

function load(...lines: string[]) {
  return loadPost(FILE, `---\n${lines.join("\n")}\n---\nBody.\n`, ctx);
}
/** The messages of a post whose front matter is `lines`, from line 2. */
function messages(...lines: string[]): string[] {
  return load(...lines).diagnostics.map(formatDiagnostic).map((m) => m.slice(FILE.length + 1));
}
function post(...lines: string[]): Post {
  const result = load(...lines);
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
  return result.post!;
}
const HEAD = ["title: Online communities", "date: 2017-04-30", "updated: 2017-05-01"];

describe("a chat's state under `chat:`", () => {
  it("reads `cancelled: true`, `postponed: true` and `moved_from:`, and where each is written", () => {
    const cancelled = post(...HEAD, "chat:", "  start: 2017-05-02T20:30", "  cancelled: true");
    assert.equal(cancelled.chat?.status, "cancelled");
    assert.deepEqual(cancelled.chat?.changeAt, { line: 7, column: 3 });
    assert.equal(post(...HEAD, "chat:", "  start: 2017-05-02T20:30", "  postponed: true").chat?.status, "postponed");
    const moved = post(...HEAD, "chat:", "  start: 2017-05-04T20:30", "  moved_from: 2017-05-02T20:30");
    assert.equal(moved.chat?.status, undefined);
    assert.equal(moved.chat?.movedFrom?.wallClock, "2017-05-02T20:30:00");
    assert.equal(moved.chat?.movedFrom?.startMillis, Date.parse("2017-05-03T00:30:00Z"));
    assert.deepEqual(moved.chat?.changeAt, { line: 7, column: 3 });
    // `cancelled: false` is a chat that takes place.
    assert.equal(post(...HEAD, "chat:", "  start: 2017-05-02T20:30", "  cancelled: false").chat?.status, undefined);
  });

  it("reads `moved_from:` in the chat's own zone", () => {
    const moved = post(...HEAD, "chat:", "  start: 2017-05-04T20:30", "  zone: Europe/London", "  moved_from: 2017-05-02T20:30");
    assert.equal(moved.chat?.movedFrom?.startMillis, Date.parse("2017-05-02T19:30:00Z"));
  });

  it("refuses both states at once, a `moved_from:` equal to the start, and a `moved_from:` that is no time", () => {
    assert.deepEqual(messages(...HEAD, "chat:", "  start: 2017-05-02T20:30", "  cancelled: true", "  postponed: true"), [
      "8:3  chat.postponed  the chat says both `cancelled: true` and `postponed: true` → keep `cancelled: true` if the chat will not take place, or `postponed: true` if it will, on a day not yet known, and remove the other line",
    ]);
    assert.deepEqual(messages(...HEAD, "chat:", "  start: 2017-05-02T20:30", "  moved_from: 2017-05-02T20:30"), [
      "7:3  chat.moved_from  `moved_from:` is the chat's `start:`: it says the chat moved from the time it still has → write the new time in `start:` and the time the chat had before in `moved_from:`; or remove `moved_from:` if the chat did not move",
    ]);
    const [dateOnly] = messages(...HEAD, "chat:", "  start: 2017-05-04T20:30", "  moved_from: 2017-05-02");
    assert.match(dateOnly!, /^7:3 {2}chat\.moved_from /);
    assert.match(dateOnly!, /moved_from: 2017-05-02T20:30/);
    assert.doesNotMatch(dateOnly!, /\bstart: 2017-05-02/);
  });

  it("says `cancelled:` takes true or false, with the line to write", () => {
    assert.deepEqual(messages(...HEAD, "chat:", "  start: 2017-05-02T20:30", "  cancelled: yes"), [
      "7:3  chat.cancelled  expected true or false, found text → write cancelled: true",
    ]);
  });
});

describe("other ways of saying a chat is off or moved", () => {
  const chat = ["chat:", "  start: 2017-05-02T20:30"];
  it("`status: cancelled` and `canceled: true` in `chat:` get the line `cancelled: true` in their place", () => {
    assert.deepEqual(messages(...HEAD, ...chat, "  status: cancelled"), [
      "7:3  chat.status  unknown field `status`: a chat that will not take place says `cancelled: true`, in its `chat:` → write `cancelled: true` in place of this line",
    ]);
    assert.deepEqual(messages(...HEAD, ...chat, "  canceled: true"), [
      "7:3  chat.canceled  unknown field `canceled`: a chat that will not take place says `cancelled: true`, in its `chat:` → write `cancelled: true` in place of this line",
    ]);
    assert.deepEqual(messages(...HEAD, ...chat, "  status: postponed"), [
      "7:3  chat.status  unknown field `status`: a chat put off to a day not yet known says `postponed: true`, in its `chat:` (one that will not take place, `cancelled: true`) → write `postponed: true` in place of this line",
    ]);
  });

  it("the same flush left goes below `chat:`; `cancelled: true` flush left is told to be indented", () => {
    assert.deepEqual(messages(...HEAD, "status: cancelled", ...chat), [
      "5:1  status  unknown field `status`: a chat that will not take place says `cancelled: true`, in its `chat:` → write `cancelled: true` below `chat:`, indented by two spaces like `start:`, and remove this line",
    ]);
    assert.deepEqual(messages(...HEAD, "cancelled: true", ...chat), [
      "5:1  cancelled  `cancelled` is a field of `chat`, but it is not indented below `chat:` → indent it by two spaces, below `chat:`",
    ]);
  });

  it("`movedFrom:` and `previous_start:` get `moved_from:` with the time written", () => {
    assert.deepEqual(messages(...HEAD, "chat:", "  start: 2017-05-04T20:30", "  movedFrom: 2017-05-02T20:30"), [
      "7:3  chat.movedFrom  unknown field `movedFrom`: a chat that moved has its new time in `start:` and the time it had before in `moved_from:` → write `moved_from: 2017-05-02T20:30` in place of this line",
    ]);
    assert.deepEqual(messages(...HEAD, "chat:", "  start: 2017-05-04T20:30", "  previous_start: 2017-05-02T20:30").map((m) => m.split(" → ")[1]), [
      "write `moved_from: 2017-05-02T20:30` in place of this line",
    ]);
  });

  it("leaves `status: draft` to the publishing message, and `status: scheduled` is removed", () => {
    const [draft] = messages(...HEAD, "status: draft", ...chat);
    assert.match(draft!, /a post is published unless it has `draft: true`/);
    assert.deepEqual(messages(...HEAD, ...chat, "  status: scheduled"), [
      "7:3  chat.status  unknown field `status`: a chat takes place unless it says `cancelled: true` or `postponed: true` → remove the line",
    ]);
  });

  it("every problem of the file still comes at once", () => {
    const all = messages("title: T", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30", "  status: cancelled", "  hashtagg: \"#x\"");
    assert.equal(all.length, 2);
    assert.match(all[0]!, /^6:3 {2}chat\.status /);
    assert.match(all[1]!, /^7:3 {2}chat\.hashtagg {2}unknown field `hashtagg` → did you mean `hashtag`\?/);
  });
});

describe("what a cancelled, postponed or moved chat becomes", () => {
  const cancelled = post(...HEAD, "chat:", "  start: 2017-05-02T20:30", "  cancelled: true");
  const postponed = post(...HEAD, "chat:", "  start: 2017-05-02T20:30", "  postponed: true");
  const moved = post(...HEAD, "chat:", "  start: 2017-05-04T20:30", "  moved_from: 2017-05-02T20:30");
  const plain = post(...HEAD, "chat:", "  start: 2017-05-04T20:30");
  const vevent = (p: Post) => {
    const text = calendarText([chatEvent(p, SITE, "https://example.org/posts/online-communities/")!], { name: "Chat" });
    return new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
  };

  it("keeps the event in the calendar, STATUS:CANCELLED and free, with its UID and a new SEQUENCE", () => {
    const off = vevent(cancelled);
    const on = vevent(plain);
    assert.equal(off.getFirstPropertyValue("status"), "CANCELLED");
    assert.equal(off.getFirstPropertyValue("transp"), "TRANSPARENT");
    assert.equal(off.getFirstPropertyValue("uid"), on.getFirstPropertyValue("uid"));
    assert.equal(off.getFirstPropertyValue("sequence"), on.getFirstPropertyValue("sequence"));
    assert.ok(Number(off.getFirstPropertyValue("sequence")) > 0);
    assert.equal(off.getFirstPropertyValue("summary"), "Cancelled: #fixchat chat: Online communities");
    assert.match(String(off.getFirstPropertyValue("description")), /^This chat is cancelled: it will not take place\.\n\n/);
    assert.doesNotMatch(String(off.getFirstPropertyValue("description")), /Join /);
    assert.equal(vevent(postponed).getFirstPropertyValue("status"), "CANCELLED");
    assert.equal(vevent(postponed).getFirstPropertyValue("summary"), "Postponed: #fixchat chat: Online communities");
    assert.equal(on.getFirstPropertyValue("status"), "CONFIRMED");
    assert.equal(on.getFirstPropertyValue("transp"), "OPAQUE");
  });

  it("a moved chat's event is the same apart from its time", () => {
    const a = vevent(moved);
    const b = vevent(plain);
    for (const name of ["uid", "sequence", "summary", "description", "status", "dtstamp"]) assert.deepEqual(String(a.getFirstPropertyValue(name)), String(b.getFirstPropertyValue(name)), name);
    assert.equal((a.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(), "2017-05-05T00:30:00.000Z");
  });

  it("tells search engines EventCancelled, EventPostponed, or EventRescheduled with the previous start", () => {
    const event = (p: Post) => (structuredData({ post: p, site: { title: "Chat", homeUrl: "https://example.org/" }, pageUrl: "https://example.org/p/" })["@graph"] as Record<string, unknown>[])[1]!;
    assert.equal(event(cancelled).eventStatus, "https://schema.org/EventCancelled");
    assert.equal(event(cancelled).previousStartDate, undefined);
    assert.equal(event(postponed).eventStatus, "https://schema.org/EventPostponed");
    assert.equal(event(postponed).previousStartDate, "2017-05-02T20:30:00-04:00");
    assert.equal(event(moved).eventStatus, "https://schema.org/EventRescheduled");
    assert.equal(event(moved).previousStartDate, "2017-05-02T20:30:00-04:00");
    assert.equal(event(moved).startDate, "2017-05-04T20:30:00-04:00");
    assert.equal(event(plain).eventStatus, "https://schema.org/EventScheduled");
  });

  it("gives the page the state and the old time as the page says times", () => {
    const options = { citations: { style: "apa", locale: "en-US" }, locale: "en-US" };
    assert.equal(buildAnnouncement(cancelled, options).chat?.status, "cancelled");
    assert.equal(buildAnnouncement(moved, options).chat?.movedFrom?.host, "Tuesday, May 2, 2017, 8:30 PM EDT (UTC−4)");
  });
});

describe("a change calendars must be told of needs `updated:`", () => {
  it("asks for `updated:` with today's date (never before the publish day) for a cancelled, postponed or moved chat", () => {
    const change = (chat: { status?: "cancelled" | "postponed"; movedFrom?: unknown }, today = "2017-05-01") => unrevisedChange({ date: "2017-04-30", chat }, today);
    assert.deepEqual(change({ status: "cancelled" }), {
      message: "the chat is cancelled, but the post has no `updated:`: calendars that already have the chat would keep it as it was, and feed readers would not show the change",
      fix: "add the line `updated: 2017-05-01` below `date:` (the day you changed the post, today)",
    });
    assert.match(change({ movedFrom: { startMillis: 0 } })!.message, /^the chat is moved, .* would keep it at its old time/);
    assert.match(change({ status: "postponed" })!.message, /^the chat is postponed, /);
    assert.equal(change({ status: "cancelled" }, "2017-04-20")!.fix, "add the line `updated: 2017-04-30` below `date:` (the day you changed the post)");
    assert.equal(change({}), undefined);
    assert.equal(unrevisedChange({ date: "2017-04-30", updated: "2017-05-01", chat: { status: "cancelled" } }, "2017-05-02"), undefined);
  });
});
