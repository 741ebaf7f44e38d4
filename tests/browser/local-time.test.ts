// The reader's local time and the chat's status, in Debian's Chromium with emulated
// zones and a controlled page clock. The site is built on 2026-11-24 and viewed days
// later, as a reader would see a page built before the chat.
//
// Expected local times come from the tz database: the fixture's upcoming chat is
// Tue Dec 1 2026 20:30 EST (America/New_York, −5) = Wed Dec 2 01:30 UT
// = Wed Dec 2 10:30 in Asia/Tokyo (+9) = Tue Dec 1 17:30 in America/Los_Angeles (PST, −8).
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { browserAvailable, launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildSite, copySite, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";

const skip = browserAvailable() ? false : "Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)";

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  const root = copySite(FIXTURE_SITE);
  // A second upcoming chat: Tue Dec 8 2026 20:30 EST = Wed Dec 9 01:30 UT.
  writeFileSync(
    path.join(root, "content/posts/2026-11-21-second-upcoming.md"),
    "---\ntitle: The chat after that\ndate: 2026-11-21\nchat:\n  start: 2026-12-08T20:30\n---\nBody.\n",
  );
  site = await buildSite(root, { env: { CHATPOST_NOW: "2026-11-24T12:00:00Z" } });
  server = await serveStatic(site.out);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string, timezoneId: string, now: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ timezoneId, locale: "en-US", ...options });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(now));
  await page.goto(new URL(url, server.url).href, { waitUntil: "load" });
  return page;
}

const visibleText = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).innerText();

describe("the reader's local time", { skip }, () => {
  it("is shown in Asia/Tokyo", async () => {
    const page = await open("posts/upcoming/", "Asia/Tokyo", "2026-11-28T01:30:00Z");
    assert.match(await visibleText(page, ".chat-block .chat-local"), /^Your time: Wednesday, December 2, 2026 at 10:30\sAM GMT\+9 \(Asia\/Tokyo\)$/);
    // The host time and UTC are unchanged by the reader's zone.
    assert.equal(await visibleText(page, ".chat-block .chat-when"), "Tuesday, December 1, 2026, 8:30 PM EST (UTC−5)");
    await page.context().close();
  });

  it("is shown in UTC without naming the zone twice", async () => {
    const page = await open("posts/upcoming/", "UTC", "2026-11-28T01:30:00Z");
    assert.match(await visibleText(page, ".chat-block .chat-local"), /^Your time: Wednesday, December 2, 2026 at 1:30\sAM UTC$/);
    await page.context().close();
  });

  it("is shown in America/Los_Angeles, the day before Tokyo's", async () => {
    const page = await open("posts/upcoming/", "America/Los_Angeles", "2026-11-28T01:30:00Z");
    assert.match(await visibleText(page, ".chat-block .chat-local"), /^Your time: Tuesday, December 1, 2026 at 5:30\sPM PST \(America\/Los_Angeles\)$/);
    await page.context().close();
  });

  it("leaves the block complete without JavaScript: host time and UTC, nothing empty shown", async () => {
    const page = await open("posts/upcoming/", "Asia/Tokyo", "2026-11-28T01:30:00Z", { javaScriptEnabled: false });
    assert.equal(await visibleText(page, ".chat-block .chat-when"), "Tuesday, December 1, 2026, 8:30 PM EST (UTC−5)");
    assert.equal(await visibleText(page, ".chat-block .chat-utc"), "That is Wednesday, December 2, 2026, 01:30 UTC.");
    assert.equal(await page.locator(".chat-block .chat-local").isVisible(), false);
    assert.equal(await page.locator(".chat-block .chat-status").isVisible(), false);
    await page.context().close();
  });
});

describe("the reader's zone by its current name", { skip }, () => {
  // Chromium gives ICU's names, which keep some the tz database has replaced.
  for (const [zone, shown, time] of [
    ["Europe/Kyiv", "Europe/Kyiv", "3:30\\sAM GMT\\+2"],
    ["Asia/Kolkata", "Asia/Kolkata", "7:00\\sAM GMT\\+5:30"],
    ["Asia/Kathmandu", "Asia/Kathmandu", "7:15\\sAM GMT\\+5:45"],
    ["Asia/Ho_Chi_Minh", "Asia/Ho_Chi_Minh", "8:30\\sAM GMT\\+7"],
  ]) {
    it(`says ${shown} in ${zone}`, async () => {
      const page = await open("posts/upcoming/", zone!, "2026-11-28T01:30:00Z");
      assert.match(await visibleText(page, ".chat-block .chat-local"), new RegExp(`^Your time: Wednesday, December 2, 2026 at ${time} \\(${shown!.replace("/", "\\/")}\\)$`));
      await page.context().close();
    });
  }
});

