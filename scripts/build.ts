// `npm run build`: validate everything, build into a temporary folder, and swap it
// in for _site/ only on success, so a failed build leaves the last good site intact.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";
import { inputFingerprint, isUpToDate, readBuildRecord, stableSpan, writeBuildRecord, outputStamp } from "../lib/build-record.ts";
import { now } from "../lib/clock.ts";
import { projectCache } from "../lib/content-cache.ts";
import { ContentError, formatReport, hasErrors } from "../lib/diagnostics.ts";
import { interceptEleventyErrors, runStep } from "./run-step.ts";
import { trace } from "../lib/build-trace.ts";
import { commandLine } from "./command-line.ts";

const APP_DIR = path.resolve(import.meta.dirname, "..");

const { values } = commandLine({
  name: "npm run build",
  options: {
    output: { type: "string", default: "_site", value: "DIR", help: "the folder the site is written to (default _site)" },
    "path-prefix": { type: "string", value: "P", help: "the site lives under /P/ on its host (default: pathPrefix in content/_data/site.yaml)" },
    force: { type: "boolean", help: "build even when nothing changed since the last build" },
    quiet: { type: "boolean", help: "print only problems" },
  },
});

/** Temporary folders of a build of `target`: `.<name>.build-<pid>-*` (staging) and `<name>.previous-<pid>` (the retired site). */
function leftoverPattern(target: string): RegExp {
  const name = path.basename(target).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^(?:\\.${name}\\.build-(\\d+)-.+|${name}\\.previous-(\\d+))$`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A build that was killed leaves its temporary folders behind; the next build of the same target removes them. */
async function removeLeftovers(target: string): Promise<void> {
  const dir = path.dirname(target);
  if (!existsSync(dir)) return;
  const pattern = leftoverPattern(target);
  for (const name of readdirSync(dir)) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = Number(m[1] ?? m[2]);
    if (pid !== process.pid && isRunning(pid)) continue; // another build of the same site is running
    await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

function clockOrUndefined(): Date | undefined {
  try {
    return now();
  } catch {
    return undefined;
  }
}

export async function build(root: string, output: string, quiet: boolean, force: boolean): Promise<void> {
  const target = path.resolve(root, output);
  // Nothing changed since the last build of this folder (lib/build-record.ts): nothing to do.
  // Hashed before anything is read, so an input edited during the build is seen next time.
  // A clock that cannot be read (a bad CHATPOST_NOW) keeps no record: the build reports it.
  const buildTime = clockOrUndefined();
  const cache = buildTime ? projectCache() : undefined;
  const inputs = cache ? inputFingerprint({ root, appDir: APP_DIR, output: target, env: process.env }) : undefined;
  if (cache && inputs && buildTime && !force) {
    const record = readBuildRecord(cache, target);
    if (isUpToDate(record, inputs, target, buildTime)) {
      if (record.warnings) console.warn(record.warnings);
      const shown = path.relative(process.cwd(), target);
      if (!quiet) console.log(`${shown.startsWith("..") ? target : shown || "."} is up to date: no input changed since it was built (npm run build -- --force builds anyway).`);
      return;
    }
  }

  // Loaded here, not at the top: an up-to-date build needs none of it.
  const { loadSettings } = await import("../lib/settings.ts");
  const { forgetLoadedPosts, loadCorpus } = await import("../lib/corpus.ts");
  trace("validation starts");
  const settings = loadSettings(root);
  // Share images: drawn with the site's added fonts too; what no font can draw is a
  // warning with the others (it depends on font files, which validation records do not see).
  // The warnings need the fonts before Eleventy runs; its plugin (plugins/og-image.ts) sets the same list for the drawing.
  const { shareCardProblems, siteShareImageFonts, useShareImageFonts } = await import("../lib/og-image.ts");
  const { shareCardFor } = await import("../plugins/og-image.ts");
  useShareImageFonts(siteShareImageFonts(settings, root));
  // Only the diagnostics and the clock span leave this block: once Eleventy has written
  // the site, nothing holds the posts (see below).
  const { diagnostics, span } = (() => {
    const { posts, diagnostics } = loadCorpus(root, settings);
    const cards = posts.filter((post) => !post.draft).map((post) => ({ file: post.file, card: shareCardFor(post, settings) }));
    return { diagnostics: [...diagnostics, ...shareCardProblems(cards, settings, root)], span: buildTime && stableSpan(posts, buildTime) };
  })();
  trace("validation done");
  if (hasErrors(diagnostics)) throw new ContentError(diagnostics);
  const warnings = diagnostics.length ? formatReport(diagnostics) : "";
  if (warnings) console.warn(warnings);

  await removeLeftovers(target);
  // `--output build/site` with no build/ yet: the staging folder goes next to the site.
  await mkdir(path.dirname(target), { recursive: true });
  const written: (() => void)[] = [];
  const staging = await mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}.build-${process.pid}-`));
  try {
    // Eleventy and the plugins read `content/` relative to the working directory. The
    // directory is not restored: Eleventy may still be copying files after a failure.
    process.chdir(root);
    // Loaded here, not at the top: a build with a writer's mistake stops before paying for Eleventy.
    const { default: Eleventy } = await import("@11ty/eleventy");
    const { APP_DIR } = await import("../plugins/context.ts");
    const { drawShareImagesInBackground, shareImagesDrawn, stopShareImages } = await import("../plugins/og-image.ts");
    const { brokenSiteLinks } = await import("../plugins/site-links.ts");
    // The warnings were printed above; the posts plugin, which validates again inside Eleventy, need not repeat them.
    (await import("../plugins/posts.ts")).warningsAlreadyPrinted();
    // The share images (PNGs, on worker threads) are drawn while the site is finished below.
    drawShareImagesInBackground();
    trace("eleventy starts");
    try {
      // In a function of its own, so that nothing refers to Eleventy once it has written
      // the site: its pages and data (most of a big build's memory) can then be collected
      // while Pagefind runs and the share images are drawn. The loaded posts too.
      await (async () => {
        const eleventy = new Eleventy("content", staging, { configPath: path.join(APP_DIR, ".eleventy.ts"), quietMode: quiet, runMode: "build" });
        // Eleventy names the files it writes where they will be once the build succeeds, not
        // in the staging folder. --quiet prints only the writers' problems (chatpost's own
        // report): not the summary Eleventy always prints, nor its notes on its own speed.
        const named = (message: unknown) => (typeof message === "string" ? message.split(staging).join(target) : message);
        const unlessQuiet = (print: (message: unknown) => void) => (quiet ? () => {} : (message: unknown) => print(named(message)));
        // Its lines on what it wrote ("Writing _site/…", "Wrote 27 files") are held until the
        // site is swapped in: a build stopped after Eleventy (a broken link) wrote nothing.
        const once = (print: (message: unknown) => void) => (quiet ? () => {} : (message: unknown) => void written.push(() => print(named(message))));
        eleventy.logger.overrideLogger({
          log: once(console.log),
          info: once(console.info),
          warn: unlessQuiet(console.warn),
          error: (message: unknown) => console.error(named(message)),
        });
        if (quiet) {
          // Eleventy 3.1's notes on slow filters have loggers of their own, made verbose
          // before its quiet mode is known: quieted here (internal, hence the care).
          await eleventy.init();
          const groups = (eleventy as { eleventyConfig?: { userConfig?: { benchmarkManager?: { getAll(): Record<string, { setIsVerbose(on: boolean): void }> } } } }).eleventyConfig?.userConfig?.benchmarkManager?.getAll();
          for (const group of Object.values(groups ?? {})) group.setIsVerbose(false);
        }
        interceptEleventyErrors(eleventy as never, "silent");
        await eleventy.write();
      })();
      // Links to the site's own addresses that lead nowhere in what Eleventy wrote (plugins/site-links.ts).
      const broken = brokenSiteLinks();
      if (broken.length) throw new ContentError(broken);
      forgetLoadedPosts();
      trace("eleventy done");
      // Publishing step (lib/post-build.ts): Pagefind's search index and the _headers file, from the built pages.
      const { finishSite } = await import("../lib/post-build.ts");
      await finishSite(staging, { pathPrefix: process.env.CHATPOST_PATH_PREFIX ?? settings.pathPrefix, language: settings.language });
      trace("search index and headers done");
    } catch (error) {
      // Nothing is removed while images are still being written into it.
      stopShareImages();
      await shareImagesDrawn().catch(() => undefined);
      throw error;
    }
    await shareImagesDrawn();
    trace("share images copied");
    const retired = `${target}.previous-${process.pid}`;
    const hadSite = existsSync(target);
    if (hadSite) await rename(target, retired);
    try {
      await rename(staging, target);
    } catch (error) {
      if (hadSite) await rename(retired, target);
      throw error;
    }
    await rm(retired, { recursive: true, force: true });
    for (const print of written) print();
    trace("site swapped in");
    if (cache && inputs && buildTime && span) {
      // Eleventy read the clock during the build: the record holds only if no post was
      // published and no chat ended between the start and the end of the build.
      const finished = clockOrUndefined();
      if (finished && (span.until === null || finished.getTime() < span.until)) {
        writeBuildRecord(cache, target, { inputs, output: outputStamp(target)!, ...span, warnings });
      }
    }
  } catch (error) {
    // Eleventy may still be copying files into the staging folder, so the first removal
    // can race with it (ENOTEMPTY): remove it again once everything has stopped.
    process.once("exit", () => {
      try {
        rmSync(staging, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // The next build removes what is left (removeLeftovers).
      }
    });
    await rm(staging, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    throw error;
  }
}

if (values["path-prefix"]) process.env.CHATPOST_PATH_PREFIX = values["path-prefix"];
await runStep(() => build(path.resolve(values.root), values.output, values.quiet, values.force));
