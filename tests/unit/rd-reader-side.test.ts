// What readers see of a chat outside its page: the zone names calendar programs show
// (TZNAME), the day feed readers show for a publish date, and the site's own share card.
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { calendarText, type CalendarEvent } from "../../lib/calendar.ts";
import { describeChatTime, resolveChatStart } from "../../lib/chat-time.ts";
import { pngSize, renderShareCard, shareCardKey, shareCardProblems, OG_HEIGHT, OG_WIDTH } from "../../lib/og-image.ts";
import { feedDate } from "../../plugins/feeds.ts";
import { changeInstant, dayInstant, publishedMillis, updatedMillis } from "../../lib/publishing.ts";
import { siteShareCard, siteShareImageAlt } from "../../plugins/og-image.ts";

const HOUR = 3_600_000;

/** A one-hour chat starting at `wall` in `zone`, as a calendar event. */
function chat(wall: string, zone: string): CalendarEvent {
  const resolved = resolveChatStart(wall, zone);
  assert.ok(resolved.ok);
  const start = resolved.instant.startMillis;
  return { uid: `${wall}@x`, stampMillis: start, startMillis: start, endMillis: start + HOUR, zone, summary: "Chat", description: "", url: "https://x.example/" };
}

/** Each observance of the calendar's VTIMEZONE, as ical.js reads it back (escapes undone). */
function observances(ics: string): { kind: string; start: string; name: string }[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vtimezone").flatMap((tz) =>
    tz.getAllSubcomponents().map((o) => ({ kind: o.name.toUpperCase(), start: String(o.getFirstPropertyValue("dtstart")), name: String(o.getFirstPropertyValue("tzname")) })),
  );
}

/** The name the announcement page gives the chat's zone (lib/chat-time.ts). */
const pageName = (wall: string, zone: string, locale: string) => {
  const resolved = resolveChatStart(wall, zone);
  assert.ok(resolved.ok);
  return describeChatTime(resolved.instant, locale).abbreviation;
};

describe("calendar zone names (TZNAME)", () => {
  it("are the names the page gives the zone, each observance its own", () => {
    const cases = [
      // en-US has no letters-only abbreviation for Sydney: the page says the long name, and so does the calendar.
      ["2018-02-14T12:30", "Australia/Sydney", "en-US", { DAYLIGHT: "Australian Eastern Daylight Time", STANDARD: "Australian Eastern Standard Time" }],
      ["2018-02-14T12:30", "Australia/Sydney", "en-AU", { DAYLIGHT: "AEDT", STANDARD: "AEST" }],
      ["2017-05-02T20:30", "America/New_York", "en-US", { DAYLIGHT: "EDT", STANDARD: "EST" }],
    ] as const;
    for (const [wall, zone, locale, names] of cases) {
      const found = observances(calendarText([chat(wall, zone)], { name: "x", locale }));
      assert.ok(found.length >= 3, `${zone}: the first observance and the year's two changes`);
      for (const o of found) assert.equal(o.name, names[o.kind as keyof typeof names], `${zone} ${locale} ${o.kind} from ${o.start}`);
      // The observance in force when the chat starts is named as the page names the chat's zone.
      const inForce = found.filter((o) => o.start <= `${wall}:00`).at(-1)!;
      assert.equal(inForce.name, pageName(wall, zone, locale), `${zone} ${locale}`);
    }
  });

  it("keep a GMT offset only where the locale knows no name for the zone", () => {
    // Punta Arenas (UTC−3 all year) has no name in en-US; Kolkata has one, but no letters-only abbreviation.
    for (const [zone, expected] of [["America/Punta_Arenas", "GMT-03:00"], ["Asia/Kolkata", "India Standard Time"]] as const) {
      const found = observances(calendarText([chat("2018-02-14T12:30", zone)], { name: "x", locale: "en-US" }));
      assert.deepEqual([...new Set(found.map((o) => o.name))], [expected], zone);
      assert.equal(pageName("2018-02-14T12:30", zone, "en-US"), expected);
    }
  });

  it("are escaped as TEXT and folded, so a name with a comma reads back whole", () => {
    // Russian names the zone "Центральная Европа, стандартное время": a comma, and two-byte letters.
    const ics = calendarText([chat("2018-02-14T12:30", "Africa/Algiers")], { name: "x", locale: "ru" });
    assert.match(ics.replace(/\r\n /g, ""), /\r\nTZNAME:Центральная Европа\\, стандартное время\r\n/);
    assert.ok(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75));
    assert.deepEqual([...new Set(observances(ics).map((o) => o.name))], [pageName("2018-02-14T12:30", "Africa/Algiers", "ru")]);
  });

  it("default to en-US, and a calendar in another locale does not reuse the first one's names", () => {
    const event = chat("2018-02-14T12:30", "Australia/Sydney");
    const names = (locale?: string) => observances(calendarText([event], { name: "x", ...(locale ? { locale } : {}) })).map((o) => o.name);
    assert.deepEqual(names(), names("en-US"));
    assert.notDeepEqual(names("en-AU"), names("en-US"));
  });
});

