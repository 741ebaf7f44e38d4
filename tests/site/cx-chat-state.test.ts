// A chat cancelled, postponed or moved after its announcement was published, as the built site
// gives it: the page, the calendars (read back with ical.js), the structured data, the feeds and
// the home page's "Next chat"; and the check that asks for `updated:`.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import ICAL from "ical.js";
import { HtmlValidate, type Message } from "html-validate";
import { buildSite, copySiteWith, FIXTURE_SITE, PROJECT, runScript, type BuiltSite } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

// The fixture's upcoming chat (Tuesday, December 1, 2026) is called off on November 24; the build's clock is 2026-11-24T12:00Z.
const UPCOMING = "content/posts/2026-11-20-upcoming.md";
const upcoming = readFileSync(path.join(FIXTURE_SITE, UPCOMING), "utf8");
const cancelledText = upcoming.replace("date: 2026-11-20\n", "date: 2026-11-20\nupdated: 2026-11-24\n").replace("  start: 2026-12-01T20:30\n", "  start: 2026-12-01T20:30\n  cancelled: true\n");
const MOVED = "content/posts/2026-11-21-moved.md";
const movedText = ["---", "title: The moved chat", "date: 2026-11-21", "updated: 2026-11-23", "chat:", "  start: 2026-12-03T20:30", "  moved_from: 2026-12-02T20:30", "topics:", "  - Where now?", "---", "Moved body.", ""].join("\n");
const POSTPONED = "content/posts/2026-11-22-postponed.md";
const postponedText = ["---", "title: The postponed chat", "date: 2026-11-22", "updated: 2026-11-23", "chat:", "  start: 2026-12-08T20:30", "  postponed: true", "---", "Postponed body.", ""].join("\n");

let site: BuiltSite;
before(async () => {
  site = await buildSite(copySiteWith(FIXTURE_SITE, { files: { [UPCOMING]: cancelledText, [MOVED]: movedText, [POSTPONED]: postponedText } }));
});

const page = (slug: string) => dom(site.read(`posts/${slug}/index.html`));
const text = (node: { textContent: string | null } | null | undefined) => (node?.textContent ?? "").replace(/\s+/g, " ").trim();
const jsonLdEvent = (slug: string) => {
  const graph = JSON.parse(page(slug).querySelector('script[type="application/ld+json"]')!.textContent!)["@graph"] as Record<string, unknown>[];
  return graph.find((node) => node["@type"] === "Event")!;
};
const vevents = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");

describe("a cancelled chat", () => {
  it("is headed so right after the title, with the time it was to have, and nothing to join or add", () => {
    const doc = page("upcoming");
    const block = doc.querySelector("section.chat-block")!;
    assert.equal(doc.querySelector("header.post-header")!.nextElementSibling, block);
    assert.equal(text(block.querySelector("h2")), "This chat is cancelled");
    assert.equal(text(block.querySelector(".chat-when")), "It was to take place on Tuesday, December 1, 2026, 8:30 PM EST Eastern Standard Time (UTC−5).");
    // No countdown, no "Your time" (the script reads data-chat-start), no converter, no Google or Outlook.
    assert.equal(doc.querySelector("[data-chat-start]"), null);
    for (const sel of [".chat-status", ".chat-local", ".chat-converter", ".chat-google", ".chat-outlook", ".chat-follow"]) assert.equal(doc.querySelector(sel), null, sel);
    assert.doesNotMatch(text(doc.querySelector("main")), /Join the chat/);
    // The calendar file stays, to mark the event off in a calendar that has it.
    const ics = block.querySelector("a.chat-ics")!;
    assert.equal(ics.getAttribute("href"), "/posts/upcoming/chat.ics");
    assert.equal(ics.hasAttribute("download"), false);
    assert.match(text(ics.parentElement), /^If you added it to your calendar, remove it there, or open its updated calendar file \(\.ics\) to mark it cancelled\./);
    // The topics stay.
    assert.match(text(doc.querySelector(".topics, #topics-heading")), /Topics/);
  });

  it("stays in both calendars as STATUS:CANCELLED, with its UID and a new SEQUENCE", () => {
    const [own] = vevents(site.read("posts/upcoming/chat.ics"));
    const inFeed = vevents(site.read("calendar.ics")).find((v) => v.getFirstPropertyValue("uid") === own!.getFirstPropertyValue("uid"));
    for (const event of [own!, inFeed!]) {
      assert.equal(event.getFirstPropertyValue("status"), "CANCELLED");
      assert.equal(event.getFirstPropertyValue("uid"), "upcoming.chat@careleaders.example");
      assert.ok(Number(event.getFirstPropertyValue("sequence")) > 0);
      assert.match(String(event.getFirstPropertyValue("summary")), /^Cancelled: /);
    }
  });

  it("tells search engines EventCancelled", () => {
    assert.equal(jsonLdEvent("upcoming").eventStatus, "https://schema.org/EventCancelled");
  });

  it("says Cancelled in the feeds, in the entry's title and before the chat's time", () => {
    const entry = site.read("feed.xml").split("<entry").find((e) => e.includes("/posts/upcoming/</id>"))!;
    assert.match(entry, /<title type="text">Cancelled: The upcoming chat<\/title>/);
    const content = dom(/<!\[CDATA\[([\s\S]*?)\]\]>/.exec(entry)![1]!);
    assert.match(text(content.querySelector("p")), /^Cancelled: this chat will not take place\. It was to take place on Tuesday, December 1, 2026, 8:30 PM EST/);
    const json = JSON.parse(site.read("feed.json")) as { items: { url: string; title: string; content_html: string }[] };
    const item = json.items.find((i) => i.url.endsWith("/posts/upcoming/"))!;
    assert.equal(item.title, "Cancelled: The upcoming chat");
    assert.match(item.content_html, /Cancelled: this chat will not take place\./);
  });

  it("says Cancelled or Postponed before its time in the home page's list and the archive", () => {
    for (const file of ["index.html", "archive/index.html"]) {
      const items = [...dom(site.read(file)).querySelectorAll("li")].filter((li) => li.querySelector(".post-list-when"));
      const when = (title: string) => text(items.find((li) => text(li.querySelector("a")) === title)?.querySelector(".post-list-when"));
      assert.match(when("The upcoming chat"), /^Cancelled: Tuesday, December 1, 2026/, file);
      assert.match(when("The postponed chat"), /^Postponed: /, file);
      assert.doesNotMatch(when("The moved chat"), /^(Cancelled|Postponed)/, file);
    }
  });

  it("is not the home page's next chat, nor is a postponed one", () => {
    const next = dom(site.read("index.html")).querySelector("[data-chat-next]")!;
    const titles = [...next.querySelectorAll("a[data-chat-choice]")].map(text);
    assert.deepEqual(titles, ["The moved chat"]);
  });
});

