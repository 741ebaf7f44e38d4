// The iCalendar writer and the calendar links, read back by independent parsers
// (ical.js, WHATWG URL). Expected instants are literal UTC values from the tz
// database (zdump, tzdata 2025b), never computed with luxon.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ICAL from "ical.js";
import fc from "fast-check";
import {
  calendarText, chatEvent, dateTimeValue, escapeText, foldLine, icalOffset, transitionsInYear, utcStamp,
  type CalendarEvent, type CalendarSite, type ChatPost,
} from "../../lib/calendar.ts";
import { calendarLinks, chatLinks, webcalUrl } from "../../lib/calendar-links.ts";
import { followedHashtag } from "../../lib/chat-address.ts";

const utc = (iso: string) => Date.parse(iso);
const encoder = new TextEncoder();

function event(overrides: Partial<CalendarEvent>): CalendarEvent {
  return {
    uid: "test@example.org",
    stampMillis: utc("2017-04-30T00:00:00Z"),
    startMillis: utc("2017-05-03T00:30:00Z"),
    endMillis: utc("2017-05-03T01:30:00Z"),
    zone: "America/New_York",
    summary: "Summary",
    description: "Description",
    url: "https://example.org/posts/x/",
    ...overrides,
  };
}

/** Parse with ical.js using only the VTIMEZONEs in this file (ical.js knows no zone but UTC by itself). */
function parse(text: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

const iso = (t: ICAL.Time) => t.toJSDate().toISOString();

describe("iCalendar text", () => {
  it("ends every line with CRLF and has no bare LF or CR", () => {
    const text = calendarText([event({ description: "line one\nline two\r\nthree" })], { name: "Chats" });
    assert.ok(text.endsWith("\r\n"));
    assert.doesNotMatch(text.replace(/\r\n/g, ""), /[\r\n]/);
    assert.match(text, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:/);
  });

  it("escapes backslash, semicolon, comma and newlines in TEXT and reads back the original", () => {
    const summary = "A, B; C \\ D\nE";
    assert.equal(escapeText(summary), "A\\, B\\; C \\\\ D\\nE");
    const { events } = parse(calendarText([event({ summary, description: "x\r\ny" })], { name: "Chats" }));
    assert.equal(events[0]!.summary, summary);
    assert.equal(events[0]!.description, "x\ny");
  });

  it("folds lines at 75 octets, counting bytes, without splitting a character", () => {
    const long = "Santé, équipe; «côté» 😀 naïve — ".repeat(8);
    const folded = foldLine(`SUMMARY:${escapeText(long)}`);
    const physical = folded.split("\r\n");
    assert.ok(physical.length > 3);
    for (const line of physical) assert.ok(encoder.encode(line).length <= 75, `${encoder.encode(line).length} octets: ${line}`);
    for (const line of physical.slice(1)) assert.ok(line.startsWith(" "));
    assert.equal(physical.map((l, i) => (i ? l.slice(1) : l)).join(""), `SUMMARY:${escapeText(long)}`);
    assert.doesNotMatch(folded, /\uFFFD/);
    const { events } = parse(calendarText([event({ summary: long })], { name: "Chats" }));
    assert.equal(events[0]!.summary, long);
  });

  it("folds any text into lines of at most 75 octets that unfold to the original", () => {
    fc.assert(
      // 1-, 2-, 3- and 4-octet characters and the characters TEXT escapes.
      fc.property(fc.array(fc.constantFrom("a", " ", "é", "€", "😀", ",", ";", "\\", "\n"), { maxLength: 240 }).map((a) => a.join("")), (s) => {
        const line = `DESCRIPTION:${escapeText(s)}`;
        const physical = foldLine(line).split("\r\n");
        return physical.every((l) => encoder.encode(l).length <= 75) && physical.map((l, i) => (i ? l.slice(1) : l)).join("") === line;
      }),
    );
  });

  it("writes UID, DTSTAMP in UTC, DTSTART/DTEND with TZID, SUMMARY, DESCRIPTION, URL", () => {
    const text = calendarText([event({})], { name: "Chats" });
    assert.match(text, /\r\nUID:test@example\.org\r\n/);
    assert.match(text, /\r\nDTSTAMP:20170430T000000Z\r\n/);
    assert.match(text, /\r\nDTSTART;TZID=America\/New_York:20170502T203000\r\n/);
    assert.match(text, /\r\nDTEND;TZID=America\/New_York:20170502T213000\r\n/);
    assert.match(text, /\r\nURL;VALUE=URI:https:\/\/example\.org\/posts\/x\/\r\n/);
    const { events } = parse(text);
    assert.equal(events[0]!.uid, "test@example.org");
    assert.equal(iso(events[0]!.startDate), "2017-05-03T00:30:00.000Z");
    assert.equal(events[0]!.startDate.zone?.tzid, "America/New_York");
  });

  it("writes a time in the repeated hour when clocks go back in UTC, either occurrence: calendar programs read it differently", () => {
    // America/New_York: 01:00–01:59 on Sun Nov 5 2017 happens at 05:xx UT (EDT) and again at 06:xx UT (EST).
    assert.equal(dateTimeValue(utc("2017-11-05T05:30:00Z"), "America/New_York"), ":20171105T053000Z");
    assert.equal(dateTimeValue(utc("2017-11-05T06:30:00Z"), "America/New_York"), ":20171105T063000Z");
    // Just outside it, local time as usual.
    assert.equal(dateTimeValue(utc("2017-11-05T04:59:00Z"), "America/New_York"), ";TZID=America/New_York:20171105T005900");
    assert.equal(dateTimeValue(utc("2017-11-05T07:00:00Z"), "America/New_York"), ";TZID=America/New_York:20171105T020000");
    // Lord Howe goes back half an hour (01:30–01:59 twice), St John's at 02:00 NDT (−02:30) to
    // 01:00, Chatham at 03:45 (+13:45) to 02:45.
    assert.equal(dateTimeValue(utc("2026-04-04T14:45:00Z"), "Australia/Lord_Howe"), ":20260404T144500Z");
    assert.equal(dateTimeValue(utc("2026-04-04T15:15:00Z"), "Australia/Lord_Howe"), ":20260404T151500Z");
    assert.equal(dateTimeValue(utc("2026-04-04T15:30:00Z"), "Australia/Lord_Howe"), ";TZID=Australia/Lord_Howe:20260405T020000");
    assert.equal(dateTimeValue(utc("2026-11-01T04:00:00Z"), "America/St_Johns"), ":20261101T040000Z");
    assert.equal(dateTimeValue(utc("2026-11-01T03:00:00Z"), "America/St_Johns"), ";TZID=America/St_Johns:20261101T003000");
    assert.equal(dateTimeValue(utc("2026-04-04T13:00:00Z"), "Pacific/Chatham"), ":20260404T130000Z");
    // Read back by ical.js, the project's reference reader, each chat is where it is, its length kept.
    for (const [zone, start, end] of [
      ["America/New_York", "2017-11-05T05:30:00Z", "2017-11-05T06:30:00Z"],
      ["America/New_York", "2017-11-05T04:00:00Z", "2017-11-05T05:30:00Z"],
      ["America/New_York", "2017-11-05T06:30:00Z", "2017-11-05T07:30:00Z"],
      ["America/St_Johns", "2026-11-01T03:00:00Z", "2026-11-01T04:00:00Z"],
      ["Australia/Lord_Howe", "2026-04-04T14:45:00Z", "2026-04-04T15:15:00Z"],
      ["Pacific/Chatham", "2026-04-04T13:00:00Z", "2026-04-04T14:00:00Z"],
    ] as const) {
      const { events } = parse(calendarText([event({ zone, startMillis: utc(start), endMillis: utc(end) })], { name: "x" }));
      assert.equal(iso(events[0]!.startDate), new Date(start).toISOString(), `${zone} ${start}`);
      assert.equal(iso(events[0]!.endDate), new Date(end).toISOString(), `${zone} ${end}`);
    }
  });

  it("writes UTC chats with Z and no VTIMEZONE", () => {
    const text = calendarText([event({ zone: "UTC" })], { name: "x" });
    assert.match(text, /\r\nDTSTART:20170503T003000Z\r\n/);
    assert.doesNotMatch(text, /VTIMEZONE/);
  });
});

describe("VTIMEZONE", () => {
  // Each case: a zone, a chat start (UTC, from zdump) and the local wall-clock time it is.
  const cases: Array<[string, string, string, string]> = [
    // NZDT (+13) ends Sat Apr 1 2017 14:00 UT; NZST (+12) in May.
    ["Pacific/Auckland", "2017-05-01T20:00:00Z", "20170502T080000", "in NZST (+12), the day after in UTC"],
    // Pacific/Chatham: +1345 from Sat Sep 23 2017 14:00 UT.
    ["Pacific/Chatham", "2017-12-05T06:45:00Z", "20171205T203000", "at +13:45 (Chatham daylight time)"],
    ["Pacific/Chatham", "2017-05-02T07:45:00Z", "20170502T203000", "at +12:45 (Chatham standard time)"],
    // Australia/Sydney: AEDT (+11) until Sat Apr 1 2017 16:00 UT.
    ["Australia/Sydney", "2018-02-14T01:30:00Z", "20180214T123000", "in AEDT (+11), southern summer, early in the year"],
    // America/Santiago: −03 from Sun Aug 13 2017 04:00 UT.
    ["America/Santiago", "2017-12-05T23:30:00Z", "20171205T203000", "at −03 in southern summer"],
    ["America/Santiago", "2017-07-05T00:30:00Z", "20170704T203000", "at −04 in southern winter"],
    ["Asia/Kathmandu", "2017-05-02T14:45:00Z", "20170502T203000", "at +05:45, a zone without transitions"],
    ["Australia/Adelaide", "2018-01-10T10:00:00Z", "20180110T203000", "at +10:30 before the first transition of the year"],
    // America/New_York: EST (−5) in January, before the year's first transition.
    ["America/New_York", "2018-01-10T01:30:00Z", "20180109T203000", "in EST, before the year's first transition"],
  ];
  for (const [zone, start, local, why] of cases) {
    it(`${zone} ${why}`, () => {
      const text = calendarText([event({ zone, startMillis: utc(start), endMillis: utc(start) + 3_600_000 })], { name: "x" });
      assert.match(text, new RegExp(`\\r\\nDTSTART;TZID=${zone}:${local}\\r\\n`));
      assert.match(text, new RegExp(`\\r\\nBEGIN:VTIMEZONE\\r\\nTZID:${zone}\\r\\n`));
      const { events } = parse(text);
      assert.equal(iso(events[0]!.startDate), new Date(start).toISOString());
    });
  }

  it("holds each transition of the year as DTSTART local time with TZOFFSETFROM/TO", () => {
    const text = calendarText([event({})], { name: "x" });
    // America/New_York 2017: 02:00 EST → 03:00 EDT on Mar 12; 02:00 EDT → 01:00 EST on Nov 5.
    assert.match(text, /BEGIN:DAYLIGHT\r\nDTSTART:20170312T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n/);
    assert.match(text, /BEGIN:STANDARD\r\nDTSTART:20171105T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n/);
    assert.deepEqual(
      transitionsInYear("Pacific/Chatham", 2017).map((t) => [new Date(t.atMillis).toISOString(), t.fromMinutes, t.toMinutes]),
      [["2017-04-01T14:00:00.000Z", 825, 765], ["2017-09-23T14:00:00.000Z", 765, 825]],
    );
    assert.deepEqual(transitionsInYear("Asia/Kolkata", 2017), []);
  });

  it("gives one VTIMEZONE per zone in a feed, covering every year of its chats", () => {
    const text = calendarText(
      [
        event({ uid: "a", startMillis: utc("2017-05-03T00:30:00Z"), endMillis: utc("2017-05-03T01:30:00Z") }),
        event({ uid: "b", startMillis: utc("2019-12-11T01:30:00Z"), endMillis: utc("2019-12-11T02:30:00Z") }),
        event({ uid: "c", zone: "Asia/Kolkata", startMillis: utc("2018-01-01T15:00:00Z"), endMillis: utc("2018-01-01T16:00:00Z") }),
      ],
      { name: "x", refreshHours: 12 },
    );
    assert.equal(text.match(/TZID:America\/New_York\r\n/g)?.length, 1);
    assert.equal(text.match(/TZID:Asia\/Kolkata\r\n/g)?.length, 1);
    // 2017–2019 follow one rule: written once, from its first year, as a yearly rule (RRULE),
    // which gives 2018's fall-back between the two chats too (tests/unit/fc7-vtimezone.test.ts).
    assert.match(text, /BEGIN:STANDARD\r\nDTSTART:20171105T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n/);
    assert.doesNotMatch(text, /DTSTART:201811/);
    assert.match(text, /REFRESH-INTERVAL;VALUE=DURATION:PT12H/);
    const { events } = parse(text);
    assert.deepEqual(events.map((e) => iso(e.startDate)), ["2017-05-03T00:30:00.000Z", "2018-01-01T15:00:00.000Z", "2019-12-11T01:30:00.000Z"]);
  });

  it("formats UTC offsets", () => {
    assert.equal(icalOffset(-240), "-0400");
    assert.equal(icalOffset(345), "+0545");
    assert.equal(icalOffset(0), "+0000");
    assert.equal(utcStamp(utc("2017-05-03T00:30:00Z")), "20170503T003000Z");
  });
});

const site: CalendarSite = {
  url: "https://chat.example/",
  pathPrefix: "/",
  title: "Care Chat",
  zone: "America/New_York",
};
const post: ChatPost = {
  slug: "online-communities",
  url: "/posts/online-communities/",
  title: "Online Communities & «Santé», part 1",
  date: "2017-04-30",
  topics: ["Should vendors join?", "Sponsorship; yes or no?"],
  chat: { startMillis: utc("2017-05-03T00:30:00Z"), endMillis: utc("2017-05-03T01:30:00Z"), zone: "America/New_York", hashtag: "#hcldr", platform: "Bluesky", url: "https://bsky.app/hashtag/hcldr" },
};
const pageUrl = "https://chat.example/posts/online-communities/";

describe("a post's calendar event", () => {
  it("has a UID from the post's address, a DTSTAMP from its publish date, topics and hashtag in the description", () => {
    const e = chatEvent(post, site, pageUrl)!;
    assert.equal(e.uid, "online-communities.chat@chat.example");
    assert.equal(new Date(e.stampMillis).toISOString(), "2017-04-30T00:00:00.000Z");
    assert.equal(e.summary, "#hcldr chat: Online Communities & «Santé», part 1");
    assert.match(e.description, /^Join #hcldr on Bluesky: https:\/\/bsky\.app\/hashtag\/hcldr$/m);
    assert.match(e.description, /^T1: Should vendors join\?$/m);
    assert.match(e.description, /^T2: Sponsorship; yes or no\?$/m);
    assert.match(e.description, /https:\/\/chat\.example\/posts\/online-communities\/$/);
    assert.equal(e.url, pageUrl);
    const moved = chatEvent({ ...post, chat: { ...post.chat!, startMillis: utc("2017-05-10T00:30:00Z") } }, site, pageUrl)!;
    assert.equal(moved.uid, e.uid);
    assert.equal(chatEvent({ ...post, chat: undefined } as ChatPost, site, pageUrl), undefined);
  });

  it("is a new revision whenever the post is updated: DTSTAMP and LAST-MODIFIED then, SEQUENCE growing", () => {
    const first = parse(calendarText([chatEvent(post, site, pageUrl)!], { name: "Care Chat" })).events[0]!;
    // No SEQUENCE means revision 0 (RFC 5545, 3.8.7.4).
    assert.equal(first.component.getFirstPropertyValue("sequence"), null);
    assert.equal(first.component.getFirstPropertyValue("last-modified"), null);
    const changes: [updated: string, updatedAt?: string][] = [
      ["2017-04-30"],
      ["2017-04-30", "2017-04-30T09:15-04:00"],
      ["2017-04-30", "2017-04-30T16:00-04:00"],
      ["2017-05-01"],
      ["2017-05-01", "2017-05-01T08:00-04:00"],
      ["2017-05-02"],
    ];
    const revisions = changes.map(([updated, updatedAt]) => {
      const moved = { ...post, updated, ...(updatedAt ? { updatedAt } : {}), chat: { ...post.chat!, startMillis: utc("2017-05-03T01:00:00Z"), endMillis: utc("2017-05-03T02:00:00Z") } };
      const event = parse(calendarText([chatEvent(moved, site, pageUrl)!], { name: "Care Chat" })).events[0]!;
      const stamp = (name: string) => (event.component.getFirstPropertyValue(name) as ICAL.Time | null)?.toJSDate().toISOString();
      return [event.uid, event.sequence, stamp("dtstamp"), stamp("last-modified"), iso(event.startDate)];
    });
    const uid = "online-communities.chat@chat.example";
    const start = "2017-05-03T01:00:00.000Z";
    // Minutes of written clock time since 2000-01-01T00:00: 2017-04-30 is day 6329 (python datetime).
    const day = (n: number) => n * 1440;
    assert.deepEqual(revisions, [
      // Updated the day it was published, without a time: a revision all the same, stamped at
      // noon UTC (as the feeds give the day), after the unrevised DTSTAMP (midnight).
      [uid, day(6329), "2017-04-30T12:00:00.000Z", "2017-04-30T12:00:00.000Z", start],
      // With a time, even on the publish day: the moment, and its clock minutes.
      [uid, day(6329) + 9 * 60 + 15, "2017-04-30T13:15:00.000Z", "2017-04-30T13:15:00.000Z", start],
      [uid, day(6329) + 16 * 60, "2017-04-30T20:00:00.000Z", "2017-04-30T20:00:00.000Z", start],
      [uid, day(6330), "2017-05-01T12:00:00.000Z", "2017-05-01T12:00:00.000Z", start],
      [uid, day(6330) + 8 * 60, "2017-05-01T12:00:00.000Z", "2017-05-01T12:00:00.000Z", start],
      [uid, day(6331), "2017-05-02T12:00:00.000Z", "2017-05-02T12:00:00.000Z", start],
    ]);
    // Each later correction is a higher revision, so calendars that have the chat take it.
    const sequences = revisions.map((r) => (r[1] as number | null) ?? 0);
    assert.deepEqual([...sequences].sort((a, b) => a - b), sequences);
    assert.equal(new Set(sequences).size, sequences.length);
  });

  it("sends readers to the page of the chat's own hashtag, in the event and in the calendar links", () => {
    // A guest chat on a site whose page follows #carechat.
    const guest: ChatPost = { ...post, chat: { ...post.chat!, ...followedHashtag("#nursechat", { hashtag: "#carechat", url: "https://bsky.app/hashtag/carechat" }) } };
    const event = parse(calendarText([chatEvent(guest, site, pageUrl)!], { name: "Care Chat" })).events[0]!;
    assert.equal(event.location, "https://bsky.app/hashtag/nursechat");
    assert.match(event.description, /^Join #nursechat on Bluesky: https:\/\/bsky\.app\/hashtag\/nursechat$/m);
    const links = chatLinks(guest, site, pageUrl)!;
    for (const [href, details] of [[links.google, "details"], [links.outlookPersonal, "body"], [links.outlookWork, "body"]] as const) {
      const url = new URL(href);
      assert.equal(url.searchParams.get("location"), "https://bsky.app/hashtag/nursechat");
      assert.match(url.searchParams.get(details)!, /^Join #nursechat on Bluesky: https:\/\/bsky\.app\/hashtag\/nursechat$/m);
      assert.doesNotMatch(href, /carechat/);
    }
  });

  it("says where a chat on another platform happens, in the event and in the calendar links, escaped for the file", () => {
    const elsewhere: ChatPost = { ...post, chat: { ...post.chat!, platform: "Q&A <Room>, stage; 2 \\ back", url: "https://meet.example/j/123?pwd=a,b;c" } };
    const ics = calendarText([chatEvent(elsewhere, site, pageUrl)!], { name: "Care Chat" });
    // RFC 5545 TEXT: , ; and \ escaped with a backslash; & < > are plain text there.
    assert.match(ics.replace(/\r\n /g, ""), /\r\nDESCRIPTION:Join #hcldr on Q&A <Room>\\, stage\\; 2 \\\\ back: https:\/\/meet\.example\/j\/123\?pwd=a\\,b\\;c\\n/);
    assert.match(ics.replace(/\r\n /g, ""), /\r\nLOCATION:https:\/\/meet\.example\/j\/123\?pwd=a\\,b\\;c\r\n/);
    const event = parse(ics).events[0]!;
    assert.equal(event.location, "https://meet.example/j/123?pwd=a,b;c");
    assert.match(event.description, /^Join #hcldr on Q&A <Room>, stage; 2 \\ back: https:\/\/meet\.example\/j\/123\?pwd=a,b;c$/m);
    assert.doesNotMatch(event.description, /Bluesky|bsky/);
    const links = chatLinks(elsewhere, site, pageUrl)!;
    for (const [href, details] of [[links.google, "details"], [links.outlookPersonal, "body"], [links.outlookWork, "body"]] as const) {
      const url = new URL(href);
      assert.equal(url.searchParams.get("location"), "https://meet.example/j/123?pwd=a,b;c");
      assert.match(url.searchParams.get(details)!, /^Join #hcldr on Q&A <Room>, stage; 2 \\ back: /m);
    }
  });
});

describe("calendar links", () => {
  const links = chatLinks(post, site, pageUrl)!;

  it("Google Calendar: UTC dates, title, details with topics, host zone", () => {
    const url = new URL(links.google);
    assert.equal(url.origin + url.pathname, "https://calendar.google.com/calendar/render");
    assert.equal(url.searchParams.get("action"), "TEMPLATE");
    assert.equal(url.searchParams.get("text"), "#hcldr chat: Online Communities & «Santé», part 1");
    assert.equal(url.searchParams.get("dates"), "20170503T003000Z/20170503T013000Z");
    assert.equal(url.searchParams.get("ctz"), "America/New_York");
    assert.match(url.searchParams.get("details")!, /T2: Sponsorship; yes or no\?/);
    assert.equal(url.searchParams.get("location"), "https://bsky.app/hashtag/hcldr");
    assert.doesNotMatch(links.google, /[ «»#&]{2}|\+|%2B/); // spaces are %20, never "+"
  });

  it("Outlook: compose deeplink with ISO UTC times, for a personal account (outlook.live.com) and a work or school one (outlook.office.com)", () => {
    for (const [href, origin] of [[links.outlookPersonal, "https://outlook.live.com"], [links.outlookWork, "https://outlook.office.com"]] as const) {
      const url = new URL(href);
      assert.equal(url.origin + url.pathname, `${origin}/calendar/0/deeplink/compose`);
      assert.equal(url.searchParams.get("rru"), "addevent");
      assert.equal(url.searchParams.get("path"), "/calendar/action/compose");
      assert.equal(url.searchParams.get("subject"), "#hcldr chat: Online Communities & «Santé», part 1");
      assert.equal(url.searchParams.get("startdt"), "2017-05-03T00:30:00Z");
      assert.equal(url.searchParams.get("enddt"), "2017-05-03T01:30:00Z");
      assert.match(url.searchParams.get("body")!, /T1: Should vendors join\?/);
    }
  });

  it("timeanddate.com: iso in UTC with p1=1440, duration and message", () => {
    const url = new URL(links.timeAndDate);
    assert.equal(url.origin + url.pathname, "https://www.timeanddate.com/worldclock/fixedtime.html");
    assert.equal(url.searchParams.get("iso"), "20170503T0030");
    assert.equal(url.searchParams.get("p1"), "1440");
    assert.equal(url.searchParams.get("ah"), "1");
    assert.equal(url.searchParams.get("am"), null);
    assert.equal(url.searchParams.get("msg"), "#hcldr chat: Online Communities & «Santé», part 1");
    const ninety = new URL(calendarLinks({ title: "x", startMillis: 0, endMillis: 90 * 60_000, zone: "UTC", details: "", location: "" }).timeAndDate);
    assert.deepEqual([ninety.searchParams.get("ah"), ninety.searchParams.get("am")], ["1", "30"]);
    const short = new URL(calendarLinks({ title: "x", startMillis: 0, endMillis: 45 * 60_000, zone: "UTC", details: "", location: "" }).timeAndDate);
    assert.deepEqual([short.searchParams.get("ah"), short.searchParams.get("am")], [null, "45"]);
  });

  it("links the post's own .ics file and makes webcal addresses", () => {
    assert.equal(links.ics, "/posts/online-communities/chat.ics");
    assert.equal(webcalUrl("https://chat.example/repo/calendar.ics"), "webcal://chat.example/repo/calendar.ics");
  });
});
