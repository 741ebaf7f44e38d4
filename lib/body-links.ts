// Links from a post's body to files of the site: another post by its file
// (`[last week](2017-04-30-online-communities.md)`) or a file next to the post
// (`[the slides](slides.pdf)`). The page links to that post's address or the file's
// copy (lib/markdown.ts); a file that is not there, or of a kind the build does not
// publish, is a writer's mistake, reported at its line before it becomes a broken link.
// The links to other posts are kept with the post, for the checks between posts
// (lib/cross-file-checks.ts): whether the post linked to exists and is published; and
// the links to the site's own addresses (`/about/`, `#t2`), which only the built site
// can answer, for the check after Eleventy (lib/site-links.ts).
// A post named some other way than by its file is a slip told here, with the file to
// write: by its title (`[last week](Online Communities)`, which markdown shows as typed,
// since an address cannot have spaces), or by its file name without `.md` or with `.html`.
import path from "node:path";
import MarkdownIt from "markdown-it";
import type { Diagnostic } from "./diagnostics.ts";
import { caseSlip, type FileLookup } from "./file-case.ts";
import { DATA_FOLDER, PUBLISHED_FILE_EXTENSIONS, isPublishedFile, linkTarget, looksLikeHost, rawAddresses, resolveLocalPath } from "./local-paths.ts";
import type { SiteLink } from "./site-links.ts";
import { parseBody } from "./markdown.ts";
import { isPostFile, POSTS_DIR, slugFromFile } from "./content-paths.ts";
import { ATTRIBUTE_VALUE_PREFIXES, MARKDOWN_ADDRESS_PREFIXES, sourceColumns, writtenForms } from "./source-columns.ts";
import { ownSiteAddress } from "./site-url.ts";
import { baseSlug } from "./slug.ts";
import { closest } from "./suggest.ts";
import { postLinkExample, sitePostsDigest, sitePostsIn } from "./cross-file-checks.ts";

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
  /**
   * When the site's posts were read (a post named by its title or a slip of its name):
   * sitePostsDigest of them. What is said of such a link holds only while they are
   * unchanged, a title too (sitePostsHold), so a validation record keeps it.
   */
  sitePosts?: string;
}

/** A post of the site, for the post a link most likely means: its file from the project root, and its title. */
export interface SitePost {
  file: string;
  title?: string;
}

/**
 * The links of `body` to files of the site: what is wrong with them, and those to other
 * posts. `siteBase`, the site's full address with its prefix, makes links written with
 * it count as links to the site. `sitePosts` gives the site's posts (lib/body-links.ts
 * `sitePostsIn`), asked for only when a link names a post some other way than by its file.
 */
export function bodyLinks(body: string, file: string, bodyLine: number, fileExists: FileLookup, siteBase?: string, sitePosts?: () => readonly SitePost[]): BodyLinks {
  let read: readonly SitePost[] | undefined;
  let known: readonly SitePost[] | undefined;
  const postsOfSite = sitePosts && (() => (known ??= (read = sitePosts()).filter((p) => p.file !== file)));
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
    const named = postNameSlip(file, href, fileExists, postsOfSite);
    if (named) return problems.push({ severity: "error", file, ...at, field: "", ...named });
    const problem = linkProblem(file, href, fileExists, postsOfSite);
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
      for (const slip of spacedAddresses(text, file, fileExists, postsOfSite)) {
        const line = first + (text.slice(0, slip.index).match(/\n/g)?.length ?? 0);
        const column = (lines[line] ?? "").indexOf(slip.written);
        problems.push({ severity: slip.severity, file, line: bodyLine + line, ...(column >= 0 ? { column: column + 1 } : {}), field: "", message: slip.message, fix: slip.fix });
      }
    }
  }
  return { problems, posts, site, ...(read ? { sitePosts: sitePostsDigest(read) } : {}) };
}

// `[text](address)` or `![alt](file)` left as text: an address markdown did not take,
// because of a space in it. Not `[sic] (as written)`, which has a space before the `(`.
const SPACED = /(!?)\[([^[\]\n]*)\]\(([^()<>\n]*?\s[^()<>\n]*?)\)/g;

