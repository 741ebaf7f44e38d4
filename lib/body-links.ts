// Links from a post's body to files of the site: another post by its file
// (`[last week](2017-04-30-online-communities.md)`) or a file next to the post
// (`[the slides](slides.pdf)`). The page links to that post's address or the file's
// copy (lib/markdown.ts); a file that is not there, or of a kind the build does not
// publish, is a writer's mistake, reported at its line before it becomes a broken link.
// The links to other posts are kept with the post, for the checks between posts
// (lib/cross-file-checks.ts): whether the post linked to exists and is published; and
// the links to the site's own addresses (`/about/`, `#t2`), which only the built site
// can answer, for the check after Eleventy (lib/site-links.ts).
import type { Diagnostic } from "./diagnostics.ts";
import { caseSlip, type FileLookup } from "./file-case.ts";
import { PUBLISHED_FILE_EXTENSIONS, linkTarget, looksLikeHost, rawAddresses, resolveLocalPath } from "./local-paths.ts";
import type { SiteLink } from "./site-links.ts";
import { parseBody } from "./markdown.ts";
import { isPostFile, POSTS_DIR } from "./content-paths.ts";
import { ATTRIBUTE_VALUE_PREFIXES, MARKDOWN_ADDRESS_PREFIXES, sourceColumns, writtenForms } from "./source-columns.ts";
import { ownSiteAddress } from "./site-url.ts";

/** A link of a post's body to another post, by its file or by its address. */
export interface PostLink {
  /** As written. */
  href: string;
  /** The file line it is on. */
  line: number;
  /** Where on the line the address is written, when it is there (not for a reference-style link). */
  column?: number;
  /** The post's file (content/posts/….md) when the link names one that exists. */
  file?: string;
  /** The post's address (/posts/<name>/, no fragment) when the link is written as one. */
  url?: string;
}

export interface BodyLinks {
  /** Links to files of the site that are missing or not published, as errors at their lines. */
  problems: Diagnostic[];
  posts: PostLink[];
  /** Links to addresses of the site, and to places in pages (`#t2`, `2017-04-30-online-communities.md#t2`). */
  site: SiteLink[];
}

/**
 * The links of `body` to files of the site: what is wrong with them, and those to other
 * posts. `siteBase`, the site's full address with its prefix, makes links written with
 * it count as links to the site.
 */
