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
  const utf16 = utf16Problem(file, text, bytes);
  if (utf16) return [utf16];
  if (!text.includes(REPLACEMENT)) return [];
  const lines = text.split(/\r?\n/);
  const at = lines.flatMap((line, i) => (line.includes(REPLACEMENT) ? [i] : []));
  const first = lines[at[0]!]!;
  const column = first.indexOf(REPLACEMENT);
  const snippet = around(first, column);
  const others = at.slice(1).map((i) => i + 1);
  const also = others.length ? ` (also on line${others.length > 1 ? "s" : ""} ${others.length > 5 ? `${others.slice(0, 5).join(", ")} and ${others.length - 5} more` : others.join(", ")})` : "";
  const position = { severity: "error" as const, file, line: at[0]! + 1, column: column + 1, field: "" };
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

/** The UTF-16 error, for a file saved so (Notepad's "Unicode"), with its byte order mark or without. */
function utf16Problem(file: string, text: string, bytes?: Uint8Array): Diagnostic | undefined {
  if (!(bytes ? isUtf16(bytes) : readAsUtf16(text))) return undefined;
  return {
    severity: "error", file, line: 1, column: 1, field: "",
    message: "the file is saved as UTF-16, which the site cannot read",
    fix: SAVE_AS_UTF8,
  };
}

function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  return zeroEveryOther(Array.from(bytes.subarray(0, 1024), (b) => b === 0));
}

/** The same, told from text read as UTF-8 when the bytes are not at hand: its mark reads as two "�". */
function readAsUtf16(text: string): boolean {
  const sample = text.slice(0, 1024);
  if (/^\uFFFD\uFFFD(?:[^\0]\0|\0[^\0])/.test(sample)) return true;
  return zeroEveryOther(Array.from(sample, (c) => c === "\0"));
}

/**
 * Without a byte order mark, UTF-16 shows in its text's letters (and the `---`, `title:` of
 * front matter): each is a byte of zero and a byte that is not, so nearly every other byte
 * is zero and the bytes between are not. A file of zeros only is a damaged file instead.
 */
function zeroEveryOther(zero: boolean[]): boolean {
  const pairs = Math.floor(zero.length / 2);
  if (pairs < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (zero[i]) even++;
    if (zero[i + 1]) odd++;
  }
  const [many, few] = even > odd ? [even, odd] : [odd, even];
  return many >= pairs * 0.6 && few <= pairs * 0.1;
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

// Control characters: the C0 ones but tab, line feed and carriage return, DEL, and C1. No
// text is written with them; they come with text copied from a PDF (a form feed at a page
// break, a NUL, U+0002 for a hyphen) or a word processor (Word's line break is a vertical
// tab). XML forbids the C0 ones, so one in a post makes feed.xml unreadable, and feed
// readers stop taking the site's updates.
export const CONTROL_CHARACTER = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, "g");

const CONTROL_NAMES: Record<string, string> = {
  "\x00": "a null character", "\x02": "a start-of-text character", "\x03": "an end-of-text character",
  "\x07": "a bell character", "\x08": "a backspace", "\x0b": "a vertical tab (Word's line break,",
  "\x0c": "a form feed (a page break,", "\x1b": "an escape character", "\x7f": "a delete character",
};

