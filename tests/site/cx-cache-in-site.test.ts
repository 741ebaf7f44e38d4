// CHATPOST_CACHE_DIR set to a folder inside the site. Outside content/ (`<site>/cache`, no
// leading dot) a second build with nothing changed is up to date: the cache it wrote is
// no input. Inside content/ every command refuses it, in one line naming the variable and
// the fix, exit code 2 as for a mistyped option, before writing anything there.
import assert from "node:assert/strict";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copySite, FIXTURE_SITE, runScript, type BuildResult } from "../helpers/build-site.ts";

const UP_TO_DATE = /is up to date: no input changed/;

describe("the project cache in a folder of the site", () => {
  const root = copySite(FIXTURE_SITE);
  const runs: Record<string, BuildResult> = {};

  before(async () => {
    const inSite = { CHATPOST_CACHE_DIR: path.join(root, "cache") };
    runs.first = await runScript("build", root, [], inSite);
    runs.second = await runScript("build", root, [], inSite);
    runs.check = await runScript("check", root, [], inSite);
    const inContent = { CHATPOST_CACHE_DIR: path.join(root, "content/cache") };
    runs.buildInContent = await runScript("build", root, ["--output", "_other"], inContent);
    runs.checkInContent = await runScript("check", root, [], inContent);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("outside content/, is no input: the second build has nothing to do", () => {
    assert.equal(runs.first!.code, 0, runs.first!.stderr);
    assert.doesNotMatch(runs.first!.stdout, UP_TO_DATE);
    assert.ok(existsSync(path.join(root, "cache")), "the cache was written in the site");
    assert.equal(runs.second!.code, 0, runs.second!.stderr);
    assert.match(runs.second!.stdout, UP_TO_DATE);
    assert.equal(runs.check!.code, 0, runs.check!.stderr);
    assert.match(runs.check!.stdout, /checked: no errors/);
  });

  it("inside content/, is refused by the build and the check in one line, and never written", () => {
    const line = `CHATPOST_CACHE_DIR=${path.join(root, "content/cache")} is inside the site's content/ folder (content/cache), whose files are published with the site: set CHATPOST_CACHE_DIR to a folder outside content/, e.g. CHATPOST_CACHE_DIR=`;
    for (const name of ["buildInContent", "checkInContent"]) {
      const run = runs[name]!;
      assert.equal(run.code, 2, `${name}: ${run.stderr}`);
      const lines = run.stderr.trim().split("\n");
      assert.equal(lines.length, 1, `${name}: ${run.stderr}`);
      assert.ok(lines[0]!.startsWith(line) && lines[0]!.endsWith("/.cache/chatpost, or to off for no cache"), `${name}: ${run.stderr}`);
    }
    assert.ok(!existsSync(path.join(root, "content/cache")), "nothing was written in content/");
    assert.ok(!existsSync(path.join(root, "_other")), "no site was built");
  });
});
