// The chat block as built: a chat that had ended when the site was built carries no way
// to add it to a calendar (not even hidden), one still to come carries them marked for
// the local-time script; and the search index holds the chat's time and hashtag but none
// of the block's buttons (the calendar links, the converter, the script's placeholders).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { buildSite, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

let site: BuiltSite;
/** The same fixture site built in 2030, when every chat of it is over. */
let later: BuiltSite;

before(async () => {
  [site, later] = await Promise.all([
    buildSite(undefined, { env: { CHATPOST_NOW: "2026-11-24T12:00:00Z" } }),
    buildSite(undefined, { env: { CHATPOST_NOW: "2030-06-01T00:00:00Z" } }),
  ]);
});

const ADD_LINKS = [".chat-convert", ".chat-converter", ".chat-ics", ".chat-google", ".chat-outlook"];
const ELSEWHERE = ["calendar.google.com", "outlook.live.com", "outlook.office.com", "timeanddate.com", "chat.ics", "Calendar file (.ics)", "See the time in other zones"];

function assertNoWayToAdd(built: BuiltSite, post: string): void {
  const html = built.read(`posts/${post}/index.html`);
  const block = dom(html).querySelector(".chat-block")!;
  assert.ok(block, `${post} has a chat block`);
  assert.equal(text(block.querySelector("h2")), "The chat");
  assert.equal(text(block.querySelector(".chat-status")), "This chat has ended.");
  // Booleans, not elements: a failed assertion would print a whole DOM node.
  for (const selector of ADD_LINKS) assert.ok(!block.querySelector(selector), `${post}: ${selector} is left out`);
  assert.equal(block.querySelectorAll("[data-chat-upcoming]").length, 0, `${post}: nothing is left for the script to hide`);
  assert.equal(block.querySelectorAll(".chat-calendar [hidden]").length, 0, `${post}: nothing is merely hidden`);
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  for (const word of ELSEWHERE) assert.ok(!main.includes(word), `${post}: the page still holds ${word}`);
  assert.deepEqual([...block.querySelectorAll(".chat-calendar a")].map((a) => text(a)), ["Subscribe to every chat"]);
  // The chat still reads in full, and its calendar file is still published.
  assert.match(text(block.querySelector(".chat-when")), /\d{4}/);
  assert.ok(built.exists(`posts/${post}/chat.ics`));
}

describe("the chat block of a chat that had ended when the site was built", () => {
  it("leaves the converter and the four ways to add it to a calendar out of the page, keeping the subscription", () => {
    for (const post of ["online-communities", "after-dst", "escaping"]) assertNoWayToAdd(site, post);
  });

  it("does the same for a chat that was upcoming in an earlier build", () => {
    assertNoWayToAdd(later, "upcoming");
  });
});

describe("the chat block of a chat still to come", () => {
  it("keeps the converter and the calendar links, shown, each marked data-chat-upcoming for the script", () => {
    const block = dom(site.read("posts/upcoming/index.html")).querySelector(".chat-block")!;
    assert.equal(text(block.querySelector("h2")), "Join the chat");
    for (const selector of [".chat-convert", ".chat-ics", ".chat-google", ".chat-outlook-personal", ".chat-outlook-work"]) {
      const part = block.querySelector(selector)!;
      assert.ok(part, selector);
      const marked = part.closest("[data-chat-upcoming]");
      assert.ok(marked, `${selector} is marked data-chat-upcoming`);
      assert.equal(marked.hasAttribute("hidden"), false, `${selector} is shown`);
    }
    assert.equal(block.querySelectorAll("[data-chat-upcoming]").length, 5);
    assert.deepEqual([...block.querySelectorAll(".chat-calendar a")].map((a) => text(a)), ["Calendar file (.ics)", "Google Calendar", "Outlook.com", "Outlook (work or school)", "Subscribe to every chat"]);
  });
});

/** The text Pagefind indexed for each page, by URL (its fragments are gzipped JSON after a signature). */
function indexed(built: BuiltSite): Map<string, string> {
  const pages = new Map<string, string>();
  for (const file of built.files().filter((f) => f.startsWith("pagefind/fragment/"))) {
    const data = gunzipSync(readFileSync(path.join(built.out, file))).toString("utf8");
    const record = JSON.parse(data.slice(data.indexOf("{"))) as { url: string; content: string };
    pages.set(record.url, record.content);
  }
  return pages;
}

describe("the search index", () => {
  const BUTTONS = [/Calendar file/, /Google Calendar/, /Outlook/, /Subscribe to every chat/, /See the time in other zones/, /timeanddate/, /Your time/, /This chat has ended/];

  it("marks the block's buttons and the script's placeholders data-pagefind-ignore, not the time, hashtag, length or place", () => {
    for (const post of ["upcoming", "online-communities"]) {
      const block = dom(site.read(`posts/${post}/index.html`)).querySelector(".chat-block")!;
      for (const selector of [".chat-calendar", ".chat-local", ".chat-status", ...(post === "upcoming" ? [".chat-convert"] : [])]) {
        assert.ok(block.querySelector(selector)!.hasAttribute("data-pagefind-ignore"), `${post}: ${selector}`);
      }
      for (const selector of [".chat-when", ".chat-utc", ".chat-facts", ".chat-hashtag"]) {
        assert.ok(!block.querySelector(selector)!.closest("[data-pagefind-ignore]"), `${post}: ${selector} is indexed`);
      }
    }
  });

  it("holds each post's chat time and hashtag but none of the chat block's buttons", () => {
    const pages = indexed(site);
    for (const post of ["upcoming", "online-communities", "after-dst", "escaping"]) {
      const content = pages.get(`/posts/${post}/`);
      assert.ok(content, `/posts/${post}/ is indexed`);
      const block = dom(site.read(`posts/${post}/index.html`)).querySelector(".chat-block")!;
      // As readers see it: the zone's long name said to screen readers in place of "EST" is left out of the index.
      const when = block.querySelector(".chat-when")!;
      for (const ignored of when.querySelectorAll("[data-pagefind-ignore]")) ignored.remove();
      assert.ok(content.includes(text(when)), `${post}: the chat's time is indexed`);
      assert.ok(content.includes(text(block.querySelector(".chat-utc time"))), `${post}: the time in UTC is indexed`);
      assert.match(content, new RegExp(`(^|\\s)${text(block.querySelector(".chat-hashtag"))}[\\s.]`), `${post}: the hashtag is indexed as a word`);
      for (const button of BUTTONS) assert.doesNotMatch(content, button, `/posts/${post}/`);
    }
  });
});
