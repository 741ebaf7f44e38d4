// `npm start`: live preview with incremental rebuilds. Drafts and future posts are
// shown; problems are printed on every rebuild and the server keeps running.
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { runStep } from "./run-step.ts";

const { values } = parseArgs({ options: { port: { type: "string", default: "8080" } } });

await runStep(async () => {
  const eleventy = new Eleventy("content", "_site", { configPath: ".eleventy.ts", runMode: "serve", quietMode: true });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(Number(values.port));
});