export function bodyLinks(body: string, file: string, bodyLine: number, fileExists: FileLookup, siteBase?: string): BodyLinks {
  const problems: Diagnostic[] = [];
  const posts: PostLink[] = [];
  const site: SiteLink[] = [];
  // A post without a link (inline, reference definition or raw <a>) skips the parse.
  if (!body.includes("](") && !body.includes("]:") && !/<a\s/i.test(body)) return { problems, posts, site };
  const columns = sourceColumns(body);
  const lines = body.split("\n");
  const slipsAt = new Set<string>();
  const check = (line: number, href: string, prefixes: readonly string[]) => {
    const column = columns.find(line, writtenForms(href), prefixes);
    const at = { line: bodyLine + line, ...(column ? { column } : {}) };
    const slip = trailingPunctuation(href);
    if (slip) {
      // A reference-style link's address is on its definition's line: pointed at there, once.
      const where = column ? at : (definitionOf(lines, href) ?? at);
      const key = `${where.line}:${where.column ?? 0}`;
      if (!slipsAt.has(key)) problems.push({ severity: "warning", file, ...(where === at ? at : { line: bodyLine + where.line, column: where.column }), field: "", ...slip });
      slipsAt.add(key);
    }
    // This site's page written as its full address: checked as the address from the root is.
    const own = siteBase === undefined ? undefined : ownSiteAddress(href, siteBase);
    if (own !== undefined) {
      const address = POST_ADDRESS.exec(own)?.[1];
      if (address) posts.push({ href, ...at, url: safeDecodeURI(address.endsWith("/") ? address : `${address}/`) });
      site.push({ href, ...at, address: own });
      return;
    }
    const problem = linkProblem(file, href, fileExists);
    if (problem) return problems.push({ severity: "error", file, ...at, field: "", ...problem });
    const target = linkTarget(file, href);
    if (target?.kind === "page" && target.file.startsWith(`${POSTS_DIR}/`)) posts.push({ href, ...at, file: target.file });
    const address = POST_ADDRESS.exec(href)?.[1];
    if (address) posts.push({ href, ...at, url: safeDecodeURI(address.endsWith("/") ? address : `${address}/`) });
    // The page's place a link by file names: whether it has one is known once it is built.
    if (target?.kind === "page" && target.url?.includes("#")) site.push({ href, ...at, address: target.url });
    // Left as written (an address of the site, or a place in this page): resolved as a browser does, from the page.
    else if (!target && isOwnAddress(file, href)) site.push({ href, ...at, address: href });
  };
  const raw = (html: string, first: number) => {
    for (const a of rawAddresses(html)) if (a.kind === "link") check(first + a.lineOffset, a.address, ATTRIBUTE_VALUE_PREFIXES);
  };
  for (const token of parseBody(body)) {
    const first = token.map?.[0] ?? 0;
    if (token.type === "html_block") raw(token.content, first);
    if (token.type !== "inline") continue;
    let offset = 0;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") offset++;
      else if (child.type === "html_inline") raw(child.content, first + offset);
      // linkify's links are web addresses it completed itself (www.example.org → http://…):
      // only those of this site's pages can be checked, a pasted address of last week's post.
      else if (child.type === "link_open" && (child.markup !== "linkify" || (siteBase !== undefined && ownSiteAddress(child.attrGet("href") ?? "", siteBase) !== undefined))) {
        check(first + offset, child.attrGet("href") ?? "", MARKDOWN_ADDRESS_PREFIXES);
      }
    }
    // Read from the paragraph's text, not its text tokens: linkify splits `https://a b` in two.
    if (token.content.includes("](")) {
      const text = token.content.replace(/(`+)[^`][\s\S]*?\1/g, (code) => code.replace(/[^\n]/g, " "));
      for (const slip of spacedAddresses(text, file, fileExists)) {
        const line = first + (text.slice(0, slip.index).match(/\n/g)?.length ?? 0);
        const column = (lines[line] ?? "").indexOf(slip.written);
        problems.push({ severity: "error", file, line: bodyLine + line, ...(column >= 0 ? { column: column + 1 } : {}), field: "", message: slip.message, fix: slip.fix });
      }
    }
  }
  return { problems, posts, site };
}

// `[text](address)` or `![alt](file)` left as text: an address markdown did not take,
// because of a space in it, that looks like a file or a web address.
const SPACED = /(!?)\[([^[\]\n]*)\]\(([^()<>\n]*?\s[^()<>\n]*?)\)/g;

/**
 * Links and pictures that markdown shows as the characters typed because their address
 * has a space (`[the slides](meetup slides.pdf)`, a file saved as "Meetup Slides.pdf").
 * Each gets the two ways to write it: the file renamed without spaces, or the address in
 * angle brackets, which markdown takes as it is.
 */
