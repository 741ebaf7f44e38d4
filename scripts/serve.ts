// `npm start`: live preview with incremental rebuilds. Drafts and future posts are
// shown; problems are printed on every rebuild (and shown at the address of the post or
// page they are in) and the server keeps running.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { APP_DIR } from "../plugins/context.ts";
import { checkCacheFolder } from "../lib/content-cache.ts";
import { REPORT_ENDINGS } from "../lib/diagnostics.ts";
import { PUBLISHED_FILE_EXTENSIONS } from "../lib/local-paths.ts";
import { previewOutputProblem, removeWithEmptyFolders } from "../lib/preview-outputs.ts";
import { whenPreviewPagesStale } from "../plugins/posts.ts";
import { previewAtLeftAddress } from "../plugins/preview-outputs.ts";
import { hideEleventyBenchmarks, interceptEleventyErrors, reportFailure, runStep, whenOrphaned } from "./run-step.ts";
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

/** Builds Eleventy began and completed (`eleventy.after` is emitted only by a build that succeeded). */
const builds = { started: 0, finished: 0 };

/** The next build renders every page; set by an added or deleted file and by a failed build, cleared by a full build. */
let wholeBuildPending = false;

await runStep(async () => {
  // The preview has drafts and future posts: it is written to its own folder, never to
  // _site/, so a preview can never be deployed by mistake.
  // Eleventy and the plugins read `content/` relative to the working directory.
  process.chdir(path.resolve(values.root));
  const outputProblem = previewOutputProblem(".", values.output);
  if (outputProblem) {
    console.error(`npm start: the preview cannot be written to ${values.output}: ${outputProblem} → leave out --output (the preview goes to _preview/), or name a folder of its own`);
    process.exit(2);
  }
  // A cache inside content/ (CHATPOST_CACHE_DIR) would be watched, and each rebuild writing it would start another.
  checkCacheFolder(".");
  // Eleventy's timing hints are for its own developers, not for writers.
  hideEleventyBenchmarks(console);
  const eleventy = new Eleventy("content", values.output, {
    configPath: path.join(APP_DIR, ".eleventy.ts"),
    runMode: "serve",
    quietMode: true,
    // Run with every configuration: the first, and each one after a save of the settings.
    config: (eleventyConfig: EleventyUserConfig) => {
      // The open tab reloads the whole page after each build (the browser keeps the scroll
      // position). Eleventy's default, patching the page in place (eleventy-dev-server 2.1),
      // left an older version on screen after a few quick saves, and the tab then stopped following.
      // An address a post's page left (its file renamed or deleted) says where the post went,
      // with status 404 as the published site answers there (plugins/preview-outputs.ts).
      eleventyConfig.setServerOptions({ domDiff: false, middleware: [leftAddressMiddleware] });
      eleventyConfig.on("eleventy.before", () => builds.started++);
      eleventyConfig.on("eleventy.after", ({ incremental }: { incremental: boolean }) => {
        builds.finished++;
        if (!incremental) wholeBuildPending = false;
      });
    },
  });
  // A writer's mistake is printed as chatpost's report, never as a stack trace.
  interceptEleventyErrors(eleventy as never, "eleventy", REPORT_ENDINGS.previewStopped);
  await eleventy.init();
  // Rebuild only the templates a change touches: on a site of 1,000 posts a save is
  // back in the browser in about a second instead of a full build.
  eleventy.setIncrementalBuild(true);
  const rebuild = (await eleventy.watch()) as unknown as (file: string) => Promise<void>;
  const saved = watchAsChatpostNeeds(eleventy as never, rebuild, path.resolve(values.output));
  // A saved post can change what another post's page must show (a chat now at the same time,
  // a tag now spelled differently): that page is written too, by one more rebuild, queued
  // like a save (of every page when several are out of date).
  whenPreviewPagesStale((files) => {
    if (files.length > 1) wholeBuildPending = true;
    saved?.("change", files[0]!);
  });
  await eleventy.serve(Number(values.port));
}, REPORT_ENDINGS.previewNotStarted);

/** The dev server's middleware (connect-style) for the addresses posts' pages left. */
function leftAddressMiddleware(req: { method?: string; url?: string }, res: { statusCode: number; setHeader(name: string, value: string): void; end(body?: string): void }, next: () => void): void {
  const page = req.method === "GET" || req.method === "HEAD" ? previewAtLeftAddress(req.url ?? "/") : undefined;
  if (page === undefined) return next();
  res.statusCode = 404;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(page);
}

interface EleventyUserConfig {
  setServerOptions(options: object): void;
  on(event: string, fn: (arg: { incremental: boolean }) => void): void;
}

