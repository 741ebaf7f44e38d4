// axe-core in Debian's Chromium on the pages citations change most: footnotes of a note
// style (references in the text, the Notes list, back-links) and an author-date citation
// whose works a style merges, in light and dark mode: zero violations of WCAG 2.2 A/AA
// and axe's best practices. Following a footnote reference and its back-link moves focus.
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { browserAvailable, launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildSite, copySite, PROJECT, type BuiltSite } from "../helpers/build-site.ts";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const skip = browserAvailable() ? false : "Debian's chromium is not installed (apt-get install chromium)";

/** The citations fixture site, with the test note style when `notes`. */
function citationsSite(notes: boolean): string {
  const root = copySite(path.join(PROJECT, "tests/fixtures/citations-site"));
  if (!notes) return root;
  cpSync(path.join(PROJECT, "tests/fixtures/citations/note-style.csl"), path.join(root, "styles/test-notes.csl"));
  const settings = path.join(root, "content/_data/site.yaml");
  writeFileSync(settings, readFileSync(settings, "utf8").replace("  style: apa\n", "  style: styles/test-notes.csl\n"));
  return root;
}

let browser: Browser;
let page: Page;
const servers: { notes?: StaticServer; apa?: StaticServer } = {};

before(async () => {
  if (skip) return;
  const [notes, apa]: [BuiltSite, BuiltSite] = await Promise.all([buildSite(citationsSite(true)), buildSite(citationsSite(false))]);
  servers.notes = await serveStatic(notes.out);
  servers.apa = await serveStatic(apa.out);
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
});

after(async () => {
  await browser?.close();
  await servers.notes?.close();
  await servers.apa?.close();
});

async function violations(url: string, scheme: "light" | "dark"): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(url, { waitUntil: "load" });
  await page.addScriptTag({ content: AXE_SOURCE });
  const results: any = await page.evaluate((tags) => (window as any).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }), AXE_TAGS);
  return results.violations.flatMap((v: any) => v.nodes.map((n: any) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(" ")}`));
}

describe("citation footnotes and merged citations in a browser", { skip }, () => {
  it("have no axe violation, in light and dark mode", async () => {
    const found: string[] = [];
    const pages = [
      ["notes", "posts/in-text/"], ["notes", "posts/collapsed/"], ["notes", "posts/escaping/"], ["apa", "posts/collapsed/"],
    ] as const;
    for (const scheme of ["light", "dark"] as const) {
      for (const [site, rel] of pages) for (const v of await violations(new URL(rel, servers[site]!.url).href, scheme)) found.push(`${site} ${rel} [${scheme}] ${v}`);
    }
    assert.deepEqual(found, []);
  });

  it("a footnote reference leads to its note, and the note's back-link leads back", async () => {
    await page.goto(new URL("posts/collapsed/", servers.notes!.url).href, { waitUntil: "load" });
    await page.click("#cite-ref-4");
    assert.equal(new URL(page.url()).hash, "#cite-note-4");
    assert.ok(await page.isVisible("#cite-note-4"));
    await page.click('#cite-note-4 a[role="doc-backlink"]');
    assert.equal(new URL(page.url()).hash, "#cite-ref-4");
  });
});
