// A post corrected after it was published (`updated:`): readers see the day on the page,
// and feeds, the sitemap, the structured data and both calendars carry it, so that
// readers' feed readers and calendars take the change.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import ICAL from "ical.js";
import { buildSite, copySite, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

const POST = "content/posts/2017-04-30-online-communities.md";
let site: BuiltSite;
let before_: BuiltSite;
let sameDay: BuiltSite;
let sameDayAgain: BuiltSite;

before(async () => {
  const root = copySite(FIXTURE_SITE);
  before_ = await buildSite(root);
  const file = path.join(root, POST);
  const original = readFileSync(file, "utf8");
  // The chat moved half an hour, and the post says so from 2017-05-01 on.
  const moved = (updated: string, start: string) => original.replace("date: 2017-04-30\n", `date: 2017-04-30\nupdated: ${updated}\n`).replace("start: 2017-05-02T20:30", `start: ${start}`);
  writeFileSync(file, moved("2017-05-01", "2017-05-02T21:00"));
  site = await buildSite(root);
  // Corrected twice on its publish day: at 11:00, then at 15:30, where the chat is hosted.
  writeFileSync(file, moved("2017-04-30T11:00", "2017-05-02T21:00"));
  sameDay = await buildSite(root);
  writeFileSync(file, moved("2017-04-30T15:30", "2017-05-02T21:30"));
  sameDayAgain = await buildSite(root);
});

const event = (ics: string, uid: string) => {
  const vevent = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").find((v) => v.getFirstPropertyValue("uid") === uid)!;
  const stamp = (name: string) => (vevent.getFirstPropertyValue(name) as ICAL.Time | null)?.toJSDate().toISOString() ?? null;
  return { sequence: vevent.getFirstPropertyValue("sequence"), dtstamp: stamp("dtstamp"), lastModified: stamp("last-modified") };
};

describe("a post updated after it was published", () => {
  it("says so on its page, next to the publish date", () => {
    const meta = dom(site.read("posts/online-communities/index.html")).querySelector(".post-meta")!;
    assert.equal(meta.querySelector("time.post-date")?.getAttribute("datetime"), "2017-04-30");
    const updated = meta.querySelector("time.post-updated");
    assert.equal(updated?.getAttribute("datetime"), "2017-05-01");
    assert.equal(updated?.textContent, "May 1, 2017");
    assert.match(meta.textContent!.replace(/\s+/g, " "), /· Updated May 1, 2017$/);
    assert.equal(dom(before_.read("posts/online-communities/index.html")).querySelector("time.post-updated"), null);
  });

  it("has dateModified in its structured data", () => {
    const json = dom(site.read("posts/online-communities/index.html")).querySelector('script[type="application/ld+json"]')!.textContent!;
    const posting = (JSON.parse(json)["@graph"] as Record<string, unknown>[]).find((n) => n["@type"] === "BlogPosting")!;
    assert.equal(posting.datePublished, "2017-04-30");
    assert.equal(posting.dateModified, "2017-05-01");
  });

  it("is updated in the feeds and the sitemap, and still published on its date", () => {
    const entry = site.read("feed.xml").split("<entry>").find((e) => /<id>[^<]*\/posts\/online-communities\/<\/id>/.test(e))!;
    assert.match(entry, /<published>2017-04-30T12:00:00Z<\/published>\s*<updated>2017-05-01T12:00:00Z<\/updated>/);
    // The feed's own <updated> is its latest entry's.
    const [head, ...entries] = site.read("feed.xml").split("<entry>");
    const latest = entries.map((e) => /<updated>([^<]+)<\/updated>/.exec(e)![1]!).sort().at(-1);
    assert.equal(/<updated>([^<]+)<\/updated>/.exec(head!)![1], latest);
    const items = (JSON.parse(site.read("feed.json")) as { items: Record<string, string>[] }).items;
    const item = items.find((i) => i.url!.endsWith("/posts/online-communities/"))!;
    assert.equal(item.date_published, "2017-04-30T12:00:00Z");
    assert.equal(item.date_modified, "2017-05-01T12:00:00Z");
    assert.ok(items.filter((i) => i !== item).every((i) => !("date_modified" in i)), "only updated posts have date_modified");
    assert.match(site.read("sitemap.xml"), /\/posts\/online-communities\/<\/loc><lastmod>2017-05-01<\/lastmod>/);
  });

  it("is a new revision of the chat in its calendar file and the site's calendar, at the new time", () => {
    const uid = `online-communities.chat@${new URL(JSON.parse(site.read("feed.json")).home_page_url).host}`;
    assert.deepEqual(event(before_.read("calendar.ics"), uid), { sequence: null, dtstamp: "2017-04-30T00:00:00.000Z", lastModified: null });
    const files = site.files().filter((f) => f.endsWith(".ics") && f.includes("online-communities"));
    assert.ok(files.length > 0, "the post has its own calendar file");
    for (const ics of [site.read("calendar.ics"), ...files.map((f) => site.read(f))]) {
      // SEQUENCE: minutes since 2000-01-01 (2017-05-01 is day 6330); a day alone is stamped at noon UTC, as in the feeds.
      assert.deepEqual(event(ics, uid), { sequence: 6330 * 1440, dtstamp: "2017-05-01T12:00:00.000Z", lastModified: "2017-05-01T12:00:00.000Z" });
      assert.match(ics, /DTSTART;TZID=America\/New_York:20170502T210000/);
    }
  });
});

describe("a post corrected twice on its publish day, each time with the time of the change", () => {
  const uid = (built: BuiltSite) => `online-communities.chat@${new URL(JSON.parse(built.read("feed.json")).home_page_url).host}`;

  it("is a new revision in the calendars at each change, the later one higher", () => {
    const expected = [
      // 2017-04-30 is day 6329 since 2000-01-01.
      [sameDay, { sequence: 6329 * 1440 + 11 * 60, dtstamp: "2017-04-30T15:00:00.000Z", lastModified: "2017-04-30T15:00:00.000Z" }, "210000"],
      [sameDayAgain, { sequence: 6329 * 1440 + 15 * 60 + 30, dtstamp: "2017-04-30T19:30:00.000Z", lastModified: "2017-04-30T19:30:00.000Z" }, "213000"],
    ] as const;
    for (const [built, revision, start] of expected) {
      const files = built.files().filter((f) => f.endsWith(".ics") && f.includes("online-communities"));
      for (const ics of [built.read("calendar.ics"), ...files.map((f) => built.read(f))]) {
        assert.deepEqual(event(ics, uid(built)), revision);
        assert.match(ics, new RegExp(`DTSTART;TZID=America/New_York:20170502T${start}`));
      }
    }
  });

  it("carries the moment of the change in the feeds, the sitemap and the structured data, and the day on the page", () => {
    const entry = sameDayAgain.read("feed.xml").split("<entry>").find((e) => /<id>[^<]*\/posts\/online-communities\/<\/id>/.test(e))!;
    assert.match(entry, /<published>2017-04-30T12:00:00Z<\/published>\s*<updated>2017-04-30T19:30:00Z<\/updated>/);
    const item = (JSON.parse(sameDayAgain.read("feed.json")) as { items: Record<string, string>[] }).items.find((i) => i.url!.endsWith("/posts/online-communities/"))!;
    assert.equal(item.date_modified, "2017-04-30T19:30:00Z");
    assert.match(sameDayAgain.read("sitemap.xml"), /\/posts\/online-communities\/<\/loc><lastmod>2017-04-30T15:30-04:00<\/lastmod>/);
    const page = dom(sameDayAgain.read("posts/online-communities/index.html"));
    const posting = (JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!)["@graph"] as Record<string, unknown>[]).find((n) => n["@type"] === "BlogPosting")!;
    assert.equal(posting.dateModified, "2017-04-30T15:30-04:00");
    const updated = page.querySelector(".post-meta time.post-updated");
    assert.equal(updated?.getAttribute("datetime"), "2017-04-30T15:30-04:00");
    assert.equal(updated?.textContent, "April 30, 2017");
  });
});
