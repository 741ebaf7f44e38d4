// `npm run new` after the week's chat was called off: another chat may take a cancelled
// chat's time, so the new post is for that week; a postponed chat will still happen, so its
// week stays taken. The fixture's upcoming chat is Tuesday, December 1, 2026, 20:30 EST.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { copySiteWith, FIXTURE_SITE, runScript } from "../helpers/build-site.ts";

const UPCOMING = "content/posts/2026-11-20-upcoming.md";
const upcoming = readFileSync(path.join(FIXTURE_SITE, UPCOMING), "utf8");
const called = (line: string) => upcoming.replace("date: 2026-11-20\n", "date: 2026-11-20\nupdated: 2026-11-24\n").replace("  start: 2026-12-01T20:30\n", `  start: 2026-12-01T20:30\n  ${line}\n`);
// Wednesday, November 25, 2026: the next weekly slot is Tuesday, December 1.
const env = { CHATPOST_NOW: "2026-11-25T12:00:00Z", CHATPOST_CACHE_DIR: "off" };

describe("npm run new, when the week's chat is cancelled", () => {
  it("writes the post for that week, at the weekly time, and says nothing of the cancelled chat", async () => {
    const root = copySiteWith(FIXTURE_SITE, { files: { [UPCOMING]: called("cancelled: true") } });
    const result = await runScript("new-post", root, ["Listening to patients"], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Created content\/posts\/2026-12-01-listening-to-patients\.md\n/);
    assert.doesNotMatch(result.stdout, /already has its chat/);
    assert.match(readFileSync(path.join(root, "content/posts/2026-12-01-listening-to-patients.md"), "utf8"), /^  start: 2026-12-01T20:30\b/m);
    // Both posts check clean: the cancelled one and the one taking its time.
    const check = await runScript("check", root, [], env);
    assert.equal(check.code, 0, check.stderr);
    assert.doesNotMatch(check.stdout + check.stderr, /warning/);
  });
});

describe("npm run new, when the week's chat is postponed", () => {
  it("passes over that week, naming the postponed post, and writes the next week's", async () => {
    const root = copySiteWith(FIXTURE_SITE, { files: { [UPCOMING]: called("postponed: true") } });
    const result = await runScript("new-post", root, ["Listening to patients"], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^The chat on 2026-12-01 already has a post: content\/posts\/2026-11-20-upcoming\.md\.$/m);
    assert.equal(existsSync(path.join(root, "content/posts/2026-12-01-listening-to-patients.md")), false);
    assert.match(result.stdout, /^Created content\/posts\/2026-12-08-listening-to-patients\.md$/m);
  });
});
