// `npm test` (scripts/test.ts): every test file listed for node's runner, and the run's
// temporary files in a folder of its own, removed after a passing run and kept after a failing one.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { runnerArguments, TestArgumentError, testFiles } from "../../scripts/test.ts";

const APP_DIR = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "test-runner-"));
after(() => rmSync(work, { recursive: true, force: true }));
const TESTS = path.join(APP_DIR, "tests");

describe("the files npm test runs", () => {
  it("are every test file under tests/, in order, and none of the fixtures' files", () => {
    const files = testFiles(TESTS).map((file) => path.relative(APP_DIR, file));
    assert.ok(files.includes("tests/unit/chat-time.test.ts"));
    assert.ok(files.includes("tests/browser/a11y.test.ts"));
    assert.ok(files.includes("tests/site/calendar.test.ts"));
    assert.ok(files.every((file) => file.endsWith(".test.ts") && !file.includes("fixtures")));
    assert.deepEqual(files, [...files].sort());
  });

  it("are listed one by one for node's runner, with two at a time at least and the spec reporter", () => {
    const args = runnerArguments([], 2);
    assert.deepEqual(args.slice(0, 3), ["--import", "tsx", "--test"]);
    assert.ok(args.includes("--test-concurrency=2"));
    assert.ok(args.includes("--test-reporter=spec"));
    assert.equal(runnerArguments([], 8).find((arg) => arg.startsWith("--test-concurrency")), "--test-concurrency=7");
    const listed = args.filter((arg) => arg.endsWith(".test.ts")).map((file) => path.resolve(file));
    assert.deepEqual(listed, testFiles(TESTS));
  });

  it("are the ones named, a folder's by its files, with node's options passed through and not overridden", () => {
    const unit = path.join(TESTS, "unit");
    const args = runnerArguments(["--test-concurrency=1", "--test-name-pattern", "moved", unit, "tests/site/calendar.test.ts"], 2);
    assert.deepEqual(args.filter((arg) => arg.startsWith("--test-concurrency")), ["--test-concurrency=1"]);
    assert.equal(args[args.indexOf("--test-name-pattern") + 1], "moved");
    const listed = args.filter((arg) => arg.endsWith(".test.ts"));
    assert.deepEqual(listed, [...testFiles(unit), "tests/site/calendar.test.ts"]);
    assert.ok(!listed.some((file) => file.includes(`${path.sep}site${path.sep}`) && file !== "tests/site/calendar.test.ts"));
  });

  it("keep an option's value after its option, even when the value is a file that is there", () => {
    const report = path.join(work, "report.txt");
    writeFileSync(report, "an earlier report");
    const args = runnerArguments(["tests/unit/chat-time.test.ts", "--test-reporter-destination", report, "--test-reporter=tap"], 2);
    assert.deepEqual(args.slice(args.indexOf("--test-reporter-destination"), args.indexOf("--test-reporter-destination") + 2), ["--test-reporter-destination", report]);
    assert.deepEqual(args.filter((arg) => arg.endsWith(".test.ts")), ["tests/unit/chat-time.test.ts"]);
    assert.ok(!args.includes("--test-reporter=spec"));
  });

  it("stop the run, naming it, for a test file that is not there or a folder without tests: never every test instead", () => {
    assert.throws(() => runnerArguments(["tests/unit/chat-tim.test.ts"]), (error: Error) => error instanceof TestArgumentError && /^there is no file tests\/unit\/chat-tim\.test\.ts; did you mean tests\/unit\/chat-time\.test\.ts\?$/.test(error.message));
    assert.throws(() => runnerArguments(["tests/unitt"]), /there is no file tests\/unitt/);
    assert.throws(() => runnerArguments(["tests/fixtures"]), /there is no test file \(\*\.test\.ts\) in tests\/fixtures: the files of tests\/fixtures are the test sites, not tests/);
  });
});

function withoutTestContext(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.NODE_TEST_CONTEXT;
  return copy;
}

describe("npm test's temporary files", () => {

  /** Runs scripts/test.ts on one test file that leaves a folder in the system's temporary folder, with TMPDIR `system`. */
  function run(name: string, passes: boolean) {
    const system = path.join(work, name);
    mkdirSync(system);
    const file = path.join(work, `${name}.test.ts`);
    writeFileSync(
      file,
      `import { mkdtempSync, writeFileSync } from "node:fs";\nimport { tmpdir } from "node:os";\nimport path from "node:path";\nimport { it } from "node:test";\n` +
        `it("leaves a file behind", () => {\n  writeFileSync(path.join(mkdtempSync(path.join(tmpdir(), "left-")), "site.md"), "x");\n  if (${!passes}) throw new Error("failed on purpose");\n});\n`,
    );
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(APP_DIR, "scripts/test.ts"), file], {
      cwd: APP_DIR,
      // Without the marker node's runner sets in the files it runs, which makes a nested runner report to this one.
      env: { ...withoutTestContext(process.env), TMPDIR: system },
      encoding: "utf8",
    });
    // tsx's compile cache, kept between runs in the system's temporary folder.
    const left = readdirSync(system).filter((entry) => !entry.startsWith("tsx-"));
    const compiled = readdirSync(system).filter((entry) => entry.startsWith("tsx-"));
    return { ...result, left, system, compiled };
  }

  it("are removed after a run that passes", () => {
    const { status, left, stdout, system, compiled } = run("passing", true);
    assert.equal(status, 0, stdout);
    assert.match(stdout, /leaves a file behind/);
    assert.deepEqual(left, []);
    // The run's tsx cache was a link to the system's, which stays, with what the run compiled.
    assert.equal(compiled.length, 1);
    assert.ok(readdirSync(path.join(system, compiled[0]!)).length > 0);
  });

  it("are kept after a run that fails, and the run says where", () => {
    const { status, left, stderr, system } = run("failing", false);
    assert.doesNotMatch(stderr, /there is no/);
    assert.equal(status, 1);
    assert.equal(left.length, 1);
    assert.match(left[0]!, /^chatpost-tests-/);
    const kept = path.join(system, left[0]!);
    assert.equal(readdirSync(kept).filter((entry) => entry.startsWith("left-")).length, 1);
    assert.ok(stderr.includes(`kept for a look at what failed: ${kept} (`), stderr);
  });
});
