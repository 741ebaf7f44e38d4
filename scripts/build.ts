// `npm run build`: validate everything, build into a temporary folder, and swap it
// in for _site/ only on success, so a failed build leaves the last good site intact.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { inputFingerprint, isUpToDate, readBuildRecord, stableSpan, writeBuildRecord, outputStamp } from "../lib/build-record.ts";
import { now } from "../lib/clock.ts";
import { projectCache, projectCacheFolder, removeTemporaryFiles, SHARE_IMAGES } from "../lib/content-cache.ts";
import { ContentError, formatReport, hasErrors } from "../lib/diagnostics.ts";
import { discardFolder, interceptEleventyErrors, problemsOnGitHub, runStep, showOnGitHub, whenOrphaned } from "./run-step.ts";
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

/** Left by a build that has ended (a pid this process now has was another's, long gone). */
const isStale = (pid: number) => pid === process.pid || !isRunning(pid);

/**
 * A build killed between the two renames of its swap (below) left no site, only the
 * retired one: it is put back before anything else, the newest when there are several
 * (each build retires the site it found). Never while its build is still running: that
 * build is about to swap its new site in.
 */
function restoreRetiredSite(target: string): string | undefined {
  const dir = path.dirname(target);
  if (existsSync(target) || !existsSync(dir)) return undefined;
  const pattern = leftoverPattern(target);
  const retired = readdirSync(dir)
    .map((name) => ({ name, m: pattern.exec(name) }))
    .filter(({ m }) => m?.[2] !== undefined && isStale(Number(m[2])))
    .map(({ name }) => ({ name, built: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.built - a.built)[0];
  if (!retired) return undefined;
  renameSync(path.join(dir, retired.name), target);
  return retired.name;
}

/**
 * A build that was killed leaves its temporary folders, and a share image it was drawing,
 * behind; every build of the same target removes those of builds that have ended, even one
 * with nothing to do. A retired site only once the target exists: it may be the only copy.
 * Two directory listings: cheap next to hashing the inputs.
 */
function removeLeftovers(target: string): void {
  const dir = path.dirname(target);
  if (existsSync(dir)) {
    const pattern = leftoverPattern(target);
    const hasSite = existsSync(target);
    for (const name of readdirSync(dir)) {
      const m = pattern.exec(name);
      if (!m || (m[2] !== undefined && !hasSite)) continue;
      if (isStale(Number(m[1] ?? m[2]))) rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  }
  // Where share images are drawn before they are renamed into the cache (plugins/og-image.ts); none when the cache is off.
  const images = projectCacheFolder(SHARE_IMAGES);
  if (images) removeTemporaryFiles(images, isStale);
}

/** The share images this build had half written, when it is stopped. */
function removeOwnPartialImages(): void {
  const images = projectCacheFolder(SHARE_IMAGES);
  if (images) removeTemporaryFiles(images, (pid) => pid === process.pid);
}

/** The folder the build is writing into, while there is one: removed if the build is stopped. */
let staging: string | undefined;
let swappedIn = false;

/**
 * Stopped by a signal (Ctrl-C, a CI job cancelled, `kill`), or orphaned because npm was
 * (scripts/run-step.ts): the build stops where it is, removes what it was writing, and
 * leaves the site as it was. The swap below is synchronous, so it never happens halfway:
 * a signal is handled before it or after it.
 */
function stopOnSignals(target: string): () => void {
  const shown = shownPath(target); // as typed: the build changes its working directory later
  const stop = (why: string, code: number) => {
    if (staging) {
      try {
        rmSync(staging, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // Still being written into: the next build removes it (removeLeftovers).
      }
    }
    removeOwnPartialImages();
    console.error(`npm run build: stopped (${why}); ${swappedIn ? `the new ${shown} was already in place` : `${shown} was not changed`}.`);
    process.exit(code);
  };
  for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15], ["SIGHUP", 1]] as const) process.on(signal, () => stop(signal, 128 + number));
  return whenOrphaned(() => stop("the command that started it has ended", 128 + 1));
}

/** `target` as the writer would type it: relative to the working directory when inside it. */
function shownPath(target: string): string {
  const shown = path.relative(process.cwd(), target);
  return shown.startsWith("..") ? target : shown || ".";
}

export async function build(root: string, output: string, quiet: boolean, force: boolean): Promise<void> {
  const target = path.resolve(root, output);
  const checkOrphaned = stopOnSignals(target);
  const restored = restoreRetiredSite(target);
  if (restored && !quiet) console.warn(`${shownPath(target)} was missing: put back ${restored}, the site a stopped build had set aside.`);
  removeLeftovers(target);
  // Nothing changed since the last build of this folder (lib/build-record.ts): nothing to do.
  // Hashed before anything is read, so an input edited during the build is seen next time.
  // (runStep has checked CHATPOST_NOW: the clock can be read.)
  const buildTime = now();
  const cache = projectCache();
  const inputs = cache ? inputFingerprint({ root, appDir: APP_DIR, output: target, env: process.env }) : undefined;
  if (cache && inputs && !force) {
    const record = readBuildRecord(cache, target);
    // Its warnings hold only while the record of the published chats is as that build left it (lib/chat-revisions.ts).
    if (isUpToDate(record, inputs, target, buildTime) && (await import("../lib/chat-revisions.ts")).chatRevisionsAsBuilt(cache, target)) {
      if (record.warnings) console.warn(record.warnings);
      if (!quiet) console.log(`${shownPath(target)} is up to date: no input changed since it was built (npm run build -- --force builds anyway).`);
      return;
    }
  }

  // Loaded here, not at the top: an up-to-date build needs none of it.
  const { loadSiteSettings } = await import("../lib/settings.ts");
  const { forgetLoadedPosts, loadCorpus } = await import("../lib/corpus.ts");
  trace("validation starts");
  // The settings' warnings (an old zone name) are reported with the posts' problems.
  const { settings, warnings: settingsWarnings } = loadSiteSettings(root);
  // Share images: drawn with the site's added fonts too; what no font can draw is a
  // warning with the others (it depends on font files, which validation records do not see).
  // The warnings need the fonts before Eleventy runs; its plugin (plugins/og-image.ts) sets the same list for the drawing.
  const { shareCardProblems, siteShareImageFonts, useShareImageFonts } = await import("../lib/og-image.ts");
  const { shareCardFor } = await import("../plugins/og-image.ts");
  useShareImageFonts(siteShareImageFonts(settings, root));
  // The published chats as calendars were given them (lib/chat-revisions.ts): a chat whose time
  // changed without a new `updated:` is a warning. Recorded again once the site is swapped in.
  const revisionsModule = await import("../lib/chat-revisions.ts");
  const { publishDay } = await import("../lib/publishing.ts");
  const day = publishDay(buildTime, settings.chat.zone);
  const revisionsKey = cache ? revisionsModule.chatRevisionsKey(root, settings.url) : undefined;
  // Only the diagnostics, the clock span and the chats' record leave this block: once Eleventy
  // has written the site, nothing holds the posts (see below).
  const { diagnostics, span, revisions, moved, aheadSettled } = (() => {
    // With the warnings on published chats changed without a later `updated:` (lib/chat-revisions.ts).
    const { posts, diagnostics, moved, calendarRevisions: recorded } = loadCorpus(root, settings);
    const cards = posts.filter((post) => !post.draft).map((post) => ({ file: post.file, card: shareCardFor(post, settings) }));
    const revisions = revisionsKey ? revisionsModule.nextChatRevisions(recorded, posts, day) : undefined;
    // A chat whose change needed a date ahead, published now: the record it is compared with
    // changes, and with it the warning on that date (lib/cross-file-checks.ts).
    const ahead = (record: typeof recorded) => [...revisionsModule.mustStayAhead(record, posts, day, buildTime.getTime())].join("\n");
    return {
      diagnostics: [...settingsWarnings, ...diagnostics, ...shareCardProblems(cards, settings, root)],
      span: stableSpan(posts, buildTime, settings.chat.zone),
      revisions,
      moved,
      aheadSettled: revisions !== undefined && ahead(recorded) !== ahead(revisions),
    };
  })();
  // The Nunjucks pages, each compiled on its own, reported with the posts' problems: Eleventy
  // would stop at the first broken one (and checks them again with its own names, plugins/page-templates.ts).
  // On record, as the check keeps them (lib/site-check.ts): a check after this build compiles none.
  const { checkTemplatePagesOnRecord } = await import("../lib/site-check.ts");
  const { siteTemplateLanguage } = await import("../plugins/template-names.ts");
  diagnostics.push(...(await checkTemplatePagesOnRecord(root, siteTemplateLanguage(root), cache)).diagnostics);
  trace("validation done");
  if (hasErrors(diagnostics)) throw new ContentError(diagnostics);
  const warnings = diagnostics.length ? formatReport(diagnostics) : "";
  if (warnings) {
    console.warn(warnings);
    showOnGitHub(diagnostics);
  }

  // `--output build/site` with no build/ yet: the staging folder goes next to the site.
  await mkdir(path.dirname(target), { recursive: true });
  const written: (() => void)[] = [];
  const building = (staging = await mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}.build-${process.pid}-`)));
  try {
    // Eleventy and the plugins read `content/` relative to the working directory. The
    // directory is not restored: Eleventy may still be copying files after a failure.
    process.chdir(root);
    // Loaded here, not at the top: a build with a writer's mistake stops before paying for Eleventy.
    const { default: Eleventy } = await import("@11ty/eleventy");
    const { APP_DIR } = await import("../plugins/context.ts");
    const { drawShareImagesInBackground, pruneShareImages, shareImagesDrawn, stopShareImages } = await import("../plugins/og-image.ts");
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
        const eleventy = new Eleventy("content", building, { configPath: path.join(APP_DIR, ".eleventy.ts"), quietMode: quiet, runMode: "build" });
        // Eleventy names the files it writes where they will be once the build succeeds, not
        // in the staging folder. --quiet prints only the writers' problems (chatpost's own
        // report): not the summary Eleventy always prints, nor its notes on its own speed.
        const named = (message: unknown) => (typeof message === "string" ? message.split(building).join(target) : message);
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
      await finishSite(building, { pathPrefix: process.env.CHATPOST_PATH_PREFIX ?? settings.pathPrefix, language: settings.language });
      trace("search index and headers done");
    } catch (error) {
      // Nothing is removed while images are still being written into it.
      stopShareImages();
      await shareImagesDrawn().catch(() => undefined);
      throw error;
    }
    await shareImagesDrawn();
    trace("share images copied");
    // The last moment to stop without changing the site: npm may have been stopped since the last look.
    checkOrphaned();
    // Synchronous, so that no signal is handled between the two renames (only SIGKILL or a
    // power cut gets there, and the next build puts the retired site back: restoreRetiredSite).
    const retired = `${target}.previous-${process.pid}`;
    const hadSite = existsSync(target);
    if (hadSite) renameSync(target, retired);
    try {
      renameSync(building, target);
    } catch (error) {
      if (hadSite) renameSync(retired, target);
      throw error;
    }
    staging = undefined;
    swappedIn = true;
    await rm(retired, { recursive: true, force: true });
    for (const print of written) print();
    trace("site swapped in");
    if (cache && inputs) {
      // Only a build that published writes the record of the chats (never `npm start` or `npm run check`).
      if (revisionsKey && revisions) revisionsModule.writeChatRevisions(cache, revisionsKey, revisions);
      // Eleventy read the clock during the build: the record holds only if no post was
      // published and no chat ended between the start and the end of the build. A warning that
      // gives today's date to write (a chat moved without `updated:`, an `updated:` ahead of
      // today) holds only until midnight: a build with nothing to do replays its warnings.
      const dated = moved || diagnostics.some((d) => d.fix?.includes(day));
      const until = dated ? Math.min(span.until ?? Infinity, revisionsModule.nextDayStart(day, settings.chat.zone)) : span.until;
      const finished = now();
      // Its warnings were worked out against the record this build replaced, and differ from
      // what the new one gives: the next build does the work again rather than replay them.
      if (!aheadSettled && (until === null || finished.getTime() < until)) {
        revisionsModule.writeChatRevisionsAsBuilt(cache, target, revisionsKey);
        writeBuildRecord(cache, target, { inputs, output: outputStamp(target)!, ...span, until, warnings });
      }
    }
    // After a full build only (never under `npm start`): cached files no build has used for a
    // month go, so the cache the publishing workflow keeps does not grow forever.
    try {
      const pruned = pruneShareImages(root) + (cache?.prune() ?? 0);
      trace(`caches pruned: ${pruned} unused files deleted`);
    } catch {
      // A cache that cannot be pruned only costs disk space.
    }
  } catch (error) {
    // Eleventy may still be copying files into the staging folder, so the first removal
    // can race with it (ENOTEMPTY): remove it again once everything has stopped. A copy that
    // fails because its folder is gone is not another failure (scripts/run-step.ts).
    staging = undefined;
    discardFolder(building);
    process.once("exit", () => {
      try {
        rmSync(building, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // The next build removes what is left (removeLeftovers).
      }
    });
    await rm(building, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    throw error;
  }
}

if (values["path-prefix"]) process.env.CHATPOST_PATH_PREFIX = values["path-prefix"];
problemsOnGitHub(values.root, "npm run build");
await runStep(() => build(path.resolve(values.root), values.output, values.quiet, values.force));
