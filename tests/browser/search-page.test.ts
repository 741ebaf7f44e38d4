// The search page in Debian's Chromium, as readers meet it: when Pagefind's script does
// not load (a flaky network, a blocker) or JavaScript is off, the page leads to the
// archive and the tags, with no word meant for developers; the result count is
// announced to screen readers (a status region); the box's placeholder is readable.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { BROWSER_SKIP, servedSite } from "../helpers/browser.ts";
import { buildSite, PROJECT } from "../helpers/build-site.ts";

const skip = BROWSER_SKIP;
const served = servedSite(() => buildSite(PROJECT));

async function open(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(new URL(path, served.server.url).href, { waitUntil: "load" });
  return { page, errors };
}

/** What a reader without search gets: visible links to the archive and the tags, and no developer's words. */
async function assertWayRound(page: Page, words: RegExp): Promise<void> {
  const fallback = page.locator("main .search-fallback");
  assert.ok(await fallback.isVisible(), "the way round search is shown");
  assert.match((await fallback.innerText()).trim(), words);
  for (const [name, href] of [["archive", "/archive/"], ["tag", "/tags/"]]) {
    const link = fallback.getByRole("link", { name, exact: true });
    assert.ok(await link.isVisible(), name);
    assert.equal(await link.getAttribute("href"), href);
  }
  const main = await page.locator("main").innerText();
  assert.doesNotMatch(main, /npm|published site|run .*build/i);
}

const WAY_ROUND = "Every chat is also listed in the archive and by tag.";

