// An `updated:` dated ahead of the build's day (2017-12-25 typed for 2017-11-25) would outrank
// every real correction until then in readers' calendars: a warning at its line, with the
// line to write, from the check (fresh and from its records) and the build alike.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { copySite, FIXTURE_SITE, runScript, type BuildResult } from "../helpers/build-site.ts";

const POST = "content/posts/2017-04-30-online-communities.md";
const runs: Record<string, BuildResult> = {};
const lines = (result: BuildResult) => result.stderr.split("\n").filter((l) => l.includes("2017-04-30-online-communities.md"));

before(async () => {
  const root = copySite(FIXTURE_SITE);
  const file = path.join(root, POST);
  writeFileSync(file, readFileSync(file, "utf8").replace("date: 2017-04-30\n", "date: 2017-04-30\nupdated: 2017-12-25\n"));
  const env = { CHATPOST_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "chatpost-sq-cache-")), CHATPOST_NOW: "2017-11-25T15:00:00Z" };
  runs.check = await runScript("check", root, [], env);
  runs.fromRecords = await runScript("check", root, [], env);
  const output = mkdtempSync(path.join(tmpdir(), "chatpost-out-"));
  runs.build = await runScript("build", root, ["--output", output], env);
  // The next day, nothing changed: the build does not replay yesterday's date as today's.
  runs.nextDay = await runScript("build", root, ["--output", output], { ...env, CHATPOST_NOW: "2017-11-26T15:00:00Z" });
  runs.sameDay = await runScript("build", root, ["--output", output], { ...env, CHATPOST_NOW: "2017-11-26T16:00:00Z" });
  // The same records, a day before Christmas: the date is no longer ahead.
  runs.later = await runScript("check", root, [], { ...env, CHATPOST_NOW: "2017-12-24T15:00:00Z" });
});

describe("an `updated:` more than a day after the build's day", () => {
  it("is a warning at its line with today's date to write, the same from records and in the build", () => {
    const expected = /^content\/posts\/2017-04-30-online-communities\.md:4:\d+ {2}updated {2}warning: the post is said to be changed on 2017-12-25, 30 days after today \(2017-11-25\): .*typo.* → write the day you changed the post: updated: 2017-11-25$/;
    assert.equal(lines(runs.check!).length, 1, runs.check!.stderr);
    assert.match(lines(runs.check!)[0]!, expected);
    assert.equal(runs.check!.code, 0, "a warning does not stop the check");
    assert.deepEqual(lines(runs.fromRecords!), lines(runs.check!));
    assert.equal(runs.build!.code, 0, runs.build!.stderr);
    assert.deepEqual(lines(runs.build!), lines(runs.check!));
  });

  it("is told with the day's date by a build the next day, which builds again (a build with nothing to do holds until midnight)", () => {
    assert.equal(runs.nextDay!.code, 0, runs.nextDay!.stderr);
    assert.doesNotMatch(runs.nextDay!.stdout, /is up to date/);
    assert.match(lines(runs.nextDay!).join("\n"), /29 days after today \(2017-11-26\): .* → write the day you changed the post: updated: 2017-11-26$/);
    // Later the same day, nothing to do: the warning is replayed as it was.
    assert.match(runs.sameDay!.stdout, /is up to date/);
    assert.deepEqual(lines(runs.sameDay!), lines(runs.nextDay!));
  });

  it("is not kept in the check's records once the day is near", () => {
    assert.deepEqual(lines(runs.later!), []);
  });
});
