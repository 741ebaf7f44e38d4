// Words in another language in a post's body, marked so that screen readers pronounce them
// in it (WCAG 2.2 SC 3.1.2, Language of Parts): pandoc's bracketed span,
// `the French call it [la garde de nuit]{lang=fr}`, rendered <span lang="fr">…</span>, with
// dir= when the language runs the other way from the site's. Only `lang=` is read: the site
// has no styles for classes, and an attribute the page would drop should not look kept.
//
// Written here rather than taken from npm: no bracketed-span plugin is installed, and one
// would take any attribute (pandoc's `{.smallcaps}` would vanish silently).
//
// The parse keeps, on each span and on each `{lang=…}` markdown shows as typed, where it
// was written: languageSpanProblems tells the writer what is wrong there, with the line to
// write. Raw HTML (`<span lang="fr">`, `<i lang>`, `<q lang>`), which the body's HTML checks
// let through, has its lang read the same way.
import type MarkdownIt from "markdown-it";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import type Token from "markdown-it/lib/token.mjs";
import type { Diagnostic } from "./diagnostics.ts";
import { languageName, languageTag, unreadLanguage } from "./language-tags.ts";
import { inlinePosition } from "./source-columns.ts";
import { parseBracketContent } from "./citation-syntax.ts";
import { attributesOf } from "./local-paths.ts";
import { parseBody } from "./markdown.ts";
import { textDirection } from "./text-direction.ts";

/** One attribute of a span's braces, as written: `lang=fr`, `lang:"fr"`, `.smallcaps`, `#intro`, or a bare word (`{fr}`). */
interface WrittenAttribute {
  text: string;
  /** The attribute's name in lower case (lang, language, xml:lang), "." for a class, "#" for an id, "" for a bare word. */
  name: string;
  /** `=`, or the `:` writers type by mistake. */
  separator: string;
  value: string;
}

/** What a span token holds (meta of language_span_open). */
export interface LanguageSpan {
  /** Where the span's `[` and the end of its `}` are in its inline block's text. */
  offset: number;
  end: number;
  /** The text between the brackets, as written. */
  text: string;
  /** The braces as written: `{lang=fr}`. */
  braces: string;
  attributes: WrittenAttribute[];
  /** The tag its language is rendered with (canonical, fr-FR for Fr-fr), when one can be read. */
  lang?: string;
}

/** A `{lang=…}` that markdown shows as typed (meta of language_attributes). */
export interface StrayAttributes {
  offset: number;
  braces: string;
  /** What stands just before it: a `]` and spaces, a citation, a link (its source), or other text (its last word). */
  after: { kind: "space"; spaces: string } | { kind: "citation"; source: string } | { kind: "link"; source: string } | { kind: "text"; word: string };
  /** When the braces are not closed on their line: "never", or "below" when a `}` comes on a later line of the paragraph. */
  unclosed?: "never" | "below";
  /** The words in the brackets right before it (`[x]{lang=fr` unclosed), when there are some. */
  words?: string;
}

