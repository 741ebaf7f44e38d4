// The commands' options: a mistyped option is one line naming it and the nearest real
// one, then the usage, with exit code 2 and no stack trace; --help prints the usage.
import assert from "node:assert/strict";
import { parseArgs } from "node:util";
import { describe, it } from "node:test";
import { commandLineProblem } from "../../scripts/command-line.ts";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { FIXTURE_SITE, PROJECT, runScript } from "../helpers/build-site.ts";

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
    assert.equal(problem(["--put"]), "there is no option --put → did you mean --output?");
    assert.equal(problem(["--ut"]), "there is no option --ut");
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

  it("is reported the same way by the maintainers' commands: the benchmark, the page weight and the site generator", async () => {
    const run = (script: string, args: string[]) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", path.join(PROJECT, "scripts", `${script}.ts`), ...args], { cwd: PROJECT }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: any) => ({ code: error.code as number, stdout: error.stdout as string, stderr: error.stderr as string }),
      );
    const [weight, bench, cache, benchHelp, generate] = await Promise.all([
      runScript("page-weight", FIXTURE_SITE, ["--prefix", "/x/"]),
      run("bench", ["--nn", "5"]),
      run("bench", ["--cache", "maybe"]),
      run("bench", ["--help"]),
      run("generate-site", ["--post", "5", "/tmp/never-written"]),
    ]);
    assert.equal(weight.code, 2);
    assert.match(weight.stderr, /^npm run weight: there is no option --prefix → did you mean --path-prefix\?\nusage: npm run weight -- \[DIR\]/);
    assert.equal(bench.code, 2);
    assert.match(bench.stderr, /^npm run bench: there is no option --nn → did you mean --n\?\nusage: npm run bench -- \[options\]/);
    assert.equal(cache.code, 2);
    assert.match(cache.stderr, /--cache must be on or off, not "maybe"/);
    // The benchmark makes its own site: it takes no --root.
    assert.equal(benchHelp.code, 0);
    assert.match(benchHelp.stdout, /--scale-only/);
    assert.doesNotMatch(benchHelp.stdout, /--root/);
    assert.equal(generate.code, 2);
    assert.match(generate.stderr, /there is no option --post → did you mean --posts\?/);
    for (const result of [weight, bench, cache, generate]) assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});
