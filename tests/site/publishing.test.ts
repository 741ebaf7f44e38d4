// What readers, feed readers, search engines and link previews get from a build of the
// fixture site: feeds, sitemap, meta tags, share images, tags, archive, search and headers.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { buildSite, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const ORIGIN = "https://careleaders.example";
const PUBLISHED = ["posts/upcoming/", "posts/escaping/", "posts/after-dst/", "posts/online-communities/"];
const ESCAPED_TITLE = `Quotes " & <script>alert('title')</script>`;

let site: BuiltSite;
let htmlFiles: string[];
before(async () => {
  site = await buildSite();
  htmlFiles = site.files().filter((f) => f.endsWith(".html"));
});

/** The page URL a built file is served at: about/index.html → /about/ */
const urlOf = (file: string): string => `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
const meta = (doc: Document, key: string): string | null =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content") ?? null;

describe("Atom feed", () => {
  it("parses as Atom with the required feed fields", () => {
    const xml = site.read("feed.xml");
    const feed = parseFeed(xml);
    assert.equal(feed.meta.type, "atom");
    assert.equal(feed.title, "Fixture Chat");
    assert.equal(feed.self, `${ORIGIN}/feed.xml`);
    assert.equal(feed.url, `${ORIGIN}/`);
    assert.ok(feed.authors.length > 0 && feed.authors.every((a) => a.name));
    // updated is the newest post's date, not the build time: builds stay reproducible.
    // The newest post's publish day, at noon UTC (the same day for readers from UTC−12 to UTC+11).
    assert.equal(feed.updated?.toISOString(), "2026-11-20T12:00:00.000Z");
    const root = dom(xml.replace(/^<\?xml[^>]*>/, ""));
    assert.equal(root.querySelector("feed > id")?.textContent, `${ORIGIN}/`);
  });

  it("has one entry per published post, newest first, each with id, title, updated, link, author and full content", () => {
    const feed = parseFeed(site.read("feed.xml"));
    assert.deepEqual(feed.items.map((i) => i.url), PUBLISHED.map((p) => `${ORIGIN}/${p}`));
    for (const item of feed.items) {
      assert.equal(item.id, item.url);
      assert.ok(item.title);
      assert.ok(item.updated instanceof Date && !Number.isNaN(item.updated.getTime()));
      assert.ok(item.authors.length > 0 || feed.authors.length > 0);
      assert.ok((item.content ?? "").length > 0);
    }
    const communities = feed.items.find((i) => i.url?.endsWith("/online-communities/"))!;
    const content = dom(`<!doctype html><html><body>${communities.content}</body></html>`);
    assert.ok([...content.querySelectorAll("strong")].map((s) => text(s)).includes("markdown"));
    assert.match(text(content.body), /Should healthcare vendors join online communities or stay clear\?/);
    // Topics carry their own labels: a numbered list would read "1. T1: …" in a feed reader.
    const topics = [...content.querySelectorAll("h2")].find((h) => text(h) === "Topics")!.nextElementSibling!;
    assert.equal(topics.tagName, "UL");
    assert.match(text(topics.firstElementChild), /^T1: Should healthcare vendors/);
    assert.match(text(content.body), /Smailhodzic, E\./);
    assert.equal(content.querySelector("img")?.getAttribute("src"), `${ORIGIN}/posts/meetup.png`);
    assert.deepEqual(communities.categories.map((c) => c.term), ["community", "sponsorship"]);
  });

  it("keeps front-matter text exact and never lets it become markup", () => {
    const xml = site.read("feed.xml");
    const feed = parseFeed(xml);
    const escaping = feed.items.find((i) => i.url?.endsWith("/escaping/"))!;
    assert.equal(escaping.title, ESCAPED_TITLE);
    assert.equal(escaping.authors[0]?.name, `Ann <Bold> & "Co"`);
    assert.doesNotMatch(xml, /<script>|<Bold>/);
  });

  it("leaves out drafts and future posts", () => {
    const xml = site.read("feed.xml");
    assert.doesNotMatch(xml, /posts\/draft\/|posts\/scheduled\/|A draft that must not|scheduled post/);
  });
});

describe("JSON Feed", () => {
  it("has the fields JSON Feed 1.1 requires, and the same posts as the Atom feed", () => {
    const feed = JSON.parse(site.read("feed.json"));
    assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
    assert.equal(typeof feed.title, "string");
    assert.equal(feed.feed_url, `${ORIGIN}/feed.json`);
    assert.equal(feed.home_page_url, `${ORIGIN}/`);
    assert.ok(Array.isArray(feed.items));
    for (const item of feed.items) {
      assert.equal(typeof item.id, "string");
      assert.ok(typeof item.content_html === "string" && item.content_html.length > 0);
      assert.ok(!Number.isNaN(Date.parse(item.date_published)));
      assert.ok(item.image.startsWith(`${item.url}`) && item.image.endsWith(".png"));
    }
    assert.deepEqual(feed.items.map((i: { url: string }) => i.url), PUBLISHED.map((p) => `${ORIGIN}/${p}`));
    assert.equal(feed.items.find((i: { url: string }) => i.url.endsWith("/escaping/")).title, ESCAPED_TITLE);
    assert.deepEqual(feed.items.find((i: { url: string }) => i.url.endsWith("/escaping/")).tags, ["<script>tag</script>", "#fixchat"]);
  });
});

describe("every page's head", () => {
  it("names the site's icon, which is published, so no browser asks for a /favicon.ico that is not there", () => {
    for (const file of htmlFiles.filter((f) => !f.startsWith("pagefind/"))) {
      assert.equal(dom(site.read(file)).querySelector('link[rel="icon"]')?.getAttribute("href"), "/assets/favicon.svg", file);
    }
    assert.match(site.read("assets/favicon.svg"), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it("keeps the 404 page out of search engines: noindex, and no canonical address of its own", () => {
    const doc = dom(site.read("404.html"));
    assert.equal(meta(doc, "robots"), "noindex");
    assert.equal(doc.querySelector('link[rel="canonical"]'), null);
    assert.equal(meta(doc, "og:url"), null);
    for (const file of htmlFiles.filter((f) => f !== "404.html" && !f.startsWith("pagefind/"))) assert.equal(meta(dom(site.read(file)), "robots"), null, file);
  });

  it("links to both feeds and has a canonical URL that is its own address", () => {
    for (const file of htmlFiles.filter((f) => f !== "404.html" && !f.startsWith("pagefind/"))) {
      const doc = dom(site.read(file));
      assert.equal(doc.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute("href"), "/feed.xml", file);
      assert.equal(doc.querySelector('link[rel="alternate"][type="application/feed+json"]')?.getAttribute("href"), "/feed.json", file);
      assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), `${ORIGIN}${urlOf(file)}`, file);
      assert.ok(meta(doc, "description"), `${file} has a description`);
      assert.equal(meta(doc, "og:url"), `${ORIGIN}${urlOf(file)}`, file);
    }
  });

  it("describes a post by its description: field, exactly and escaped", () => {
    const doc = dom(site.read("posts/escaping/index.html"));
    assert.equal(meta(doc, "description"), `Desc with <tags> & "quotes"`);
    assert.equal(meta(doc, "og:description"), `Desc with <tags> & "quotes"`);
    assert.equal(meta(doc, "og:title"), ESCAPED_TITLE);
    assert.equal(meta(doc, "twitter:title"), ESCAPED_TITLE);
  });

  it("describes a post without description: by its first paragraph as plain text", () => {
    const doc = dom(site.read("posts/online-communities/index.html"));
    assert.equal(meta(doc, "description"), "The fixture body, with markdown.");
    assert.equal(meta(doc, "og:type"), "article");
    assert.equal(meta(doc, "twitter:card"), "summary_large_image");
  });
});

describe("share images", () => {
  it("every post has a 1200×630 PNG share image at the address its page announces", () => {
    for (const post of PUBLISHED) {
      const doc = dom(site.read(`${post}index.html`));
      const image = meta(doc, "og:image")!;
      assert.equal(meta(doc, "twitter:image"), image);
      assert.ok(image.startsWith(`${ORIGIN}/${post}`), image);
      const png = readFileSync(path.join(site.out, new URL(image).pathname));
      // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit numbers.
      assert.equal(png.subarray(0, 8).toString("hex"), "89504e470d0a1a0a");
      assert.equal(png.subarray(12, 16).toString("latin1"), "IHDR");
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
      assert.equal(meta(doc, "og:image:width"), "1200");
      assert.equal(meta(doc, "og:image:height"), "630");
    }
  });

  it("draws a different image for each post and none for unpublished posts", () => {
    const pngs = site.files().filter((f) => f.endsWith("/share.png"));
    assert.deepEqual(pngs.sort(), PUBLISHED.map((p) => `${p}share.png`).sort());
    const digests = new Set(pngs.map((f) => createHash("sha256").update(readFileSync(path.join(site.out, f))).digest("hex")));
    assert.equal(digests.size, pngs.length);
  });
});

describe("sitemap.xml and robots.txt", () => {
  it("the sitemap lists exactly the published pages, with absolute URLs", () => {
    const locs = [...site.read("sitemap.xml").matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    const pages = htmlFiles.filter((f) => f !== "404.html").map((f) => `${ORIGIN}${urlOf(f)}`);
    assert.deepEqual([...locs].sort(), [...pages].sort());
    assert.equal(new Set(locs).size, locs.length);
    for (const post of PUBLISHED) assert.ok(locs.includes(`${ORIGIN}/${post}`));
    assert.ok(!locs.some((l) => /draft|scheduled/.test(l)));
  });

  it("robots.txt points at the sitemap", () => {
    assert.match(site.read("robots.txt"), new RegExp(`^Sitemap: ${ORIGIN}/sitemap\\.xml$`, "m"));
  });
});

describe("tags, archive and subscribe pages", () => {
  it("gives every tag its own page at a safe address, the tag shown as text", () => {
    const index = dom(site.read("tags/index.html"));
    const links = [...index.querySelectorAll(".tag-list a")];
    assert.deepEqual(links.map((a) => text(a)).sort(), ["#fixchat", "<script>tag</script>", "community", "sponsorship"].sort());
    for (const a of links) {
      const href = a.getAttribute("href")!;
      assert.match(href, /^\/tags\/[a-z0-9]+(-[a-z0-9]+)*\/$/);
      assert.ok(site.exists(`${href.slice(1)}index.html`), href);
    }
    const odd = links.find((a) => text(a) === "<script>tag</script>")!.getAttribute("href")!;
    const page = site.read(`${odd.slice(1)}index.html`);
    assert.doesNotMatch(page, /<script>tag<\/script>/);
    assert.equal(text(dom(page).querySelector("h1")), "Chats tagged “<script>tag</script>”");
    assert.deepEqual([...dom(page).querySelectorAll(".posts a")].map((a) => a.getAttribute("href")), ["/posts/escaping/"]);
  });

  it("lists every published post by year, without drafts", () => {
    const archive = dom(site.read("archive/index.html"));
    assert.deepEqual([...archive.querySelectorAll(".archive-year h2")].map((h) => text(h)), ["2026", "2018", "2017"]);
    const y2017 = dom(site.read("archive/2017/index.html"));
    assert.deepEqual([...y2017.querySelectorAll(".posts a")].map((a) => a.getAttribute("href")), ["/posts/after-dst/", "/posts/online-communities/"]);
    assert.doesNotMatch(site.read("archive/2017/index.html"), /draft/i);
    assert.ok(!site.exists("archive/2030/index.html"));
  });

  it("the subscribe page explains the feeds and the calendar, with links to each", () => {
    const doc = dom(site.read("subscribe/index.html"));
    const hrefs = [...doc.querySelectorAll("main a")].map((a) => a.getAttribute("href"));
    assert.ok(hrefs.includes("/feed.xml") && hrefs.includes("/feed.json"));
    assert.ok(hrefs.some((h) => h?.startsWith("webcal://careleaders.example/calendar.ics")));
    assert.match(text(doc.querySelector("main")), /\.ics/);
  });
});

describe("search", () => {
  it("has a search page whose scripts and Pagefind bundle are all on the site", () => {
    const doc = dom(site.read("search/index.html"));
    const scripts = [...doc.querySelectorAll("script[src]")].map((s) => s.getAttribute("src")!);
    assert.ok(scripts.includes("/pagefind/pagefind-ui.js"));
    for (const src of scripts) assert.ok(site.exists(src.slice(1)), `${src} is on the site`);
    assert.ok(site.exists("pagefind/pagefind-ui.css"));
    for (const file of site.files().filter((f) => f.startsWith("pagefind/"))) {
      assert.ok(readFileSync(path.join(site.out, file)).length > 0, `${file} is complete`);
    }
    const entry = JSON.parse(site.read("pagefind/pagefind-entry.json"));
    assert.ok(Object.values(entry.languages as Record<string, { page_count: number }>).some((l) => l.page_count >= PUBLISHED.length));
  });
});

describe("_headers (Netlify, Cloudflare Pages)", () => {
  function headers(): Map<string, string> {
    const lines = site.read("_headers").split("\n");
    assert.equal(lines.find((l) => l && !l.startsWith("#")), "/*");
    return new Map(lines.filter((l) => /^\s+\S/.test(l)).map((l) => {
      const [name, ...rest] = l.trim().split(":");
      return [name!.toLowerCase(), rest.join(":").trim()];
    }));
  }

  it("allows every inline script of every page by its sha256 hash, and no other inline script", () => {
    const csp = headers().get("content-security-policy")!;
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "))!.split(/\s+/);
    assert.ok(!scriptSrc.includes("'unsafe-inline'") && !scriptSrc.includes("'unsafe-eval'"));
    assert.ok(scriptSrc.includes("'self'"));
    for (const file of htmlFiles) {
      for (const script of dom(site.read(file)).querySelectorAll("script:not([src])")) {
        const hash = `'sha256-${createHash("sha256").update(script.textContent ?? "", "utf8").digest("base64")}'`;
        assert.ok(scriptSrc.includes(hash), `${file}: inline script ${JSON.stringify((script.textContent ?? "").slice(0, 60))} is allowed by ${hash}`);
      }
    }
  });

  it("allows every <style> element by hash, or all inline styles only when the markup has style attributes", () => {
    const csp = headers().get("content-security-policy")!;
    const styleSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("style-src "))!.split(/\s+/);
    const pages = htmlFiles.map((f) => site.read(f));
    const withAttributes = pages.some((html) => dom(html).querySelector("body [style], head [style]"));
    if (withAttributes) return assert.ok(styleSrc.includes("'unsafe-inline'"));
    assert.ok(!styleSrc.includes("'unsafe-inline'"));
    for (const html of pages) {
      for (const style of dom(html).querySelectorAll("style")) {
        const hash = `'sha256-${createHash("sha256").update(style.textContent ?? "", "utf8").digest("base64")}'`;
        assert.ok(styleSrc.includes(hash), hash);
      }
    }
  });

  it("sends the other security headers", () => {
    const h = headers();
    assert.match(h.get("content-security-policy")!, /frame-ancestors 'none'/);
    assert.match(h.get("content-security-policy")!, /object-src 'none'/);
    assert.equal(h.get("x-content-type-options"), "nosniff");
    assert.ok(h.get("referrer-policy"));
    assert.match(h.get("permissions-policy")!, /camera=\(\)/);
  });
});