interface WatchingEleventy {
  watcher?: { options?: { cwd?: string }; listeners(event: string): ((path: string) => unknown)[]; removeAllListeners(event: string): void; on(event: string, fn: (path: string) => unknown): void };
  setIncrementalBuild(on: boolean): void;
  shouldTriggerConfigReset(files: string[]): boolean;
}

type WatchEvent = { event: "change" | "add" | "unlink"; file: string };

/**
 * What Eleventy 3.1's watcher does not do as the preview needs:
 * - When the site lives outside chatpost (`--root`), chatpost's layouts are outside the
 *   site, and Eleventy then watches from a common parent folder but reports changed files
 *   relative to that folder, not to the site: the incremental build would never recognise
 *   the edited post. Its own handlers are given the path as it knows it.
 * - Eleventy handles a saved file at once, even while it is building: it empties its shared
 *   cache of layouts then, under the build's feet, which failed ("Cannot read properties of
 *   undefined (reading 'engine')") when two posts were saved a few milliseconds apart, and
 *   could leave pages half set up so that every later incremental build failed too. Saves are
 *   therefore queued here and handed to Eleventy together, only between builds.
 * - A deleted file only leaves Eleventy's list of files (11ty/eleventy#2798, fixed in
 *   v4): the preview kept serving and listing a deleted post. A deletion now rebuilds every
 *   page, not incrementally (which rebuilds only pages that depend on files that exist),
 *   so lists and tag pages forget it and plugins/preview-outputs.ts removes what it wrote.
 *   An added file is built with every page too: lists and tag pages need it anyway.
 * - A save of the settings resets Eleventy's configuration, which also forgets that builds
 *   are incremental: every later save rebuilt the whole site. It is set again for each save.
 */
function watchAsChatpostNeeds(eleventy: WatchingEleventy, rebuild: (file: string) => Promise<void>, output: string): ((event: WatchEvent["event"], file: string) => void) | undefined {
  const watcher = eleventy.watcher;
  if (!watcher) return undefined;
  const base = watcher.options?.cwd;
  const asEleventyKnowsIt = (changed: string) => (base ? path.relative(process.cwd(), path.resolve(base, changed)).split(path.sep).join("/") : changed);
  const handlers = new Map<string, ((path: string) => unknown)[]>();
  for (const event of ["change", "add", "unlink"] as const) {
    handlers.set(event, watcher.listeners(event));
    watcher.removeAllListeners(event);
    watcher.on(event, (changed: string) => enqueue(event, asEleventyKnowsIt(changed)));
  }
  const enqueue = (event: WatchEvent["event"], file: string) => {
    if (!queue.some((saved) => saved.event === event && saved.file === file)) queue.push({ event, file });
    void handOverQueue();
  };

  let queue: WatchEvent[] = [];
  let building = false;
  const handOverQueue = async () => {
    if (building || !queue.length) return;
    building = true;
    // A file that resets the configuration goes last: Eleventy resets it only if the last
    // file of a batch asks for it.
    const batch = [...queue.filter((saved) => !resetsConfig(saved.file)), ...queue.filter((saved) => resetsConfig(saved.file))];
    queue = [];
    if (batch.some((saved) => saved.event !== "change")) wholeBuildPending = true;
    eleventy.setIncrementalBuild(!wholeBuildPending);
    const { started, finished } = builds;
    try {
      // Eleventy starts one build for the batch (one per file when incremental, in turn); of
      // its calls, only the last one returns, once they are all done: the others never do.
      let last: unknown;
      for (const { event, file } of batch) {
        for (const handler of handlers.get(event) ?? []) {
          const called = handler(file);
          if (event !== "unlink") last = called;
        }
        if (event === "unlink") last = afterDeletion(rebuild, file, output);
      }
      await last;
    } catch (error) {
      // Whatever went wrong, later saves must still be previewed.
      reportFailure(error, REPORT_ENDINGS.previewStopped);
    } finally {
      // A failed build may leave pages half set up for the next incremental one.
      if (builds.started - started > builds.finished - finished) wholeBuildPending = true;
      eleventy.setIncrementalBuild(!wholeBuildPending);
      building = false;
      void handOverQueue();
    }
  };
  const resetsConfig = (file: string) => {
    try {
      return eleventy.shouldTriggerConfigReset([`./${file}`]);
    } catch {
      return false;
    }
  };
  return enqueue;
}

/** Removes what a deleted file published as it is; the build of every page that follows is the one returned. */
function afterDeletion(rebuild: (file: string) => Promise<void>, file: string, output: string): Promise<void> {
  // A deleted file the site publishes as it is (a PDF, an image) was copied into the folder.
  const fromContent = path.relative(path.resolve("content"), path.resolve(file));
  if (!fromContent.startsWith("..") && PUBLISHED_FILE_EXTENSIONS.includes(path.extname(file).slice(1).toLowerCase())) {
    removeWithEmptyFolders(path.join(output, fromContent), output);
  }
  return rebuild(file);
}

