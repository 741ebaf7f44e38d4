// A site in a right-to-left language (language: ar-EG) gets <html dir="rtl">, and the
// stylesheet mirrors with it: the references' hanging indent, the blockquote's rule, table
// cells and the skip link sit on the right; a Latin hashtag still reads "#tag". An
// English site keeps left to right. The built HTML is checked without a browser too.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { BROWSER_SKIP, servedSites, type StaticServer } from "../helpers/browser.ts";
import { buildSite, copySiteWith, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

const skip = BROWSER_SKIP;

// A quotation and a table, which the fixture's posts lack.
const QUOTED = {
  "content/posts/2026-11-19-quoted.md": `---
title: A reader wrote
date: 2026-11-19
chat:
  start: 2026-12-22T20:30
---
> Online communities gave me the words to ask my doctor the right questions, long before the clinic did.

| Week | Topic |
|---|---|
| 1 | Listening |
`,
};

const served = servedSites({
  rtl: () => buildSite(copySiteWith(FIXTURE_SITE, { files: QUOTED, settings: (yaml) => yaml.replace(/^language: en-US\b/m, "language: ar-EG") })),
  ltr: () => buildSite(copySiteWith(FIXTURE_SITE, { files: QUOTED })),
});

const pages = (site: BuiltSite) => site.files().filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));

describe("the page's direction in the built HTML", () => {
  it("is dir=rtl on every page of a site in Arabic (ar-EG), with its lang", () => {
    assert.ok(pages(served.sites.rtl).length >= 8);
    for (const file of pages(served.sites.rtl)) {
      const html = dom(served.sites.rtl.read(file)).documentElement;
      assert.equal(html.getAttribute("lang"), "ar-EG", file);
      assert.equal(html.getAttribute("dir"), "rtl", file);
    }
  });

  it("is left to right (no dir, or dir=ltr) on every page of a site in English", () => {
    for (const file of pages(served.sites.ltr)) {
      const html = dom(served.sites.ltr.read(file)).documentElement;
      assert.equal(html.getAttribute("lang"), "en-US", file);
      assert.ok([null, "ltr"].includes(html.getAttribute("dir")), `${file}: dir=${html.getAttribute("dir")}`);
    }
  });
});

async function open(server: StaticServer, url: string, width = 375): Promise<Page> {
  const page = await served.browser.newPage({ viewport: { width, height: 800 }, reducedMotion: "reduce" });
  await page.goto(new URL(url, server.url).href, { waitUntil: "load" });
  return page;
}

/** For each line of the first reference: where its text starts and ends (px), from the text's own boxes. */
async function referenceLines(page: Page): Promise<{ box: { left: number; right: number }; lines: { left: number; right: number }[]; style: { paddingLeft: number; paddingRight: number; textIndent: number; fontSize: number } }> {
  return page.locator(".references > li").first().evaluate((li) => {
    const range = document.createRange();
    range.selectNodeContents(li);
    const lines = new Map<number, { left: number; right: number }>();
    for (const r of range.getClientRects()) {
      if (r.width === 0) continue;
      const top = Math.round(r.top + r.height / 2);
      const key = [...lines.keys()].find((k) => Math.abs(k - top) < 4) ?? top;
      const line = lines.get(key);
      lines.set(key, line ? { left: Math.min(line.left, r.left), right: Math.max(line.right, r.right) } : { left: r.left, right: r.right });
    }
    const box = li.getBoundingClientRect();
    const css = getComputedStyle(li);
    return {
      box: { left: box.left, right: box.right },
      lines: [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, line]) => line),
      style: { paddingLeft: parseFloat(css.paddingLeft), paddingRight: parseFloat(css.paddingRight), textIndent: parseFloat(css.textIndent), fontSize: parseFloat(css.fontSize) },
    };
  });
}

