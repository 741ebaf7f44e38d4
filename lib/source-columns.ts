// Where on its line something a writer wrote is: the column a diagnostic points at, so
// that an editor's "go to file:line:column" lands on the address to fix rather than at
// the start of a line that may hold several links. markdown-it gives the lines of what
// it parsed, not the columns, so the text is looked for on its line.

export interface SourceColumns {
  /**
   * The 1-based column of `written` on the 0-based `line`: the first of its forms found
   * there, after what an earlier call found of the same form on that line (a line with
   * the same address twice gets both columns), or undefined when it is not on the line
   * (a reference-style link's address is on its definition's line). `prefixes` are
   * looked for before the form first, so that `[slides.pdf](slides.pdf)` points at the
   * address in parentheses, not at the link's text; the column is the form's own.
   */
  find(line: number, written: readonly string[], prefixes?: readonly string[]): number | undefined;
  /** The 1-based column of the last `marker` on `line` before `column`, or `column` when there is none. */
  before(line: number, column: number, marker: RegExp): number;
}

export function sourceColumns(text: string): SourceColumns {
  let lines: string[] | undefined;
  const lineText = (line: number) => (lines ??= text.split("\n"))[line] ?? "";
  // Per line and form, where the next search starts.
  const next = new Map<string, number>();
  return {
    find(line, written, prefixes = [""]) {
      const source = lineText(line);
      for (const prefix of [...prefixes, ...(prefixes.includes("") ? [] : [""])]) {
        let best: { at: number; key: string; end: number } | undefined;
        for (const form of new Set(written)) {
          if (!form) continue;
          const key = `${line}\u0000${prefix}\u0000${form}`;
          const at = source.indexOf(prefix + form, next.get(key) ?? 0);
          if (at !== -1 && (!best || at < best.at)) best = { at, key, end: at + prefix.length + form.length };
        }
        if (best) {
          next.set(best.key, best.end);
          return best.at + prefix.length + 1;
        }
      }
      return undefined;
    },
    before(line, column, marker) {
      const source = lineText(line).slice(0, column - 1);
      let found: number | undefined;
      for (const m of source.matchAll(new RegExp(marker.source, marker.flags.includes("g") ? marker.flags : `${marker.flags}g`))) found = m.index;
      return found === undefined ? column : found + 1;
    },
  };
}

/** What a markdown address follows: "](" in a link or picture, "](<" or "<" when written in angle brackets. */
export const MARKDOWN_ADDRESS_PREFIXES: readonly string[] = ["](<", "](", "<"];
/** What an attribute's value follows in raw HTML. */
export const ATTRIBUTE_VALUE_PREFIXES: readonly string[] = ['"', "'", "="];

/** The forms an address may be written in: as markdown-it gives it (percent-encoded) and decoded. */
export function writtenForms(address: string): string[] {
  try {
    return [address, decodeURI(address)];
  } catch {
    return [address];
  }
}

/**
 * Where `offset` in an inline block's text stands in the file. markdown-it's inline content
 * has lost each line's list or quote marker and indentation, so its line ends the source
 * line (or stands in it, when trailing spaces were trimmed). `line` is the 0-based line of
 * `lines`; `prefix` where the content line starts in it (-1 when not found); `inLine` the
 * offset within the content line; `src` the source line.
 */
export function inlinePosition(content: string, offset: number, firstLine: number, lines: readonly string[]): { line: number; prefix: number; inLine: number; src: string } {
  const before = content.slice(0, offset);
  const line = firstLine + (before.match(/\n/g)?.length ?? 0);
  const start = before.lastIndexOf("\n") + 1;
  const contentLine = content.slice(start).split("\n")[0]!;
  const src = lines[line] ?? "";
  const prefix = src.endsWith(contentLine) ? src.length - contentLine.length : src.indexOf(contentLine);
  return { line, prefix, inLine: offset - start, src };
}
