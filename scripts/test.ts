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

const APP_DIR = path.resolve(import.meta.dirname, "..");

/** The test files under `folder`, in the order of their paths; fixtures' files are sites' content, not tests. */
export function testFiles(folder: string): string[] {
  return (readdirSync(folder, { recursive: true }) as string[])
    .map((name) => path.join(folder, name))
    .filter((file) => file.endsWith(".test.ts") && !file.split(path.sep).includes("fixtures") && statSync(file).isFile())
    .sort();
}

/** What to hand node's test runner for this command line: its options as given, then the files. */
export function runnerArguments(args: string[], cores = os.availableParallelism()): string[] {
  const options: string[] = [];
  const files: string[] = [];
  for (const arg of args) {
    if (!arg.startsWith("-") && existsSync(arg)) files.push(...(statSync(arg).isDirectory() ? testFiles(arg) : [arg]));
    else options.push(arg);
  }
  const given = (name: string) => options.some((option) => option === name || option.startsWith(`${name}=`));
  // Node's default on two cores is one file at a time; most of a site test's time is spent
  // waiting for the builds and the browser it starts.
  if (!given("--test-concurrency")) options.unshift(`--test-concurrency=${Math.max(2, cores - 1)}`);
  if (!given("--test-reporter")) options.unshift("--test-reporter=spec");
  return ["--import", "tsx", "--test", ...options, ...(files.length > 0 ? files : testFiles(path.join(APP_DIR, "tests")).map((file) => path.relative(process.cwd(), file)))];
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
  const temporary = mkdtempSync(path.join(os.tmpdir(), "chatpost-tests-"));
  // tsx keeps the code it compiled in tsx-<uid> of the temporary folder: the run uses the
  // system's, kept between runs as before (removing the run's folder removes only the link).
  if (process.platform !== "win32") {
    const compiled = path.join(os.tmpdir(), `tsx-${os.userInfo().uid}`);
    mkdirSync(compiled, { recursive: true });
    symlinkSync(compiled, path.join(temporary, path.basename(compiled)));
  }
  const child = spawn(process.execPath, runnerArguments(process.argv.slice(2)), {
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
