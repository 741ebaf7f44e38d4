// Each command's report of a writer's mistake ends with what that command did not do:
// the check and `npm run new` build nothing, so they do not say "nothing was built".
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { copySite, FIXTURE_SITE, runScript } from "../helpers/build-site.ts";

function brokenSettings(): string {
  const root = copySite(FIXTURE_SITE);
  const file = path.join(root, "content/_data/site.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace(/^(\s*)time: .*$/m, "$1time: 8pm"));
  return root;
}

describe("the last line of a report of mistakes in the settings", () => {
  it("for `npm run check` says to run the check again", async () => {
    const { code, stderr } = await runScript("check", brokenSettings());
    assert.equal(code, 1);
    assert.match(stderr, /chat\.time/);
    assert.match(stderr, /error: fix the errors above and run `npm run check` again\.\n$/);
    assert.doesNotMatch(stderr, /nothing was built/);
  });

  it("for `npm run new` says that nothing was written", async () => {
    const { code, stderr } = await runScript("new-post", brokenSettings(), ["Listening to patients"]);
    assert.equal(code, 1);
    assert.match(stderr, /chat\.time/);
    assert.match(stderr, /error: nothing was written\. Fix the errors above and run `npm run new` again\.\n$/);
  });

  it("for a build says that nothing was built", async () => {
    const { code, stderr } = await runScript("build", brokenSettings(), ["--output", path.join(brokenSettings(), "_out")]);
    assert.equal(code, 1);
    assert.match(stderr, /error: nothing was built\. Fix the errors above and run again\.\n$/);
  });
});
