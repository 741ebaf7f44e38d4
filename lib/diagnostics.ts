// What chatpost tells a writer: where, which field, what is wrong, how to fix it.
import { byCodeUnit } from "./stable-order.ts";

export interface Position {
  line?: number;
  column?: number;
}

export interface Diagnostic extends Position {
  severity: "error" | "warning";
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** Dotted path of the front-matter field, e.g. `chat.zone` or `references[2].issued`; "" for the whole file. */
  field: string;
  message: string;
  fix?: string;
}

/** `file:line:column  field  what is wrong → how to fix` (one line, no stack trace). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.line !== undefined ? (d.column ?? 1) : undefined].filter((x) => x !== undefined).join(":");
  const label = d.severity === "warning" ? "warning: " : "";
  const field = d.field ? `${d.field}  ` : "";
  const fix = d.fix ? ` → ${d.fix}` : "";
  return `${where}  ${field}${label}${d.message}${fix}`;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      byCodeUnit(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      byCodeUnit(a.field, b.field),
  );
}

export function hasErrors(list: Diagnostic[]): boolean {
  return list.some((d) => d.severity === "error");
}

/** What the count line says after the errors, for the command that found them. */
export const REPORT_ENDINGS = {
  build: "nothing was built. Fix the errors above and run again.",
  check: "fix the errors above and run `npm run check` again.",
  new: "nothing was written. Fix the errors above and run `npm run new` again.",
  previewNotStarted: "the preview did not start. Fix the errors above and run `npm start` again.",
  preview: "the preview shows these problems on the page of each file concerned until they are fixed.",
  previewStopped: "the preview was not updated. Fix the errors above and save: it rebuilds on its own.",
  previewSettings: "the preview keeps the settings as they were until these are fixed.",
  previewLinks: "the preview shows the pages with these links; a build stops on them. Fix them and save.",
} as const;

/** A summary block for the terminal: every problem, then a count. */
export function formatReport(list: Diagnostic[], ending: string = REPORT_ENDINGS.build): string {
  const sorted = sortDiagnostics(list);
  const errors = sorted.filter((d) => d.severity === "error").length;
  const warnings = sorted.length - errors;
  const lines = sorted.map(formatDiagnostic);
  const parts = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? "" : "s"}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  if (parts.length) lines.push("", parts.join(", ") + (errors ? `: ${ending}` : "."));
  return lines.join("\n");
}

/** Dotted field path from a schema path: ["references", 2, "issued"] → "references[2].issued". */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += (out ? "." : "") + String(seg);
  }
  return out;
}

/**
 * A field as a message names it to a writer, counting list items from 1 as readers do:
 * `chat.zone`, topic T2 (the page numbers topics T1, T2, …), item 3 of `tags`,
 * `issued` of item 2 of `references`. The `field` of a diagnostic stays `fieldPath`.
 */
export function fieldWords(path: ReadonlyArray<PropertyKey>): string {
  let last = -1;
  path.forEach((seg, i) => {
    if (typeof seg === "number") last = i;
  });
  if (last < 0) return `\`${fieldPath(path)}\``;
  const list = path.slice(0, last);
  const n = (path[last] as number) + 1;
  const item = list.length === 1 && list[0] === "topics" ? `topic T${n}` : `item ${n} of ${fieldWords(list)}`;
  const rest = path.slice(last + 1);
  return rest.length ? `\`${fieldPath(rest)}\` of ${item}` : item;
}

/** A mistake in a writer's input: carries diagnostics, printed without a stack trace. */
export class ContentError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(formatReport(diagnostics));
    this.name = "ContentError";
  }
}

/** A mistake in the site settings (content/_data/site.yaml). */
export class SettingsError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`${diagnostics.length} problem(s) in the site settings`);
  }
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * The preview page (`npm start`) of a post that cannot be built: its problems, as the
 * terminal shows them, in one HTML block (no blank line, so markdown leaves it whole).
 */
export function formatProblemsHtml(list: Diagnostic[]): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
  const items = sortDiagnostics(list).map((d) => `<li><code>${escape(formatDiagnostic(d))}</code></li>`).join("");
  return `<section class="chatpost-problems" role="alert"><h1>This post cannot be published yet</h1><p>Fix these problems in the file and save it; this page reloads by itself.</p><ul>${items}</ul></section>\n`;
}
