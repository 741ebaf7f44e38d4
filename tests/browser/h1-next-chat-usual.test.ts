// The home page's "Next chat" between a chat's end and the next announcement, in Debian's
// Chromium with a controlled page clock, with and without JavaScript: it says when chats
// usually are (the settings' weekly slot, Tuesdays 20:30 in America/New_York), from the page
// itself, with no request. The fixture's chat is Tue Dec 1 2026 20:30–21:30 EST
// = Wed Dec 2 01:30–02:30 UT; the next weekly slot, Tue Dec 8, is on EST too.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { BROWSER_SKIP, servedSites, type StaticServer } from "../helpers/browser.ts";
import { buildSite, FIXTURE_SITE } from "../helpers/build-site.ts";

const skip = BROWSER_SKIP;
const USUAL = "Chats are usually on Tuesdays at 8:30 PM EST; the next announcement is coming.";
// One build before the chat (its page left unbuilt after it), one after it has ended.
// Built before the chat (its page switches when the chat ends) and after it (says so without JavaScript).
const served = servedSites({
  early: () => buildSite(FIXTURE_SITE, { env: { CHATPOST_NOW: "2026-11-24T12:00:00Z" } }),
  late: () => buildSite(FIXTURE_SITE, { env: { CHATPOST_NOW: "2026-12-02T03:00:00Z" } }),
});

/** The home page of `server` at `now` (Tokyo, far from the host's zone), with or without JavaScript; the requests it made. */
async function open(server: StaticServer, now: string, javaScriptEnabled = true): Promise<{ page: Page; requests: string[] }> {
  const context = await served.browser.newContext({ timezoneId: "Asia/Tokyo", locale: "en-US", javaScriptEnabled });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.clock.setFixedTime(new Date(now));
  await page.goto(server.url, { waitUntil: "load" });
  return { page, requests };
}

const visibleText = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).innerText();

describe("the home page once the announced chat has ended", { skip }, () => {
  it("says when chats usually are on a page built before the chat, once the script finds it ended", async () => {
    const { page, requests } = await open(served.servers.early, "2026-12-02T03:00:00Z");
    assert.equal(await page.locator(".next-chat h1 a").filter({ visible: true }).count(), 0);
    assert.equal(await visibleText(page, ".next-chat h1"), "Next chat: not announced yet");
    assert.equal(await visibleText(page, ".next-chat .chat-usual"), USUAL);
    // All of it is in the page: nothing but the site's own files is asked for.
    assert.deepEqual(requests.filter((url) => !url.startsWith(served.servers.early.url)), []);
    await page.context().close();
  });

  it("shows the chat, not the usual time, on that page before the chat ends", async () => {
    const { page } = await open(served.servers.early, "2026-12-02T02:00:00Z");
    assert.equal(await visibleText(page, ".next-chat h1 a"), "The upcoming chat");
    assert.equal(await page.locator(".next-chat .chat-usual").filter({ visible: true }).count(), 0);
    await page.context().close();
  });

  it("says when chats usually are on a page built after the chat, with and without JavaScript", async () => {
    for (const javaScript of [true, false]) {
      const { page } = await open(served.servers.late, "2026-12-02T03:00:00Z", javaScript);
      assert.equal(await visibleText(page, ".next-chat h1"), "Next chat: not announced yet", `JavaScript ${javaScript ? "on" : "off"}`);
      assert.equal(await visibleText(page, ".next-chat .chat-usual"), USUAL, `JavaScript ${javaScript ? "on" : "off"}`);
      await page.context().close();
    }
  });
});
