// Screenshots of the home page and an announcement at phone and desktop widths, light
// and dark, for a person to look at when the design changes (test-results/screenshots/).
// The assertions are what a reader on a phone needs: nothing wider than the screen,
// the chat block on the first screen of a 375×667 phone, and readable reference lists.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { browserAvailable, launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildSite, copySite, FIXTURE_SITE, PROJECT, type BuiltSite } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

export const SCREENSHOTS = path.join(PROJECT, "test-results/screenshots");

const skip = browserAvailable() ? false : "Debian's chromium is not installed (apt-get install chromium)";

let site: BuiltSite;
let server: StaticServer;
/** The fixture site with a numeric citation style (Vancouver), for the reference layout. */
let numeric: BuiltSite;
let numericServer: StaticServer;
let browser: Browser;
let postUrl: string;

before(async () => {
  if (skip) return;
  const numericRoot = copySite(FIXTURE_SITE);
  const settingsFile = path.join(numericRoot, "content/_data/site.yaml");
  writeFileSync(settingsFile, readFileSync(settingsFile, "utf8").replace(/^(\s+style:\s*)\S+/m, "$1vancouver"));
  [site, numeric] = await Promise.all([buildSite(PROJECT), buildSite(numericRoot)]);
  server = await serveStatic(site.out);
  numericServer = await serveStatic(numeric.out);
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The announcement the home page leads with (the next chat), else the newest post.
  const home = dom(site.read("index.html"));
  postUrl = (home.querySelector(".next-chat a") ?? home.querySelector(".posts a"))!.getAttribute("href")!;
});

after(async () => {
  await browser?.close();
  await server?.close();
  await numericServer?.close();
});

const WIDTHS = [
  { name: "375", width: 375, height: 667 },
  { name: "1280", width: 1280, height: 800 },
] as const;

async function openPage(width: number, height: number, scheme: "light" | "dark", url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(new URL(url.replace(/^\//, ""), server.url).href, { waitUntil: "load" });
  return page;
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe("screenshots and the first screen on a phone", { skip }, () => {
  for (const scheme of ["light", "dark"] as const) {
    for (const { name, width, height } of WIDTHS) {
      it(`home and post at ${name} px, ${scheme}: saved, and nothing wider than the screen`, async () => {
        for (const [kind, url] of [["home", "/"], ["post", postUrl]] as const) {
          const page = await openPage(width, height, scheme, url);
          const file = path.join(SCREENSHOTS, `${kind}-${name}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          assert.ok(statSync(file).size > 1000, `${file} is a real picture`);
          assert.equal(await horizontalOverflow(page), 0, `${kind} at ${width} px scrolls sideways`);
          await page.context().close();
        }
      });
    }
  }

  it("follows the reader's colour scheme: light background in light mode, dark in dark mode", async () => {
    const luminance = async (scheme: "light" | "dark") => {
      const page = await openPage(375, 667, scheme, postUrl);
      const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number));
      await page.context().close();
      return rgb.reduce((sum, c) => sum + c, 0) / (3 * 255);
    };
    assert.ok((await luminance("light")) > 0.9);
    assert.ok((await luminance("dark")) < 0.15);
  });

  it("hangs the second line of author-date references, and puts numeric references' numbers in their own column", async () => {
    const page = await openPage(375, 667, "light", postUrl);
    const apa = await page.locator(".references > li").first().evaluate((li) => [parseFloat(getComputedStyle(li).textIndent), parseFloat(getComputedStyle(li).paddingLeft)]);
    assert.ok(apa[0]! < 0 && apa[1]! === -apa[0]!, `text-indent ${apa[0]}, padding-left ${apa[1]}`);
    await page.context().close();

    const numericPage = await browser.newPage({ viewport: { width: 375, height: 667 } });
    await numericPage.goto(new URL("posts/online-communities/", numericServer.url).href);
    const entry = numericPage.locator(".references > li").first();
    const number = (await entry.locator(".csl-left-margin").boundingBox())!;
    const body = (await entry.locator(".csl-right-inline").boundingBox())!;
    assert.ok(body.x >= number.x + number.width, "the entry starts right of its number");
    assert.ok(Math.abs(body.y - number.y) < 2, "number and entry start on the same line");
    await numericPage.screenshot({ path: path.join(SCREENSHOTS, "references-vancouver-375.png"), fullPage: true });
    await numericPage.close();
  });

  it("fits 320 px without sideways scrolling", async () => {
    for (const url of ["/", postUrl, "/about/"]) {
      const page = await openPage(320, 568, "light", url);
      assert.equal(await horizontalOverflow(page), 0, `${url} at 320 px scrolls sideways`);
      await page.context().close();
    }
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`shows the whole chat block on the first screen of a 375×667 phone (${scheme}; saved as post-375x667-first-screen-${scheme}.png)`, async () => {
      const page = await openPage(375, 667, scheme, postUrl);
      await page.screenshot({ path: path.join(SCREENSHOTS, `post-375x667-first-screen-${scheme}.png`) });
      const box = await page.locator(".chat-block").boundingBox();
      assert.ok(box, "the post has a chat block");
      assert.ok(box.y >= 0 && box.y + box.height <= 667, `the chat block spans ${Math.round(box.y)}–${Math.round(box.y + box.height)} px; the screen ends at 667`);
      await page.context().close();
    });
  }
});
