// A published chat taken off the site: made a draft, dated ahead, renamed or deleted.
// Subscribers' calendars drop it without a word and links to it lead nowhere, so the check
// and the build warn (exit 0) against the record of the chats a build published, with the
// line to put back or the `cancelled: true` to write instead; put back, nothing is told.
// And a post copied from the upcoming one for the next week, with its questions and
// `moved_from:`, is told on the copy only.
import assert from "node:assert/strict";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copySite, FIXTURE_SITE, reportLines, runScript, said, testFileCache, type BuildResult } from "../helpers/build-site.ts";

// The fixture's upcoming chat, Tuesday 2026-12-01 20:30 New York, published 2026-11-20; the clock is 2026-11-24T12:00Z.
const UPCOMING = "content/posts/2026-11-20-upcoming.md";
const RENAMED = "content/posts/2026-11-20-next-chat.md";

const root = copySite(FIXTURE_SITE);
const out = path.join(tmpdir(), `chatpost-out-${path.basename(root)}`);
const env = { CHATPOST_CACHE_DIR: testFileCache("wd-withdrawn") };
after(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const original = readFileSync(path.join(root, UPCOMING), "utf8");
const write = (file: string, text: string) => writeFileSync(path.join(root, file), text);
const check = () => runScript("check", root, [], env);
const build = () => runScript("build", root, ["--output", out], env);
const CANCEL = "if the chat will not take place, keep it published and write `cancelled: true` under `chat:` with `updated: 2026-11-24` (see the README, \"Cancelled, postponed or moved chats\")";
const LOST = "readers who subscribed to the site's calendar lose it without a word, and links to its page lead nowhere";

function assertOneWarning(result: BuildResult, line: string, what: string): void {
  assert.equal(result.code, 0, `${what}: ${said(result)}`);
  assert.equal(reportLines(result), line, what);
  assert.match(said(result), /^1 warning\.$/m, what);
}

function assertClean(result: BuildResult, what: string): void {
  assert.equal(result.code, 0, `${what}: ${said(result)}`);
  assert.doesNotMatch(said(result), /warning/, what);
}

describe("a published chat taken off the site", () => {
  const runs: Record<string, BuildResult> = {};

  before(async () => {
    runs.firstBuild = await build();
    write(UPCOMING, original.replace("date: 2026-11-20\n", "date: 2026-11-20\ndraft: true\n"));
    runs.draftCheck = await check();
    runs.draftCheckAgain = await check(); // from the check's records
    runs.draftBuild = await build();
    write(UPCOMING, original.replace("date: 2026-11-20\n", "date: 2026-11-27\n"));
    runs.aheadCheck = await check();
    write(UPCOMING, original);
    renameSync(path.join(root, UPCOMING), path.join(root, RENAMED));
    runs.renamedCheck = await check();
    runs.renamedBuild = await build();
    runs.renamedCheckAfterBuild = await check();
    rmSync(path.join(root, RENAMED));
    runs.goneCheck = await check();
    write(UPCOMING, original);
    runs.backCheck = await check();
    runs.backBuild = await build();
    write(UPCOMING, original.replace("date: 2026-11-20\n", "date: 2026-11-20\nupdated: 2026-11-24\n").replace("  start: 2026-12-01T20:30\n", "  start: 2026-12-01T20:30\n  cancelled: true\n"));
    runs.cancelledCheck = await check();
  });

  it("the site built as it is tells nothing", () => assertClean(runs.firstBuild!, "first build"));

  it("made a draft: a warning at `draft:`, by the check (and from its records) and the build", () => {
    const line = `${UPCOMING}:4:1  draft  warning: this chat (2026-12-01T20:30, America/New_York time) was published by an earlier build; as a draft it leaves the site: ${LOST} → remove \`draft: true\`; ${CANCEL}`;
    assertOneWarning(runs.draftCheck!, line, "check");
    assertOneWarning(runs.draftCheckAgain!, line, "check from records");
    assertOneWarning(runs.draftBuild!, line, "build");
  });

  it("dated after today: a warning at `date:`", () => {
    assert.match(reportLines(runs.aheadCheck!), new RegExp(`^${UPCOMING}:3:1  date  warning: this chat \\(2026-12-01T20:30, America/New_York time\\) was published by an earlier build; dated 2026-11-27, after today \\(2026-11-24\\), it leaves the site until then: `, "m"));
  });

  it("renamed: a warning on the renamed file, naming the address to keep", () => {
    const line = `${RENAMED}:1:1  warning: this post's chat (2026-12-01T20:30, America/New_York time) was published at /posts/upcoming/; renamed, the post is at another address, which calendars take for another chat: readers who added it get it twice, and links to /posts/upcoming/ lead nowhere → rename the file back so that its name ends in \`-upcoming.md\` (the part after the date is the post's address); if the site has already been published with the new name, leave it: renaming it back would change its address again, and your next \`npm run build\` takes note of it`;
    assertOneWarning(runs.renamedCheck!, line, "check");
    assertOneWarning(runs.renamedBuild!, line, "build");
    // Published under its new address too, calendars have both: renaming it back would change its address again.
    assertClean(runs.renamedCheckAfterBuild!, "check after the build that published the new name");
  });

  it("deleted: a warning on the posts' folder, with the file name to bring back", () => {
    // Published under both names (renamed, then built), it is one chat, told once.
    assertOneWarning(runs.goneCheck!, `content/posts  warning: the chat published at /posts/next-chat/ and at /posts/upcoming/ (2026-12-01T20:30, America/New_York time) is no longer in content/posts/: ${LOST} → bring its post back (its file name ends in \`-next-chat.md\` or \`-upcoming.md\`; git keeps every version of it); ${CANCEL}`, "check");
  });

  it("put back, or cancelled as the warning says, nothing is told", () => {
    assertClean(runs.backCheck!, "put back: check");
    assertClean(runs.backBuild!, "put back: build");
    assertClean(runs.cancelledCheck!, "cancelled");
  });
});

describe("a post copied from the upcoming one for the next week", () => {
  const COPY = "content/posts/2026-11-24-copy.md";
  let result: BuildResult;
  before(async () => {
    write(UPCOMING, original.replace("  - What is next?\n", "  - What is next?\n  - Who joins?\n"));
    write(COPY, original.replace("The upcoming chat", "The chat after").replace("date: 2026-11-20", "date: 2026-11-24").replace("2026-12-01T20:30", "2026-12-08T20:30").replace("  - What is next?\n", "  - What is next?\n  - Who joins?\n"));
    result = await check();
  });
  after(() => {
    rmSync(path.join(root, COPY), { force: true });
    write(UPCOMING, original);
  });

  it("is told on the copy, naming the post it matches, and not on that post", () => {
    assertOneWarning(
      result,
      `${COPY}:6:1  topics  warning: this chat (2026-12-08 20:30 America/New_York) has the same 2 questions as the chat in ${UPCOMING} (2026-12-01 20:30 America/New_York): a post copied from another keeps them → write this chat's own questions under \`topics:\``,
      "check",
    );
  });
});
