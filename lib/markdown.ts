// The markdown-it instance every body is rendered with.
import MarkdownIt from "markdown-it";
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { BUILT_IN_LOCALES } from "./citation-styles.ts";
import { citationSyntax } from "./citation-syntax.ts";
import { headingIds } from "./heading-ids.ts";
import { linkTarget, resolveLocalPath, rewriteRawAddresses } from "./local-paths.ts";
import { localePunctuationInQuote } from "./notes-after-punctuation.ts";

export function createMarkdown(): MarkdownIt {
  // Raw HTML is the writer's own, as in Eleventy's default; typographer gives real quotes and dashes.
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
  // Pandoc's citations. A post's page data carries each cluster's formatted HTML
  // (lib/announcement.ts), in the same document order the parser numbers them.
  citationSyntax(md, {
    html: (env, index) => env?.announcement?.citations?.[index],
    punctuationInQuote: (env) => punctuationInQuote(env?.site?.citations?.locale ?? "en-US"),
  });
  // `## What we learned` gets id="what-we-learned", to link to.
  headingIds(md);
  // A post's own images, files and the posts it links to are named from its file (`meetup.png` next to it) but
  // shown on its page at /posts/<name>/: their addresses are made site-absolute (Eleventy adds the prefix).
  const local = (env: any, src: string) => {
    const file = sourceFile(env);
    if (file === undefined) return src;
    const where = resolveLocalPath(file, src);
    return where.kind === "local" ? where.url : src;
  };
  const linked = (env: any, href: string) => {
    const file = sourceFile(env);
    return (file !== undefined && linkTarget(file, href)?.url) || href;
  };
  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, opts, env, self) => {
    const token = tokens[idx]!;
    const src = token.attrGet("src");
    if (src !== null) token.attrSet("src", local(env, src));
    return image(tokens, idx, opts, env, self);
  };
  // linkify reads a bare file name such as `notes.md` as a web address in Moldova
  // (http://notes.md): a link found without its scheme whose host ends in .md is text again.
  md.core.ruler.after("linkify", "file_names_are_not_links", (state) => {
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children?.some((t) => t.markup === "linkify")) continue;
      const out: typeof block.children = [];
      for (let i = 0; i < block.children.length; i++) {
        const token = block.children[i]!;
        const text = block.children[i + 1];
        if (token.type === "link_open" && token.markup === "linkify" && text?.type === "text" && block.children[i + 2]?.type === "link_close" && /^[^:/]+\.md$/i.test(text.content)) {
          out.push(text);
          i += 2;
        } else out.push(token);
      }
      block.children = out;
    }
  });
  // A link to another post by its file leads to that post's page, one to a file to its copy.
  const linkOpen = md.renderer.rules.link_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
    const token = tokens[idx]!;
    const href = token.attrGet("href");
    if (href !== null && token.markup !== "linkify") token.attrSet("href", linked(env, href));
    // An address that is its own link text: the print stylesheet does not write it out again.
    if (token.markup === "linkify" || token.markup === "autolink") token.attrJoin("class", "bare-address");
    return linkOpen(tokens, idx, opts, env, self);
  };
  scrollableBlocks(md);
  for (const rule of ["html_inline", "html_block"] as const) {
    const render = md.renderer.rules[rule]!;
    md.renderer.rules[rule] = (tokens, idx, opts, env, self) =>
      rewriteRawAddresses(render(tokens, idx, opts, env, self), (src) => local(env, src), (href) => linked(env, href));
  }
  return md;
}

type Tokens = ReturnType<MarkdownIt["parse"]>;

/** Where a raw-HTML table's region opens or closes in an html_block token's content. */
interface RegionCut {
  at: number;
  html: string;
}

/**
 * A wide table or a long code line scrolls sideways in its own box, which a keyboard must be
 * able to reach to scroll it (WCAG 2.1.1; axe's scrollable-region-focusable): a table is put
 * in a named region that takes focus, a code block takes focus itself. A table pasted as
 * HTML gets the same region (else, display: block, it scrolls but no keyboard reaches it).
 * layouts/assets/site.css scrolls them.
 */
