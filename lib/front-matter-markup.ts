// Markdown or HTML written in a front-matter text: the page escapes it, and feeds,
// calendars, share text, structured data and share images take it as text, so readers
// see "**patient engagement**" or "<em>listening</em>" as typed. Reference fields are
// the exception: citeproc-js reads a few tags in them (<i>, <b>, <sup>, <sub>, <sc> and
// two <span>s), and nothing else, so markdown there is rewritten with those tags.
// Meant to never alarm on plain text: a lone or spaced asterisk ("2 * 3", "cost*"), an
// underscore inside a word or hashtag (#care_ldr), "<3", "a < b", web and e-mail
// addresses are all left alone. A warning the writer cannot make go away is worse than none.
// citeproc-js's own tags left without their pair ("<i>The Lancet" with no "</i>") are
// printed as typed too, and are told with the fix (close or remove the tag).
import { decodeHTMLStrict } from "entities";
import MarkdownIt from "markdown-it";
import { citationSyntax, extractCitations, type CitationCluster } from "./citation-syntax.ts";
import { cslField, normaliseItem, referenceId, type CslItem, type ReferenceSyntax } from "./csl-normalise.ts";
import { yamlScalar } from "./yaml-text.ts";

export interface MarkupProblem {
  /** Follows the field's name: "… is shown as typed …: readers would see …". */
  message: string;
  fix: string;
  /** The text without the markup (in a reference, with citeproc's tags in its place). */
  plain: string;
  /** Each piece of markup as written ("**it**", "<em>", "&amp;", an unpaired "<i>"). */
  pieces: string[];
}

export interface MarkupOptions {
  /** A reference's field: citeproc-js's tags are kept, and markdown becomes them. */
  reference?: boolean;
  /** How the fix writes the value: "title: ", "- " for a list item, `"title": ` in JSON, `title = ` in BibTeX; the text alone in quotes when not given. */
  key?: string;
  /** The file's syntax, which the fix's value is written in: YAML (the default), JSON or BibTeX (\textit{…} for <i>…</i>). */
  syntax?: ReferenceSyntax;
  /** A tag: a word of letters, digits and _ only ("__init__", "#care_ldr") is a name, not emphasis. */
  tag?: boolean;
  /**
   * A text shown on its own line (a title, a topic, a description): a markdown heading's #s or a
   * quote's > at its start are shown as typed too ("## How do rotas work?", "> What helps?").
   */
  block?: boolean;
}

type Kind = "asterisks" | "underscores" | "tildes" | "backticks" | "link" | "image" | "span" | "tag" | "entity" | "comment" | "unpaired" | "heading" | "quote";

interface Found {
  kind: Kind;
  /** The piece as written. */
  text: string;
  /** For an entity, what it stands for; for a link, its address. */
  detail?: string;
  /** For citeproc-js's tags without their pair: what is wrong with each, and what to do. */
  pairing?: Pairing;
}

