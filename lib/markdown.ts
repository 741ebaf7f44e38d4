// The markdown-it instance every body is rendered with.
import MarkdownIt from "markdown-it";
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
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

/**
 * A wide table or a long code line scrolls sideways in its own box, which a keyboard must be
 * able to reach to scroll it (WCAG 2.1.1; axe's scrollable-region-focusable): a table is put
 * in a named region that takes focus, a code block takes focus itself.
 * layouts/assets/site.css scrolls them.
 */
function scrollableBlocks(md: MarkdownIt): void {
  const rules = md.renderer.rules;
  const tableOpen = rules.table_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  const tableClose = rules.table_close ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  // A region's name is unique on its page (as html-validate's unique-landmark asks): a second
  // table with the same header row is "Country, Participants (2)".
  md.core.ruler.push("table_names", (state) => {
    const used = new Map<string, number>();
    let number = 0;
    state.tokens.forEach((token, i) => {
      if (token.type !== "table_open") return;
      number++;
      const name = tableName(state.tokens, i) ?? `Table ${number}`;
      const count = (used.get(name) ?? 0) + 1;
      used.set(name, count);
      token.meta = { ...token.meta, regionName: count > 1 ? `${name} (${count})` : name };
    });
  });
  rules.table_open = (tokens, idx, opts, env, self) =>
    `<section class="table-scroll" tabindex="0" aria-label="${md.utils.escapeHtml(tokens[idx]!.meta?.regionName ?? "Table")}">\n${tableOpen(tokens, idx, opts, env, self)}`;
  rules.table_close = (tokens, idx, opts, env, self) => `${tableClose(tokens, idx, opts, env, self)}</section>\n`;
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
  const lang = /([a-z]{2,3}-[A-Z]{2})(?:\.xml)?$/.exec(locale)?.[1] ?? locale;
  const xml: unknown = plugins.config.get("@csl").locales.get(lang);
  if (typeof xml !== "string") return false;
  let known = inQuote.get(xml);
  if (known === undefined) inQuote.set(xml, (known = localePunctuationInQuote(xml)));
  return known;
}
