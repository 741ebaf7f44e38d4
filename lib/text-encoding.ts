// A file saved in an encoding other than UTF-8 (Windows-1252 or Latin-1, as older Windows
// editors and some reference managers write): node reads each of its accented letters
// and curly quotes as U+FFFD, which the page would show as "�". Given the file's bytes,
// the error also shows what the writer meant, and tells that case from a "�" that is
// really in the text (pasted from a page that had already lost the character), which
// saving the file again would not mend.
import type { Diagnostic } from "./diagnostics.ts";

const REPLACEMENT = "\uFFFD";
const SAVE_AS_UTF8 = "save the file again as UTF-8 (in most editors: Save As, then Encoding: UTF-8)";

/**
 * One error per file that has U+FFFD, at its first one, naming the other lines: the fix
 * is one act for all of them. `bytes` is the file as read, when the caller has it.
 */
export function encodingProblems(file: string, text: string, bytes?: Uint8Array): Diagnostic[] {
  if (!text.includes(REPLACEMENT)) return [];
  const lines = text.split(/\r?\n/);
  const at = lines.flatMap((line, i) => (line.includes(REPLACEMENT) ? [i] : []));
  const first = lines[at[0]!]!;
  const column = first.indexOf(REPLACEMENT);
  const snippet = around(first, column);
  const others = at.slice(1).map((i) => i + 1);
  const also = others.length ? ` (also on line${others.length > 1 ? "s" : ""} ${others.length > 5 ? `${others.slice(0, 5).join(", ")} and ${others.length - 5} more` : others.join(", ")})` : "";
  const position = { severity: "error" as const, file, line: at[0]! + 1, column: column + 1, field: "" };
  if (bytes && isUtf16(bytes)) {
    return [{
      ...position, line: 1, column: 1,
      message: "the file is saved as UTF-16, which the site cannot read",
      fix: SAVE_AS_UTF8,
    }];
  }
  if (bytes && isUtf8(bytes)) {
    return [{
      ...position,
      message: `the text has "�" in "${snippet}"${also}: a character was lost before the text came into this file (the file itself is saved right, as UTF-8)`,
      fix: `write the character that was meant in place of each "�" (often an accented letter, a curly quote or a dash), or copy the text again from its original`,
    }];
  }
  if (bytes) {
    // Lines are the same in both readings: a line break is one byte that UTF-8 never
    // takes into a character it cannot read.
    const meant = windows1252Lines(bytes)[at[0]!];
    if (meant !== undefined) {
      return [{
        ...position,
        message: `the file is not saved as UTF-8: "${snippet}" here was written as "${around(meant.text, meant.firstForeign >= 0 ? meant.firstForeign : column)}"${also}; it was saved in another encoding, probably Windows-1252`,
        fix: `${SAVE_AS_UTF8}; the accented letters and quotes then read as written`,
      }];
    }
  }
  return [{
    ...position,
    message: `the file is not saved as UTF-8: a character here is shown as "�", in "${snippet}"${also}; it was saved in another encoding, such as Windows-1252`,
    fix: `${SAVE_AS_UTF8} and check the accented letters and quotes on these lines`,
  }];
}

function around(line: string, column: number): string {
  return line.slice(Math.max(0, column - 20), column + 20).trim();
}

function isUtf16(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// Bytes 0x80–0x9F in Windows-1252 (WHATWG's table, as browsers read it; the five it leaves
// unassigned stay control characters). Node 20's TextDecoder reads "windows-1252" as
// Latin-1, where these are all control characters, so the table is written out.
const WINDOWS_1252_80_9F = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ";

/** The character Windows-1252 gives a byte of 0x80 or more; from 0xA0 on, as Latin-1. */
function windows1252(byte: number): string {
  return byte < 0xa0 ? WINDOWS_1252_80_9F[byte - 0x80]! : String.fromCharCode(byte);
}

/** How long the valid UTF-8 sequence starting at `i` is, or 0 (RFC 3629's table of well-formed sequences). */
function utf8Length(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const next = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return next(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return next(1, lo, hi) && next(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return next(1, lo, hi) && next(2) && next(3) ? 4 : 0;
  }
  return 0;
}

/**
 * The file's lines as the writer meant them: what is valid UTF-8 read as such (a file
 * can mix both, when text from elsewhere was pasted in), each other byte as Windows-1252;
 * with each line's first character read so.
 */
function windows1252Lines(bytes: Uint8Array): { text: string; firstForeign: number }[] {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const lines: { text: string; firstForeign: number }[] = [];
  let text = "";
  let firstForeign = -1;
  for (let i = 0; i < bytes.length; ) {
    const length = utf8Length(bytes, i);
    if (length === 0) {
      if (firstForeign < 0) firstForeign = text.length;
      text += windows1252(bytes[i]!);
      i += 1;
    } else if (bytes[i] === 0x0a) {
      lines.push({ text: text.replace(/\r$/, ""), firstForeign });
      text = "";
      firstForeign = -1;
      i += 1;
    } else {
      text += decoder.decode(bytes.subarray(i, i + length));
      i += length;
    }
  }
  lines.push({ text, firstForeign });
  return lines;
}
