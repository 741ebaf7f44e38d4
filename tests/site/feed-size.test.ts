// Feeds carry the newest `feedSize` posts (settings), newest first, in both formats.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { buildSite, copySite, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";

const ORIGIN = "https://careleaders.example";
let site: BuiltSite;

before(async () => {
  const root = copySite(FIXTURE_SITE);
  const settings = path.join(root, "content/_data/site.yaml");
  writeFileSync(settings, `${readFileSync(settings, "utf8")}\nfeedSize: 2\n`);
  site = await buildSite(root);
});

describe("feed size", () => {
  it("keeps the two newest posts in the Atom feed", () => {
    const feed = parseFeed(site.read("feed.xml"));
    assert.deepEqual(feed.items.map((i) => i.url), [`${ORIGIN}/posts/upcoming/`, `${ORIGIN}/posts/escaping/`]);
  });

  it("keeps the same two in the JSON Feed", () => {
    const feed = JSON.parse(site.read("feed.json"));
    assert.deepEqual(feed.items.map((i: { url: string }) => i.url), [`${ORIGIN}/posts/upcoming/`, `${ORIGIN}/posts/escaping/`]);
  });

  it("still lists every published post on the home page and in the calendar", () => {
    assert.equal(site.read("calendar.ics").match(/BEGIN:VEVENT/g)?.length, 4);
    assert.ok(site.exists("posts/online-communities/index.html"));
  });
});
