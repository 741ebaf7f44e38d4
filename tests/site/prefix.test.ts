// A site served under a path prefix (a GitHub Pages project site at /repo/): no link,
// asset, feed, calendar, share image or search result may leave the prefix.
// The same build shows the home page's pagination (postsPerPage: 2).
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { before, describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { buildSite, copySite, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const PREFIX = "/repo/";
const HOST = "careleaders.example";

let site: BuiltSite;
before(async () => {
  const root = copySite(FIXTURE_SITE);
  const settings = path.join(root, "content/_data/site.yaml");
  writeFileSync(settings, `${readFileSync(settings, "utf8")}\npostsPerPage: 2\n`);
  site = await buildSite(root, { args: ["--path-prefix", PREFIX] });
});

/** Where a built file is served: about/index.html → https://careleaders.example/repo/about/ */
const servedAt = (file: string): string => `https://${HOST}${PREFIX}${file.replace(/(^|\/)index\.html$/, "$1")}`;

/** Every URL an HTML page refers to: href, src, srcset, action, poster, data and URL-valued meta content. */
function htmlUrls(html: string): string[] {
  const doc = dom(html);
  const urls: string[] = [];
  for (const el of doc.querySelectorAll("[href], [src], [action], [poster], [data], [srcset], meta[content]")) {
    for (const attr of ["href", "src", "action", "poster", "data"]) {
      const v = el.getAttribute(attr);
      if (v !== null) urls.push(v);
    }
    const srcset = el.getAttribute("srcset");
    if (srcset) urls.push(...srcset.split(",").map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean));
    const content = el.tagName.toLowerCase() === "meta" ? el.getAttribute("content") : null;
    if (content && /^(https?:|webcal:|\/)/.test(content)) urls.push(content);
  }
  return urls;
}

/** Every string in a JSON value that looks like a URL, and the URLs in its HTML strings. */
function jsonUrls(value: unknown): string[] {
  if (typeof value === "string") {
    if (/^(https?:|webcal:)\/\//.test(value) || /^\/[^\s]*$/.test(value)) return [value];
    return /<[a-z]/i.test(value) ? htmlUrls(`<!doctype html><html><body>${value}</body></html>`) : [];
  }
  if (Array.isArray(value)) return value.flatMap(jsonUrls);
  if (value && typeof value === "object") return Object.values(value).flatMap(jsonUrls);
  return [];
}

/** URLs in XML: attribute values and element text that look like URLs, plus those in escaped HTML content. */
function xmlUrls(xml: string): string[] {
  const urls = [...xml.matchAll(/(?:href|src)="([^"]*)"|>\s*((?:https?|webcal):\/\/[^<\s]*)\s*</g)].map((m) => (m[1] ?? m[2])!);
  for (const m of xml.matchAll(/<content type="html">([\s\S]*?)<\/content>/g)) {
    const raw = m[1]!;
    const html = raw.includes("<![CDATA[") ? raw.replace(/<!\[CDATA\[|\]\]>/g, "") : raw.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
    urls.push(...htmlUrls(`<!doctype html><html><body>${html}</body></html>`));
  }
  return urls;
}

/** A URL escapes the prefix when, resolved against the file's own address, it is on the site's host but outside /repo/. */
function escapes(url: string, base: string): boolean {
  if (/^(mailto|tel|data|javascript):/i.test(url) || url.startsWith("#")) return false;
  const resolved = new URL(url.replace(/&amp;/g, "&"), base);
  if (resolved.protocol === "webcal:") resolved.protocol = "https:";
  return resolved.host === HOST && !resolved.pathname.startsWith(PREFIX);
}

describe("a build under a path prefix", () => {
  it("has no link in any HTML, XML or JSON file that leaves the prefix", () => {
    const files = site.files().filter((f) => /\.(html|xml|json)$/.test(f));
    assert.ok(files.length > 10);
    let checked = 0;
    for (const file of files) {
      const body = site.read(file);
      const urls = file.endsWith(".html") ? htmlUrls(body) : file.endsWith(".json") ? jsonUrls(JSON.parse(body)) : xmlUrls(body);
      for (const url of urls) {
        assert.ok(!escapes(url, servedAt(file)), `${file}: ${url} leaves ${PREFIX}`);
        checked++;
      }
    }
    assert.ok(checked > 100, `${checked} URLs checked`);
  });

  it("puts the prefix into the feeds, the sitemap and the share images, and writes no robots.txt (crawlers read only the host's)", () => {
    const atom = parseFeed(site.read("feed.xml"));
    assert.equal(atom.self, `https://${HOST}${PREFIX}feed.xml`);
    for (const item of atom.items) assert.ok(item.url?.startsWith(`https://${HOST}${PREFIX}posts/`), item.url ?? "");
    const locs = [...site.read("sitemap.xml").matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    assert.ok(locs.length > 5 && locs.every((l) => l.startsWith(`https://${HOST}${PREFIX}`)));
    assert.ok(!site.exists("robots.txt"));
    const image = dom(site.read("posts/escaping/index.html")).querySelector('meta[property="og:image"]')!.getAttribute("content")!;
    assert.equal(image, `https://${HOST}${PREFIX}posts/escaping/share.png`);
    assert.ok(site.exists("posts/escaping/share.png"));
  });

  it("links calendars under the prefix", () => {
    const doc = dom(site.read("index.html"));
    assert.equal(doc.querySelector('link[rel="alternate"][type="text/calendar"]')?.getAttribute("href"), `${PREFIX}calendar.ics`);
    for (const url of site.read("calendar.ics").replace(/\r?\n[ \t]/g, "").match(/https?:\/\/[^\s,;\\]+/g) ?? []) {
      assert.ok(!escapes(url, `https://${HOST}${PREFIX}`), `calendar.ics: ${url}`);
    }
  });

  it("indexes search results under the prefix", () => {
    const fragments = site.files().filter((f) => f.startsWith("pagefind/fragment/"));
    assert.ok(fragments.length > 0);
    for (const file of fragments) {
      const data = gunzipSync(readFileSync(path.join(site.out, file))).toString("utf8");
      const record = JSON.parse(data.slice(data.indexOf("{")));
      assert.ok(record.url.startsWith(PREFIX), `${file}: ${record.url}`);
    }
  });

  it("splits the home page's list into pages of postsPerPage, linked both ways", () => {
    const first = dom(site.read("index.html"));
    const second = dom(site.read("page/2/index.html"));
    assert.equal(first.querySelectorAll(".posts > li").length, 2);
    assert.equal(second.querySelectorAll(".posts > li").length, 2);
    assert.equal(first.querySelector('.pagination a[rel="next"]')?.getAttribute("href"), `${PREFIX}page/2/`);
    assert.equal(second.querySelector('.pagination a[rel="prev"]')?.getAttribute("href"), PREFIX);
    assert.ok(!site.exists("page/3/index.html"));
    assert.notEqual(text(first.querySelector("title")), text(second.querySelector("title")));
    const titles = [...first.querySelectorAll(".posts > li > a"), ...second.querySelectorAll(".posts > li > a")].map((a) => text(a));
    assert.equal(new Set(titles).size, 4);
    assert.ok(site.read("sitemap.xml").includes(`https://${HOST}${PREFIX}page/2/`));
  });
});
