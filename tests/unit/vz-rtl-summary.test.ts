// An Arabic or Hebrew title after the English label `#hcldr chat: ` is isolated (UAX #9: FIRST
// STRONG ISOLATE … POP DIRECTIONAL ISOLATE), so its closing `?` stays at its own end instead of
// showing at the right of the left-to-right line; so is a right-to-left topic after `T1: `.
// A title or topic without right-to-left letters is written as before, byte for byte.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ICAL from "ical.js";
import { calendarText, chatDetails, chatEvent, chatSummary, isolatedText, type CalendarSite, type ChatPost } from "../../lib/calendar.ts";
import { chatLinks } from "../../lib/calendar-links.ts";

const FSI = "\u2068";
const PDI = "\u2069";

const site: CalendarSite = { url: "https://chat.example/", pathPrefix: "/", title: "Care Chat", zone: "Asia/Jerusalem" };
const pageUrl = "https://chat.example/posts/rtl/";
const start = Date.parse("2026-12-11T18:30:00Z");

function post(title: string, topics: string[], status?: "cancelled" | "postponed"): ChatPost {
  return {
    slug: "rtl",
    url: "/posts/rtl/",
    title,
    date: "2026-11-05",
    ...(status ? { updated: "2026-11-20" } : {}),
    topics,
    chat: { startMillis: start, endMillis: start + 3_600_000, zone: "Asia/Jerusalem", hashtag: "#hcldr", platform: "Bluesky", url: "https://bsky.app/hashtag/hcldr", ...(status ? { status } : {}) },
  };
}

describe("right-to-left titles and topics in calendar text", () => {
  it("an Arabic title ending in `?` is isolated after the label", () => {
    const title = "دردشة حول رعاية المرضى: ما الجديد?";
    assert.equal(chatSummary(post(title, [])), `#hcldr chat: ${FSI}${title}${PDI}`);
  });

  it("a Hebrew title, and one that starts in English and ends in Hebrew, are isolated; the status prefix stays outside", () => {
    assert.equal(chatSummary(post("מה חדש?", [])), `#hcldr chat: ${FSI}מה חדש?${PDI}`);
    assert.equal(chatSummary(post("Nursing: מה חדש?", [], "cancelled")), `Cancelled: #hcldr chat: ${FSI}Nursing: מה חדש?${PDI}`);
    assert.equal(chatSummary(post("ما الجديد؟", [], "postponed")), `Postponed: #hcldr chat: ${FSI}ما الجديد؟${PDI}`);
  });

  it("titles without right-to-left letters are unchanged, byte for byte", () => {
    for (const title of ["Online Communities & «Santé», part 1", "Ελληνικά; Кириллица? 日本語 (2026)", "Emoji 🎉 and numbers 1–2?"]) {
      assert.equal(chatSummary(post(title, [])), `#hcldr chat: ${title}`);
      assert.equal(isolatedText(title), title);
    }
  });

  it("right-to-left topics are isolated after `T1: `, other topics unchanged", () => {
    const details = chatDetails(post("ما الجديد?", ["ما هو رأيك?", "Should vendors join?"]), site, pageUrl);
    assert.match(details, new RegExp(`^T1: ${FSI}ما هو رأيك\\?${PDI}$`, "m"));
    assert.match(details, /^T2: Should vendors join\?$/m);
    assert.ok(!details.split("\n").some((line) => line.startsWith(FSI)), "the English labels stay outside");
  });

  it("the calendar file carries the isolates, folded whole, and ical.js reads them back in SUMMARY and DESCRIPTION", () => {
    const title = "دردشة طويلة حول رعاية المرضى في المستشفيات والبيوت: ما الجديد في هذا العام?";
    const event = chatEvent(post(title, ["ما هو رأيك?"]), site, pageUrl)!;
    const text = calendarText([event], { name: "Care Chat" });
    for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, line);
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
    assert.equal(vevent.getFirstPropertyValue("summary"), `#hcldr chat: ${FSI}${title}${PDI}`);
    assert.match(String(vevent.getFirstPropertyValue("description")), new RegExp(`^T1: ${FSI}ما هو رأيك\\?${PDI}$`, "m"));
  });

  it("the Google Calendar and timeanddate.com links carry the same title as the calendar file", () => {
    const links = chatLinks(post("מה חדש?", []), site, pageUrl)!;
    assert.equal(new URL(links.google).searchParams.get("text"), `#hcldr chat: ${FSI}מה חדש?${PDI}`);
    assert.equal(new URL(links.timeAndDate).searchParams.get("msg"), `#hcldr chat: ${FSI}מה חדש?${PDI}`);
  });
});
