// The day a post is published, with the real commands, around midnight where the chats are
// hosted, west and east of UTC: a post dated 2027-06-01 appears from 00:00 on June 1 there
// (pages, feeds, sitemap), a warm build a minute before midnight does nothing, one a minute
// after publishes it; `npm run check` warns about a link to it until then; `npm run new`
// dates a post by the same day.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { copySiteWith, FIXTURE_SITE, listFiles, postText, runScript, type BuildResult } from "../helpers/build-site.ts";

const UP_TO_DATE = /is up to date: no input changed/;
const POST = "content/posts/2027-06-01-midnight.md";
const PAGE = ["---", "title: Plans", "permalink: /plans/", "layout: base.njk", "---", "See [the chat of June 1](/posts/midnight/).", ""].join("\n");
const LINK_WARNING = /content\/plans\.md:6:\d+ .*warning: the link to \/posts\/midnight\/ leads to a post dated 2027-06-01 \(content\/posts\/2027-06-01-midnight\.md\), not published yet/;

/** A copy of the fixture site whose chats are hosted in `zone`, with a post dated 2027-06-01. */
function siteIn(zone: string, files: Record<string, string> = {}): string {
  return copySiteWith(FIXTURE_SITE, {
    settings: (yaml) => yaml.replace(/^(\s+zone:\s*)\S+/m, `$1${zone}`),
    files: { [POST]: postText("Midnight post", "2027-06-01", "A post dated June 1."), ...files },
  });
}

for (const { zone, beforeMidnight, stillBefore, afterMidnight } of [
  // UTC−7 in June: June 1 begins at 07:00 UTC, so midnight UTC is still May 31 there.
  { zone: "America/Los_Angeles", beforeMidnight: "2027-05-31T23:59:00-07:00", stillBefore: "2027-05-31T23:59:30-07:00", afterMidnight: "2027-06-01T00:01:00-07:00" },
  // UTC+12 in June: June 1 begins at 12:00 UTC on May 31.
  { zone: "Pacific/Auckland", beforeMidnight: "2027-05-31T23:59:00+12:00", stillBefore: "2027-05-31T23:59:30+12:00", afterMidnight: "2027-06-01T00:01:00+12:00" },
]) {
  describe(`chats hosted in ${zone}: a post dated 2027-06-01`, () => {
    const root = siteIn(zone);
    const out = path.join(root, "_site");
    const env = { CHATPOST_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "pd-cache-")) };
    const build = (now: string) => runScript("build", root, [], { ...env, CHATPOST_NOW: now });
    const steps: Record<string, { result: BuildResult; files: string[]; feed: string; sitemap: string }> = {};
    const checks: Record<string, BuildResult> = {};
    const scaffolds: Record<string, { result: BuildResult; text: string }> = {};

    before(async () => {
      for (const [name, now] of [["before", beforeMidnight], ["stillBefore", stillBefore], ["after", afterMidnight]] as const) {
        const result = await build(now);
        steps[name] = { result, files: listFiles(out), feed: readFileSync(path.join(out, "feed.xml"), "utf8"), sitemap: readFileSync(path.join(out, "sitemap.xml"), "utf8") };
      }
      const linking = siteIn(zone, { "content/plans.md": PAGE });
      for (const [name, now] of [["before", beforeMidnight], ["after", afterMidnight]] as const) {
        checks[name] = await runScript("check", linking, [], { CHATPOST_CACHE_DIR: "off", CHATPOST_NOW: now });
      }
      const scaffolding = siteIn(zone);
      for (const [name, now] of [["before", beforeMidnight], ["after", afterMidnight]] as const) {
        const result = await runScript("new-post", scaffolding, ["Next chat"], { CHATPOST_CACHE_DIR: "off", CHATPOST_NOW: now });
        const file = /^Created (\S+)$/m.exec(result.stdout)?.[1];
        scaffolds[name] = { result, text: file ? readFileSync(path.join(scaffolding, file), "utf8") : "" };
        if (file) rmSync(path.join(scaffolding, file));
      }
    });

    it("every command succeeded", () => {
      for (const [name, { result }] of Object.entries(steps)) assert.equal(result.code, 0, `build ${name}: ${result.stderr}`);
      for (const [name, result] of Object.entries(checks)) assert.equal(result.code, 0, `check ${name}: ${result.stderr}`);
      for (const [name, { result }] of Object.entries(scaffolds)) assert.equal(result.code, 0, `new ${name}: ${result.stderr}`);
    });

    it("a build at 23:59 on May 31 there leaves it out of the pages, feeds and sitemap", () => {
      const built = steps.before!;
      assert.ok(built.files.includes("posts/online-communities/index.html"));
      assert.ok(!built.files.includes("posts/midnight/index.html"));
      assert.doesNotMatch(built.feed, /\/posts\/midnight\//);
      assert.doesNotMatch(built.sitemap, /\/posts\/midnight\//);
    });

    it("a warm build half a minute later, still May 31 there, does nothing", () => {
      assert.match(steps.stillBefore!.result.stdout, UP_TO_DATE);
    });

    it("a build at 00:01 on June 1 there builds again and publishes it, in the feed and sitemap too", () => {
      const built = steps.after!;
      assert.doesNotMatch(built.result.stdout, UP_TO_DATE);
      assert.ok(built.files.includes("posts/midnight/index.html"));
      assert.match(built.feed, /<link href="https:\/\/careleaders\.example\/posts\/midnight\/"/);
      assert.match(built.sitemap, /<loc>https:\/\/careleaders\.example\/posts\/midnight\/<\/loc><lastmod>2027-06-01<\/lastmod>/);
    });

    it("npm run check warns about a page's link to it until midnight there, and not after", () => {
      assert.match(checks.before!.stdout + checks.before!.stderr, LINK_WARNING);
      assert.doesNotMatch(checks.after!.stdout + checks.after!.stderr, /the link to \/posts\/midnight\//);
    });

    it("npm run new dates a new post by the day there: May 31 at 23:59, June 1 at 00:01", () => {
      assert.match(scaffolds.before!.text, /^date: 2027-05-31(?= |$)/m);
      assert.match(scaffolds.after!.text, /^date: 2027-06-01(?= |$)/m);
    });
  });
}
