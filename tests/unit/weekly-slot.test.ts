// The next weekly slot, across daylight-saving changes. Expected instants are
// literal UTC values from the tz database (zdump, tzdata 2025b).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadPost } from "../../lib/post-loader.ts";
import { copySite, FIXTURE_SITE, runScript } from "../helpers/build-site.ts";
import { scaffoldPost, slugFromTitle } from "../../lib/post-scaffold.ts";
import { parseSettings } from "../../lib/settings.ts";
import { freeSlot, nextSlot, slotSlip, type WeeklySlot } from "../../lib/weekly-slot.ts";

const tuesdayNY: WeeklySlot = { weekday: "tuesday", time: "20:30", zone: "America/New_York" };
const at = (iso: string) => new Date(iso);
const utcOf = (slot: WeeklySlot, now: string) => new Date(nextSlot(slot, at(now)).startMillis).toISOString();

describe("next weekly slot", () => {
  it("is later the same day when the slot has not started", () => {
    // Tue Nov 24 2026 12:00 UT is 07:00 EST; the chat is 20:30 EST = Wed 01:30 UT.
    const slot = nextSlot(tuesdayNY, at("2026-11-24T12:00:00Z"));
    assert.deepEqual(slot, { startMillis: Date.parse("2026-11-25T01:30:00Z"), date: "2026-11-24", start: "2026-11-24T20:30" });
  });

  it("is next week once the slot has started, with the local date (not the UTC one)", () => {
    // Tue May 2 2017 20:30 EDT = May 3 00:30 UT.
    assert.equal(utcOf(tuesdayNY, "2017-05-03T00:29:59Z"), "2017-05-03T00:30:00.000Z");
    const next = nextSlot(tuesdayNY, at("2017-05-03T00:30:00Z"));
    assert.equal(next.date, "2017-05-09");
    assert.equal(new Date(next.startMillis).toISOString(), "2017-05-10T00:30:00.000Z");
  });

  it("keeps the local time across the spring change (EST then EDT)", () => {
    // America/New_York: EDT from Sun Mar 12 2017 07:00 UT. Tue Mar 7: 20:30 EST = 01:30 UT; Tue Mar 14: 20:30 EDT = 00:30 UT.
    assert.equal(utcOf(tuesdayNY, "2017-03-06T12:00:00Z"), "2017-03-08T01:30:00.000Z");
    const after = nextSlot(tuesdayNY, at("2017-03-09T12:00:00Z"));
    assert.equal(after.start, "2017-03-14T20:30");
    assert.equal(new Date(after.startMillis).toISOString(), "2017-03-15T00:30:00.000Z");
  });

  it("keeps the local time across the autumn change (EDT then EST)", () => {
    // EST from Sun Nov 5 2017 06:00 UT. Tue Nov 7: 20:30 EST = Nov 8 01:30 UT.
    assert.equal(utcOf(tuesdayNY, "2017-11-01T12:00:00Z"), "2017-11-08T01:30:00.000Z");
  });

  it("works in a southern zone and across the date line", () => {
    // Australia/Sydney: AEDT (+11) from Sat Sep 30 2017 16:00 UT. Wed Oct 4 2017 12:30 AEDT = Oct 4 01:30 UT.
    const sydney: WeeklySlot = { weekday: "wednesday", time: "12:30", zone: "Australia/Sydney" };
    const slot = nextSlot(sydney, at("2017-09-28T00:00:00Z"));
    assert.equal(slot.date, "2017-10-04");
    assert.equal(new Date(slot.startMillis).toISOString(), "2017-10-04T01:30:00.000Z");
    // Pacific/Kiritimati (+14): Monday 08:00 there is Sunday 18:00 UT.
    const kiritimati: WeeklySlot = { weekday: "monday", time: "08:00", zone: "Pacific/Kiritimati" };
    const k = nextSlot(kiritimati, at("2017-04-30T12:00:00Z"));
    assert.equal(k.date, "2017-05-01");
    assert.equal(new Date(k.startMillis).toISOString(), "2017-04-30T18:00:00.000Z");
  });

  it("moves a slot that falls in the spring-forward gap later by the gap (RFC 5545)", () => {
    // Sun Mar 12 2017 02:30 does not exist in New York; 02:30 EST = 07:30 UT = 03:30 EDT.
    const slot = nextSlot({ weekday: "sunday", time: "02:30", zone: "America/New_York" }, at("2017-03-11T12:00:00Z"));
    assert.equal(new Date(slot.startMillis).toISOString(), "2017-03-12T07:30:00.000Z");
    assert.equal(slot.start, "2017-03-12T03:30");
  });
});

