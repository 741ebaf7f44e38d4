// What a body's tables are called, for the scroll regions lib/markdown.ts puts them in: a
// markdown table by its header row, a table written as HTML (found here in the body's HTML
// blocks) by its caption or header row, and one with neither "Table N" in the site's language.
import MarkdownIt from "markdown-it";
import { localeTableTerm } from "./csl-locale-terms.ts";
import { htmlTagAt, TEXT_ONLY_ELEMENTS, type HtmlTag } from "./html-tags.ts";

type Tokens = ReturnType<MarkdownIt["parse"]>;

/**
 * A short name for the markdown table opening at `idx`: its header row's words ("Country, Participants,
 * Median age…"), in the post's language as they are; undefined when its header row is empty.
 */
export function markdownTableName(tokens: Tokens, idx: number): string | undefined {
  const cells: string[] = [];
  for (let i = idx + 1; i < tokens.length && tokens[i]!.type !== "tr_close"; i++) {
    const token = tokens[i]!;
    if (token.type === "inline") cells.push(plainText(token.children ?? []));
  }
  return shortName(cells);
}

/** A region's name from the words of its cells (or caption): at most about 48 characters, or undefined when all are empty. */
function shortName(cells: readonly string[]): string | undefined {
  const words = cells.map((c) => c.replace(/\s+/g, " ").trim()).filter(Boolean);
  if (!words.length) return undefined;
  const MAX = 48;
  let name = words[0]!;
  if (name.length > MAX) return `${name.slice(0, MAX).replace(/\s+\S*$/, "")}…`;
  for (const word of words.slice(1)) {
    if (name.length + 2 + word.length > MAX) return `${name}…`;
    name += `, ${word}`;
  }
  return name;
}

/** A table written as HTML: where its start tag and the end of its end tag are, in which html_block tokens. */
export interface RawTable {
  open: { token: number; at: number };
  close: { token: number; at: number };
  /** From its caption or header row; undefined when it has neither (or they are empty). */
  name: string | undefined;
  /** Whether its start tag says its language. */
  hasLang: boolean;
}

/**
 * The tables written as HTML in the body's HTML blocks that get a region: the outermost
 * ones (a table in a table scrolls in the outer one's region), across blocks split by blank
 * lines. Left as written: one never closed, or closed outside the quote or list item it opened
 * in (a region could not be closed around it), and one
 * already in a box a keyboard reaches (its start tag right after one with tabindex or
 * class="table-scroll", as in a region copied from a built page). Tables in a paragraph's
 * inline HTML are not read: a browser ends the paragraph at a <table>, markdown does not.
 */
export function rawTables(tokens: Tokens): RawTable[] {
  const found: RawTable[] = [];
  let open: (Omit<RawTable, "close" | "name"> & { inRegion: boolean }) | undefined;
  let depth = 0;
  // A comment opened in one block ends at a `-->` in a later one.
  let comment = false;
  // The last tag read, when only white space and comments follow it.
  let previous: HtmlTag | undefined;
  tokens.forEach((token, t) => {
    if (token.type !== "html_block") {
      previous = undefined;
      return;
    }
    const html = token.content;
    let i = 0;
    while (i < html.length) {
      if (comment) {
        const end = html.indexOf("-->", i);
        if (end === -1) break;
        comment = false;
        i = end + 3;
        continue;
      }
      const lt = html.indexOf("<", i);
      if (lt === -1) break;
      if (html.slice(i, lt).trim()) previous = undefined;
      if (html.startsWith("<!--", lt)) {
        // `<!-->` and `<!--->` are whole (empty) comments to a browser.
        i = html.startsWith("<!-->", lt) ? lt + 5 : html.startsWith("<!--->", lt) ? lt + 6 : ((comment = true), lt + 4);
        continue;
      }
      const tag = htmlTagAt(html, lt);
      if (!tag) {
        previous = undefined;
        i = lt + 1;
        continue;
      }
      i = lt + tag.length;
      if (!tag.end && TEXT_ONLY_ELEMENTS.has(tag.name)) {
        const close = html.toLowerCase().indexOf(`</${tag.name}`, i);
        i = close === -1 ? html.length : close;
        previous = undefined;
        continue;
      }
      if (tag.name === "table" && !tag.end) {
        if (depth === 0) {
          const focusable = previous !== undefined && !previous.end && previous.attributes.some((a) => a.name === "tabindex" || (a.name === "class" && /(?:^|\s)table-scroll(?:\s|$)/.test(a.value)));
          open = { open: { token: t, at: lt }, hasLang: tag.attributes.some((a) => a.name === "lang"), inRegion: focusable };
        }
        depth++;
      } else if (tag.name === "table" && depth > 0) {
        depth--;
        const from = open?.open;
        // Opened and closed in one container: a region opened in a quote or list item and closed after it would not hold the table.
        const oneContainer = from !== undefined && tokens.slice(from.token, t + 1).every((b) => b.level >= tokens[from.token]!.level);
        if (depth === 0 && open && from && !open.inRegion && oneContainer) {
          const parts = tokens.slice(from.token, t + 1).map((b, k) => {
            if (b.type !== "html_block") return "";
            const text = k === t - from.token ? b.content.slice(0, i) : b.content;
            return k === 0 ? text.slice(from.at) : text;
          });
          found.push({ open: from, close: { token: t, at: i }, name: rawTableName(parts.join("\n")), hasLang: open.hasLang });
        }
        if (depth === 0) open = undefined;
      }
      previous = tag;
    }
  });
  return found;
}

