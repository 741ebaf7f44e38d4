// `npm run check`: validate every post and the settings without rendering anything.
// Prints every problem in every file; exits 1 when there is an error. It neither
// imports Eleventy nor runs citeproc, and posts validated before with the same text
// are not parsed again (lib/site-check.ts), so it is a small fraction of a build.
// The Nunjucks pages are compiled with the filters and tags the build has
// (plugins/template-names.ts), without loading Eleventy.
import path from "node:path";
import { formatReport, hasErrors, REPORT_ENDINGS } from "../lib/diagnostics.ts";
import { checkSite } from "../lib/site-check.ts";
import { problemsOnGitHub, runStep, showOnGitHub } from "./run-step.ts";
import { commandLine } from "./command-line.ts";

const { values } = commandLine({ name: "npm run check", options: {} });

problemsOnGitHub(values.root, "npm run check");
await runStep(async () => {
  const root = path.resolve(values.root);
  const { siteTemplateLanguage } = await import("../plugins/template-names.ts");
  const { posts, diagnostics } = await checkSite(root, siteTemplateLanguage(root));
  if (diagnostics.length) {
    console.error(formatReport(diagnostics, REPORT_ENDINGS.check));
    showOnGitHub(diagnostics);
  }
  if (hasErrors(diagnostics)) {
    process.exitCode = 1;
    return;
  }
  console.log(`${posts} post${posts === 1 ? "" : "s"} checked: no errors.`);
}, REPORT_ENDINGS.check);