describe("the search page without Pagefind", { skip }, () => {
  it("leads to the archive and the tags when pagefind-ui.js fails to load", async () => {
    const context = await served.browser.newContext();
    await context.route("**/pagefind/pagefind-ui.js", (route) => route.abort("failed"));
    const { page, errors } = await open(context, "search/");
    await assertWayRound(page, new RegExp(`^Search could not be loaded\\. ${WAY_ROUND.replace(/\./g, "\\.")}$`));
    assert.equal(await page.locator(".pagefind-ui__search-input").count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("still leads there when the page's own script is blocked too", async () => {
    const context = await served.browser.newContext();
    await context.route(/\/(pagefind\/pagefind-ui|search\/search)\.js$/, (route) => route.abort("blockedbyclient"));
    const { page } = await open(context, "search/");
    await assertWayRound(page, new RegExp(`^${WAY_ROUND.replace(/\./g, "\\.")}$`));
    await context.close();
  });

  it("shows the same links, saying search needs JavaScript, with JavaScript off", async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const { page } = await open(context, "search/");
    await assertWayRound(page, new RegExp(`^Search needs JavaScript\\. ${WAY_ROUND.replace(/\./g, "\\.")}$`));
    await context.close();
  });
});

describe("the search page with Pagefind", { skip }, () => {
  it("announces the result count in a status region (role=status), and follows a new search", async () => {
    const context = await served.browser.newContext();
    const { page, errors } = await open(context, "search/?q=nurses");
    const status = page.locator("#search-status");
    assert.equal(await status.getAttribute("role"), "status");
    await page.waitForFunction(() => /result/.test(document.getElementById("search-status")!.textContent!), null, { timeout: 15_000 });
    const message = (await page.locator(".pagefind-ui__message").innerText()).trim();
    assert.match(message, /^\d+ results? for nurses$/);
    assert.equal(await status.textContent(), message);
    // Pagefind's result list has no bullets either: it keeps its list role.
    assert.equal(await page.locator(".pagefind-ui__results").getAttribute("role"), "list");

    await page.locator("#search-input").fill("zzqxjwv");
    await page.waitForFunction(() => /zzqxjwv/.test(document.getElementById("search-status")!.textContent!), null, { timeout: 15_000 });
    assert.equal(await status.textContent(), (await page.locator(".pagefind-ui__message").innerText()).trim());
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("never puts keyboard focus on the Clear button while it is hidden (empty box), and does once there is text (WCAG 2.4.7)", async () => {
    const context = await served.browser.newContext();
    const { page } = await open(context, "search/");
    const input = page.locator(".pagefind-ui__search-input");
    await input.waitFor({ timeout: 15_000 });
    await input.focus();
    await page.keyboard.press("Tab");
    const focused = () => page.evaluate(() => ({ cls: document.activeElement?.className ?? "", text: document.activeElement?.textContent?.trim() ?? "" }));
    const empty = await focused();
    assert.doesNotMatch(empty.cls, /search-clear/, `Tab from the empty box went to ${JSON.stringify(empty)}`);
    await input.fill("nurses");
    await input.focus();
    await page.keyboard.press("Tab");
    const typed = await focused();
    assert.match(typed.cls, /search-clear/, "with text in the box, Tab reaches the visible Clear button");
    assert.ok(await page.locator(".pagefind-ui__search-clear").isVisible());
    await context.close();
  });

  it("does not list a page's own titled heading under its result as a second link to the same place", async () => {
    // The sample's about page starts with "# About the chat": a heading with an id, which
    // Pagefind would otherwise give as a sub-result repeating the result's own title.
    assert.match(served.site.read("about/index.html"), /<h1 id="about-the-chat">/);
    const context = await served.browser.newContext();
    const { page, errors } = await open(context, "search/?q=about");
    const about = page.locator(".pagefind-ui__result", { has: page.locator('.pagefind-ui__result-title a[href="/about/"]') });
    await about.waitFor({ timeout: 15_000 });
    const nested = await about.locator(".pagefind-ui__result-nested a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    assert.ok(!nested.includes("/about/#about-the-chat"), `sub-results: ${JSON.stringify(nested)}`);
    // The result still shows where its words are, under its own title.
    assert.match(await about.locator(".pagefind-ui__result-excerpt").first().innerText(), /\w/);
    // Other pages' headings are still sub-results: a post's "Topics" heading, say.
    await page.locator("#search-input").fill("topics");
    await page.locator('.pagefind-ui__result-nested a[href$="#topics-heading"]').first().waitFor({ timeout: 15_000 });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("quotes a chat's time as readers see it, without the zone's long name said to screen readers", async () => {
    const context = await served.browser.newContext();
    const { page, errors } = await open(context, "search/?q=EST");
    const excerpt = page.locator(".pagefind-ui__result-excerpt", { hasText: /\bEST\b/ }).first();
    await excerpt.waitFor({ timeout: 15_000 });
    const texts = await page.locator(".pagefind-ui__result-excerpt").allInnerTexts();
    assert.ok(texts.some((t) => /\bEST \(UTC−5\)/.test(t)), texts.join(" | "));
    assert.ok(texts.every((t) => !/Eastern Standard Time/.test(t)), texts.join(" | "));
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`gives the search box's placeholder a contrast of at least 4.5:1 (${colorScheme})`, async () => {
      const context = await served.browser.newContext({ colorScheme });
      const { page } = await open(context, "search/");
      const input = page.locator(".pagefind-ui__search-input");
      await input.waitFor({ timeout: 15_000 });
      const [placeholder, opacity, background, said] = await input.evaluate((el) => {
        const style = getComputedStyle(el, "::placeholder");
        return [style.color, style.opacity, getComputedStyle(el).backgroundColor, (el as HTMLInputElement).placeholder];
      });
      assert.ok(said, "the box has a placeholder");
      const ratio = contrast(composite(rgba(placeholder!), Number(opacity), rgba(background!)), rgba(background!));
      assert.ok(ratio >= 4.5, `placeholder ${placeholder} at opacity ${opacity} on ${background}: ${ratio.toFixed(2)}:1`);
      await context.close();
    });
  }
});

type Rgba = [number, number, number, number];

function rgba(css: string): Rgba {
  const [r, g, b, a] = css.match(/[\d.]+/g)!.map(Number);
  return [r!, g!, b!, a ?? 1];
}

/** `fg` drawn at `opacity` (times its own alpha) over an opaque `bg`. */
function composite(fg: Rgba, opacity: number, bg: Rgba): Rgba {
  const alpha = fg[3] * opacity;
  return [0, 1, 2].map((i) => fg[i]! * alpha + bg[i]! * (1 - alpha)) as unknown as Rgba;
}

/** WCAG 2 contrast ratio of two opaque colours. */
function contrast(a: Rgba, b: Rgba): number {
  const luminance = (c: Rgba) => {
    const [r, g, bl] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
