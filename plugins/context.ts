// What every chatpost plugin shares for one Eleventy run: the project root, the
// validated settings and whether this is a preview (`npm start`) or a real build.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatReport, REPORT_ENDINGS, SettingsError, type Diagnostic } from "../lib/diagnostics.ts";
import { loadSiteSettings, type Settings } from "../lib/settings.ts";
import type { BuildMode } from "../lib/publishing.ts";

/** Where chatpost itself lives (layouts, assets); the content may live elsewhere (tests, benchmarks). */
export const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface ChatpostContext {
  /** The site being built: the folder that holds content/. */
  root: string;
  settings: Settings;
  /** The settings' warnings (an old zone name), reported with the posts' problems (plugins/posts.ts). */
  settingsWarnings: Diagnostic[];
  mode: BuildMode;
}

let current: ChatpostContext | undefined;

/**
 * Called by .eleventy.ts: once for a build; under `npm start` again whenever the settings
 * file changes (plugins/site.ts has Eleventy reset its configuration then), so an edit
 * to content/_data/site.yaml reaches the preview. The input directory is `<root>/content`.
 */
export function initContext(inputDir: string): ChatpostContext {
  const root = path.resolve(inputDir, "..");
  const runMode = process.env.ELEVENTY_RUN_MODE;
  const mode: BuildMode = runMode === "serve" || runMode === "watch" ? "preview" : "build";
  let loaded: { settings: Settings; warnings: Diagnostic[] };
  try {
    loaded = loadSiteSettings(root);
  } catch (error) {
    // A mistake saved while the preview runs: say so and keep previewing with the settings
    // as they were, rather than stop the server. A build (or the first start) stops on it.
    if (!(error instanceof SettingsError) || mode !== "preview" || current?.root !== root) throw error;
    console.error(formatReport(error.diagnostics, REPORT_ENDINGS.previewSettings));
    return current;
  }
  current = { root, settings: loaded.settings, settingsWarnings: loaded.warnings, mode };
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
