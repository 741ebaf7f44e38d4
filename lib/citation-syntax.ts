// Pandoc's citation syntax for markdown-it: [@key], [see @a, p. 33; @b],
// [-@key], narrative @key and @key [p. 33], braced keys @{...}, forced
// locators @key{ii, A} and the locator heuristics of pandoc's citeproc.
//
// Written here rather than taken from npm: markdown-it-citations (the only
// candidate) keeps trailing punctuation in keys ("@doe99." gives "doe99."),
// has no braced keys, parses no locators and splits on every ";", so it does
// not handle the whole syntax.
import { decodeHTML } from "entities";
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { localeLocatorTerms, locatorSpellings, normaliseTerm, type LocatorSpelling, type LocatorTerms } from "./locator-terms.ts";
import { citationShape, notesAfterPunctuation } from "./notes-after-punctuation.ts";
import { inlinePosition } from "./source-columns.ts";

export type { LocatorTerms };

export type CitationMode = "normal" | "suppress-author" | "author-in-text";

export interface CitationItem {
  key: string;
  mode: CitationMode;
  /** Markdown source of the text before the key ("see"), trimmed. */
  prefix: string;
  /** Markdown source of the text after the key and locator, as written (", and elsewhere"). */
  suffix: string;
  /** A CSL locator label (page, chapter, …) and its value, when pandoc's rules find one. */
  label?: string;
  locator?: string;
}

export interface CitationCluster {
  items: CitationItem[];
  /** The source text of the citation, e.g. "[see @a, p. 3]". */
  source: string;
  /** 0-based line of the citation in the parsed text, and its 1-based column. */
  line: number;
  column: number;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const KEY_START = /[\p{L}\p{N}_]/u;
const KEY_PUNCT = new Set([..."-:.#$%&+?<>~/"]);

/** A citation key at `pos` (just after "@"): pandoc's rule, or a {braced} key. */
export function readKey(src: string, pos: number): { key: string; end: number } | undefined {
  if (src[pos] === "{") {
    const close = src.indexOf("}", pos + 1);
    if (close <= pos + 1) return undefined;
    const key = src.slice(pos + 1, close).trim();
    return key ? { key, end: close + 1 } : undefined;
  }
  const first = src.codePointAt(pos);
  if (first === undefined || !KEY_START.test(String.fromCodePoint(first))) return undefined;
  let end = pos;
  while (end < src.length) {
    const ch = String.fromCodePoint(src.codePointAt(end)!);
    if (KEY_START.test(ch)) {
      end += ch.length;
    } else if (KEY_PUNCT.has(ch)) {
      // Only single internal punctuation belongs to the key: "@doe99." ends before the dot, "@a--b" before the dashes.
      const next = src.codePointAt(end + 1);
      if (next === undefined || !KEY_START.test(String.fromCodePoint(next))) break;
      end += 1;
    } else break;
  }
  return { key: src.slice(pos, end), end };
}

function precededByWord(src: string, pos: number): boolean {
  if (pos === 0) return false;
  const before = src.slice(Math.max(0, pos - 2), pos);
  const ch = [...before].pop()!;
  return WORD_CHAR.test(ch);
}

// A roman numeral, as pandoc's romanNumeral reads one (either case).
const ROMAN = /^(?=[mdclxvi])m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/i;
const isRoman = (word: string) => ROMAN.test(word);

// pandoc splits the text after a key into tokens: runs of space, single punctuation
// characters (":" excepted), and the runs of other characters between them.
const TOKEN = /\s+|(?!:)\p{P}|(?:[^\s\p{P}]|:)+/gu;

/**
 * Whether a locator word (one with a digit, or a roman numeral) starts at `pos`,
 * after an optional space, opening brackets and a leading period (".3" in "p.3").
 */
function locatorWordAt(text: string, pos: number): boolean {
  let p = pos;
  while (/\s/u.test(text[p] ?? "")) p++;
  while ("([{".includes(text[p] ?? "-")) p++;
  if (text[p] === ".") p++;
  const unit = /^(?:[^\s\p{P}]|[-\u2013:])+/u.exec(text.slice(p))?.[0];
  if (!unit) return false;
  return /\d/.test(unit) || isRoman(/^[^\s\p{P}]+/u.exec(unit)?.[0] ?? "");
}

const longestTerm = new WeakMap<LocatorTerms, number>();
function maxTermLength(terms: LocatorTerms): number {
  let max = longestTerm.get(terms);
  if (max === undefined) {
    max = Math.max(0, ...[...terms.keys()].map((k) => k.length));
    longestTerm.set(terms, max);
  }
  return max;
}

/**
 * The label at the start of `text`, and where it ends: pandoc's rule, the longest
 * run of tokens that is a locator term of the locale and is followed by a locator
 * word (inside braces, by anything). Terms compare case-insensitively, with their
 * own periods: under de-DE "S. 33" is a page, "S 33" is not.
 */
function readLabel(text: string, terms: LocatorTerms, braced = false): { label: string; end: number } | undefined {
  const max = maxTermLength(terms);
  let best: { label: string; end: number } | undefined;
  for (const token of text.matchAll(TOKEN)) {
    const end = token.index + token[0].length;
    const key = normaliseTerm(text.slice(0, end));
    if (key.length > max) break;
    if (!braced && !locatorWordAt(text, end)) continue;
    const label = terms.get(key);
    if (label) best = { label, end };
  }
  return best;
}

/** The locator words pandoc knows when no locale is named: en-US's. */
export function defaultLocatorTerms(): LocatorTerms {
  return localeLocatorTerms("en-US");
}

// One word of a locator, as pandoc's pPageSeq reads it: letters and digits, "-", "–"
// and ":", bracketed groups ("34(1)", "[17]") and inner periods ("1.2"), but no
// trailing period ("S. 3f." is the locator "3f" and the suffix ".") nor other punctuation.
const LOCATOR_WORD = /^(?:\([^\s()]*\)|\[[^\s[\]]*\]|\{[^\s{}]*\}|[^\s\p{P}`]|[-\u2013:]|\.(?=[^\s\p{P}`]))+/u;

