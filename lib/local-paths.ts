// Files of the site a post names: its images, the files it links to and the posts it
// links to. Writers put images and handouts next to the post and write the file name
// (`![Two hosts](meetup.png)`, `image.src: ./meetup.jpg`, `[slides](slides.pdf)`), and
// link to another post by its file (`[last week](2017-04-30-online-communities.md)`),
// but the page is served at /posts/<name>/, where such a relative address would lead
// nowhere: they are resolved from the post's file instead.

import { POSTS_DIR, slugFromFile } from "./content-paths.ts";

export type LocalPath =
  /** Another site's address, a data: or mailto: URI, or an anchor: left as written. */
  | { kind: "remote" }
  /** A file of the site: `file` from the project root, `url` site-absolute (the path prefix is added later). */
  | { kind: "local"; file: string; url: string }
  /** A path that leaves content/, which is never published. */
  | { kind: "outside"; file: string };

/**
 * Resolve `src` as written in `postFile` (content/posts/…): relative to the post's
 * folder, or from content/ when it starts with "/". Query and fragment are kept on the URL.
 */
export function resolveLocalPath(postFile: string, src: string): LocalPath {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//") || src.startsWith("#") || src === "") return { kind: "remote" };
  const [, pathPart = "", rest = ""] = /^([^?#]*)(.*)$/s.exec(src)!;
  const decoded = safeDecode(pathPart);
  const folder = postFile.slice(0, postFile.lastIndexOf("/") + 1);
  const file = normalise(decoded.startsWith("/") ? `content${decoded}` : `${folder}${decoded}`);
  if (!file.startsWith("content/")) return { kind: "outside", file };
  return { kind: "local", file, url: `/${encodePath(file.slice("content/".length))}${rest}` };
}

/** Where a link of a post leads, when it names a file of the site rather than an address. */
export type LinkTarget =
  /** A markdown file (`2017-04-30-online-communities.md#t2`): its page, fragment kept; no url outside content/. */
  | { kind: "page"; file: string; url?: string }
  /** Any other file (`slides.pdf`): the site's copy of it; no url outside content/. */
  | { kind: "file"; file: string; url?: string };

/**
 * Where the link `href` of the markdown file `postFile` leads when it names a file of
 * the site: relative to the post's folder, or from content/ when it starts with "/".
 * undefined for every other link, which is left as written: another site's address, an
 * anchor, or an address of this site (`/posts/listening/`, `/calendar.ics`). A relative
 * link with a file extension is always a file, since no page of the site has one; so is
 * a relative link that starts like a host name (`www.example.org/x`), which a writer
 * meant as a web address and which would lead nowhere.
 */
export function linkTarget(postFile: string, href: string): LinkTarget | undefined {
  const where = resolveLocalPath(postFile, href);
  if (where.kind === "remote") return undefined;
  const url = where.kind === "local" ? { url: where.url } : {};
  if (where.file.endsWith(".md")) {
    if (where.kind === "outside") return { kind: "page", file: where.file };
    const fragment = /#.*$/s.exec(href)?.[0] ?? "";
    const page = where.file.startsWith(`${POSTS_DIR}/`) ? `posts/${slugFromFile(where.file)}/` : where.file.slice("content/".length).replace(/\.md$/, "/");
    return { kind: "page", file: where.file, url: `/${encodePath(page)}${fragment}` };
  }
  const pathPart = href.replace(/[?#].*$/s, "");
  const extension = /\.([^./]+)$/.exec(pathPart)?.[1];
  if (pathPart.startsWith("/")) {
    // The site's own addresses start with "/" too; only a kind of file the build copies is one of content/.
    return extension !== undefined && PUBLISHED_FILE_EXTENSIONS.includes(extension.toLowerCase()) ? { kind: "file", file: where.file, ...url } : undefined;
  }
  if (extension === undefined && !looksLikeHost(pathPart)) return undefined;
  return { kind: "file", file: where.file, ...url };
}

/** Whether a relative link starts with what reads as a host name: `www.nature.com/…`, `example.org`. */
export function looksLikeHost(href: string): boolean {
  const first = href.split(/[/?#]/)[0]!;
  return /^www\./i.test(first) || (href.includes("/") && /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(first) && !/^\.\.?$/.test(first));
}

/** `a/./b/../c` → `a/c`; a path that climbs above its start keeps its leading `..`. */
function normalise(p: string): string {
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length && out[out.length - 1] !== "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

// markdown-it percent-encodes a link (`my photo.png` → `my%20photo.png`); the file is named without.
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function encodePath(p: string): string {
  return p.split("/").map(encodeURIComponent).join("/");
}

/** The image files the build copies from content/ to the site (plugins/site.ts), by extension. */
export const PUBLISHED_IMAGE_EXTENSIONS: readonly string[] = ["jpg", "jpeg", "png", "webp", "gif", "svg", "avif"];

/**
 * Every kind of file the build copies from content/: images, and what a post links to
 * for its readers (handouts, slides, data, recordings and their captions). Plain text,
 * XML, JSON and calendars are left out: the site writes its own robots.txt, feeds and
 * calendars, and a writer's notes beside a post must not be published by accident.
 */
export const PUBLISHED_FILE_EXTENSIONS: readonly string[] = [
  ...PUBLISHED_IMAGE_EXTENSIONS,
  ...["pdf", "epub", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "mp3", "m4a", "ogg", "mp4", "webm", "vtt"],
];

// A start tag of <img> or <a>; quoted attribute values may hold ">".
const TAG = /<(img|a)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ATTRIBUTE = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export interface RawImage {
  src?: string;
  /** undefined when the tag has no alt attribute at all. */
  alt?: string;
  /** Lines between the start of the HTML and the tag. */
  lineOffset: number;
}

/** The <img> tags of a piece of raw HTML. */
export function rawImages(html: string): RawImage[] {
  return rawTags(html, "img").map(({ attrs, lineOffset }) => ({
    ...(attrs.has("src") ? { src: attrs.get("src")! } : {}),
    ...(attrs.has("alt") ? { alt: attrs.get("alt")! } : {}),
    lineOffset,
  }));
}

/** The href of each <a> tag of a piece of raw HTML that has one. */
export function rawLinks(html: string): { href: string; lineOffset: number }[] {
  return rawTags(html, "a").flatMap(({ attrs, lineOffset }) => (attrs.has("href") ? [{ href: attrs.get("href")!, lineOffset }] : []));
}

function rawTags(html: string, name: "img" | "a"): { attrs: Map<string, string>; lineOffset: number }[] {
  const out: { attrs: Map<string, string>; lineOffset: number }[] = [];
  for (const match of html.matchAll(TAG)) {
    if (match[1]!.toLowerCase() !== name) continue;
    const attrs = new Map<string, string>();
    for (const a of attributesOf(match[0])) attrs.set(a.name, a.value);
    out.push({ attrs, lineOffset: html.slice(0, match.index).split("\n").length - 1 });
  }
  return out;
}

/**
 * Raw HTML with the src of each <img> replaced by `image(src)` and the href of each <a>
 * by `link(href)`; the rest untouched.
 */
export function rewriteRawAddresses(html: string, image: (src: string) => string, link: (href: string) => string): string {
  if (!/<(?:img|a)\s/i.test(html)) return html;
  return html.replace(TAG, (tag, name: string) => {
    const [attribute, rewrite] = name.toLowerCase() === "img" ? ["src", image] : ["href", link];
    // Attributes in order, so that "src=" inside another attribute's quoted value is not taken.
    for (const a of attributesOf(tag)) {
      if (a.name !== attribute) continue;
      const next = rewrite(a.value);
      if (next === a.value) return tag;
      return `${tag.slice(0, a.at)}${attribute}="${next.replace(/"/g, "&quot;")}"${tag.slice(a.at + a.length)}`;
    }
    return tag;
  });
}

/** A start tag's attributes in order: lower-cased name, value, and where the attribute is in the tag. */
export function* attributesOf(tag: string): Generator<{ name: string; value: string; at: number; length: number }> {
  const start = tag.search(/[\s>]/);
  for (const a of tag.slice(start, -1).matchAll(ATTRIBUTE)) {
    yield { name: a[1]!.toLowerCase(), value: a[2] ?? a[3] ?? a[4] ?? "", at: start + a.index!, length: a[0].length };
  }
}
