// Where things are in a site's folder: the settings file and the posts (every .md
// file in content/posts/ and its folders, in path order). No dependencies, so any
// command can ask.
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "./diagnostics.ts";
import { baseSlug } from "./slug.ts";

export const SETTINGS_FILE = "content/_data/site.yaml";
export const POSTS_DIR = "content/posts";

/** The part of a post's file name after the date: its address is /posts/<slug>/. */
export function slugFromFile(file: string): string {
  return path.basename(file, path.extname(file)).replace(/^\d{4}-\d{2}-\d{2}-/, "");
}

/**
 * The name to give a post file whose name is not a web address: its date kept (also
 * when written `2017_04_30` or followed by a space), the rest in lower case with dashes,
 * accents dropped, in the same folder. `2017-04-30 Online Communities.md` →
 * `2017-04-30-online-communities.md`.
 */
export function suggestedPostFile(file: string): string {
  const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
  const base = file.slice(folder.length).replace(/\.md$/i, "");
  const dated = /^(\d{4})[-_. ]?(\d{2})[-_. ]?(\d{2})(?![0-9])[-_. ]*(.*)$/.exec(base);
  const rest = baseSlug(dated ? dated[4]! : base) || "title";
  return `${folder}${dated ? `${dated[1]}-${dated[2]}-${dated[3]}-` : ""}${rest}.md`;
}

/**
 * Every page of the site other than the posts, from the project root: content/about.md,
 * content/404.md, content/index.njk… (content/_data/ and hidden folders aside), sorted.
 * Nunjucks pages too, for their front matter: Eleventy reads broken YAML there as no data at all.
 */
export function listPageFiles(root: string): string[] {
  return filesUnder(root, "content", (folder) => folder === POSTS_DIR || folder === "content/_data").filter((file) => file.endsWith(".md") || file.endsWith(".njk"));
}

/** Whether a file from the project root is a post (under content/posts/), not another page. */
export function isPostFile(file: string): boolean {
  return file.startsWith(`${POSTS_DIR}/`);
}

/** Every post file, from the project root: content/posts/…/*.md (a folder per year is fine). */
export function listPostFiles(root: string): string[] {
  return postsFolderFiles(root).filter((file) => file.endsWith(".md"));
}

// Markdown under another name (.MD, .markdown…), or a text file with front matter
// ("post.md.txt", as some editors save it): the build would leave it out without a word.
const MARKDOWN_LIKE = /\.(?:md|markdown|mdown|mkdn?|mdwn|mdtxt|mdtext)$/i;
const TEXT = /\.(?:txt|text)$/i;

/**
 * Files under content/ that cannot be published, as errors naming the fix: a post the
 * build would skip because of its name, and a link (symlink) to a file that is gone.
 */
export function unpublishableFiles(root: string): Diagnostic[] {
  const out: Diagnostic[] = brokenLinks(root).map(({ file, target }) => ({
    severity: "error", file, line: 1, column: 1, field: "",
    message: `this is a link to ${target}, which does not exist, so the file cannot be read`,
    fix: `put the file back at ${target}, or delete the link ${path.posix.basename(file)}`,
  }));
  for (const file of postsFolderFiles(root)) {
    if (file.endsWith(".md")) continue;
    const markdown = MARKDOWN_LIKE.test(file);
    if (!markdown && !(TEXT.test(file) && startsWithFrontMatter(path.join(root, file)))) continue;
    const name = path.posix.basename(file);
    const stem = name.replace(TEXT, "").replace(MARKDOWN_LIKE, "");
    out.push({
      severity: "error", file, line: 1, column: 1, field: "",
      message: `only files whose names end in .md (in lower case) are posts, so this one is not published`,
      fix: `rename it to ${stem}.md`,
    });
  }
  return out;
}

function startsWithFrontMatter(full: string): boolean {
  try {
    return /^\uFEFF?---\r?\n/.test(readFileSync(full, "utf8").slice(0, 8));
  } catch {
    return false;
  }
}

/** Every file in content/posts/ and its folders (hidden ones aside), sorted by path. */
function postsFolderFiles(root: string): string[] {
  return filesUnder(root, POSTS_DIR, () => false);
}

/** Every file under the folder `rel` of `root` and its folders, but hidden ones and those `skip` names, sorted by path. */
function filesUnder(root: string, rel: string, skip: (folder: string) => boolean): string[] {
  return walkContent(root, rel, skip).files;
}

/** Links under content/ whose target is missing, with the target as written in the link. */
function brokenLinks(root: string): { file: string; target: string }[] {
  return walkContent(root, "content", () => false).broken.map((file) => {
    let target = "its target";
    try {
      // Named from the project folder when it is inside it, as every other path in a report is.
      const full = path.resolve(path.dirname(path.join(root, file)), readlinkSync(path.join(root, file)));
      const inside = path.relative(root, full);
      target = inside.startsWith("..") || path.isAbsolute(inside) ? full : inside.split(path.sep).join("/");
    } catch {
      // Removed since the walk: the message still holds.
    }
    return { file, target };
  });
}

// A symlink is followed to what it points at; one pointing nowhere is set apart, to be
// reported rather than crash the reader that opens it.
function walkContent(root: string, rel: string, skip: (folder: string) => boolean): { files: string[]; broken: string[] } {
  const files: string[] = [];
  const broken: string[] = [];
  const walk = (folder: string) => {
    const full = path.join(root, folder);
    if (!existsSync(full)) return;
    for (const entry of readdirSync(full, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const child = `${folder}/${entry.name}`;
      let kind: "folder" | "file" | undefined = entry.isDirectory() ? "folder" : entry.isFile() ? "file" : undefined;
      if (entry.isSymbolicLink()) {
        try {
          const stat = statSync(path.join(root, child));
          kind = stat.isDirectory() ? undefined : "file"; // a linked folder could loop; it is not walked
        } catch {
          broken.push(child);
          continue;
        }
      }
      if (kind === "folder") {
        if (!skip(child)) walk(child);
      } else if (kind === "file") files.push(child);
    }
  };
  walk(rel);
  return { files: files.sort(), broken: broken.sort() };
}