describe("a right-to-left site in the browser", { skip }, () => {
  it("hangs the references' second lines on the right: the first line starts at the right edge, the next 2em in", async () => {
    const page = await open(served.servers.rtl, "posts/online-communities/");
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), "rtl");
    const { box, lines, style } = await referenceLines(page);
    assert.ok(lines.length >= 2, "the first reference takes two lines or more at 375 px");
    const em = style.fontSize;
    assert.equal(style.paddingLeft, 0);
    assert.equal(style.paddingRight, 2 * em);
    assert.equal(style.textIndent, -2 * em);
    assert.ok(Math.abs(lines[0]!.right - box.right) < 1.5, `first line ends ${lines[0]!.right}, the entry ${box.right}`);
    for (const line of lines.slice(1)) assert.ok(Math.abs(line.right - (box.right - 2 * em)) < 1.5, `a later line starts at ${line.right}, not ${box.right - 2 * em}`);
    for (const line of lines) assert.ok(line.left >= box.left - 0.5, "no line runs out of the entry on the left");
    await page.close();
  });

  it("draws the blockquote's rule on the right, the quotation padded from it", async () => {
    const page = await open(served.servers.rtl, "posts/quoted/");
    const quote = page.locator(".post-body blockquote");
    const css = await quote.evaluate((q) => {
      const s = getComputedStyle(q);
      return { left: parseFloat(s.borderLeftWidth), right: parseFloat(s.borderRightWidth), paddingRight: parseFloat(s.paddingRight) };
    });
    assert.deepEqual(css, { left: 0, right: 4, paddingRight: 16 });
    const outer = (await quote.boundingBox())!;
    const inner = (await quote.locator("p").boundingBox())!;
    assert.ok(Math.abs(outer.x + outer.width - (inner.x + inner.width) - 20) < 1, "the text ends 4 px of rule and 1rem of padding before the right edge");
    assert.ok(Math.abs(inner.x - outer.x) < 1, "and reaches the left edge");
    await page.close();
  });

  it("aligns table cells to the right, first column rightmost", async () => {
    const page = await open(served.servers.rtl, "posts/quoted/");
    const cells = page.locator(".post-body th");
    assert.equal(await cells.first().evaluate((th) => getComputedStyle(th).textAlign), "start");
    const [first, second] = [(await cells.nth(0).boundingBox())!, (await cells.nth(1).boundingBox())!];
    assert.ok(first.x > second.x, "the first column is on the right");
    // "1" under "Week": narrower than its column, so its side shows.
    const text = await page.locator(".post-body td").first().evaluate((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      const r = range.getBoundingClientRect(), cell = td.getBoundingClientRect();
      return { gapRight: cell.right - r.right, gapLeft: r.left - cell.left };
    });
    assert.ok(text.gapRight < text.gapLeft, `the cell's text is at its right (${JSON.stringify(text)})`);
    await page.close();
  });

  it("shows the skip link at the right when focused, and the site mark's gap on its left", async () => {
    const page = await open(served.servers.rtl, "");
    await page.keyboard.press("Tab");
    const link = (await page.locator(".skip-link").boundingBox())!;
    const width = page.viewportSize()!.width;
    assert.ok(Math.abs(width - (link.x + link.width) - 8) < 1, `skip link ends ${link.x + link.width} px, the screen ${width}`);
    const margins = await page.locator(".site-mark").evaluate((m) => [parseFloat(getComputedStyle(m).marginLeft), parseFloat(getComputedStyle(m).marginRight)]);
    assert.ok(margins[0]! > 0 && margins[1] === 0, `site mark margins ${margins}`);
    await page.close();
  });

  it("keeps a Latin hashtag reading #tag (its # on the left) and a length reading 1 hour", async () => {
    const page = await open(served.servers.rtl, "posts/online-communities/");
    /** Where the characters at `indices` of the value's text are, from the left. */
    const lefts = (selector: string, indices: number[]) =>
      page.locator(selector).evaluate((dd, at) => {
        const node = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT).nextNode()!;
        return at.map((i) => {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          return range.getBoundingClientRect().left;
        });
      }, indices);
    assert.equal(await page.locator(".chat-block .chat-hashtag").innerText(), "#hcldr");
    const [hash, letter] = await lefts(".chat-block .chat-hashtag", [0, 1]);
    assert.ok(hash! < letter!, `# at ${hash}, h at ${letter}`);
    assert.equal(await page.locator(".chat-block .chat-duration").innerText(), "1 hour");
    const [digit, word] = await lefts(".chat-block .chat-duration", [0, 2]);
    assert.ok(digit! < word!, `1 at ${digit}, hour at ${word}`);
    await page.close();
  });

  it("fits 320 px on every page without sideways scrolling", async () => {
    const wide: string[] = [];
    for (const file of pages(served.sites.rtl)) {
      const page = await open(served.servers.rtl, file.replace(/(^|\/)index\.html$/, "$1"), 320);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (over > 0) wide.push(`${file}: ${over} px too wide`);
      await page.close();
    }
    assert.deepEqual(wide, []);
  });
});

describe("a left-to-right site in the browser", { skip }, () => {
  it("hangs the references' second lines on the left and draws the blockquote's rule on the left", async () => {
    const page = await open(served.servers.ltr, "posts/online-communities/");
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), "ltr");
    const { box, lines, style } = await referenceLines(page);
    const em = style.fontSize;
    assert.deepEqual([style.paddingLeft, style.paddingRight, style.textIndent], [2 * em, 0, -2 * em]);
    assert.ok(Math.abs(lines[0]!.left - box.left) < 1.5);
    for (const line of lines.slice(1)) assert.ok(Math.abs(line.left - (box.left + 2 * em)) < 1.5);
    await page.close();
    const quoted = await open(served.servers.ltr, "posts/quoted/");
    const css = await quoted.locator(".post-body blockquote").evaluate((q) => [parseFloat(getComputedStyle(q).borderLeftWidth), parseFloat(getComputedStyle(q).borderRightWidth)]);
    assert.deepEqual(css, [4, 0]);
    await quoted.close();
  });
});
