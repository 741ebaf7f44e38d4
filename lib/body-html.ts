// Raw HTML in a body that silently does something else than the writer meant:
// - an HTML comment never closed (`<!-- TODO …` without `-->`) hides everything after it
//   from readers, the rest of the body and the page around it (topics, references,
//   footer), since the browser reads on to the next `-->`: an error at the `<!--`;
// - a comment opened in a paragraph (or a heading, list item or table cell) and not closed in
//   it is no comment to markdown: it is shown as text, `<!-- TODO fix this` and all, to
//   readers: a warning at the `<!--`;
// - a <script> (pasted with an embedded post) does not run where readers see the post: the
//   published site's Content-Security-Policy (lib/security-headers.ts) allows no script
//   from another site, and feed readers drop scripts: a warning, since the embed's
//   <blockquote> still shows and a host without the policy (GitHub Pages) does run it.
// - a <style> restyles the whole page, not the post: its rules reach the site's header,
//   menus and footer (`body{display:none}` hides the page), on every host, since the
//   policy allows each inline style by its hash: an error;
// - an event handler attribute (`onclick=`) or a `javascript:` address runs a script: on
//   Netlify and Cloudflare Pages the policy blocks it (it works in `npm start`, not on the
//   site); GitHub Pages, which serves no policy, runs it: an error;
// - a `style="…"` attribute makes the policy allow every inline style on every page (no
//   hash can allow an attribute), and feed readers often drop it: a warning;
// - markdown in an HTML block (`<td>**bold**</td>` in a pasted <table>) is shown as typed,
//   since markdown is not read inside HTML: a warning at its line.
// Tags are read as a browser reads them: a `<!--` in an attribute's value (`title="a <!-- b"`)
// is part of the value, no comment, and so is one in a <textarea>'s or <script>'s text.
// Read through markdown-it's tokens, so HTML shown as code is never reported, and across
// its pieces of raw HTML in order, as a browser reads them: a comment opened in one
// HTML block is closed only by a `-->` that reaches the page as HTML, not by one in a
// paragraph, which markdown shows as text.
import { isPostFile } from "./content-paths.ts";
import type { Diagnostic } from "./diagnostics.ts";
import { attributesOf } from "./local-paths.ts";
import { htmlTagAt, TEXT_ONLY_ELEMENTS } from "./html-tags.ts";
import { parseBody } from "./markdown.ts";

/** A piece of the body's raw HTML, the 0-based body lines it may start on, and whether it sits in markdown text. */
interface RawPiece {
  html: string;
  line: number;
  /** The last body line of its block: a code span's line break is not in the tokens, so a tag may be further down. */
  lastLine: number;
  inline: boolean;
}

/** A `<!--` in markdown text that markdown shows as text, since no `-->` closes it in its paragraph. */
interface TextComment {
  line: number;
  column: number | undefined;
  /** The comment as written, to its line's end. */
  written: string;
}

/**
 * The next `<!--` in `html` from `from` that a browser reads as a comment, or the start tag of
 * an element whose text is not HTML (<script>, <style>, <textarea>…), its `name` given. The
 * tags before it are read as a browser reads them, so a `<!--` in an attribute's value
 * (`<abbr title="a <!-- b">`) is no comment. A tag not ended in `html` (a quote not closed) is
 * not passed over: a `<!--` after its "<" still counts, as before that tag was read.
 */
function nextOpening(html: string, from: number): { index: number; text: string; name?: string } | undefined {
  for (let i = html.indexOf("<", from); i !== -1; i = html.indexOf("<", i + 1)) {
    if (html.startsWith("<!--", i)) return { index: i, text: "<!--" };
    const tag = htmlTagAt(html, i);
    if (!tag) continue;
    if (!tag.end && TEXT_ONLY_ELEMENTS.has(tag.name)) return { index: i, text: html.slice(i, i + tag.length), name: tag.name };
    i += tag.length - 1;
  }
  return undefined;
}

/**
 * Every unclosed HTML comment, <script>, <style>, script in an attribute, style="…" and
 * markdown left as typed in an HTML block of `body`, at its file line and column.
 * `bodyLine` is the file line the body starts on (1-based).
 */
