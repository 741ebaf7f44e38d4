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
  /** A path that leaves content/, or is in content/_data/ (Eleventy's data): neither is ever published. */
  | { kind: "outside"; file: string };

/** Eleventy's data folder, beside the settings: nothing in it is published (lib/content-paths.ts contentFilesGlobs). */
export const DATA_FOLDER = "content/_data/";

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
  if (!file.startsWith("content/") || file.startsWith(DATA_FOLDER)) return { kind: "outside", file };
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
    // …or one in content/_data/ (`/_data/site.yaml`), which is never published: told as such.
    return isPublishedFile(pathPart) || where.file.startsWith(DATA_FOLDER) ? { kind: "file", file: where.file, ...url } : undefined;
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

/**
 * The image files the build copies from content/ to the site (plugins/site.ts), by extension,
 * in any capitals: a camera's `IMG_0042.JPG` is published as it is named, and a link that
 * writes the name as the file has it works on any host.
 */
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

/**
 * Whether the build copies the file `name` (a path or a name) to the site: its extension, in
 * any capitals (`Slides.PDF`, as Eleventy matches the copy's glob), is one of `extensions`.
 */
export function isPublishedFile(name: string, extensions: readonly string[] = PUBLISHED_FILE_EXTENSIONS): boolean {
  const extension = /\.([^./]+)$/.exec(name)?.[1];
  return extension !== undefined && extensions.includes(extension.toLowerCase());
}

// The start tags whose attributes name files or addresses; quoted attribute values may hold ">".
const TAG = /<(img|a|source|video|audio|track)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ATTRIBUTE = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** What an address of raw HTML names: a picture, another file (a video, its captions), or a link. */
export type RawAddressKind = "image" | "file" | "link";

/**
 * Which attribute of which tag holds an address, and of what: a browser loads each of
 * these, so each must lead to the site's copy of the file. `srcset` holds a list of them.
 */
const ADDRESS_ATTRIBUTES: Record<string, Record<string, RawAddressKind>> = {
  a: { href: "link" },
  img: { src: "image", srcset: "image" },
  source: { src: "file", srcset: "image" },
  video: { src: "file", poster: "image" },
  audio: { src: "file" },
  track: { src: "file" },
};

export interface RawImage {
  src?: string;
  /** undefined when the tag has no alt attribute at all. */
  alt?: string;
  /** Lines between the start of the HTML and the tag. */
  lineOffset: number;
  /** The tag's start as written, "<img" or "<IMG", to find its column. */
  written: string;
}

/** The <img> tags of a piece of raw HTML. */
export function rawImages(html: string): RawImage[] {
  return rawTags(html, "img").map(({ attrs, lineOffset, written }) => ({
    ...(attrs.has("src") ? { src: attrs.get("src")! } : {}),
    ...(attrs.has("alt") ? { alt: attrs.get("alt")! } : {}),
    lineOffset,
    written,
  }));
}

export interface RawAddress {
  kind: RawAddressKind;
  /** As written; one candidate of a srcset. */
  address: string;
  /** Lines between the start of the HTML and the address (a tag may span lines). */
  lineOffset: number;
}

/**
 * Every address a piece of raw HTML names, in order: each link's href, each picture's
 * src, each candidate of a srcset (`<img srcset>`, `<picture><source srcset>`), a video's
 * poster, and the src of media and their captions (`<video>`, `<audio>`, `<source>`, `<track>`).
 */
export function rawAddresses(html: string): RawAddress[] {
  const out: RawAddress[] = [];
  const lines = lineCounter(html);
  for (const match of html.matchAll(TAG)) {
    const kinds = ADDRESS_ATTRIBUTES[match[1]!.toLowerCase()]!;
    for (const a of attributesOf(match[0])) {
      const kind = kinds[a.name];
      if (!kind) continue;
      const valueAt = match.index + a.valueAt;
      if (a.name === "srcset") {
        let from = 0;
        for (const c of srcsetCandidates(a.value)) {
          const at = a.value.indexOf(c.url, from);
          from = at + c.url.length;
          out.push({ kind, address: c.url, lineOffset: lines(valueAt + at) });
        }
      } else out.push({ kind, address: a.value, lineOffset: lines(valueAt) });
    }
  }
  return out;
}

