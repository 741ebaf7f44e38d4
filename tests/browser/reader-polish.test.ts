// What a reader audit found, in Chromium: boxes drawn by their background stay visible
// in forced colours; print leaves out the screen's moment (the reader's time, the
// countdown) and writes out the site's own links; copy buttons announce a second copy
// and keep "Copied" for 2.5 s after the last click; on a site in another language the
// status line and the copy message say which language they are in.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { BROWSER_SKIP, launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildSite, copySiteWith, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";

const skip = BROWSER_SKIP;

let english: BuiltSite;
let german: BuiltSite;
let englishServer: StaticServer;
let germanServer: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

before(async () => {
  if (skip) return;
  const germanRoot = copySiteWith(FIXTURE_SITE, { settings: (yaml) => yaml.replace(/^language: en-US/m, "language: de-DE") });
  [english, german] = await Promise.all([buildSite(), buildSite(germanRoot)]);
  [englishServer, germanServer] = await Promise.all([serveStatic(english.out), serveStatic(german.out)]);
  browser = await launchBrowser();
});

after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await englishServer?.close();
  await germanServer?.close();
});

async function open(server: StaticServer, url: string, options: Parameters<Browser["newContext"]>[0] = {}, now?: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: "Europe/Berlin", ...options });
  contexts.push(context);
  const page = await context.newPage();
  if (now) await page.clock.setFixedTime(new Date(now));
  await page.goto(new URL(url, server.url).href, { waitUntil: "load" });
  return page;
}

// The fixture's upcoming chat: Tue Dec 1 2026 20:30 EST = Wed Dec 2 01:30 UT, for an hour.
const BEFORE_CHAT = "2026-11-25T01:30:00Z";
const DURING_CHAT = "2026-12-02T02:00:00Z";
const AFTER_CHAT = "2026-12-02T03:00:00Z";

describe("forced colours (Windows high contrast)", { skip }, () => {
  it("draws a border round the chat block, the next chat and the topic labels", async () => {
    for (const [url, selector] of [["posts/upcoming/", ".chat-block"], ["posts/upcoming/", ".topic-label"], ["", ".next-chat"]] as const) {
      const page = await open(englishServer, url, { forcedColors: "active" }, BEFORE_CHAT);
      assert.equal(await page.evaluate(() => matchMedia("(forced-colors: active)").matches), true);
      const border = await page.locator(selector).first().evaluate((el) => {
        const style = getComputedStyle(el);
        return { style: style.borderTopStyle, width: parseFloat(style.borderTopWidth), color: style.borderTopColor, background: style.backgroundColor };
      });
      assert.equal(border.style, "solid", selector);
      assert.ok(border.width >= 1, `${selector}: ${border.width}px`);
      // Forced colours replace the transparent border with the text colour: not transparent, not the page's.
      assert.doesNotMatch(border.color, /^(transparent|rgba\(\d+, \d+, \d+, 0\))$/, selector);
      assert.notEqual(border.color, border.background, selector);
      await page.close();
    }
  });

  it("keeps the boxes' look in ordinary colours (the border is transparent)", async () => {
    const page = await open(englishServer, "posts/upcoming/", {}, BEFORE_CHAT);
    const color = await page.locator(".chat-block").evaluate((el) => getComputedStyle(el).borderTopColor);
    assert.equal(color, "rgba(0, 0, 0, 0)");
    await page.close();
  });
});

describe("print", { skip }, () => {
  it("leaves out the reader's time and the countdown", async () => {
    const page = await open(englishServer, "posts/upcoming/", {}, BEFORE_CHAT);
    for (const selector of [".chat-block .chat-local", ".chat-block .chat-status"]) assert.ok(await page.locator(selector).isVisible(), `${selector} on screen`);
    await page.emulateMedia({ media: "print" });
    for (const selector of [".chat-block .chat-local", ".chat-block .chat-status"]) assert.equal(await page.locator(selector).isVisible(), false, `${selector} in print`);
    assert.ok(await page.locator(".chat-block .chat-when").isVisible());
    await page.close();
  });

  it("writes out the path of a link to the site's own page or file, not of a link within the page", async () => {
    const page = await open(englishServer, "posts/after-dst/", {}, BEFORE_CHAT);
    await page.emulateMedia({ media: "print" });
    const own = await page.locator('.post-body a[href^="/"]').evaluateAll((links) =>
      links.map((a) => ({ href: a.getAttribute("href"), after: getComputedStyle(a, "::after").content })),
    );
    assert.ok(own.length >= 2, "the post links to another post and to a file");
    for (const { href, after } of own) assert.equal(after, `" <${href}>"`);
    assert.ok(own.some(({ href }) => href === "/posts/online-communities/#t2"));
    const inPage = await page.locator('a[href^="#"]').evaluateAll((links) => links.map((a) => getComputedStyle(a, "::after").content));
    for (const after of inPage) assert.equal(after, "none");
    await page.close();
  });

  it("wraps a wide table and a long code line on paper, and writes an address once", async () => {
    const page = await open(englishServer, "posts/after-dst/", { viewport: { width: 718, height: 1000 } }, BEFORE_CHAT);
    // Markup as lib/markdown.ts writes it, for a table, a code block and links.
    await page.locator(".post-body").evaluate((body) => {
      const cells = Array.from({ length: 8 }, (_, i) => `<td>interprofessionalcollaborationnotes${i}</td>`).join("");
      body.insertAdjacentHTML(
        "beforeend",
        `<section class="table-scroll" tabindex="0" aria-label="Wide"><table><thead><tr>${cells.replace(/td>/g, "th>")}</tr></thead><tbody><tr>${cells}</tr></tbody></table></section>` +
          `<pre tabindex="0"><code>${"const aVeryLongLineOfCode = 1; ".repeat(12)}</code></pre>` +
          `<p><a class="bare-address" href="https://example.org/bare">https://example.org/bare</a> and <a id="worded" href="https://example.org/worded">the slides</a></p>`,
      );
    });
    await page.emulateMedia({ media: "print" });
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll(".post-body .table-scroll, .post-body pre")].map((el) => el.scrollWidth - el.clientWidth),
    );
    assert.deepEqual(cut, [0, 0], "nothing runs past the edge of the paper");
    const after = (selector: string) => page.locator(selector).evaluate((a) => getComputedStyle(a, "::after").content);
    assert.equal(await after(".post-body a.bare-address"), "none");
    assert.equal(await after("#worded"), '" <https://example.org/worded>"');
    await page.close();
  });
});

