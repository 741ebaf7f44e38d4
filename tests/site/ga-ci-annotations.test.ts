// Under GitHub Actions (GITHUB_ACTIONS=true), `npm run check` and `npm run build` also show
// each writer's problem as a note on its line (a workflow command) and all of them in the
// step's summary; the terminal report stays word for word the same, and outside GitHub
// Actions, or for a site outside the checkout (a test's temporary copy), neither appears.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { copySiteWith, FIXTURE_SITE, runScript, testFileCache, type BuildResult } from "../helpers/build-site.ts";

const CACHE = { CHATPOST_CACHE_DIR: testFileCache("ga") };
const said = (r: BuildResult) => `${r.stdout}${r.stderr}`;
const commands = (r: BuildResult) => said(r).split("\n").filter((line) => line.startsWith("::"));

const BROKEN = "content/posts/2026-11-21-broken.md";
const broken = copySiteWith(FIXTURE_SITE, { files: { [BROKEN]: "---\ntitle: Broken\ndate: 2026-13-40\n---\nBody.\n" } });
const work = mkdtempSync(path.join(tmpdir(), "ga-work-"));
after(() => {
  rmSync(broken, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** A post whose zone is an old alias: a warning of the check and of a build that succeeds. */
const KOLKATA = {
  "content/posts/2026-11-22-kolkata.md": "---\ntitle: A chat hosted in Kolkata\ndate: 2026-11-22\nchat:\n  start: 2026-12-03T20:30\n  zone: Asia/Calcutta\n---\nBody.\n",
};

const ANNOTATION = `::error file=${BROKEN},line=3,col=1,title=date::"2026-13-40" is not a date on the calendar → write an existing date as YYYY-MM-DD, e.g. 2017-04-30`;

let runs = 0;
/** `script` on `root` as on GitHub Actions, the checkout being `workspace`; its result and the summary it wrote (undefined: none). */
async function onGitHub(script: "check" | "build", root: string, workspace: string, env: Record<string, string> = {}): Promise<{ result: BuildResult; summary?: string }> {
  const summaryFile = path.join(work, `summary-${++runs}.md`);
  const args = script === "build" ? ["--output", path.join(work, `out-${runs}`), "--quiet"] : [];
  const result = await runScript(script, root, args, { ...CACHE, GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summaryFile, ...env });
  return { result, summary: existsSync(summaryFile) ? readFileSync(summaryFile, "utf8") : undefined };
}

/** `script` on `root` in a terminal: no GitHub variable at all, whatever the test runner had. */
async function inTerminal(script: "check" | "build", root: string): Promise<BuildResult> {
  const args = script === "build" ? ["--output", path.join(work, `out-${++runs}`), "--quiet"] : [];
  const env = { ...CACHE, GITHUB_ACTIONS: "", GITHUB_WORKSPACE: "", GITHUB_STEP_SUMMARY: "" };
  return runScript(script, root, args, env);
}

describe("problems shown on GitHub Actions", { concurrency: 1 }, () => {
  for (const script of ["check", "build"] as const) {
    it(`npm run ${script}: a note on the line of the post, the summary, and the same report`, async () => {
      const { result, summary } = await onGitHub(script, broken, broken);
      assert.equal(result.code, 1, said(result));
      assert.deepEqual(commands(result), [ANNOTATION]);
      // After the report: the note is on stdout, the report on stderr, as before.
      assert.ok(result.stdout.trimEnd().endsWith(ANNOTATION), result.stdout);
      assert.ok(summary, "a summary was written");
      const lines = summary.split("\n");
      assert.equal(lines[0], `## npm run ${script}: 1 error`);
      assert.ok(
        lines.includes(`- **Error** in \`${BROKEN}:3:1\` \`date\`: "2026-13-40" is not a date on the calendar → write an existing date as YYYY-MM-DD, e.g. 2017-04-30`),
        summary,
      );
      // The terminal report is word for word what a writer sees without GitHub.
      const plain = await inTerminal(script, broken);
      assert.equal(plain.code, 1);
      assert.equal(result.stderr, plain.stderr);
      assert.equal(result.stdout.replace(`${ANNOTATION}\n`, ""), plain.stdout);
    });
  }

  it("outside GitHub Actions: no note and no summary", async () => {
    const summaryFile = path.join(work, "summary-terminal.md");
    for (const script of ["check", "build"] as const) {
      const env = { ...CACHE, GITHUB_ACTIONS: "", GITHUB_WORKSPACE: broken, GITHUB_STEP_SUMMARY: summaryFile };
      const result = await runScript(script, broken, script === "build" ? ["--output", path.join(work, "out-terminal"), "--quiet"] : [], env);
      assert.equal(result.code, 1);
      assert.deepEqual(commands(result), []);
      assert.match(result.stderr, /^content\/posts\/2026-11-21-broken\.md:3:1 {2}date {2}"2026-13-40" is not a date/m);
    }
    assert.equal(existsSync(summaryFile), false);
  });

  it("a site outside the checkout (a test's copy in a temporary folder): no note and no summary", async () => {
    const { result, summary } = await onGitHub("check", broken, path.join(work, "checkout"));
    assert.equal(result.code, 1);
    assert.deepEqual(commands(result), []);
    assert.equal(summary, undefined);
    assert.match(result.stderr, /is not a date on the calendar/);
  });

  it("the site in a folder of the checkout (--root): the path from the checkout's top", async () => {
    const { result, summary } = await onGitHub("check", broken, path.dirname(broken));
    const file = `${path.basename(broken)}/${BROKEN}`;
    assert.deepEqual(commands(result), [ANNOTATION.replace(`file=${BROKEN}`, `file=${file}`)]);
    assert.match(summary ?? "", new RegExp(`^- \\*\\*Error\\*\\* in \`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3:1\``, "m"));
  });

  it("a writer's Markdown and HTML reach the summary as text", async () => {
    const site = copySiteWith(FIXTURE_SITE, {
      files: { [BROKEN]: "---\ntitle: <script>alert(1)</script> | *Bold* [link](https://example.com)\ndate: 2026-11-21\n---\nBody.\n" },
    });
    try {
      const { result, summary } = await onGitHub("check", site, site);
      assert.equal(result.code, 0, said(result));
      assert.ok(summary, said(result));
      assert.match(summary, /^## npm run check: 1 warning$/m);
      assert.match(summary, /&lt;script&gt;/);
      assert.doesNotMatch(summary, /<script>|(?<!\\)\]\(/);
      // Every `|` and `*` of the writer's text is escaped: no table, no emphasis.
      for (const line of summary.split("\n").filter((l) => l.startsWith("- "))) {
        const text = line.replace(/^- (\*\*Error\*\*|Warning) in `[^`]*`/, "").replace(/`[^`]*`/g, "");
        assert.doesNotMatch(text, /(?<!\\)[|*]/, line);
      }
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it("a warning of a build that succeeds is a ::warning note, and a mistake Eleventy finds is noted once", async () => {
    const site = copySiteWith(FIXTURE_SITE, { files: KOLKATA });
    try {
      const { result, summary } = await onGitHub("build", site, site);
      assert.equal(result.code, 0, said(result));
      const notes = commands(result);
      assert.equal(notes.length, 1, said(result));
      assert.match(notes[0]!, /^::warning file=content\/posts\/2026-11-22-kolkata\.md,line=6,col=3,title=chat\.zone::"Asia\/Calcutta" is an old alias/);
      assert.match(summary ?? "", /^## npm run build: 1 warning\n[^]*Warnings do not stop publishing/);
      // A layout only the build can find wrong (a data file's code): reported by Eleventy's error handler, noted once.
      writeFileSync(path.join(site, "content/posts/posts.11tydata.js"), 'const name = ["no", "pe"].join("");\nmodule.exports = { layout: name };\n');
      const failed = await onGitHub("build", site, site);
      assert.equal(failed.result.code, 1, said(failed.result));
      const errors = commands(failed.result).filter((line) => line.startsWith("::error"));
      assert.equal(errors.length, 1, said(failed.result));
      assert.match(errors[0]!, /^::error file=content\/posts\/posts\.11tydata\.js,line=2,col=20,title=layout::the code of this file gives /);
      // The warning, printed before Eleventy ran, has its own section; the error one of its own, once.
      assert.deepEqual(failed.summary?.match(/^## .*/gm), ["## npm run build: 1 warning", "## npm run build: 1 error"], failed.summary);
      assert.equal(commands(failed.result).length, 2, said(failed.result));
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it("the check, then the build, in one job: a warning is noted once, a problem only the build finds is noted", async () => {
    const site = copySiteWith(FIXTURE_SITE, { files: KOLKATA });
    const job = mkdtempSync(path.join(work, "job-"));
    try {
      const check = await onGitHub("check", site, site, { RUNNER_TEMP: job });
      assert.equal(check.result.code, 0, said(check.result));
      assert.equal(commands(check.result).length, 1, said(check.result));
      assert.match(commands(check.result)[0]!, /^::warning file=content\/posts\/2026-11-22-kolkata\.md,line=6,/);
      assert.match(check.summary ?? "", /^## npm run check: 1 warning$/m);
      // The build finds the same warning: the terminal report says it, GitHub is not told again.
      const build = await onGitHub("build", site, site, { RUNNER_TEMP: job });
      assert.equal(build.result.code, 0, said(build.result));
      assert.deepEqual(commands(build.result), [], said(build.result));
      assert.equal(build.summary, undefined);
      // A mistake only the build finds is new: it is noted, and its section holds it alone.
      writeFileSync(path.join(site, "content/posts/posts.11tydata.js"), 'const name = ["no", "pe"].join("");\nmodule.exports = { layout: name };\n');
      const failed = await onGitHub("build", site, site, { RUNNER_TEMP: job });
      assert.equal(failed.result.code, 1, said(failed.result));
      assert.deepEqual(commands(failed.result).map((line) => line.slice(0, line.indexOf(" "))), ["::error"], said(failed.result));
      assert.deepEqual(failed.summary?.match(/^## .*/gm), ["## npm run build: 1 error"], failed.summary);
      // Another job (its own RUNNER_TEMP) notes everything again.
      const again = await onGitHub("check", site, site, { RUNNER_TEMP: mkdtempSync(path.join(work, "job-")) });
      assert.equal(commands(again.result).filter((line) => line.startsWith("::warning")).length, 1, said(again.result));
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
