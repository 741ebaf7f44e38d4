// Builds a site (a folder holding content/) with the real chatpost build, into a
// temporary output folder, and gives helpers to read what was built.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { after } from "node:test";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { listFiles } from "../../lib/site-files.ts";

export { listFiles };

const run = promisify(execFile);
export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURE_SITE = path.join(PROJECT, "tests/fixtures/site");

export interface BuiltSite {
  root: string;
  out: string;
  stdout: string;
  stderr: string;
  read(rel: string): string;
  exists(rel: string): boolean;
  /** Every file under the output, as paths relative to it with forward slashes. */
  files(): string[];
}

export interface BuildOptions {
  /** Environment overrides, e.g. { CHATPOST_NOW: "2017-05-01T00:00:00Z" }. */
  env?: Record<string, string>;
  args?: string[];
  /** Copy the site to a temporary folder first (for tests that change content). */
  copy?: boolean;
}

export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * What a command shows GitHub Actions (scripts/run-step.ts showOnGitHub): not inherited from
 * the test run, so that the tests' sites note nothing on the run that tests chatpost (a test
 * that wants it passes them in `env`).
 */
const GITHUB_ONLY = ["GITHUB_ACTIONS", "GITHUB_WORKSPACE", "GITHUB_STEP_SUMMARY", "RUNNER_TEMP"];

/** Run `scripts/<script>.ts` of chatpost on a site root; never throws on a non-zero exit. */
export async function runScript(script: string, root: string, args: string[] = [], env: Record<string, string> = {}): Promise<BuildResult> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !GITHUB_ONLY.includes(name)));
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", path.join(PROJECT, "scripts", `${script}.ts`), "--root", root, ...args], {
      cwd: PROJECT,
      env: { ...inherited, CHATPOST_NOW: "2026-11-24T12:00:00Z", ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error: any) {
    return { code: typeof error.code === "number" ? error.code : 1, stdout: error.stdout ?? "", stderr: error.stderr ?? String(error) };
  }
}

/**
 * A content cache of its own for one test file's builds, removed after them. Cases that each
 * change one file of a copy of a site then draw its share images and index it once, not per
 * case, and no other file's builds share it.
 */
export function testFileCache(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-cache-`));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** What a command printed, as a writer reads it in the terminal. */
export const said = (r: { stdout: string; stderr: string }): string => `${r.stdout}${r.stderr}`;

/** The report's lines about the site's files (`content/…`), as printed. */
export const reportLines = (r: { stdout: string; stderr: string }): string => said(r).split("\n").filter((l) => /^content\//.test(l)).join("\n");

/** A copy of the fixture site, changed by `change`, given to `test` with an output folder; both removed after. */
export async function withFixtureCopy(change: (root: string) => void, test: (root: string, out: string) => Promise<void>): Promise<void> {
  const root = copySite(FIXTURE_SITE);
  const out = path.join(tmpdir(), `chatpost-out-${path.basename(root)}`);
  try {
    change(root);
    await test(root, out);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * `npm run check` of `root` and a build of it into `out` both end with `code` and print exactly
 * `lines` about the site's files, the build without a stack trace; the build's result.
 */
export async function assertCheckAndBuildSay(root: string, out: string, env: Record<string, string>, code: number, lines: string): Promise<BuildResult> {
  const check = await runScript("check", root, [], env);
  const build = await runScript("build", root, ["--output", out, "--quiet"], env);
  assert.equal(check.code, code, said(check));
  assert.equal(build.code, code, said(build));
  assert.equal(reportLines(check), lines);
  assert.equal(reportLines(build), lines);
  assert.doesNotMatch(said(build), /internal error|\n\s+at /);
  return build;
}

/**
 * `npm run check` of `root` says "no errors" with no warning, and a build of it into `out`
 * succeeds: what a writer's fix, applied as written, must give.
 */
export async function assertCheckAndBuildClean(root: string, out: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const checked = await runScript("check", root, [], env);
  assert.equal(checked.code, 0, said(checked));
  assert.match(said(checked), /posts checked: no errors\.\n?$/);
  assert.doesNotMatch(said(checked), /warning/);
  const built = await runScript("build", root, ["--output", out, "--quiet"], env);
  assert.equal(built.code, 0, said(built));
  return built;
}

/**
 * The smallest site and chatpost folder a build's inputs can be hashed from, in two new folders
 * under `work`: one post, and a layout (tests of the build record).
 */
export function oneFileSite(work: string): { root: string; app: string } {
  const root = mkdtempSync(path.join(work, "site-"));
  const app = mkdtempSync(path.join(work, "app-"));
  mkdirSync(path.join(root, "content/posts"), { recursive: true });
  writeFileSync(path.join(root, "content/posts/a.md"), "---\ntitle: A\n---\nText\n");
  mkdirSync(path.join(app, "layouts"));
  writeFileSync(path.join(app, "layouts/post.njk"), "{{ content }}");
  return { root, app };
}

/** The text of a post file: a title and a date in its front matter, then `body`. */
export function postText(title: string, date: string, body = "A post."): string {
  return ["---", `title: ${title}`, `date: ${date}`, "---", body, ""].join("\n");
}

export function copySite(source: string): string {
  const root = mkdtempSync(path.join(tmpdir(), "chatpost-site-"));
  cpSync(source, root, { recursive: true });
  return root;
}

/** Build `source` (default: the fixture site) into a fresh temporary output folder. */
export async function buildSite(source = FIXTURE_SITE, options: BuildOptions = {}): Promise<BuiltSite> {
  const root = options.copy ? copySite(source) : source;
  const out = mkdtempSync(path.join(tmpdir(), "chatpost-out-"));
  const result = await runScript("build", root, ["--output", out, "--quiet", ...(options.args ?? [])], options.env);
  if (result.code !== 0) throw new Error(`build of ${root} failed (${result.code}):\n${result.stderr}\n${result.stdout}`);
  return {
    root,
    out,
    stdout: result.stdout,
    stderr: result.stderr,
    read: (rel) => readFileSync(path.join(out, rel), "utf8"),
    exists: (rel) => existsSync(path.join(out, rel)),
    files: () => listFiles(out),
  };
}


export interface SiteChanges {
  /** Files to write into the copy, by path from the site's folder, e.g. "content/posts/2026-11-21-x.md". */
  files?: Record<string, string>;
  /** Changes the text of content/_data/site.yaml. */
  settings?: (yaml: string) => string;
}

/** A temporary copy of `source` with `changes` made to it (the source is never touched). */
export function copySiteWith(source: string, changes: SiteChanges): string {
  const root = copySite(source);
  for (const [rel, body] of Object.entries(changes.files ?? {})) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), body);
  }
  if (changes.settings) {
    const file = path.join(root, "content/_data/site.yaml");
    writeFileSync(file, changes.settings(readFileSync(file, "utf8")));
  }
  return root;
}
