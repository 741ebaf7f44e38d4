// Pandoc's footnotes (`Text[^1]` … `[^1]: The note.`, or inline `^[The note.]`) are not
// rendered: the site has no footnotes of its own, only the notes a note style makes of
// citations (README "Footnote styles"), and a second, separate set of numbered notes
// next to those would confuse readers. Without a word, markdown shows them as the
// characters typed, or, for a note that is only an address, leaves the note out and
// makes `[^1]` a link to it. So each is an error at its line, with the way to write it.
// Read from the source lines, since a note read as a link's address leaves no token;
// code blocks and code spans are skipped, as `[^1]` shown as code is meant.
import type { Diagnostic } from "./diagnostics.ts";
import { parseBody } from "./markdown.ts";

// `[^label]`, not escaped: a reference, or a definition when `:` follows at the start of its line.
const REFERENCE = /(?<!\\)\[\^([^\]\s]+)\]/g;
// Before a definition's `[`: a quote's `>` markers and up to three spaces (more is code).
const DEFINITION = /^((?:[ ]{0,3}>)*[ ]{0,3})\[\^([^\]\s]+)\]:[ \t]*(.*)$/;
// Pandoc's inline note: `^[the note]`, not escaped.
const INLINE_NOTE = /(?<!\\)\^\[/g;

interface Definition {
  line: number;
  column: number;
  text: string;
  /** Read by markdown as a link's address: left out of the page. */
  hidden: boolean;
}

/**
 * Every footnote reference, footnote and inline note in `body`, as errors at their file
 * lines and columns. `bodyLine` is the file line the body starts on (1-based).
 */
export function bodyFootnoteProblems(body: string, file: string, bodyLine: number): Diagnostic[] {
  // Most bodies have none; skip the parse for them.
  if (!body.includes("[^") && !body.includes("^[")) return [];
  const lines = body.split("\n");
  // Lines markdown does not read as text (code, raw HTML), and lines it shows as text.
  const skipped = new Set<number>();
  const shown = new Set<number>();
  for (const token of parseBody(body)) {
    if (!token.map) continue;
    const [start, end] = token.map;
    const into = token.type === "fence" || token.type === "code_block" || token.type === "html_block" ? skipped : token.type === "inline" ? shown : undefined;
    for (let l = start; into && l < end; l++) into.add(l);
  }

  const definitions = new Map<string, Definition>();
  const references: Array<{ label: string; line: number; column: number }> = [];
  const inlineNotes: Array<{ line: number; column: number; text: string }> = [];
  lines.forEach((source, line) => {
    if (skipped.has(line)) return;
    // Code spans keep their length, so columns stay those of the line.
    const text = source.replace(/(`+)[^`][^\n]*?\1/g, (code) => " ".repeat(code.length));
    const definition = DEFINITION.exec(text);
    if (definition) {
      const label = definition[2]!;
      const column = definition[1]!.length + 1;
      if (!definitions.has(label)) definitions.set(label, { line, column, text: source.slice(column - 1 + label.length + 4).trim(), hidden: !shown.has(line) });
    }
    for (const m of text.matchAll(REFERENCE)) {
      if (definition && m.index === definition[1]!.length) continue;
      references.push({ label: m[1]!, line, column: m.index + 1 });
    }
    for (const m of text.matchAll(INLINE_NOTE)) {
      inlineNotes.push({ line, column: m.index + 1, text: bracketed(source, m.index + 1) });
    }
  });

  const problems: Diagnostic[] = [];
  const at = (line: number, column: number) => ({ severity: "error" as const, file, line: bodyLine + line, column, field: "" });
  for (const ref of references) {
    const note = definitions.get(ref.label);
    const written = `[^${ref.label}]`;
    problems.push({
      ...at(ref.line, ref.column),
      message: `footnotes are not supported: ${written} is shown as ${note?.hidden ? `a link "^${ref.label}"` : "the characters typed"}, not as a note number`,
      fix: note
        ? `write the note's text in the sentence instead of ${written}, e.g. in parentheses: (${inParentheses(note.text)}), and delete the note's line ${bodyLine + note.line} (${written}: …)`
        : `write the note's text in the sentence instead of ${written}, e.g. in parentheses: (the note's text); to show ${written} as typed, write \\${written}`,
    });
  }
  for (const [label, note] of definitions) {
    const written = `[^${label}]`;
    const ref = references.find((r) => r.label === label);
    problems.push({
      ...at(note.line, note.column),
      message: note.hidden
        ? `footnotes are not supported: the note ${written}: is left out of the page (markdown reads it as the address of a link named ${written})`
        : `footnotes are not supported: the note ${written}: is shown where it is written, as a paragraph starting with "${written}:"`,
      fix: `move the note's text into the sentence${ref ? ` where ${written} is (line ${bodyLine + ref.line})` : ""}, e.g. in parentheses, and delete this line`,
    });
  }
  for (const note of inlineNotes) {
    problems.push({
      ...at(note.line, note.column),
      message: `footnotes are not supported: the note ^[${shorten(note.text)}] is shown as the characters typed`,
      fix: `write the note as part of the text, e.g. in parentheses: (${inParentheses(note.text)})`,
    });
  }
  return problems;
}

/** The text inside the brackets that open at `open` on `line`, to their matching `]` (or the line's end). */
function bracketed(line: string, open: number): string {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === "[") depth++;
    else if (line[i] === "]" && --depth === 0) return line.slice(open + 1, i);
  }
  return line.slice(open + 1);
}

/** A note's text as a fix quotes it: whole up to 80 characters, otherwise its start and "…". */
function shorten(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length <= 80 ? one : `${one.slice(0, 79).trimEnd()}…`;
}

/** A note's text as it reads in parentheses in a sentence: shortened, without its final period. */
function inParentheses(text: string): string {
  return shorten(text).replace(/\.$/, "");
}
