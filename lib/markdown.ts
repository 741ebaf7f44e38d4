// The markdown-it instance every body is rendered with.
import MarkdownIt from "markdown-it";
import { citationSyntax } from "./citation-syntax.ts";
import { citationLocaleName, cslLocale } from "./csl-locale-terms.ts";
import { headingIds } from "./heading-ids.ts";
import { languageSpans } from "./language-spans.ts";
import { linkTarget, resolveLocalPath, rewriteRawAddresses } from "./local-paths.ts";
import { localePunctuationInQuote } from "./notes-after-punctuation.ts";
import { markdownTableName, numberedTableName, rawTables } from "./table-names.ts";

export function createMarkdown(): MarkdownIt {
  // Raw HTML is the writer's own, as in Eleventy's default; typographer gives real quotes and dashes.
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
  // Pandoc's citations. A post's page data carries each cluster's formatted HTML
  // (lib/announcement.ts), in the same document order the parser numbers them.
  citationSyntax(md, {
    html: (env, index) => env?.announcement?.citations?.[index],
    punctuationInQuote: (env) => punctuationInQuote(env?.site?.citations?.locale ?? "en-US"),
  });
  // Pandoc's `[la garde de nuit]{lang=fr}`: words in another language, which screen readers then
  // pronounce in it (WCAG 3.1.2). After citationSyntax: its rule goes before the citation rule.
  languageSpans(md);
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
        token: i, at: 0, name: markdownTableName(state.tokens, i),
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
      const fallback = table.name === undefined ? numberedTableName(index + 1, siteLanguage(state.env), citationLocale(state.env)) : undefined;
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

/** The site's language (settings `language:`) in a page's render env; undefined outside a site. */
function siteLanguage(env: any): string | undefined {
  return typeof env?.site?.language === "string" && env.site.language ? env.site.language : undefined;
}

/** The site's citation locale (settings `citations: locale:`, a name or a file) in a page's render env. */
function citationLocale(env: any): string | undefined {
  return typeof env?.site?.citations?.locale === "string" ? env.site.citations.locale : undefined;
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
