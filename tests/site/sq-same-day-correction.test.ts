// A chat moved on the day its post was published, written `updated:` with the day alone
// (the audit's week 12, /tmp/dj/findings.md §2): both calendar files carry a new revision,
// read back by ical.js, that a calendar app holding the first version takes.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import ICAL from "ical.js";
import { buildSite, copySite, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";

const POST = "content/posts/2017-04-30-online-communities.md";
let first: BuiltSite;
let corrected: BuiltSite;

before(async () => {
  const root = copySite(FIXTURE_SITE);
  first = await buildSite(root);
  const file = path.join(root, POST);
  const original = readFileSync(file, "utf8");
  // Moved to Thursday, corrected the day it was published, the day alone.
  writeFileSync(file, original.replace("date: 2017-04-30\n", "date: 2017-04-30\nupdated: 2017-04-30\n").replace("start: 2017-05-02T20:30", "start: 2017-05-04T21:00"));
  corrected = await buildSite(root);
});

function chatEvent(built: BuiltSite, ics: string) {
  const host = new URL(JSON.parse(built.read("feed.json")).home_page_url).host;
  const calendar = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.reset();
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const vevent = calendar.getAllSubcomponents("vevent").find((v) => v.getFirstPropertyValue("uid") === `online-communities.chat@${host}`)!;
  const stamp = (name: string) => (vevent.getFirstPropertyValue(name) as ICAL.Time | null)?.toJSDate().toISOString() ?? null;
  return {
    // An event without SEQUENCE is revision 0 (RFC 5545, 3.8.7.4).
    sequence: (vevent.getFirstPropertyValue("sequence") as number | null) ?? 0,
    dtstamp: stamp("dtstamp"),
    lastModified: stamp("last-modified"),
    start: new ICAL.Event(vevent).startDate.toJSDate().toISOString(),
  };
}

const calendars = (built: BuiltSite) => [built.read("calendar.ics"), built.read("posts/online-communities/chat.ics")];

describe("a chat corrected on its publish day, `updated:` without a time", () => {
  it("is a higher revision in both calendar files, stamped after the first version, at the new time", () => {
    for (const [i, ics] of calendars(corrected).entries()) {
      const before_ = chatEvent(first, calendars(first)[i]!);
      const after = chatEvent(corrected, ics);
      assert.deepEqual(before_, { sequence: 0, dtstamp: "2017-04-30T00:00:00.000Z", lastModified: null, start: "2017-05-03T00:30:00.000Z" });
      // Minutes from 2000-01-01 to 2017-04-30 (day 6329); noon UTC, as the feeds give the day.
      assert.deepEqual(after, { sequence: 6329 * 1440, dtstamp: "2017-04-30T12:00:00.000Z", lastModified: "2017-04-30T12:00:00.000Z", start: "2017-05-05T01:00:00.000Z" });
      assert.ok(after.sequence > before_.sequence);
      assert.notEqual(after.dtstamp, before_.dtstamp);
    }
  });
});