describe("the scaffolded post", () => {
  const settingsText = `title: T
description: D
url: https://chat.example/
language: en-US
author: A
chat: {zone: America/New_York, weekday: tuesday, time: "20:30", duration: 60, hashtag: "#c", platform: Bluesky, url: https://bsky.app/}
`;
  const { settings } = parseSettings(settingsText);

  it("makes an address-safe slug", () => {
    assert.equal(slugFromTitle("Listening to Patients: Part 2 — Santé & Co"), "listening-to-patients-part-2-sante-and-co");
    assert.equal(slugFromTitle("🩺"), "");
    // At most 60 characters, cut after a whole word.
    assert.equal(slugFromTitle("What patients, carers and clinicians learned from a decade of weekly chats online"), "what-patients-carers-and-clinicians-learned-from-a-decade-of");
    assert.equal(slugFromTitle("x".repeat(70)), "x".repeat(60));
  });

  it("is named after the chat's date, passes validation as written, and starts at the slot", () => {
    const slot = nextSlot(tuesdayNY, at("2017-11-01T12:00:00Z"));
    const { file, text } = scaffoldPost({ title: 'Quotes " and: colons #1', publishDate: "2017-11-01", slot, zone: "America/New_York" });
    assert.equal(file, "content/posts/2017-11-07-quotes-and-colons-1.md");
    const result = loadPost(file, text, { settings: settings!, root: "/nowhere", fileExists: () => false });
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.post?.title, 'Quotes " and: colons #1');
    assert.equal(result.post?.date, "2017-11-01");
    assert.equal(result.post?.draft, true);
    assert.equal(result.post?.topics.length, 0);
    assert.equal(new Date(result.post!.chat!.startMillis).toISOString(), "2017-11-08T01:30:00.000Z");
    assert.match(text, /^# topics:/m);
  });
});

describe("npm run new", () => {
  it("writes the post for the next slot, which passes npm run check, and never overwrites it", async () => {
    const root = copySite(FIXTURE_SITE);
    const env = { CHATPOST_NOW: "2017-11-15T12:00:00Z" };
    const first = await runScript("new-post", root, ["Listening", "to patients"], env);
    assert.equal(first.code, 0, first.stderr);
    const file = path.join(root, "content/posts/2017-11-21-listening-to-patients.md");
    assert.ok(existsSync(file));
    assert.match(first.stdout, /^Created content\/posts\/2017-11-21-listening-to-patients\.md$/m);
    assert.match(first.stdout, /Tuesday, November 21, 2017, 8:30 PM EST \(UTC−5\)/);
    const written = readFileSync(file, "utf8");
    assert.match(written, /^  start: 2017-11-21T20:30 /m);
    const check = await runScript("check", root, [], env);
    assert.equal(check.code, 0, check.stderr);

    const again = await runScript("new-post", root, ["Listening to patients"], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);
    assert.equal(readFileSync(file, "utf8"), written);

    const untitled = await runScript("new-post", root, [], env);
    assert.equal(untitled.code, 1);
    assert.match(untitled.stderr, /npm run new -- "/);
  });

  it("passes over a chat another post already announces, drafts too, and the check stays clean", async () => {
    const root = copySite(FIXTURE_SITE);
    // The fixture site announces the chats of November 7 and, as a draft, November 14.
    const env = { CHATPOST_NOW: "2017-11-01T12:00:00Z" };
    const first = await runScript("new-post", root, ["Listening to patients"], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^The chat on 2017-11-07 already has a post: content\/posts\/2017-11-03-after-dst\.md\.\nThe chat on 2017-11-14 already has a post: content\/posts\/2017-11-10-draft\.md\.\nCreated content\/posts\/2017-11-21-listening-to-patients\.md\n/);
    const second = await runScript("new-post", root, ["Burnout"], env);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /^The chat on 2017-11-21 already has a post: content\/posts\/2017-11-21-listening-to-patients\.md\.$/m);
    assert.match(second.stdout, /2017-11-28-burnout\.md\nfor the chat on Tuesday, November 28, 2017, 8:30 PM EST/);
    assert.match(readFileSync(path.join(root, "content/posts/2017-11-28-burnout.md"), "utf8"), /^  start: 2017-11-28T20:30 /m);
    // Both published, neither clashes with another post.
    for (const file of ["2017-11-21-listening-to-patients.md", "2017-11-28-burnout.md"]) {
      const full = path.join(root, "content/posts", file);
      writeFileSync(full, readFileSync(full, "utf8").replace(/^draft: true\n/m, ""));
    }
    const check = await runScript("check", root, [], env);
    assert.equal(check.code, 0, check.stderr);
    // The same title again is the post already written, not one for the week after.
    const again = await runScript("new-post", root, ["Burnout"], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /^content\/posts\/2017-11-28-burnout\.md already exists, for the chat on 2017-11-28; nothing was written\./);
    assert.equal(existsSync(path.join(root, "content/posts/2017-12-05-burnout.md")), false);
  });
});

