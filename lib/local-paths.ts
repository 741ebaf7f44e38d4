// Files of the site a post names: its images and the posts it links to. Writers put
// images next to the post and write the file name (`![Two hosts](meetup.png)`,
// `image.src: ./meetup.jpg`), and link to another post by its file
// (`[last week](2017-04-30-online-communities.md)`), but the page is served at
// /posts/<name>/, where such a relative address would lead nowhere: they are resolved
// from the post's file instead.

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

/**
 * Where a link of the post `postFile` leads when it names a markdown file of the site
 * (`2017-04-30-online-communities.md#t2`, relative or from content/): the post's page
 * (its fragment kept) and its file. undefined for any other link, left as written.
 */
export function postLinkTarget(postFile: string, href: string): { file: string; url?: string } | undefined {
  const where = resolveLocalPath(postFile, href);
  if (where.kind === "remote" || !where.file.endsWith(".md")) return undefined;
  // Outside content/: nothing there is published.
  if (where.kind === "outside") return { file: where.file };
  const fragment = /#.*$/s.exec(href)?.[0] ?? "";
  const page = where.file.startsWith(`${POSTS_DIR}/`) ? `posts/${slugFromFile(where.file)}/` : where.file.slice("content/".length).replace(/\.md$/, "/");
  return { file: where.file, url: `/${encodePath(page)}${fragment}` };
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

// An <img> start tag, quoted attribute values may hold ">".
const IMG_TAG = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
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
  const out: RawImage[] = [];
  for (const match of html.matchAll(IMG_TAG)) {
    const attrs = attributes(match[0]);
    const lineOffset = html.slice(0, match.index).split("\n").length - 1;
    out.push({ ...(attrs.has("src") ? { src: attrs.get("src")! } : {}), ...(attrs.has("alt") ? { alt: attrs.get("alt")! } : {}), lineOffset });
  }
  return out;
}

/** Raw HTML with the src of each <img> replaced by `rewrite(src)`; the rest untouched. */
export function rewriteRawImageSources(html: string, rewrite: (src: string) => string): string {
  if (!/<img\b/i.test(html)) return html;
  return html.replace(IMG_TAG, (tag) => {
    // Attributes in order, so that "src=" inside another attribute's quoted value is not taken.
    for (const a of tag.slice(4, -1).matchAll(ATTRIBUTE)) {
      if (a[1]!.toLowerCase() !== "src") continue;
      const src = a[2] ?? a[3] ?? a[4] ?? "";
      const next = rewrite(src);
      if (next === src) return tag;
      const at = 4 + a.index!;
      return `${tag.slice(0, at)}src="${next.replace(/"/g, "&quot;")}"${tag.slice(at + a[0].length)}`;
    }
    return tag;
  });
}

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const a of tag.slice(4, -1).matchAll(ATTRIBUTE)) attrs.set(a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? "");
  return attrs;
}
