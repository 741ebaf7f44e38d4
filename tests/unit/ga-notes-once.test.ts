// scripts/run-step.ts showOnGitHub: a problem a step of the job noted, and GitHub showed, is
// not noted again by a later step; GitHub shows only a step's first 10 notes of each kind,
// so the rest are noted again by the next step that finds them.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { problemsOnGitHub, showOnGitHub } from "../../scripts/run-step.ts";

/** What showOnGitHub printed. */
function printed(diagnostics: Diagnostic[], env: NodeJS.ProcessEnv): string[] {
  const lines: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => (lines.push(...String(chunk).split("\n").filter(Boolean)), true)) as typeof process.stdout.write;
  try {
    showOnGitHub(diagnostics, env);
  } finally {
    process.stdout.write = write;
  }
  return lines;
}

const warning = (n: number): Diagnostic => ({ severity: "warning", file: "content/posts/2026-11-20-a.md", line: n, column: 1, field: "title", message: `warning ${n}` });

describe("notes across the steps of one job", () => {
  it("a later step notes only what GitHub did not show: new problems, and the 11th note of a kind on", () => {
    const root = mkdtempSync(path.join(tmpdir(), "ga-notes-"));
    const job = mkdtempSync(path.join(tmpdir(), "ga-job-"));
    const env = { GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: root, RUNNER_TEMP: job };
    problemsOnGitHub(root, "npm run check");
    const twelve = Array.from({ length: 12 }, (_, i) => warning(i + 1));
    assert.equal(printed(twelve, env).length, 12);
    // Kept: the 10 GitHub shows.
    assert.equal(readFileSync(path.join(job, "chatpost-github-notes"), "utf8").trim().split("\n").length, 10);
    problemsOnGitHub(root, "npm run build");
    const error: Diagnostic = { severity: "error", file: "content/posts/2026-11-20-a.md", line: 30, column: 1, field: "date", message: "not a date" };
    const again = printed([...twelve, error], env);
    assert.deepEqual(again.map((line) => /::(\w+) .*::(.*)$/.exec(line)!.slice(1).join(" ")), ["warning warning 11", "warning warning 12", "error not a date"]);
    // Another job notes all of them.
    assert.equal(printed(twelve, { ...env, RUNNER_TEMP: mkdtempSync(path.join(tmpdir(), "ga-job-")) }).length, 12);
    // No RUNNER_TEMP: each step notes everything, as before.
    assert.equal(printed(twelve, { ...env, RUNNER_TEMP: "" }).length, 12);
    assert.equal(printed(twelve, { ...env, RUNNER_TEMP: "" }).length, 12);
  });
});
