// Two builds of the same commit are byte-identical: no build timestamps, stable order,
// stable identifiers, share images and search index included. Each build starts from its
// own copy of the site, so the share-image cache is cold both times.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, type BuiltSite } from "../helpers/build-site.ts";

let first: BuiltSite;
let second: BuiltSite;
let fromRecords: BuiltSite;
before(async () => {
  [first, second] = await Promise.all([buildSite(undefined, { copy: true }), buildSite(undefined, { copy: true })]);
  // The first site again, forced: its posts come from the validation records the first build wrote.
  fromRecords = await buildSite(first.root, { args: ["--force"], env: { CHATPOST_TRACE: "1" } });
});

const digest = (site: BuiltSite, file: string): string => createHash("sha256").update(readFileSync(path.join(site.out, file))).digest("hex");

describe("reproducible builds", () => {
  it("write the same files", () => {
    assert.deepEqual(second.files(), first.files());
    // Everything this issue publishes is among them.
    for (const file of ["feed.xml", "feed.json", "sitemap.xml", "robots.txt", "_headers", "calendar.ics", "pagefind/pagefind-entry.json", "posts/escaping/share.png"]) {
      assert.ok(first.files().includes(file), file);
    }
  });

  it("with the same bytes", () => {
    const different = first.files().filter((file) => digest(first, file) !== digest(second, file));
    assert.deepEqual(different, []);
  });

  it("also when the posts are taken from their validation records instead of parsed", () => {
    const [, read, all] = /posts read: (\d+) of (\d+) from validation records/.exec(fromRecords.stderr) ?? [];
    assert.ok(Number(all) >= 5 && read === all, fromRecords.stderr);
    assert.deepEqual(fromRecords.files(), second.files());
    assert.deepEqual(fromRecords.files().filter((file) => digest(fromRecords, file) !== digest(second, file)), []);
  });
});