export function bodyHtmlProblems(body: string, file: string, bodyLine: number): Diagnostic[] {
  // Most bodies have no HTML; skip the parse for them.
  if (!body.includes("<")) return [];
  const problems: Diagnostic[] = [];
  const locate = locator(body);
  const pieces = rawPieces(body);
  const tagsIn = (piece: RawPiece, from: number, to: number) => {
    for (const found of attributeProblems(piece.html.slice(from, to))) {
      const line = piece.line + countBreaks(piece.html, from + found.index);
      const column = locate(piece, line, found.written);
      problems.push({ severity: found.severity, file, line: bodyLine + line, ...(column ? { column } : {}), field: "", message: found.message, fix: found.fix });
    }
  };
  // An open comment: where its `<!--` is, until a `-->` in raw HTML closes it.
  let comment: { line: number; column: number | undefined } | undefined;
  for (const piece of pieces) {
    if ("written" in piece) {
      // Inside a comment opened in raw HTML it is hidden, not shown.
      if (!comment) problems.push({ severity: "warning", file, line: bodyLine + piece.line, ...(piece.column ? { column: piece.column } : {}), field: "", ...textCommentProblem(piece.written) });
      continue;
    }
    let at = 0;
    while (at < piece.html.length) {
      if (comment) {
        const end = piece.html.indexOf("-->", at);
        if (end === -1) break;
        comment = undefined;
        at = end + 3;
        continue;
      }
      const match = nextOpening(piece.html, at);
      // The markup up to it is read by the browser as HTML: its tags' attributes.
      tagsIn(piece, at, match ? match.index : piece.html.length);
      if (!match) break;
      const line = piece.line + countBreaks(piece.html, match.index);
      // The same characters earlier on its line are in attribute values, not this one.
      const lineBefore = piece.html.slice(piece.html.lastIndexOf("\n", match.index - 1) + 1, match.index).toLowerCase();
      const locateIt = (needle: string) => locate(piece, line, needle, lineBefore.split(needle.toLowerCase()).length - 1);
      if (match.name === undefined) {
        const column = locateIt("<!--");
        // `<!-->` and `<!--->` are whole (empty) comments to a browser.
        const rest = piece.html.slice(match.index, match.index + 6);
        const whole = rest.startsWith("<!-->") ? 5 : rest === "<!--->" ? 6 : 0;
        if (whole) {
          at = match.index + whole;
          continue;
        }
        comment = { line, column };
        at = match.index + 4;
        continue;
      }
      const name = match.name;
      if (name === "script") {
        const column = locateIt(match.text.slice(0, 7));
        const src = [...attributesOf(match.text)].find((a) => a.name === "src")?.value.trim();
        problems.push({ severity: "warning", file, line: bodyLine + line, ...(column ? { column } : {}), field: "", ...scriptProblem(src) });
      } else if (name === "style") {
        const column = locateIt(match.text.slice(0, 6));
        problems.push({ severity: "error", file, line: bodyLine + line, ...(column ? { column } : {}), field: "", ...styleElementProblem(isPostFile(file)) });
      }
      // A script's, style's or textarea's text is not HTML: a `<!--` in it opens no comment.
      const close = piece.html.toLowerCase().indexOf(`</${name}`, match.index + match.text.length);
      at = close === -1 ? piece.html.length : close;
    }
  }
  problems.push(...markdownInHtml(body, file, bodyLine));
  if (comment) {
    problems.push({
      severity: "error",
      file,
      line: bodyLine + comment.line,
      ...(comment.column ? { column: comment.column } : {}),
      field: "",
      message: `this HTML comment <!-- is never closed: everything after it would be hidden from readers (${isPostFile(file) ? "the rest of the text, the topics, the references" : "the rest of the text"} and the page's footer)`,
      fix: "add --> where the hidden part ends, e.g. <!-- a note to yourself -->; to show <!-- as text, write it in backticks: `<!--`",
    });
  }
  return problems;
}

/** What is wrong with a `<!--` that markdown shows as text. */
function textCommentProblem(written: string): { message: string; fix: string } {
  return {
    message: `this HTML comment <!-- is not closed with --> in its paragraph, so markdown shows it as text: readers see "${written}" on the page`,
    fix: `end it with --> in the same paragraph, e.g. ${written} -->; to hide whole paragraphs, put the <!-- at the start of a line of its own; to show <!-- as text, write it in backticks: \`<!--\``,
  };
}

