// The published site in Debian's Chromium, served under a path prefix with the
// Content-Security-Policy from its own _headers file: pages run their scripts with no
// CSP violation, and the search page finds a post and links inside the prefix.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { browserAvailable, launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildSite, type BuiltSite } from "../helpers/build-site.ts";

const skip = browserAvailable() ? false : "Debian's chromium is not installed (apt-get install chromium)";
const PREFIX = "/repo/";

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let headers: Record<string, string>;

before(async () => {
  if (skip) return;
  site = await buildSite(undefined, { args: ["--path-prefix", PREFIX] });
  headers = Object.fromEntries(
    site.read("_headers").split("\n").filter((l) => /^\s+\S/.test(l)).map((l) => {
      const [name, ...rest] = l.trim().split(":");
      return [name!.toLowerCase(), rest.join(":").trim()];
    }),
  );
  server = await serveStatic(site.out, PREFIX);
  browser = await launchBrowser();
  context = await browser.newContext();
  // Every response carries the headers Netlify or Cloudflare Pages would send.
  await context.route("**/*", async (route) => {
    const response = await route.fetch();
    const type: Record<string, string> = route.request().url().endsWith(".pagefind") ? { "content-type": "application/wasm" } : {};
    await route.fulfill({ response, headers: { ...response.headers(), ...type, ...headers } });
  });
  await context.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as any).__violations.push(`${e.violatedDirective}: ${e.blockedURI || "inline"}`));
  });
});

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${server.url}${path}`, { waitUntil: "load" });
  return { page, errors };
}

describe("the site under its own Content-Security-Policy", { skip }, () => {
  it("runs every page's scripts and styles without a violation", async () => {
    assert.ok(headers["content-security-policy"]);
    const pages = site.files().filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
    for (const file of pages) {
      const { page, errors } = await open(file.replace(/index\.html$/, ""));
      const violations = await page.evaluate(() => (window as any).__violations as string[]);
      assert.deepEqual(violations, [], `${file}: ${violations.join(", ")}`);
      assert.deepEqual(errors.filter((e) => /Content Security Policy/i.test(e)), [], file);
      await page.close();
    }
  });

  it("searches from the search page and links results inside the prefix", async () => {
    const { page, errors } = await open("search/?q=clocks");
    const result = page.locator(".pagefind-ui__result-link").first();
    await result.waitFor({ timeout: 15_000 });
    assert.equal(await result.textContent(), "After the clocks change");
    assert.equal(new URL((await result.getAttribute("href"))!, server.url).pathname, `${PREFIX}posts/after-dst/`);
    const violations = await page.evaluate(() => (window as any).__violations as string[]);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
