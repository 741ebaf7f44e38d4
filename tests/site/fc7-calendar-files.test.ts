// The calendar files as calendar programs take them, read back with ical.js from built sites:
// a post's own file is an event to add, not a calendar (no NAME / X-WR-CALNAME, which makes
// Outlook for Windows open it as a calendar of its own); a day-only `updated:` is stamped at
// the instant the feeds give it (the site's zone, whatever the chat's); and UIDs are unique per
// site, a path prefix included, while a root site keeps its UIDs.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import ICAL from "ical.js";
import { buildSite, copySiteWith, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";

const HOST = "careleaders.example";

// On the fixture's New York site: a chat in Auckland, corrected on a day alone. Noon UTC on
// 20 Nov is already 21 Nov in Auckland (+13), so a day placed in the chat's zone would be
// 23:00 there (10:00 UT), not the feeds' noon UTC.
const AUCKLAND_POST = `---
title: New Year's Eve in Auckland
date: 2026-11-12
updated: 2026-11-20
chat:
  start: 2026-12-31T23:30
  zone: Pacific/Auckland
---
Body.
`;

// On an Auckland site: a chat in New York, corrected on a day alone. The feeds give that day
// as 23:00 in Auckland (10:00 UT), noon UTC being the next day there.
const NEW_YORK_POST = `---
title: A New York chat on an Auckland site
date: 2026-11-12
updated: 2026-11-20
chat:
  start: 2026-12-01T20:30
  zone: America/New_York
---
Body.
`;

let root: BuiltSite;
let prefixed: BuiltSite;

before(async () => {
  const plain = copySiteWith(FIXTURE_SITE, { files: { "content/posts/2026-11-12-auckland.md": AUCKLAND_POST } });
  const auckland = copySiteWith(FIXTURE_SITE, {
    files: { "content/posts/2026-11-12-new-york.md": NEW_YORK_POST },
    settings: (yaml) => yaml.replace(/^  zone: America\/New_York/m, "  zone: Pacific/Auckland"),
  });
  // As GitHub Actions builds a project site: https://careleaders.example/chat-repo/.
  [root, prefixed] = await Promise.all([buildSite(plain), buildSite(auckland, { args: ["--path-prefix", "/chat-repo/"] })]);
});

function calendar(ics: string): { component: ICAL.Component; events: ICAL.Event[] } {
  const component = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.reset();
  for (const tz of component.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return { component, events: component.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

const postFiles = (site: BuiltSite) => site.files().filter((f) => /^posts\/[^/]+\/chat\.ics$/.test(f)).sort();
const slugOf = (file: string) => file.split("/")[1]!;
const stamp = (event: ICAL.Event, name: string) => (event.component.getFirstPropertyValue(name) as ICAL.Time | null)?.toJSDate().toISOString();

/** The Atom entry's <updated> and the JSON Feed item's date_modified of a post, as instants. */
function feedUpdated(site: BuiltSite, slug: string): { atom: string; json: string } {
  const entry = site.read("feed.xml").split("<entry").find((e) => e.includes(`/posts/${slug}/</id>`));
  assert.ok(entry, `${slug} in feed.xml`);
  const item = (JSON.parse(site.read("feed.json")).items as Array<{ url: string; date_modified?: string }>).find((i) => i.url.endsWith(`/posts/${slug}/`));
  assert.ok(item?.date_modified, `${slug} in feed.json with date_modified`);
  return { atom: new Date(/<updated>([^<]+)<\/updated>/.exec(entry)![1]!).toISOString(), json: new Date(item.date_modified).toISOString() };
}

describe("a post's own calendar file", () => {
  it("names no calendar, so that Outlook adds the event instead of opening a calendar of its own", () => {
    for (const site of [root, prefixed]) {
      const files = postFiles(site);
      assert.ok(files.length >= 5, files.join(", "));
      for (const file of files) {
        const { component, events } = calendar(site.read(file));
        assert.equal(component.getFirstProperty("name"), null, file);
        assert.equal(component.getFirstProperty("x-wr-calname"), null, file);
        assert.equal(component.getFirstProperty("x-wr-caldesc"), null, file);
        // Still a whole file of one event.
        assert.equal(component.getFirstPropertyValue("method"), "PUBLISH", file);
        assert.equal(events.length, 1, file);
        assert.ok(events[0]!.startDate.toJSDate().getTime() > 0, file);
      }
    }
  });

  it("while the site-wide feed, a calendar one subscribes to, is named", () => {
    const { component } = calendar(root.read("calendar.ics"));
    assert.equal(component.getFirstPropertyValue("name"), "Fixture Chat");
    assert.equal(component.getFirstPropertyValue("x-wr-calname"), "Fixture Chat");
  });
});

describe("a correction dated by its day alone", () => {
  it("is stamped at the instant the feeds give that day, in the site's zone, for a chat in another zone", () => {
    for (const [site, slug, instant] of [
      [root, "auckland", "2026-11-20T12:00:00.000Z"],
      [prefixed, "new-york", "2026-11-20T10:00:00.000Z"],
    ] as const) {
      const feeds = feedUpdated(site, slug);
      assert.deepEqual(feeds, { atom: instant, json: instant }, slug);
      for (const file of [`posts/${slug}/chat.ics`, "calendar.ics"]) {
        const event = calendar(site.read(file)).events.find((e) => String(e.component.getFirstPropertyValue("url")).endsWith(`/posts/${slug}/`));
        assert.ok(event, `${slug} in ${file}`);
        assert.equal(stamp(event, "dtstamp"), instant, `${file} DTSTAMP`);
        assert.equal(stamp(event, "last-modified"), instant, `${file} LAST-MODIFIED`);
      }
    }
  });
});

describe("event UIDs", () => {
  const uids = (site: BuiltSite) => calendar(site.read("calendar.ics")).events.map((e) => e.uid).sort();

  it("stay as they were on a site at the root of its host", () => {
    const files = postFiles(root);
    assert.deepEqual(uids(root), files.map((f) => `${slugOf(f)}.chat@${HOST}`).sort());
    for (const file of files) assert.equal(calendar(root.read(file)).events[0]!.uid, `${slugOf(file)}.chat@${HOST}`, file);
  });

  it("carry the path prefix, so that two sites on one host never share one, the same in both files", () => {
    const files = postFiles(prefixed);
    assert.deepEqual(uids(prefixed), files.map((f) => `chat-repo.${slugOf(f)}.chat@${HOST}`).sort());
    for (const file of files) {
      const event = calendar(prefixed.read(file)).events[0]!;
      assert.equal(event.uid, `chat-repo.${slugOf(file)}.chat@${HOST}`, file);
      assert.equal(String(event.component.getFirstPropertyValue("url")), `https://${HOST}/chat-repo/posts/${slugOf(file)}/`, file);
    }
    // The same posts (the fixture's) at the root and under the prefix: no UID in common.
    const shared = uids(prefixed).filter((uid) => uids(root).includes(uid));
    assert.deepEqual(shared, []);
    assert.ok(postFiles(root).some((f) => postFiles(prefixed).includes(f)), "the two sites have posts of the same name");
  });
});
