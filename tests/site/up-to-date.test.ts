// A build with nothing to do does nothing, and anything that would change the output
// (an edited post, the clock passing a publish date or a chat's end, a hand-edited
// output file, --force) builds again.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { copySite, FIXTURE_SITE, listFiles, runScript, type BuildResult } from "../helpers/build-site.ts";

const UP_TO_DATE = /is up to date: no input changed/;

describe("a build with nothing changed", () => {
  const root = copySite(FIXTURE_SITE);
  const out = path.join(root, "_site");
  const env = { CHATPOST_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "chatpost-cache-")), CHATPOST_NOW: "2026-11-24T12:00:00Z" };
  const build = (extra: Record<string, string> = {}, args: string[] = []) => runScript("build", root, args, { ...env, ...extra });
  const mtimes = () => new Map(listFiles(out).map((f) => [f, statSync(path.join(out, f)).mtimeMs]));
  const steps: Record<string, { result: BuildResult; before?: Map<string, number>; after?: Map<string, number> }> = {};

  before(async () => {
    steps.first = { result: await build() };
    let before = mtimes();
    steps.again = { result: await build({ CHATPOST_NOW: "2026-11-25T08:00:00Z" }), before, after: mtimes() };
    steps.force = { result: await build({ CHATPOST_TRACE: "1" }, ["--force"]) };
    // The upcoming chat (2026-12-01 20:30 New York) ends at 2026-12-02T02:30Z: the home page changes.
    before = mtimes();
    steps.chatEnded = { result: await build({ CHATPOST_NOW: "2026-12-03T00:00:00Z" }), before, after: mtimes() };
    steps.scheduled = { result: await build({ CHATPOST_NOW: "2030-01-02T00:00:00Z" }) };
    writeFileSync(path.join(out, "about/index.html"), "edited by hand");
    steps.handEdited = { result: await build({ CHATPOST_NOW: "2030-01-02T00:00:00Z" }) };
    const post = path.join(root, "content/posts/2017-04-30-online-communities.md");
    writeFileSync(post, readFileSync(post, "utf8").replace(/^title: .*$/m, "title: A title edited after the build"));
    steps.edited = { result: await build({ CHATPOST_NOW: "2030-01-02T00:00:00Z" }) };
    rmSync(path.join(out, "posts/after-dst/index.html"));
    steps.deleted = { result: await build({ CHATPOST_NOW: "2030-01-02T00:00:00Z" }) };
    steps.quietAgain = { result: await build({ CHATPOST_NOW: "2030-01-02T00:00:00Z" }, ["--quiet"]) };
    steps.noCache = { result: await build({ CHATPOST_CACHE_DIR: "off", CHATPOST_NOW: "2030-01-02T00:00:00Z" }) };
  });

  it("every build succeeded", () => {
    for (const [name, { result }] of Object.entries(steps)) assert.equal(result.code, 0, `${name}: ${result.stderr}`);
  });

  it("the second build, with the same files and a clock inside the same span, writes nothing and says so", () => {
    assert.doesNotMatch(steps.first!.result.stdout, UP_TO_DATE);
    assert.match(steps.again!.result.stdout, UP_TO_DATE);
    assert.doesNotMatch(steps.again!.result.stdout, /Wrote \d+ files/);
    assert.deepEqual(steps.again!.after, steps.again!.before);
  });

  it("--force builds anyway", () => {
    assert.doesNotMatch(steps.force!.result.stdout, UP_TO_DATE);
    assert.match(steps.force!.result.stdout, /Wrote \d+ files/);
  });

  it("prints its phases in order with CHATPOST_TRACE=1, and nothing of them without", () => {
    const phases = [...steps.force!.result.stderr.matchAll(/^\[trace [\d.]+ s, thread \d+, heap \d+ MB, process RSS \d+ MB\] (.+)$/gm)].map((m) => m[1]);
    const expected = ["validation starts", "validation done", "eleventy starts", "eleventy done", "search index and headers done", "share images copied", "site swapped in"];
    assert.deepEqual(phases.filter((p) => expected.includes(p!)), expected);
    assert.doesNotMatch(steps.again!.result.stderr + steps.first!.result.stderr, /\[trace /);
  });

  it("builds again once the clock passes the end of an upcoming chat, and the home page drops it", () => {
    assert.doesNotMatch(steps.chatEnded!.result.stdout, UP_TO_DATE);
    assert.notEqual(steps.chatEnded!.after!.get("index.html"), steps.chatEnded!.before!.get("index.html"));
  });

  it("builds again once a scheduled post's date comes, and publishes it", () => {
    assert.doesNotMatch(steps.scheduled!.result.stdout, UP_TO_DATE);
    assert.ok(listFiles(out).includes("posts/scheduled/index.html"));
  });

  it("builds again after an output file was edited or deleted by hand, restoring it", () => {
    assert.doesNotMatch(steps.handEdited!.result.stdout, UP_TO_DATE);
    assert.doesNotMatch(steps.deleted!.result.stdout, UP_TO_DATE);
    assert.notEqual(readFileSync(path.join(out, "about/index.html"), "utf8"), "edited by hand");
    assert.ok(listFiles(out).includes("posts/after-dst/index.html"));
  });

  it("builds again after a post was edited, with the edit on the page", () => {
    assert.doesNotMatch(steps.edited!.result.stdout, UP_TO_DATE);
    assert.match(readFileSync(path.join(out, "posts/online-communities/index.html"), "utf8"), /A title edited after the build/);
  });

  it("--quiet says nothing when there is nothing to do; without a cache every build builds", () => {
    assert.equal(steps.quietAgain!.result.stdout.trim(), "");
    assert.doesNotMatch(steps.noCache!.result.stdout, UP_TO_DATE);
    assert.match(steps.noCache!.result.stdout, /Wrote \d+ files/);
  });
});