/**
 * A short name for a table written as HTML (`html` from its `<table` to its `</table>`): its
 * <caption>'s words, else its header row's (the first row of its <thead>, or a first row of
 * <th> cells only); undefined when it has neither. A table in it is not read.
 */
function rawTableName(html: string): string | undefined {
  let depth = 0;
  let inHead = false;
  let row = false;
  let caption: string | undefined;
  const cells: Array<{ text: string; header: boolean }> = [];
  // Where text goes: the caption, the row's last cell, or nowhere.
  let into: "caption" | "cell" | undefined;
  const headerRow = () => (cells.length && (inHead || cells.every((c) => c.header)) ? shortName(cells.map((c) => decodedText(c.text))) : undefined);
  let text = 0;
  const add = (words: string) => {
    if (depth !== 1) return;
    if (into === "caption") caption += words;
    else if (into === "cell") cells[cells.length - 1]!.text += words;
  };
  const take = (to: number) => add(html.slice(text, to));
  for (let i = html.indexOf("<"); i !== -1; i = html.indexOf("<", i)) {
    take(i);
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 2);
      i = text = end === -1 ? html.length : end + 3;
      continue;
    }
    const tag = htmlTagAt(html, i);
    if (!tag) {
      // A "<" that starts no tag is text.
      text = i;
      i++;
      continue;
    }
    i = text = i + tag.length;
    if (!tag.end && TEXT_ONLY_ELEMENTS.has(tag.name)) {
      const close = html.toLowerCase().indexOf(`</${tag.name}`, i);
      i = text = close === -1 ? html.length : close;
      continue;
    }
    if (tag.name === "table") {
      depth += tag.end ? -1 : 1;
      if (depth <= 0) break;
      continue;
    }
    if (depth !== 1) continue;
    if (tag.name === "br") add(" ");
    else if (tag.name === "caption") {
      if (tag.end) {
        into = undefined;
        const name = caption === undefined ? undefined : shortName([decodedText(caption)]);
        if (name) return name;
      } else if (!row) {
        into = "caption";
        caption = "";
      }
    } else if (tag.name === "tr" || tag.name === "thead" || tag.name === "tbody" || tag.name === "tfoot") {
      // The first row ends at its </tr>, at the next row, or where its group ends.
      if (row) return headerRow();
      if (tag.name === "tr" && !tag.end) row = true;
      else if (tag.name !== "tr") inHead = tag.name === "thead" && !tag.end;
      into = undefined;
    } else if (tag.name === "th" || tag.name === "td") {
      if (tag.end) into = undefined;
      else {
        // A cell before any <tr> starts a row, as a browser reads it.
        row = true;
        cells.push({ text: "", header: tag.name === "th" });
        into = "cell";
      }
    }
  }
  return row ? headerRow() : undefined;
}

const UTILS = new MarkdownIt().utils;

/** The text a reader sees of HTML with its tags taken out: character references decoded. */
function decodedText(html: string): string {
  // unescapeAll also reads markdown's backslash escapes: a backslash in HTML is itself.
  return UTILS.unescapeAll(html.replace(/\\/g, "\\\\"));
}

/**
 * The name of the `number`th table, which has neither caption nor header words: "Table 3" in
 * the site's `language`, from the CSL locale's "table" term (fr-FR: "Tableau 3"; the site's
 * `citationLocale` first). With no such term, English, and `lang` "en" when the site is in
 * another language, for the region to say.
 */
export function numberedTableName(number: number, language: string | undefined, citationLocale: string | undefined): { name: string; lang: string | undefined } {
  if (!language || /^en(?:-|$)/i.test(language)) return { name: `Table ${number}`, lang: undefined };
  const term = localeTableTerm(language, citationLocale);
  return term ? { name: `${capitalised(term, language)} ${number}`, lang: undefined } : { name: `Table ${number}`, lang: "en" };
}

/** A term as a label: its first letter upper-case, as the language writes it ("tableau" → "Tableau"). */
function capitalised(term: string, language: string): string {
  const [first = "", ...rest] = term;
  let upper: string;
  try {
    upper = first.toLocaleUpperCase(language);
  } catch {
    upper = first.toUpperCase();
  }
  return upper + rest.join("");
}

/** The text of an inline token's children: its words and code, no markup. */
function plainText(children: Tokens): string {
  return children
    .map((t) => (t.type === "text" || t.type === "code_inline" || t.type === "text_special" ? t.content : t.type === "softbreak" || t.type === "hardbreak" ? " " : t.type === "image" ? plainText(t.children ?? []) : ""))
    .join("");
}
