// Tap targets and the site navigation in Debian's Chromium, at a 360 px phone and a
// desktop: the tags index's pills are links as big as they look, the footer's links are
// at least 24 px targets (WCAG 2.2, 2.5.8), and the navigation, tags index included,
// fits the screen with every link reachable.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { BROWSER_SKIP, servedSite } from "../helpers/browser.ts";
import { buildSite, PROJECT } from "../helpers/build-site.ts";

const skip = BROWSER_SKIP;
const served = servedSite(() => buildSite(PROJECT));

const VIEWPORTS = [
  { name: "360 px phone", width: 360, height: 740 },
  { name: "1280 px desktop", width: 1280, height: 800 },
] as const;

interface Box { text: string; x: number; y: number; width: number; height: number }

async function openPage(width: number, height: number, path: string): Promise<Page> {
  const context = await served.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(new URL(path, served.server.url).href, { waitUntil: "load" });
  return page;
}

/** The boxes of the elements matching `selector`, with their text. */
function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: (el.textContent ?? "").trim(), x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function assertNoOverlap(list: Box[], what: string): void {
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) assert.ok(!overlap(list[i]!, list[j]!), `${what}: “${list[i]!.text}” and “${list[j]!.text}” overlap`);
  }
}

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("tap targets and navigation", { skip }, () => {
  for (const { name, width, height } of VIEWPORTS) {
    it(`makes each pill of the tags index the link itself, 44 px tall (${name})`, async () => {
      const page = await openPage(width, height, "tags/");
      const pills = await boxes(page, ".tag-list a");
      assert.ok(pills.length >= 2, "the tags index lists tags");
      for (const pill of pills) assert.ok(pill.height >= 44 && pill.width >= 44, `“${pill.text}” is ${pill.width}×${pill.height}`);
      assertNoOverlap(pills, "tag pills");
      // The pill's border is the link's, so what looks like the button is the target.
      const borders = await page.locator(".tag-list li").first().evaluate((li) => [getComputedStyle(li).borderTopWidth, getComputedStyle(li.querySelector("a")!).borderTopWidth]);
      assert.deepEqual(borders.map((w) => parseFloat(w) > 0), [false, true]);
      assert.equal(await sidewaysScroll(page), 0);
      await page.context().close();
    });

    it(`makes every footer link a target at least 24 px tall and wide, none overlapping (${name})`, async () => {
      const page = await openPage(width, height, "");
      const links = await boxes(page, ".site-footer a");
      assert.ok(links.some((l) => /calendar/.test(l.text)) && links.some((l) => /\.ics/.test(l.text)), "the footer has the calendar links");
      for (const link of links) assert.ok(link.height >= 24 && link.width >= 24, `“${link.text}” is ${link.width}×${link.height}`);
      assertNoOverlap(links, "footer links");
      await page.context().close();
    });

    it(`shows the whole navigation, Tags included, on screen with 24 px targets and no sideways scrolling (${name})`, async () => {
      const post = served.site.files().find((f) => /^posts\/[^/]+\/index\.html$/.test(f))!.replace(/index\.html$/, "");
      for (const path of ["", "tags/", "search/", "archive/", post]) {
        const page = await openPage(width, height, path);
        const links = await boxes(page, ".site-nav a");
        assert.deepEqual(links.map((l) => l.text), ["Chats", "About", "Archive", "Tags", "Subscribe", "Search"], path);
        for (const link of links) {
          assert.ok(link.height >= 24 && link.width >= 24, `${path}: “${link.text}” is ${link.width}×${link.height}`);
          assert.ok(link.x >= 0 && link.x + link.width <= width, `${path}: “${link.text}” is off the screen`);
        }
        assertNoOverlap(links, `${path} navigation`);
        assert.equal(await sidewaysScroll(page), 0, `${path} scrolls sideways`);
        await page.context().close();
      }
    });
  }

  it("keeps title and navigation on one row of a desktop's header", async () => {
    const page = await openPage(1280, 800, "");
    const [title] = await boxes(page, ".site-title");
    const nav = await boxes(page, ".site-nav a");
    for (const link of nav) assert.ok(Math.abs(link.y + link.height / 2 - (title!.y + title!.height / 2)) < 8, `“${link.text}” is not beside the title`);
    await page.context().close();
  });
});
