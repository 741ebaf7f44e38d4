// Links from posts and pages to the site's own addresses are left as written
// (`/about/`, `../archive/`, `/feed.xml`), as are links to places in a page (`#t2`,
// `2017-04-30-online-communities.md#references`): only the built site says whether
// they lead anywhere. They are resolved from the linking page's address, as a browser
// does, and looked for among the files of the built site and the ids of its pages,
// before the site is published. Posts' own addresses are checked earlier, with drafts
// and dates in mind (lib/cross-file-checks.ts); here only the places in them are.
import type { Diagnostic } from "./diagnostics.ts";
import { decodeHTML } from "entities";
import { attributesOf } from "./local-paths.ts";
import { closest } from "./suggest.ts";
import { isPostFile, slugFromFile } from "./content-paths.ts";
import { postLinkExample } from "./cross-file-checks.ts";

/** A link of a body to an address of this site or to a place in a page. */
export interface SiteLink {
  /** As written. */
  href: string;
  /** The file line it is on. */
  line: number;
  /** Where on the line it is written, when known. */
  column?: number;
  /** What a browser follows from the page: `href`, or the post's address a link by file leads to (`/posts/x/#t2`). */
  address: string;
}

/** A built page and the links of its body to the site. */
export interface LinkingPage {
  /** Its markdown file, from the project root. */
  file: string;
  /** Its address from the site's root, without the path prefix: /posts/online-communities/. */
  url: string;
  links: readonly SiteLink[];
}

/** What the check needs to know of the built site; paths are decoded and from the site's root, without the path prefix. */
export interface BuiltSite {
  /** Whether the site has this file: /about/index.html, /feed.xml. */
  hasFile(file: string): boolean;
  /** The ids of the HTML file (and the names of its <a name> anchors): the places a link can lead to in it. */
  placesIn(file: string): ReadonlySet<string>;
  /** The addresses of the site's pages, for "did you mean": asked only when a link leads to none. */
  addresses(): readonly string[];
  /**
   * The site's post files, from the project root, for the example of a link by file name;
   * without it, those of the linking pages are used.
   */
  postFiles?(): readonly string[];
}

// Any origin will do: only the path and the fragment of a resolved address are used.
const ORIGIN = "https://site.invalid";

// The ids of a chat's topics (layouts/partials/topics.njk): t1, t2…
const TOPIC = /^t\d+$/;

/** A post's own address, with or without its closing slash: whether it exists is lib/cross-file-checks.ts's to say. */
const POST_ADDRESS = /^\/posts\/[^/]+\/?$/;

/** The links of `pages` that lead to no file of the site, or to a place its page does not have, as errors at their lines. */
export function siteLinkProblems(pages: readonly LinkingPage[], site: BuiltSite): Diagnostic[] {
  const out: Diagnostic[] = [];
  let files: readonly string[] | undefined;
  const postFiles = () => (files ??= site.postFiles?.() ?? pages.map((p) => p.file).filter(isPostFile));
  for (const page of pages) {
    for (const link of page.links) {
      const problem = linkProblem(page, link, site, postFiles);
      if (problem) out.push({ severity: "error", file: page.file, line: link.line, column: link.column ?? 1, field: "", ...problem });
    }
  }
  return out;
}

function linkProblem(page: LinkingPage, link: SiteLink, site: BuiltSite, postFiles: () => readonly string[]): { message: string; fix: string } | undefined {
  let resolved: URL;
  try {
    resolved = new URL(link.address, `${ORIGIN}${page.url}`);
  } catch {
    return { message: `the link to ${link.href} is not an address a browser can follow`, fix: "write the address from the site's root, e.g. /about/" };
  }
  if (resolved.origin !== ORIGIN) return undefined;
  const pathname = decode(resolved.pathname);
  const file = fileOf(pathname, site);
  const samePage = pathname === page.url;
  if (!file) {
    // Written as a post's address: lib/cross-file-checks.ts has said what is wrong with it.
    if (POST_ADDRESS.test(link.address.replace(/[?#].*$/s, ""))) return undefined;
    // Written from the root, or in full with the site's address (its `address` is then from the root).
    const rooted = link.address.startsWith("/");
    const where = rooted ? "" : ` (from this page's address, ${page.url}, it leads to ${pathname})`;
    // `../about/` written from the file's folder, as for images, means the site's /about/.
    const fromRoot = rooted ? undefined : `/${link.href.replace(/^(?:\.\.?\/)+/, "")}`;
    const guess = fromRoot !== undefined && fileOf(decode(new URL(fromRoot, ORIGIN).pathname), site) ? fromRoot : closest(pathname, site.addresses().filter((a) => a !== page.url));
    // The post a guessed address is, to link by its file.
    const meant = guess === undefined ? undefined : postFiles().find((f) => `/posts/${slugFromFile(f)}/` === guess);
    return {
      message: `the link to ${link.href} leads to no page or file of the site${where}`,
      fix: `${guess ? `did you mean ${guess}? ` : ""}Write an address of the site from its root, starting with "/" (e.g. /about/), or link to a post by its file name, e.g. ${postLinkExample(page.file, postFiles(), meant)}`,
    };
  }
  const place = decode(resolved.hash.slice(1));
  if (!place || !file.endsWith(".html")) return undefined;
  const places = site.placesIn(file);
  if (places.has(place)) return undefined;
  const where = samePage ? "this page" : pathname;
  return {
    message: samePage
      ? `the link to ${link.href} leads to no place on this page: nothing on it has the id "${place}"`
      : `the link to ${link.href} leads to ${pathname}, which has no place "${place}": nothing on it has that id`,
    fix: placeFix(place, [...places], where),
  };
}

/** How to fix a link to a place the page `where` does not have, among the `places` it has. */
function placeFix(place: string, places: string[], where: string): string {
  const topics = places.filter((p) => TOPIC.test(p));
  // A chat's topics are numbered: the nearest number is no better a guess than the range.
  if (TOPIC.test(place)) {
    if (!topics.length) return `${where} has no topics: link to it without "#${place}"`;
    return topics.length === 1 ? `${where} has one topic, #${topics[0]}` : `${where} has the topics #${topics[0]} to #${topics.at(-1)}`;
  }
  const guess = closest(place, places.filter((p) => !TOPIC.test(p)));
  if (guess) return `did you mean #${guess}?`;
  return `link to ${where === "this page" ? "a place this page has" : `${where} without "#${place}"`}${topics.length ? `, or to one of its topics (#${topics[0]}…)` : ""}`;
}

/** The file a browser gets for an address, as static hosts serve it: /about/ and /about are /about/index.html. */
function fileOf(pathname: string, site: BuiltSite): string | undefined {
  if (pathname.endsWith("/")) return site.hasFile(`${pathname}index.html`) ? `${pathname}index.html` : undefined;
  if (site.hasFile(pathname)) return pathname;
  return site.hasFile(`${pathname}/index.html`) ? `${pathname}/index.html` : undefined;
}

/** The ids an HTML page gives its elements, and the names of its <a name> anchors. */
export function placesInHtml(html: string): Set<string> {
  const places = new Set<string>();
  for (const [tag, name] of html.matchAll(START_TAG)) {
    const anchor = name!.toLowerCase() === "a";
    for (const a of attributesOf(tag)) if (a.name === "id" || (anchor && a.name === "name")) places.add(decodeHTML(a.value));
  }
  return places;
}

// A start tag that has an attribute; quoted attribute values may hold ">".
const START_TAG = /<([a-z][a-z0-9-]*)\s(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
