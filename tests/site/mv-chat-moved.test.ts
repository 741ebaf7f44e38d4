// A published chat whose start is edited without `updated:`: calendars that have it keep the
// old time. `npm run check` and `npm run build` warn (exit 0) against the record of the chats
// a build published (lib/chat-revisions.ts), until the post has the `updated:` the warning
// gives or the chat is moved back; drafts and posts not yet published are never told.
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { after, before, describe, it } from "node:test";
import { chatRevisionsKey } from "../../lib/chat-revisions.ts";
import { ContentCache } from "../../lib/content-cache.ts";
import { copySite, FIXTURE_SITE, reportLines, runScript, said, testFileCache, type BuildResult } from "../helpers/build-site.ts";
import { startPreview } from "../helpers/preview-server.ts";

// The fixture's upcoming chat, Tuesday 2026-12-01 20:30 New York, published 2026-11-20; the clock is 2026-11-24T12:00Z.
const UPCOMING = "content/posts/2026-11-20-upcoming.md";
const DRAFT = "content/posts/2017-11-10-draft.md";
const SCHEDULED = "content/posts/2030-01-01-scheduled.md";
const UP_TO_DATE = /is up to date: no input changed/;
const WARNING = /^content\/posts\/2026-11-20-upcoming\.md:5:3 {2}chat\.start {2}warning: the chat was published starting at 2026-12-01T20:30 and now starts at 2026-12-02T20:30 \(America\/New_York time\), but the post has no `updated:`: calendars that already have the chat keep the old time \(they take a change only as a new revision\), and feed readers do not show the change → add the line `updated: 2026-11-24` below `date:` \(the day you changed the post, today\), and add the line `moved_from: 2026-12-01T20:30` below `start:` so that the page says "Moved from …"; or, if the chat did not move, write `start: 2026-12-01T20:30` again$/;

