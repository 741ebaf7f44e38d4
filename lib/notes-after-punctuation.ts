// Pandoc's notes-after-punctuation for a note style: a footnote marker moves after
// the punctuation that follows its citation, "text [@x]." giving "text.¹".
//
// The rule is mvPunct of pandoc 2.17's Text/Pandoc/Citeproc.hs, checked against
// pandoc 2.17.1.1 (tests/site/pandoc-parity-notes.test.ts):
// - it applies only to a citation that is a marker alone, written after a space or a
//   line break that follows something ("text [@x]"); the space goes, as in "text¹".
//   A citation written right after a word ("text[@x].") or first in its paragraph
//   stays where it is, and so does `@key says` (the author stays in the text).
// - the punctuation is every punctuation character (Unicode's, dashes included)
//   right after the citation: "text [@x]?!" gives "text?!¹", "text [@x]." "text.¹".
// - after a closing quote, with a locale whose punctuation goes inside quotes (en-US),
//   a first "." or "," goes inside: '"text" [@x].' gives "“text.”¹"; when the quote
//   already ends with . , ; : ! or ? the moved period or comma is dropped.
// - pandoc reads a paragraph from left to right, and a citation that was just moved
//   does not count as the "something" before the next one: "a [@x] [@y]." gives
//   "a¹ ².", but "a [@x]. [@y]." gives "a.¹.²" (a period stays, so the next citation
//   has something before it).
// - a period right after a citation whose text ends with one is dropped
//   ("@acme." with the author "Acme Inc." gives "Acme Inc.¹").
//
// Markdown-it has no quotation nodes: quotes are found here from the typographer's
// “…” and ‘…’ (an ’ between letters is an apostrophe). One deliberate difference:
// the punctuation is taken from the text right after the citation only. Pandoc also
// reaches into following markup ("[@x]*.*" leaves an empty emphasis) and, past a line
// break, deletes punctuation that opens the next line ("[@x].⏎(see" loses its "(").
import type Token from "markdown-it/lib/token.mjs";

/**
 * How a citation renders: a footnote marker alone (a note style's citation), text and
 * a marker (a note style's `@key says`), or text alone (any other style). `text` is
 * what reads in the text other than the marker, e.g. the author's name.
 */
export type CitationShape = { kind: "marker" } | { kind: "author" | "text"; text: string };

export interface NotesAfterPunctuationOptions {
  shape: (citation: Token) => CitationShape;
  /** Whether the locale puts a following period or comma inside quotes (CSL punctuation-in-quote). */
  punctuationInQuote: boolean;
  /** A new text token. */
  text: (content: string) => Token;
}

type Atom =
  | { t: "str"; text: string }
  | { t: "space"; text: string }
  | { t: "break"; token: Token }
  | { t: "cite"; token: Token; shape: CitationShape }
  | { t: "group"; open: Token; children: Atom[]; close: Token }
  | { t: "quoted"; open: string; close: string; children: Atom[] }
  | { t: "other"; token: Token };

const QUOTES: Record<string, string> = { "\u201C": "\u201D", "\u2018": "\u2019" };
const PUNCT = /^\p{P}+/u;
const END_PUNCT = ".,;:!?";
const isSpacy = (a: Atom | undefined) => a?.t === "space" || a?.t === "break";
const isMarker = (a: Atom | undefined) => a?.t === "cite" && a.shape.kind === "marker";
const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** The shape of a citation's HTML: a footnote marker alone, a name and a marker, or text without one. */
export function citationShape(html: string): CitationShape {
  const text = html
    .replace(/<a\b[^>]*\bclass="footnote-ref"[^>]*>[\s\S]*?<\/a>/g, "")
    .replace(/<[^>]*>/g, "")
    .trim();
  if (!/\bclass="footnote-ref"/.test(html)) return { kind: "text", text };
  return text === "" ? { kind: "marker" } : { kind: "author", text };
}

/** Whether a CSL locale (its XML) puts punctuation inside quotes; CSL's default is no. */
export function localePunctuationInQuote(xml: string): boolean {
  return /<style-options\b[^>]*\bpunctuation-in-quote="true"/.test(xml);
}

/**
 * The inline tokens of one paragraph (or heading, list item…) with each footnote
 * marker moved after its punctuation as pandoc does; the tokens themselves when
 * none of their citations is a footnote (the style is not a note style).
 */
export function notesAfterPunctuation(children: Token[], options: NotesAfterPunctuationOptions): Token[] {
  if (!children.some((t) => t.type === "citation" && options.shape(t).kind !== "text")) return children;
  const atoms = parse(children, options);
  const out: Token[] = [];
  serialise(move(atoms, options), out, options);
  return out;
}

// --- the tokens as pandoc's nested inline lists ------------------------------------

interface Frame {
  atoms: Atom[];
  /** A markup group's opening token, or a quote's opening character. */
  open?: Token | string;
}

function parse(children: Token[], options: NotesAfterPunctuationOptions): Atom[] {
  const stack: Frame[] = [{ atoms: [] }];
  const top = () => stack[stack.length - 1]!;
  // An unclosed quote was not one: its character and contents go back to the list around it.
  const flattenQuote = () => {
    const frame = stack.pop()!;
    top().atoms.push({ t: "str", text: frame.open as string }, ...frame.atoms);
  };
  for (const token of children) {
    if (token.nesting === 1) stack.push({ atoms: [], open: token });
    else if (token.nesting === -1) {
      while (stack.length > 1 && typeof top().open === "string") flattenQuote();
      if (stack.length > 1) {
        const frame = stack.pop()!;
        top().atoms.push({ t: "group", open: frame.open as Token, children: frame.atoms, close: token });
      } else top().atoms.push({ t: "other", token });
    } else if (token.type === "text") readText(token.content, stack);
    else if (token.type === "softbreak") top().atoms.push({ t: "break", token });
    else if (token.type === "citation") top().atoms.push({ t: "cite", token, shape: options.shape(token) });
    else top().atoms.push({ t: "other", token });
  }
  while (stack.length > 1) {
    if (typeof top().open === "string") flattenQuote();
    else {
      // A group never closed (markdown-it always closes them): keep its tokens as they were.
      const frame = stack.pop()!;
      top().atoms.push({ t: "other", token: frame.open as Token }, ...frame.atoms);
    }
  }
  return stack[0]!.atoms;
}