describe("feed dates of a publish day", () => {
  /** The calendar day a reader at `offsetHours` from UTC sees for the instant. */
  const dayAt = (millis: number, offsetHours: number) => new Date(millis + offsetHours * HOUR).toISOString().slice(0, 10);

  it("are noon UTC, the same day for readers from UTC−12 to UTC+11, the site's zone among them", () => {
    for (const zone of [undefined, "UTC", "America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Sydney", "Pacific/Honolulu"]) {
      for (const day of ["2017-04-30", "2017-11-05", "2018-02-09", "2026-03-08"]) {
        const at = dayInstant(day, zone);
        assert.equal(feedDate(at), `${day}T12:00:00Z`, `${zone} ${day}`);
        for (let offset = -12; offset <= 11; offset++) assert.equal(dayAt(at, offset), day, `${zone} ${day} at UTC${offset}`);
        if (zone) assert.equal(DateTime.fromMillis(at, { zone }).toISODate(), day);
      }
    }
  });

  it("move earlier only where noon UTC is the next day in the site's zone: 23:00 there", () => {
    const cases = [
      ["Pacific/Auckland", "2017-04-30", "2017-04-30T11:00:00Z"], // NZST (+12)
      ["Pacific/Auckland", "2018-02-09", "2018-02-09T10:00:00Z"], // NZDT (+13)
      ["Pacific/Kiritimati", "2018-02-09", "2018-02-09T09:00:00Z"], // +14
    ] as const;
    for (const [zone, day, expected] of cases) {
      const at = dayInstant(day, zone);
      assert.equal(feedDate(at), expected, zone);
      assert.equal(DateTime.fromMillis(at, { zone }).toISODate(), day, `${zone}: the site's own readers see the day`);
      for (let offset = -9; offset <= 12; offset++) assert.equal(dayAt(at, offset), day, `${zone} ${day} at UTC${offset}`);
    }
  });

  it("keep a change written with its time as it is, and never publish after it", () => {
    assert.equal(feedDate(changeInstant("2017-04-30T15:30-04:00", "America/New_York")), "2017-04-30T19:30:00Z");
    const early = { date: "2017-04-30", updated: "2017-04-30", updatedAt: "2017-04-30T06:00-04:00" };
    assert.equal(feedDate(updatedMillis(early, "America/New_York")), "2017-04-30T10:00:00Z");
    assert.equal(feedDate(publishedMillis(early, "America/New_York")), "2017-04-30T10:00:00Z");
    const later = { date: "2017-04-30", updated: "2017-05-01" };
    assert.equal(feedDate(publishedMillis(later, "America/New_York")), "2017-04-30T12:00:00Z");
    assert.equal(feedDate(updatedMillis(later, "America/New_York")), "2017-05-01T12:00:00Z");
  });
});

describe("the site's share card", () => {
  const settings = {
    title: "Care Leaders",
    description: "A weekly chat about leading change in healthcare, with the questions and reading list for each week.",
    url: "https://careleaders.example/",
    chat: { hashtag: "#hcldr" },
  };

  it("shows the site's title, description and hashtag, under its address (with the path prefix)", () => {
    assert.deepEqual(siteShareCard(settings), { title: "Care Leaders", when: "", hashtag: "#hcldr", siteTitle: "careleaders.example", description: settings.description });
    assert.equal(siteShareCard(settings, "/repo/").siteTitle, "careleaders.example/repo");
    assert.equal(siteShareImageAlt(settings), `Care Leaders: ${settings.description} #hcldr`);
  });

  it("is a 1200×630 PNG, drawn the same twice, with a key of its own", async () => {
    const card = siteShareCard(settings);
    const [a, b] = [await renderShareCard(card), await renderShareCard(card)];
    assert.deepEqual(pngSize(a), { width: OG_WIDTH, height: OG_HEIGHT });
    assert.ok(a.equals(b));
    assert.notEqual(shareCardKey(card), shareCardKey({ ...card, description: "Another description." }));
    // A post's card has no description: an absent one is not an empty one.
    const post = { title: "T", when: "Tuesday", hashtag: "#hcldr", siteTitle: "Care Leaders" };
    assert.notEqual(shareCardKey(post), shareCardKey({ ...post, description: "" }));
  });

  it("ends a description too long for three lines in an ellipsis instead of running off the card", async () => {
    const long = { ...siteShareCard(settings), description: "A very long description of the chat. ".repeat(20) };
    const longer = { ...long, description: `${long.description}With a different ending.` };
    // Beyond what fits, the text is not drawn: the two images are the same.
    assert.ok((await renderShareCard(long)).equals(await renderShareCard(longer)));
    assert.deepEqual(pngSize(await renderShareCard(long)), { width: OG_WIDTH, height: OG_HEIGHT });
  });

  it("warns, at the settings' description, about characters no font of the card can draw", (t) => {
    const root = mkdtempSync(path.join(tmpdir(), "rd-card-"));
    t.after(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(path.join(root, "content/_data"), { recursive: true });
    writeFileSync(path.join(root, "content/_data/site.yaml"), "title: Care Leaders\ndescription: 毎週のチャット\n");
    const problems = shareCardProblems([], { ...settings, description: "毎週のチャット" }, root);
    assert.deepEqual(problems.map((p) => [p.severity, p.field, p.line]), [["warning", "description", 2]]);
    assert.match(problems[0]!.message, /the site description/);
    assert.deepEqual(shareCardProblems([], settings, root), []);
  });
});
