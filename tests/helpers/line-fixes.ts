// A fix that gives a whole line, applied as a writer would, so that a test can check the
// file then reads back clean.
import assert from "node:assert/strict";
import type { Diagnostic } from "../../lib/diagnostics.ts";

/** `text` with its line `n` (1-based) replaced by `line`. */
export function setLine(text: string, n: number, line: string): string {
  return text.split("\n").map((l, i) => (i === n - 1 ? line : l)).join("\n");
}

/**
 * `text` with the line a diagnostic's fix gives put in place: "…, so that line N reads `…`"
 * over line N (which `onItsLine` asserts is the diagnostic's own); with `orLast`, a fix that
 * ends in ": `…`" over the diagnostic's line.
 */
export function applyLineFix(text: string, d: { line?: number; fix?: string }, options: { onItsLine?: boolean; orLast?: boolean } = {}): string {
  const fix = d.fix ?? "";
  const reads = /so that line (\d+) reads `(.*)`$/.exec(fix) ?? /so that line (\d+) reads `([^`]*)`/.exec(fix);
  if (reads) {
    if (options.onItsLine) assert.equal(Number(reads[1]), d.line);
    return setLine(text, Number(reads[1]), reads[2]!);
  }
  const last = options.orLast ? /: `(.*)`$/.exec(fix) : null;
  assert.ok(last, `the fix gives the line: ${fix}`);
  return setLine(text, d.line!, last[1]!);
}

/** What the tests compare of a diagnostic, in one array. */
export const diagnosticShape = (d: Diagnostic) => [d.severity, d.line, d.column, d.field, d.message, d.fix];