/** Split text into words, spaces and quotes, opening and closing quotation frames. */
function readText(text: string, stack: Frame[]): void {
  const top = () => stack[stack.length - 1]!;
  let word = "";
  const flushWord = () => {
    if (word) top().atoms.push({ t: "str", text: word });
    word = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === " " || c === "\t") {
      flushWord();
      const run = /^[ \t]+/.exec(text.slice(i))![0];
      top().atoms.push({ t: "space", text: run });
      i += run.length - 1;
    } else if (QUOTES[c]) {
      flushWord();
      stack.push({ atoms: [], open: c });
    } else if (closesQuote(c, top().open, text[i - 1], text[i + 1])) {
      flushWord();
      const frame = stack.pop()!;
      top().atoms.push({ t: "quoted", open: frame.open as string, close: c, children: frame.atoms });
    } else word += c;
  }
  flushWord();
}

function closesQuote(c: string, open: Token | string | undefined, before: string | undefined, after: string | undefined): boolean {
  if (typeof open !== "string" || QUOTES[open] !== c) return false;
  // "it’s" inside a single-quoted phrase is an apostrophe, not the end of the quote.
  return !(c === "\u2019" && isWordChar(before) && isWordChar(after));
}

// --- pandoc's mvPunct, on every list, innermost first -------------------------------

function move(list: Atom[], options: NotesAfterPunctuationOptions): Atom[] {
  for (const atom of list) {
    if (atom.t === "group" || atom.t === "quoted") atom.children = move(atom.children, options);
  }
  const out: Atom[] = [];
  let i = 0;
  while (i < list.length) {
    const q = list[i]!;
    if (isSpacy(q)) {
      out.push(q);
      i += 1;
    } else if (isSpacy(list[i + 1]) && isMarker(list[i + 2])) {
      // 'x [^1],' -> 'x,[^1]': the space goes, the punctuation comes before the marker.
      const marker = list[i + 2]!;
      const punct = takePunctuation(list, i + 3);
      out.push(...(punct ? withPunctuation(q, punct, marker, options) : [q, marker]));
      i += 3;
    } else if (q.t === "cite" && q.shape.kind !== "marker" && q.shape.text.endsWith(".") && isPeriod(list[i + 1])) {
      // "Acme Inc.¹." would read twice: the period after the citation goes.
      out.push(q);
      i += 2;
    } else {
      out.push(q);
      i += 1;
    }
  }
  return out;
}

const isPeriod = (a: Atom | undefined) => a?.t === "str" && a.text === ".";

/** The punctuation at the start of the words from `start` on, taken out of them (emptied words stay). */
function takePunctuation(list: Atom[], start: number): string {
  let punct = "";
  for (let j = start; j < list.length; j++) {
    const atom = list[j]!;
    if (atom.t !== "str") break;
    const lead = PUNCT.exec(atom.text)?.[0] ?? "";
    punct += lead;
    atom.text = atom.text.slice(lead.length);
    if (atom.text) break;
  }
  return punct;
}

function withPunctuation(q: Atom, punct: string, marker: Atom, options: NotesAfterPunctuationOptions): Atom[] {
  if (options.punctuationInQuote && q.t === "quoted" && (punct[0] === "." || punct[0] === ",")) {
    // "“text.”¹": a period or comma goes inside the quote, unless the quote already ends with punctuation.
    const last = stringify(q.children).slice(-1);
    if (!last || !END_PUNCT.includes(last)) q.children.push({ t: "str", text: punct[0] });
    return [q, { t: "str", text: punct.slice(1) }, marker];
  }
  return [q, { t: "str", text: punct }, marker];
}

/** The text of atoms, as pandoc's stringify reads it (markup dropped). */
function stringify(list: Atom[]): string {
  return list
    .map((a) => {
      switch (a.t) {
        case "str":
        case "space":
          return a.t === "space" ? " " : a.text;
        case "break":
          return " ";
        case "cite":
          return a.shape.kind === "marker" ? "" : a.shape.text;
        case "group":
          return stringify(a.children);
        case "quoted":
          return a.open + stringify(a.children) + a.close;
        case "other":
          return a.token.type === "code_inline" ? a.token.content : "";
      }
    })
    .join("");
}

// --- back to markdown-it tokens -----------------------------------------------------

function serialise(list: Atom[], out: Token[], options: NotesAfterPunctuationOptions, made = new WeakSet<Token>()): void {
  // Consecutive text becomes one new token; the parser's tokens are never changed.
  const text = (content: string) => {
    if (!content) return;
    const last = out[out.length - 1];
    if (last && made.has(last)) last.content += content;
    else {
      const token = options.text(content);
      made.add(token);
      out.push(token);
    }
  };
  for (const atom of list) {
    switch (atom.t) {
      case "str":
      case "space":
        text(atom.text);
        break;
      case "quoted":
        text(atom.open);
        serialise(atom.children, out, options, made);
        text(atom.close);
        break;
      case "group":
        out.push(atom.open);
        serialise(atom.children, out, options, made);
        out.push(atom.close);
        break;
      case "break":
      case "cite":
      case "other":
        out.push(atom.token);
        break;
    }
  }
}
