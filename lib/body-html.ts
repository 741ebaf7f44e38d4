// Raw HTML in a body that silently does something else than the writer meant:
// - an HTML comment never closed (`<!-- TODO …` without `-->`) hides everything after it
//   from readers, the rest of the body and the page around it (topics, references,
//   footer), since the browser reads on to the next `-->`: an error at the `<!--`;
// - a <script> (pasted with an embedded post) does not run where readers see the post: the
//   published site's Content-Security-Policy (lib/security-headers.ts) allows no script
//   from another site, and feed readers drop scripts: a warning, since the embed's
//   <blockquote> still shows and a host without the policy (GitHub Pages) does run it.
// Read through markdown-it's tokens, so HTML shown as code is never reported, and across
// its pieces of raw HTML in order, as a browser reads them: a comment opened in one
// HTML block is closed only by a `-->` that reaches the page as HTML, not by one in a
// paragraph, which markdown shows as text.
import { isPostFile } from "./content-paths.ts";
import type { Diagnostic } from "./diagnostics.ts";
import { attributesOf } from "./local-paths.ts";
import { parseBody } from "./markdown.ts";

/** A piece of the body's raw HTML, the 0-based body lines it may start on, and whether it sits in markdown text. */
interface RawPiece {
  html: string;
  line: number;
  /** The last body line of its block: a code span's line break is not in the tokens, so a tag may be further down. */
  lastLine: number;
  inline: boolean;
}

// What starts something to read on from: a comment, a script, or an element whose text is not HTML.
const OPENING = /<!--|<(script|style)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/**
 * Every unclosed HTML comment and every <script> in `body`, at its file line and column.
 * `bodyLine` is the file line the body starts on (1-based).
 */
export function bodyHtmlProblems(body: string, file: string, bodyLine: number): Diagnostic[] {
  // Most bodies have neither; skip the parse for them.
  if (!body.includes("<!--") && !/<script\b/i.test(body)) return [];
  const problems: Diagnostic[] = [];
  const locate = locator(body);
  const pieces = rawPieces(body);
  // An open comment: where its `<!--` is, until a `-->` in raw HTML closes it.
  let comment: { line: number; column: number | undefined } | undefined;
  for (const piece of pieces) {
    let at = 0;
    while (at < piece.html.length) {
      if (comment) {
        const end = piece.html.indexOf("-->", at);
        if (end === -1) break;
        comment = undefined;
        at = end + 3;
        continue;
      }
      OPENING.lastIndex = at;
      const match = OPENING.exec(piece.html);
      if (!match) break;
      const line = piece.line + countBreaks(piece.html, match.index);
      if (match[0] === "<!--") {
        const column = locate(piece, line, "<!--");
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
      const name = match[1]!.toLowerCase();
      if (name === "script") {
        const column = locate(piece, line, match[0].slice(0, 7));
        const src = [...attributesOf(match[0])].find((a) => a.name === "src")?.value.trim();
        problems.push({ severity: "warning", file, line: bodyLine + line, ...(column ? { column } : {}), field: "", ...scriptProblem(src) });
      }
      // A script's or style's text is not HTML: a `<!--` in it opens no comment.
      const close = piece.html.toLowerCase().indexOf(`</${name}`, match.index + match[0].length);
      at = close === -1 ? piece.html.length : close;
    }
  }
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

/** The host of an address on another site (https://…, //…), or undefined. */
function otherSite(src: string | undefined): string | undefined {
  if (!src || !/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src)) return undefined;
  try {
    return new URL(src, "https://this-site.invalid/").host;
  } catch {
    return src;
  }
}

/** The raw HTML of the body in order, blocks and inline tags alike. */
function rawPieces(body: string): RawPiece[] {
  const pieces: RawPiece[] = [];
  for (const token of parseBody(body)) {
    const [first = 0, end = first + 1] = token.map ?? [];
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
    }
  }
  return pieces;
}

/**
 * The 1-based column of each `needle` found in raw HTML, on its body line or a later one of
 * its block: the first not yet given out on that line, outside code spans in markdown text.
 */
function locator(body: string): (piece: RawPiece, line: number, needle: string) => number | undefined {
  const lines = body.split("\n");
  const used = new Map<string, number>();
  return (piece, line, needle) => {
    for (let l = line; l <= Math.max(line, piece.lastLine); l++) {
      let text = (lines[l] ?? "").toLowerCase();
      if (piece.inline) text = text.replace(/(`+)[^`][^\n]*?\1/g, (code) => " ".repeat(code.length));
      const key = `${l}\u0000${needle}`;
      const at = text.indexOf(needle.toLowerCase(), used.get(key) ?? 0);
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