// One attribute in pandoc's braces: `#id`, `.class`, `name=value` (value quoted or bare); `name:value` is a slip.
const ATTRIBUTE = /\s*(?:([#.])([^\s{}#.="']+)|([A-Za-z][\w:-]*?)\s*([=:])\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'{}]+))|([^\s{}"'=]+))/y;
// A `{…}` that names a language: markdown would show it as typed unless it follows a span's brackets.
const NAMES_LANGUAGE = /^\{[^{}\n]*\b(?:lang|language)\s*[=:][^{}\n]*\}/i;
// The same braces left open on their line (`[x]{lang="fr"`, or `}` on the next line): shown as typed too.
const OPENS_LANGUAGE = /^\{[^{}\n]*?\b(?:lang|language)\s*[=:]\s*(?:"[^"{}\n]*"?|'[^'{}\n]*'?|[^\s{}"']*)(?=[^{}\n]*(?:\n|$))/i;

/** The attributes of the braces opening at `pos`, and where they end; undefined when the braces are not pandoc attributes. */
function readAttributes(src: string, pos: number, max: number): { attributes: WrittenAttribute[]; end: number } | undefined {
  if (src[pos] !== "{") return undefined;
  const close = src.indexOf("}", pos);
  if (close < 0 || close >= max) return undefined;
  const inner = src.slice(pos + 1, close);
  if (!inner.trim() || /[{\n]/.test(inner)) return undefined;
  const attributes: WrittenAttribute[] = [];
  ATTRIBUTE.lastIndex = 0;
  while (ATTRIBUTE.lastIndex < inner.length && inner.slice(ATTRIBUTE.lastIndex).trim()) {
    const from = ATTRIBUTE.lastIndex;
    const m = ATTRIBUTE.exec(inner);
    if (!m) return undefined;
    const text = m[0].trim();
    if (m[1]) attributes.push({ text, name: m[1], separator: "", value: m[2]! });
    else if (m[3]) attributes.push({ text, name: m[3].toLowerCase(), separator: m[4]!, value: m[5] ?? m[6] ?? m[7] ?? "" });
    else attributes.push({ text, name: "", separator: "", value: m[8]! });
    if (ATTRIBUTE.lastIndex === from) return undefined;
  }
  // A lone word is a bare attribute only when it is a language tag (`{fr}`): `[sic]{…}` in prose stays text.
  const bare = attributes.filter((a) => a.name === "");
  if (bare.length && (attributes.length > 1 || !isTagLike(bare[0]!.value) || !languageTag(bare[0]!.value))) return undefined;
  return { attributes, end: close + 1 };
}

const isTagLike = (value: string) => /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i.test(value);

/** The attribute a span's language is read from: `lang=`, or the slips `lang:`, `language=`, `xml:lang=`, `{fr}`. */
function languageAttribute(attributes: readonly WrittenAttribute[]): WrittenAttribute | undefined {
  return attributes.find((a) => a.name === "lang") ?? attributes.find((a) => ["language", "xml:lang", ""].includes(a.name));
}

/** Where the bracket opened before `close` (a `]` or `)`) starts, honouring nesting and escapes; -1 if nowhere. */
function openingBefore(src: string, close: number): number {
  const open = src[close] === ")" ? "(" : "[";
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (src[i - 1] === "\\") continue;
    if (src[i] === src[close]) depth++;
    else if (src[i] === open && --depth === 0) return i;
  }
  return -1;
}

/** Text with what its nested brackets hold left out: `la garde [@key]` → `la garde []`. */
function withoutNestedBrackets(text: string): string {
  let depth = 0;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\") {
      if (depth === 0) out += text.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === "]" && depth > 0) depth--;
    if (depth === 0) out += c;
    if (c === "[") depth++;
  }
  return out;
}

function spanRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  // Silent calls come from markdown-it's scan of a link's text: there a span is plain brackets,
  // and it is parsed when the link's text is (`[see [la garde]{lang=fr}](url)`).
  if (silent || src[start] !== "[") return false;
  const close = state.md.helpers.parseLinkLabel(state, start, false);
  if (close < 0) return false;
  const read = readAttributes(src, close + 1, state.posMax);
  if (!read) return false;
  // `[see @key]{lang=fr}` stays a citation, and the braces text, told as an error: pandoc would
  // make it a span holding a narrative citation (Smith (2020)), seldom what the writer meant;
  // a citation inside the words, `[la garde [@key]]{lang=fr}`, is cited within the span.
  if (parseBracketContent(withoutNestedBrackets(src.slice(start + 1, close)))) return false;
  const attributes = read.attributes;
  const written = languageAttribute(attributes)?.value;
  const lang = written ? languageTag(written) : undefined;
  const span: LanguageSpan = { offset: start, end: read.end, text: src.slice(start + 1, close), braces: src.slice(close + 1, read.end), attributes, ...(lang ? { lang } : {}) };
  const open = state.push("language_span_open", "span", 1);
  open.meta = span;
  const oldMax = state.posMax;
  state.pos = start + 1;
  state.posMax = close;
  state.md.inline.tokenize(state);
  state.posMax = oldMax;
  state.push("language_span_close", "span", -1);
  state.pos = read.end;
  return true;
}

/** A `{lang=…}` not after a span's brackets: shown as typed, and told (languageSpanProblems). */
function strayRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src[start] !== "{") return false;
  const rest = src.slice(start, state.posMax);
  const closed = NAMES_LANGUAGE.exec(rest)?.[0];
  const open = closed ? undefined : OPENS_LANGUAGE.exec(rest)?.[0];
  const braces = closed ?? open;
  if (!braces) return false;
  if (silent) return false;
  const before = src.slice(0, start);
  const unclosed: StrayAttributes["unclosed"] = open === undefined ? undefined : /^[^{]*\}/.test(rest.slice(open.length)) ? "below" : "never";
  const bracket = before.endsWith("]") ? openingBefore(before, before.length - 1) : -1;
  const words = bracket >= 0 ? before.slice(bracket + 1, -1) : undefined;
  const previous = state.pending ? undefined : state.tokens[state.tokens.length - 1];
  let after: StrayAttributes["after"];
  const spaced = /\]([ \t]+)$/.exec(state.pending);
  if (spaced) after = { kind: "space", spaces: spaced[1]! };
  else if (previous?.type === "citation") after = { kind: "citation", source: previous.content };
  else if (previous?.type === "link_close" && before.endsWith(")")) {
    const paren = openingBefore(before, before.length - 1);
    const bracket = paren > 0 && before[paren - 1] === "]" ? openingBefore(before, paren - 1) : -1;
    after = { kind: "link", source: bracket >= 0 ? before.slice(bracket) : "[the link's text](address)" };
  } else after = { kind: "text", word: /([^\s[\](){}]+)\s*$/u.exec(before)?.[1]?.replace(/[\p{P}]+$/u, "") ?? "" };
  const token = state.push("language_attributes", "", 0);
  token.content = braces;
  token.meta = { offset: start, braces, after, ...(unclosed ? { unclosed } : {}), ...(words ? { words } : {}) } satisfies StrayAttributes;
  state.pos += braces.length;
  return true;
}