// Elements a writer may type (from a web page, a word processor's HTML, an e-mail). Only
// these names are tags: "<3", "<name@example.org>" and "a <b" followed by no ">" are not.
const TAG_NAMES = new Set(
  ("a abbr b big blockquote br center cite code del dfn div em font h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p q s samp " +
    "sc small span strike strong sub sup time tt u ul var wbr").split(" "),
);
// Tags that stand between words: removed, they leave a space.
const BREAKING = new Set(["br", "p", "div", "li", "hr", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"]);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[^<>]*?)?)\s*(\/?)>/g;
const COMMENT = /<!--[\s\S]*?-->/g;

// What citeproc-js reads in a reference's text (its FlipFlopper and the normalisation
// before it, citeproc 2.4): exactly these, lower case, without spaces inside.
const CITEPROC_SIMPLE = new Set(["i", "b", "sup", "sub", "sc"]);
const CITEPROC_SPAN = /^<span\s+(?:class="no(?:case|decor)"|style="font-variant:\s*small-caps;?")[^>]*>$/;
// A tag of the same meaning, written as citeproc-js reads it.
const CITEPROC_EQUIVALENT: Record<string, string> = { i: "i", em: "i", cite: "i", var: "i", dfn: "i", b: "b", strong: "b", sup: "sup", sub: "sub", sc: "sc" };

// Web and e-mail addresses are plain text (an underscore or asterisk in them is theirs),
// kept out of the search; the last character not ending punctuation or emphasis.
// The e-mail part starts only where its run of name characters does: from each character of a
// long run ("____…") it would take time quadratic in the run's length.
const ADDRESS = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>]*[^\s<>*_~.,;:!?'")\]]|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
// `code`: not touching a letter outside (so the apostrophes of "don`t and won`t" are not code).
const CODE = /(?<![\p{L}\p{N}`\\])(`+)(?![\s`])([^`\n]*?[^`\s\\])\1(?![\p{L}\p{N}`])/gu;
// The words in brackets hold no "[": as markdown reads "[a [b](x.org)", the link is "[b](x.org)";
// and a line of unclosed brackets is read in linear time, not from each "[" to the line's end.
const IMAGE = /!\[([^\[\]\n]*)\]\(\s*([^\s()]+)(?:\s+"[^"\n]*")?\s*\)/g;
// [text](address): the address must look like one (a dot, slash, colon or #), so "[a](b)" is left
// alone; looked ahead for, as two runs around it take time quadratic in a run of dots.
const LINK = /(?<![\]\\])\[([^\[\]\n]+)\]\(\s*(<[^>\n]+>|(?=[^\s()]*[./:#])[^\s()]+)(?:\s+"[^"\n]*")?\s*\)/g;
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
// Braces that name a language, `{lang=de}` (the body's span syntax, lib/language-spans.ts, and its
// slips `{lang:de}`, `{language=de}`), after the words in brackets or on their own.
const LANGUAGE_BRACES = String.raw`\{[^{}\n]*\b(?:lang|language)\s*[=:][^{}\n]*\}`;
const LANGUAGE_SPAN = new RegExp(String.raw`\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\][ \t]*${LANGUAGE_BRACES}`, "gi");
const LANGUAGE_STRAY = new RegExp(LANGUAGE_BRACES, "gi");

/**
 * Emphasis as markdown reads it, stricter: the opening run touches no letter or digit
 * before it and no space after; the closing run no space before and no letter or digit
 * after. "2*3*4", "snake_case", "#care_ldr", "2 * 3", "* item" and a lone "*" are not.
 */
function emphasis(mark: "*" | "_" | "~", n: number): RegExp {
  const c = mark === "*" ? "\\*" : mark;
  return new RegExp(`(?<![\\p{L}\\p{N}${c}\\\\])(${c}{${n}})(?![\\s${c}])([^\\n]*?[^\\s${c}\\\\])\\1(?![\\p{L}\\p{N}${c}])`, "gu");
}
const EMPHASIS: { mark: "*" | "_" | "~"; n: number; re: RegExp }[] = [
  ...[3, 2, 1].flatMap((n) => (["*", "_"] as const).map((mark) => ({ mark, n, re: emphasis(mark, n) }))),
  { mark: "~", n: 2, re: emphasis("~", 2) },
];
const KIND_OF_MARK = { "*": "asterisks", _: "underscores", "~": "tildes" } as const;

// A markdown heading's marks at a text's start: two to six #, then a space and the words
// ("#hcldr chat" is a hashtag, "#1 question" a number: no space after the # in either; a
// single "# of patients" is the number sign as often as a heading, and cannot be told apart).
const HEADING_START = /^[ \t]*(#{2,6})[ \t]+(?=\S)/;
// A markdown quote's > (or several, nested) at a text's start, then a space and words: not
// "> 50%", where > is "more than", nor "->", ">=" or an emoticon (">_<").
const QUOTE_START = /^[ \t]*(>(?:[ \t]*>)*)[ \t]+(?=[\p{L}"'“‘(¿¡*_[])/u;

// Stand-ins for pieces already read (code, addresses), out of the later searches' way.
const HOLD = /\uE000(\d+)\uE001/g;

/** The markup in one front-matter text, what readers see of it, and the text without it; undefined when there is none. */
export function markupProblems(text: string, options: MarkupOptions = {}): MarkupProblem | undefined {
  return markupIn(text, options);
}

/** markupProblems, its fix showing `finish(plain)`: the text without what a check of its own also removes (citations). */
function markupIn(text: string, options: MarkupOptions, finish: (plain: string) => string = (plain) => plain): MarkupProblem | undefined {
  const reference = options.reference ?? false;
  if (options.tag && /^#?[\p{L}\p{N}_]+$/u.test(text.trim())) return undefined;
  const block = (options.block ?? false) && !reference;
  const first = scan(text, reference, block);
  if (!first) return undefined;
  // What a piece of code or an entity stood for can be markup in turn ("&lt;em&gt;"): the
  // fix is text that does not warn again.
  let { plain, styled } = first;
  for (let again = scan(plain, reference, block), rounds = 0; again && rounds < 5; again = scan(plain, reference, block), rounds++) {
    ({ plain } = again);
    styled ||= again.styled;
  }
  plain = finish(plain);
  const pieces = [...new Set(first.found.flatMap((f) => (f.pairing ? f.pairing.printed : [f.text])))];
  return { message: message(first.found, reference), fix: fix(first.found, plain, options, styled), plain, pieces };
}

function scan(text: string, reference: boolean, block = false): { found: Found[]; plain: string; styled: boolean } | undefined {
  // Nearly every text has none of the characters markup needs.
  if (!/[*_~`[<&{]/.test(text) && !(block && /^[ \t]*[#>]/.test(text))) return undefined;
  const found: Found[] = [];
  const held: string[] = [];
  const hold = (s: string) => `\uE000${held.push(s) - 1}\uE001`;
  const restore = (s: string): string => s.replace(HOLD, (_, i: string) => restore(held[Number(i)]!));

  let s = text;
  if (block) s = blockMarks(s, found);
  s = s.replace(CODE, (all, _ticks: string, inner: string) => {
    found.push({ kind: "backticks", text: all });
    return hold(inner);
  });
  s = s.replace(COMMENT, (all) => {
    found.push({ kind: "comment", text: restore(all) });
    return " ";
  });
  s = s.replace(IMAGE, (all, alt: string) => {
    found.push({ kind: "image", text: restore(all) });
    return alt;
  });
  // Before links: `[[a link](…)]{lang=de}` keeps the link, told as one.
  s = s.replace(LANGUAGE_SPAN, (all, words: string) => {
    found.push({ kind: "span", text: restore(all) });
    return words;
  });
  s = s.replace(LANGUAGE_STRAY, (all) => {
    found.push({ kind: "span", text: restore(all) });
    return " ";
  });
  s = s.replace(LINK, (all, words: string, address: string) => {
    found.push({ kind: "link", text: restore(all), detail: restore(address.replace(/^<|>$/g, "")) });
    return words;
  });
  s = s.replace(ADDRESS, (all) => hold(all));

  // Tags: a reference keeps citeproc-js's own, and its </span> goes with the <span> it closes.
  const spans: boolean[] = [];
  // In a reference: whether italics or bold are rewritten as citeproc-js's tags.
  let styled = false;
  s = s.replace(TAG, (all, slash: string, rawName: string, attributes: string) => {
    const name = rawName.toLowerCase();
    if (!TAG_NAMES.has(name)) return all;
    if (reference) {
      if (name === "span") {
        if (slash) {
          if (spans.pop()) return all;
        } else {
          const kept = CITEPROC_SPAN.test(restore(all));
          spans.push(kept);
          if (kept) return all;
        }
      } else if (CITEPROC_SIMPLE.has(rawName) && all === `<${slash}${rawName}>`) return all;
    }
    const href = name === "a" && !slash ? /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(restore(attributes)) : null;
    const address = href ? (href[1] ?? href[2] ?? href[3])!.trim() : "";
    found.push({ kind: "tag", text: restore(all), ...(address ? { detail: address } : {}) });
    const same = reference ? CITEPROC_EQUIVALENT[name] : undefined;
    if (same) {
      styled = true;
      return `<${slash}${same}>`;
    }
    return BREAKING.has(name) ? " " : "";
  });
  // Before the emphasis becomes tags, which are paired by construction.
  const pairing = reference ? unpairedTags(s) : undefined;
  if (pairing) {
    found.push({ kind: "unpaired", text: pairing.printed[0]!, pairing });
    s = pairing.text;
  }
  s = s.replace(ENTITY, (all) => {
    const decoded = decodeHTMLStrict(all);
    if (decoded === all) return all;
    // A space or an invisible character would be invisible in the fix too.
    const shown = /^\s+$/u.test(decoded) ? " " : /^\p{Cf}+$/u.test(decoded) ? "" : decoded;
    found.push({ kind: "entity", text: all, detail: decoded });
    return shown;
  });
  // Emphasis inside emphasis (**bold _and italic_**) is found on the next round.
  for (let changed = true; changed; ) {
    changed = false;
    for (const { mark, n, re } of EMPHASIS) {
      s = s.replace(re, (all, _run: string, inner: string) => {
        changed = true;
        found.push({ kind: KIND_OF_MARK[mark], text: restore(all) });
        if (!reference || mark === "~") return inner;
        styled = true;
        return n === 3 ? `<b><i>${inner}</i></b>` : n === 2 ? `<b>${inner}</b>` : `<i>${inner}</i>`;
      });
    }
  }
  if (!found.length) return undefined;

  return { found, plain: restore(s).replace(/[ \t]{2,}/g, " ").trim(), styled };
}

// citeproc-js's tags as its FlipFlopper pairs them (citeproc 2.4): on one stack, a closing
// tag that is not the innermost open one's undoes the open tags above its own, and every
// tag left without its pair is printed as typed. (Quote marks take part in that pairing
// too; they are left out here, so a tag they undo is not told: never a false alarm.)
const CITEPROC_TAG = /<(\/?)(i|b|sup|sub|sc)>|<span\s[^<>]*>|<\/span>/g;

interface Pairing {
  /** The tags citeproc-js prints as typed, each once, in order. */
  printed: string[];
  /** What is wrong: the tag and what it does ("<i>", "is never closed"). */
  reasons: { tag: string; what: string }[];
  /** What to do, one for each reason. */
  advice: string[];
  /** The text with the tags that cannot pair removed: what the fix shows. */
  text: string;
}

function unpairedTags(s: string): Pairing | undefined {
  if (!s.includes("<")) return undefined;
  const tags = [...s.matchAll(CITEPROC_TAG)].map((m) => ({ index: m.index, text: m[0], open: !m[1] && m[0] !== "</span>", closer: m[2] ? `</${m[2]}>` : "</span>" }));
  if (!tags.length) return undefined;

  // What citeproc-js does.
  const printed = new Set<number>();
  const stack: number[] = [];
  tags.forEach((t, i) => {
    if (t.open) return void stack.push(i);
    while (stack.length && tags[stack.at(-1)!]!.closer !== t.closer) printed.add(stack.pop()!);
    if (stack.length) stack.pop();
    else printed.add(i);
  });
  for (const i of stack) printed.add(i);
  if (!printed.size) return undefined;

  // The smallest repair: a closer with no opener goes, and so does an opener that is
  // never closed, or still open where the tag around it closes (and its closer after).
  const dropped = new Set<number>();
  const reasons: Pairing["reasons"] = [];
  const advice: string[] = [];
  const open: number[] = [];
  const late: string[] = [];
  tags.forEach((t, i) => {
    if (t.open) return void open.push(i);
    let at = open.length - 1;
    while (at >= 0 && tags[open[at]!]!.closer !== t.closer) at--;
    if (at < 0) {
      dropped.add(i);
      const was = late.indexOf(t.text);
      if (was >= 0) late.splice(was, 1);
      else {
        reasons.push({ tag: t.text, what: "closes nothing" });
        advice.push(`remove "${t.text}"`);
      }
      return;
    }
    for (const j of open.splice(at + 1)) {
      const inner = tags[j]!;
      dropped.add(j);
      late.push(inner.closer);
      reasons.push({ tag: inner.text, what: `is still open at "${t.text}"` });
      advice.push(`close "${inner.text}" before "${t.text}" (a tag opened inside another closes first), or remove "${inner.text}" and its "${inner.closer}"`);
    }
    open.pop();
  });
  for (const j of open) {
    const t = tags[j]!;
    dropped.add(j);
    reasons.push({ tag: t.text, what: "is never closed" });
    advice.push(`add "${t.closer}" where it should end, or remove "${t.text}"`);
  }
  let text = s;
  for (const i of [...dropped].sort((a, b) => b - a)) text = text.slice(0, tags[i]!.index) + text.slice(tags[i]!.index + tags[i]!.text.length);
  return { printed: [...new Set([...printed].sort((a, b) => a - b).map((i) => tags[i]!.text))], reasons, advice, text };
}

const QUOTED = (s: string) => `"${s}"`;

function message(found: Found[], reference: boolean): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  const add = (part: string) => {
    if (!seen.has(part)) parts.push(part);
    seen.add(part);
  };
  // Outer emphasis is found last; the writer reads it first.
  const inOrder = [...found].sort((a, b) => rank(a) - rank(b));
  const tags = inOrder.filter((f) => f.kind === "tag").map((f) => f.text);
  for (const f of inOrder) {
    if (f.kind === "asterisks" || f.kind === "underscores" || f.kind === "tildes" || f.kind === "backticks") add(`the ${f.kind} in ${QUOTED(f.text)}`);
    else if (f.kind === "link") add(`the brackets and the address of ${QUOTED(f.text)}`);
    else if (f.kind === "span") add(`${f.text.startsWith("[") ? "the brackets and the braces of" : "the braces"} ${QUOTED(f.text)}`);
    else if (f.kind === "image") add(`${QUOTED(f.text)} as text, not an image`);
    else if (f.kind === "comment") add(`the comment ${QUOTED(f.text)}`);
    else if (f.kind === "heading") add(`the ${QUOTED(f.text)} of a markdown heading at its start`);
    else if (f.kind === "quote") add(`the ${QUOTED(f.text)} of a markdown quote at its start`);
    else if (f.kind === "entity") add(`${QUOTED(f.text)} where ${/^\s+$/u.test(f.detail!) ? "a space" : /^\p{Cf}+$/u.test(f.detail!) ? "nothing" : QUOTED(f.detail!)} was meant`);
    else if (f.kind === "unpaired") {
      const { printed, reasons } = f.pairing!;
      const [only] = reasons;
      add(
        printed.length === 1 && reasons.length === 1 && only!.tag === printed[0]
          ? `the tag ${QUOTED(only!.tag)}, which ${only!.what}`
          : `${printed.length === 1 ? "the tag" : "the tags"} ${list(printed.map(QUOTED))} (${list(reasons.map((r) => `${QUOTED(r.tag)} ${r.what}`))})`,
      );
    } else if (f.kind === "tag" && f.text === tags[0]) {
      const distinct = [...new Set(tags)];
      add(`${distinct.length === 1 ? "the tag" : "the tags"} ${list(distinct.map(QUOTED))}`);
    }
  }
  const how = found.every((f) => f.kind === "unpaired")
    ? "has a tag without its pair, which is shown as typed"
    : reference
    ? "is shown as typed: a reference reads no markdown, and no HTML but <i>, <b>, <sup>, <sub> and <sc>"
    : "is shown exactly as typed (front matter is not read as markdown or HTML)";
  // A span here marks nothing: screen readers are not told the words' language either.
  const unmarked = found.some((f) => f.kind === "span") ? ", and screen readers would not be told the words' language" : "";
  return `${how}: readers would see ${list(parts)}${unmarked}`;
}

/**
 * `text` without a markdown heading's or quote's marks at its start, each told in `found`: a
 * heading's closing #s too ("## Rotas ##"), as markdown leaves them out. No regular expression
 * runs to the text's end: a long run of spaces or #s is read once.
 */
function blockMarks(text: string, found: Found[]): string {
  const quote = QUOTE_START.exec(text);
  if (quote) {
    found.push({ kind: "quote", text: quote[1]! });
    return text.slice(quote[0].length);
  }
  const heading = HEADING_START.exec(text);
  if (!heading) return text;
  found.push({ kind: "heading", text: heading[1]! });
  let rest = text.slice(heading[0].length).trimEnd();
  let end = rest.length;
  while (end > 0 && rest[end - 1] === "#") end--;
  if (end < rest.length && end > 0 && /[ \t]/.test(rest[end - 1]!)) rest = rest.slice(0, end).trimEnd();
  return rest;
}

// Backticks, links and images are read first but sit outermost in what was typed; tags
// without their pair, last, as their fix comes first.
function rank(f: Found): number {
  return f.kind === "unpaired" ? 2 : f.kind === "asterisks" || f.kind === "underscores" || f.kind === "tildes" ? 1 : 0;
}

function list(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function fix(found: Found[], plain: string, options: MarkupOptions, styled: boolean): string {
  const syntax = options.syntax ?? "yaml";
  const value =
    syntax === "bibtex"
      ? `${options.key ?? ""}{${bibtexText(plain)}}`
      : options.key === undefined || syntax === "json"
        ? `${options.key ?? ""}${JSON.stringify(plain)}`
        : `${options.key}${yamlScalar(plain)}`;
  const links = [...new Set(found.filter((f) => (f.kind === "link" || f.kind === "tag") && f.detail).map((f) => f.detail!))];
  const reference = options.reference ?? false;
  const pairing = found.find((f) => f.pairing)?.pairing;
  const repair = pairing ? list(pairing.advice) : "";
  const how = !plain
    ? "remove the markup (the text has nothing else): write the words readers should see"
    : pairing && found.every((f) => f.kind === "unpaired")
      ? `${repair}: ${value}`
      : `${repair ? `${repair}; ` : ""}${
          reference && styled
            ? syntax === "bibtex"
              ? `write italics as \\textit{…} and bold as \\textbf{…}: ${value}`
              : `write italics as <i>…</i> and bold as <b>…</b>, which references read: ${value}`
            : `write it without the markup: ${value}`
        }`;
  // `[words]{lang=de}` works in the body only; a front-matter text is one language (the post's).
  const span = reference ? undefined : found.find((f) => f.kind === "span");
  const example = span?.text.startsWith("[") ? span.text.replace(/\][ \t]+\{/, "]{") : "[Nachtdienst]{lang=de}";
  const spans = span ? `; words in another language can be marked only in the post's text below the front matter, as ${example}` : "";
  if (!links.length) return `${how}${spans}`;
  const where = !reference
    ? "in the post's text below the front matter, where markdown works"
    : syntax === "bibtex"
      ? "in the entry's `url` field"
      : syntax === "json"
        ? 'in the entry\'s "URL" field'
        : "in the reference's `URL:` field";
  return `${how}; put the link to ${links.join(" and ")} ${where}${spans}`;
}

const BIBTEX_COMMAND: Record<string, string> = { i: "\\textit{", b: "\\textbf{", sup: "\\textsuperscript{", sub: "\\textsubscript{", sc: "\\textsc{" };

/** A reference's text, its citeproc tags written as BibTeX's commands (which plugin-bibtex reads back as those tags), and & as \&. */
function bibtexText(text: string): string {
  const spans: string[] = [];
  return text
    .replace(CITEPROC_TAG, (tag, slash: string | undefined, name: string | undefined) => {
      if (name) return slash ? "}" : BIBTEX_COMMAND[name]!;
      if (tag === "</span>") return spans.pop() ?? "";
      // nocase is BibTeX's braces; nodecor has no BibTeX form, and works as typed.
      const [open, close] = /small-caps/.test(tag) ? ["\\textsc{", "}"] : /nodecor/.test(tag) ? [tag, "</span>"] : ["{", "}"];
      spans.push(close);
      return open;
    })
    .replace(/(?<!\\)&/g, "\\&");
}

/** A problem of one field, with the field's path in the front matter. */
export interface FieldMarkupProblem extends MarkupProblem {
  path: (string | number)[];
  /**
   * The text the warning is about, as written in the value (a citation, "[@fox2013]"):
   * the caller may point at it on the field's line rather than at the field.
   */
  marker?: string;
}

/** What a post's fields hold, as read: anything not text is left alone (the schema reports it). */
export interface PostTexts {
  title?: unknown;
  author?: unknown;
  description?: unknown;
  topics?: readonly unknown[];
  tags?: readonly unknown[];
  image?: unknown;
  references?: unknown;
  /**
   * Keys of works the post may cite besides its references (a shared bibliography's): a
   * bare "@key" in a title, description, topic or image text is a citation when it names
   * one of these or a reference of the post, and a social media handle otherwise.
   */
  citationKeys?: Iterable<string>;
  /**
   * Works of the shared bibliography by key: citable like `citationKeys`, and a bare "@key"
   * of one is named by its authors in the fix, as one of the post's references is.
   */
  sharedWorks?: ReadonlyMap<string, { item: CslItem }>;
}

// The text fields of a reference that styles print (an abstract or note is not shown; an
// id, address or identifier is not text for readers).
const REFERENCE_TEXT_FIELDS = new Set([
  "title", "title-short", "container-title", "container-title-short", "collection-title", "volume-title", "part-title",
  "original-title", "reviewed-title", "event", "event-title", "event-place", "publisher", "publisher-place",
  "original-publisher", "original-publisher-place", "genre", "medium", "archive", "archive_location", "archive-place",
  "section", "edition", "version", "status", "division", "authority", "jurisdiction", "shortTitle", "journalAbbreviation",
]);

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);

/** Markup in one reference's text fields (a post's `references:` item, or an entry of a CSL JSON or YAML file), by the field's key as written. */
export function referenceMarkupProblems(entry: unknown, syntax: ReferenceSyntax = "yaml"): FieldMarkupProblem[] {
  if (!isRecord(entry)) return [];
  const out: FieldMarkupProblem[] = [];
  for (const [key, value] of Object.entries(entry)) {
    const field = cslField(key);
    if (typeof value !== "string" || !field || !REFERENCE_TEXT_FIELDS.has(field)) continue;
    const p = markupProblems(value, { reference: true, syntax, key: syntax === "json" ? `${JSON.stringify(key)}: ` : `${key}: ` });
    if (p) out.push({ ...p, path: [key] });
  }
  return out;
}

/** Markup in a post's title, author, description, topics, tags, image alt text and credit, and its references' text; citations in its title, description, topics and image text. */
export function postMarkupProblems(texts: PostTexts): FieldMarkupProblem[] {
  const out: FieldMarkupProblem[] = [];
  const works = citedWorks(texts);
  const check = (value: unknown, path: (string | number)[], options: MarkupOptions, citations = false) => {
    if (typeof value !== "string") return;
    let cited = citations ? citationProblem(value, works, options) : undefined;
    // Each warning's fix shows the value with neither the citation nor the markup; a
    // citation the markup hid ("@fox2013<em>") is told too.
    const finish = (plain: string): string => {
      const uncovered = citations ? citationProblem(plain, works, options) : undefined;
      if (!uncovered) return plain;
      cited ??= uncovered;
      return markupProblems(uncovered.without, options)?.plain ?? uncovered.without;
    };
    const p = markupIn(cited ? cited.without : value, options, finish);
    if (cited) out.push({ ...cited.problem(p?.plain), path, marker: cited.marker });
    if (p) out.push({ ...p, path });
  };
  check(texts.title, ["title"], { key: "title: ", block: true }, true);
  check(texts.author, ["author"], { key: "author: " });
  check(texts.description, ["description"], { key: "description: ", block: true }, true);
  texts.topics?.forEach((topic, i) => check(topic, ["topics", i], { key: "- ", block: true }, true));
  // Tags are often written `tags: [a, b]`: the fix gives the tag in quotes, which fits there and in a list of lines.
  texts.tags?.forEach((tag, i) => check(tag, ["tags", i], { tag: true }));
  if (isRecord(texts.image)) {
    check(texts.image.alt, ["image", "alt"], { key: "alt: " }, true);
    check(texts.image.credit, ["image", "credit"], { key: "credit: " }, true);
  }
  if (Array.isArray(texts.references)) {
    texts.references.forEach((entry, i) => {
      for (const p of referenceMarkupProblems(entry)) out.push({ ...p, path: ["references", i, ...p.path] });
    });
  }
  return out;
}

// Citations in front matter. Pandoc's syntax is read in the post's text only: in a title,
// description or topic "[@fox2013]" is shown as typed, on the page, in feeds, calendars
// and share text. Read with the body's own parser (lib/citation-syntax.ts), so that
// "hosts@example.org" is no citation there either. A bracketed citation is one whatever
// its key; a bare "@key" only when the key names a work the post can cite, as "Ask
// @nurse_jane" is a handle (as common in a chat's topics as on its platform).

interface CitedWorks {
  /** Whether `key` names a work the post can cite. */
  has(key: string): boolean;
  /** The work's authors as a reader names them ("Fox & Duggan"), or its title; undefined when it has neither. */
  name(key: string): string | undefined;
}

function citedWorks(texts: PostTexts): CitedWorks {
  const entries = new Map<string, unknown>();
  if (Array.isArray(texts.references)) {
    for (const entry of texts.references) {
      const id = referenceId(entry);
      if (id !== undefined && !entries.has(id)) entries.set(id, entry);
    }
  }
  const shared = new Set(texts.citationKeys ?? []);
  const works = texts.sharedWorks;
  return {
    has: (key) => entries.has(key) || shared.has(key) || !!works?.has(key),
    // The post's own reference first, as a citation in the text reads it.
    name: (key) => (entries.has(key) ? workName(normaliseItem(entries.get(key)).item) : workName(works?.get(key)?.item)),
  };
}

/** The authors' (or editors') family names as a reader names the work: "Fox", "Fox & Duggan", "Fox et al."; else its title. */
function workName(item: CslItem | undefined): string | undefined {
  if (!item) return undefined;
  const names = ((item.author ?? item.editor ?? []) as { family?: unknown; literal?: unknown }[])
    .map((n) => (typeof n?.family === "string" ? n.family : typeof n?.literal === "string" ? n.literal : ""))
    .filter((n) => n.trim());
  if (names.length) return names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} & ${names[1]}` : `${names[0]} et al.`;
  return typeof item.title === "string" && item.title.trim() ? item.title.trim() : undefined;
}

let citationParser: MarkdownIt | undefined;

interface CitationFound {
  /** The value without its citations (a narrative one replaced by the work's name, when known). */
  without: string;
  /** The first citation as written: where the warning points. */
  marker: string;
  /** The warning, its fix showing `shown` (the value without the markup too) when given. */
  problem(shown: string | undefined): MarkupProblem;
}

function citationProblem(value: string, works: CitedWorks, options: MarkupOptions): CitationFound | undefined {
  if (!value.includes("@")) return undefined;
  // As the body is read (lib/markdown.ts): a web address is a link, not a citation.
  citationParser ??= (() => {
    const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
    citationSyntax(md);
    return md;
  })();
  const clusters: { cluster: CitationCluster; at: number; bracketed: boolean }[] = [];
  const named: { source: string; name: string }[] = [];
  const unnamed: string[] = [];
  let without = value;
  // A citation can hide another ("[@a; @b][@c]" reads "[@a; @b]" as a link's text): read
  // again without it, until a round finds none; at most once per "@" written (a work's
  // name put in place of a citation could hold one).
  for (let round = 0, rounds = value.split("@").length; round < rounds && without.includes("@"); round++) {
    const text = without;
    const lines = text.split("\n");
    // Where a cluster stands in the text: its line (0-based) and column (1-based) in the parsed text.
    const offsetOf = (c: CitationCluster) => lines.slice(0, c.line).reduce((n, l) => n + l.length + 1, 0) + c.column - 1;
    const addresses = [...text.matchAll(ADDRESS)].map((m) => [m.index, m.index + m[0].length] as const);
    const found = extractCitations(citationParser, text)
      .map((c) => ({ cluster: c, at: offsetOf(c), bracketed: c.source.startsWith("[") }))
      // A bare @key names a work the post can cite, or it is a handle; in an address ("www.example.org/@fox") it is the address's.
      .filter(({ cluster, at, bracketed }) => text.startsWith(cluster.source, at) && !addresses.some(([a, b]) => at >= a && at < b) && (bracketed || cluster.items.every((item) => works.has(item.key))));
    if (!found.length) break;
    clusters.push(...found);
    const roundNamed: typeof named = [];
    const roundUnnamed: string[] = [];
    for (const { cluster, at, bracketed } of [...found].sort((a, b) => b.at - a.at)) {
      const end = at + cluster.source.length;
      const names = cluster.items.map((item) => works.name(item.key));
      if (!bracketed && names.every(Boolean)) {
        const name = list(names as string[]);
        roundNamed.unshift({ source: cluster.source, name });
        without = without.slice(0, at) + name + without.slice(end);
      } else {
        if (!bracketed) roundUnnamed.unshift(cluster.source);
        without = cut(without, at, end);
      }
    }
    named.push(...roundNamed);
    unnamed.push(...roundUnnamed);
  }
  if (!clusters.length) return undefined;
  const sources = [...new Set(clusters.map((c) => c.cluster.source))];
  const marker = sources[0]!;
  // With nothing left, the work's name (of a bracketed citation too) stands for it.
  let standIn: string | undefined;
  if (!without.trim()) {
    const names = clusters.flatMap(({ cluster }) => cluster.items.map((item) => works.name(item.key)));
    if (names.every(Boolean)) without = standIn = list(names as string[]);
  }
  // An example of the work named in words: its own name when the post has it.
  const known = clusters.flatMap(({ cluster }) => cluster.items.map((item) => works.name(item.key))).find(Boolean);
  const inWords = `or write the work's name (${known ? `as "${known}"` : `as in "as Fox and Duggan found"`})`;
  const message =
    `has ${sources.length === 1 ? "the citation" : "the citations"} ${list(sources.map(QUOTED))}: citations work only in the post's text below ` +
    `the front matter, and front matter is shown exactly as typed, so readers would see ${sources.length === 1 ? "it" : "them"} as written`;
  const move = `move ${sources.length === 1 ? "the citation" : "the citations"} to the post's text below the front matter, where citations work`;
  return {
    without,
    marker,
    problem(shown) {
      const plain = (shown ?? without).trim();
      const how: string[] = [];
      if (!plain) how.push(`${move}, and write the work's name here instead (as in "as Fox and Duggan found")`);
      else if (standIn !== undefined) how.push(`write the work's name in place of ${list(sources.map(QUOTED))}, and cite it in the post's text below the front matter, where citations work`);
      else {
        if (named.length) how.push(`write the work's name in place of ${list(named.map((n) => QUOTED(n.source)))}`);
        if (named.length < sources.length) how.push(`${move}, ${inWords}${unnamed.length ? ` in place of ${list(unnamed.map(QUOTED))}` : ""}`);
      }
      return { message, fix: plain ? `${how.join("; ")}: ${valueText(plain, options)}` : how.join("; "), plain, pieces: sources };
    },
  };
}

/** `text` without [at, end): the space before it goes too when punctuation or a space follows. */
function cut(text: string, at: number, end: number): string {
  let before = text.slice(0, at);
  let after = text.slice(end);
  if (!after || /^[\s,.;:!?)\]…]/.test(after)) before = before.replace(/[ \t]+$/, "");
  if (!before || /[\s(\[]$/.test(before)) after = after.replace(/^[ \t]+/, "");
  return `${before}${after}`.trim();
}

/** A value as the fix writes it: after the field's key, as YAML reads it back. */
function valueText(plain: string, options: MarkupOptions): string {
  return options.key === undefined ? JSON.stringify(plain) : `${options.key}${yamlScalar(plain)}`;
}
