// `npm run build`: validate everything, build into a temporary folder, and swap it
// in for _site/ only on success, so a failed build leaves the last good site intact.
import { existsSync } from "node:fs";
import { mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { loadCorpus } from "../lib/corpus.ts";
import { ContentError, formatReport, hasErrors } from "../lib/diagnostics.ts";
import { loadSettings } from "../lib/settings.ts";
import { APP_DIR } from "../plugins/context.ts";
import { runStep } from "./run-step.ts";

const { values } = parseArgs({
  options: {
    root: { type: "string", default: process.cwd() },
    output: { type: "string", default: "_site" },
    "path-prefix": { type: "string" },
    quiet: { type: "boolean", default: false },
  },
});

export async function build(root: string, output: string, quiet: boolean): Promise<void> {
  const settings = loadSettings(root);
  const { diagnostics } = loadCorpus(root, settings);
  if (hasErrors(diagnostics)) throw new ContentError(diagnostics);
  if (diagnostics.length) console.warn(formatReport(diagnostics));

  const target = path.resolve(root, output);
  const staging = await mkdtemp(path.join(path.dirname(target), ".build-"));
  try {
    const previousCwd = process.cwd();
    process.chdir(root);
    try {
      const eleventy = new Eleventy("content", staging, { configPath: path.join(APP_DIR, ".eleventy.ts"), quietMode: quiet, runMode: "build" });
      await eleventy.write();
    } finally {
      process.chdir(previousCwd);
    }
    const retired = `${target}.previous-${process.pid}`;
    if (existsSync(target)) await rename(target, retired);
    await rename(staging, target);
    await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

if (values["path-prefix"]) process.env.CHATPOST_PATH_PREFIX = values["path-prefix"];
await runStep(() => build(path.resolve(values.root!), values.output!, values.quiet!));
