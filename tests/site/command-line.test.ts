// The commands' options: a mistyped option is one line naming it and the nearest real
// one, then the usage, with exit code 2 and no stack trace; --help prints the usage.
import assert from "node:assert/strict";
import { parseArgs } from "node:util";
import { describe, it } from "node:test";
import { commandLineProblem } from "../../scripts/command-line.ts";
import { FIXTURE_SITE, runScript } from "../helpers/build-site.ts";

const OPTIONS = { output: { type: "string" as const }, force: { type: "boolean" as const }, root: { type: "string" as const } };
const problem = (args: string[]) => {
  try {
    parseArgs({ options: OPTIONS, args });
  } catch (error) {
    return commandLineProblem(error, Object.keys(OPTIONS));
  }
  return "no error";
};

describe("a command line mistake", () => {
  it("is said in words, with the option meant when one is near", () => {
    assert.equal(problem(["--outptu", "x"]), "there is no option --outptu → did you mean --output?");
    assert.equal(problem(["--forse"]), "there is no option --forse → did you mean --force?");
    assert.equal(problem(["--colour"]), "there is no option --colour");
    assert.equal(problem(["--output"]), "--output needs a value after it");
    assert.equal(problem(["--force=yes"]), "--force takes no value");
    assert.equal(problem(["_site"]), 'unexpected argument "_site"');
    assert.equal(problem(["--output", "x", "--force"]), "no error");
  });

  it("leaves any other error to be reported as it is", () => {
    assert.equal(commandLineProblem(new TypeError("something else"), []), undefined);
  });

  it("stops the command with exit code 2, the usage and no stack trace; --help prints the usage and exits 0", async () => {
    const [wrong, help] = await Promise.all([runScript("build", FIXTURE_SITE, ["--outptu", "x"]), runScript("check", FIXTURE_SITE, ["--help"])]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /^npm run build: there is no option --outptu → did you mean --output\?\nusage: npm run build -- \[options\]\n {2}--output DIR/);
    assert.doesNotMatch(wrong.stderr, /\n\s+at /);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^usage: npm run check -- \[options\]\n {2}--root DIR/);
  });
});