describe("copy buttons", { skip }, () => {
  it("announce the same copy a second time: the status is emptied, then written again", async () => {
    const page = await open(englishServer, "posts/online-communities/", { permissions: ["clipboard-read", "clipboard-write"] });
    const button = page.locator(".topic-list .copy-topic").first();
    await button.click();
    const status = page.locator(".topics [role=status]");
    await assert.doesNotReject(status.filter({ hasText: /^Copied: / }).waitFor());
    const first = await status.textContent();
    // What a screen reader sees change: the status's text at each change.
    await page.evaluate(() => {
      const el = document.querySelector(".topics [role=status]")!;
      (window as any).seen = [];
      new MutationObserver(() => (window as any).seen.push(el.textContent)).observe(el, { childList: true, subtree: true, characterData: true });
    });
    await button.click();
    await page.waitForFunction(() => (window as any).seen.at(-1)?.startsWith("Copied: "));
    const seen = (await page.evaluate(() => (window as any).seen)) as string[];
    assert.deepEqual(seen, ["", first]);
    await page.close();
  });

  it("keep \"Copied\" for 2.5 seconds after the last click, not the first", async () => {
    const page = await open(englishServer, "posts/online-communities/", { permissions: ["clipboard-read", "clipboard-write"] });
    const button = page.locator(".topic-list .copy-topic").first();
    await button.click();
    await page.waitForTimeout(1800);
    await button.click();
    // 2.5 s after the first click, 0.7 s after the second.
    await page.waitForTimeout(700);
    assert.match((await button.textContent()) ?? "", /^Copied/);
    await page.waitForFunction(() => document.querySelector(".topic-list .copy-topic")!.textContent!.startsWith("Copy "), undefined, { timeout: 3000 });
    await page.close();
  });
});

describe("a site in German", { skip }, () => {
  const statusOf = (page: Page) =>
    page.locator(".chat-block .chat-status").evaluate((el) => ({ text: el.textContent, lang: el.closest("[lang]")!.getAttribute("lang"), own: el.getAttribute("lang") }));

  it("says the countdown in German, and \"Live now\" and \"This chat has ended.\" in English", async () => {
    let page = await open(germanServer, "posts/upcoming/", { locale: "de-DE" }, BEFORE_CHAT);
    assert.deepEqual(await statusOf(page), { text: "in 7 Tagen", lang: "de-DE", own: "de-DE" });
    await page.close();
    page = await open(germanServer, "posts/upcoming/", { locale: "de-DE" }, DURING_CHAT);
    assert.deepEqual(await statusOf(page), { text: "Live now", lang: "en", own: "en" });
    await page.close();
    page = await open(germanServer, "posts/upcoming/", { locale: "de-DE" }, AFTER_CHAT);
    assert.deepEqual(await statusOf(page), { text: "This chat has ended.", lang: "en", own: "en" });
    await page.close();
  });

  it("reads the copy message in English and the copied question in German", async () => {
    const page = await open(germanServer, "posts/online-communities/", { locale: "de-DE", permissions: ["clipboard-read", "clipboard-write"] });
    const button = page.locator(".topic-list .copy-topic").first();
    assert.equal(await button.getAttribute("lang"), "en");
    await button.click();
    const status = page.locator(".topics [role=status]");
    await status.filter({ hasText: /^Copied: / }).waitFor();
    assert.equal(await status.getAttribute("lang"), "en");
    const copied = status.locator("span");
    assert.equal(await copied.getAttribute("lang"), "de-DE");
    assert.equal(await copied.textContent(), await page.evaluate(() => navigator.clipboard.readText()));
    await page.close();
  });

  it("leaves an English site's status without a lang of its own", async () => {
    const page = await open(englishServer, "posts/upcoming/", {}, DURING_CHAT);
    assert.deepEqual(await statusOf(page), { text: "Live now", lang: "en-US", own: null });
    await page.close();
  });
});