/** The language a page's words are in: its post's own (`language: es`), else the site's. */
function textLanguage(env: any): string | undefined {
  return typeof env?.post?.language === "string" && env.post.language ? env.post.language : siteLanguage(env);
}

/** The site's language in a page's render env (settings `language:`); undefined outside a site. */
function siteLanguage(env: any): string | undefined {
  return typeof env?.site?.language === "string" && env.site.language ? env.site.language : undefined;
}

/** The language of the innermost span around the inline token at `idx`, if any. */
function enclosingLanguage(tokens: readonly Token[], idx: number): string | undefined {
  const open: Array<string | undefined> = [];
  for (let i = 0; i < idx; i++) {
    if (tokens[i]!.type === "language_span_open") open.push(tokens[i]!.meta?.lang);
    else if (tokens[i]!.type === "language_span_close") open.pop();
  }
  return open.findLast((lang) => lang !== undefined);
}

/** The markdown-it plugin: `[words]{lang=xx}` becomes <span lang="xx">, with dir= when it runs the other way from the site. */
export function languageSpans(md: MarkdownIt): void {
  // Before the citation rule, which would take `[la garde [@key]]` for one citation with a
  // prefix (spanRule leaves to it a bracket that cites at its own level), and
  // before links (`[text]{lang=fr}` is a span even when a `[text]:` link is defined, as in pandoc).
  try {
    md.inline.ruler.before("citation", "language_span", spanRule);
  } catch {
    md.inline.ruler.before("link", "language_span", spanRule);
  }
  md.inline.ruler.before("link", "language_attributes", strayRule);
  md.renderer.rules.language_span_open = (tokens, idx, _opts, env) => {
    const lang: string | undefined = tokens[idx]!.meta?.lang;
    if (!lang) return "<span>";
    const own = textDirection(textLanguage(env) ?? "en");
    const dir = textDirection(lang);
    return `<span lang="${md.utils.escapeHtml(lang)}"${dir !== own ? ` dir="${dir}"` : ""}>`;
  };
  md.renderer.rules.language_span_close = () => "</span>";
  // A citation inside the words is printed in the site's language, not the span's: said so.
  const citation = md.renderer.rules.citation;
  if (citation) {
    md.renderer.rules.citation = (tokens, idx, opts, env, self) => {
      const html = citation(tokens, idx, opts, env, self);
      const site = siteLanguage(env);
      const within = enclosingLanguage(tokens, idx);
      if (!site || !within || !html || sameLanguage(within, site)) return html;
      const dir = textDirection(site);
      return `<span lang="${md.utils.escapeHtml(site)}"${dir !== textDirection(within) ? ` dir="${dir}"` : ""}>${html}</span>`;
    };
  }
  md.renderer.rules.language_attributes = (tokens, idx) => md.utils.escapeHtml(tokens[idx]!.content);
}

