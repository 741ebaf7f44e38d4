// The add-to-calendar links of a built post page: two Outlooks, one for a personal Microsoft
// account (outlook.live.com) and one for a work or school account (outlook.office.com), with
// the same compose deeplink and names that say which; a right-to-left title isolated
// (U+2068 … U+2069) after the English `#tag chat: ` in every link's title, a Latin one not;
// and the `_headers` file's Permissions-Policy without FLoC's `interest-cohort`.
// Addresses are read back with WHATWG URL, so each parameter is compared decoded.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { buildSite, copySiteWith, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const FSI = "\u2068";
const PDI = "\u2069";
const HEBREW_TITLE = "מה חדש בסיעוד?";
const ARABIC_TITLE = "ما الجديد في رعاية المرضى؟ (الجزء 2)";

// The build's clock is 2026-11-24T12:00Z: both chats are still to come.
const POSTS: Record<string, string> = {
  "content/posts/2026-11-22-hebrew.md": [
    "---",
    `title: ${JSON.stringify(HEBREW_TITLE)}`,
    "date: 2026-11-22",
    "chat:",
    "  start: 2026-12-10T20:00",
    "  zone: Asia/Jerusalem",
    "  duration: 90",
    "---",
    "Body.",
    "",
  ].join("\n"),
  "content/posts/2026-11-23-arabic.md": [
    "---",
    `title: ${JSON.stringify(ARABIC_TITLE)}`,
    "date: 2026-11-23",
    "language: ar",
    "chat:",
    "  start: 2026-12-12T21:00",
    "  zone: Africa/Cairo",
    "---",
    "Body.",
    "",
  ].join("\n"),
  "content/posts/2026-11-21-called-off.md": [
    "---",
    `title: ${JSON.stringify(ARABIC_TITLE)}`,
    "date: 2026-11-21",
    "updated: 2026-11-23",
    "chat:",
    "  start: 2026-12-05T20:30",
    "  cancelled: true",
    "---",
    "Body.",
    "",
  ].join("\n"),
};

let site: BuiltSite;
before(async () => {
  site = await buildSite(copySiteWith(FIXTURE_SITE, { files: POSTS }));
});

const page = (slug: string) => dom(site.read(`posts/${slug}/index.html`));
const href = (doc: Document, selector: string) => new URL(doc.querySelector(selector)!.getAttribute("href")!);
const params = (url: URL) => Object.fromEntries(url.searchParams);

describe("the two Outlook links of a chat still to come", () => {
  // The fixture's upcoming chat: Tuesday, December 1, 2026, 8:30 PM EST (01:30 UT on the 2nd), 60 minutes.
  const expected = {
    path: "/calendar/action/compose",
    rru: "addevent",
    subject: "#fixchat chat: The upcoming chat",
    startdt: "2026-12-02T01:30:00Z",
    enddt: "2026-12-02T02:30:00Z",
    body: [
      "Join #fixchat on Bluesky: https://bsky.app/hashtag/fixchat",
      "T1: What is next?",
      "Announcement and reading list: https://careleaders.example/posts/upcoming/",
    ].join("\n\n"),
    location: "https://bsky.app/hashtag/fixchat",
  };

  it("sends a personal account to outlook.live.com with the chat's subject, UTC times, body and location", () => {
    const url = href(page("upcoming"), "a.chat-outlook-personal");
    assert.equal(url.origin + url.pathname, "https://outlook.live.com/calendar/0/deeplink/compose");
    assert.deepEqual(params(url), expected);
  });

  it("sends a work or school account to outlook.office.com with the same parameters", () => {
    const url = href(page("upcoming"), "a.chat-outlook-work");
    assert.equal(url.origin + url.pathname, "https://outlook.office.com/calendar/0/deeplink/compose");
    assert.deepEqual(params(url), expected);
  });

  it("encodes spaces as %20, never `+`, in both", () => {
    for (const selector of ["a.chat-outlook-personal", "a.chat-outlook-work"]) {
      const raw = page("upcoming").querySelector(selector)!.getAttribute("href")!;
      assert.match(raw, /subject=%23fixchat%20chat%3A%20The%20upcoming%20chat&/);
      assert.doesNotMatch(raw, /\+/);
    }
  });

  it("names each by the account it is for, its visible words included, between Google Calendar and the subscription", () => {
    const doc = page("upcoming");
    const links = [...doc.querySelectorAll(".chat-calendar a")];
    assert.deepEqual(links.map((a) => text(a)), ["Calendar file (.ics)", "Google Calendar", "Outlook.com", "Outlook (work or school)", "Subscribe to every chat"]);
    const personal = doc.querySelector("a.chat-outlook-personal")!;
    const work = doc.querySelector("a.chat-outlook-work")!;
    assert.equal(personal.getAttribute("aria-label"), "Add to Outlook.com (personal account)");
    assert.equal(work.getAttribute("aria-label"), "Add to Outlook (work or school)");
    // WCAG 2.5.3: a speech user says what they see.
    for (const a of [personal, work]) assert.ok(a.getAttribute("aria-label")!.includes(text(a)), text(a));
    // Both are the chat's Outlook links (.chat-outlook), hidden together by the script when the chat ends.
    assert.equal(doc.querySelectorAll(".chat-block a.chat-outlook").length, 2);
    for (const a of [personal, work]) assert.ok(a.closest("li")!.hasAttribute("data-chat-upcoming"));
  });

  it("are left out of a chat that had ended at build time, and of a cancelled one", () => {
    for (const slug of ["online-communities", "called-off"]) {
      assert.equal(page(slug).querySelectorAll(".chat-outlook, .chat-google").length, 0, slug);
      assert.doesNotMatch(site.read(`posts/${slug}/index.html`), /outlook\.(live|office)\.com|calendar\.google\.com/, slug);
    }
    assert.equal(text(page("called-off").querySelector(".chat-block h2")), "This chat is cancelled");
  });
});

