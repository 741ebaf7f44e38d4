// axe-core in Debian's Chromium on every page type of the built sample site, in light
// and dark mode: zero violations of WCAG 2.2 A/AA and axe's best practices.
// Page types are discovered in the output, so a type that lands later is tested from
// then on; a type that is not built yet is reported as skipped.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { browserAvailable, launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildSite, copySiteWith, FIXTURE_SITE, PROJECT, type BuiltSite } from "../helpers/build-site.ts";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const skipAll = browserAvailable() ? false : "Debian's chromium is not installed (apt-get install chromium)";

// A post whose table and code line are wider than any screen, with a reference in German.
const WIDE_POST = `---
title: Wide things
date: 2026-11-21
references:
  - {id: mueller2019, type: book, language: de-DE, title: "Soziale Medien in der Pflege", author: [{family: Müller, given: Jana}], issued: 2019}
---
As [@mueller2019] found:

| Country | Participants | Median age | Response rate | Questions answered | Follow-up months | Notes |
|---|---|---|---|---|---|---|
| United Kingdom of Great Britain and Northern Ireland | 1234 | 45 | 67% | 12 | 18 | interprofessionalcollaborationnotes |

\`\`\`
${"a_very_long_code_line_without_spaces_".repeat(5)}
\`\`\`
`;

// Built at load time, so that the page types found decide which tests exist.
const [sample, fixture, wide]: (BuiltSite | undefined)[] = skipAll
  ? []
  : await Promise.all([buildSite(PROJECT), buildSite(FIXTURE_SITE), buildSite(copySiteWith(FIXTURE_SITE, { files: { "content/posts/2026-11-21-wide.md": WIDE_POST } }))]);

interface PageType {
  name: string;
  /** Pages of this type, relative to the output, or [] when the type is not built (yet). */
  pages: string[];
  site: "sample" | "fixture" | "wide";
  expected: string;
}

function discover(): PageType[] {
  if (!sample || !fixture) return [];
  const files = sample.files();
  const first = (pattern: RegExp) => files.filter((f) => pattern.test(f)).slice(0, 1);
  return [
    { name: "home", pages: first(/^index\.html$/), site: "sample", expected: "index.html" },
    { name: "post", pages: files.filter((f) => /^posts\/[^/]+\/index\.html$/.test(f)), site: "sample", expected: "posts/*/index.html" },
    // A post with an image and one whose front matter is full of markup, from the fixture site.
    { name: "post (fixture)", pages: ["posts/online-communities/index.html", "posts/escaping/index.html"].filter((f) => fixture.exists(f)), site: "fixture", expected: "posts/{online-communities,escaping}/index.html" },
    // Its table and code block scroll sideways: axe's scrollable-region-focusable looks at them.
    { name: "post (wide table and code line)", pages: ["posts/wide/index.html"].filter((f) => wide?.exists(f)), site: "wide", expected: "posts/wide/index.html" },
    { name: "tag", pages: first(/^tags\/[^/]+\/index\.html$/), site: "sample", expected: "tags/*/index.html" },
    { name: "tag index", pages: first(/^tags\/index\.html$/), site: "sample", expected: "tags/index.html" },
    { name: "archive", pages: [...first(/^archive\/index\.html$/), ...first(/^archive\/.+\/index\.html$/)], site: "sample", expected: "archive/index.html" },
    { name: "about", pages: first(/^about\/index\.html$/), site: "sample", expected: "about/index.html" },
    { name: "404", pages: first(/^404\.html$/), site: "sample", expected: "404.html" },
    // The search page empty, and showing results for a word of a post title.
    { name: "search", pages: first(/^search\/index\.html$/).flatMap((f) => [f, `${f}?q=${searchWord()}`]), site: "sample", expected: "search/index.html" },
    { name: "subscribe", pages: first(/^subscribe\/index\.html$/), site: "sample", expected: "subscribe/index.html" },
  ];
}

