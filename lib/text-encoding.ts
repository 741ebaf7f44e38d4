// A file saved in an encoding other than UTF-8 (Windows-1252 or Latin-1, as older Windows
// editors and some reference managers write): node reads each of its accented letters
// and curly quotes as U+FFFD, which the page would show as "�".
import type { Diagnostic } from "./diagnostics.ts";

const REPLACEMENT = "\uFFFD";

/**
 * One error per file that has U+FFFD, at its first one, naming the other lines: the fix,
 * saving the file again as UTF-8, is one act for all of them.
 */
export function encodingProblems(file: string, text: string): Diagnostic[] {
  if (!text.includes(REPLACEMENT)) return [];
  const lines = text.split(/\r?\n/);
  const at = lines.flatMap((line, i) => (line.includes(REPLACEMENT) ? [i] : []));
  const first = lines[at[0]!]!;
  const column = first.indexOf(REPLACEMENT);
  const snippet = first.slice(Math.max(0, column - 20), column + 20).trim();
  const others = at.slice(1).map((i) => i + 1);
  const also = others.length ? ` (also on line${others.length > 1 ? "s" : ""} ${others.length > 5 ? `${others.slice(0, 5).join(", ")} and ${others.length - 5} more` : others.join(", ")})` : "";
  return [{
    severity: "error", file, line: at[0]! + 1, column: column + 1, field: "",
    message: `the file is not saved as UTF-8: a character here is shown as "�", in "${snippet}"${also}; it was saved in another encoding, such as Windows-1252`,
    fix: "save the file again as UTF-8 (in most editors: Save As, then Encoding: UTF-8) and check the accented letters and quotes on these lines",
  }];
}
