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
import { CURRENT_ZONE_NAMES } from "../../lib/zone-names.ts";

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

// A page per zone (with or without JavaScript), loaded again by each test with its own
// clock: a new browser context per test took about 250 ms, most of this file's time. The
// last few zones only: every page kept open is a renderer process of its own.
const pooled = new Map<string, Page>();
const POOLED_ZONES = 3;

async function open(url: string, timezoneId: string, now: string, options: { javaScriptEnabled?: boolean; lang?: string } = {}): Promise<Page> {
  const { lang, ...contextOptions } = options;
  const key = `${timezoneId} ${contextOptions.javaScriptEnabled !== false}`;
  let page = lang ? undefined : pooled.get(key);
  if (page) pooled.delete(key);
  else {
    const context = await browser.newContext({ timezoneId, locale: "en-US", ...contextOptions });
    page = await context.newPage();
  }
  // A page whose responses are rewritten (lang) is used once; the others go last in the pool.
  if (!lang) {
    pooled.set(key, page);
    for (const [oldest, old] of pooled) {
      if (pooled.size <= POOLED_ZONES) break;
      pooled.delete(oldest);
      await old.context().close();
    }
  }
  // A site in another language: the same page with another <html lang>.
  if (lang) await page.route(new URL(url, server.url).href, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace(/<html lang="[^"]*"/, `<html lang="${lang}"`) });
  });
  await page.clock.setFixedTime(new Date(now));
  await page.goto(new URL(url, server.url).href, { waitUntil: "load" });
  return page;
}

/** Done with a page: one of the pool is kept for the next test, any other closed. */
async function done(page: Page): Promise<void> {
  if (![...pooled.values()].includes(page)) await page.context().close();
}

/** A page left open: its clock paused at `time` once loaded, then moved on with page.clock.runFor. */
async function openRunning(url: string, timezoneId: string, time: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId, locale: "en-US" });
  const page = await context.newPage();
  // The clock runs while the page loads: start it a little earlier, then stop it at `time`.
  await page.clock.install({ time: new Date(Date.parse(time) - 10_000) });
  await page.goto(new URL(url, server.url).href, { waitUntil: "load" });
  await page.clock.pauseAt(new Date(time));
  return page;
}

const visibleText = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).innerText();

/** How the script names a zone: the last part of its ID, without underscores ("Buenos Aires"). */
const place = (zone: string) => zone.split("/").pop()!.replaceAll("_", " ");

describe("the reader's local time", { skip }, () => {
  it("is shown in Asia/Tokyo", async () => {
    const page = await open("posts/upcoming/", "Asia/Tokyo", "2026-11-28T01:30:00Z");
    assert.match(await visibleText(page, ".chat-block .chat-local"), /^Your time: Wednesday, December 2, 2026 at 10:30\sAM GMT\+9 \(Tokyo\)$/);
    // The host time and UTC are unchanged by the reader's zone.
    assert.match(await visibleText(page, ".chat-block .chat-when"), /^Tuesday, December 1, 2026, 8:30 PM EST\s+Eastern Standard Time\s+\(UTC−5\)$/);
    await done(page);
  });

  it("is shown in UTC without naming the zone twice", async () => {
    const page = await open("posts/upcoming/", "UTC", "2026-11-28T01:30:00Z");
    assert.match(await visibleText(page, ".chat-block .chat-local"), /^Your time: Wednesday, December 2, 2026 at 1:30\sAM UTC$/);
    await done(page);
  });

  it("is shown in America/Los_Angeles, the day before Tokyo's", async () => {
    const page = await open("posts/upcoming/", "America/Los_Angeles", "2026-11-28T01:30:00Z");
    assert.match(await visibleText(page, ".chat-block .chat-local"), /^Your time: Tuesday, December 1, 2026 at 5:30\sPM PST\s+\(Los Angeles\)$/);
    await done(page);
  });

  it("leaves the block complete without JavaScript: host time and UTC, nothing empty shown", async () => {
    const page = await open("posts/upcoming/", "Asia/Tokyo", "2026-11-28T01:30:00Z", { javaScriptEnabled: false });
    assert.match(await visibleText(page, ".chat-block .chat-when"), /^Tuesday, December 1, 2026, 8:30 PM EST\s+Eastern Standard Time\s+\(UTC−5\)$/);
    assert.equal(await visibleText(page, ".chat-block .chat-utc"), "That is Wednesday, December 2, 2026, 01:30 UTC.");
    assert.equal(await page.locator(".chat-block .chat-local").isVisible(), false);
    assert.equal(await page.locator(".chat-block .chat-status").isVisible(), false);
    await done(page);
  });
});

