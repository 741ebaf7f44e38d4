// The search page of a site whose `language` is not English (de-DE), in Debian's Chromium:
// Pagefind's words are English like the rest of the interface, and marked so; the results
// come from the site's index and keep the site's language, except the page headings that
// are English interface words ("Join the chat", "The chat").
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { BROWSER_SKIP, servedSite } from "../helpers/browser.ts";
import { buildSite, copySiteWith, FIXTURE_SITE } from "../helpers/build-site.ts";

const skip = BROWSER_SKIP;
const german = servedSite(() => buildSite(copySiteWith(FIXTURE_SITE, { settings: (yaml) => yaml.replace(/^language: en-US/m, "language: de-DE") })));

/** The language an element is read in: its own or its nearest ancestor's lang. */
const langOf = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.closest("[lang]")?.getAttribute("lang") ?? null);

describe("the search page of a de-DE site", { skip }, () => {
  it("says Pagefind's words in English, marked lang=\"en\", and searches the site's index", async () => {
    const page = await german.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(new URL("search/?q=chat", german.server.url).href, { waitUntil: "load" });
    await page.waitForFunction(() => /result/.test(document.getElementById("search-status")!.textContent!), null, { timeout: 15_000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), "de-DE");

    const input = page.locator(".pagefind-ui__search-input");
    assert.equal(await input.getAttribute("placeholder"), "Search");
    assert.equal(await langOf(page, ".pagefind-ui__search-input"), "en");
    assert.equal((await page.locator(".pagefind-ui__search-clear").textContent())!.trim(), "Clear");
    assert.equal(await langOf(page, ".pagefind-ui__search-clear"), "en");
    assert.equal(await page.locator("form.pagefind-ui__form").getAttribute("aria-label"), "Search this site");
    const message = (await page.locator(".pagefind-ui__message").innerText()).trim();
    assert.match(message, /^\d+ results for chat$/);
    assert.equal(await langOf(page, ".pagefind-ui__message"), "en");
    // The status region that repeats the count for screen readers is English too.
    assert.equal(await page.locator("#search-status").textContent(), message);
    assert.equal(await langOf(page, "#search-status"), "en");
    assert.equal(await langOf(page, ".search-label"), "en");
    assert.doesNotMatch(await page.locator("#search").innerText(), /Suche|Löschen|Ergebnis/);

    // The results: found in the site's index, read in the site's language…
    const titles = page.locator(".pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link");
    assert.ok((await titles.count()) > 0);
    assert.equal(await langOf(page, ".pagefind-ui__result-excerpt"), "de-DE");
    for (const title of await titles.all()) assert.equal(await title.evaluate((el) => el.closest("[lang]")!.getAttribute("lang")), "de-DE", await title.innerText());
    // …but a sub-result that is one of the page's English headings says lang="en" again.
    const nested = await page.locator(".pagefind-ui__result-nested .pagefind-ui__result-link").evaluateAll((links) =>
      links.map((a) => ({ text: a.textContent!.trim(), hash: (a as HTMLAnchorElement).hash, lang: a.closest("[lang]")!.getAttribute("lang") })),
    );
    const english = nested.filter((link) => ["#chat-heading", "#topics-heading", "#notes-heading", "#references-heading"].includes(link.hash));
    assert.ok(english.some((link) => link.text === "Join the chat") && english.some((link) => link.text === "The chat"), JSON.stringify(nested));
    for (const link of nested) assert.equal(link.lang, english.includes(link) ? "en" : "de-DE", JSON.stringify(link));

    // A search with no result says so in English.
    await input.fill("zzqxjwv");
    await page.waitForFunction(() => /zzqxjwv/.test(document.getElementById("search-status")!.textContent!), null, { timeout: 15_000 });
    assert.equal(await page.locator("#search-status").textContent(), "No results for zzqxjwv");
    assert.deepEqual(errors, []);
    await page.close();
  });
});
