// Applying chat-time fixes as a writer would: the fix's `start:` lines, the instants they give,
// and what the check says of a post in the fixture site (zone America/New_York) with them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolveChatStart, type StartOptions } from "../../lib/chat-time.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

export const FIXTURE_SETTINGS = readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8");
const ctx: LoadContext = { settings: parseSettings(FIXTURE_SETTINGS).settings!, root: "/nowhere", fileExists: () => false };

/** The problem of a start that must be rejected, at `start`. */
export function problem(start: string, zone: string, options: StartOptions = {}) {
  const result = resolveChatStart(start, zone, options);
  if (result.ok) assert.fail(`expected ${start} in ${zone} to be rejected`);
  assert.equal(result.field, "start");
  return result.problem;
}

/** The instant a start gives in a zone, in UTC; fails on an error or a warning (a fix leaves none). */
export function instant(start: string, zone: string): string {
  const result = resolveChatStart(start, zone);
  if (!result.ok) assert.fail(`${start} in ${zone}: ${result.problem.message}`);
  assert.equal(result.warning, undefined, `${start} in ${zone} warns`);
  return new Date(result.instant.startMillis).toISOString().slice(0, 16);
}

/** Every `start:` value a fix gives, in order. */
export function starts(fix: string): string[] {
  return [...fix.matchAll(/start: (\d{4}-\d{2}-\d{2}T[\d:]+(?:[+-]\d{2}:\d{2})?)/g)].map((m) => m[1]!);
}

/** The problems `npm run check` prints for a post `file` dated `date` whose `chat:` has these lines. */
export function chatProblemsOf(file: string, date: string, extra = ""): (...chatLines: string[]) => string[] {
  return (...chatLines) => {
    const text = `---\ntitle: Probe\ndate: ${date}\nchat:\n${chatLines.map((l) => `  ${l}\n`).join("")}${extra}---\nBody.\n`;
    return loadPost(file, text, ctx).diagnostics.map((d) => formatDiagnostic(d).replace(`${file}:`, ""));
  };
}