export function spacedAddresses(text: string, file: string, fileExists: FileLookup): Array<{ index: number; written: string; message: string; fix: string }> {
  const out: Array<{ index: number; written: string; message: string; fix: string }> = [];
  for (const m of text.matchAll(SPACED)) {
    const [written, bang, label, rawAddress] = m as unknown as [string, string, string, string];
    const address = rawAddress.trim();
    const what = bang ? "picture" : "link";
    const remote = /^[a-z][a-z0-9+.-]*:/i.test(address);
    // Prose in brackets and parentheses ("[sic](as he wrote it)") is left alone.
    if (!remote && !/\.[a-z0-9]{2,5}(?:#[^\s]*)?$/i.test(address)) continue;
    const message = `the ${what} ${written} is shown as typed, not as a ${what}: its address has a space in it`;
    if (remote) {
      out.push({ index: m.index, written, message, fix: `write %20 for each space: ${bang}[${label}](${address.replace(/\s+/g, "%20")})` });
      continue;
    }
    const target = linkTarget(file, address);
    const renamed = address.replace(/[^/]+$/, (name) => name.replace(/\s+/g, "-"));
    const exists = !!target && fileExists(target.file);
    out.push({
      index: m.index,
      written,
      message,
      fix: `${exists ? `rename the file to ${renamed.replace(/^.*\//, "")} and write ${bang}[${label}](${renamed})` : `check the file name (no file ${target?.file ?? address} is there)`}, or write the address in angle brackets: ${bang}[${label}](<${address}>)`,
    });
  }
  return out;
}

/**
 * A web address ending in a sentence's punctuation (`[the study](https://example.org/page.)`),
 * which the link then leads to, most likely a page that is not there: a warning, since an
 * address may end so. Not an empty query's `?` after others, nor a `)` that closes a `(`
 * of the address (Wikipedia's `…/Mercury_(planet)`).
 */
export function trailingPunctuation(href: string): { message: string; fix: string } | undefined {
  if (!/^https?:\/\//i.test(href)) return undefined;
  const mark = /[.,;:!?)]$/.exec(href)?.[0];
  if (!mark) return undefined;
  if (mark === "?" && href.indexOf("?") !== href.length - 1) return undefined;
  if (mark === ")" && (href.match(/\(/g)?.length ?? 0) >= (href.match(/\)/g)?.length ?? 0)) return undefined;
  const shown = safeDecodeURI(href);
  const without = shown.slice(0, -1);
  return {
    message: `the address ${shown} ends in "${mark}", which is part of the link: it most likely belongs to the sentence, and the link may lead to a page that does not exist`,
    fix: `write the address without it: ${without} (put the "${mark}" after the link if the sentence needs it)`,
  };
}

/** The 0-based line and 1-based column of the reference definition (`[s]: address`) giving `href`. */
function definitionOf(lines: string[], href: string): { line: number; column: number } | undefined {
  for (const form of writtenForms(href)) {
    for (let line = 0; line < lines.length; line++) {
      const m = /^(\s{0,3}(?:>\s?)*\[[^\]]+\]:\s*<?)(\S+?)>?\s*(?:["'(].*)?$/.exec(lines[line]!);
      if (m?.[2] === form) return { line, column: m[1]!.length + 1 };
    }
  }
  return undefined;
}

/** Whether a link left as written leads to this site: `/about/`, `../about/`, `#t2`; not `https://…`, `mailto:`, `//host`. */
function isOwnAddress(file: string, href: string): boolean {
  if (href.startsWith("#")) return href.length > 1;
  return resolveLocalPath(file, href).kind !== "remote";
}

// A post's address from the site's root, as a writer may link to it: /posts/online-communities/#t2.
const POST_ADDRESS = /^(\/posts\/[^/?#.]+\/?)(?:[?#].*)?$/s;

/** What is wrong with the link `href` of the markdown file `file`, if anything. */
function linkProblem(file: string, href: string, fileExists: FileLookup): { message: string; fix: string } | undefined {
  const target = linkTarget(file, href);
  if (!target) return undefined;
  const shown = safeDecodeURI(href);
  const slip = target.url !== undefined && !fileExists(target.file) ? caseSlip(href, target.file, fileExists) : undefined;
  if (slip) return { message: `the link to ${shown} leads to no ${target.kind === "page" ? "post" : "file"}: the file is named ${slip.name}, and the published site tells capitals apart`, fix: slip.fix };
  if (target.kind === "page") {
    if (target.url && fileExists(target.file)) return undefined;
    return {
      message: `the link to ${shown} leads to no post (looked for ${target.file})`,
      fix: "check the file name: link to another post by its file name, e.g. [last week](2017-04-30-online-communities.md)",
    };
  }
  if (!target.url || !fileExists(target.file)) {
    return {
      message: `the link to ${shown} leads to no file (looked for ${target.file})`,
      fix: looksLikeHost(href)
        ? `write the web address with https:// in front: https://${href}`
        : `check the file name and put the file next to the ${isPostFile(file) ? "post" : "page"} (a web address needs https:// in front)`,
    };
  }
  const extension = /\.([^./]+)$/.exec(target.file)?.[1] ?? "";
  if (PUBLISHED_FILE_EXTENSIONS.includes(extension)) return undefined;
  const lower = PUBLISHED_FILE_EXTENSIONS.includes(extension.toLowerCase());
  return {
    message: `the link to ${shown} leads to a file the site does not publish: it copies files ending in ${PUBLISHED_FILE_EXTENSIONS.map((e) => `.${e}`).join(", ")}`,
    fix: lower ? `rename the file to end in .${extension.toLowerCase()}, and the link with it` : "save the file as PDF (or another kind the site copies) and link to that",
  };
}

function safeDecodeURI(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}
