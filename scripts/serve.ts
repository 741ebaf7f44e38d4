// `npm start`: live preview with incremental rebuilds. Drafts and future posts are
// shown; problems are printed on every rebuild (and shown on the post's own page)
// and the server keeps running.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { APP_DIR } from "../plugins/context.ts";
import { checkCacheFolder } from "../lib/content-cache.ts";
import { REPORT_ENDINGS } from "../lib/diagnostics.ts";
import { PUBLISHED_FILE_EXTENSIONS } from "../lib/local-paths.ts";
import { removeWithEmptyFolders } from "../lib/preview-outputs.ts";
import { interceptEleventyErrors, runStep, whenOrphaned } from "./run-step.ts";
import { commandLine } from "./command-line.ts";

const { values } = commandLine({
  name: "npm start",
  options: {
    port: { type: "string", default: "8080", value: "N", help: "the port of the preview server (default 8080)" },
    output: { type: "string", default: "_preview", value: "DIR", help: "the folder the preview is written to (default _preview)" },
  },
});

// npm stopped by a signal leaves this server running, holding its port, unless it stops too.
whenOrphaned(() => process.exit(128 + 1));

await runStep(async () => {
  // The preview has drafts and future posts: it is written to its own folder, never to
  // _site/, so a preview can never be deployed by mistake.
  // Eleventy and the plugins read `content/` relative to the working directory.
  process.chdir(path.resolve(values.root));
  // A cache inside content/ (CHATPOST_CACHE_DIR) would be watched, and each rebuild writing it would start another.
  checkCacheFolder(".");
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
  const rebuild = (await eleventy.watch()) as unknown as (file: string) => Promise<void>;
  watchAsChatpostNeeds(eleventy as never, rebuild, path.resolve(values.output));
  await eleventy.serve(Number(values.port));
}, REPORT_ENDINGS.previewNotStarted);

interface WatchingEleventy {
  watcher?: { options?: { cwd?: string }; listeners(event: string): ((path: string) => unknown)[]; removeAllListeners(event: string): void; on(event: string, fn: (path: string) => unknown): void };
  config: { events: { on(event: string, fn: (arg: { incremental: boolean }) => void): void; removeListener(event: string, fn: (arg: { incremental: boolean }) => void): void } };
  setIncrementalBuild(on: boolean): void;
  watchManager?: { isBuildRunning(): boolean };
}

/**
 * Two things Eleventy 3.1's watcher does not do as the preview needs:
 * - When the site lives outside chatpost (`--root`), chatpost's layouts are outside the
 *   site, and Eleventy then watches from a common parent folder but reports changed files
 *   relative to that folder, not to the site: the incremental build would never recognise
 *   the edited post. Its own handlers are given the path as it knows it.
 * - A deleted file only leaves Eleventy's list of files (11ty/eleventy#2798, fixed in
 *   v4): the preview kept serving and listing a deleted post. A deletion now rebuilds every
 *   page, not incrementally (which rebuilds only pages that depend on files that exist),
 *   so lists and tag pages forget it and plugins/preview-outputs.ts removes what it wrote.
 * - A file added while another is being rebuilt incrementally made Eleventy 3.1 fail with
 *   "`templateRender` has not yet initialized" (the new page joins the list of files before
 *   it is read). An added file is handed to Eleventy only once no build is running, and is
 *   built with every page: lists and tag pages need it anyway.
 */
function watchAsChatpostNeeds(eleventy: WatchingEleventy, rebuild: (file: string) => Promise<void>, output: string): void {
  const watcher = eleventy.watcher;
  if (!watcher) return;
  const base = watcher.options?.cwd;
  const asEleventyKnowsIt = (changed: string) => (base ? path.relative(process.cwd(), path.resolve(base, changed)).split(path.sep).join("/") : changed);
  for (const event of ["change", "add", "unlink"]) {
    const handlers = watcher.listeners(event);
    watcher.removeAllListeners(event);
    watcher.on(event, (changed: string) => {
      const file = asEleventyKnowsIt(changed);
      const handOver = () => {
        for (const handler of handlers) void handler(file);
      };
      if (event === "add") {
        whenNoBuildRuns(eleventy, () => {
          buildEveryPageNext(eleventy);
          handOver();
        });
        return;
      }
      handOver();
      if (event === "unlink") rebuildAfterDeletion(eleventy, rebuild, file, output);
    });
  }
}

function rebuildAfterDeletion(eleventy: WatchingEleventy, rebuild: (file: string) => Promise<void>, file: string, output: string): void {
  // A deleted file the site publishes as it is (a PDF, an image) was copied into the folder.
  const fromContent = path.relative(path.resolve("content"), path.resolve(file));
  if (!fromContent.startsWith("..") && PUBLISHED_FILE_EXTENSIONS.includes(path.extname(file).slice(1).toLowerCase())) {
    removeWithEmptyFolders(path.join(output, fromContent), output);
  }
  buildEveryPageNext(eleventy);
  void rebuild(file);
}

/** Runs `then` once Eleventy has no build under way (at once when it has none). */
function whenNoBuildRuns(eleventy: WatchingEleventy, then: () => void): void {
  if (!eleventy.watchManager?.isBuildRunning()) return then();
  setTimeout(() => whenNoBuildRuns(eleventy, then), 50);
}

/** The next build renders every page, not incrementally; the ones after it are incremental again. */
function buildEveryPageNext(eleventy: WatchingEleventy): void {
  // Incremental again once a build of every page has written the site (not a build already
  // under way, which Eleventy began incrementally); an edit saved meanwhile follows it.
  if (!wholeBuildPending) {
    wholeBuildPending = true;
    const { events } = eleventy.config;
    const restore = ({ incremental }: { incremental: boolean }) => {
      if (incremental) return;
      events.removeListener("eleventy.after", restore);
      wholeBuildPending = false;
      eleventy.setIncrementalBuild(true);
    };
    events.on("eleventy.after", restore);
  }
  eleventy.setIncrementalBuild(false);
}

let wholeBuildPending = false;