/** What a writer calls a control character, and its code: "a form feed (a page break, U+000C)". */
export function controlCharacterName(c: string): string {
  const name = CONTROL_NAMES[c] ?? "a control character";
  return `${name}${name.endsWith(",") ? " " : " ("}U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;
}

/**
 * The text as meant: each control character deleted, but a page break or Word's line break
 * between two words, which stood for a space, made one. What the feeds carry (plugins/feeds.ts).
 * Not after an opening bracket or before a closing one or a comma, full stop…: there no space
 * was meant (`{25\f}`, a .bib number, is `{25}`, not `{25 }`).
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(/(?<=[^\s\x00-\x1f\x7f-\x9f\p{Ps}])[\v\f]+(?=[^\s\x00-\x1f\x7f-\x9f\p{Pe},.;:!?])/gu, " ").replace(CONTROL_CHARACTERS, "");
}

// A line with these was copied from a PDF page by page, or the file holds zeros where its text was.
const ZERO_RUN = /\x00{16,}/;
const RESTORE = "restore the file from the site's history (on GitHub: open the file, then History, and take its last good version), or write it again";
// Past these lines, one error names the rest: the fix is the same act on each.
const LINES_TOLD = 10;

/**
 * One error per line holding a control character, at its first, with the line as it reads
 * once they are deleted; a file of zero bytes (or a run of them), one error: it was damaged.
 */
export function controlCharacterProblems(file: string, text: string): Diagnostic[] {
  if (!CONTROL_CHARACTER.test(text)) return [];
  const error = (line: number, column: number, message: string, fix: string): Diagnostic => ({ severity: "error", file, line, column, field: "", message, fix });
  const body = text.replace(/^\uFEFF/, "");
  if (/^\x00+$/.test(body)) {
    return [error(1, 1, `the file was damaged: it holds only zero bytes (${body.length} of them) and no text, as happens when the computer stops while the file is being saved`, RESTORE)];
  }
  const lines = text.split(/\r?\n/);
  const zeros = lines.findIndex((l) => ZERO_RUN.test(l));
  if (zeros >= 0) {
    const column = lines[zeros]!.search(ZERO_RUN) + 1;
    return [error(zeros + 1, column, `the file was damaged: from column ${column} of this line it holds zero bytes instead of text, as happens when the computer stops while the file is being saved`, RESTORE)];
  }
  const at = lines.flatMap((line, i) => (CONTROL_CHARACTER.test(line) ? [i] : []));
  const problems = at.slice(0, LINES_TOLD).map((i) => lineProblem(lines[i]!, i + 1, error));
  const rest = at.slice(LINES_TOLD).map((i) => i + 1);
  if (rest.length) {
    problems.push(error(rest[0]!, lines[rest[0]! - 1]!.search(CONTROL_CHARACTER) + 1,
      `${rest.length} more line${rest.length > 1 ? "s" : ""} (${rest.length > 10 ? `${rest.slice(0, 10).join(", ")} and ${rest.length - 10} more` : rest.join(", ")}) also hold invisible control characters, as above`,
      "delete them as on the lines above (or copy the text again from its original as plain text, e.g. with Paste and Match Style)"));
  }
  return problems;
}

function lineProblem(line: string, number: number, error: (line: number, column: number, message: string, fix: string) => Diagnostic): Diagnostic {
  const index = line.search(CONTROL_CHARACTER);
  const c = line[index]!;
  const count = line.match(CONTROL_CHARACTERS)!.length;
  // Latin-1 bytes of a UTF-8 character read one by one ("â\u0080\u0099" for ’): the character meant is known.
  const mojibake = /[\u00c2-\u00f4][\u0080-\u00bf]{1,3}/g;
  const mended = line.replace(mojibake, (run) => {
    const meant = Buffer.from(run, "latin1").toString("utf8");
    return [...meant].length === 1 && meant !== REPLACEMENT ? meant : run;
  });
  if (mended !== line && !CONTROL_CHARACTER.test(mended)) {
    const runs = [...line.matchAll(mojibake)].filter((m) => CONTROL_CHARACTER.test(m[0]));
    const run = runs.find((m) => m.index <= index && index < m.index + m[0].length)?.[0] ?? c;
    const meant = Buffer.from(run, "latin1").toString("utf8");
    return error(number, index + 1,
      `the line has ${controlCharacterName(c)}, an invisible character, at column ${index + 1}: it is part of "${visible(run)}", what is left of "${meant}" after the text was read in the wrong encoding (its UTF-8 bytes taken as Latin-1 letters)`,
      `write "${meant}" in its place${runs.length > 1 ? ", and so for the others on the line" : ""}, so that ${shownLine(mended, number, index)}`);
  }
  return error(number, index + 1,
    `the line has ${controlCharacterName(c)} at column ${index + 1}${count > 1 ? `, and ${count - 1} more control character${count > 2 ? "s" : ""}` : ""}: ${count > 1 ? "invisible characters, which text copied from a PDF or a word processor brings; the site's feed cannot hold them" : "an invisible character, which text copied from a PDF or a word processor brings; the site's feed cannot hold it"} (feed readers would stop taking the site's updates)`,
    `${deleteWords(line, count)}, so that ${shownLine(withoutControlCharacters(line), number, index)}`);
}

/** "delete it", or what withoutControlCharacters does: a page break between two words becomes a space. */
function deleteWords(line: string, count: number): string {
  const spaced = withoutControlCharacters(line) !== line.replace(CONTROL_CHARACTERS, "");
  if (count === 1) return spaced ? "write a space in its place" : "delete it";
  return spaced ? "delete them (a page break or line break between two words becomes a space)" : "delete them";
}

