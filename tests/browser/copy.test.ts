// The reader's helpers in a real browser: copy buttons put `T1 … #hashtag` on the
// clipboard, by mouse and by keyboard; without JavaScript they are absent and the
// share links still work; the skip link and focus styles are visible; print keeps
// the words and drops the controls.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { browserAvailable, launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildSite, PROJECT, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";
import { topicCopyText } from "../../lib/share-links.ts";

const skip = browserAvailable() ? false : "Debian's chromium is not installed (apt-get install chromium)";

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let withJs: BrowserContext;
let withoutJs: BrowserContext;
let postPath: string;

before(async () => {
  if (skip) return;
  site = await buildSite(PROJECT);
  server = await serveStatic(site.out);
  browser = await launchBrowser();
  withJs = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  withoutJs = await browser.newContext({ javaScriptEnabled: false });
  // A post with topics, found in the output rather than named here.
  postPath = site
    .files()
    .filter((f) => /^posts\/[^/]+\/index\.html$/.test(f))
    .find((f) => dom(site.read(f)).querySelectorAll(".topic-list > li").length >= 2)!
    .replace(/index\.html$/, "");
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(new URL(postPath, server.url).href, { waitUntil: "load" });
  return page;
}

/** What the copy of topic `i` should be, from the built page itself. */
function expectedCopy(i: number): string {
  const doc = dom(site.read(`${postPath}index.html`));
  const li = doc.querySelectorAll(".topic-list > li")[i]!;
  // The hashtag is left off when the question holds it (lib/share-links.ts, tested on its own).
  return topicCopyText(text(li.querySelector(".topic-label")), text(li.querySelector(".topic-text")), text(doc.querySelector(".chat-hashtag")));
}

describe("copy buttons and share links in the browser", { skip }, () => {
  it("shows one copy button per topic, and a click puts `T2 <topic> #hashtag` on the clipboard", async () => {
    const page = await open(withJs);
    const buttons = page.locator(".topic-list .copy-topic");
    assert.equal(await buttons.count(), await page.locator(".topic-list > li").count());
    assert.ok(await buttons.nth(1).isVisible());
    await buttons.nth(1).click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expectedCopy(1));
    assert.match((await buttons.nth(1).textContent()) ?? "", /^Copied/);
    assert.equal(await page.locator(".topics [role=status]").textContent(), `Copied: ${expectedCopy(1)}`);
    await page.close();
  });

  it("copies with the keyboard too, and the focused button shows a focus ring", async () => {
    const page = await open(withJs);
    const first = page.locator(".topic-list .copy-topic").first();
    await first.focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expectedCopy(0));
    // Focus moved by keyboard matches :focus-visible; the outline is drawn.
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle + " " + getComputedStyle(el).outlineWidth);
    assert.equal(outline, "solid 3px");
    await page.close();
  });

  it("without JavaScript: no copy button, the topic text is there, and the share links are plain links", async () => {
    const page = await open(withoutJs);
    assert.equal(await page.locator(".copy-topic:visible").count(), 0);
    assert.ok(await page.locator(".topic-list .topic-text").first().isVisible());
    const hrefs = await page.locator(".share-links a").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    assert.ok(hrefs.length >= 4);
    for (const href of hrefs) assert.match(href, /^(https:\/\/|mailto:)/);
    assert.ok(await page.locator(".share-links a").first().isVisible());
    await page.close();
  });

  it("prints without navigation, share links or copy buttons, with the join link's address written out", async () => {
    const page = await open(withJs);
    await page.emulateMedia({ media: "print" });
    for (const selector of [".site-nav", ".share", ".copy-topic", ".skip-link"]) {
      assert.equal(await page.locator(`${selector}:visible`).count(), 0, `${selector} is hidden in print`);
    }
    const join = page.locator(".chat-block dd a").first();
    const href = await join.getAttribute("href");
    const after = await join.evaluate((a) => getComputedStyle(a, "::after").content);
    assert.equal(after, `" <${href}>"`);
    assert.ok(await page.locator(".references").isVisible());
    // Paper has no address bar: the page's own address is printed, and only on paper.
    const address = page.locator(".print-address");
    assert.ok(await address.isVisible());
    assert.equal(await address.textContent(), `Online at ${await page.locator('link[rel="canonical"]').getAttribute("href")}`);
    await page.emulateMedia({ media: "screen" });
    assert.equal(await address.isVisible(), false, "the printed address is not shown on screen");
    await page.close();
  });

  it("the skip link appears on the first Tab and moves focus to the main content", async () => {
    const page = await open(withJs);
    await page.keyboard.press("Tab");
    const skipLink = page.locator(".skip-link");
    assert.equal(await skipLink.evaluate((el) => el === document.activeElement), true);
    const box = await skipLink.boundingBox();
    assert.ok(box && box.y >= 0, "the focused skip link is on screen");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
    await page.close();
  });
});