// ---------------------------------------------------------------------------------------
// The check.

interface Problem {
  severity: "error" | "warning";
  message: string;
  fix: string;
}

/** A span's text as a fix quotes it: whole up to 60 characters, else its start and "…". */
function shortText(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length <= 60 ? one : `${one.slice(0, 59).trimEnd()}…`;
}

const UNMARKED = "so the words are not marked as being in another language, and screen readers read them in the page's language";

/**
 * The language the words around a span are in: the post's own (`language: es`) when it
 * says one, else the site's (settings `language:`); `said` names where that is written.
 */
interface TextLanguage {
  tag: string;
  whose: "post" | "site";
  said: string;
  direction: "ltr" | "rtl";
}

function textLanguageOf(site: string | undefined, post: string | undefined): TextLanguage | undefined {
  if (post) return { tag: post, whose: "post", said: `the post's own language (language: ${post} in its front matter)`, direction: textDirection(post) };
  if (site) return { tag: site, whose: "site", said: `the site's own language (language: ${site} in the settings)`, direction: textDirection(site) };
  return undefined;
}

/**
 * What is wrong with the language `written` in a lang attribute, given how the fix writes a tag
 * (`write(tag)`); `tag` is what it reads as. `readName` says whether a language's name that
 * chatpost reads ("french") is still marked on the page: a span's is; raw HTML's is not.
 */
function languageValueProblem(written: string, write: (tag: string) => string, readName: boolean, own: TextLanguage | undefined): (Problem & { tag?: string; same?: boolean }) | undefined {
  const value = written.trim();
  if (!value) return { severity: "error", message: `lang= names no language, ${UNMARKED}`, fix: `write the language's tag after lang=, e.g. ${write("de")} for German` };
  const tag = languageTag(value);
  if (tag === undefined) {
    const told = unreadLanguage(value, write)!;
    // language-tags.ts words its message for a reference's entry, and offers a language's English name, which a reference may have.
    const fix = /^write the language's code or English name/.test(told.fix) ? `write the language's tag (fr French, de German, es Spanish, ja Japanese, ar Arabic…), e.g. ${write("de")}` : told.fix;
    return { severity: "error", message: told.message.replace(/\bthe entry is\b/g, "the words are").replace(/, and screen readers read it in/g, ", and screen readers read them in"), fix };
  }
  // A tag is read whatever its case (BCP 47 says so); a name, or `_` for `-`, is not one.
  const isTag = isTagLike(value) && !value.includes("_") && tag.toLowerCase() === Intl.getCanonicalLocales(value)[0]!.toLowerCase();
  if (!isTag) {
    const what = value.includes("_") ? `"${value}" is written with "_", where a language tag has "-"` : `"${value}" is ${languageName(tag)}'s name, not its language tag`;
    return readName
      ? { severity: "warning", tag, message: `${what}: the page marks it ${tag}, but pandoc and other tools read only the tag`, fix: `write ${write(tag)}` }
      : { severity: "error", tag, message: `${what}: browsers and screen readers read only the tag, ${UNMARKED}`, fix: `write ${write(tag)}` };
  }
  if (own && sameLanguage(tag, own.tag)) {
    return { severity: "warning", tag, same: true, message: `${languageName(tag)} (${value}) is ${own.said}, so marking it does nothing`, fix: "" };
  }
  return undefined;
}