describe("the first free slot", () => {
  const tuesday = nextSlot(tuesdayNY, at("2017-11-01T12:00:00Z"));
  const taken = (file: string, startMillis: number) => ({ file, startMillis });

  it("is the next slot when no chat is in its week (three days either side of its day)", () => {
    assert.deepEqual(freeSlot(tuesdayNY, at("2017-11-01T12:00:00Z"), []), { occurrence: tuesday, passed: [] });
    // Friday Nov 3 23:30 EDT and Saturday Nov 11 00:30 EST are the weeks before and after (tests/unit/np-weekly-slot-weeks.test.ts).
    const near = [taken("a.md", Date.parse("2017-11-04T03:30:00Z")), taken("b.md", Date.parse("2017-11-11T05:30:00Z"))];
    assert.deepEqual(freeSlot(tuesdayNY, at("2017-11-01T12:00:00Z"), near).passed, []);
  });

  it("passes over each week a chat overlaps, keeping the local time across the change of clocks", () => {
    const week2 = nextSlot(tuesdayNY, new Date(tuesday.startMillis));
    const { occurrence, passed } = freeSlot(tuesdayNY, at("2017-11-01T12:00:00Z"), [taken("a.md", tuesday.startMillis + 30 * 60_000), taken("b.md", week2.startMillis - 30 * 60_000)]);
    assert.deepEqual(passed.map((p) => [p.occurrence.date, p.file]), [["2017-11-07", "a.md"], ["2017-11-14", "b.md"]]);
    assert.equal(occurrence.start, "2017-11-21T20:30");
  });
});

describe("a start 12 hours from the weekly time", () => {
  const instant = (wallClock: string) => ({ startMillis: 0, offsetMinutes: 0, zone: "America/New_York", wallClock });

  it("is the am/pm slip, with the start at the weekly time as the fix", () => {
    assert.deepEqual(slotSlip(instant("2026-12-01T08:30:00"), "20:30"), {
      message: "the chat starts at 08:30 (8:30 AM), 12 hours from the weekly time 20:30 (8:30 PM): the 24-hour clock was probably meant",
      fix: "if it is at 8:30 PM, write start: 2026-12-01T20:30; if 8:30 AM is right, leave it as it is",
    });
    // Midnight and noon: 12:30 written for 00:30.
    assert.equal(slotSlip(instant("2026-12-01T12:30:00"), "00:30")?.fix, "if it is at 12:30 AM, write start: 2026-12-01T00:30; if 12:30 PM is right, leave it as it is");
  });

  it("says nothing at the weekly time or any other", () => {
    for (const wall of ["2026-12-01T20:30:00", "2026-12-01T08:00:00", "2026-12-01T09:30:00", "2026-12-03T20:30:00"]) {
      assert.equal(slotSlip(instant(wall), "20:30"), undefined, wall);
    }
  });
});
