// The publishing modules alone: descriptions, tag slugs, sitemap, absolute URLs,
// security headers and the share-image renderer.
import assert from "node:assert/strict";
import { availableParallelism } from "node:os";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseFeed } from "@rowanmanning/feed-parser";
import { Resvg } from "@resvg/resvg-js";
import { cdata } from "../../plugins/feeds.ts";
import { firstParagraphText, postDescription, truncateOnWord } from "../../lib/description.ts";
import { pngSize, renderShareCard, shareCardKey, OG_HEIGHT, OG_WIDTH } from "../../lib/og-image.ts";
import { contentSecurityPolicy, headersFile, inlineScripts } from "../../lib/security-headers.ts";
import { isSearchable, pageUrl } from "../../lib/search-index.ts";
import { absoluteUrl, normalisePrefix } from "../../lib/site-url.ts";
import { isSitemapPage, sitemapXml } from "../../lib/sitemap.ts";
import { lastChanged, newestChangeMillis } from "../../lib/publishing.ts";
import { baseSlug, tagSlugs } from "../../lib/slug.ts";

describe("meta description", () => {
  it("is the first paragraph as plain text: markup, links and raw HTML dropped, headings skipped", () => {
    const body = "# A heading\n\nFirst *paragraph* with a [link](https://example.org) and `code`,\nover <b>two</b> lines.\n\nSecond paragraph.";
    assert.equal(firstParagraphText(body), "First paragraph with a link and code, over two lines.");
  });

  it("leaves citations out without leaving a space before the punctuation that followed them", () => {
    const body = "A “quoted phrase” [@smailhodzic2016], and more [see @moorhead2013, p. 3]. Said [-@eysenbach2008] (twice)!";
    assert.equal(firstParagraphText(body), "A “quoted phrase”, and more. Said (twice)!");
  });

  it("keeps the names of narrative citations (`@key says`), as the page shows them, decoded, without a footnote marker", () => {
    const body = "@smith2020 says that [@jones2019] it works, and @lee2018 [p. 3] agrees.";
    // Each cluster's HTML, as lib/citations.ts writes it: an in-text style, then a note style.
    const inText = [
      '<span class="citation" data-cites="smith2020"><a href="#ref-smith2020">O’Brien &amp; Sons (2020)</a></span>',
      '<span class="citation" data-cites="jones2019"><a href="#ref-jones2019">(Jones, 2019)</a></span>',
      '<span class="citation" data-cites="lee2018"><a href="#ref-lee2018">Lee (2018, p. 3)</a></span>',
    ];
    assert.equal(postDescription({ body }, "site", inText), "O’Brien & Sons (2020) says that it works, and Lee (2018, p. 3) agrees.");
    const marker = (n: number) => `<a href="#cite-note-${n}" id="cite-ref-${n}" class="footnote-ref" role="doc-noteref" aria-label="Note ${n}"><sup>${n}</sup></a>`;
    const notes = [
      `<span class="citation" data-cites="smith2020"><a href="#ref-smith2020">Smith</a>${marker(1)}</span>`,
      `<span class="citation" data-cites="jones2019">${marker(2)}</span>`,
      `<span class="citation" data-cites="lee2018"><a href="#ref-lee2018">Lee</a>${marker(3)}</span>`,
    ];
    assert.equal(postDescription({ body }, "site", notes), "Smith says that it works, and Lee agrees.");
    // Without the formatted citations (nothing known), narrative ones are left out like the others.
    assert.equal(firstParagraphText(body), "says that it works, and agrees.");
  });

  it("prefers the description: field, and falls back to the site's when the body has no paragraph", () => {
    assert.equal(postDescription({ description: "  Given  text ", body: "Body." }, "site"), "Given text");
    assert.equal(postDescription({ body: "- only\n- a list" }, "The site."), "The site.");
  });

  it("cuts long text on a word boundary, at most 160 characters, and marks the cut", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zé]{1,15}$/), { minLength: 1, maxLength: 80 }), (words) => {
        const input = words.join(" ");
        const out = truncateOnWord(input);
        assert.ok([...out].length <= 160);
        if ([...input].length <= 160) return assert.equal(out, input);
        assert.ok(out.endsWith("…"));
        const kept = out.slice(0, -1);
        assert.ok(input.startsWith(kept));
        // Whole words only: the cut falls where the input has a space.
        assert.equal(input[kept.length], " ");
      }),
    );
  });
});