describe("the chat's status at view time", { skip }, () => {
  const cases: Array<[string, string, string]> = [
    ["2026-11-28T01:30:00Z", "Starts in 4 days", "four days before"],
    ["2026-12-01T23:30:00Z", "Starts in 2 hours", "two hours before"],
    ["2026-12-02T01:15:00Z", "Starts in 15 minutes", "a quarter of an hour before"],
    ["2026-12-02T02:00:00Z", "Live now", "half-way through"],
    ["2026-12-02T02:30:00Z", "This chat has ended.", "at its end"],
    ["2026-12-20T00:00:00Z", "This chat has ended.", "weeks later"],
  ];
  for (const [now, expected, when] of cases) {
    for (const zone of ["Asia/Tokyo", "America/Los_Angeles"]) {
      it(`says "${expected}" ${when} (${zone})`, async () => {
        const page = await open("posts/upcoming/", zone, now);
        assert.equal(await visibleText(page, ".chat-block .chat-status"), expected);
        await page.context().close();
      });
    }
  }

  it("once the chat has ended, on a page built before, names it so and hides the ways to add it to a calendar", async () => {
    const before = await open("posts/upcoming/", "Asia/Tokyo", "2026-12-02T02:00:00Z");
    assert.equal(await before.locator(".chat-block h2").textContent(), "Join the chat");
    assert.deepEqual(await before.locator(".chat-calendar a").filter({ visible: true }).allInnerTexts(), ["Calendar file (.ics)", "Google Calendar", "Outlook", "Subscribe to every chat"]);
    assert.equal(await before.locator(".chat-converter").isVisible(), true);
    await before.context().close();
    const after = await open("posts/upcoming/", "Asia/Tokyo", "2026-12-02T02:30:00Z");
    assert.equal(await after.locator(".chat-block h2").textContent(), "The chat");
    assert.equal(await visibleText(after, ".chat-block .chat-status"), "This chat has ended.");
    assert.deepEqual(await after.locator(".chat-calendar a").filter({ visible: true }).allInnerTexts(), ["Subscribe to every chat"]);
    assert.equal(await after.locator(".chat-converter").isVisible(), false);
    await after.context().close();
  });

  it("moves on while the page stays open", async () => {
    const context = await browser.newContext({ timezoneId: "Asia/Tokyo", locale: "en-US" });
    const page = await context.newPage();
    await page.clock.install({ time: new Date("2026-12-02T01:29:00Z") });
    await page.goto(new URL("posts/upcoming/", server.url).href, { waitUntil: "load" });
    assert.equal(await visibleText(page, ".chat-block .chat-status"), "Starts in 1 minute");
    await page.clock.runFor(60_000);
    assert.equal(await visibleText(page, ".chat-block .chat-status"), "Live now");
    await context.close();
  });
});

describe("the home page's next chat", { skip }, () => {
  it("shows the first upcoming chat with its local time and status", async () => {
    const page = await open("", "Asia/Tokyo", "2026-11-30T01:30:00Z");
    assert.equal(await visibleText(page, ".next-chat h1 a"), "The upcoming chat");
    assert.match(await visibleText(page, ".next-chat .chat-local"), /December 2, 2026 at 10:30\sAM/);
    assert.equal(await visibleText(page, ".next-chat .chat-status"), "Starts in 2 days");
    await page.context().close();
  });

  it("moves to the next chat once the first has ended, on a page built before", async () => {
    const page = await open("", "America/Los_Angeles", "2026-12-02T03:00:00Z");
    assert.equal(await visibleText(page, ".next-chat h1 a"), "The chat after that");
    assert.equal(await page.locator(".next-chat h1 a").filter({ visible: true }).count(), 1);
    assert.match(await visibleText(page, ".next-chat .chat-when"), /^Tuesday, December 8, 2026, 8:30 PM EST/);
    // Dec 9 01:30 UT is Tue Dec 8 17:30 in Los Angeles (PST).
    assert.match(await visibleText(page, ".next-chat .chat-local"), /Tuesday, December 8, 2026 at 5:30\sPM PST/);
    assert.equal(await visibleText(page, ".next-chat .chat-status"), "Starts in 6 days");
    await page.context().close();
  });

  it("says none is scheduled once every embedded chat has ended", async () => {
    const page = await open("", "Asia/Tokyo", "2027-01-01T00:00:00Z");
    assert.equal(await page.locator(".next-chat h1 a").filter({ visible: true }).count(), 0);
    assert.equal(await visibleText(page, ".next-chat h1"), "Next chat: none scheduled yet");
    await page.context().close();
  });
});
