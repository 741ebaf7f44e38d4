// A writer's problems as GitHub Actions shows them: each as a workflow command
// (`::error file=…,line=…::…`), which GitHub turns into a note on that line of the file in
// the commit and pull-request views and on the run's page, and all of them as a Markdown
// summary for the run's page (GitHub shows only the first 10 notes of each kind per step).
// Pure text: the caller decides when to print it and where the files are (scripts/run-step.ts).
import path from "node:path";
import { sortDiagnostics, type Diagnostic } from "./diagnostics.ts";

/**
 * A command's message, escaped as @actions/core's `escapeData` does: the runner reads one
 * command per line and unescapes %25, %0D and %0A.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A command's property value (`escapeProperty`): `:` and `,` also, which end a value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * `file` (relative to the site's folder `root`, as a diagnostic names it) relative to the
 * repository's checkout, with forward slashes, as GitHub names a file of a commit; undefined
 * when it is outside the checkout (a test's temporary copy of a site): GitHub has no line of
 * it to show a note on.
 */
export function workspaceFile(root: string, file: string, workspace: string | undefined): string | undefined {
  if (workspace === undefined) return file;
  const relative = path.relative(path.resolve(workspace), path.resolve(root, file));
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join("/");
}

/** What a note says: the problem, then its fix, as in the terminal report. */
const noteText = (d: Diagnostic): string => (d.fix ? `${d.message} → ${d.fix}` : d.message);

/**
 * One problem as a workflow command, `file` being its path in the checkout. No line (a
 * problem of the whole file) gives no line or col: GitHub then notes the file itself.
 */
export function annotationLine(d: Diagnostic, file: string): string {
  const properties: [string, string][] = [["file", file]];
  if (d.line !== undefined) {
    properties.push(["line", String(d.line)]);
    if (d.column !== undefined) properties.push(["col", String(d.column)]);
  }
  properties.push(["title", d.field || "chatpost"]);
  const list = properties.map(([name, value]) => `${name}=${escapeProperty(value)}`).join(",");
  return `::${d.severity === "warning" ? "warning" : "error"} ${list}::${escapeData(noteText(d))}`;
}

/** Where each problem's file is in the checkout; undefined for a file outside it (no note). */
export type FileInCheckout = (file: string) => string | undefined;

/** The problems in the checkout, in the report's order, each with its path there. */
function inCheckout(list: Diagnostic[], fileOf: FileInCheckout): { d: Diagnostic; file: string }[] {
  return sortDiagnostics(list).flatMap((d) => {
    const file = fileOf(d.file);
    return file === undefined ? [] : [{ d, file }];
  });
}

/** Every problem as a workflow command, in the order of the terminal report. */
export function annotationLines(list: Diagnostic[], fileOf: FileInCheckout): string[] {
  return inCheckout(list, fileOf).map(({ d, file }) => annotationLine(d, file));
}

/**
 * The problems whose note an earlier step of the same job has not already printed (`noted`:
 * the notes it printed). The publishing workflow runs `npm run check`, then `npm run build`,
 * which finds the same warnings again: GitHub would show each one twice.
 */
export function notNoted(list: Diagnostic[], fileOf: FileInCheckout, noted: ReadonlySet<string>): Diagnostic[] {
  return inCheckout(list, fileOf).flatMap(({ d, file }) => (noted.has(annotationLine(d, file)) ? [] : [d]));
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * A writer's text as plain text in Markdown: what would start a tag or an entity is an
 * entity, and what would make emphasis, code, a link, strikethrough or a table cell is
 * backslash-escaped, so that no text of a post becomes markup on the run's page. The text
 * never starts a line (line breaks become <br>), so what means something only there
 * (`#`, `-`, `1.`) stays as it is.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, "\\$&")
    .replace(/[&<>]/g, (c) => HTML_ESCAPES[c]!)
    .replace(/\r\n?|\n/g, "<br>");
}

/** `text` as a Markdown code span: fenced by more backticks than it holds, on one line. */
export function markdownCode(text: string): string {
  const line = text.replace(/\r\n?|\n/g, " ");
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = line.startsWith("`") || line.endsWith("`") || line.startsWith(" ") ? " " : "";
  return `${fence}${pad}${line}${pad}${fence}`;
}

const counted = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The problems as Markdown for the run's page (`$GITHUB_STEP_SUMMARY`): a heading naming
 * `command`, the counts, what to do, and every problem as a list item; "" when none of them
 * is in the checkout.
 */
export function stepSummary(list: Diagnostic[], fileOf: FileInCheckout, command: string): string {
  const shown = inCheckout(list, fileOf);
  if (!shown.length) return "";
  const errors = shown.filter(({ d }) => d.severity === "error").length;
  const warnings = shown.length - errors;
  const counts = [errors ? counted(errors, "error") : "", warnings ? counted(warnings, "warning") : ""].filter(Boolean).join(", ");
  const advice = errors
    ? "Nothing is published until every error is fixed. Open each file at the line shown, make the change after the arrow (→), and commit."
    : "Warnings do not stop publishing; the change after the arrow (→) removes each one.";
  const items = shown.map(({ d, file }) => {
    const where = [file, d.line, d.line !== undefined ? (d.column ?? 1) : undefined].filter((x) => x !== undefined).join(":");
    const field = d.field ? ` ${markdownCode(d.field)}` : "";
    const fix = d.fix ? ` → ${markdownText(d.fix)}` : "";
    return `- ${d.severity === "warning" ? "Warning" : "**Error**"} in ${markdownCode(where)}${field}: ${markdownText(d.message)}${fix}`;
  });
  return [`## ${markdownText(command)}: ${counts}`, "", advice, "", ...items, ""].join("\n");
}