/**
 * Pandoc's locator heuristics on the text after a key: an optional comma, then
 * an optional label (one of the locale's locator terms; page when none), then
 * words that hold a digit (or a roman numeral after an explicit label), joined by
 * commas or spaces. What does not fit stays in the suffix, untouched.
 */
export function splitLocator(after: string, terms: LocatorTerms = defaultLocatorTerms()): { label?: string; locator?: string; suffix: string } {
  let pos = 0;
  if (after[pos] === ",") pos++;
  while (after[pos] === " " || after[pos] === "\n") pos++;
  if (after[pos] === "{") {
    // A braced locator: everything inside is the locator (after an optional label).
    const close = after.indexOf("}", pos);
    if (close > pos) {
      const inner = after.slice(pos + 1, close).trim();
      const lab = readLabel(inner, terms, true);
      const locator = (lab ? inner.slice(lab.end) : inner).trim();
      if (locator) return { label: lab?.label ?? "page", locator, suffix: after.slice(close + 1) };
    }
    return { suffix: after };
  }
  const lab = readLabel(after.slice(pos), terms);
  const explicit = !!lab;
  if (lab) {
    pos += lab.end;
    while (after[pos] === " ") pos++;
  }
  // pandoc counts a roman numeral anywhere in a word ("(iv)", "xv-xvii") as a number.
  const accept = (word: string) => /\d/.test(word) || (explicit && word.split(/[^\p{L}]+/u).some(isRoman));
  const words: string[] = [];
  let end = pos;
  for (;;) {
    let p = end;
    let sep = "";
    if (words.length) {
      if (after[p] === ",") {
        sep = ",";
        p++;
      }
      if (after[p] === " ") {
        sep += " ";
        while (after[p] === " ") p++;
      }
      if (!sep) break;
    }
    const m = LOCATOR_WORD.exec(after.slice(p));
    if (!m || !accept(m[0])) break;
    words.push(sep + m[0]);
    end = p + m[0].length;
  }
  if (!words.length) return { suffix: after };
  return { label: lab?.label ?? "page", locator: words.join(""), suffix: after.slice(end) };
}

/** Split the inside of a bracket on top-level semicolons, skipping escapes, code and nested brackets. */
function splitItems(inner: string): string[] {
  return splitItemsAt(inner).map((part) => part.text);
}

