// `npm start`: live preview with incremental rebuilds. Drafts and future posts are
// shown; problems are printed on every rebuild (and shown on the post's own page)
// and the server keeps running.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { APP_DIR } from "../plugins/context.ts";
import { REPORT_ENDINGS } from "../lib/diagnostics.ts";
import { interceptEleventyErrors, runStep } from "./run-step.ts";
import { commandLine } from "./command-line.ts";

const { values } = commandLine({
  name: "npm start",
  options: {
    port: { type: "string", default: "8080", value: "N", help: "the port of the preview server (default 8080)" },
    output: { type: "string", default: "_preview", value: "DIR", help: "the folder the preview is written to (default _preview)" },
  },
});

await runStep(async () => {
  // The preview has drafts and future posts: it is written to its own folder, never to
  // _site/, so a preview can never be deployed by mistake.
  // Eleventy and the plugins read `content/` relative to the working directory.
  process.chdir(path.resolve(values.root));
  const eleventy = new Eleventy("content", values.output, {
    configPath: path.join(APP_DIR, ".eleventy.ts"),
    runMode: "serve",
    quietMode: true,
  });
  // A writer's mistake is printed as chatpost's report, never as a stack trace.
  interceptEleventyErrors(eleventy as never, "eleventy", REPORT_ENDINGS.previewStopped);
  await eleventy.init();
  // Rebuild only the templates a change touches: on a site of 1,000 posts a save is
  // back in the browser in about a second instead of a full build.
  eleventy.setIncrementalBuild(true);
  await eleventy.watch();
  reportWatchedPathsFromCwd(eleventy as never);
  await eleventy.serve(Number(values.port));
});

interface WatchingEleventy {
  watcher?: { options?: { cwd?: string }; listeners(event: string): ((path: string) => unknown)[]; removeAllListeners(event: string): void; on(event: string, fn: (path: string) => unknown): void };
}

/**
 * When the site lives outside chatpost (`--root`), chatpost's layouts are outside the
 * site, and Eleventy 3.1 then watches from a common parent folder but reports changed
 * files relative to that folder, not to the site: the incremental build would never
 * recognise the edited post. Hand Eleventy's own handlers the path as it knows it.
 */
function reportWatchedPathsFromCwd(eleventy: WatchingEleventy): void {
  const watcher = eleventy.watcher;
  const base = watcher?.options?.cwd;
  if (!watcher || !base) return;
  for (const event of ["change", "add", "unlink"]) {
    const handlers = watcher.listeners(event);
    watcher.removeAllListeners(event);
    watcher.on(event, (changed: string) => {
      const fromCwd = path.relative(process.cwd(), path.resolve(base, changed)).split(path.sep).join("/");
      for (const handler of handlers) void handler(fromCwd);
    });
  }
}