/** What is wrong with a <script> in a body whose src is `src` (undefined for one written inline). */
function scriptProblem(src: string | undefined): { message: string; fix: string } {
  const host = otherSite(src);
  const fix =
    "remove the <script …></script> and keep the embed's <blockquote>, which shows as a quote; or replace the embed with a link to the post, e.g. [our announcement](https://…)";
  if (host) {
    return {
      message: `the <script> from ${host} does not run: the published site's security policy (Content-Security-Policy) blocks scripts from other sites, and feed readers drop scripts, so what it would show never appears`,
      fix,
    };
  }
  return {
    message: "a <script> in a post runs only on its web page: feed readers drop scripts, so what it would show is missing from the feeds",
    fix: `${fix}; a script the whole site needs belongs in the layouts (ask the site's maintainer)`,
  };
}

/** What is wrong with a <style> element in a post (or another page, when not `post`). */
function styleElementProblem(post: boolean): { message: string; fix: string } {
  return {
    message: `a <style> in a ${post ? "post" : "page"} restyles the whole page, not just this text: its rules reach the site's header, menus and footer too (body{display:none} hides the page), on every host, and feed readers drop it`,
    fix: "remove the <style>…</style>; for emphasis use markdown (**bold**, _italics_); for a look the site does not have, ask the site's maintainer to add a class to the stylesheet",
  };
}

// A start tag, its attributes' quoted values possibly holding ">".
const START_TAG = /<([a-z][a-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/**
 * The attributes of the start tags in `html` (markup a browser reads as HTML) that run a
 * script or carry a style, each with its offset in `html` and its text as written.
 */
function attributeProblems(html: string): Array<{ index: number; written: string; severity: "error" | "warning"; message: string; fix: string }> {
  const out: Array<{ index: number; written: string; severity: "error" | "warning"; message: string; fix: string }> = [];
  if (!/\son|javascript|\sstyle/i.test(html)) return out;
  for (const tag of html.matchAll(START_TAG)) {
    const element = tag[1]!.toLowerCase();
    for (const a of attributesOf(tag[0])) {
      const written = tag[0].slice(a.at, a.at + a.length).split("\n")[0]!;
      const shown = written.length > 60 ? `${written.slice(0, 57)}…` : written;
      const index = tag.index + a.at;
      if (/^on[a-z]+$/.test(a.name)) {
        out.push({
          index, written, severity: "error",
          message: `the attribute ${shown} runs a script: on Netlify and Cloudflare Pages the published site's security policy blocks it, so it works in \`npm start\` but does nothing there; GitHub Pages runs it; feed readers drop it`,
          fix: `remove ${a.name}="…" from the <${element}>${element === "a" ? " (a link needs only its address, href=\"https://…\")" : ""}; a script the whole site needs belongs in the layouts (ask the site's maintainer)`,
        });
      } else if (/^javascript:/i.test(decodedAddress(a.value))) {
        const value = a.value.trim();
        out.push({
          index: tag.index + a.valueAt, written: a.value.split("\n")[0]!, severity: "error",
          message: `the address ${value.length > 40 ? `${value.slice(0, 37)}…` : value} of ${a.name}= runs a script instead of leading to a page: the published site's security policy (on Netlify and Cloudflare Pages) blocks it, GitHub Pages runs it, and feed readers remove it`,
          fix: `write the address of the page to open instead, e.g. ${a.name}="https://…", or remove the <${element}>`,
        });
      } else if (a.name === "style") {
        out.push({
          index, written, severity: "warning",
          message: `the attribute ${shown} makes the published site's security policy (on Netlify and Cloudflare Pages) allow inline styles on every page, not just this one, and many feed readers drop it (their readers see the text without it)`,
          fix: `remove style="…" from the <${element}>; for emphasis use markdown (**bold**, _italics_); for colours or layout ask the site's maintainer for a class in the stylesheet`,
        });
      }
    }
  }
  return out;
}

/** An attribute's address as a browser reads it: character references decoded, tabs and line breaks dropped. */
function decodedAddress(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;|&newline;/gi, "")
    .replace(/[\t\n\r]/g, "")
    .trimStart();
}

// What markdown would make of text, were it not in an HTML block: strong, emphasis, links.
const MARKDOWN_SYNTAX: ReadonlyArray<{ pattern: RegExp; html: (m: RegExpExecArray) => string }> = [
  { pattern: /\*\*(?=\S)([^*\n]*?\S)\*\*/, html: (m) => `<strong>${m[1]}</strong>` },
  { pattern: /(?<![\p{L}\p{N}_])__(?=\S)([^_\n]*?\S)__(?![\p{L}\p{N}_])/u, html: (m) => `<strong>${m[1]}</strong>` },
  { pattern: /(?<![*\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?!\*)/, html: (m) => `<em>${m[1]}</em>` },
  { pattern: /(?<![\p{L}\p{N}_\\])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\p{L}\p{N}_])/u, html: (m) => `<em>${m[1]}</em>` },
  { pattern: /(?<!\\)\[([^[\]\n]+)\]\(([^()\s]+)\)/, html: (m) => `<a href="${m[2]}">${m[1]}</a>` },
];

