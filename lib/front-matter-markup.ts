// Markdown or HTML written in a front-matter text: the page escapes it, and feeds,
// calendars, share text, structured data and share images take it as text, so readers
// see "**patient engagement**" or "<em>listening</em>" as typed. Reference fields are
// the exception: citeproc-js reads a few tags in them (<i>, <b>, <sup>, <sub>, <sc> and
// two <span>s), and nothing else, so markdown there is rewritten with those tags.
// Meant to never alarm on plain text: a lone or spaced asterisk ("2 * 3", "cost*"), an
// underscore inside a word or hashtag (#care_ldr), "<3", "a < b", web and e-mail
// addresses are all left alone. A warning the writer cannot make go away is worse than none.
import { decodeHTMLStrict } from "entities";
import { cslField } from "./csl-normalise.ts";
import { yamlScalar } from "./yaml-text.ts";

export interface MarkupProblem {
  /** Follows the field's name: "… is shown as typed …: readers would see …". */
  message: string;
  fix: string;
  /** The text without the markup (in a reference, with citeproc's tags in its place). */
  plain: string;
}

export interface MarkupOptions {
  /** A reference's field: citeproc-js's tags are kept, and markdown becomes them. */
  reference?: boolean;
  /** How the fix writes the value: "title: ", "- " for a list item; the text alone in quotes when not given. */
  key?: string;
}

type Kind = "asterisks" | "underscores" | "tildes" | "backticks" | "link" | "image" | "tag" | "entity" | "comment";

interface Found {
  kind: Kind;
  /** The piece as written. */
  text: string;
  /** For an entity, what it stands for; for a link, its address. */
  detail?: string;
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
const ADDRESS = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>]*[^\s<>*_~.,;:!?'")\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
// `code`: not touching a letter outside (so the apostrophes of "don`t and won`t" are not code).
const CODE = /(?<![\p{L}\p{N}`\\])(`+)(?![\s`])([^`\n]*?[^`\s\\])\1(?![\p{L}\p{N}`])/gu;
const IMAGE = /!\[([^\]\n]*)\]\(\s*([^\s()]+)(?:\s+"[^"\n]*")?\s*\)/g;
// [text](address): the address must look like one (a dot, slash, colon or #), so "[a](b)" is left alone.
const LINK = /(?<![\]\\])\[([^\]\n]+)\]\(\s*(<[^>\n]+>|[^\s()]*[./:#][^\s()]*)(?:\s+"[^"\n]*")?\s*\)/g;
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

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

// Stand-ins for pieces already read (code, addresses), out of the later searches' way.
const HOLD = /\uE000(\d+)\uE001/g;

/** The markup in one front-matter text, what readers see of it, and the text without it; undefined when there is none. */
export function markupProblems(text: string, options: MarkupOptions = {}): MarkupProblem | undefined {
  const reference = options.reference ?? false;
  const first = scan(text, reference);
  if (!first) return undefined;
  // What a piece of code or an entity stood for can be markup in turn ("&lt;em&gt;"): the
  // fix is text that does not warn again.
  let { plain, styled } = first;
  for (let again = scan(plain, reference), rounds = 0; again && rounds < 5; again = scan(plain, reference), rounds++) {
    ({ plain } = again);
    styled ||= again.styled;
  }
  return { message: message(first.found, reference), fix: fix(first.found, plain, options, styled), plain };
}

function scan(text: string, reference: boolean): { found: Found[]; plain: string; styled: boolean } | undefined {
  // Nearly every text has none of the characters markup needs.
  if (!/[*_~`[<&]/.test(text)) return undefined;
  const found: Found[] = [];
  const held: string[] = [];
  const hold = (s: string) => `\uE000${held.push(s) - 1}\uE001`;
  const restore = (s: string): string => s.replace(HOLD, (_, i: string) => restore(held[Number(i)]!));

  let s = text;
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
    else if (f.kind === "image") add(`${QUOTED(f.text)} as text, not an image`);
    else if (f.kind === "comment") add(`the comment ${QUOTED(f.text)}`);
    else if (f.kind === "entity") add(`${QUOTED(f.text)} where ${/^\s+$/u.test(f.detail!) ? "a space" : /^\p{Cf}+$/u.test(f.detail!) ? "nothing" : QUOTED(f.detail!)} was meant`);
    else if (f.kind === "tag" && f.text === tags[0]) {
      const distinct = [...new Set(tags)];
      add(`${distinct.length === 1 ? "the tag" : "the tags"} ${list(distinct.map(QUOTED))}`);
    }
  }
  const how = reference
    ? "is shown as typed: a reference reads no markdown, and no HTML but <i>, <b>, <sup>, <sub> and <sc>"
    : "is shown exactly as typed (front matter is not read as markdown or HTML)";
  return `${how}: readers would see ${list(parts)}`;
}

// Backticks, links and images are read first but sit outermost in what was typed.
function rank(f: Found): number {
  return f.kind === "asterisks" || f.kind === "underscores" || f.kind === "tildes" ? 1 : 0;
}

function list(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function fix(found: Found[], plain: string, options: MarkupOptions, styled: boolean): string {
  const value = options.key === undefined ? JSON.stringify(plain) : `${options.key}${yamlScalar(plain)}`;
  const links = [...new Set(found.filter((f) => (f.kind === "link" || f.kind === "tag") && f.detail).map((f) => f.detail!))];
  const reference = options.reference ?? false;
  const how = !plain
    ? "remove the markup (the text has nothing else): write the words readers should see"
    : reference && styled
      ? `write italics as <i>…</i> and bold as <b>…</b>, which references read: ${value}`
      : `write it without the markup: ${value}`;
  if (!links.length) return how;
  const where = reference ? "in the reference's `URL:` field" : "in the post's text below the front matter, where markdown works";
  return `${how}; put the link to ${links.join(" and ")} ${where}`;
}

/** A problem of one field, with the field's path in the front matter. */
export interface FieldMarkupProblem extends MarkupProblem {
  path: (string | number)[];
}

/** What a post's fields hold, as read: anything not text is left alone (the schema reports it). */
export interface PostTexts {
  title?: unknown;
  description?: unknown;
  topics?: readonly unknown[];
  image?: unknown;
  references?: unknown;
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

/** Markup in a post's title, description, topics, image alt text and credit, and its references' text. */
export function postMarkupProblems(texts: PostTexts): FieldMarkupProblem[] {
  const out: FieldMarkupProblem[] = [];
  const check = (value: unknown, path: (string | number)[], options: MarkupOptions) => {
    if (typeof value !== "string") return;
    const p = markupProblems(value, options);
    if (p) out.push({ ...p, path });
  };
  check(texts.title, ["title"], { key: "title: " });
  check(texts.description, ["description"], { key: "description: " });
  texts.topics?.forEach((topic, i) => check(topic, ["topics", i], { key: "- " }));
  if (isRecord(texts.image)) {
    check(texts.image.alt, ["image", "alt"], { key: "alt: " });
    check(texts.image.credit, ["image", "credit"], { key: "credit: " });
  }
  if (Array.isArray(texts.references)) {
    texts.references.forEach((entry, i) => {
      if (!isRecord(entry)) return;
      for (const [key, value] of Object.entries(entry)) {
        const field = cslField(key);
        if (field && REFERENCE_TEXT_FIELDS.has(field)) check(value, ["references", i, key], { reference: true, key: `${key}: ` });
      }
    });
  }
  return out;
}
