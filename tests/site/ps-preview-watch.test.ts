// `npm start` on a site outside chatpost's folder (`--root`), as the tests and benchmarks run it:
// the shared bibliography is watched, a settings save leaves later saves incremental, the open
// tab reloads the whole page after each build (never a patch).
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { PROJECT } from "../helpers/build-site.ts";
import { BROWSER_SKIP, launchBrowser } from "../helpers/browser.ts";
import { usePreview, waitFor } from "../helpers/preview-server.ts";

/** What the preview server sends a browser that navigates to `url` (it adds its client only then). */
function navigatedTo(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "sec-fetch-mode": "navigate" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve(body));
    }).on("error", reject);
  });
}

const POST = "content/posts/2026-11-22-listening-to-patients.md";
const OTHER_PAGE = "_preview/posts/after-the-clocks-change/index.html";
const TITLE = "A new dimension of health care";

describe("npm start --root on chatpost's sample site", () => {
  const preview = usePreview(() => {
    const root = mkdtempSync(path.join(tmpdir(), "chatpost-ps-"));
    cpSync(path.join(PROJECT, "content"), path.join(root, "content"), { recursive: true });
    return root;
  });
  const read = (rel: string) => readFileSync(path.join(preview.root, rel), "utf8");
  const write = (rel: string, text: string) => writeFileSync(path.join(preview.root, rel), text);
  /** Waits until the terminal, after `from`, matches `pattern`; what it printed since `from`. */
  const printed = async (from: number, pattern: RegExp, seconds = 60) => {
    const until = Date.now() + seconds * 1000;
    while (Date.now() < until && !pattern.test(preview.log.slice(from))) await new Promise((r) => setTimeout(r, 100));
    const out = preview.log.slice(from);
    assert.match(out, pattern, `the preview printed:\n${out}`);
    return out;
  };

  before(async () => {
    await waitFor(`${preview.base}/posts/listening-to-patients/`, (html) => html.includes(TITLE));
  });
  // After usePreview's own `after`: the server is stopped first.
  after(() => {
    rmSync(preview.root, { recursive: true, force: true });
  });

  it("rebuilds on a save of the shared bibliography, broken and then fixed", async () => {
    const bib = read("content/bibliography.bib");
    const entry = "title   = {A new dimension of health care: Systematic review";
    assert.ok(bib.includes(entry));
    const edited = bib.replace(entry, "title   = {An edited dimension of health care: Systematic review");
    // A missing comma after the title, the commonest slip in a .bib file.
    const broken = edited.replace(/(title {3}= \{An edited dimension[^\n]*\}),\n/, "$1\n");
    assert.notEqual(broken, edited);
    let from = preview.log.length;
    write("content/bibliography.bib", broken);
    const report = await printed(from, /bibliography\.bib:\d+:\d+[^\n]*comma/);
    assert.match(report, /File changed: \.\/content\/bibliography\.bib/);
    assert.doesNotMatch(report, /internal error|\n\s+at /);
    from = preview.log.length;
    write("content/bibliography.bib", edited);
    const page = await waitFor(`${preview.base}/posts/listening-to-patients/`, (html) => html.includes("An edited dimension of health care"));
    assert.ok(!page.includes(TITLE));
    await printed(from, /Wrote \d+ files/);
  });

  it("keeps later saves incremental after a save of the settings", async () => {
    const settings = read("content/_data/site.yaml");
    const title = settings.match(/^title: (.*)$/m)?.[1];
    assert.ok(title);
    let from = preview.log.length;
    write("content/_data/site.yaml", settings.replace(/^title: .*$/m, "title: Saved while the preview runs"));
    await waitFor(`${preview.base}/posts/listening-to-patients/`, (html) => html.includes("Saved while the preview runs"));
    await printed(from, /Wrote \d+ files/);
    // Give Eleventy a moment to finish that build's bookkeeping before the next save.
    await new Promise((r) => setTimeout(r, 1000));
    const otherWritten = statSync(path.join(preview.root, OTHER_PAGE)).mtimeMs;
    from = preview.log.length;
    write(POST, read(POST).replace(/^title: .*$/m, 'title: "Edited after the settings"'));
    await waitFor(`${preview.base}/posts/listening-to-patients/`, (html) => html.includes("Edited after the settings"));
    const out = await printed(from, /Wrote \d+ files/);
    const [, written, skipped] = out.match(/Wrote (\d+) files(?: \(skipped (\d+)\))?/) ?? [];
    assert.ok(Number(skipped) > 0, `an incremental build skips the pages the post does not touch:\n${out}`);
    assert.ok(Number(written) > 0);
    assert.equal(statSync(path.join(preview.root, OTHER_PAGE)).mtimeMs, otherWritten, "another post's page was rewritten");
  });

  it("serves no DOM-patching code: the live-reload client reloads the page", async () => {
    // The server adds its client only to what a browser navigates to.
    const page = await navigatedTo(`${preview.base}/posts/listening-to-patients/`);
    assert.match(page, /reload-client\.js/, "live reload is still injected");
    // eleventy-dev-server serves morphdom only when it patches pages in place (domDiff).
    assert.equal((await fetch(`${preview.base}/.11ty/morphdom.js`)).status, 404);
  });

  it("reloads the open tab after each save, at the same scroll position", { skip: BROWSER_SKIP }, async () => {
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage({ viewport: { width: 800, height: 600 } });
      await tab.goto(`${preview.base}/posts/listening-to-patients/`);
      await tab.evaluate(() => {
        window.scrollTo({ top: 700, behavior: "instant" });
        (window as unknown as { loadedBefore: boolean }).loadedBefore = true;
      });
      const scrolled = await tab.evaluate(() => window.scrollY);
      assert.ok(scrolled > 0, `scrolled to ${scrolled} of ${await tab.evaluate(() => document.documentElement.scrollHeight)}`);
      for (const n of [1, 2, 3]) {
        write(POST, read(POST).replace(/^title: .*$/m, `title: "Reloaded ${n}"`));
        await new Promise((r) => setTimeout(r, 80 * n));
      }
      await tab.waitForFunction(() => document.title.startsWith("Reloaded 3"), null, { timeout: 60_000 });
      // Each build's message reloads the tab; one may still come after the last version showed.
      const inTab = async <T>(fn: () => T): Promise<T> => {
        for (let tries = 0; ; tries++) {
          try {
            await tab.waitForLoadState("load");
            return await tab.evaluate(fn);
          } catch (error) {
            if (tries > 20 || !/context was destroyed|navigation/i.test(String(error))) throw error;
          }
        }
      };
      // A full reload: the page's own state is gone, the browser keeps where the reader was.
      assert.equal(await inTab(() => (window as unknown as { loadedBefore?: boolean }).loadedBefore), undefined);
      assert.equal(await inTab(() => window.scrollY), scrolled);
    } finally {
      await browser.close();
    }
  });
});