/** Whether `tag` says nothing more than the site's language does: the same tag, or its language alone (en on an en-US site). */
function sameLanguage(tag: string, site: string): boolean {
  const [a, b] = [tag.toLowerCase(), (Intl.getCanonicalLocales(site)[0] ?? site).toLowerCase()];
  return a === b || a === b.split("-")[0];
}

/** What is wrong with a span, and the span to write instead; undefined when nothing is. */
function spanProblem(span: LanguageSpan, own: TextLanguage | undefined): Problem | undefined {
  const text = shortText(span.text);
  const write = (tag: string) => `[${text || "la garde de nuit"}]{lang=${tag}}`;
  const attribute = languageAttribute(span.attributes);
  const others = span.attributes.filter((a) => a !== attribute);
  if (!text) {
    return { severity: "error", message: `the brackets before ${span.braces} hold no words, so nothing is marked`, fix: `put the words in that language in the brackets, e.g. ${write(span.lang ?? "fr")}` };
  }
  if (!attribute) {
    return {
      severity: "error",
      message: `${span.braces} after [${text}] names no language: chatpost reads only lang= there (a span marks the language of its words, the site has no styles for classes or ids), so the braces are dropped and the words shown plain`,
      fix: `write the words without brackets and braces: ${text}; for emphasis write *${text}*; for words in another language write ${write("fr")}`,
    };
  }
  const value = languageValueProblem(attribute.value, write, true, own);
  if (value && value.severity === "error") return { severity: "error", message: `in ${span.braces}: ${value.message}`, fix: value.fix };
  const tag = value?.tag ?? span.lang!;
  if (attribute.name !== "lang" || attribute.separator !== "=" || others.length) {
    const wrong =
      attribute.name === "" ? `${span.braces} has no "lang="`
      : attribute.name !== "lang" ? `${span.braces} names the language with ${attribute.name}${attribute.separator}, which is not read (only lang= is)`
      : attribute.separator !== "=" ? `${span.braces} has "${attribute.separator}" where lang= takes "="`
      : `${span.braces} has ${others.map((a) => a.text).join(" ")} besides lang=, which ${others.length > 1 ? "are" : "is"} dropped: a span only marks the language of its words`;
    return { severity: "error", message: `${wrong}, so pandoc does not mark the words as ${languageName(tag)}`, fix: `write ${write(tag)}` };
  }
  if (value?.same) return { severity: "warning", message: `[${text}]${span.braces}: ${value.message}`, fix: `write the words without brackets and braces: ${text}` };
  if (value) return { severity: value.severity, message: `in ${span.braces}: ${value.message}`, fix: value.fix };
  return undefined;
}

/** A span in an image's description: the description is one attribute (alt), which cannot mark a part's language. */
function inDescription(span: LanguageSpan): Problem {
  const text = shortText(span.text);
  return {
    severity: "warning",
    message: `[${text}]${span.braces} is in an image's description, which screen readers read as one text in the page's language: a part of it cannot be marked`,
    fix: `write the words without brackets and braces: ${text}; to have them read in ${languageName(span.lang ?? "")}, put them in the text next to the image`,
  };
}