/** A word that the search index holds: the longest word of the first post's title. */
function searchWord(): string {
  const title = /<h1[^>]*>([^<]*)<\/h1>/.exec(sample!.read(sample!.files().find((f) => /^posts\/[^/]+\/index\.html$/.test(f))!))?.[1] ?? "chat";
  return title.split(/\W+/).sort((a, b) => b.length - a.length)[0]!.toLowerCase();
}

const PAGE_TYPES = discover();

let browser: Browser;
const servers: Partial<Record<"sample" | "fixture" | "wide", StaticServer>> = {};
const tabs: Partial<Record<"light" | "dark", Page>> = {};
const contexts: BrowserContext[] = [];

before(async () => {
  if (skipAll) return;
  browser = await launchBrowser();
  servers.sample = await serveStatic(sample!.out);
  servers.fixture = await serveStatic(fixture!.out);
  servers.wide = await serveStatic(wide!.out);
  for (const scheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1024, height: 768 } });
    contexts.push(context);
    tabs[scheme] = await context.newPage();
  }
});

after(async () => {
  await browser?.close();
  await servers.sample?.close();
  await servers.fixture?.close();
  await servers.wide?.close();
  const missing = PAGE_TYPES.filter((t) => !t.pages.length).map((t) => `${t.name} (${t.expected})`);
  if (missing.length) console.log(`# a11y: page types not built yet, not tested: ${missing.join(", ")}`);
});

async function violations(page: Page, url: string): Promise<string[]> {
  await page.goto(url, { waitUntil: "load" });
  // Search results render after Pagefind loads its index; check them too.
  if (url.includes("?q=")) await page.waitForSelector(".pagefind-ui__result", { timeout: 10_000 });
  await page.addScriptTag({ content: AXE_SOURCE });
  const results: any = await page.evaluate(
    (tags) => (window as any).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    AXE_TAGS,
  );
  return results.violations.flatMap((v: any) =>
    v.nodes.map((n: any) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(" ")}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`),
  );
}

describe("accessibility (axe-core, WCAG 2.2 AA)", { skip: skipAll }, () => {
  for (const type of PAGE_TYPES) {
    const skip = type.pages.length ? false : `not built yet: no ${type.expected}`;
    it(`${type.name}: no violation in light and dark mode`, { skip }, async () => {
      const found: string[] = [];
      for (const scheme of ["light", "dark"] as const) {
        for (const rel of type.pages) {
          const url = new URL(rel.replace(/index\.html(?=$|\?)/, ""), servers[type.site]!.url).href;
          for (const v of await violations(tabs[scheme]!, url)) found.push(`${rel} [${scheme}] ${v}`);
        }
      }
      assert.deepEqual(found, []);
    });
  }

  it("the wide post's table and code block do scroll, so that axe's check of them counts", async () => {
    const page = tabs.light!;
    await page.goto(new URL("posts/wide/", servers.wide!.url).href, { waitUntil: "load" });
    const boxes = await page.evaluate(() =>
      [".post-body .table-scroll", ".post-body pre"].map((selector) => {
        const box = document.querySelector<HTMLElement>(selector)!;
        return { selector, scrolls: box.scrollWidth > box.clientWidth, tabindex: box.getAttribute("tabindex") };
      }),
    );
    assert.deepEqual(boxes, [
      { selector: ".post-body .table-scroll", scrolls: true, tabindex: "0" },
      { selector: ".post-body pre", scrolls: true, tabindex: "0" },
    ]);
  });

  it("is not a rubber stamp: a low-contrast, unlabelled page fails", async () => {
    const page = tabs.light!;
    await page.setContent('<html><body><main><p style="color:#bbb;background:#fff">faint text</p><img src="x.png"><button></button></main></body></html>');
    await page.addScriptTag({ content: AXE_SOURCE });
    const results: any = await page.evaluate((tags) => (window as any).axe.run(document, { runOnly: { type: "tag", values: tags } }), AXE_TAGS);
    const ids = results.violations.map((v: any) => v.id);
    for (const id of ["color-contrast", "image-alt", "button-name", "html-has-lang"]) assert.ok(ids.includes(id), `${id} in ${ids}`);
  });
});