describe("a right-to-left title in the links' titles", () => {
  it("is isolated after `#fixchat chat: ` in Google's text, both Outlooks' subject and timeanddate's message", () => {
    for (const [slug, title] of [["hebrew", HEBREW_TITLE], ["arabic", ARABIC_TITLE]] as const) {
      const doc = page(slug);
      const wanted = `#fixchat chat: ${FSI}${title}${PDI}`;
      assert.equal(href(doc, "a.chat-google").searchParams.get("text"), wanted, slug);
      assert.equal(href(doc, "a.chat-outlook-personal").searchParams.get("subject"), wanted, slug);
      assert.equal(href(doc, "a.chat-outlook-work").searchParams.get("subject"), wanted, slug);
      assert.equal(href(doc, "a.chat-converter").searchParams.get("msg"), wanted, slug);
    }
  });

  it("keeps the times: Jerusalem 20:00 in December is 18:00 UT, Cairo 21:00 is 19:00 UT", () => {
    const hebrew = params(href(page("hebrew"), "a.chat-outlook-personal"));
    assert.equal(hebrew.startdt, "2026-12-10T18:00:00Z");
    assert.equal(hebrew.enddt, "2026-12-10T19:30:00Z");
    const arabic = params(href(page("arabic"), "a.chat-outlook-work"));
    assert.equal(arabic.startdt, "2026-12-12T19:00:00Z");
    assert.equal(arabic.enddt, "2026-12-12T20:00:00Z");
  });

  it("is not added to a Latin title: no isolate in any link of its page", () => {
    const doc = page("upcoming");
    for (const selector of ["a.chat-google", "a.chat-outlook-personal", "a.chat-outlook-work", "a.chat-converter"]) {
      const url = href(doc, selector);
      const title = url.searchParams.get("text") ?? url.searchParams.get("subject") ?? url.searchParams.get("msg");
      assert.equal(title, "#fixchat chat: The upcoming chat", selector);
      assert.doesNotMatch(decodeURIComponent(url.search), /[\u2066-\u2069]/, selector);
    }
  });
});

describe("_headers", () => {
  it("sends a Permissions-Policy without interest-cohort (FLoC, unknown to Chrome now)", () => {
    const lines = site.read("_headers").split("\n").filter((l) => /^\s+Permissions-Policy:/.test(l));
    assert.deepEqual(lines.map((l) => l.trim()), ["Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()"]);
    assert.doesNotMatch(site.read("_headers"), /interest-cohort/);
  });
});