/** What is wrong with a `{lang=…}` markdown shows as typed. */
function strayProblem(stray: StrayAttributes): Problem {
  const lang = /\blang(?:uage)?\s*[=:]\s*["']?([^\s"'}]*)/i.exec(stray.braces)?.[1];
  const tag = (lang && languageTag(lang)) || lang || "fr";
  const braces = `{lang=${tag}}`;
  const shown = `readers see "${stray.braces}" on the page and the words are not marked as ${languageName(tag)}`;
  if (stray.unclosed) {
    const span = `[${shortText(stray.words ?? "") || "la garde de nuit"}]${braces}`;
    return stray.unclosed === "below"
      ? {
          severity: "error",
          message: `${stray.braces} is closed with "}" on a later line: markdown reads a span's braces only on one line, so it shows the brackets and the braces as typed: ${shown}`,
          fix: `write the braces on one line, right after the words: ${span}`,
        }
      : {
          severity: "error",
          message: `${stray.braces} is never closed with "}", so markdown shows ${stray.words ? "the brackets and the braces" : "it"} as typed: ${shown}`,
          fix: stray.words ? `close the braces: ${span}` : `put the words in that language in square brackets right before it, and close the braces, e.g. ${span}`,
        };
  }
  switch (stray.after.kind) {
    case "space":
      return { severity: "error", message: `the space between ] and ${stray.braces} makes markdown show the brackets and the braces as typed: ${shown}`, fix: `remove the space: ]${braces}` };
    case "citation":
      return {
        severity: "error",
        message: `${stray.braces} after the citation ${stray.after.source} is shown as typed (chatpost reads a bracket with a citation key at its own level as a citation, where pandoc would make it a span holding "@key" cited in the text): ${shown}`,
        fix: `bracket only the words in that language, e.g. [la garde de nuit]${braces}, and leave the citation as it is; a cited work's own language is its reference's language: field`,
      };
    case "link":
      return { severity: "error", message: `${stray.braces} after a link is shown as typed: ${shown}`, fix: `put the link in brackets of its own: [${stray.after.source}]${braces}` };
    default: {
      const example = stray.after.word ? `[${stray.after.word}]${braces}` : `[la garde de nuit]${braces}`;
      return {
        severity: "error",
        message: `${stray.braces} marks the words in square brackets just before it, and there are none, so markdown shows it as typed: ${shown}`,
        fix: `put all the words in that language in square brackets right before it, with no space, e.g. ${example}; to show the braces as typed, write \\${stray.braces}`,
      };
    }
  }
}

/** What is wrong with the lang of a raw HTML tag, and the tag to write. */
function rawTagProblem(element: string, value: string, dir: string | undefined, ownLanguage: TextLanguage | undefined): Problem | undefined {
  // lang="" says the language is unknown, on purpose.
  if (!value.trim()) return undefined;
  const write = (tag: string) => `<${element} lang="${tag}"${dir !== undefined ? ` dir="${dir}"` : ""}>`;
  const problem = languageValueProblem(value, write, false, ownLanguage);
  if (problem?.same) return { severity: "warning", message: `<${element} lang="${value}">: ${problem.message}`, fix: `remove lang="${value}"` };
  if (problem) return { severity: problem.severity, message: `in <${element} lang="${value}">: ${problem.message}`, fix: problem.fix };
  const own = ownLanguage?.direction ?? "ltr";
  const runs = textDirection(value);
  if (dir === undefined && runs !== own) {
    return {
      severity: "warning",
      message: `${languageName(value)} is written ${runs === "rtl" ? "right to left" : "left to right"} and the ${ownLanguage?.whose ?? "site"} ${own === "rtl" ? "right to left" : "left to right"}: without dir="${runs}" the <${element}>'s punctuation and numbers land on the wrong side`,
      fix: `write <${element} lang="${value}" dir="${runs}">, or [the words]{lang=${value}}, which adds it`,
    };
  }
  return undefined;
}

// A start tag, its attributes' quoted values possibly holding ">".
const START_TAG = /<([a-z][a-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/**
 * Every problem with the languages marked in `body` (spans, `{lang=…}` shown as typed, raw
 * HTML's lang), at its file line and column. `bodyLine` is the file line the body starts on
 * (1-based); `site` the site's language (settings `language:`), `post` the post's own when it
 * says one (`language: es`), which the words around a span are then in.
 */
export function languageSpanProblems(body: string, file: string, bodyLine: number, site: string | undefined, post?: string): Diagnostic[] {
  // Most bodies mark no language; skip the parse for them. `[^{}\n]`, not `[^}\n]`: the same
  // answer (the last `{` before the lang), but each `{` is read to the next one, not to the line's
  // end, so a run of `{` costs its length, not its square.
  if (!/\]\{|\{[^{}\n]*\blang|\blang\s*=/i.test(body)) return [];
  const own = textLanguageOf(site, post);
  const lines = body.split("\n");
  const problems: Diagnostic[] = [];
  const add = (problem: Problem, line: number, column: number | undefined) =>
    problems.push({ severity: problem.severity, file, line: bodyLine + line, ...(column !== undefined ? { column } : {}), field: "", message: problem.message, fix: problem.fix });
  // Where a needle not placed by an offset stands, from the block's first line on: the first not yet given out.
  const used = new Map<string, number>();
  const find = (needle: string, from: number, to: number): { line: number; column?: number } => {
    const head = needle.split("\n")[0]!;
    for (let l = from; l < Math.max(to, from + 1); l++) {
      const key = `${l}\0${head}`;
      const at = (lines[l] ?? "").indexOf(head, used.get(key) ?? 0);
      if (at < 0) continue;
      used.set(key, at + head.length);
      return { line: l, column: at + 1 };
    }
    return { line: from };
  };
  let map: [number, number] | undefined;
  for (const token of parseBody(body)) {
    if (token.map) map = token.map as [number, number];
    const [first = 0, end = first + 1] = token.map ?? map ?? [];
    if (token.type === "html_block") {
      for (const shown of spansInHtml(token.content)) {
        const where = find(shown.text, first + shown.line, end);
        add(htmlBlockProblem(shown.text, token.content, first, bodyLine), where.line, where.column);
      }
      for (const raw of rawLanguages(token.content)) {
        const problem = rawTagProblem(raw.element, raw.value, raw.dir, own);
        if (!problem) continue;
        const line = first + (token.content.slice(0, raw.index).match(/\n/g)?.length ?? 0);
        const where = find(raw.attribute, line, end);
        add(problem, where.line, where.column);
      }
      continue;
    }
    if (token.type !== "inline") continue;
    const visit = (children: Token[], nested: boolean) => {
      for (const child of children) {
        if (child.type === "image" && child.children) visit(child.children, true);
        else if (child.type === "html_inline") {
          for (const raw of rawLanguages(child.content)) {
            const problem = rawTagProblem(raw.element, raw.value, raw.dir, own);
            if (!problem) continue;
            const where = find(raw.attribute, first, end);
            add(problem, where.line, where.column);
          }
        } else if (child.type === "language_span_open" || child.type === "language_attributes") {
          const span = child.type === "language_span_open" ? (child.meta as LanguageSpan) : undefined;
          const problem = span ? (spanProblem(span, own) ?? (nested ? inDescription(span) : undefined)) : strayProblem(child.meta as StrayAttributes);
          if (!problem) continue;
          // An image's description is parsed on its own: its offsets are not the block's.
          const where = nested ? find(span ? `[${span.text}]` : child.content, first, end) : place(token, (child.meta as { offset: number }).offset, first, lines);
          add(problem, where.line, where.column);
        }
      }
    };
    visit(token.children ?? [], false);
  }
  return problems;
}

// Elements whose text is code or not shown: a span's syntax there is not a slip.
const HTML_AS_IS = /<(pre|code|kbd|samp|script|style|textarea|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const SPAN_IN_HTML = /\[[^\[\]\n]*\][ \t]*\{[^{}\n]*\b(?:lang|language)\s*[=:][^{}\n]*\}?|\{[^{}\n]*\b(?:lang|language)\s*[=:][^{}\n]*\}?/gi;

/**
 * `[words]{lang=fr}` (or its braces alone) in the text of a raw HTML block, where markdown is not
 * read: a paragraph whose first line starts with a comment or a tag is one (`<!-- c -->[x]{lang=fr}`).
 * Not inside tags, comments, or elements whose text is code; `line` is its line in the block.
 */
function spansInHtml(html: string): Array<{ text: string; line: number }> {
  if (!/\{[^{}\n]*\blang/i.test(html)) return []; // [^{}\n]: see languageSpanProblems
  // What readers do not see is blanked (line breaks and offsets kept): code, comments, tags.
  const blank = (t: string) => t.replace(/[^\n]/g, " ");
  const text = html.replace(HTML_AS_IS, blank).replace(/<!--[\s\S]*?(?:-->|$)/g, blank).replace(START_TAG, blank).replace(/<\/[a-z][^>]*>/gi, blank);
  return [...text.matchAll(SPAN_IN_HTML)].map((m) => ({ text: html.slice(m.index, m.index + m[0].length), line: text.slice(0, m.index).split("\n").length - 1 }));
}

/** What to tell of a span in a raw HTML block (`html`, starting at body line `first`). */
function htmlBlockProblem(written: string, html: string, first: number, bodyLine: number): Problem {
  const lang = /\blang(?:uage)?\s*[=:]\s*["']?([^\s"'}]*)/i.exec(written)?.[1] ?? "";
  const read = lang ? languageTag(lang) : undefined;
  // A tag chatpost cannot read is kept as written in the fix: the span's own check then tells what is wrong with it.
  const tag = read ?? (lang || "fr");
  const words = /^\[([^\]]*)\]/.exec(written)?.[1]?.trim();
  const shown = `readers see "${written}" on the page and the words are not marked as ${read ? languageName(read) : "being in another language"}`;
  const comment = /^<!--[^\n]*?-->[ \t]*\S/.test(html);
  if (comment) {
    return {
      severity: "error",
      message: `the line starts with an HTML comment, so markdown reads the line as HTML, not as text, and shows ${written} as typed: ${shown}`,
      fix: `put the comment on a line of its own, and the text on the next line${words ? `: [${shortText(words)}]{lang=${tag}}` : ""}`,
    };
  }
  const opening = html.split("\n")[0]!.trim();
  return {
    severity: "error",
    message: `${written} is in a block of HTML (from line ${bodyLine + first}, ${opening.length > 40 ? `${opening.slice(0, 39)}…` : opening}), where markdown is not read, so it is shown as typed: ${shown}`,
    fix: `leave a blank line between the HTML and this text${words ? `, or mark the words with HTML: <span lang="${tag}"${textDirection(tag) === "rtl" ? ' dir="rtl"' : ""}>${shortText(words)}</span>` : ""}`,
  };
}

/** The file's body line and 1-based column of `offset` in an inline block's text, which has lost its line's list or quote marker and indentation. */
function place(block: Token, offset: number, firstLine: number, lines: readonly string[]): { line: number; column: number } {
  const { line, prefix, inLine } = inlinePosition(block.content, offset, firstLine, lines);
  return { line, column: (prefix >= 0 ? prefix : 0) + inLine + 1 };
}

/** The lang attributes of the start tags in raw HTML: the element, the value, the tag's dir, where the tag is, and the attribute as written. */
function rawLanguages(html: string): Array<{ element: string; value: string; dir: string | undefined; index: number; attribute: string }> {
  if (!/\blang\s*=/i.test(html)) return [];
  const out: ReturnType<typeof rawLanguages> = [];
  for (const tag of html.matchAll(START_TAG)) {
    const attributes = [...attributesOf(tag[0])];
    const lang = attributes.find((a) => a.name === "lang");
    if (!lang) continue;
    const dir = attributes.find((a) => a.name === "dir")?.value;
    out.push({ element: tag[1]!.toLowerCase(), value: lang.value, dir, index: tag.index, attribute: tag[0].slice(lang.at, lang.at + lang.length).trim() });
  }
  return out;
}
