// Under `npm start`, removes from the preview folder the pages no source makes any more
// (lib/preview-outputs.ts): a tag no post has now, a deleted post (scripts/serve.ts has a
// deletion rebuild every page). Synchronous, and added before the site-links plugin, whose
// check looks in the folder: a link to a removed page is then reported, as a build would.
import path from "node:path";
import { OutputLedger, removeWithEmptyFolders } from "../lib/preview-outputs.ts";
import { context } from "./context.ts";

// Outside the plugin: Eleventy sets its plugins up again when the settings file changes.
const ledger = new OutputLedger();

export default function previewOutputsPlugin(eleventyConfig: any): void {
  eleventyConfig.on("eleventy.after", ({ directories, results, incremental }: { directories: { output: string }; results: { inputPath: string; outputPath: string | false }[]; incremental: boolean }) => {
    if (context().mode !== "preview") return;
    const output = path.resolve(directories.output);
    const written = results.flatMap((r) => (r.outputPath ? [{ input: path.resolve(r.inputPath), output: path.resolve(r.outputPath) }] : []));
    for (const file of ledger.record(written, !incremental)) removeWithEmptyFolders(file, output);
  });
}
