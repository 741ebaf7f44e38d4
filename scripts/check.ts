// `npm run check`: validate every post and the settings without rendering anything.
// Prints every problem in every file; exits 1 when there is an error.
import path from "node:path";
import { parseArgs } from "node:util";
import { loadCorpus } from "../lib/corpus.ts";
import { ContentError, formatReport, hasErrors } from "../lib/diagnostics.ts";
import { loadSettings } from "../lib/settings.ts";
import { runStep } from "./run-step.ts";

const { values } = parseArgs({ options: { root: { type: "string", default: process.cwd() } } });

await runStep(async () => {
  const root = path.resolve(values.root!);
  const settings = loadSettings(root);
  const { posts, diagnostics } = loadCorpus(root, settings);
  if (hasErrors(diagnostics)) throw new ContentError(diagnostics);
  if (diagnostics.length) console.warn(formatReport(diagnostics));
  console.log(`${posts.length} post${posts.length === 1 ? "" : "s"} checked: no errors.`);
});
