// Every address in the built site that points inside the site resolves to a file, and
// every #fragment to an id in the target page. Every file is checked, not only pages
// reachable from home: HTML attributes (href, src, srcset, poster, data), CSS url(),
// and absolute addresses on the site's own origin in any text file (feeds, sitemap,
// calendars, robots.txt, JSON). With a path prefix, every internal address carries it.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, FIXTURE_SITE, listFiles, PROJECT, type BuiltSite } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";
import { parseSettings } from "../../lib/settings.ts";

interface LinkReport {
  checked: number;
  broken: string[];
}

const TEXT_FILES = /\.(html|xml|json|css|ics|txt|webmanifest|xsl)$/;
const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ["[href]", "href"], ["[src]", "src"], ["[srcset]", "srcset"], ["[poster]", "poster"], ["object[data]", "data"],
];

function siteOrigin(root: string): string {
  const settings = parseSettings(readFileSync(path.join(root, "content/_data/site.yaml"), "utf8")).settings!;
  return new URL(settings.url).origin;
}

/** Check every file under `out`; `origin` is the site's public origin, `prefix` the path prefix ("/" or "/repo/"). */
function checkLinks(out: string, origin: string, prefix: string): LinkReport {
  const files = listFiles(out);
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...dom(readFileSync(path.join(out, file), "utf8")).querySelectorAll("[id]")].map((e) => e.id));
      ids.set(file, set);
    }
    return set;
  };
  const report: LinkReport = { checked: 0, broken: [] };
  const host = new URL(origin).host;

  const check = (from: string, raw: string, mustBePrefixed: boolean) => {
    const value = raw.trim();
    if (!value) return report.broken.push(`${from}: an empty address`);
    let url: URL;
    try {
      url = new URL(value.replace(/^webcal:/i, "https:"), `${origin}${prefix}${from}`);
    } catch {
      return report.broken.push(`${from}: ${value} is not a valid address`);
    }
    if (url.host !== host || !/^https?:$/.test(url.protocol)) return; // another site, mailto:, data:
    report.checked++;
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(prefix)) {
      return report.broken.push(`${from}: ${value} does not start with the path prefix ${prefix}`);
    }
    if (mustBePrefixed && value.startsWith("/") && !value.startsWith(prefix)) {
      return report.broken.push(`${from}: ${value} does not start with the path prefix ${prefix}`);
    }
    pathname = pathname.slice(prefix.length);
    let target = pathname;
    if (target === "" || target.endsWith("/")) target += "index.html";
    else if (existsSync(path.join(out, target)) && statSync(path.join(out, target)).isDirectory()) target += "/index.html";
    if (!existsSync(path.join(out, target))) return report.broken.push(`${from}: ${value} → no file ${target}`);
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && target.endsWith(".html") && !idsOf(target).has(fragment)) {
      report.broken.push(`${from}: ${value} → ${target} has no id "${fragment}"`);
    }
  };

  for (const file of files.filter((f) => TEXT_FILES.test(f))) {
    // Calendar lines are folded at 75 octets; unfold them before looking for addresses.
    const text = readFileSync(path.join(out, file), "utf8").replace(/\r?\n[ \t]/g, "");
    if (file.endsWith(".html")) {
      const doc = dom(text);
      for (const [selector, attribute] of URL_ATTRIBUTES) {
        for (const el of doc.querySelectorAll(selector)) {
          const value = el.getAttribute(attribute)!;
          const urls = attribute === "srcset" ? value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "") : [value];
          for (const u of urls) check(file, u, true);
        }
      }
      for (const style of doc.querySelectorAll("style")) for (const u of cssUrls(style.textContent ?? "")) check(file, u, true);
    } else if (file.endsWith(".css")) {
      for (const u of cssUrls(text)) check(file, u, true);
    } else {
      // Feeds, sitemap, calendars, JSON: the absolute addresses on the site's own origin.
      const own = new RegExp(`(?:https?|webcal)://${host.replace(/[.]/g, "\\.")}[^\\s"'<>\\\\)]*`, "g");
      for (const m of text.matchAll(own)) check(file, m[0].replace(/&amp;/g, "&").replace(/[.,;]$/, ""), true);
    }
  }
  return report;
}

function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? "")
    .filter((u) => u && !u.startsWith("data:"));
}

let sample: BuiltSite;
let prefixed: BuiltSite;
let fixture: BuiltSite;
before(async () => {
  [sample, prefixed, fixture] = await Promise.all([
    buildSite(PROJECT),
    buildSite(PROJECT, { args: ["--path-prefix", "/repo/"] }),
    buildSite(FIXTURE_SITE),
  ]);
});

describe("internal links", () => {
  it("all resolve in the sample site, fragments included", () => {
    const report = checkLinks(sample.out, siteOrigin(PROJECT), "/");
    assert.deepEqual(report.broken, []);
    assert.ok(report.checked > 50, `only ${report.checked} internal addresses were checked`);
  });

  it("all resolve in the fixture site", () => {
    const report = checkLinks(fixture.out, siteOrigin(FIXTURE_SITE), "/");
    assert.deepEqual(report.broken, []);
    assert.ok(report.checked > 50);
  });

  it("all carry the path prefix and resolve when the site is built under /repo/", () => {
    const report = checkLinks(prefixed.out, siteOrigin(PROJECT), "/repo/");
    assert.deepEqual(report.broken, []);
    assert.ok(report.checked > 50);
    const post = dom(prefixed.read("posts/online-communities/index.html"));
    assert.equal(post.querySelector('link[rel="stylesheet"]')?.getAttribute("href"), "/repo/assets/site.css");
  });

  it("reports a missing file, a missing anchor and a link without the prefix", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chatpost-links-"));
    cpSync(sample.out, dir, { recursive: true });
    writeFileSync(
      path.join(dir, "orphan.html"),
      '<!doctype html><title>x</title><a href="/posts/nowhere/">a</a><a href="/posts/online-communities/#t99">b</a>' +
        '<a href="#main">c</a><img src="missing.png" alt="x"><a href="https://elsewhere.example/">d</a>',
    );
    const broken = checkLinks(dir, siteOrigin(PROJECT), "/").broken;
    assert.deepEqual(broken, [
      "orphan.html: /posts/nowhere/ → no file posts/nowhere/index.html",
      'orphan.html: /posts/online-communities/#t99 → posts/online-communities/index.html has no id "t99"',
      'orphan.html: #main → orphan.html has no id "main"',
      "orphan.html: missing.png → no file missing.png",
    ]);
    assert.ok(checkLinks(dir, siteOrigin(PROJECT), "/repo/").broken.some((b) => /does not start with the path prefix \/repo\//.test(b)));
  });
});
