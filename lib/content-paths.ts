// Where things are in a site's folder: the settings file and the posts (every .md
// file in content/posts/ and its folders, in path order). No dependencies, so any
// command can ask.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "./diagnostics.ts";

export const SETTINGS_FILE = "content/_data/site.yaml";
export const POSTS_DIR = "content/posts";

/** The part of a post's file name after the date: its address is /posts/<slug>/. */
export function slugFromFile(file: string): string {
  return path.basename(file, path.extname(file)).replace(/^\d{4}-\d{2}-\d{2}-/, "");
}

/** Every post file, from the project root: content/posts/…/*.md (a folder per year is fine). */
export function listPostFiles(root: string): string[] {
  return postsFolderFiles(root).filter((file) => file.endsWith(".md"));
}

// Markdown under another name (.MD, .markdown…), or a text file with front matter
// ("post.md.txt", as some editors save it): the build would leave it out without a word.
const MARKDOWN_LIKE = /\.(?:md|markdown|mdown|mkdn?|mdwn|mdtxt|mdtext)$/i;
const TEXT = /\.(?:txt|text)$/i;

/** A post file the build would skip because of its name, as an error naming the name to give it. */
export function misnamedPostFiles(root: string): Diagnostic[] {
  const out: Diagnostic[] = [];
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
  const out: string[] = [];
  const walk = (rel: string) => {
    const full = path.join(root, rel);
    if (!existsSync(full)) return;
    for (const entry of readdirSync(full, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() || entry.isSymbolicLink()) out.push(child);
    }
  };
  walk(POSTS_DIR);
  return out.sort();
}
