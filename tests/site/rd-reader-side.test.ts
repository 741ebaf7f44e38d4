// What readers see of the fixture site outside its pages, read back from the build:
// calendars name a chat's zone as its page does (ical.js), feeds date a post on its
// publish day wherever the reader is (Atom and JSON Feed parsers), and every page that
// is not a post shares the site's own card.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import ICAL from "ical.js";
import { buildSite, copySite, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";
import { pngSize } from "../../lib/og-image.ts";

const ORIGIN = "https://careleaders.example";
const HOUR = 3_600_000;
let site: BuiltSite;
/** The fixture hosted in Auckland, under /repo/, with a post corrected early on its publish day. */
let auckland: BuiltSite;

before(async () => {
  const root = copySite(FIXTURE_SITE);
  const settings = path.join(root, "content/_data/site.yaml");
  writeFileSync(settings, readFileSync(settings, "utf8").replace("zone: America/New_York ", "zone: Pacific/Auckland "));
  const post = path.join(root, "content/posts/2017-11-03-after-dst.md");
  writeFileSync(post, readFileSync(post, "utf8").replace("date: 2017-11-03\n", "date: 2017-11-03\nupdated: 2017-11-03T08:00\n"));
  [site, auckland] = await Promise.all([buildSite(), buildSite(root, { args: ["--path-prefix", "/repo/"] })]);
});

const postPages = (built: BuiltSite) => built.files().filter((f) => /^posts\/[^/]+\/index\.html$/.test(f));
const meta = (doc: Document, key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content") ?? undefined;

describe("calendar zone names", () => {
  /** The zone's name in the page's chat time: "… 12:30 PM Australian Eastern Daylight Time (UTC+11)". */
  const pageZoneName = (html: string): string => {
    const local = [...dom(html).querySelectorAll(".chat-block time[datetime]")].find((t) => /[+-]\d\d:\d\d$/.test(t.getAttribute("datetime")!))!;
    // As shown: the long name given to screen readers in place of an abbreviation (visually hidden) aside.
    for (const spoken of [...local.querySelectorAll(".visually-hidden")]) spoken.remove();
    return /\d (?:AM|PM) (.+) \(UTC[^)]*\)$/.exec(local.textContent!.trim())![1]!;
  };
  /** The TZNAME of the observance in force at the event's start (observances start at local times). */
  const calendarZoneName = (ics: string): string => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const start = (calendar.getFirstSubcomponent("vevent")!.getFirstPropertyValue("dtstart") as ICAL.Time).toString();
    const observances = calendar.getFirstSubcomponent("vtimezone")!.getAllSubcomponents()
      .map((o) => ({ at: String(o.getFirstPropertyValue("dtstart")), name: String(o.getFirstPropertyValue("tzname")) }))
      .sort((a, b) => a.at.localeCompare(b.at));
    return observances.filter((o) => o.at <= start).at(-1)!.name;
  };

  it("are the names each post's page gives its chat's zone, long where en-US has no abbreviation", () => {
    const seen = new Set<string>();
    for (const page of postPages(site)) {
      const ics = site.read(page.replace(/index\.html$/, "chat.ics"));
      const name = pageZoneName(site.read(page));
      assert.equal(calendarZoneName(ics), name, page);
      seen.add(name);
    }
    assert.deepEqual([...seen].sort(), ["Australian Eastern Daylight Time", "EDT", "EST"]);
    // The site's calendar names the same observances the same way; no GMT offset is left for a zone with a name.
    const feed = site.read("calendar.ics").replace(/\r\n /g, "");
    assert.match(feed, /\r\nTZNAME:Australian Eastern Standard Time\r\n/);
    assert.doesNotMatch(feed, /TZNAME:GMT/);
  });
});