function scrollableBlocks(md: MarkdownIt): void {
  const rules = md.renderer.rules;
  const tableOpen = rules.table_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  const tableClose = rules.table_close ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  const region = (name: string, lang: string | undefined) =>
    `<section class="table-scroll" tabindex="0" aria-label="${md.utils.escapeHtml(name)}"${lang ? ` lang="${md.utils.escapeHtml(lang)}"` : ""}>`;
  // A region's name is unique on its page (as html-validate's unique-landmark asks): a second
  // table with the same header row is "Country, Participants (2)". Tables are numbered in
  // the text's order, markdown and HTML ones alike.
  md.core.ruler.push("table_names", (state) => {
    const tables: Array<{ token: number; at: number; name: string | undefined; setName: (name: string, lang: string | undefined) => void }> = [];
    state.tokens.forEach((token, i) => {
      if (token.type !== "table_open") return;
      tables.push({
        token: i, at: 0, name: tableName(state.tokens, i),
        setName: (name, lang) => {
          token.meta = { ...token.meta, regionName: name, regionLang: lang };
          // The table's own words are the page's, not the English of its region's name.
          if (lang) token.attrSet("lang", siteLanguage(state.env)!);
        },
      });
    });
    for (const raw of rawTables(state.tokens)) {
      tables.push({
        token: raw.open.token, at: raw.open.at, name: raw.name,
        setName: (name, lang) => {
          const open = state.tokens[raw.open.token]!;
          const close = state.tokens[raw.close.token]!;
          // The table's own words are the page's (unless it says its language), not the English of its region's name.
          const tableLang = lang && !raw.hasLang ? ` lang="${md.utils.escapeHtml(siteLanguage(state.env)!)}"` : "";
          const cuts = (t: typeof open, cut: RegionCut) => (t.meta = { ...t.meta, regionCuts: [...(t.meta?.regionCuts ?? []), cut] });
          cuts(open, { at: raw.open.at, html: `${region(name, lang)}\n` });
          if (tableLang) cuts(open, { at: raw.open.at + "<table".length, html: tableLang });
          cuts(close, { at: raw.close.at, html: "</section>\n" });
        },
      });
    }
    tables.sort((a, b) => a.token - b.token || a.at - b.at);
    const used = new Map<string, number>();
    tables.forEach((table, index) => {
      const fallback = table.name === undefined ? numberedTable(state.env, index + 1) : undefined;
      const name = table.name ?? fallback!.name;
      const count = (used.get(name) ?? 0) + 1;
      used.set(name, count);
      table.setName(count > 1 ? `${name} (${count})` : name, fallback?.lang);
    });
  });
  rules.table_open = (tokens, idx, opts, env, self) =>
    `${region(tokens[idx]!.meta?.regionName ?? "Table", tokens[idx]!.meta?.regionLang)}\n${tableOpen(tokens, idx, opts, env, self)}`;
  rules.table_close = (tokens, idx, opts, env, self) => `${tableClose(tokens, idx, opts, env, self)}</section>\n`;
  const htmlBlock = rules.html_block!;
  rules.html_block = (tokens, idx, opts, env, self) => {
    const html = htmlBlock(tokens, idx, opts, env, self);
    const cuts: RegionCut[] = tokens[idx]!.meta?.regionCuts ?? [];
    // From the end, so that each cut's offset still holds; the block's own text is unchanged.
    return [...cuts].sort((a, b) => b.at - a.at).reduce((out, cut) => `${out.slice(0, cut.at)}${cut.html}${out.slice(cut.at)}`, html);
  };
  for (const rule of ["fence", "code_block"] as const) {
    const render = rules[rule]!;
    rules[rule] = (tokens, idx, opts, env, self) => render(tokens, idx, opts, env, self).replace(/^<pre(?=[\s>])/, '<pre tabindex="0"');
  }
}

/**
 * A short name for the table opening at `idx`: its header row's words ("Country, Participants,
 * Median age…"), in the post's language as they are; undefined when its header row is empty.
 */