/** A run with its control characters written as codes, so that the message shows where they are. */
function visible(run: string): string {
  return run.replace(CONTROL_CHARACTERS, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`);
}

/** "line 5 reads `…`", the whole line when it is short, else the part around `column`. */
function shownLine(line: string, number: number, column: number): string {
  if (line.length <= 100) return `line ${number} reads \`${line}\``;
  const start = Math.max(0, column - 50);
  return `line ${number} reads \`${start > 0 ? "…" : ""}${line.slice(start, start + 100)}${start + 100 < line.length ? "…" : ""}\` there`;
}

// Documents saved under a text file's name: what the file starts with tells which program wrote it.
const SAVE_AS_TEXT = "save it as plain text: in Word, File → Save As, then Plain Text (.txt) and Encoding: UTF-8; in LibreOffice, File → Save As, then Text (.txt)";

/**
 * A file the site cannot read as text at all (UTF-16, a document of a word processor, a PDF,
 * a damaged file): one error, what the file is and how to make it text, and nothing else about
 * it (read as text, its "fields" would be noise). Undefined for a text file.
 */
export function unreadableTextProblem(file: string, text: string, bytes?: Uint8Array): Diagnostic | undefined {
  const head = bytes ? Buffer.from(bytes.subarray(0, 4096)).toString("latin1") : text.slice(0, 4096);
  const name = file.split("/").pop()!;
  const post = /(?:^|\/)posts\/.*\.md$/.test(file);
  const asNew = post ? `; or copy its text into a new post made with \`npm run new -- "Title"\`, then delete ${name}` : "";
  const error = (message: string, fix: string): Diagnostic => ({ severity: "error", file, line: 1, column: 1, field: "", message, fix });
  // A damaged file is restored, not mended: what else is wrong with it does not matter.
  if (/^\x00+$/.test(text.replace(/^\uFEFF/, "")) || ZERO_RUN.test(text)) return controlCharacterProblems(file, text)[0];
  const utf16 = utf16Problem(file, text, bytes);
  if (utf16) return utf16;
  if (head.startsWith("PK\x03\x04")) {
    // ODF keeps its kind, uncompressed, as the first entry of the archive; Word's parts are under word/.
    const what = head.includes("mimetypeapplication/vnd.oasis.opendocument") ? "a LibreOffice or OpenOffice document (.odt)"
      : head.includes("word/") || head.includes("[Content_Types].xml") ? "a Word document (.docx)"
      : "a compressed file (a .zip, or a Word, LibreOffice or Pages document)";
    return error(`the file is ${what} saved under a text file's name, not plain text: the site cannot read it`, `open it in the program that made it and ${SAVE_AS_TEXT}, under the name ${name}${asNew}`);
  }
  if (head.startsWith("\xd0\xcf\x11\xe0") || head.startsWith("\uFFFD\uFFFD\x11\uFFFD\uFFFD\uFFFD\x1a\uFFFD")) {
    return error("the file is a Word document of the older kind (.doc) saved under a text file's name, not plain text: the site cannot read it", `open it in Word and ${SAVE_AS_TEXT}, under the name ${name}${asNew}`);
  }
  if (/^(?:\uFEFF|\xef\xbb\xbf)?\{\\rtf/.test(head)) {
    return error("the file is rich text (RTF, as TextEdit and WordPad save by default), not plain text: the site would read its formatting codes as text",
      `make it plain text: in TextEdit, Format → Make Plain Text, then save; in WordPad, File → Save As, then Text Document${asNew}`);
  }
  if (head.startsWith("%PDF-")) {
    return error("the file is a PDF saved under a text file's name: the site cannot read it",
      post ? `copy its text into a new post made with \`npm run new -- "Title"\`, then delete ${name}` : `copy the text out of the PDF into a plain-text file named ${name}`);
  }
  return undefined;
}

/**
 * A web page (HTML, as Word's "Save as Web Page" or a browser's "Save Page As" write) where
 * front matter should start: said as that, instead of "no front matter". Undefined otherwise.
 */
export function webPageProblem(file: string, text: string): Diagnostic | undefined {
  if (!/^\uFEFF?\s*(?:<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html[\s>])/i.test(text)) return undefined;
  return {
    severity: "error", file, line: 1, column: 1, field: "",
    message: "the file is a web page (HTML), as Word's Save as Web Page or a browser's Save Page As write, not a post in markdown with front matter",
    fix: `copy the text as you see it in the browser or in Word into a new post made with \`npm run new -- "Title"\` (or into this file, after a line ---, the fields title: and date:, and a line ---), then delete ${file.split("/").pop()}`,
  };
}