describe("feed dates", () => {
  /** Each post's publish day, as its page gives it, by address. */
  const publishDays = (built: BuiltSite, origin: string) =>
    new Map(postPages(built).map((page) => [`${origin}/${page.replace(/index\.html$/, "")}`, dom(built.read(page)).querySelector("time.post-date")!.getAttribute("datetime")!]));

  it("are noon UTC on the publish day: the same day for readers from UTC−12 to UTC+11", () => {
    const days = publishDays(site, ORIGIN);
    const atom = parseFeed(site.read("feed.xml"));
    const json = JSON.parse(site.read("feed.json")) as { items: { url: string; date_published: string; date_modified?: string }[] };
    assert.equal(atom.items.length, days.size);
    for (const item of atom.items) {
      const day = days.get(item.url!)!;
      assert.equal(item.published?.toISOString(), `${day}T12:00:00.000Z`, item.url!);
      assert.equal(item.updated?.toISOString(), `${day}T12:00:00.000Z`, item.url!);
      for (let offset = -12; offset <= 11; offset++) {
        assert.equal(new Date(item.published!.getTime() + offset * HOUR).toISOString().slice(0, 10), day, `${item.url} at UTC${offset}`);
      }
    }
    for (const item of json.items) assert.equal(item.date_published, `${days.get(item.url)}T12:00:00Z`, item.url);
    // The feed's own <updated> is its newest entry's.
    const newest = Math.max(...atom.items.map((i) => i.updated!.getTime()));
    assert.equal(atom.updated?.getTime(), newest);
  });

  it("stay days where the formats take a day: the structured data and the sitemap", () => {
    const page = dom(site.read("posts/online-communities/index.html"));
    const graph = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!)["@graph"] as Record<string, unknown>[];
    assert.equal(graph.find((n) => n["@type"] === "BlogPosting")!.datePublished, "2017-04-30");
    assert.match(site.read("sitemap.xml"), /\/posts\/online-communities\/<\/loc><lastmod>2017-04-30<\/lastmod>/);
  });

  it("are 23:00 in the site's zone where noon UTC is already the next day there, and a change's moment is kept", () => {
    const origin = `${ORIGIN}/repo`;
    const days = publishDays(auckland, origin);
    const atom = parseFeed(auckland.read("feed.xml"));
    const json = JSON.parse(auckland.read("feed.json")) as { items: { url: string; date_published: string; date_modified?: string }[] };
    const inAuckland = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Auckland" }).format(d);
    for (const item of atom.items) assert.equal(inAuckland(item.published!), days.get(item.url!), item.url!);
    // 2017-04-30 is NZST (+12): 23:00 there is 11:00 UTC, the same day from UTC−11 on.
    const april = atom.items.find((i) => i.url!.endsWith("/posts/online-communities/"))!;
    assert.equal(april.published?.toISOString(), "2017-04-30T11:00:00.000Z");
    // Corrected at 08:00 NZDT on its publish day: updated then, and not published after it.
    const corrected = json.items.find((i) => i.url.endsWith("/posts/after-dst/"))!;
    assert.equal(corrected.date_modified, "2017-11-02T19:00:00Z");
    assert.equal(corrected.date_published, "2017-11-02T19:00:00Z");
  });
});

describe("the site's share card", () => {
  const otherPages = (built: BuiltSite) => built.files().filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/") && !/^posts\/[^/]+\/index\.html$/.test(f));

  it("is shared by every page that is not a post, with its size and what it says", () => {
    const pages = otherPages(site);
    for (const expected of ["index.html", "404.html", "about/index.html", "archive/index.html", "archive/2017/index.html", "tags/index.html", "tags/community/index.html", "subscribe/index.html", "search/index.html"]) {
      assert.ok(pages.includes(expected), expected);
    }
    const alt = "Fixture Chat: A weekly online chat about leading change in healthcare, with the questions and reading list for each week. #fixchat";
    for (const page of pages) {
      const doc = dom(site.read(page));
      assert.equal(meta(doc, "og:image"), `${ORIGIN}/share.png`, page);
      assert.equal(meta(doc, "twitter:image"), `${ORIGIN}/share.png`, page);
      assert.equal(meta(doc, "og:image:type"), "image/png", page);
      assert.equal(meta(doc, "og:image:width"), "1200", page);
      assert.equal(meta(doc, "og:image:height"), "630", page);
      assert.equal(meta(doc, "og:image:alt"), alt, page);
      assert.equal(meta(doc, "twitter:image:alt"), alt, page);
      assert.equal(meta(doc, "twitter:card"), "summary_large_image", page);
    }
    assert.deepEqual(pngSize(readFileSync(path.join(site.out, "share.png"))), { width: 1200, height: 630 });
  });

  it("leaves each post its own card", () => {
    for (const page of postPages(site)) {
      const image = meta(dom(site.read(page)), "og:image")!;
      assert.equal(image, `${ORIGIN}/${page.replace(/index\.html$/, "share.png")}`);
      assert.ok(!readFileSync(path.join(site.out, new URL(image).pathname)).equals(readFileSync(path.join(site.out, "share.png"))), page);
    }
  });

  it("is under the path prefix, and says the site's address with it", () => {
    for (const page of otherPages(auckland)) assert.equal(meta(dom(auckland.read(page)), "og:image"), `${ORIGIN}/repo/share.png`, page);
    const png = readFileSync(path.join(auckland.out, "share.png"));
    assert.deepEqual(pngSize(png), { width: 1200, height: 630 });
    // The card shows careleaders.example/repo, not careleaders.example: another image.
    assert.ok(!png.equals(readFileSync(path.join(site.out, "share.png"))));
  });
});
