// The built calendars, links and JSON-LD of the fixture site (plus three posts added
// for these tests), read back by independent parsers: ical.js, WHATWG URL, JSON.
// Expected instants are literal UTC values from the tz database (zdump, tzdata 2025b).
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import ICAL from "ical.js";
import { buildSite, copySite, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const UNICODE_TITLE = "Santé, équipe; soins \\ «côté» — naïve 😀, a title long enough to be folded";
const EXTRA_POSTS: Record<string, string> = {
  // Asia/Kathmandu is UTC+5:45 all year: 20:30 there is 14:45 UT.
  "2026-11-21-unicode.md": `---
title: ${JSON.stringify(UNICODE_TITLE)}
date: 2026-11-21
chat:
  start: 2026-12-09T20:30
  zone: Asia/Kathmandu
  duration: 90
topics:
  - "Commas, semicolons; and a backslash \\\\ here?"
  - |
    A topic over
    two lines?
---
Body.
`,
  // The second 01:30 of Sun Nov 5 2017 in New York (EST, 06:30 UT).
  "2017-10-30-second-hour.md": `---
title: The second half past one
date: 2017-10-30
chat:
  start: 2017-11-05T01:30-05:00
---
Body.
`,
  // A guest chat with its own hashtag on a site that follows #fixchat; 20:30 EST is 01:30 UT.
  "2026-11-23-guest.md": `---
title: A guest chat
date: 2026-11-23
chat:
  start: 2026-12-15T20:30
  hashtag: "#nursechat"
topics:
  - "What is #NurseChat about?"
  - "Who else joins #nursechats?"
---
Body.
`,
};

let site: BuiltSite;
let again: BuiltSite;

before(async () => {
  const root = copySite(FIXTURE_SITE);
  for (const [name, body] of Object.entries(EXTRA_POSTS)) writeFileSync(path.join(root, "content/posts", name), body);
  [site, again] = await Promise.all([buildSite(root), buildSite(root)]);
});

function parse(ics: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  // ical.js knows no zone but UTC by itself: instants come from the file's own VTIMEZONEs.
  ICAL.TimezoneService.reset();
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

const HOST = "careleaders.example";
const EXPECTED: Record<string, string> = {
  // America/New_York, EDT (−4) in May 2017.
  "online-communities": "2017-05-03T00:30:00.000Z",
  // America/New_York, EST (−5) after Sun Nov 5 2017 06:00 UT.
  "after-dst": "2017-11-08T01:30:00.000Z",
  "second-hour": "2017-11-05T06:30:00.000Z",
  // Australia/Sydney, AEDT (+11) in February.
  escaping: "2018-02-14T01:30:00.000Z",
  // America/New_York, EST in December.
  upcoming: "2026-12-02T01:30:00.000Z",
  unicode: "2026-12-09T14:45:00.000Z",
  guest: "2026-12-16T01:30:00.000Z",
};

describe("the site-wide calendar feed", () => {
  it("has every published chat, past and upcoming, at the right instant, and no draft or unpublished post", () => {
    const events = parse(site.read("calendar.ics"));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    assert.deepEqual([...byUid.keys()].sort(), Object.keys(EXPECTED).map((slug) => `${slug}.chat@${HOST}`).sort());
    for (const [slug, instant] of Object.entries(EXPECTED)) {
      assert.equal(byUid.get(`${slug}.chat@${HOST}`)!.startDate.toJSDate().toISOString(), instant, slug);
    }
    const ics = site.read("calendar.ics");
    assert.doesNotMatch(ics, /draft|scheduled/i);
  });

  it("gives end times from the duration", () => {
    const byUid = new Map(parse(site.read("calendar.ics")).map((e) => [e.uid, e]));
    assert.equal(byUid.get(`unicode.chat@${HOST}`)!.endDate.toJSDate().toISOString(), "2026-12-09T16:15:00.000Z");
    assert.equal(byUid.get(`escaping.chat@${HOST}`)!.endDate.toJSDate().toISOString(), "2018-02-14T02:15:00.000Z");
  });

  it("writes local times with TZID and a VTIMEZONE for each zone", () => {
    const ics = site.read("calendar.ics");
    assert.match(ics, /\r\nDTSTART;TZID=America\/New_York:20170502T203000\r\n/);
    assert.match(ics, /\r\nDTSTART;TZID=Australia\/Sydney:20180214T123000\r\n/);
    assert.match(ics, /\r\nDTSTART;TZID=Asia\/Kathmandu:20261209T203000\r\n/);
    for (const zone of ["America/New_York", "Australia/Sydney", "Asia/Kathmandu"]) {
      assert.equal(ics.split(`\r\nBEGIN:VTIMEZONE\r\nTZID:${zone}\r\n`).length, 2, zone);
    }
    assert.match(ics, /TZOFFSETTO:\+0545/);
    // A repeated local time would be read as its first occurrence: the second one is written in UTC.
    assert.match(ics, /\r\nDTSTART:20171105T063000Z\r\n/);
  });

  it("uses CRLF only and folds every line at 75 octets, multi-byte characters included", () => {
    const ics = site.read("calendar.ics");
    assert.doesNotMatch(ics.replace(/\r\n/g, ""), /[\r\n]/);
    const lines = ics.split("\r\n");
    for (const line of lines) assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
    assert.ok(lines.some((l) => l.startsWith(" ") && /[^\x00-\x7f]/.test(l)), "a folded line with multi-byte characters");
    assert.doesNotMatch(ics, /\uFFFD/);
  });

  it("escapes , ; \\ and newlines, and reads back the writer's text", () => {
    const ics = site.read("calendar.ics");
    const unfolded = ics.replace(/\r\n /g, "");
    assert.match(unfolded, /SUMMARY:#fixchat chat: Santé\\, équipe\\; soins \\\\ «côté»/);
    assert.match(unfolded, /T2: A topic over\\ntwo lines\?/);
    const unicode = parse(ics).find((e) => e.uid === `unicode.chat@${HOST}`)!;
    assert.equal(unicode.summary, `#fixchat chat: ${UNICODE_TITLE}`);
    assert.match(unicode.description, /^T1: Commas, semicolons; and a backslash \\ here\?$/m);
    assert.match(unicode.description, /^T2: A topic over\ntwo lines\?$/m);
    assert.match(unicode.description, /^Join #fixchat on Bluesky: https:\/\/bsky\.app\/hashtag\/fixchat$/m);
    const escaping = parse(ics).find((e) => e.uid === `escaping.chat@${HOST}`)!;
    assert.equal(escaping.summary, `#fixchat chat: Quotes " & <script>alert('title')</script>`);
  });

  it("says where a chat on a platform of its own happens, and gives its address as the location", () => {
    for (const file of ["posts/escaping/chat.ics", "calendar.ics"]) {
      const unfolded = site.read(file).replace(/\r\n /g, "");
      assert.match(unfolded, /\r\nDESCRIPTION:Join #fixchat on Q&A <Room>\\, Zoom: https:\/\/meet\.example\/j\/123\?pwd=a&b=2\\n/, file);
      assert.match(unfolded, /\r\nLOCATION:https:\/\/meet\.example\/j\/123\?pwd=a&b=2\r\n/, file);
      const event = parse(site.read(file)).find((e) => e.uid === `escaping.chat@${HOST}`)!;
      assert.equal(event.location, "https://meet.example/j/123?pwd=a&b=2", file);
      assert.match(event.description, /^Join #fixchat on Q&A <Room>, Zoom: https:\/\/meet\.example\/j\/123\?pwd=a&b=2$/m, file);
    }
  });

  it("has the fields a calendar needs", () => {
    const comp = new ICAL.Component(ICAL.parse(site.read("calendar.ics")));
    assert.equal(comp.getFirstPropertyValue("version"), "2.0");
    assert.ok(comp.getFirstPropertyValue("prodid"));
    const vevent = comp.getAllSubcomponents("vevent").find((v) => v.getFirstPropertyValue("uid") === `online-communities.chat@${HOST}`)!;
    assert.equal(vevent.getFirstPropertyValue("url"), `https://${HOST}/posts/online-communities/`);
    const stamp = vevent.getFirstPropertyValue("dtstamp") as ICAL.Time;
    assert.equal(stamp.zone?.tzid, "UTC");
    assert.equal(stamp.toJSDate().toISOString(), "2017-04-30T00:00:00.000Z");
    assert.match(String(vevent.getFirstPropertyValue("description")), /T1: Should healthcare vendors join online communities or stay clear\?/);
    assert.equal(vevent.getFirstPropertyValue("summary"), "#hcldr chat: Online Communities");
  });

  it("is byte-identical across two builds: stable UIDs and DTSTAMPs", () => {
    assert.equal(again.read("calendar.ics"), site.read("calendar.ics"));
    assert.equal(again.read("posts/unicode/chat.ics"), site.read("posts/unicode/chat.ics"));
  });
});

describe("a post's own calendar file", () => {
  it("exists for every published chat and holds that one event", () => {
    for (const [slug, instant] of Object.entries(EXPECTED)) {
      const events = parse(site.read(`posts/${slug}/chat.ics`));
      assert.equal(events.length, 1, slug);
      assert.equal(events[0]!.uid, `${slug}.chat@${HOST}`);
      assert.equal(events[0]!.startDate.toJSDate().toISOString(), instant);
    }
    assert.equal(site.exists("posts/draft/chat.ics"), false);
    assert.equal(site.exists("posts/scheduled/chat.ics"), false);
  });
});

describe("calendar links on the page", () => {
  it("links the .ics file, Google, both Outlooks, the time converter and the feed", () => {
    const doc = dom(site.read("posts/unicode/index.html"));
    assert.equal(doc.querySelector(".chat-ics")?.getAttribute("href"), "/posts/unicode/chat.ics");
    // Opened, not downloaded: iOS Safari puts a `download` link's file in Files, never in Calendar.
    assert.equal(doc.querySelector(".chat-ics")?.hasAttribute("download"), false);
    const google = new URL(doc.querySelector(".chat-google")!.getAttribute("href")!);
    assert.equal(google.hostname, "calendar.google.com");
    assert.equal(google.searchParams.get("text"), `#fixchat chat: ${UNICODE_TITLE}`);
    assert.equal(google.searchParams.get("dates"), "20261209T144500Z/20261209T161500Z");
    assert.equal(google.searchParams.get("ctz"), "Asia/Kathmandu");
    for (const [selector, hostname] of [[".chat-outlook-personal", "outlook.live.com"], [".chat-outlook-work", "outlook.office.com"]] as const) {
      const outlook = new URL(doc.querySelector(selector)!.getAttribute("href")!);
      assert.equal(outlook.hostname, hostname);
      assert.equal(outlook.searchParams.get("startdt"), "2026-12-09T14:45:00Z");
      assert.equal(outlook.searchParams.get("enddt"), "2026-12-09T16:15:00Z");
      assert.equal(outlook.searchParams.get("subject"), `#fixchat chat: ${UNICODE_TITLE}`);
    }
    const converter = new URL(doc.querySelector(".chat-converter")!.getAttribute("href")!);
    assert.equal(converter.href.split("?")[0], "https://www.timeanddate.com/worldclock/fixedtime.html");
    assert.equal(converter.searchParams.get("iso"), "20261209T1445");
    assert.equal(converter.searchParams.get("p1"), "1440");
    assert.equal(converter.searchParams.get("ah"), "1");
    assert.equal(converter.searchParams.get("am"), "30");
    assert.equal(converter.searchParams.get("msg"), `#fixchat chat: ${UNICODE_TITLE}`);
    // The subscription page, which works on every phone; webcal:// alone does nothing on Android.
    assert.equal(doc.querySelector(".chat-subscribe")?.getAttribute("href"), "/subscribe/#calendar");
    assert.ok(dom(site.read("subscribe/index.html")).querySelector(`#calendar ~ p a[href="webcal://${HOST}/calendar.ics"]`));
    // Out of their list, a screen reader's list of links still says what each does.
    assert.equal(doc.querySelector(".chat-google")?.getAttribute("aria-label"), "Add to Google Calendar");
    assert.equal(doc.querySelector(".chat-outlook-personal")?.getAttribute("aria-label"), "Add to Outlook.com (personal account)");
    assert.equal(doc.querySelector(".chat-outlook-work")?.getAttribute("aria-label"), "Add to Outlook (work or school)");
  });

  it("invites readers to a chat not yet over, and says of one that ended before the build that it took place, without JavaScript", () => {
    const upcoming = dom(site.read("posts/unicode/index.html"));
    assert.equal(text(upcoming.querySelector(".chat-block h2")), "Join the chat");
    assert.ok(upcoming.querySelector(".chat-status")!.hasAttribute("hidden"));
    assert.equal(upcoming.querySelectorAll(".chat-block [data-chat-upcoming][hidden]").length, 0);
    const shown = (doc: ReturnType<typeof dom>) => [...doc.querySelectorAll(".chat-calendar li:not([hidden]) a")].map((a) => text(a));
    assert.deepEqual(shown(upcoming), ["Calendar file (.ics)", "Google Calendar", "Outlook.com", "Outlook (work or school)", "Subscribe to every chat"]);

    // Built on 2026-11-24: the May 2017 chat is long over.
    const past = dom(site.read("posts/online-communities/index.html"));
    assert.equal(text(past.querySelector(".chat-block h2")), "The chat");
    const status = past.querySelector(".chat-status")!;
    assert.equal(status.hasAttribute("hidden"), false);
    assert.equal(text(status), "This chat has ended.");
    assert.deepEqual(shown(past), ["Subscribe to every chat"]);
    // Left out of the page, not merely hidden: reader modes and pages without CSS show hidden parts.
    assert.ok(!past.querySelector(".chat-convert"), "the converter is left out");
    assert.equal(past.querySelectorAll(".chat-block [data-chat-upcoming]").length, 0);
    // Its time still reads in full, and its own calendar file is still published.
    assert.match(text(past.querySelector(".chat-when")), /2017/);
    assert.ok(site.exists("posts/online-communities/chat.ics"));
  });

  it("reads completely without JavaScript: host time and UTC, the reader's time left to the script", () => {
    const doc = dom(site.read("posts/unicode/index.html"));
    assert.match(text(doc.querySelector(".chat-when")), /Wednesday, December 9, 2026, 8:30 PM .* \(UTC\+5:45\)$/);
    assert.equal(text(doc.querySelector(".chat-utc")), "That is Wednesday, December 9, 2026, 14:45 UTC.");
    const block = doc.querySelector(".chat-block")!;
    assert.equal(block.getAttribute("data-chat-start"), String(Date.parse("2026-12-09T14:45:00Z")));
    assert.equal(block.getAttribute("data-chat-end"), String(Date.parse("2026-12-09T16:15:00Z")));
    assert.ok(doc.querySelector(".chat-local")?.hasAttribute("hidden"));
  });

  it("puts the same static local-time script on every page that has one", () => {
    const scripts = ["posts/unicode/index.html", "posts/online-communities/index.html", "index.html"].map((file) => {
      const found = [...dom(site.read(file)).querySelectorAll("script:not([type])")].map((s) => s.textContent).filter((s) => s?.includes("data-chat-start"));
      assert.equal(found.length, 1, file);
      return found[0];
    });
    assert.equal(new Set(scripts).size, 1);
    // About 3.1 KB since it names by their current names the 20 zones browsers still give
    // by replaced ones (whole IDs); within a page's 5 KB of JavaScript with copy-topic.js.
    assert.ok(Buffer.byteLength(scripts[0]!) < 3584);
  });

  it("announces the feed on every page, in the head and visibly", () => {
    for (const file of ["index.html", "about/index.html", "posts/online-communities/index.html"]) {
      const doc = dom(site.read(file));
      const link = doc.querySelector('head link[rel="alternate"][type="text/calendar"]');
      assert.equal(link?.getAttribute("href"), "/calendar.ics", file);
      assert.ok(link?.getAttribute("title"));
      assert.ok([...doc.querySelectorAll("a")].some((a) => a.getAttribute("href") === `webcal://${HOST}/calendar.ics`), file);
    }
  });

  it("embeds every upcoming chat on the home page, the first one shown", () => {
    const doc = dom(site.read("index.html"));
    const chats = [...doc.querySelectorAll(".next-chat [data-chat-start]")];
    assert.deepEqual(chats.map((c) => c.getAttribute("data-chat-start")), [EXPECTED.upcoming!, EXPECTED.unicode!, EXPECTED.guest!].map((t) => String(Date.parse(t))));
    assert.deepEqual(chats.map((c) => c.hasAttribute("hidden")), [false, true, true]);
    assert.equal(text(doc.querySelector(".next-chat h1 a:not([hidden])")), "The upcoming chat");
  });
});

describe("structured data", () => {
  function graph(file: string): any[] {
    const script = dom(site.read(file)).querySelector('script[type="application/ld+json"]');
    assert.ok(script, `${file} has JSON-LD`);
    const data = JSON.parse(script.textContent!);
    assert.equal(data["@context"], "https://schema.org");
    return data["@graph"];
  }

  it("describes the chat as an online Event with offsets, a virtual location and an organizer", () => {
    const event = graph("posts/online-communities/index.html").find((n) => n["@type"] === "Event");
    assert.equal(event.name, "Online Communities");
    assert.equal(event.startDate, "2017-05-02T20:30:00-04:00");
    assert.equal(event.endDate, "2017-05-02T21:30:00-04:00");
    assert.equal(event.eventAttendanceMode, "https://schema.org/OnlineEventAttendanceMode");
    assert.equal(event.eventStatus, "https://schema.org/EventScheduled");
    // The post's own hashtag, followed on the site's platform at that tag's page.
    assert.deepEqual(event.location, { "@type": "VirtualLocation", name: "#hcldr on Bluesky", url: "https://bsky.app/hashtag/hcldr" });
    assert.equal(event.organizer["@type"], "Organization");
    assert.equal(event.organizer.name, "Fixture Chat");
    assert.equal(event.url, `https://${HOST}/posts/online-communities/`);
    assert.deepEqual(event.image, [`https://${HOST}/posts/meetup.png`]);
    assert.match(event.description, /T1: Should healthcare vendors join/);
  });

  it("gives 45-minute and southern offsets as written in the host zone", () => {
    assert.equal(graph("posts/unicode/index.html").find((n) => n["@type"] === "Event").startDate, "2026-12-09T20:30:00+05:45");
    assert.equal(graph("posts/escaping/index.html").find((n) => n["@type"] === "Event").startDate, "2018-02-14T12:30:00+11:00");
  });

  it("describes the post as a BlogPosting", () => {
    const posting = graph("posts/online-communities/index.html").find((n) => n["@type"] === "BlogPosting");
    assert.equal(posting.headline, "Online Communities");
    assert.equal(posting.datePublished, "2017-04-30");
    assert.equal(posting.author.name, "Colin Hung");
    assert.equal(posting.url, `https://${HOST}/posts/online-communities/`);
  });

  it("keeps front-matter text inert inside the script element", () => {
    const html = site.read("posts/escaping/index.html");
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    assert.doesNotMatch(block, /<|>/);
    const posting = graph("posts/escaping/index.html").find((n) => n["@type"] === "BlogPosting");
    assert.equal(posting.headline, `Quotes " & <script>alert('title')</script>`);
    // A chat on a platform of its own: its name and address, the name inert too.
    const event = graph("posts/escaping/index.html").find((n) => n["@type"] === "Event");
    assert.deepEqual(event.location, { "@type": "VirtualLocation", name: "#fixchat on Q&A <Room>, Zoom", url: "https://meet.example/j/123?pwd=a&b=2" });
  });
});

describe("a chat with its own hashtag", () => {
  const FOLLOW = "https://bsky.app/hashtag/nursechat";

  it("links readers to that hashtag's live page, and the footer still to the site's", () => {
    const doc = dom(site.read("posts/guest/index.html"));
    assert.equal(text(doc.querySelector(".chat-hashtag")), "#nursechat");
    const where = doc.querySelector(".chat-follow")!;
    assert.equal(where.getAttribute("href"), FOLLOW);
    assert.equal(text(where), "Bluesky");
    const footer = [...doc.querySelectorAll("footer a")].find((a) => text(a) === "#fixchat on Bluesky");
    assert.equal(footer?.getAttribute("href"), "https://bsky.app/hashtag/fixchat");
  });

  it("gives that page in its own calendar file and in the site-wide feed", () => {
    for (const file of ["posts/guest/chat.ics", "calendar.ics"]) {
      const event = parse(site.read(file)).find((e) => e.uid === `guest.chat@${HOST}`)!;
      assert.equal(event.location, FOLLOW, file);
      assert.match(event.description, /^Join #nursechat on Bluesky: https:\/\/bsky\.app\/hashtag\/nursechat$/m, file);
      assert.equal(event.summary, "#nursechat chat: A guest chat");
    }
  });

  it("gives that page to Google Calendar and Outlook", () => {
    const doc = dom(site.read("posts/guest/index.html"));
    const google = new URL(doc.querySelector(".chat-google")!.getAttribute("href")!);
    assert.equal(google.searchParams.get("location"), FOLLOW);
    assert.match(google.searchParams.get("details")!, /^Join #nursechat on Bluesky: https:\/\/bsky\.app\/hashtag\/nursechat$/m);
    const outlooks = [...doc.querySelectorAll(".chat-outlook")];
    assert.equal(outlooks.length, 2, "Outlook.com and Outlook (work or school)");
    for (const a of outlooks) assert.equal(new URL(a.getAttribute("href")!).searchParams.get("location"), FOLLOW);
  });

  it("gives that page as the Event's virtual location", () => {
    const script = dom(site.read("posts/guest/index.html")).querySelector('script[type="application/ld+json"]')!;
    const event = (JSON.parse(script.textContent!)["@graph"] as any[]).find((n) => n["@type"] === "Event");
    assert.deepEqual(event.location, { "@type": "VirtualLocation", name: "#nursechat on Bluesky", url: FOLLOW });
  });

  it("copies a topic with the hashtag once: not added when the question holds it, added when it holds only a longer tag", () => {
    const doc = dom(site.read("posts/guest/index.html"));
    const copies = [...doc.querySelectorAll(".topic-list .copy-topic")].map((b) => b.getAttribute("data-copy"));
    assert.deepEqual(copies, ["T1 What is #NurseChat about?", "T2 Who else joins #nursechats? #nursechat"]);
  });
});