// What in an HTML block is no text a reader could take for markdown: a comment; a <pre>, <code>,
// <script>, <style> or <textarea> with its content; a tag, its quoted values holding any ">" or
// "<!--"; a tag whose quote is never closed. One pattern, so whatever starts first wins.
const NOT_TEXT = /<!--[\s\S]*?(?:-->|$)|<(pre|code|script|style|textarea)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?(?:<\/\1\s*>|$)|<\/?[a-z](?:[^>"']|"[^"]*"|'[^']*')*>|<\/?[a-z][^>]*>/gi;

/**
 * Markdown written inside an HTML block (`<td>**bold**</td>` in a pasted <table>), which
 * markdown shows as typed: a warning at its line, one for each block, with the HTML to write.
 * Not in <pre>, <code>, <script>, <style>, <textarea> or comments, nor in attributes.
 */
function markdownInHtml(body: string, file: string, bodyLine: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = body.split("\n");
  for (const token of parseBody(body)) {
    if (token.type !== "html_block" || !/[*_]|\]\(/.test(token.content)) continue;
    // Everything but the text a reader sees, blanked with its line breaks kept.
    const blank = (text: string) => text.replace(/[^\n]/g, " ");
    // In one pass, so that a `<!--` in a tag's attribute value is part of the tag, not a comment.
    const text = token.content.replace(NOT_TEXT, blank);
    const found = text.split("\n").flatMap((lineText, offset) => {
      for (const { pattern, html } of MARKDOWN_SYNTAX) {
        const m = pattern.exec(lineText);
        if (m) return [{ offset, written: m[0], html: html(m) }];
      }
      return [];
    });
    const first = found[0];
    if (!first) continue;
    const line = (token.map?.[0] ?? 0) + first.offset;
    const at = (lines[line] ?? "").indexOf(first.written);
    const table = /<t[dhr]\b/i.test(token.content);
    const more = found.length > 1 ? ` (and on ${found.length - 1} more ${found.length === 2 ? "line" : "lines"} of this block)` : "";
    out.push({
      severity: "warning", file, line: bodyLine + line, ...(at >= 0 ? { column: at + 1 } : {}), field: "",
      message: `markdown inside an HTML block is shown as typed: ${first.written} appears with its ${first.written.startsWith("[") ? "brackets" : first.written.startsWith("_") ? "underscores" : "asterisks"}${more}`,
      fix: table
        ? `write the table in markdown (| a | b |), or use HTML inside the HTML: ${first.html}`
        : `use HTML inside the HTML: ${first.html}; or leave a blank line before and after the markdown, which is then read as markdown`,
    });
  }
  return out;
}

/** The host of an address on another site (https://…, //…), or undefined. */
function otherSite(src: string | undefined): string | undefined {
  if (!src || !/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src)) return undefined;
  try {
    return new URL(src, "https://this-site.invalid/").host;
  } catch {
    return src;
  }
}

/** The raw HTML of the body in order, blocks and inline tags alike, and the comments in markdown text shown as text. */
function rawPieces(body: string): Array<RawPiece | TextComment> {
  const pieces: Array<RawPiece | TextComment> = [];
  const lines = body.split("\n");
  // A table cell's text has no lines of its own: its row's.
  let map: [number, number] | undefined;
  for (const token of parseBody(body)) {
    if (token.map) map = token.map;
    const [first = 0, end = first + 1] = token.map ?? (token.type === "inline" ? map : undefined) ?? [];
    if (token.type === "html_block") pieces.push({ html: token.content, line: first, lastLine: end - 1, inline: false });
    else if (token.type === "inline") {
      let offset = 0;
      for (const child of token.children ?? []) {
        if (child.type === "softbreak" || child.type === "hardbreak") offset++;
        else if (child.type === "image") offset += child.children?.filter((c) => c.type === "softbreak" || c.type === "hardbreak").length ?? 0;
        else if (child.type === "html_inline") {
          pieces.push({ html: child.content, line: first + offset, lastLine: end - 1, inline: true });
          offset += countBreaks(child.content, child.content.length);
        }
      }
      // After the text's raw HTML: none of it can close a comment that is shown as text.
      if (token.content.includes("<!--")) {
        const contentLines = token.content.split("\n");
        for (const index of textCommentOffsets(token.content)) {
          const before = token.content.slice(0, index);
          const lineInText = countBreaks(before, index);
          const contentLine = contentLines[lineInText]!;
          const inLine = index - (before.lastIndexOf("\n") + 1);
          // The text's line is its source line without the markers and indentation before it.
          const start = (lines[first + lineInText] ?? "").indexOf(contentLine);
          const rest = contentLine.slice(inLine).trimEnd();
          pieces.push({ line: first + lineInText, column: start === -1 ? undefined : start + inLine + 1, written: rest.length > 40 ? `${rest.slice(0, 39).trimEnd()}…` : rest });
        }
      }
    }
  }
  return pieces;
}

// markdown-it's HTML comment in text (lib/common/html_re.mjs), and any other tag, whose attributes may hold a "<!--".
const INLINE_COMMENT = /<!---?>|<!--(?:[^-]|-[^-]|--[^>])*-->/y;
const INLINE_TAG = /<\/?[a-z][a-z0-9-]*\b(?:[^>"']|"[^"]*"|'[^']*')*>/iy;

/**
 * Where in a paragraph's markdown (`content` of its inline token) a `<!--` is shown as text:
 * markdown-it reads a comment in text only when its `-->` is in the same paragraph. Not
 * one escaped (`\<!--`) or in a code span (`` `<!--` ``), which the writer means to show.
 */
function textCommentOffsets(content: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < content.length; ) {
    const ch = content[i];
    if (ch === "\\") {
      i += 2;
    } else if (ch === "`") {
      // A code span runs to the next run of as many backticks; without one, the backticks are text.
      const run = /^`+/.exec(content.slice(i))![0];
      const close = new RegExp(`(?<!\`)${run}(?!\`)`, "g");
      close.lastIndex = i + run.length;
      const end = close.exec(content);
      i = end ? end.index + run.length : i + run.length;
    } else if (ch === "<") {
      INLINE_COMMENT.lastIndex = INLINE_TAG.lastIndex = i;
      const html = INLINE_COMMENT.exec(content) ?? INLINE_TAG.exec(content);
      if (html) {
        i += html[0].length;
      } else {
        if (content.startsWith("<!--", i)) found.push(i);
        i++;
      }
    } else {
      i++;
    }
  }
  return found;
}

/**
 * The 1-based column of each `needle` found in raw HTML, on its body line or a later one of
 * its block: the first not yet given out on that line, outside code spans in markdown text,
 * and after the `skip` ones before it on its own line (in attribute values, never given out).
 */
function locator(body: string): (piece: RawPiece, line: number, needle: string, skip?: number) => number | undefined {
  const lines = body.split("\n");
  const used = new Map<string, number>();
  return (piece, line, needle, skip = 0) => {
    for (let l = line; l <= Math.max(line, piece.lastLine); l++) {
      let text = (lines[l] ?? "").toLowerCase();
      if (piece.inline) text = text.replace(/(`+)[^`][^\n]*?\1/g, (code) => " ".repeat(code.length));
      const key = `${l}\u0000${needle}`;
      let from = used.get(key) ?? 0;
      if (l === line) {
        for (let i = 0, at = -needle.length; i < skip; i++) {
          at = text.indexOf(needle.toLowerCase(), at + needle.length);
          if (at === -1) break;
          from = Math.max(from, at + needle.length);
        }
      }
      const at = text.indexOf(needle.toLowerCase(), from);
      if (at === -1) continue;
      used.set(key, at + needle.length);
      return at + 1;
    }
    return undefined;
  };
}

function countBreaks(text: string, before: number): number {
  let breaks = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < before; i = text.indexOf("\n", i + 1)) breaks++;
  return breaks;
}
