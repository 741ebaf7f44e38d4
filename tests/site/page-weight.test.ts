// The page-weight budget script on the built fixture site, and on pages made to break it.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, runScript, type BuiltSite } from "../helpers/build-site.ts";

let site: BuiltSite;
before(async () => {
  site = await buildSite();
});

describe("npm run weight", () => {
  it("reports every built page of the fixture site and finds it within budget", async () => {
    const result = await runScript("page-weight", site.root, [site.out]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const pages = site.files().filter((f) => f.endsWith(".html"));
    assert.ok(pages.includes("posts/online-communities/index.html"));
    for (const page of pages) assert.match(result.stdout, new RegExp(`^${page.replace(/[.]/g, "\\.")}\\s+\\d+\\.\\d`, "m"), page);
    assert.match(result.stdout, new RegExp(`All ${pages.length} pages within budget`));
  });

  it("counts the stylesheet and script of an announcement page", async () => {
    const result = await runScript("page-weight", site.root, [site.out]);
    const line = result.stdout.split("\n").find((l) => l.startsWith("posts/online-communities/index.html"))!;
    const [, htmlCss, js] = line.split(/\s+/).map(Number);
    const own = Buffer.byteLength(site.read("posts/online-communities/index.html")) + Buffer.byteLength(site.read("assets/site.css"));
    assert.equal(htmlCss, Number((own / 1000).toFixed(1)));
    assert.ok(js! > 0 && js! <= 5, `the copy script is counted (${js} KB)`);
  });

  it("exits 1 and names the page for a foreign font, a foreign script, too much HTML and a missing file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chatpost-weight-"));
    cpSync(site.out, dir, { recursive: true });
    writeFileSync(
      path.join(dir, "heavy.html"),
      `<!doctype html><title>x</title><link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">` +
        `<style>@font-face{src:url(//cdn.example/f.woff2)}</style><script src="https://analytics.example/a.js"></script>` +
        `<img src="/nowhere.png" alt="x"><a href="https://elsewhere.example/">a link is not a request</a><p>${"x".repeat(41_000)}</p>`,
    );
    const result = await runScript("page-weight", site.root, [dir]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /heavy\.html: HTML \+ CSS is \d+\.\d KB, over the 40\.0 KB budget/);
    assert.match(result.stdout, /heavy\.html: requests https:\/\/fonts\.googleapis\.com\/css2\?family=Inter from another origin/);
    assert.match(result.stdout, /heavy\.html: requests \/\/cdn\.example\/f\.woff2 from another origin/);
    assert.match(result.stdout, /heavy\.html: requests https:\/\/analytics\.example\/a\.js from another origin/);
    assert.match(result.stdout, /heavy\.html: refers to \/nowhere\.png, which is not in the output/);
    assert.doesNotMatch(result.stdout, /elsewhere\.example/);
    assert.match(result.stdout, /1 of \d+ pages over budget/);
  });

  it("exits 1 when the folder does not exist, saying how to make it", async () => {
    const result = await runScript("page-weight", site.root, [path.join(tmpdir(), "chatpost-no-such-dir")]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /does not exist: build the site first/);
  });
});
