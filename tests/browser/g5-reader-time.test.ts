// The reader's own time as screen readers get it, and the chat's change of state announced
// once, in Debian's Chromium with emulated zones and a controlled page clock. The fixture's
// upcoming chat is Tue Dec 1 2026 20:30 EST = Wed Dec 2 01:30–02:30 UT.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { BROWSER_SKIP, launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildSite, FIXTURE_SITE } from "../helpers/build-site.ts";

const skip = BROWSER_SKIP;
let server: StaticServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  const site = await buildSite(FIXTURE_SITE, { env: { CHATPOST_NOW: "2026-11-24T12:00:00Z" } });
  server = await serveStatic(site.out);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(timezoneId: string, now: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId, locale: "en-US" });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(now));
  await page.goto(new URL("posts/upcoming/", server.url).href, { waitUntil: "load" });
  return page;
}

/** A page left open from `time` (its clock paused there once loaded), moved on with page.clock.runFor. */
async function openRunning(timezoneId: string, time: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId, locale: "en-US" });
  const page = await context.newPage();
  await page.clock.install({ time: new Date(Date.parse(time) - 10_000) });
  await page.goto(new URL("posts/upcoming/", server.url).href, { waitUntil: "load" });
  await page.clock.pauseAt(new Date(time));
  return page;
}

describe("the reader's time, as a screen reader gets it", { skip }, () => {
  it("names the reader's zone as a place, never by its ID with underscores", async () => {
    const page = await open("America/Los_Angeles", "2026-11-28T01:30:00Z");
    const snapshot = await page.locator(".chat-block .chat-local").ariaSnapshot();
    assert.match(snapshot, /time: Tuesday, December 1, 2026 at 5:30\sPM PST \(Los Angeles\)/);
    assert.doesNotMatch(snapshot, /_|America\//);
    // The host's time in the chat block (written by the build) gives the long name for the abbreviation.
    assert.match(await page.locator(".chat-block .chat-when").ariaSnapshot(), /Eastern Standard Time/);
    await page.context().close();
  });

  it("leaves an offset name (GMT+9) as it is, and names a zone with underscores and areas by its place", async () => {
    for (const [zone, said] of [
      ["Asia/Tokyo", /time: Wednesday, December 2, 2026 at 10:30\sAM GMT\+9 \(Tokyo\)$/m],
      ["America/Argentina/Buenos_Aires", /time: Tuesday, December 1, 2026 at 10:30\sPM GMT-3 \(Buenos Aires\)$/m],
      ["Europe/Kiev", /time: Wednesday, December 2, 2026 at 3:30\sAM GMT\+2 \(Kyiv\)$/m],
      ["America/Indiana/Indianapolis", /time: Tuesday, December 1, 2026 at 8:30\sPM EST \(Indianapolis\)$/m],
      ["Etc/GMT+5", /time: Tuesday, December 1, 2026 at 8:30\sPM GMT-5$/m],
    ] as const) {
      const page = await open(zone, "2026-11-28T01:30:00Z");
      assert.match(await page.locator(".chat-block .chat-local").ariaSnapshot(), said, zone);
      await page.context().close();
    }
  });
});

describe("the change of state, announced once", { skip }, () => {
  it("says \"Live now\" at the start and \"This chat has ended.\" at the end, in a status region, and nothing each minute", async () => {
    const page = await openRunning("Asia/Tokyo", "2026-12-02T01:20:00Z");
    const region = page.locator(".chat-block [data-chat-announce]");
    assert.equal(await region.getAttribute("role"), "status");
    assert.equal(await region.textContent(), "", "nothing is announced on load");
    // The status line is no live region, and no region holds it.
    assert.equal(await page.locator(".chat-block .chat-status").evaluate((el) => el.closest("[role=status], [aria-live]") === null), true);
    // Every text the region is given while the page stays open.
    await page.evaluate(() => {
      const el = document.querySelector(".chat-block [data-chat-announce]")!;
      (window as any).told = [];
      new MutationObserver(() => (window as any).told.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
    });
    await page.clock.runFor(9 * 60_000);
    assert.equal(await page.locator(".chat-block .chat-status").textContent(), "Starts in 1 minute");
    assert.equal(await region.textContent(), "");
    await page.clock.runFor(61_000);
    assert.equal(await page.locator(".chat-block .chat-status").textContent(), "Live now");
    assert.equal(await region.textContent(), "Live now");
    await page.clock.runFor(61 * 60_000);
    assert.equal(await page.locator(".chat-block .chat-status").textContent(), "This chat has ended.");
    assert.equal(await region.textContent(), "This chat has ended.");
    await page.clock.runFor(10 * 60_000);
    assert.deepEqual(await page.evaluate(() => (window as any).told), ["Live now", "This chat has ended."]);
    await page.context().close();
  });

  it("announces nothing on a page opened while the chat is live or after it", async () => {
    for (const now of ["2026-12-02T02:00:00Z", "2026-12-02T03:00:00Z"]) {
      const page = await openRunning("Asia/Tokyo", now);
      await page.clock.runFor(5 * 60_000);
      assert.equal(await page.locator(".chat-block [data-chat-announce]").textContent(), "", now);
      await page.context().close();
    }
  });
});