describe("the reader's zone by its current name", { skip }, () => {
  // Chromium gives ICU's names, which keep some the tz database has replaced, some in
  // another area ("America/Buenos_Aires" for "America/Argentina/Buenos_Aires").
  for (const [zone, date, time] of [
    ["Europe/Kyiv", "Wednesday, December 2", "3:30\\sAM GMT\\+2"],
    ["Asia/Kolkata", "Wednesday, December 2", "7:00\\sAM GMT\\+5:30"],
    ["Asia/Kathmandu", "Wednesday, December 2", "7:15\\sAM GMT\\+5:45"],
    ["Asia/Ho_Chi_Minh", "Wednesday, December 2", "8:30\\sAM GMT\\+7"],
    ["America/Argentina/Buenos_Aires", "Tuesday, December 1", "10:30\\sPM GMT-3"],
    ["America/Argentina/Cordoba", "Tuesday, December 1", "10:30\\sPM GMT-3"],
    ["America/Indiana/Indianapolis", "Tuesday, December 1", "8:30\\sPM EST"],
    ["America/Kentucky/Louisville", "Tuesday, December 1", "8:30\\sPM EST"],
  ]) {
    it(`says ${zone} in ${zone}, as a place`, async () => {
      const page = await open("posts/upcoming/", zone!, "2026-11-28T01:30:00Z");
      assert.match(await visibleText(page, ".chat-block .chat-local"), new RegExp(`^Your time: ${date}, 2026 at ${time}\\s+\\(${place(zone!)}\\)$`));
      await done(page);
    });
  }

  it("says the current name in every zone Chromium gives by a replaced one", async () => {
    for (const zone of new Set(Object.values(CURRENT_ZONE_NAMES))) {
      const page = await open("posts/upcoming/", zone, "2026-11-28T01:30:00Z");
      assert.ok((await visibleText(page, ".chat-block .chat-local")).endsWith(` (${place(zone)})`), zone);
      await done(page);
    }
  });
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
        await done(page);
      });
    }
  }

  it("once the chat has ended, on a page built before, names it so and hides the ways to add it to a calendar", async () => {
    const before = await open("posts/upcoming/", "Asia/Tokyo", "2026-12-02T02:00:00Z");
    assert.equal(await before.locator(".chat-block h2").textContent(), "Join the chat");
    assert.deepEqual(await before.locator(".chat-calendar a").filter({ visible: true }).allInnerTexts(), ["Calendar file (.ics)", "Google Calendar", "Outlook.com", "Outlook (work or school)", "Subscribe to every chat"]);
    assert.equal(await before.locator(".chat-converter").isVisible(), true);
    await done(before);
    const after = await open("posts/upcoming/", "Asia/Tokyo", "2026-12-02T02:30:00Z");
    assert.equal(await after.locator(".chat-block h2").textContent(), "The chat");
    assert.equal(await visibleText(after, ".chat-block .chat-status"), "This chat has ended.");
    assert.deepEqual(await after.locator(".chat-calendar a").filter({ visible: true }).allInnerTexts(), ["Subscribe to every chat"]);
    assert.equal(await after.locator(".chat-converter").isVisible(), false);
    await done(after);
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

describe("the countdown, rounded so it can be trusted at a glance", { skip }, () => {
  // The chat starts at 2026-12-02T01:30:00Z. Under 59 minutes: minutes rounded up. To
  // 47 1/2 hours: the nearest hour. Beyond: the nearest day. A half counts down.
  const cases: Array<[string, string, string]> = [
    ["2026-11-25T03:30:00Z", "Starts in 7 days", "6 days 22 hours before"],
    ["2026-11-29T13:29:00Z", "Starts in 3 days", "2 1/2 days and a minute before"],
    ["2026-11-29T13:30:00Z", "Starts in 2 days", "2 1/2 days before"],
    ["2026-11-30T01:31:00Z", "Starts in 2 days", "47 hours 59 minutes before"],
    ["2026-11-30T01:59:00Z", "Starts in 2 days", "47 hours 31 minutes before"],
    ["2026-11-30T02:00:00Z", "Starts in 47 hours", "47 1/2 hours before"],
    ["2026-11-30T13:30:00Z", "Starts in 36 hours", "a day and a half before"],
    ["2026-12-01T01:30:00Z", "Starts in 24 hours", "a day before"],
    ["2026-12-01T20:31:00Z", "Starts in 5 hours", "4 hours 59 minutes before"],
    ["2026-12-01T23:59:00Z", "Starts in 2 hours", "1 1/2 hours and a minute before"],
    ["2026-12-02T00:00:00Z", "Starts in 1 hour", "1 1/2 hours before"],
    ["2026-12-02T00:29:00Z", "Starts in 1 hour", "61 minutes before"],
    ["2026-12-02T00:30:30Z", "Starts in 1 hour", "59 1/2 minutes before"],
    ["2026-12-02T00:30:59Z", "Starts in 1 hour", "59 minutes 1 second before"],
    ["2026-12-02T00:31:00Z", "Starts in 59 minutes", "59 minutes before"],
    ["2026-12-02T01:00:00Z", "Starts in 30 minutes", "half an hour before"],
    ["2026-12-02T01:29:30Z", "Starts in 1 minute", "30 seconds before"],
    ["2026-12-02T01:29:59.999Z", "Starts in 1 minute", "a millisecond before"],
    ["2026-12-02T01:30:00Z", "Live now", "at the start"],
    ["2026-12-02T02:29:59.999Z", "Live now", "a millisecond before the end"],
  ];
  for (const [now, expected, when] of cases) {
    it(`says "${expected}" ${when}`, async () => {
      const page = await open("posts/upcoming/", "Asia/Tokyo", now);
      assert.equal(await visibleText(page, ".chat-block .chat-status"), expected);
      await done(page);
    });
  }

  // Every text the status shows, in order, while the page stays open from `from` for `ms`.
  async function watch(from: string, ms: number): Promise<string[]> {
    const page = await openRunning("posts/upcoming/", "UTC", from);
    await page.evaluate(() => {
      const status = document.querySelector(".chat-block .chat-status")!;
      const seen = [status.textContent!];
      (window as any).__seen = seen;
      // Each change, in order, even if the observer hears of several at once.
      new MutationObserver((records) => {
        for (const r of records) r.addedNodes.forEach((n) => seen.push(n.textContent!));
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.clock.runFor(ms);
    const seen = await page.evaluate(() => (window as any).__seen as string[]);
    await done(page);
    return seen;
  }
  const counting = (n: number, unit: string) => Array.from({ length: n }, (_, i) => `Starts in ${n - i} ${unit}${n - i === 1 ? "" : "s"}`);

  it("counts down the last hours in order, each text once: never 0 or 60 minutes", async () => {
    // From 1 1/2 hours and a minute before the start to the end.
    assert.deepEqual(await watch("2026-12-01T23:59:00Z", 2.5 * 3_600_000 + 60_000), [...counting(2, "hour"), ...counting(59, "minute"), "Live now", "This chat has ended."]);
  });

  it("goes from days to hours at 47 1/2 hours, never saying 48 hours", async () => {
    assert.deepEqual(await watch("2026-11-30T01:59:00Z", 2 * 60_000), ["Starts in 2 days", "Starts in 47 hours"]);
    assert.deepEqual(await watch("2026-11-29T13:29:00Z", 2 * 60_000), ["Starts in 3 days", "Starts in 2 days"]);
  });

  it("reads naturally in the page's language when it is not English", async () => {
    for (const [now, expected] of [
      ["2026-11-30T01:31:00Z", "in 2 Tagen"],
      ["2026-12-01T20:30:00Z", "in 5 Stunden"],
      ["2026-12-02T00:30:30Z", "in 1 Stunde"],
      ["2026-12-02T01:15:00Z", "in 15 Minuten"],
    ]) {
      const page = await open("posts/upcoming/", "Europe/Berlin", now!, { lang: "de" });
      assert.equal(await visibleText(page, ".chat-block .chat-status"), expected);
      assert.match(await visibleText(page, ".chat-block .chat-local"), /Mittwoch, 2\. Dezember 2026 um 02:30 MEZ \(Berlin\)$/);
      await done(page);
    }
  });
});

describe("the status while the page stays open", { skip }, () => {
  it("says \"Live now\" at the start itself, not up to 30 s later", async () => {
    const page = await openRunning("posts/upcoming/", "Asia/Tokyo", "2026-12-02T01:29:10Z");
    assert.equal(await visibleText(page, ".chat-block .chat-status"), "Starts in 1 minute");
    await page.clock.runFor(49_999);
    assert.equal(await visibleText(page, ".chat-block .chat-status"), "Starts in 1 minute");
    await page.clock.runFor(1);
    assert.equal(await visibleText(page, ".chat-block .chat-status"), "Live now");
    await done(page);
  });

  it("changes the minutes when the time left passes a whole minute", async () => {
    const page = await openRunning("posts/upcoming/", "Asia/Tokyo", "2026-12-02T01:27:40Z");
    assert.equal(await visibleText(page, ".chat-block .chat-status"), "Starts in 3 minutes");
    await page.clock.runFor(20_000);
    assert.equal(await visibleText(page, ".chat-block .chat-status"), "Starts in 2 minutes");
    await page.clock.runFor(60_000);
    assert.equal(await visibleText(page, ".chat-block .chat-status"), "Starts in 1 minute");
    await done(page);
  });

  it("changes from 1 hour to 59 minutes at 59 minutes left", async () => {
    const page = await openRunning("posts/upcoming/", "Asia/Tokyo", "2026-12-02T00:30:45Z");
    assert.equal(await visibleText(page, ".chat-block .chat-status"), "Starts in 1 hour");
    await page.clock.runFor(14_999);
    assert.equal(await visibleText(page, ".chat-block .chat-status"), "Starts in 1 hour");
    await page.clock.runFor(1);
    assert.equal(await visibleText(page, ".chat-block .chat-status"), "Starts in 59 minutes");
    await done(page);
  });

  it("says the chat has ended, and hides the calendar links, at the end itself", async () => {
    const page = await openRunning("posts/upcoming/", "Asia/Tokyo", "2026-12-02T02:29:45Z");
    assert.equal(await visibleText(page, ".chat-block .chat-status"), "Live now");
    await page.clock.runFor(15_000);
    assert.equal(await visibleText(page, ".chat-block .chat-status"), "This chat has ended.");
    assert.equal(await page.locator(".chat-block h2").textContent(), "The chat");
    assert.deepEqual(await page.locator(".chat-calendar a").filter({ visible: true }).allInnerTexts(), ["Subscribe to every chat"]);
    await done(page);
  });

  it("moves the home page to the next chat at the end itself", async () => {
    const page = await openRunning("", "America/Los_Angeles", "2026-12-02T02:29:45Z");
    assert.equal(await visibleText(page, ".next-chat h1 a"), "The upcoming chat");
    await page.clock.runFor(15_000);
    assert.equal(await visibleText(page, ".next-chat h1 a"), "The chat after that");
    await done(page);
  });

  it("is not a live region and is not rewritten while it says the same (nothing to re-announce)", async () => {
    const page = await openRunning("posts/upcoming/", "Asia/Tokyo", "2026-11-28T01:30:00Z");
    assert.equal(await page.locator(".chat-block .chat-status").getAttribute("aria-live"), null);
    assert.equal(await page.locator(".chat-block .chat-status").getAttribute("role"), null);
    await page.evaluate(() => {
      (window as any).__changes = 0;
      for (const el of document.querySelectorAll(".chat-status, .chat-local-time")) {
        new MutationObserver((records) => ((window as any).__changes += records.length)).observe(el, { childList: true, characterData: true, subtree: true });
      }
    });
    await page.clock.runFor(5 * 60_000);
    assert.equal(await visibleText(page, ".chat-block .chat-status"), "Starts in 4 days");
    assert.equal(await page.evaluate(() => (window as any).__changes), 0);
    await done(page);
  });
});

describe("the home page's next chat", { skip }, () => {
  it("shows the first upcoming chat with its local time and status", async () => {
    const page = await open("", "Asia/Tokyo", "2026-11-30T01:30:00Z");
    assert.equal(await visibleText(page, ".next-chat h1 a"), "The upcoming chat");
    assert.match(await visibleText(page, ".next-chat .chat-local"), /December 2, 2026 at 10:30\sAM/);
    assert.equal(await visibleText(page, ".next-chat .chat-status"), "Starts in 2 days");
    await done(page);
  });

  it("moves to the next chat once the first has ended, on a page built before", async () => {
    const page = await open("", "America/Los_Angeles", "2026-12-02T03:00:00Z");
    assert.equal(await visibleText(page, ".next-chat h1 a"), "The chat after that");
    assert.equal(await page.locator(".next-chat h1 a").filter({ visible: true }).count(), 1);
    assert.match(await visibleText(page, ".next-chat .chat-when"), /^Tuesday, December 8, 2026, 8:30 PM EST/);
    // Dec 9 01:30 UT is Tue Dec 8 17:30 in Los Angeles (PST).
    assert.match(await visibleText(page, ".next-chat .chat-local"), /Tuesday, December 8, 2026 at 5:30\sPM PST/);
    // 6 days 22 1/2 hours ahead: the nearest whole day.
    assert.equal(await visibleText(page, ".next-chat .chat-status"), "Starts in 7 days");
    await done(page);
  });

  it("says none is announced, and when chats usually are, once every embedded chat has ended", async () => {
    const page = await open("", "Asia/Tokyo", "2027-01-01T00:00:00Z");
    assert.equal(await page.locator(".next-chat h1 a").filter({ visible: true }).count(), 0);
    assert.equal(await visibleText(page, ".next-chat h1"), "Next chat: not announced yet");
    assert.equal(await visibleText(page, ".next-chat .chat-usual"), "Chats are usually on Tuesdays at 8:30 PM EST; the next announcement is coming.");
    await done(page);
  });
});