describe("feed content in CDATA", () => {
  it("reads back exactly, whatever the HTML holds, ]]> included", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom("]]>", "<p>a]]>b</p>", "]]]]>", ""), (a, b) => {
        // `&` is left out: the parser decodes entities, which HTML content means anyway.
        const html = `${a}${b}`.replace(/&/g, "").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[\ud800-\udfff]/g, "");
        const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id><content type="html"><![CDATA[${cdata(html)}]]></content></entry></feed>`;
        // The parser trims surrounding whitespace, as feed readers do.
        assert.equal(parseFeed(xml).items[0]?.content ?? "", html.trim());
      }),
    );
  });
});

describe("tag slugs", () => {
  it("are lowercase ASCII letters, digits and dashes, whatever the tag", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }), { maxLength: 12 }), (tags) => {
        for (const slug of tagSlugs(tags).values()) assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      }),
    );
  });

  it("differ for different tags, even when their readable parts collide", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 20 }), (tags) => {
        const slugs = tagSlugs(tags);
        assert.equal(new Set(slugs.values()).size, new Set(tags).size);
      }),
    );
    const slugs = tagSlugs(["C++", "C#", "<i>tag</i>", "Santé publique"]);
    assert.notEqual(slugs.get("C++"), slugs.get("C#"));
    assert.equal(slugs.get("Santé publique"), baseSlug("Sante publique"));
    assert.equal(slugs.get("<i>tag</i>"), "i-tag-i");
  });
});

describe("sitemap", () => {
  it("lists each page once, sorted, with escaped URLs", () => {
    const xml = sitemapXml([
      { url: "https://e.org/b/?x=1&y=2" },
      { url: "https://e.org/a/", lastmod: "2017-04-30" },
      { url: "https://e.org/a/", lastmod: "2017-04-30" },
    ]);
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    assert.deepEqual(locs, ["https://e.org/a/", "https://e.org/b/?x=1&amp;y=2"]);
    assert.match(xml, /<lastmod>2017-04-30<\/lastmod>/);
  });

  it("keeps HTML pages and leaves out the 404 page and other files", () => {
    assert.ok(isSitemapPage("/posts/x/", "_site/posts/x/index.html"));
    assert.ok(!isSitemapPage("/404.html", "_site/404.html"));
    assert.ok(!isSitemapPage("/feed.xml", "_site/feed.xml"));
    assert.ok(!isSitemapPage(false, false));
  });
});

describe("absolute URLs", () => {
  it("join the site's address, the prefix and the page, however the prefix is written", () => {
    for (const prefix of ["/repo/", "repo", "/repo", "repo/"]) {
      assert.equal(normalisePrefix(prefix), "/repo/");
      assert.equal(absoluteUrl("https://e.org/", prefix, "/posts/x/"), "https://e.org/repo/posts/x/");
    }
    assert.equal(absoluteUrl("https://e.org", "/", "/"), "https://e.org/");
  });
});

describe("search index", () => {
  it("indexes posts and content pages under the prefix, not lists, the 404 page or its own bundle", () => {
    for (const page of ["posts/x/index.html", "about/index.html", "subscribe/index.html"]) assert.ok(isSearchable(page), page);
    for (const page of ["index.html", "page/2/index.html", "tags/a/index.html", "archive/2017/index.html", "search/index.html", "404.html", "pagefind/x.html", "feed.xml"]) {
      assert.ok(!isSearchable(page), page);
    }
    assert.equal(pageUrl("posts/x/index.html", "/repo/"), "/repo/posts/x/");
    assert.equal(pageUrl("about/index.html", "/"), "/about/");
  });
});

describe("security headers", () => {
  it("finds inline scripts only, whatever their attributes", () => {
    const html = `<script>a()</script><script src="/x.js"></script><script type="module" defer>b()</script><SCRIPT>c()</SCRIPT >`;
    assert.deepEqual(inlineScripts(html), ["a()", "b()", "c()"]);
  });

  it("allows each distinct inline script once, by hash, and never unsafe-inline for scripts", () => {
    const file = headersFile(["<script>x()</script>", "<script>x()</script><script>y()</script>"]);
    const csp = /Content-Security-Policy: (.*)/.exec(file)![1]!;
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    assert.equal(scriptSrc.match(/'sha256-[A-Za-z0-9+/=]+'/g)?.length, 2);
    const sources = scriptSrc.split(" ");
    assert.ok(!sources.includes("'unsafe-inline'") && !sources.includes("'unsafe-eval'"));
    assert.equal(contentSecurityPolicy([]).includes("sha256"), false);
  });
});

describe("security headers for embedded content", () => {
  it("allows the https origins of the images and frames the pages embed, and nothing for local or insecure ones", () => {
    const page = `<img alt="" src="https://img.example.org/a.png"><img alt="" src="/local.png" srcset="https://cdn.example/x.png 2x">
      <img alt="" src="http://insecure.example/x.png"><iframe title="v" src="https://video.example/embed/1"></iframe>`;
    const csp = /Content-Security-Policy: (.*)/.exec(headersFile([page]))![1]!.split("; ");
    assert.equal(csp.find((d) => d.startsWith("img-src")), "img-src 'self' data: https://cdn.example https://img.example.org");
    assert.equal(csp.find((d) => d.startsWith("frame-src")), "frame-src https://video.example");
    assert.equal(/Content-Security-Policy: (.*)/.exec(headersFile(["<img alt='' src='/a.png'>"]))![1]!.includes("frame-src"), false);
  });

  it("allows the origins of pictures' sources and posters as images, and of videos, sounds and captions as media", () => {
    const page = `<picture><source srcset="https://cdn.example/a.avif 1x, https://cdn2.example/b.avif 2x"><img alt="" src="/a.png"></picture>
      <video controls poster="https://stills.example/p.jpg" src="https://media.example/v.mp4"><track src="https://subs.example/c.vtt"></video>
      <audio src="/local.mp3"></audio><a href="https://elsewhere.example/">a link is not loaded</a>`;
    const csp = /Content-Security-Policy: (.*)/.exec(headersFile([page]))![1]!.split("; ");
    assert.equal(csp.find((d) => d.startsWith("img-src")), "img-src 'self' data: https://cdn.example https://cdn2.example https://stills.example");
    assert.equal(csp.find((d) => d.startsWith("media-src")), "media-src 'self' https://media.example https://subs.example");
    // Local media only: default-src 'self' covers them, and no media-src is written.
    assert.equal(/Content-Security-Policy: (.*)/.exec(headersFile(["<video src='/v.mp4'></video>"]))![1]!.includes("media-src"), false);
  });
});

describe("security headers for styles", () => {
  const styleSrc = (pages: string[]) => /Content-Security-Policy: (.*)/.exec(headersFile(pages))![1]!.split("; ").find((d) => d.startsWith("style-src"))!;

  it("allows <style> elements by hash and nothing else inline", () => {
    const src = styleSrc(["<style>p{color:red}</style><p>x</p>", "<style>p{color:red}</style>"]);
    assert.equal(src.match(/'sha256-/g)?.length, 1);
    assert.ok(!src.includes("'unsafe-inline'"));
    assert.equal(styleSrc(["<p>plain</p>"]), "style-src 'self'");
  });

  it("falls back to 'unsafe-inline' without hashes when markup has style attributes", () => {
    assert.equal(styleSrc(['<p style="color:red">x</p><style>a{}</style>']), "style-src 'self' 'unsafe-inline'");
    // The word in a script or a stylesheet is not an attribute.
    assert.equal(styleSrc(['<script>el.innerHTML = \'<b style="x">\'</script>']), "style-src 'self'");
  });
});

describe("share image", () => {
  const card = { title: `Quotes " & <script>alert(1)</script>`, when: "Tuesday, May 2, 2017, 8:30 PM EDT (UTC−4)", hashtag: "#hcldr", siteTitle: "Chat" };

  it("is a 1200×630 PNG, the same bytes every time", async () => {
    const [a, b] = [await renderShareCard(card), await renderShareCard(card)];
    assert.deepEqual(pngSize(a), { width: OG_WIDTH, height: OG_HEIGHT });
    assert.deepEqual([OG_WIDTH, OG_HEIGHT], [1200, 630]);
    assert.ok(a.equals(b));
  });

  it("ends a title too long for the card with the lines that fit, and keeps the chat time in place", async () => {
    const pixels = (png: Buffer) =>
      new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><image width="1200" height="630" href="data:image/png;base64,${png.toString("base64")}"/></svg>`).render().pixels;
    const long = "Telehealth, portals, rural clinics, burnout, equity and consent ".repeat(12);
    const [short, overlong, longer] = (await Promise.all([card.title, long, `${long}and a different ending`].map((title) => renderShareCard({ ...card, title }).then(pixels)))) as [Buffer, Buffer, Buffer];
    // The text past the last line that fits is not drawn: the card is the same whatever it says.
    assert.ok(overlong.equals(longer));
    // The chat time and hashtag (the bottom 150 rows) are where a short title leaves them.
    const bottom = (p: Buffer) => p.subarray((630 - 150) * 1200 * 4);
    assert.ok(bottom(overlong).equals(bottom(short)));
    assert.ok(!overlong.equals(short));
    // No line is cut in half: a band of background (12 rows) between the title and the chat time.
    const blank = (p: Buffer, row: number) => p.subarray(row * 4800, (row + 1) * 4800).every((v, i) => v === [0x0f, 0x3d, 0x3e, 255][i % 4]);
    let firstInk = 630 - 150;
    while (blank(short, firstInk)) firstInk++;
    for (let row = firstInk - 12; row < firstInk; row++) assert.ok(blank(overlong, row), `row ${row}`);
  });

  it("has a cache key that changes with any of its text", () => {
    const keys = new Set([card, { ...card, title: "Other" }, { ...card, when: "Other" }, { ...card, hashtag: "#x" }, { ...card, siteTitle: "X" }].map(shareCardKey));
    assert.equal(keys.size, 5);
    assert.equal(shareCardKey({ ...card }), shareCardKey(card));
  });
});

describe("share images on worker threads", () => {
  it("draws the same PNG for each card as this thread does, each card once", async () => {
    const { renderShareCards } = await import("../../lib/share-card-pool.ts");
    const cards = Array.from({ length: 10 }, (_, i) => ({ title: `Chat number ${i}`, when: `Day ${i}`, hashtag: "#x", siteTitle: "Site" }));
    const drawn = new Map<number, Buffer>();
    const report = await renderShareCards(cards, async (i, png) => {
      assert.ok(!drawn.has(i));
      drawn.set(i, png);
    });
    // The threads really start (a TypeScript worker needs tsx registered in it): none fell back to this thread.
    if (availableParallelism() > 1) assert.deepEqual({ ...report, workerThreads: Math.min(report.workerThreads, 1) }, { workerThreads: 1, onThisThread: 0 });
    assert.deepEqual([...drawn.keys()].sort((a, b) => a - b), cards.map((_, i) => i));
    for (const i of [0, 9]) assert.ok(drawn.get(i)!.equals(await renderShareCard(cards[i]!)), `card ${i}`);
  });

  it("stops when told (a failed build): the threads end and the drawing rejects", async () => {
    const { renderShareCards } = await import("../../lib/share-card-pool.ts");
    const cards = Array.from({ length: 40 }, (_, i) => ({ title: `Chat number ${i}`, when: `Day ${i}`, hashtag: "#x", siteTitle: "Site" }));
    const controller = new AbortController();
    let written = 0;
    const drawing = renderShareCards(cards, async () => {
      if (++written === 2) controller.abort(new Error("stopped by the test"));
    }, controller.signal);
    await assert.rejects(drawing, /stopped by the test/);
    assert.ok(written < cards.length, `${written} of ${cards.length} cards written`);
    await assert.rejects(renderShareCards(cards, async () => undefined, controller.signal), /stopped by the test/);
  });
});

describe("when posts last changed", () => {
  it("is the day a post was updated, or else published; a feed's is the latest of its posts'", () => {
    assert.equal(lastChanged({ date: "2017-04-30" }), "2017-04-30");
    assert.equal(lastChanged({ date: "2017-04-30", updated: "2017-05-01" }), "2017-05-01");
    // An old post corrected after a newer one was published makes the feed newer.
    const iso = (millis: number) => new Date(millis).toISOString();
    assert.equal(iso(newestChangeMillis([{ date: "2017-05-07" }, { date: "2017-04-30", updated: "2017-05-09" }])), "2017-05-09T12:00:00.000Z");
    assert.equal(iso(newestChangeMillis([{ date: "2017-05-07" }, { date: "2017-04-30", updated: "2017-05-01" }])), "2017-05-07T12:00:00.000Z");
    assert.equal(newestChangeMillis([]), 0);
    // A change with its moment: compared as instants, given back as written.
    assert.equal(lastChanged({ date: "2017-04-30", updated: "2017-04-30", updatedAt: "2017-04-30T16:00-04:00" }), "2017-04-30T16:00-04:00");
    assert.equal(iso(newestChangeMillis([{ date: "2017-05-01" }, { date: "2017-04-30", updated: "2017-05-01", updatedAt: "2017-05-01T08:00+10:00" }])), "2017-05-01T12:00:00.000Z");
    assert.equal(iso(newestChangeMillis([{ date: "2017-05-01" }, { date: "2017-04-30", updated: "2017-05-01", updatedAt: "2017-05-01T08:00-04:00" }])), "2017-05-01T12:00:00.000Z");
    assert.equal(iso(newestChangeMillis([{ date: "2017-05-01" }, { date: "2017-04-30", updated: "2017-05-01", updatedAt: "2017-05-01T14:00-04:00" }])), "2017-05-01T18:00:00.000Z");
  });
});
