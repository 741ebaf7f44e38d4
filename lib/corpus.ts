// All posts of a site, loaded and validated together, so that every problem in
// every file is reported at once, including those between files.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "./diagnostics.ts";
import { loadPost, type LoadContext, type LoadResult, type Post } from "./post-loader.ts";
import type { Settings } from "./settings.ts";

export const POSTS_DIR = "content/posts";

export interface Corpus {
  posts: Post[];
  diagnostics: Diagnostic[];
}

// Parsed posts keyed by file and content hash: the check, the build and each
// incremental rebuild under `npm start` parse a file only when its text changed.
const cache = new Map<string, { hash: string; settings: Settings; result: LoadResult }>();

export function loadPostFile(root: string, file: string, settings: Settings): LoadResult {
  const raw = readFileSync(path.join(root, file), "utf8");
  const hash = createHash("sha1").update(raw).digest("hex");
  const hit = cache.get(file);
  if (hit && hit.hash === hash && hit.settings === settings) return hit.result;
  const ctx: LoadContext = { settings, root, fileExists: (rel) => existsSync(path.join(root, rel)) };
  const result = loadPost(file, raw, ctx);
  cache.set(file, { hash, settings, result });
  return result;
}

export function listPostFiles(root: string): string[] {
  const dir = path.join(root, POSTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `${POSTS_DIR}/${name}`);
}

export function loadCorpus(root: string, settings: Settings): Corpus {
  const posts: Post[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of listPostFiles(root)) {
    const result = loadPostFile(root, file, settings);
    diagnostics.push(...result.diagnostics);
    if (result.post) posts.push(result.post);
  }
  diagnostics.push(...crossFileProblems(posts));
  return { posts, diagnostics };
}

/** Problems between posts: two posts at one address, or two chats at one instant. */
export function crossFileProblems(posts: Post[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byUrl = new Map<string, Post>();
  const byStart = new Map<number, Post>();
  for (const post of posts) {
    const other = byUrl.get(post.url);
    if (other) {
      out.push({
        severity: "error", file: post.file, line: 1, column: 1, field: "",
        message: `this post and ${other.file} both get the address ${post.url}`,
        fix: "rename one of the two files so their names after the date differ",
      });
    } else byUrl.set(post.url, post);
    if (post.chat && !post.draft) {
      const twin = byStart.get(post.chat.startMillis);
      if (twin) {
        out.push({
          severity: "error", file: post.file, field: "chat.start",
          message: `this chat starts at the same moment as the chat in ${twin.file}`,
          fix: "correct the start of one of them, or mark one `draft: true`",
        });
      } else byStart.set(post.chat.startMillis, post);
    }
  }
  return out;
}