/** The parts of `splitItems`, each with where it starts in `inner`. */
function splitItemsAt(inner: string): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === "\\") i++;
    else if (c === "`") {
      const run = /^`+/.exec(inner.slice(i))![0];
      const close = inner.indexOf(run, i + run.length);
      if (close > 0) i = close + run.length - 1;
    } else if (c === "[" || c === "{") depth++;
    else if ((c === "]" || c === "}") && depth > 0) depth--;
    else if (c === ";" && depth === 0) {
      parts.push({ text: inner.slice(start, i), at: start });
      start = i + 1;
    }
  }
  parts.push({ text: inner.slice(start), at: start });
  return parts;
}

/** One item of a bracketed citation: "see -@key{iv}, p. 3 and more". */
function parseItem(part: string, terms: LocatorTerms): CitationItem | undefined {
  for (let at = part.indexOf("@"); at >= 0; at = part.indexOf("@", at + 1)) {
    const suppress = part[at - 1] === "-";
    const before = suppress ? at - 1 : at;
    // "\@" is the writer's way of writing an @ that cites nothing.
    if (precededByWord(part, before) || part[at - 1] === "\\") continue;
    const key = readKey(part, at + 1);
    if (!key) continue;
    const prefix = part.slice(0, before).trim();
    let rest = part.slice(key.end);
    let forced: string | undefined;
    if (rest.startsWith("{")) {
      const close = rest.indexOf("}");
      if (close > 0) {
        forced = rest.slice(1, close).trim();
        rest = rest.slice(close + 1);
      }
    }
    const base: CitationItem = { key: key.key, mode: suppress ? "suppress-author" : "normal", prefix, suffix: rest };
    // `@key{}` keeps the suffix from being read as a locator; `@key{ii, A}` forces one.
    if (forced !== undefined) return forced ? { ...base, ...withLabel(forced, terms) } : base;
    const loc = splitLocator(rest, terms);
    return { ...base, ...loc };
  }
  return undefined;
}

function withLabel(forced: string, terms: LocatorTerms): { label: string; locator: string } {
  const lab = readLabel(forced, terms, true);
  const locator = lab ? forced.slice(lab.end).trim() : forced;
  return lab && locator ? { label: lab.label, locator } : { label: "page", locator: forced };
}

/** The items of a bracketed citation's inside, or undefined when any part holds no citation (then it is not one). */
export function parseBracketContent(inner: string, terms: LocatorTerms = defaultLocatorTerms()): CitationItem[] | undefined {
  if (!inner.includes("@")) return undefined;
  const items: CitationItem[] = [];
  for (const part of splitItems(inner)) {
    const item = parseItem(part, terms);
    if (!item) return undefined;
    items.push(item);
  }
  return items;
}

/**
 * Where the bracket opened at `open` closes, honouring nesting, escapes and code; -1 if never.
 * `known` holds what earlier scans of the same text found for every `[` they passed, so that
 * each `[` is scanned past once: a body with thousands of unclosed `[` (pasted code or LaTeX)
 * scanned to its end from each of them took seconds.
 */
function closingBracket(src: string, open: number, max: number, known?: Map<number, number>): number {
  const found = known?.get(open);
  if (found !== undefined) return found;
  // The `[` still open, innermost last: a scan from any of them would pass the same characters.
  const opens: number[] = [];
  for (let i = open; i < max; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (c === "`") {
      const run = /^`+/.exec(src.slice(i))![0];
      const close = src.indexOf(run, i + run.length);
      if (close > 0 && close < max) i = close + run.length - 1;
      else i += run.length - 1;
    } else if (c === "[") opens.push(i);
    else if (c === "]") {
      known?.set(opens.pop()!, i);
      if (opens.length === 0) return i;
    }
  }
  for (const o of opens) known?.set(o, -1);
  return -1;
}

// closingBracket's findings, per inline parse and the end it was scanned to (a link's text is parsed with an earlier end).
const bracketsFound = new WeakMap<StateInline, Map<number, Map<number, number>>>();
function bracketsKnown(state: StateInline, max: number): Map<number, number> {
  let byMax = bracketsFound.get(state);
  if (!byMax) bracketsFound.set(state, (byMax = new Map()));
  let known = byMax.get(max);
  if (!known) byMax.set(max, (known = new Map()));
  return known;
}

const isLinkAfter = (src: string, pos: number) => src[pos] === "(" || src[pos] === "[";

// The locator words of the document's locale travel in the parse's env (see extractCitations).
const termsOf = (state: StateInline): LocatorTerms => state.env?.locatorTerms ?? defaultLocatorTerms();

function citationRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  const max = state.posMax;
  const ch = src[start];

  if (ch === "[") {
    // Silent calls come from markdown-it's link-label scan, which takes a token opening with
    // `[` for a nested link and gives up on the link: `[see [@a]](url)` is a link in pandoc.
    // Scanned as plain brackets there, the citation is still parsed inside the link's text.
    if (silent) return false;
    const close = closingBracket(src, start, max, bracketsKnown(state, max));
    if (close < 0 || isLinkAfter(src, close + 1)) return false;
    const items = parseBracketContent(src.slice(start + 1, close), termsOf(state));
    if (!items) {
      if (wantsSlips(state)) noteSlip(state, textBracketSlip(state, start, close));
      return false;
    }
    if (wantsSlips(state)) noteSlip(state, commaSlip(src, start, close, termsOf(state)));
    push(state, items, start, close + 1);
    state.pos = close + 1;
    return true;
  }

  if (ch === "@" || (ch === "-" && src[start + 1] === "@")) {
    // A narrative citation: "@key says", or "@key [p. 33]" / "@key [-@other]" with a bracket after it.
    if (ch === "-") return false; // "-@key" outside brackets is text in pandoc
    if (precededByWord(src, start)) return false; // e-mail addresses and the like
    const key = readKey(src, start + 1);
    if (!key) return false;
    const first: CitationItem = { key: key.key, mode: "author-in-text", prefix: "", suffix: "" };
    const items = [first];
    let end = key.end;
    // pandoc allows spaces and at most one line break between the key and its bracket.
    const space = /^[ \t]*(?:\n[ \t]*)?/.exec(src.slice(end, max))![0];
    if (src[end + space.length] === "[") {
      const open = end + space.length;
      const close = closingBracket(src, open, max, bracketsKnown(state, max));
      if (close > 0 && !isLinkAfter(src, close + 1)) {
        const inner = src.slice(open + 1, close);
        const more = parseBracketContent(inner, termsOf(state));
        if (more) items.push(...more);
        else Object.assign(first, splitLocator(inner, termsOf(state)));
        if (more && !silent && wantsSlips(state)) noteSlip(state, commaSlip(src, open, close, termsOf(state)));
        end = close + 1;
      }
    }
    if (!silent && wantsSlips(state)) noteSlip(state, roundBracketSlip(src, start, key.end, max, termsOf(state)));
    if (!silent) push(state, items, start, end);
    state.pos = end;
    return true;
  }
  return false;
}

/**
 * Writing that pandoc reads otherwise than its writer most likely meant: a reference id
 * without @ ("[smith2016]"), a bracket that is text because a part of it has no key
 * ("[@a; b]", "[@ a]"), a second citation after a comma, read as the first one's suffix
 * ("[@a, @b]"), a citation in round brackets, read as author-in-text ("(@a, p. 3)").
 * The parser notes the shapes; whether a word is a reference id is for judgeSlip to say.
 */
export interface CitationSlip {
  kind: "bare-key" | "bracket-text" | "comma-between" | "round-brackets";
  /** The writer's text, e.g. "[@a, @b]". */
  source: string;
  /** 0-based line of `source` in the parsed text, and its 1-based column. */
  line: number;
  column: number;
  /** The words the slip turns on, each with where it stands in `source`. */
  keys: SlipKey[];
  /**
   * For "bracket-text": its parts that are not citations, each with where it stands in
   * `source` and the edit that joins it to the citation before it (a comma for the semicolon).
   */
  loose: { text: string; at: number; end: number; edit?: SourceEdit }[];
  /** Edits of `source` that the correction needs besides its keys: separators, bracket shapes. */
  edits: SourceEdit[];
  /** "bracket-text": whether a part is a proper citation; "round-brackets": whether a citation has a prefix ("(see @a)"). */
  flag: boolean;
}

export interface SlipKey {
  key: string;
  /** Where the key's text ("smith2016", "@ smith2016", "@b") stands in the slip's source: [at, end). */
  at: number;
  end: number;
  /** "word" written without @, "spaced" as "@ key", "cited" as "@key". */
  form: "word" | "spaced" | "cited";
  /** A word that is a whole part of its bracket (a locator may follow), or an "@ key" that opens its part. */
  alone: boolean;
}

export interface SourceEdit {
  at: number;
  end: number;
  text: string;
}

type RawSlip = Omit<CitationSlip, "line" | "column"> & { offset: number };

// Slips found by the inline rule, by the token list of the inline content they were found in
// (state.tokens is the block's children, or an image's): the core rule gives them their lines.
const slipsOf = new WeakMap<Token[], RawSlip[]>();
const blockSlips = new WeakMap<Token, RawSlip[]>();
// Only a parse that asks for slips (scanCitations) looks for them: rendering does not.
const wantsSlips = (state: StateInline) => Array.isArray(state.env?.citationSlips);

function noteSlip(state: StateInline, slip: RawSlip | undefined): void {
  if (!slip) return;
  let list = slipsOf.get(state.tokens);
  if (!list) slipsOf.set(state.tokens, (list = []));
  // A position can be tokenized again (a link's text after a failed scan): one slip each.
  if (!list.some((s) => s.offset === slip.offset && s.kind === slip.kind)) list.push(slip);
}

/**
 * The text with code spans and backslash escapes blanked out, same length: what is in
 * them is never a key, and "\@" is the writer's way of saying so.
 */
function maskCode(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length) {
      // Not a space: an escaped character starts no word either.
      out += "\0\0";
      i++;
    } else if (c === "`") {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = text.indexOf(run, i + run.length);
      const end = close > 0 ? close + run.length : i + run.length;
      out += close > 0 ? " ".repeat(end - i) : run;
      i = end - 1;
    } else out += c;
  }
  return out;
}

/** Whether a key-like word (one without @) may start at `i`: not inside a word, key, address or e-mail. */
function wordStart(masked: string, i: number): boolean {
  const ch = String.fromCodePoint(masked.codePointAt(i) ?? 32);
  if (!KEY_START.test(ch)) return false;
  const before = [...masked.slice(Math.max(0, i - 2), i)].pop();
  return before === undefined || !(WORD_CHAR.test(before) || KEY_PUNCT.has(before) || "@{\0".includes(before));
}

/** A key-like word at the start of `part` (after spaces and an optional "-"), alone but for a locator after it. */
function aloneWord(part: string, masked: string, terms: LocatorTerms): { key: string; at: number; end: number } | undefined {
  const lead = /^\s*-?/.exec(masked)![0].length;
  if (masked[lead] === "{") return undefined;
  const word = readKey(masked, lead);
  if (!word || splitLocator(part.slice(word.end), terms).suffix.trim()) return undefined;
  return { key: word.key, at: lead, end: word.end };
}

/** A bracket pandoc reads as text: with a reference id in it but no @, or with a part that has no key. */
function textBracketSlip(state: StateInline, start: number, close: number): RawSlip | undefined {
  const src = state.src;
  // `[text]{.class}` is a span in pandoc, and `[^1]` a footnote.
  if (src[close + 1] === "{" || src[start + 1] === "^") return undefined;
  const inner = src.slice(start + 1, close);
  const masked = maskCode(inner);
  const terms = termsOf(state);
  const keys: SlipKey[] = [];
  const loose: RawSlip["loose"] = [];
  const parts = splitItemsAt(inner);
  if (!masked.includes("@")) {
    // A reference-style link ([text] with a definition below) and nested brackets are not citations either.
    if (/[[\]]/.test(masked) || state.env?.references?.[state.md.utils.normalizeReference(inner)]) return undefined;
    for (const part of parts) {
      const partMasked = masked.slice(part.at, part.at + part.text.length);
      const alone = aloneWord(part.text, partMasked, terms);
      for (let i = 0; i < partMasked.length; i++) {
        if (alone?.at !== i && !wordStart(partMasked, i)) continue;
        const word = readKey(partMasked, i)!;
        // A lone word may be the key; inside text, only a key-like word with a digit ("smith2016") is taken for one.
        const isAlone = alone?.at === i;
        if (isAlone || /\d/.test(word.key)) keys.push({ key: word.key, at: 1 + part.at + i, end: 1 + part.at + word.end, form: "word", alone: isAlone });
        i = word.end - 1;
      }
    }
    return keys.length ? { kind: "bare-key", offset: start, source: src.slice(start, close + 1), keys, loose, edits: [], flag: false } : undefined;
  }
  let cited = false;
  parts.forEach((part, index) => {
    const partMasked = masked.slice(part.at, part.at + part.text.length);
    if (parseItem(part.text, terms)) {
      cited = true;
      return;
    }
    const found: SlipKey[] = [];
    // "@ key": a space after @ ("[@ smith2016]"), at the start of the part or inside its text.
    for (const m of partMasked.matchAll(/@\s+/gu)) {
      if (precededByWord(partMasked, m.index)) continue;
      const word = readKey(partMasked, m.index + m[0].length);
      if (!word || partMasked[m.index + m[0].length] === "{") continue;
      const opens = !partMasked.slice(0, m.index).replace(/-$/, "").trim();
      found.push({ key: word.key, at: 1 + part.at + m.index, end: 1 + part.at + word.end, form: "spaced", alone: opens });
    }
    const word = found.length ? undefined : aloneWord(part.text, partMasked, terms);
    if (word) found.push({ key: word.key, at: 1 + part.at + word.at, end: 1 + part.at + word.end, form: "word", alone: true });
    keys.push(...found);
    // Joined with a comma, the part's text becomes the suffix of the citation before it (the first part, the prefix of the next).
    // An empty part goes, with its semicolon.
    const empty = !part.text.trim();
    const semicolon = index > 0 ? part.at - 1 : parts.length > 1 ? part.at + part.text.length : -1;
    const edit =
      semicolon < 0 ? undefined
      : empty ? { at: 1 + Math.min(semicolon, part.at), end: 1 + Math.max(semicolon + 1, part.at + part.text.length), text: "" }
      : { at: 1 + semicolon, end: 2 + semicolon, text: "," };
    loose.push({ text: part.text.trim(), at: 1 + part.at, end: 1 + part.at + part.text.length, ...(edit ? { edit } : {}) });
  });
  if (!cited && !keys.length) return undefined;
  return { kind: "bracket-text", offset: start, source: src.slice(start, close + 1), keys, loose, edits: [], flag: cited };
}

/** Words that open a citation's prefix ("see also @b"), not end the suffix of the one before. */
const LEAD_IN = /^\s*(?:see|cf\.?|compare|also|e\.g\.,?|but|for example|contra)(?=[\s,]|$)/i;

/** A citation whose locator or suffix holds another @key: pandoc cites that one inside the suffix ("[@a, @b]"). */
function commaSlip(src: string, open: number, close: number, terms: LocatorTerms): RawSlip | undefined {
  const inner = src.slice(open + 1, close);
  const masked = maskCode(inner);
  const keys: SlipKey[] = [];
  const edits: SourceEdit[] = [];
  for (const part of splitItemsAt(inner)) {
    const item = parseItem(part.text, terms);
    if (!item) continue;
    let from = part.at + part.text.length - item.suffix.length;
    const end = part.at + part.text.length;
    for (let at = masked.indexOf("@", from); at >= 0 && at < end; at = masked.indexOf("@", at + 1)) {
      if (precededByWord(masked, at)) continue;
      const key = readKey(masked, at + 1);
      if (!key) continue;
      // A semicolon in place of the comma before the key (or its "-"), or just before it when there is no comma.
      const cite = masked[at - 1] === "-" ? at - 1 : at;
      // The words between the comma and the key stay, as the next citation's prefix ("[@a, see @b]" → "[@a; see @b]").
      const comma = masked.lastIndexOf(",", cite - 1);
      let sep = comma >= from ? comma : cite;
      let sepEnd = sep === cite ? cite : comma + 1;
      if (sep === cite) while (sep > from && /\s/.test(inner[sep - 1]!)) sep--;
      else while (sepEnd < cite && /\s/.test(inner[sepEnd]!)) sepEnd++;
      // "[@a and @b]": the style joins the works itself, so the "and" goes with the comma.
      const start = comma >= from ? comma + 1 : from;
      const between = masked.slice(start, cite);
      if (/^\s*(?:and|&)\s*$/i.test(between)) {
        sep = comma >= from ? comma : from;
        sepEnd = cite;
        while (sep > from && /\s/.test(inner[sep - 1]!)) sep--;
      } else if (/^\s*(?:and|&)\s+\S/i.test(between) || (comma < from && LEAD_IN.test(between))) {
        // "[@a and see @b]": the words lead in to the next work ("see"), so they are its
        // prefix rather than the suffix of the one before; "and" is the semicolon's job.
        sep = comma >= from ? comma : from;
        sepEnd = start + /^\s*(?:(?:and|&)\s+)?/i.exec(between)![0].length;
      }
      edits.push({ at: 1 + sep, end: 1 + sepEnd, text: "; " });
      keys.push({ key: key.key, at: 1 + at, end: 1 + key.end, form: "cited", alone: false });
      from = at = key.end;
    }
  }
  return keys.length ? { kind: "comma-between", offset: open, source: src.slice(open, close + 1), keys, loose: [], edits, flag: false } : undefined;
}

/**
 * A narrative citation in round brackets that hold nothing but citations and locators,
 * "(@a)", "(see @a, p. 3)", "(@a; @b)": pandoc prints the author in the text and the year in
 * brackets of its own, "(Smith (2016))". `at` is the @ of the key, `keyEnd` where it ends.
 */
function roundBracketSlip(src: string, at: number, keyEnd: number, max: number, terms: LocatorTerms): RawSlip | undefined {
  let open = at - 1;
  while (open >= 0 && at - open <= 40 && !"()[]@\n".includes(src[open]!)) open--;
  if (src[open] !== "(" || src[open - 1] === "\\") return undefined;
  let depth = 0;
  let close = keyEnd;
  for (; close < max && close - at <= 200; close++) {
    const c = src[close];
    if (c === "(") depth++;
    else if (c === ")" && depth-- === 0) break;
    else if (c === "\n" && src[close + 1] === "\n") return undefined;
  }
  if (src[close] !== ")") return undefined;
  const inner = src.slice(open + 1, close);
  const items = parseBracketContent(inner, terms);
  // Only citations and locators: "(@a argues so)" is a sentence.
  if (!items || items.some((item) => item.suffix.trim())) return undefined;
  const keys: SlipKey[] = [];
  const masked = maskCode(inner);
  for (const part of splitItemsAt(inner)) {
    const item = parseItem(part.text, terms)!;
    const sign = masked.indexOf(item.mode === "suppress-author" ? "-@" : "@", part.at) + (item.mode === "suppress-author" ? 1 : 0);
    const key = readKey(masked, sign + 1)!;
    keys.push({ key: item.key, at: 1 + sign, end: 1 + key.end, form: "cited", alone: true });
  }
  const edits = [{ at: 0, end: 1, text: "[" }, { at: close - open, end: close - open + 1, text: "]" }];
  return { kind: "round-brackets", offset: open, source: src.slice(open, close + 1), keys, loose: [], edits, flag: items.some((item) => item.prefix) };
}

/**
 * A locator written in words pandoc does not take for one ("p 3", "pg. 3", "para 4",
 * "chap 2"): it stays in the suffix and is printed as typed, "(Hung, 2021, para 4)".
 */
export interface LocatorSlip {
  /** The words as written, "para 4". */
  written: string;
  /** What to write instead, "para. 4": the locale's spelling of the term, which the style then prints its own way. */
  suggested: string;
  /** The CSL label meant (page, paragraph, …), or "table", which has no locator term in pandoc. */
  label: string;
}

// The whole text after a key: an optional comma, one word (with or without a final
// period), then numbers or ranges ("3", "3-5", "iv", "3, 7"), and nothing else: text such
// as "and elsewhere" or "table 2 shows" is a suffix the writer meant.
const NUMBER = String.raw`(?:\p{N}+\p{L}?|[ivxlcdm]+|[IVXLCDM]+)`;
const RANGE = String.raw`${NUMBER}(?:[ \t]*[-\u2013\u2014][ \t]*${NUMBER})?`;
const WORD_AND_NUMBER = new RegExp(String.raw`^([ \t]*,?[ \t\n]*)(\p{L}+\.?)([ \t]*)(${RANGE}(?:[ \t]*,[ \t]*${RANGE})*)([ \t]*)$`, "u");

// Everyday English abbreviations that are none of CSL's (its own without their periods,
// "p 3" or "chap 2", are found from the locale's spellings): the label, and whether plural.
const ENGLISH_ALIASES: Record<string, { label: string; plural: boolean }> = {
  pg: { label: "page", plural: false }, pgs: { label: "page", plural: true },
  ch: { label: "chapter", plural: false }, chs: { label: "chapter", plural: true }, chapt: { label: "chapter", plural: false },
  sect: { label: "section", plural: false }, sects: { label: "section", plural: true },
  ln: { label: "line", plural: false }, fn: { label: "note", plural: false },
  tbl: { label: "table", plural: false }, tab: { label: "table", plural: false }, table: { label: "table", plural: false },
  tbls: { label: "table", plural: true }, tabs: { label: "table", plural: true }, tables: { label: "table", plural: true },
};

const bare = (text: string) => text.toLowerCase().replace(/[.\s]/g, "");

/** The spelling to suggest for a label: the locale's short form of that number, else its long one. */
function spellingFor(spellings: readonly LocatorSpelling[], label: string, plural: boolean): LocatorSpelling | undefined {
  const of = spellings.filter((s) => s.label === label);
  return of.find((s) => s.form === "short" && s.plural === plural) ?? of.find((s) => s.form === "long" && s.plural === plural) ?? of[0];
}

/**
 * What pandoc would read as a locator had it been written in the locale's words: `word`
 * is the writer's ("pg." or "para"), `terms` the locale's table. Undefined when the word
 * is no locator's, or already one of the table's.
 */
function meantLocator(word: string, terms: LocatorTerms, table: string | (() => string)): { label: string; text: string } | undefined {
  if (terms.has(normaliseTerm(word))) return undefined;
  const spellings = locatorSpellings(terms);
  const written = bare(word);
  // A term of the locale without its periods, or with them elsewhere: "p 3", "chap 2", "para 4".
  // One letter ("c", "l", "v") is too often something else, but for a page ("p", German "S").
  const same = spellings.find((s) => bare(s.text) === written && s.text !== word && (written.length > 1 || s.label === "page"));
  if (same) return { label: same.label, text: same.text };
  // English words for which CSL has other abbreviations, where the locale's words are English.
  const alias = Object.hasOwn(ENGLISH_ALIASES, written) && terms.get("page") === "page" ? ENGLISH_ALIASES[written]! : undefined;
  if (!alias) return undefined;
  if (alias.label === "table") {
    const singular = typeof table === "string" ? table : table();
    const text = alias.plural ? `${singular}s` : singular;
    return text === word ? undefined : { label: "table", text };
  }
  const spelling = spellingFor(spellings, alias.label, alias.plural);
  return spelling ? { label: spelling.label, text: spelling.text } : undefined;
}

/**
 * The locators of a citation written in words pandoc does not read as one, each with the
 * locale's spelling to write instead, and the citation corrected. `table` is how the
 * style writes a table's number ("Table" in APA; asked only for a citation that has one):
 * pandoc has no locator term for tables, so "tbl. 2" is best written as the style prints it, as text.
 */
export function locatorSlips(cluster: CitationCluster, terms: LocatorTerms = defaultLocatorTerms(), table: string | (() => string) = "table"): { slips: LocatorSlip[]; corrected: string } | undefined {
  const source = cluster.source;
  const spans: { item: CitationItem; from: number; to: number }[] = [];
  const partsOf = (inner: string, offset: number) => {
    for (const part of splitItemsAt(inner)) {
      const item = parseItem(part.text, terms);
      const end = offset + part.at + part.text.length;
      if (item) spans.push({ item, from: end - item.suffix.length, to: end });
    }
  };
  if (source.startsWith("[")) partsOf(source.slice(1, -1), 1);
  else if (source.endsWith("]")) {
    // "@key [p 3]": the bracket after a narrative citation, its locator or more citations.
    const key = readKey(source, 1);
    const open = key ? source.indexOf("[", key.end) : -1;
    if (open > 0) {
      const inner = source.slice(open + 1, -1);
      if (parseBracketContent(inner, terms)) partsOf(inner, open + 1);
      else if (cluster.items[0]) spans.push({ item: cluster.items[0], from: open + 1, to: source.length - 1 });
    }
  }
  const slips: LocatorSlip[] = [];
  const edits: SourceEdit[] = [];
  for (const { item, from, to } of spans) {
    // "@key{}, p 3" says the text after it is not a locator.
    if (item.locator || !item.suffix.trim() || source[from - 1] === "}") continue;
    const m = WORD_AND_NUMBER.exec(source.slice(from, to));
    if (!m) continue;
    const [, lead, word, space, numbers, trail] = m as unknown as [string, string, string, string, string, string];
    // A word of letters only is a roman numeral, or this is text ("p mid").
    if (!numbers.split(/[\s,\-\u2013\u2014]+/).every((n) => /\p{N}/u.test(n) || isRoman(n))) continue;
    const meant = meantLocator(word, terms, table);
    if (!meant) continue;
    const written = `${word}${space}${numbers}`;
    const suggested = `${meant.text} ${numbers}`;
    slips.push({ written, suggested, label: meant.label });
    edits.push({ at: from + lead.length, end: to - trail.length, text: suggested });
  }
  return slips.length ? { slips, corrected: editSource(source, edits) } : undefined;
}

/** `source` with `edits` (that do not overlap) made. */
export function editSource(source: string, edits: readonly SourceEdit[]): string {
  let out = source;
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at) + edit.text + out.slice(edit.end);
  return out;
}

/** How a key is written after @: braced when pandoc would not read all of it bare. */
export function keyText(id: string): string {
  return readKey(id, 0)?.key === id ? `@${id}` : `@{${id}}`;
}

/** What a caller knows of a word: a reference id it names (any case), or the nearest id when it names none. */
export type KeyLookup = (word: string) => { id: string; known: boolean } | undefined;

export interface SlipJudgement {
  slip: CitationSlip;
  /** Whether a reference id is certainly involved, so that the page is certainly wrong. */
  certain: boolean;
  /** The writer's text corrected. */
  corrected: string;
  /** What is wrong, one phrase each: '"b" has no @'. */
  problems: string[];
  /** Keys written with @ that name no reference: perhaps a handle, to be written \@. */
  unknown: string[];
  /** Whether text between semicolons was joined to a citation with a comma. */
  joined: boolean;
}

/** Whether and how a slip matters, given which words are reference ids; undefined when it is ordinary text. */
export function judgeSlip(slip: CitationSlip, lookup: KeyLookup): SlipJudgement | undefined {
  const edits: SourceEdit[] = [...slip.edits];
  const problems: string[] = [];
  const unknown: string[] = [];
  let certain = false;
  let known = 0;
  const accepted: SlipKey[] = [];
  let joined = false;
  for (const k of slip.keys) {
    const found = lookup(k.key);
    const text = slip.source.slice(k.at, k.end);
    if (found?.known) {
      known++;
      certain = true;
    }
    if (slip.kind === "bare-key") {
      if (!found?.known) continue;
      edits.push({ at: k.at, end: k.end, text: keyText(found.id) });
      problems.push(found.id === k.key ? `"${k.key}" is a reference id written without @` : `"${k.key}" is the reference id "${found.id}" written without @`);
    } else if (slip.kind === "bracket-text") {
      // A lone word is taken for a key when it names a reference or nearly does; otherwise it is text.
      const near = found && found.id !== k.key ? ` (${found.known ? "the reference id is" : "the nearest reference id is"} ${found.id})` : "";
      if ((k.form === "spaced" && (k.alone || found?.known)) || (k.form === "word" && found)) {
        accepted.push(k);
        edits.push({ at: k.at, end: k.end, text: keyText(found?.id ?? k.key) });
        problems.push(k.form === "spaced" ? `"${text}" has a space after @${near}` : `"${k.key}" has no @${near}`);
      }
    } else {
      if (found?.known) edits.push({ at: k.at, end: k.end, text: keyText(found.id) });
      else unknown.push(k.key);
      if (slip.kind === "comma-between") problems.push(`"${text}" has no semicolon before it, so it is read as part of the citation before it`);
    }
  }
  // Text between semicolons, in a bracket that cites, is what makes pandoc read the bracket as text.
  if (slip.kind === "bracket-text" && slip.flag) {
    for (const part of slip.loose) {
      if (!part.edit || accepted.some((k) => k.at >= part.at && k.at < part.end)) continue;
      edits.push(part.edit);
      joined ||= part.edit.text === ",";
      problems.push(part.text ? `"${part.text}" has no citation key` : "a semicolon has no citation on one side of it");
    }
  }
  if (slip.kind === "round-brackets") {
    // `(@hcldr)` naming no reference, nor nearly: a handle in brackets, which the unknown
    // key's error already covers (write \@); square brackets would not make it a citation.
    if (slip.keys.every((k) => !lookup(k.key))) return undefined;
    problems.push("round brackets around @ show the author in the text and the year in brackets of its own");
    certain = known === slip.keys.length && !slip.flag;
  }
  if (!problems.length) return undefined;
  return { slip, certain, corrected: editSource(slip.source, edits), problems, unknown, joined };
}

function push(state: StateInline, items: CitationItem[], start: number, end: number): void {
  const token = state.push("citation", "", 0);
  token.content = state.src.slice(start, end);
  token.meta = { items, offset: start };
}

export interface CitationSyntaxOptions {
  /** The HTML of cluster `index` in the document, from the page's data; undefined to print the source text. */
  html?: (env: any, index: number, cluster: CitationCluster) => string | undefined;
  /**
   * Whether the document's CSL locale puts a period or comma inside quotes (en-US does),
   * for footnote markers moved after punctuation; true when not given.
   */
  punctuationInQuote?: (env: any) => boolean;
}

/** The markdown-it plugin: parses citations into `citation` tokens numbered in document order. */
export function citationSyntax(md: MarkdownIt, options: CitationSyntaxOptions = {}): void {
  md.inline.ruler.before("link", "citation", citationRule, { alt: [] });
  md.core.ruler.after("inline", "citation_slips", (state: StateCore) => {
    if (Array.isArray(state.env?.citationSlips)) for (const block of state.tokens) if (block.type === "inline") collectSlips(block);
  });
  // After inline parsing, number the clusters in document order and note their lines.
  md.core.ruler.push("citation_index", (state: StateCore) => {
    let index = 0;
    let lastLine = 0;
    let lineAfter = { line: -1, column: 0 };
    const lines = state.src.split("\n");
    for (const block of state.tokens) {
      if (block.map) lastLine = block.map[0];
      if (block.type !== "inline" || !block.children) continue;
      // A citation in an image's description was parsed from the description alone: its
      // offset is found in the block after the citation before it.
      let searchFrom = 0;
      for (const [token, nested] of citationTokens(block.children)) {
        const found = nested ? block.content.indexOf(token.content, searchFrom) : -1;
        const offset: number = nested ? (found >= 0 ? found : searchFrom) : token.meta.offset;
        searchFrom = offset + token.content.length;
        const before = block.content.slice(0, offset);
        const line = (block.map ? block.map[0] : lastLine) + (before.match(/\n/g)?.length ?? 0);
        // Inline content loses list markers and indentation: find the citation on its source
        // line, after the one before it on that line.
        const onLine = (lines[line] ?? "").indexOf(token.content.split("\n")[0]!, line === lineAfter.line ? lineAfter.column : 0);
        const column = onLine >= 0 ? onLine + 1 : offset - before.lastIndexOf("\n");
        lineAfter = { line, column: column - 1 + token.content.length };
        token.meta.cluster = { items: token.meta.items, source: token.content, line, column } satisfies CitationCluster;
        token.meta.index = index++;
      }
      if (Array.isArray(state.env?.citationSlips)) state.env.citationSlips.push(...placeSlips(block, block.map ? block.map[0] : lastLine, lines));
    }
    (state.env ?? {}).citationCount = index;
  });
  // With a note style, pandoc moves a footnote marker after the punctuation that follows
  // it ("text [@x]." reads "text.¹"); other styles are left exactly as written.
  md.core.ruler.push("citation_notes_after_punctuation", (state: StateCore) => {
    if (!options.html || !state.tokens.some((t) => t.children?.some((c) => c.type === "citation"))) return;
    const env = state.env;
    const shape = (token: Token) => {
      const html = options.html!(env, token.meta.index, token.meta.cluster);
      return html === undefined ? { kind: "text" as const, text: token.content } : citationShape(html);
    };
    let inQuote: boolean | undefined;
    const move = {
      shape,
      // Read only for a document with a footnote marker after a quote.
      get punctuationInQuote() {
        return (inQuote ??= options.punctuationInQuote?.(env) ?? true);
      },
      text: (content: string) => Object.assign(new state.Token("text", "", 0), { content }),
    };
    for (const block of state.tokens) {
      if (block.type === "inline" && block.children?.some((c) => c.type === "citation")) block.children = notesAfterPunctuation(block.children, move);
    }
  });
  md.renderer.rules.citation = (tokens, idx, _opts, env) => {
    const { index, cluster } = tokens[idx]!.meta;
    const html = options.html?.(env, index, cluster);
    if (html === undefined) return md.utils.escapeHtml(tokens[idx]!.content);
    // Inside a link's text (pandoc cites there too) a link to the entry would nest links.
    return insideLink(tokens, idx) ? unlinked(html) : html;
  };
  // A citation in an image's description is read as part of its alt text, as pandoc
  // does: "chart from (Smith, 2020)". A footnote marker cannot live in an attribute, so
  // with a note style it follows the image (pandoc puts it in the figure's caption).
  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, opts, env, self) => {
    const token = tokens[idx]!;
    if (!token.children || citationTokens(token.children).next().done) return image(tokens, idx, opts, env, self);
    const markers: string[] = [];
    token.attrSet("alt", altText(token.children, env, markers));
    const after = markers.join("");
    return self.renderToken(tokens, idx, opts) + (insideLink(tokens, idx) ? unlinked(after) : after);
  };
  // markdown-it's renderInlineAsText, with each citation as the text the page shows.
  const altText = (children: Token[], env: any, markers: string[]): string => {
    let out = "";
    for (const child of children) {
      let text = "";
      if (child.type === "text" || child.type === "text_special" || child.type === "html_inline") text = child.content;
      else if (child.type === "softbreak" || child.type === "hardbreak") text = "\n";
      else if (child.type === "image") text = altText(child.children ?? [], env, markers);
      else if (child.type === "citation") {
        const html = options.html?.(env, child.meta.index, child.meta.cluster);
        const shape = html === undefined ? { kind: "text" as const, text: child.content } : citationShape(html);
        if (shape.kind !== "text") markers.push(/<a\b[^>]*\bclass="footnote-ref"[^>]*>[\s\S]*?<\/a>/.exec(html!)![0]);
        // A superscript number would run into the word before it: "from2" reads as one word.
        text = shape.kind === "marker" ? "" : html === undefined ? shape.text : decodeHTML(shape.text);
        if (/[\p{L}\p{N}]$/u.test(out) && /^[\p{L}\p{N}]/u.test(text)) text = ` ${text}`;
      }
      out += text;
    }
    return out.replace(/[ \t]+$/, "");
  };
}

/** The slips noted in an inline block (and in its images' descriptions), with their lines and columns in `lines`. */
function placeSlips(block: Token, firstLine: number, lines: string[]): CitationSlip[] {
  const out: CitationSlip[] = [];
  for (const { offset, ...slip } of blockSlips.get(block) ?? []) {
    const { line, prefix, inLine, src } = inlinePosition(block.content, offset, firstLine, lines);
    const head = slip.source.split("\n")[0]!;
    const column = prefix >= 0 && src.startsWith(head, prefix + inLine) ? prefix + inLine : src.indexOf(head, inLine);
    out.push({ ...slip, line, column: (column >= 0 ? column : inLine) + 1 });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Move the slips of an inline block's token lists onto the block, while its children are
 * the lists the inline rule saw (linkify and others replace them later).
 */
function collectSlips(block: Token): void {
  const out: RawSlip[] = [];
  const visit = (children: Token[], nested: boolean) => {
    for (const slip of slipsOf.get(children) ?? []) {
      // A description is parsed on its own: its slip is found in the block's text.
      out.push(nested ? { ...slip, offset: Math.max(0, block.content.indexOf(slip.source)) } : slip);
    }
    for (const child of children) if (child.type === "image" && child.children) visit(child.children, true);
  };
  if (block.children) visit(block.children, false);
  if (out.length) blockSlips.set(block, out);
}

/** Whether the inline token at `idx` is inside a link's text. */
function insideLink(tokens: Token[], idx: number): boolean {
  let depth = 0;
  for (let i = 0; i < idx; i++) depth += tokens[i]!.type === "link_open" ? 1 : tokens[i]!.type === "link_close" ? -1 : 0;
  return depth > 0;
}

/**
 * Citation HTML without its links, for a place inside a link; a footnote marker keeps
 * its id on a span, so that the note's way back still leads to it.
 */
function unlinked(html: string): string {
  return html.replace(/<a\b([^>]*)>([\s\S]*?)<\/a>/g, (_, attributes: string, inner: string) => {
    const id = /\bid="([^"]*)"/.exec(attributes)?.[1];
    return id ? `<span id="${id}">${inner}</span>` : inner;
  });
}

/**
 * Every citation cluster of a markdown text, in document order; locator words are
 * read with `terms`, the table of the document's CSL locale (en-US's by default).
 */
export function extractCitations(md: MarkdownIt, text: string, terms?: LocatorTerms): CitationCluster[] {
  const clusters: CitationCluster[] = [];
  for (const block of md.parse(text, terms ? { locatorTerms: terms } : {})) {
    for (const [token] of citationTokens(block.children ?? [])) clusters.push(token.meta.cluster);
  }
  return clusters;
}

/** The citation clusters of a markdown text, as extractCitations, and the slips in its citation syntax (see CitationSlip). */
export function scanCitations(md: MarkdownIt, text: string, terms?: LocatorTerms): { clusters: CitationCluster[]; slips: CitationSlip[] } {
  const clusters: CitationCluster[] = [];
  const env = { ...(terms ? { locatorTerms: terms } : {}), citationSlips: [] as CitationSlip[] };
  for (const block of md.parse(text, env)) {
    for (const [token] of citationTokens(block.children ?? [])) clusters.push(token.meta.cluster);
  }
  return { clusters, slips: env.citationSlips };
}

/**
 * The citation tokens of an inline block in document order, with whether each is
 * nested in an image's description (`![chart from [@a]](x.png)`), as pandoc counts them.
 */
function* citationTokens(children: Token[], nested = false): Generator<[Token, boolean]> {
  for (const token of children) {
    if (token.type === "citation") yield [token, nested];
    else if (token.type === "image" && token.children) yield* citationTokens(token.children, true);
  }
}