let plain: MarkdownIt | undefined;

/** Whether markdown takes `written` as a link or picture after all: `[a](slides.pdf "The slides")` has a title. */
function isLinkAfterAll(written: string): boolean {
  const children = (plain ??= new MarkdownIt()).parseInline(written, {})[0]?.children ?? [];
  return children.some((t) => t.type === "link_open" || t.type === "image");
}

/**
 * Links and pictures that markdown shows as the characters typed because their address
 * has a space. A file's (`[the slides](meetup slides.pdf)`, a file saved as "Meetup
 * Slides.pdf") gets the two ways to write it: the file renamed without spaces, or the
 * address in angle brackets, which markdown takes as it is. A link whose address is words
 * (`[last week](Online Communities)`) names a post by its title or name: an error naming
 * the post's file when one of `sitePosts` is most likely meant; else a warning (it may be
 * prose in brackets and parentheses) saying how to link a post or a page, or to show it
 * as typed. Escaped brackets (`\[sic](as written)`) are shown as typed on purpose.
 */
export function spacedAddresses(
  text: string,
  file: string,
  fileExists: FileLookup,
  sitePosts?: () => readonly SitePost[],
): Array<{ index: number; written: string; severity: "error" | "warning"; message: string; fix: string }> {
  const out: Array<{ index: number; written: string; severity: "error" | "warning"; message: string; fix: string }> = [];
  for (const m of text.matchAll(SPACED)) {
    const [written, bang, label, rawAddress] = m as unknown as [string, string, string, string];
    if (backslashes(text, m.index) % 2 === 1 || isLinkAfterAll(written)) continue;
    const address = rawAddress.trim();
    const what = bang ? "picture" : "link";
    const remote = /^[a-z][a-z0-9+.-]*:/i.test(address);
    const message = `the ${what} ${written} is shown as typed, not as a ${what}: its address has a space in it`;
    if (!remote && !/\.[a-z0-9]{2,5}(?:#[^\s]*)?$/i.test(address)) {
      if (!bang) out.push({ index: m.index, written, ...titleLink(written, label, address, file, fileExists, sitePosts?.()) });
      continue;
    }
    if (remote) {
      out.push({ index: m.index, written, severity: "error", message, fix: `write %20 for each space: ${bang}[${label}](${address.replace(/\s+/g, "%20")})` });
      continue;
    }
    const target = linkTarget(file, address);
    const renamed = address.replace(/[^/]+$/, (name) => name.replace(/\s+/g, "-"));
    const exists = !!target && fileExists(target.file);
    out.push({
      index: m.index,
      written,
      severity: "error",
      message,
      fix: `${exists ? `rename the file to ${renamed.replace(/^.*\//, "")} and write ${bang}[${label}](${renamed})` : `check the file name (no file ${target?.file ?? address} is there)`}, or write the address in angle brackets: ${bang}[${label}](<${address}>)`,
    });
  }
  return out;
}

/** How many backslashes are right before `index` of `text`: an odd number escapes what follows. */
function backslashes(text: string, index: number): number {
  let n = 0;
  while (index - n - 1 >= 0 && text[index - n - 1] === "\\") n++;
  return n;
}

/** `[label](words with spaces)`: the post it most likely names, or how to write a link. */
function titleLink(
  written: string,
  label: string,
  address: string,
  file: string,
  fileExists: FileLookup,
  posts: readonly SitePost[] | undefined,
): { severity: "error" | "warning"; message: string; fix: string } {
  const shown = `the link ${written} is shown as typed, not as a link: a link's address cannot have spaces`;
  const post = posts && likelyPost(address, posts);
  // Looked at, so that a validation kept with this error is done again once that post is renamed.
  if (post && fileExists(post.file)) {
    return {
      severity: "error",
      message: `${shown}, and a post is linked by its file name (this looks like the post ${post.title ? `"${post.title}", ` : ""}${post.file})`,
      fix: `write [${label}](${fileFrom(file, post.file)})`,
    };
  }
  return {
    severity: "warning",
    message: posts ? `${shown}, and no post of the site has a title or file name like "${address}"` : shown,
    fix:
      `link another post by its file name, e.g. ${postLinkExample(file, (posts ?? []).map((p) => p.file), undefined, label)}, ` +
      `or a web page by its full address: [${label}](https://…); to show the brackets as typed, write \\[${label}](${address})`,
  };
}

/**
 * The post `words` most likely names: the one whose title, address name or file name
 * they are (`Online Communities`, `online-communities`, `2017-04-30 online communities`),
 * else the nearest by spelling, else the only title holding all the words (three or more).
 */
export function likelyPost(words: string, posts: readonly SitePost[]): SitePost | undefined {
  const key = baseSlug(words.replace(/\.(?:md|html?)$/i, ""));
  if (!key) return undefined;
  const names = new Map<string, SitePost>();
  const add = (name: string, post: SitePost) => name && !names.has(name) && names.set(name, post);
  for (const post of posts) if (post.title) add(baseSlug(post.title), post);
  for (const post of posts) {
    add(path.posix.basename(post.file, ".md"), post);
    add(slugFromFile(post.file), post);
  }
  const exact = names.get(key);
  if (exact) return exact;
  const near = closest(key, [...names.keys()]);
  if (near) return names.get(near);
  if (key.split("-").length < 3) return undefined;
  const holding = [...new Set([...names].filter(([name]) => `-${name}-`.includes(`-${key}-`)).map(([, post]) => post))];
  return holding.length === 1 ? holding[0] : undefined;
}

/** The address of the markdown file `target` written from `file`'s folder, as a link of `file` names it. */
function fileFrom(file: string, target: string): string {
  return path.posix.relative(path.posix.dirname(file), target);
}

/**
 * A relative link or an address of the site that names a post's file some
 * other way than by its file name: without `.md` (`2017-04-30-online-communities`, which a
 * browser reads from this page's address, /posts/<name>/, and finds nothing), with `.html`,
 * or a dated file name with a slip in it. Not an address that leads to the post as written
 * (`../online-communities/` from a post).
 */
function postNameSlip(file: string, href: string, fileExists: FileLookup, sitePosts?: () => readonly SitePost[]): { message: string; fix: string } | undefined {
  if (resolveLocalPath(file, href).kind !== "local") return undefined;
  const [, pathPart = "", rest = ""] = /^([^?#]*)(.*)$/s.exec(href)!;
  const [, stem = "", html] = /^(.*?)(\.html?)?\/?$/is.exec(pathPart)!;
  const name = stem.slice(stem.lastIndexOf("/") + 1);
  // Another kind of file (slides.pdf), `.md` already, or no name (`./`, `../`).
  if (!name || name === "." || name === ".." || (!html && /\.[^.]+$/.test(name))) return undefined;
  const shown = safeDecodeURI(href);
  const here = linkTarget(file, `./${path.posix.basename(file)}`)?.url ?? "/";
  let leadsTo: string;
  try {
    leadsTo = safeDecodeURI(new URL(href, `https://site.invalid${here}`).pathname);
  } catch {
    return undefined;
  }
  const writtenFile = linkTarget(file, `${stem}.md`)?.file;
  // Another page named so (`../about/`) is left to the build, which suggests its address from the root.
  let target: SitePost | undefined = writtenFile !== undefined && isPostFile(writtenFile) && fileExists(writtenFile) ? { file: writtenFile } : undefined;
  const dated = /^\d{4}-\d{2}-\d{2}-/.test(safeDecodeURI(name));
  if (!target && (dated || html) && sitePosts) {
    const all = sitePosts();
    const byName = new Map(all.map((p) => [path.posix.basename(p.file, ".md"), p] as const));
    const nameKey = safeDecodeURI(name);
    let guess = byName.get(nameKey) ?? byName.get(closest(nameKey, [...byName.keys()]) ?? "");
    if (!guess && html) guess = all.find((p) => slugFromFile(p.file) === nameKey);
    if (guess && fileExists(guess.file)) target = guess;
  }
  const pageOf = (t: string) => (linkTarget(file, fileFrom(file, t))?.url ?? "").replace(/#.*$/s, "");
  const trim = (url: string) => url.replace(/\/$/, "");
  // Leads to that page as written: a browser finds it.
  if (target && trim(leadsTo) === trim(pageOf(target.file))) return undefined;
  const reason = html ? "the site's pages have no .html addresses" : `from this page's address, ${here}, it leads to ${leadsTo}`;
  if (target) {
    const write = `${fileFrom(file, target.file)}${rest}`;
    return {
      message: `the link to ${shown} leads to no page of the site (${reason}): a post is linked by its file name, ending in .md`,
      fix: `${writtenFile === target.file ? "write" : "did you mean"} ${write}${writtenFile === target.file ? "" : "?"} (${target.title ? `the post "${target.title}", ` : ""}${target.file}, at ${pageOf(target.file)})`,
    };
  }
  // A dated name read from this page's folder leads nowhere; an address from the root is the build's to check.
  if (!dated || pathPart.startsWith("/")) return undefined;
  return {
    message: `the link to ${shown} leads to no post (looked for ${writtenFile ?? `${stem}.md`})`,
    fix: `check the file name: link to another post by its file name, ending in .md, e.g. ${postLinkExample(file, (sitePosts?.() ?? []).map((p) => p.file))}`,
  };
}

// Read where a validation record can check it without loading markdown (lib/cross-file-checks.ts).
export { sitePostsIn };

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
function linkProblem(file: string, href: string, fileExists: FileLookup, sitePosts?: () => readonly SitePost[]): { message: string; fix: string } | undefined {
  const target = linkTarget(file, href);
  if (!target) return undefined;
  const shown = safeDecodeURI(href);
  const slip = target.url !== undefined && !fileExists(target.file) ? caseSlip(href, target.file, fileExists) : undefined;
  if (slip) return { message: `the link to ${shown} leads to no ${target.kind === "page" ? "post" : "file"}: the file is named ${slip.name}, and the published site tells capitals apart`, fix: slip.fix };
  if (target.kind === "page") {
    if (target.url && fileExists(target.file)) return undefined;
    // The post whose file name is nearest the one written (`week-9` for `week-09`), as the example.
    const files = (sitePosts?.() ?? []).map((p) => p.file);
    const byName = new Map(files.map((f) => [path.posix.basename(f), f] as const));
    const near = byName.get(closest(path.posix.basename(target.file), [...byName.keys()]) ?? "");
    const meant = near !== undefined && fileExists(near) ? near : undefined;
    return {
      message: `the link to ${shown} leads to no post (looked for ${target.file})`,
      fix: meant
        ? `check the file name: did you mean ${fileFrom(file, meant)}${/[?#].*$/s.exec(href)?.[0] ?? ""}?`
        : `check the file name: link to another post by its file name, e.g. ${postLinkExample(file, files)}`,
    };
  }
  if (target.file.startsWith(DATA_FOLDER)) {
    const message = `the link to ${shown} leads to ${target.file}, in the folder of the site's data, from which nothing is published`;
    // The settings and the pages' data are read by the build, never read by readers: not to be moved.
    if (!isPublishedFile(target.file)) return { message, fix: "remove the link: the site's settings and data are never on the site itself" };
    return { message, fix: `move the file next to the ${isPostFile(file) ? "post" : "page"} and link to it by its name, e.g. [${path.posix.basename(target.file)}](${path.posix.basename(target.file)})` };
  }
  if (!target.url || !fileExists(target.file)) {
    return {
      message: `the link to ${shown} leads to no file (looked for ${target.file})`,
      fix: looksLikeHost(href)
        ? `write the web address with https:// in front: https://${href}`
        : `check the file name and put the file next to the ${isPostFile(file) ? "post" : "page"} (a web address needs https:// in front)`,
    };
  }
  // `Slides.PDF` is published as it is named (the copy's extensions match in any capitals).
  if (isPublishedFile(target.file)) return undefined;
  return {
    message: `the link to ${shown} leads to a file the site does not publish: it copies files ending in ${PUBLISHED_FILE_EXTENSIONS.map((e) => `.${e}`).join(", ")}`,
    fix: "save the file as PDF (or another kind the site copies) and link to that",
  };
}

function safeDecodeURI(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}
