// A small valid post, line by line, for the front-matter slip tests: each test replaces or adds
// lines by number, loads it as the fixture site would, and reads the messages as printed.
import { readFileSync } from "node:fs";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

export const FIXTURE_SETTINGS = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
export const SLIP_POST_FILE = "content/posts/2017-04-30-online-communities.md";

/** The loader's context for the fixture site's settings, with `files` as the only files that exist. */
export function slipContext(files: ReadonlySet<string> = new Set()): LoadContext {
  return { settings: FIXTURE_SETTINGS, root: "/nowhere", fileExists: (p) => files.has(p) };
}

/** A diagnostic as printed, without the file name: "2:8  title  …". */
export const shown = (d: Diagnostic) => formatDiagnostic(d).slice(SLIP_POST_FILE.length + 1);

/**
 * A valid post (lines 1–10): title, date, chat with its start (line 5), topics (line 7). `at`
 * replaces lines by their 1-based number (an array puts several lines in place of one);
 * `extra` goes before the closing --- (from line 8).
 */
export function post(at: Record<number, string | string[]> = {}, extra: string[] = []): string[] {
  const lines: Array<string | string[]> = [
    "---",
    "title: Online communities",
    "date: 2017-04-30",
    "chat:",
    "  start: 2017-05-02T20:30",
    "topics:",
    "  - Should vendors join?",
    ...extra,
    "---",
    "Body.",
    "",
  ];
  for (const [n, text] of Object.entries(at)) lines[Number(n) - 1] = text;
  return lines.flat();
}

/** `lines` loaded as the post's file. */
export const loadLines = (lines: string[], ctx: LoadContext = slipContext()) => loadPost(SLIP_POST_FILE, lines.join("\n"), ctx);