const root = copySite(FIXTURE_SITE);
const out = path.join(tmpdir(), `chatpost-out-${path.basename(root)}`);
const cacheDir = testFileCache("mv-chat-moved");
const env = { CHATPOST_CACHE_DIR: cacheDir };
after(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const original = readFileSync(path.join(root, UPCOMING), "utf8");
const write = (file: string, text: string) => writeFileSync(path.join(root, file), text);
const moved = original.replace("  start: 2026-12-01T20:30\n", "  start: 2026-12-02T20:30\n");
const check = (extra: Record<string, string> = {}) => runScript("check", root, [], { ...env, ...extra });
const build = (extra: Record<string, string> = {}) => runScript("build", root, ["--output", out], { ...env, ...extra });

function assertClean(result: BuildResult, what: string): void {
  assert.equal(result.code, 0, `${what}: ${said(result)}`);
  assert.doesNotMatch(said(result), /warning/, what);
}

function assertWarns(result: BuildResult, what: string): void {
  assert.equal(result.code, 0, `${what}: ${said(result)}`);
  assert.match(reportLines(result), WARNING, what);
  assert.match(said(result), /^1 warning\.$/m, what);
}

/** The post with the lines the warning says to add, where it says to add them. */
function fixedAsTold(text: string, fix: string): string {
  const updated = /add the line `(updated: [^`]+)` below `date:`/.exec(fix)![1]!;
  const movedFrom = /add the line `(moved_from: [^`]+)` below `start:`/.exec(fix)![1]!;
  return text.replace(/^(date: .*\n)/m, `$1${updated}\n`).replace(/^( {2}start: .*\n)/m, `$1  ${movedFrom}\n`);
}

describe("a published chat moved without `updated:`", () => {
  const runs: Record<string, BuildResult> = {};
  let fixedText = "";

  before(async () => {
    runs.firstBuild = await build();
    write(UPCOMING, moved);
    runs.check = await check();
    runs.checkAgain = await check(); // from the check's records
    runs.build = await build();
    runs.buildAgain = await build(); // nothing changed: from the build's record
    runs.cacheOffCheck = await check({ CHATPOST_CACHE_DIR: "off" });
    runs.cacheOffBuild = await build({ CHATPOST_CACHE_DIR: "off" });

    // Moved back: nothing to tell.
    write(UPCOMING, original);
    runs.backCheck = await check();
    runs.backBuild = await build();

    // Moved again, then the lines the warning gives are added.
    write(UPCOMING, moved);
    runs.movedAgain = await check();
    fixedText = fixedAsTold(moved, /→ (.*)$/m.exec(reportLines(runs.movedAgain))![1]!);
    write(UPCOMING, fixedText);
    runs.fixedCheck = await check();
    runs.fixedBuild = await build();
    runs.fixedCheckAfterBuild = await check();
  });

  it("the first build, with no record yet, tells nothing", () => {
    assertClean(runs.firstBuild!, "first build");
  });

  it("npm run check warns with the old and the new time and the lines to add, and exits 0", () => {
    assertWarns(runs.check!, "check");
    assert.match(said(runs.check!), /6 posts checked: no errors\./);
  });

  it("the check warns again when the post comes from its record", () => {
    assertWarns(runs.checkAgain!, "check again");
    assert.equal(reportLines(runs.checkAgain!), reportLines(runs.check!));
  });

  it("npm run build warns the same, builds, and keeps warning on the next build", () => {
    assertWarns(runs.build!, "build");
    assert.equal(reportLines(runs.build!), reportLines(runs.check!));
    assertWarns(runs.buildAgain!, "build again");
    assert.match(runs.buildAgain!.stdout, UP_TO_DATE);
  });

  it("tells nothing with CHATPOST_CACHE_DIR=off: there is no record", () => {
    assertClean(runs.cacheOffCheck!, "check without cache");
    assertClean(runs.cacheOffBuild!, "build without cache");
  });

  it("tells nothing once the chat is moved back", () => {
    assertClean(runs.backCheck!, "check moved back");
    assertClean(runs.backBuild!, "build moved back");
  });

  it("tells nothing once the lines it gave are added, and the page says Moved from", () => {
    assertWarns(runs.movedAgain!, "moved again");
    assert.match(fixedText, /^date: 2026-11-20\nupdated: 2026-11-24\n/m);
    assert.match(fixedText, /^ {2}start: 2026-12-02T20:30\n {2}moved_from: 2026-12-01T20:30\n/m);
    assertClean(runs.fixedCheck!, "check fixed");
    assert.match(said(runs.fixedCheck!), /posts checked: no errors\./);
    assertClean(runs.fixedBuild!, "build fixed");
    assertClean(runs.fixedCheckAfterBuild!, "check after the fixed build");
    assert.match(readFileSync(path.join(out, "posts/upcoming/index.html"), "utf8"), /Moved from/);
  });
});

describe("chats not told", () => {
  const runs: Record<string, BuildResult> = {};

  before(async () => {
    // The fixed post of the cases above is the record now; a draft and a post dated 2030 are in none.
    await build();
    const moveStart = (file: string, from: string, to: string) => write(file, readFileSync(path.join(root, file), "utf8").replace(`start: ${from}`, `start: ${to}`));
    moveStart(DRAFT, "2017-11-14T20:30", "2017-11-15T20:30");
    moveStart(SCHEDULED, "2030-01-08T20:30", "2030-01-09T20:30");
    runs.check = await check();
    runs.build = await build();
  });

  it("a draft's or a post not yet published is never told", () => {
    assertClean(runs.check!, "check");
    assertClean(runs.build!, "build");
  });
});

describe("the record changed or damaged since the last build", () => {
  const runs: Record<string, BuildResult> = {};

  before(async () => {
    // The settled post moved again on the same day: told with the time to write.
    const text = readFileSync(path.join(root, UPCOMING), "utf8");
    write(UPCOMING, text.replace("  start: 2026-12-02T20:30\n", "  start: 2026-12-03T20:30\n"));
    runs.build = await build();
    runs.check = await check();
    // Damaged (as by a disk or another program): ignored, not trusted; the build that follows writes it again.
    const key = chatRevisionsKey(root, "https://careleaders.example/")!;
    writeFileSync(new ContentCache(cacheDir).fileFor(key), "damaged");
    runs.checkDamaged = await check();
    runs.buildDamaged = await build();
    runs.checkRewritten = await check();
  });

  it("a second move on the day of the first asks for `updated:` with the time", () => {
    assert.equal(runs.build!.code, 0, said(runs.build!));
    assert.match(reportLines(runs.build!), /warning: the chat was published starting at 2026-12-02T20:30 and now starts at 2026-12-03T20:30 .* but `updated:` is still 2026-11-24, the revision calendars have: .* → change `updated:` \(line 4\) to `updated: 2026-11-24T07:00` \(the day and time you changed the post\), and change `moved_from:` to `moved_from: 2026-12-02T20:30`/);
    assert.equal(reportLines(runs.check!), reportLines(runs.build!));
  });

  it("a damaged record gives no warning, and a build with nothing else changed builds again instead of repeating the old one", () => {
    assertClean(runs.checkDamaged!, "check with the record damaged");
    assertClean(runs.buildDamaged!, "build with the record damaged");
    assert.doesNotMatch(runs.buildDamaged!.stdout, UP_TO_DATE);
    // The build recorded the chat as it is now: nothing to tell.
    assertClean(runs.checkRewritten!, "check after");
  });
});

describe("an `updated:` dated ahead that a build published", () => {
  // Another copy of the fixture: its own record. The typo 2027-11-24 for 2026-11-24 went out,
  // so calendars take no lower revision: the chat moved needs one later still.
  const typoRoot = copySite(FIXTURE_SITE);
  const typoOut = path.join(tmpdir(), `chatpost-out-${path.basename(typoRoot)}`);
  after(() => {
    rmSync(typoRoot, { recursive: true, force: true });
    rmSync(typoOut, { recursive: true, force: true });
  });
  const runs: Record<string, BuildResult> = {};
  const AHEAD = /warning: the post is said to be changed on 2027-11-24/;

  before(async () => {
    const file = path.join(typoRoot, UPCOMING);
    writeFileSync(file, original.replace("date: 2026-11-20\n", "date: 2026-11-20\nupdated: 2027-11-24\n"));
    runs.published = await runScript("build", typoRoot, ["--output", typoOut], env);
    writeFileSync(file, readFileSync(file, "utf8").replace("  start: 2026-12-01T20:30\n", "  start: 2026-12-02T20:30\n"));
    runs.check = await runScript("check", typoRoot, [], env);
    runs.build = await runScript("build", typoRoot, ["--output", typoOut], env);
    // The lines the move warning gives, published: the chat is then as calendars have it.
    const fix = /→ (.*)$/m.exec(reportLines(runs.check!))![1]!;
    const updated = /to `(updated: [^`]+)`/.exec(fix)![1]!;
    writeFileSync(file, readFileSync(file, "utf8").replace(/^updated: .*$/m, updated).replace(/^( {2}start: .*\n)/m, "$1  moved_from: 2026-12-01T20:30\n"));
    runs.fixedBuild = await runScript("build", typoRoot, ["--output", typoOut], env);
    runs.checkAfter = await runScript("check", typoRoot, [], env);
    runs.buildAfter = await runScript("build", typoRoot, ["--output", typoOut], env);
  });

  it("is told as a slip before it is published", () => {
    assert.equal(runs.published!.code, 0, said(runs.published!));
    assert.match(reportLines(runs.published!), AHEAD);
  });

  it("is not told once the chat moved: the one warning, the move's, gives a date later than it, and check and build agree", () => {
    for (const result of [runs.check!, runs.build!]) {
      assert.equal(result.code, 0, said(result));
      assert.doesNotMatch(reportLines(result), AHEAD);
      assert.match(reportLines(result), /chat\.start {2}warning: the chat was published starting at 2026-12-01T20:30 .* but `updated:` \(2027-11-24\) is not later than the one calendars have \(2027-11-24\)|`updated:` is still 2027-11-24, the revision calendars have/);
      assert.match(reportLines(result), /`updated: 2027-11-24T00:01`/);
      assert.match(said(result), /^1 warning\.$/m);
    }
    assert.equal(reportLines(runs.check!), reportLines(runs.build!));
  });

  it("once the change is published with the revision it needed, check and the next build both tell the date ahead again", () => {
    assert.equal(runs.fixedBuild!.code, 0, said(runs.fixedBuild!));
    for (const result of [runs.checkAfter!, runs.buildAfter!]) {
      assert.equal(result.code, 0, said(result));
      assert.match(reportLines(result), AHEAD);
      assert.doesNotMatch(said(result), /is up to date/);
    }
    assert.equal(reportLines(runs.checkAfter!), reportLines(runs.buildAfter!));
  });
});

describe("a published chat moved without `updated:`, in a post with another error", () => {
  // Another copy: the post gets an error that says nothing of when its chat is.
  const brokenRoot = copySite(FIXTURE_SITE);
  const brokenOut = path.join(tmpdir(), `chatpost-out-${path.basename(brokenRoot)}`);
  const runs: Record<string, BuildResult> = {};
  const unknownField = (text: string) => text.replace("topics:\n", "topic: misspelt\ntopics:\n");
  after(() => {
    rmSync(brokenRoot, { recursive: true, force: true });
    rmSync(brokenOut, { recursive: true, force: true });
  });

  before(async () => {
    const run = (script: "check" | "build") => runScript(script, brokenRoot, script === "build" ? ["--output", brokenOut] : [], env);
    runs.published = await run("build");
    // Moved, and a field misspelt: told together, not the move only once the field is fixed.
    writeFileSync(path.join(brokenRoot, UPCOMING), unknownField(moved));
    runs.check = await run("check");
    runs.checkAgain = await run("check"); // from the check's records
    runs.build = await run("build");
    // A `duration:` the schema refuses: the chat's end is not known, so no move is told.
    writeFileSync(path.join(brokenRoot, UPCOMING), unknownField(original).replace("  start: 2026-12-01T20:30\n", "  start: 2026-12-01T20:30\n  duration: an hour\n"));
    runs.duration = await run("check");
    // Moved to London's time with `updated:` and published, then its `zone:` unindented out of
    // `chat:`: read without it, the chat would look moved to New York's 20:30, and the warning
    // would ask for a false `moved_from:`.
    const inLondon = original
      .replace("date: 2026-11-20\n", "date: 2026-11-20\nupdated: 2026-11-24\n")
      .replace("  start: 2026-12-01T20:30\n", "  start: 2026-12-01T20:30\n  zone: Europe/London\n");
    writeFileSync(path.join(brokenRoot, UPCOMING), inLondon);
    runs.london = await run("build");
    writeFileSync(path.join(brokenRoot, UPCOMING), inLondon.replace("  zone: Europe/London\n", "zone: Europe/London\n"));
    runs.unindented = await run("check");
  });

  it("check and build give the error and the warning with its lines to add, at once", () => {
    assert.equal(runs.published!.code, 0, said(runs.published!));
    for (const name of ["check", "checkAgain", "build"]) {
      const result = runs[name]!;
      assert.equal(result.code, 1, `${name}: ${said(result)}`);
      const lines = reportLines(result).split("\n");
      assert.ok(lines.some((line) => /^content\/posts\/2026-11-20-upcoming\.md:\d+:1 {2}topic {2}unknown field `topic`/.test(line)), `${name}: ${said(result)}`);
      assert.ok(lines.some((line) => WARNING.test(line)), `${name}: ${said(result)}`);
      assert.match(said(result), /1 error, 1 warning/, name);
    }
    assert.equal(reportLines(runs.checkAgain!), reportLines(runs.check!));
    assert.equal(reportLines(runs.build!), reportLines(runs.check!));
  });

  it("an error in the chat's own fields tells that error, and no move", () => {
    assert.equal(runs.duration!.code, 1, said(runs.duration!));
    assert.match(reportLines(runs.duration!), /chat\.duration/);
    assert.doesNotMatch(said(runs.duration!), /was published starting at/);
  });

  it("a chat field written outside `chat:` tells that error, and no move", () => {
    assert.equal(runs.london!.code, 0, said(runs.london!));
    assert.doesNotMatch(said(runs.london!), /warning/);
    assert.equal(runs.unindented!.code, 1, said(runs.unindented!));
    assert.match(reportLines(runs.unindented!), /zone {2}`zone` is a field of `chat`, but it is not indented below `chat:`/);
    assert.doesNotMatch(said(runs.unindented!), /was published starting at/);
  });
});

describe("a published chat moved without `updated:`, under npm start", () => {
  // Another copy: the preview prints the warning the check and the build give.
  const previewRoot = copySite(FIXTURE_SITE);
  const previewOut = path.join(tmpdir(), `chatpost-out-${path.basename(previewRoot)}`);
  let log = "";
  let server: ChildProcess | undefined;
  after(() => {
    server?.kill();
    rmSync(previewRoot, { recursive: true, force: true });
    rmSync(previewOut, { recursive: true, force: true });
  });

  it("prints the same warning, with the lines to write", async () => {
    const published = await runScript("build", previewRoot, ["--output", previewOut], env);
    assert.equal(published.code, 0, said(published));
    writeFileSync(path.join(previewRoot, UPCOMING), moved);
    const checked = await runScript("check", previewRoot, [], env);
    const warning = reportLines(checked);
    assert.match(warning, WARNING);
    ({ server } = await startPreview(previewRoot, (chunk) => (log += chunk), { env }));
    for (let waited = 0; waited < 120_000 && !stripVTControlCharacters(log).includes(warning); waited += 250) await new Promise((r) => setTimeout(r, 250));
    assert.ok(stripVTControlCharacters(log).includes(warning), log);
  });
});
