// Where things are in a site's folder: the settings file and the posts (every .md
// file in content/posts/, in name order). No dependencies, so any command can ask.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

export const SETTINGS_FILE = "content/_data/site.yaml";
export const POSTS_DIR = "content/posts";

export function listPostFiles(root: string): string[] {
  const dir = path.join(root, POSTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `${POSTS_DIR}/${name}`);
}
