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
import { localeLocatorTerms, normaliseTerm, type LocatorTerms } from "./locator-terms.ts";
import { citationShape, notesAfterPunctuation } from "./notes-after-punctuation.ts";

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
  const parts: string[] = [];
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
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts;
}

/** One item of a bracketed citation: "see -@key{iv}, p. 3 and more". */
function parseItem(part: string, terms: LocatorTerms): CitationItem | undefined {
  for (let at = part.indexOf("@"); at >= 0; at = part.indexOf("@", at + 1)) {
    const suppress = part[at - 1] === "-";
    const before = suppress ? at - 1 : at;
    if (precededByWord(part, before)) continue;
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

/** Where the bracket opened at `open` closes, honouring nesting, escapes and code; -1 if never. */
function closingBracket(src: string, open: number, max: number): number {
  let depth = 0;
  for (let i = open; i < max; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (c === "`") {
      const run = /^`+/.exec(src.slice(i))![0];
      const close = src.indexOf(run, i + run.length);
      if (close > 0 && close < max) i = close + run.length - 1;
      else i += run.length - 1;
    } else if (c === "[") depth++;
    else if (c === "]") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
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
    const close = closingBracket(src, start, max);
    if (close < 0 || isLinkAfter(src, close + 1)) return false;
    const items = parseBracketContent(src.slice(start + 1, close), termsOf(state));
    if (!items) return false;
    if (!silent) push(state, items, start, close + 1);
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
      const close = closingBracket(src, open, max);
      if (close > 0 && !isLinkAfter(src, close + 1)) {
        const inner = src.slice(open + 1, close);
        const more = parseBracketContent(inner, termsOf(state));
        if (more) items.push(...more);
        else Object.assign(first, splitLocator(inner, termsOf(state)));
        end = close + 1;
      }
    }
    if (!silent) push(state, items, start, end);
    state.pos = end;
    return true;
  }
  return false;
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
