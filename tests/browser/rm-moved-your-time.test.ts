// A moved chat read in another zone, in Debian's Chromium: "Your time" is the new time's and is
// given with it, before "Moved from" — on screen, in the text a screen reader reads (DOM and
// accessibility tree order), and without JavaScript the block still reads new time, UTC, then
// Moved from. The chat moved from Tue Dec 22 2026 20:30 to Wed Dec 23 21:00 London (GMT) =
// 21:00 UT = Thu Dec 24 02:30 in Asia/Kolkata (+5:30).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { BROWSER_SKIP, servedSite } from "../helpers/browser.ts";
import { buildSite, copySiteWith, FIXTURE_SITE } from "../helpers/build-site.ts";

const skip = BROWSER_SKIP;
const MOVED = "content/posts/2026-11-21-moved.md";
const movedText = ["---", "title: The moved chat", "date: 2026-11-21", "updated: 2026-11-23", "chat:", "  start: 2026-12-23T21:00", "  moved_from: 2026-12-22T20:30", "  zone: Europe/London", "---", "Moved body.", ""].join("\n");
const served = servedSite(() => buildSite(copySiteWith(FIXTURE_SITE, { files: { [MOVED]: movedText } }), { env: { CHATPOST_NOW: "2026-11-24T12:00:00Z" } }));

// After the fixture's own upcoming chat (Dec 1) has ended: the moved chat is the home page's next one.
const NOW = "2026-12-05T12:00:00Z";
const UTC = /^That is Wednesday, December 23, 2026, 21:00 UTC\.$/;
const YOUR_TIME = /^Your time: Thursday, December 24, 2026 at 2:30\sAM GMT\+5:30 \(Kolkata\)$/;

async function open(url: string, javaScriptEnabled = true): Promise<Page> {
  const context = await served.browser.newContext({ timezoneId: "Asia/Kolkata", locale: "en-US", javaScriptEnabled });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto(new URL(url, served.server.url).href, { waitUntil: "load" });
  return page;
}

/** The block's lines as shown (innerText: rendered, in reading order). */
const shownLines = async (page: Page, selector: string) => (await page.locator(selector).innerText()).split("\n").map((l) => l.trim()).filter(Boolean);
const lineIndex = (lines: string[], pattern: RegExp) => {
  const i = lines.findIndex((l) => pattern.test(l));
  assert.ok(i >= 0, `${pattern} in:\n${lines.join("\n")}`);
  return i;
};

describe("a moved chat's page, read in Asia/Kolkata", { skip }, () => {
  it("gives the reader's time right after the new time and UTC, before Moved from", async () => {
    const page = await open("posts/moved/");
    try {
      const lines = await shownLines(page, ".chat-block");
      const utc = lineIndex(lines, UTC);
      const yours = lineIndex(lines, YOUR_TIME);
      const moved = lineIndex(lines, /^Moved from Tuesday, December 22, 2026, 8:30\sPM GMT/);
      assert.equal(yours, utc + 1, lines.join("\n"));
      assert.ok(yours < moved, lines.join("\n"));
      // On screen too: the reader's time sits above Moved from.
      const top = async (sel: string) => (await page.locator(`.chat-block ${sel}`).boundingBox())!.y;
      assert.ok((await top(".chat-local")) < (await top(".chat-moved")));
      // A screen reader's order: the accessibility tree has "Your time" before "Moved from".
      const tree = await page.locator(".chat-block").ariaSnapshot();
      assert.ok(tree.indexOf("Your time:") >= 0 && tree.indexOf("Your time:") < tree.indexOf("Moved from"), tree);
    } finally {
      await page.context().close();
    }
  });

  it("without JavaScript, reads the new time, UTC, then Moved from, and no Your time", async () => {
    const page = await open("posts/moved/", false);
    try {
      const lines = await shownLines(page, ".chat-block");
      assert.ok(!lines.some((l) => /Your time/.test(l)), lines.join("\n"));
      const utc = lineIndex(lines, UTC);
      assert.ok(lineIndex(lines, /^Wednesday, December 23, 2026, 9:00\sPM GMT/) < utc, lines.join("\n"));
      assert.equal(lineIndex(lines, /^Moved from Tuesday, December 22, 2026, 8:30\sPM GMT/), utc + 1, lines.join("\n"));
    } finally {
      await page.context().close();
    }
  });
});

describe("the home page's next chat, read in Asia/Kolkata", { skip }, () => {
  it("gives the moved chat's new time as the reader's, right after UTC", async () => {
    const page = await open("");
    try {
      const lines = await shownLines(page, ".next-chat");
      assert.match(lines[0]!, /^Next chat:\s*The moved chat$/);
      const utc = lineIndex(lines, UTC);
      assert.equal(lineIndex(lines, YOUR_TIME), utc + 1, lines.join("\n"));
    } finally {
      await page.context().close();
    }
  });
});