function tableName(tokens: Tokens, idx: number): string | undefined {
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
interface RawTable {
  open: { token: number; at: number };
  close: { token: number; at: number };
  /** From its caption or header row; undefined when it has neither (or they are empty). */
  name: string | undefined;
  /** Whether its start tag says its language. */
  hasLang: boolean;
}

// Elements whose content is text, not HTML, to a browser: a `<!--` or `<table>` in them is text.
export const TEXT_ONLY_ELEMENTS: ReadonlySet<string> = new Set(["script", "style", "textarea", "xmp", "iframe", "noembed", "noframes"]);

/**
 * The tables written as HTML in the body's HTML blocks that get a region: the outermost
 * ones (a table in a table scrolls in the outer one's region), across blocks split by blank
 * lines. Left as written: one never closed, or closed outside the quote or list item it opened
 * in (a region could not be closed around it), and one
 * already in a box a keyboard reaches (its start tag right after one with tabindex or
 * class="table-scroll", as in a region copied from a built page). Tables in a paragraph's
 * inline HTML are not read: a browser ends the paragraph at a <table>, markdown does not.
 */
function rawTables(tokens: Tokens): RawTable[] {
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

/** A start or end tag as a browser's HTML tokenizer reads it. */
export interface HtmlTag {
  /** Lower-case. */
  name: string;
  end: boolean;
  /** From its "<" to its ">". */
  length: number;
  /** Names lower-case, values as written (character references not decoded). */
  attributes: Array<{ name: string; value: string }>;
}

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\f" || c === "\r";
const TAG_OPEN = /<(\/?)([a-zA-Z][^\t\n\f\r />]*)/y;

/**
 * The start or end tag at `html[at]`, read as a browser's tokenizer reads one (HTML's
 * tag-open to attribute-value states): a quoted value holds anything to its closing quote,
 * ">" and "<!--" too, and an unquoted one anything to white space or ">". Undefined when no
 * tag starts there, or when it does not end in `html` (its value's quote is not closed).
 */
export function htmlTagAt(html: string, at: number): HtmlTag | undefined {
  TAG_OPEN.lastIndex = at;
  const head = TAG_OPEN.exec(html);
  if (!head) return undefined;
  const tag: HtmlTag = { name: head[2]!.toLowerCase(), end: head[1] === "/", length: 0, attributes: [] };
  const n = html.length;
  let i = at + head[0].length;
  while (i < n) {
    const c = html[i]!;
    // Before an attribute's name: a "/" not before ">" is passed over.
    if (isSpace(c) || c === "/") {
      i++;
      continue;
    }
    if (c === ">") {
      tag.length = i + 1 - at;
      return tag;
    }
    // Its name: the first character may be anything, "=" too.
    const nameStart = i++;
    while (i < n && !isSpace(html[i]) && html[i] !== "/" && html[i] !== ">" && html[i] !== "=") i++;
    const name = html.slice(nameStart, i).toLowerCase();
    while (isSpace(html[i])) i++;
    if (html[i] !== "=") {
      tag.attributes.push({ name, value: "" });
      continue;
    }
    i++;
    while (isSpace(html[i])) i++;
    const quote = html[i];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      if (close === -1) return undefined;
      tag.attributes.push({ name, value: html.slice(i + 1, close) });
      i = close + 1;
    } else {
      const start = i;
      while (i < n && !isSpace(html[i]) && html[i] !== ">") i++;
      tag.attributes.push({ name, value: html.slice(start, i) });
    }
  }
  return undefined;
}

/**
 * The name of the `number`th table, which has neither caption nor header words: "Table 3" in
 * the site's language, from the CSL locale's "table" term (fr-FR: "Tableau 3"). With no such
 * term, English, and `lang` "en" when the site is in another language, for the region to say.
 */
function numberedTable(env: any, number: number): { name: string; lang: string | undefined } {
  const language = siteLanguage(env);
  if (!language || /^en(?:-|$)/i.test(language)) return { name: `Table ${number}`, lang: undefined };
  const term = localeTableTerm(language, typeof env?.site?.citations?.locale === "string" ? env.site.citations.locale : undefined);
  return term ? { name: `${capitalised(term, language)} ${number}`, lang: undefined } : { name: `Table ${number}`, lang: "en" };
}

/** The site's language (settings `language:`) in a page's render env; undefined outside a site. */
function siteLanguage(env: any): string | undefined {
  return typeof env?.site?.language === "string" && env.site.language ? env.site.language : undefined;
}

/**
 * The "table" term of a CSL locale in `language`: of the site's citation locale
 * (`citationLocale`, a name or a file) or of one citation-js has built in, the exact tag
 * first (de-AT), then the language's (de-DE). Not a term the locale left in English, as
 * locales do with the words nobody translated yet (citation-js's de-DE says "table").
 */
function localeTableTerm(language: string, citationLocale: string | undefined): string | undefined {
  const tag = (name: string) => name.replace("_", "-").toLowerCase();
  const primary = (name: string) => tag(name).split("-")[0]!;
  const names = [...new Set([...(citationLocale ? [citationLocaleName(citationLocale)] : []), ...BUILT_IN_LOCALES])];
  const english = tableTerm(cslLocale("en-US"))?.toLowerCase();
  const candidates = [...names.filter((n) => tag(n) === tag(language)), ...names.filter((n) => primary(n) === primary(language))];
  for (const name of candidates) {
    const term = tableTerm(cslLocale(name));
    if (term && term.toLowerCase() !== english) return term;
  }
  return undefined;
}

// Keyed by the locale's XML, so an edited locale file is read again.
const tableTerms = new Map<string, string | undefined>();

/** The long singular "table" term of a CSL locale's XML. */
function tableTerm(xml: string | undefined): string | undefined {
  if (xml === undefined) return undefined;
  if (tableTerms.has(xml)) return tableTerms.get(xml);
  let found: string | undefined;
  for (const m of xml.replace(/<!--[\s\S]*?-->/g, "").matchAll(/<term\b([^>]*?)(?:\/>|>([\s\S]*?)<\/term>)/g)) {
    const attribute = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(m[1]!)?.slice(1).find((v) => v !== undefined);
    if (attribute("name") !== "table" || (attribute("form") ?? "long") !== "long") continue;
    const body = m[2] ?? "";
    const single = /<single\b[^>]*>([\s\S]*?)<\/single>/.exec(body)?.[1] ?? body;
    const text = decodedXml(single.replace(/<[^>]*>/g, "")).replace(/\s+/gu, " ").trim();
    if (text) {
      found = text;
      break;
    }
  }
  tableTerms.set(xml, found);
  return found;
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decodedXml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (whole, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (XML_ENTITIES[name] ?? whole));
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

/** The name citation-js holds a citation locale under: a file (locales/locales-it-IT.xml) is registered under its language. */
function citationLocaleName(locale: string): string {
  return /([a-z]{2,3}-[A-Z]{2})(?:\.xml)?$/.exec(locale)?.[1] ?? locale;
}

/** The XML of the CSL locale citation-js holds under `name`, if any. */
function cslLocale(name: string): string | undefined {
  const xml: unknown = plugins.config.get("@csl").locales.get(name);
  return typeof xml === "string" ? xml : undefined;
}

/** The text of an inline token's children: its words and code, no markup. */
function plainText(children: Tokens): string {
  return children
    .map((t) => (t.type === "text" || t.type === "code_inline" || t.type === "text_special" ? t.content : t.type === "softbreak" || t.type === "hardbreak" ? " " : t.type === "image" ? plainText(t.children ?? []) : ""))
    .join("");
}

let checking: { md: MarkdownIt; body: string; tokens: ReturnType<MarkdownIt["parse"]> } | undefined;

/**
 * A post body's markdown-it tokens, for the checks of its images and links
 * (lib/body-images.ts, lib/body-links.ts): each asks for the same body in turn, so
 * the last one parsed is kept. Not for rendering: the tokens are shared.
 */
export function parseBody(body: string): ReturnType<MarkdownIt["parse"]> {
  if (checking?.body !== body) {
    const md = checking?.md ?? createMarkdown();
    checking = { md, body, tokens: md.parse(body, {}) };
  }
  return checking.tokens;
}

/**
 * The markdown file being rendered, from the project root: the post's, or another page's
 * (`./content/about.md` in Eleventy's page data); undefined outside a site's page.
 */
function sourceFile(env: any): string | undefined {
  const file: unknown = env?.post?.file ?? env?.page?.inputPath;
  if (typeof file !== "string" || !/^(?:\.\/)?content\//.test(file)) return undefined;
  return file.replace(/^\.\//, "");
}

// Keyed by the locale's XML, so an edited locale file is read again.
const inQuote = new Map<string, boolean>();

/**
 * Whether the site's citation locale (a name such as en-US, or a locale file, which
 * lib/citation-styles.ts registers under its language) puts punctuation inside quotes.
 * A style's own <locale> options are not read: no style in the repo sets this one.
 */
function punctuationInQuote(locale: string): boolean {
  // A file from the CSL locales repository is named after its language: locales-en-GB.xml.
  const xml = cslLocale(citationLocaleName(locale));
  if (xml === undefined) return false;
  let known = inQuote.get(xml);
  if (known === undefined) inQuote.set(xml, (known = localePunctuationInQuote(xml)));
  return known;
}
