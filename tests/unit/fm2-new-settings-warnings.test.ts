// `npm run new` prints the settings' warnings (an old zone name, curly quotes around the title)
// as `npm run check` prints them, and still writes the post.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { copySiteWith, FIXTURE_SITE, runScript } from "../helpers/build-site.ts";

const ZONE_WARNING =
  'content/_data/site.yaml:10:3  chat.zone  warning: "US/Eastern" is an old alias, not a current IANA zone name: the tz database now calls it America/New_York → write zone: America/New_York (the current name of US/Eastern)';
const TITLE_WARNING = /^content\/_data\/site\.yaml:2:8  title  warning: the value is written in curly quotes “ ”: .* → if the quotes are a slip, write straight quotes: title: "Fixture Chat" /m;

describe("npm run new with settings that have warnings", () => {
  it("prints them as npm run check does, and writes the post", async () => {
    const root = copySiteWith(FIXTURE_SITE, {
      settings: (text) => text.replace("zone: America/New_York", "zone: US/Eastern").replace("title: Fixture Chat", "title: “Fixture Chat”"),
    });
    const env = { CHATPOST_NOW: "2017-11-15T12:00:00Z" };
    const made = await runScript("new-post", root, ["Listening to patients"], env);
    assert.equal(made.code, 0, made.stderr);
    assert.ok(made.stderr.split("\n").includes(ZONE_WARNING), made.stderr);
    assert.match(made.stderr, TITLE_WARNING);
    assert.match(made.stderr, /^2 warnings\.$/m);
    // The zone by its current name, as every page names it.
    assert.match(made.stdout, /^Created content\/posts\/2017-11-21-listening-to-patients\.md$/m);
    assert.match(made.stdout, /8:30 PM EST/);
    const file = path.join(root, "content/posts/2017-11-21-listening-to-patients.md");
    assert.ok(existsSync(file));
    assert.match(readFileSync(file, "utf8"), /^  start: 2017-11-21T20:30 /m);

    // The same lines as the check prints.
    const check = await runScript("check", root, [], env);
    assert.equal(check.code, 0, check.stderr);
    const warnings = (out: string) => out.split("\n").filter((l) => l.startsWith("content/_data/site.yaml:"));
    assert.deepEqual(warnings(made.stderr), warnings(check.stderr));
  });

  it("prints them too when nothing is written (the post is already there)", async () => {
    const root = copySiteWith(FIXTURE_SITE, { settings: (text) => text.replace("zone: America/New_York", "zone: US/Eastern") });
    const env = { CHATPOST_NOW: "2017-11-15T12:00:00Z" };
    assert.equal((await runScript("new-post", root, ["Burnout"], env)).code, 0);
    const again = await runScript("new-post", root, ["Burnout"], env);
    assert.equal(again.code, 1);
    assert.ok(again.stderr.split("\n").includes(ZONE_WARNING), again.stderr);
    assert.match(again.stderr, /already exists/);
  });

  it("prints nothing more for settings without warnings", async () => {
    const root = copySiteWith(FIXTURE_SITE, {});
    const made = await runScript("new-post", root, ["Listening to patients"], { CHATPOST_NOW: "2017-11-15T12:00:00Z" });
    assert.equal(made.code, 0, made.stderr);
    assert.equal(made.stderr, "");
  });
});