describe("a postponed chat", () => {
  it("says so, and that its new time will be announced; search engines get EventPostponed", () => {
    const block = page("postponed").querySelector("section.chat-block")!;
    assert.equal(text(block.querySelector("h2")), "This chat is postponed");
    assert.match(text(block.querySelector(".chat-when")), /; its new time will be announced here\.$/);
    assert.equal(block.getAttribute("data-chat-start"), null);
    const event = jsonLdEvent("postponed");
    assert.equal(event.eventStatus, "https://schema.org/EventPostponed");
    assert.equal(event.previousStartDate, "2026-12-08T20:30:00-05:00");
  });
});

describe("a moved chat", () => {
  it("says from when, after its new time, and keeps everything to join and add it", () => {
    const block = page("moved").querySelector("section.chat-block")!;
    assert.equal(text(block.querySelector("h2")), "Join the chat");
    assert.equal(text(block.querySelector(".chat-moved")), "Moved from Wednesday, December 2, 2026, 8:30 PM EST Eastern Standard Time (UTC−5).");
    assert.equal(block.querySelector(".chat-moved time")!.getAttribute("datetime"), "2026-12-02T20:30:00-05:00");
    assert.ok(block.querySelector(".chat-google") && block.querySelector(".chat-outlook") && block.getAttribute("data-chat-start"));
  });

  it("is EventRescheduled with its previous start, and its calendar event has the new time", () => {
    const event = jsonLdEvent("moved");
    assert.equal(event.eventStatus, "https://schema.org/EventRescheduled");
    assert.equal(event.previousStartDate, "2026-12-02T20:30:00-05:00");
    assert.equal(event.startDate, "2026-12-03T20:30:00-05:00");
    const [own] = vevents(site.read("posts/moved/chat.ics"));
    assert.equal((own!.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(), "2026-12-04T01:30:00.000Z");
    assert.equal(own!.getFirstPropertyValue("status"), "CONFIRMED");
    assert.ok(Number(own!.getFirstPropertyValue("sequence")) > 0);
  });

  it("says so in its feed entry", () => {
    const json = JSON.parse(site.read("feed.json")) as { items: { url: string; title: string; content_html: string }[] };
    const item = json.items.find((i) => i.url.endsWith("/posts/moved/"))!;
    assert.equal(item.title, "The moved chat");
    assert.match(item.content_html.replace(/\s+/g, " "), /moved from<\/span> <time datetime="2026-12-02T20:30:00-05:00">Wednesday, December 2, 2026, 8:30 PM EST \(UTC−5\)<\/time>/);
  });
});

describe("the pages of chats cancelled, postponed and moved", () => {
  it("pass html-validate", async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(PROJECT, ".htmlvalidate.json"), "utf8")));
    const found: string[] = [];
    for (const file of ["posts/upcoming/index.html", "posts/postponed/index.html", "posts/moved/index.html", "index.html"]) {
      const report = await validator.validateString(site.read(file), file);
      for (const result of report.results) for (const m of result.messages as Message[]) if (m.severity === 2) found.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    assert.deepEqual(found, []);
  });
});

describe("a cancellation without `updated:`", () => {
  it("is an error at `cancelled:` giving the line to add, with today's date where the chats are hosted", async () => {
    const root = copySiteWith(FIXTURE_SITE, { files: { [UPCOMING]: cancelledText.replace("updated: 2026-11-24\n", ""), [MOVED]: movedText.replace("updated: 2026-11-23\n", "") } });
    const check = await runScript("check", root, [], { CHATPOST_NOW: "2026-11-25T03:00:00Z" });
    assert.notEqual(check.code, 0);
    const out = `${check.stdout}\n${check.stderr}`;
    assert.match(out, /2026-11-20-upcoming\.md:6:3 {2}chat\.cancelled {2}the chat is cancelled, but the post has no `updated:`: calendars that already have the chat would keep it as it was, and feed readers would not show the change → add the line `updated: 2026-11-24` below `date:` \(the day you changed the post, today\)/);
    assert.match(out, /2026-11-21-moved\.md:6:3 {2}chat\.moved_from {2}the chat is moved, .* → add the line `updated: 2026-11-24` below `date:`/);
    // The line added as the fix says, both problems are gone and no other comes.
    for (const file of [UPCOMING, MOVED]) writeFileSync(path.join(root, file), readFileSync(path.join(root, file), "utf8").replace(/^(date: .*)$/m, "$1\nupdated: 2026-11-24"));
    const again = await runScript("check", root, [], { CHATPOST_NOW: "2026-11-25T03:00:00Z" });
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /no errors\./);
    assert.doesNotMatch(again.stdout + again.stderr, /warning/);
  });
});
