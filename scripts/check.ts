// `npm run check`: validate every post and the settings without rendering anything.
// Prints every problem in every file; exits 1 when there is an error. It neither
// imports Eleventy nor runs citeproc, so it is a small fraction of a build.
import path from "node:path";
import { parseArgs } from "node:util";
import { loadCorpus } from "../lib/corpus.ts";
import { formatReport, hasErrors, REPORT_ENDINGS } from "../lib/diagnostics.ts";
import { loadSettings } from "../lib/settings.ts";
import { runStep } from "./run-step.ts";

const { values } = parseArgs({ options: { root: { type: "string", default: process.cwd() } } });

await runStep(async () => {
  const root = path.resolve(values.root!);
  const settings = loadSettings(root);
  const { posts, diagnostics } = loadCorpus(root, settings, { citations: "resolve" });
  if (diagnostics.length) console.error(formatReport(diagnostics, REPORT_ENDINGS.check));
  if (hasErrors(diagnostics)) {
    process.exitCode = 1;
    return;
  }
  console.log(`${posts.length} post${posts.length === 1 ? "" : "s"} checked: no errors.`);
});
