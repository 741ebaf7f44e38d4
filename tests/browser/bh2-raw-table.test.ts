// A wide table pasted as HTML, in Chromium at 320 px on a French site: the page does not
// scroll sideways, the table scrolls in its region, a keyboard reaches the region and scrolls
// it, axe finds the region focusable, and the region is named in French ("Tableau 1"). The
// post also holds `<abbr title="x <!-- y">`, which once stopped the build.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { BROWSER_SKIP, servedSite } from "../helpers/browser.ts";
import { buildSite, copySiteWith, FIXTURE_SITE } from "../helpers/build-site.ts";

const skip = BROWSER_SKIP;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const cells = (n: number, word: string) => Array.from({ length: n }, (_, i) => `<td>${word}${i + 1}</td>`).join("");
const POST = `---
title: Un tableau large
date: 2017-05-06
---
Voir <abbr title="x <!-- y">ceci</abbr>.

<table>
<tr>${cells(9, "Interprofessionnel")}</tr>
<tr>${cells(9, "valeur")}</tr>
</table>

<div title="a <!-- b">
<table>
<caption>Participants par pays</caption>
<tr><th>Pays</th><th>Participants</th></tr>

<tr><td>France</td><td>12</td></tr>
</table>
</div>

Fin.
`;

const served = servedSite(() =>
  buildSite(
    copySiteWith(FIXTURE_SITE, {
      settings: (yaml) => yaml.replace(/^language: en-US/m, "language: fr-FR"),
      files: { "content/posts/2017-05-06-wide-html-table.md": POST },
    }),
  ),
);

describe("a wide table pasted as HTML, at 320 px", { skip }, () => {
  it("scrolls in a named region a keyboard reaches, and the page does not scroll sideways", async () => {
    const context = await served.browser.newContext({ viewport: { width: 320, height: 640 }, reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto(new URL("posts/wide-html-table/", served.server.url).href, { waitUntil: "load" });
    const layout = await page.evaluate(() => {
      const regions = [...document.querySelectorAll<HTMLElement>(".post-body section.table-scroll")];
      return {
        pageWider: document.documentElement.scrollWidth - window.innerWidth,
        regions: regions.map((r) => ({
          name: r.getAttribute("aria-label"),
          tabindex: r.getAttribute("tabindex"),
          scrolls: r.scrollWidth > r.clientWidth,
          display: getComputedStyle(r.querySelector(":scope > table")!).display,
          insideViewport: r.getBoundingClientRect().right <= window.innerWidth,
        })),
        text: document.querySelector(".post-body")!.textContent!.replace(/\s+/g, " ").trim(),
      };
    });
    assert.ok(layout.pageWider <= 0, `the page is ${layout.pageWider} px wider than the screen`);
    assert.deepEqual(layout.regions, [
      { name: "Tableau 1", tabindex: "0", scrolls: true, display: "table", insideViewport: true },
      { name: "Participants par pays", tabindex: "0", scrolls: false, display: "table", insideViewport: true },
    ]);
    // Nothing after the attribute's <!-- is hidden.
    assert.match(layout.text, /^Voir ceci\. .*France12 Fin\.$/);

    // Tab to the wide table's region, then the arrow keys scroll it.
    let focused = "";
    for (let i = 0; i < 60 && focused !== "Tableau 1"; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    }
    assert.equal(focused, "Tableau 1", "Tab reaches the table's region");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => document.activeElement!.scrollLeft > 0, undefined, { timeout: 2000 });

    await page.addScriptTag({ content: AXE_SOURCE });
    const axe: any = await page.evaluate(() => (window as any).axe.run(document, { runOnly: { type: "rule", values: ["scrollable-region-focusable", "landmark-unique", "aria-allowed-attr"] } }));
    assert.deepEqual(axe.violations.map((v: any) => v.id), []);
    assert.ok(axe.passes.some((p: any) => p.id === "scrollable-region-focusable"), "axe looked at the scrolling region");
    await context.close();
  });
});
