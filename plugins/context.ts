// What every chatpost plugin shares for one Eleventy run: the project root, the
// validated settings and whether this is a preview (`npm start`) or a real build.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadSettings, type Settings } from "../lib/settings.ts";
import type { BuildMode } from "../lib/publishing.ts";

/** Where chatpost itself lives (layouts, assets); the content may live elsewhere (tests, benchmarks). */
export const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface ChatpostContext {
  /** The site being built: the folder that holds content/. */
  root: string;
  settings: Settings;
  mode: BuildMode;
}

let current: ChatpostContext | undefined;

/** Called once by .eleventy.ts; the input directory is `<root>/content`. */
export function initContext(inputDir: string): ChatpostContext {
  const root = path.resolve(inputDir, "..");
  const runMode = process.env.ELEVENTY_RUN_MODE;
  const mode: BuildMode = runMode === "serve" || runMode === "watch" ? "preview" : "build";
  current = { root, settings: loadSettings(root), mode };
  return current;
}

export function context(): ChatpostContext {
  if (!current) throw new Error("chatpost internal error: the Eleventy plugins were used before .eleventy.ts initialised them");
  return current;
}

/** chatpost's own layouts serve any content folder (test fixtures, benchmarks): the path Eleventy wants, relative to the input. */
export function layoutsDirectoryFor(inputDir: string): string {
  return path.relative(path.resolve(inputDir), path.join(APP_DIR, "layouts"));
}
