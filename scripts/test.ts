// `npm test`'s runner: node's test runner over every test file, listed one by one (Node 20
// neither expands globs nor finds tests in a folder it is given), with a temporary folder of
// its own. The tests make thousands of temporary sites, caches and browser profiles; many
// are never removed (a test that fails, a preview still running), and without this a run
// left about 200 MB in the system's temporary folder every time.
//
//   npm test                                  every test
//   npm test -- tests/site/calendar.test.ts   these files (or every test in a folder)
//   npm test -- --test-name-pattern=moved     node's own options pass through
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { closestName } from "../lib/suggest.ts";

const APP_DIR = path.resolve(import.meta.dirname, "..");

/** The test files under `folder`, in the order of their paths; fixtures' files are sites' content, not tests. */
export function testFiles(folder: string): string[] {
  return (readdirSync(folder, { recursive: true }) as string[])
    .map((name) => path.join(folder, name))
    .filter((file) => file.endsWith(".test.ts") && !file.split(path.sep).includes("fixtures") && statSync(file).isFile())
    .sort();
}

/** A command line npm test cannot run: a test file or folder that is not there, or a folder with no test. */
export class TestArgumentError extends Error {}

/**
 * What to hand node's test runner for this command line, in the order given (an option's value
 * stays after its option): a folder becomes its test files, and with no test file or folder
 * named, every test runs. A test file or folder that is not there stops the run: without it,
 * node's runner would run every test.
 */
export function runnerArguments(args: string[], cores = os.availableParallelism()): string[] {
  const out: string[] = [];
  let named = false;
  for (const arg of args) {
    const looksLikeTests = !arg.startsWith("-") && (/\.test\.[cm]?[jt]s$/.test(arg) || /^tests(?:[\\/]|$)/.test(arg));
    if (existsSync(arg) && statSync(arg).isDirectory()) {
      const files = testFiles(arg);
      if (files.length === 0) throw new TestArgumentError(`there is no test file (*.test.ts) in ${arg}${arg.split(/[\\/]/).includes("fixtures") ? ": the files of tests/fixtures are the test sites, not tests" : ""}`);
      out.push(...files);
      named = true;
    } else if (looksLikeTests) {
      if (!existsSync(arg)) throw new TestArgumentError(`there is no file ${arg}${suggestion(arg)}`);
      out.push(arg);
      named = true;
    } else out.push(arg);
  }
  const given = (name: string) => out.some((option) => option === name || option.startsWith(`${name}=`));
  const defaults: string[] = [];
  if (!given("--test-reporter")) defaults.push("--test-reporter=spec");
  // Node's default on two cores is one file at a time; most of a site test's time is spent
  // waiting for the builds and the browser it starts.
  if (!given("--test-concurrency")) defaults.push(`--test-concurrency=${Math.max(2, cores - 1)}`);
  const all = named ? [] : testFiles(path.join(APP_DIR, "tests")).map((file) => path.relative(process.cwd(), file));
  return ["--import", "tsx", "--test", ...defaults, ...out, ...all];
}

/** "; did you mean tests/unit/chat-time.test.ts?" for the test file whose name is nearest `arg`'s, if one is near. */
function suggestion(arg: string): string {
  const files = testFiles(path.join(APP_DIR, "tests")).map((file) => path.relative(process.cwd(), file));
  const meant = closestName(path.basename(arg), files.map((file) => path.basename(file)));
  const file = meant && files.find((f) => path.basename(f) === meant);
  return file ? `; did you mean ${file}?` : "";
}

function megabytes(folder: string): number {
  let bytes = 0;
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    try {
      const stats = statSync(path.join(folder, name));
      if (stats.isFile()) bytes += stats.size;
    } catch {
      // Removed meanwhile.
    }
  }
  return Math.round(bytes / 1e6);
}

/** Removes the run's folder; a process the tests left running may still write in it, so a failure is told, not thrown. */
function removeTemporary(folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
  } catch (error) {
    console.error(`npm test: could not remove ${folder} (${(error as Error).message}); it is safe to delete.`);
  }
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename;
if (isMain) {
  let args: string[];
  try {
    args = runnerArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof TestArgumentError)) throw error;
    console.error(`npm test: ${error.message}`);
    process.exit(2);
  }
  const temporary = mkdtempSync(path.join(os.tmpdir(), "chatpost-tests-"));
  // tsx keeps the code it compiled in tsx-<uid> of the temporary folder: the run uses the
  // system's, kept between runs as before (removing the run's folder removes only the link).
  if (process.platform !== "win32") {
    const compiled = path.join(os.tmpdir(), `tsx-${os.userInfo().uid}`);
    mkdirSync(compiled, { recursive: true });
    symlinkSync(compiled, path.join(temporary, path.basename(compiled)));
  }
  const child = spawn(process.execPath, args, {
    stdio: "inherit",
    env: { ...process.env, TMPDIR: temporary },
  });
  let stoppedBy: NodeJS.Signals | undefined;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      // Ctrl-C reaches the runner too, from the terminal; a signal sent to this process alone does not.
      stoppedBy = signal;
      child.kill(signal);
    });
  }
  child.on("exit", (code, signal) => {
    const failed = code !== 0 && !stoppedBy;
    if (failed && existsSync(temporary)) {
      console.error(`\nnpm test: the temporary files of this run are kept for a look at what failed: ${temporary} (${megabytes(temporary)} MB). Delete it when done.`);
    } else removeTemporary(temporary);
    process.exitCode = code ?? (signal === "SIGINT" ? 130 : 143);
  });
}