function rawTags(html: string, name: "img"): { attrs: Map<string, string>; lineOffset: number; written: string }[] {
  const out: { attrs: Map<string, string>; lineOffset: number; written: string }[] = [];
  const lines = lineCounter(html);
  for (const match of html.matchAll(TAG)) {
    if (match[1]!.toLowerCase() !== name) continue;
    const attrs = new Map<string, string>();
    for (const a of attributesOf(match[0])) attrs.set(a.name, a.value);
    out.push({ attrs, lineOffset: lines(match.index), written: match[0].slice(0, 1 + name.length) });
  }
  return out;
}

/** The number of line breaks before each index asked for, in increasing order: counted once, not from the start each time (whole built pages are read too). */
function lineCounter(text: string): (index: number) => number {
  let at = 0;
  let breaks = 0;
  return (index) => {
    for (let i = text.indexOf("\n", at); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) breaks++;
    at = Math.max(at, index);
    return breaks;
  };
}

/**
 * Raw HTML with every address of a file (src, srcset's candidates, poster) replaced by
 * `file(address)` and the href of each <a> by `link(href)`; the rest untouched.
 */
export function rewriteRawAddresses(html: string, file: (src: string) => string, link: (href: string) => string): string {
  if (!/<(?:img|a|source|video|audio|track)\s/i.test(html)) return html;
  return html.replace(TAG, (tag, name: string) => {
    const kinds = ADDRESS_ATTRIBUTES[name.toLowerCase()]!;
    let out = "";
    let from = 0;
    // Attributes in order, so that "src=" inside another attribute's quoted value is not taken.
    for (const a of attributesOf(tag)) {
      const kind = kinds[a.name];
      if (!kind) continue;
      const rewrite = kind === "link" ? link : file;
      const next = a.name === "srcset" ? rewriteSrcset(a.value, rewrite) : rewrite(a.value);
      if (next === a.value) continue;
      out += `${tag.slice(from, a.at)}${a.name}="${next.replace(/"/g, "&quot;")}"`;
      from = a.at + a.length;
    }
    return from === 0 ? tag : out + tag.slice(from);
  });
}

/**
 * The candidates of a srcset (`small.jpg 480w, large.jpg 1080w`), read as the HTML
 * standard does: a URL runs to the next space (a comma inside it, as in `img,v2.png`, is
 * part of it; one at its end ends the candidate), then its descriptors run to the next
 * comma outside parentheses.
 */
export function srcsetCandidates(srcset: string): { url: string; descriptors: string }[] {
  const out: { url: string; descriptors: string }[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    if (i >= srcset.length) break;
    let end = i;
    while (end < srcset.length && !/\s/.test(srcset[end]!)) end++;
    let url = srcset.slice(i, end);
    i = end;
    let descriptors = "";
    if (url.endsWith(",")) url = url.replace(/,+$/, "");
    else {
      let depth = 0;
      const start = i;
      for (; i < srcset.length; i++) {
        const ch = srcset[i]!;
        if (ch === "(") depth++;
        else if (ch === ")") depth = Math.max(0, depth - 1);
        else if (ch === "," && depth === 0) break;
      }
      descriptors = srcset.slice(start, i).trim();
      i++;
    }
    if (url) out.push({ url, descriptors });
  }
  return out;
}

function rewriteSrcset(srcset: string, rewrite: (url: string) => string): string {
  const candidates = srcsetCandidates(srcset);
  const next = candidates.map((c) => ({ ...c, url: rewrite(c.url) }));
  if (next.every((c, i) => c.url === candidates[i]!.url)) return srcset;
  // A URL with a comma or space would be read as two: percent-encoded, it is the same address.
  return next.map((c) => [c.url.replace(/,/g, "%2C").replace(/\s/g, "%20"), c.descriptors].filter(Boolean).join(" ")).join(", ");
}

/** A start tag's attributes in order: lower-cased name, value, and where the attribute and its value are in the tag. */
export function* attributesOf(tag: string): Generator<{ name: string; value: string; at: number; length: number; valueAt: number }> {
  const start = tag.search(/[\s>]/);
  for (const a of tag.slice(start, -1).matchAll(ATTRIBUTE)) {
    const value = a[2] ?? a[3] ?? a[4] ?? "";
    const quoted = a[2] !== undefined || a[3] !== undefined;
    const at = start + a.index!;
    yield { name: a[1]!.toLowerCase(), value, at, length: a[0].length, valueAt: at + a[0].length - value.length - (quoted ? 1 : 0) };
  }
}
