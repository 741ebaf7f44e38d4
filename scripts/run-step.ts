// How every chatpost command ends: a writer's mistake (a mistake in a Nunjucks page of
// content/ or a page's `layout:` included, lib/template-errors.ts) is a clean report with no
// stack trace, a mistake in how the command was run (a bad CHATPOST_NOW) one line and
// exit code 2 as for a mistyped option; anything else is chatpost's own bug, shown in
// full and marked so.
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { checkClock, ClockError } from "../lib/clock.ts";
import { CacheFolderError } from "../lib/content-cache.ts";
import { annotationLines, notNoted, stepSummary, workspaceFile } from "../lib/ci-annotations.ts";
import { dataFileRunProblem } from "../lib/data-file-errors.ts";
import { ContentError, formatReport, SettingsError, type Diagnostic } from "../lib/diagnostics.ts";
import { NUNJUCKS_FILTERS, readTemplateError, templateDiagnostic, templateFiles, writersFile } from "../lib/template-errors.ts";

/** `error` and what it wraps, outermost first (Eleventy wraps what plugins throw); at most 20. */
function* causeChain(error: unknown): Generator<unknown> {
  let current: unknown = error;
  for (let depth = 0; current && depth < 20; depth++) {
    yield current;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
}

/** Find a writer-facing error anywhere in the cause chain. */
export function findContentError(error: unknown): ContentError | SettingsError | undefined {
  for (const cause of causeChain(error)) if (cause instanceof ContentError || cause instanceof SettingsError) return cause;
  return undefined;
}

/** chatpost's layouts: a template error in them is chatpost's, not the writer's. */
const LAYOUTS = path.resolve(import.meta.dirname, "../layouts");

/** The site Eleventy is building (its folder and the filters its pages may use), once it is set up. */
let eleventySite: { root: string; filters: () => string[] } | undefined;

/**
 * A Nunjucks or layout error in a writer's file (content/index.njk, `layout:` of a page), as
 * a writer's error; undefined for anything else, an error in chatpost's layouts included.
 */
export function findTemplateError(error: unknown, site = eleventySite): ContentError | undefined {
  if (!site) return undefined;
  const messages = [...causeChain(error)].filter((cause) => cause instanceof Error).map((cause) => (cause as Error).message);
  const text = readTemplateError(messages);
  if (!text) return undefined;
  const file = writersFile(text.template, { cwd: process.cwd(), root: site.root, layouts: LAYOUTS, exists: existsSync });
  if (!file) return undefined;
  const diagnostic = templateDiagnostic(text, file, {
    read: (rel) => {
      try {
        return readFileSync(path.join(site.root, rel), "utf8");
      } catch {
        return undefined;
      }
    },
    filters: site.filters(),
    layoutFiles: templateFiles(LAYOUTS),
  });
  return diagnostic && new ContentError([diagnostic]);
}

/** The filters a page may use: Nunjucks' own and those added to Eleventy (its own and chatpost's). */
function filterNames(eleventy: unknown): string[] {
  const userConfig = (eleventy as { eleventyConfig?: { userConfig?: { getFilters?(): object; nunjucks?: { filters?: object; asyncFilters?: object } } } }).eleventyConfig?.userConfig;
  return [...NUNJUCKS_FILTERS, ...Object.keys(userConfig?.getFilters?.() ?? {}), ...Object.keys(userConfig?.nunjucks?.filters ?? {}), ...Object.keys(userConfig?.nunjucks?.asyncFilters ?? {})];
}

/** A data file of the site (content/_data/links.js, about.11tydata.js) that failed when Eleventy ran it, anywhere in the cause chain. */
export function findDataFileError(error: unknown): ContentError | undefined {
  const chain = [...causeChain(error)];
  for (const [at, cause] of chain.entries()) {
    const message = (cause as { message?: unknown })?.message;
    const problem = typeof message === "string" ? dataFileRunProblem(message, chain[at + 1]) : undefined;
    if (problem) return new ContentError([problem]);
  }
  return undefined;
}

/** A mistake in how the command was run, anywhere in the cause chain. */
function findUsageError(error: unknown): ClockError | CacheFolderError | undefined {
  for (const cause of causeChain(error)) if (cause instanceof ClockError || cause instanceof CacheFolderError) return cause;
  return undefined;
}

/** The site whose problems this command also shows on GitHub, and the command's name; unset for the preview. */
let gitHubSite: { root: string; command: string } | undefined;

/** `command` (`npm run check`, `npm run build`) shows the problems of the site in `root` on GitHub too (showOnGitHub). */
export function problemsOnGitHub(root: string, command: string): void {
  gitHubSite = { root: path.resolve(root), command };
}

/**
 * Under GitHub Actions only, after the terminal report (which stays as it is): each problem
 * as a note on its line of the file (lib/ci-annotations.ts), and all of them in the step's
 * summary on the run's page, where a writer who edits on GitHub sees them. Only for a command
 * that asked (problemsOnGitHub), and only for files in the checkout: a test's copy of a site
 * in a temporary folder notes nothing on the run that tests chatpost. A problem an earlier
 * step of the same job already noted (the check's warnings, found again by the build) is
 * noted once: the notes printed are kept in the job's `RUNNER_TEMP`, which GitHub empties
 * for each job.
 */
export function showOnGitHub(diagnostics: Diagnostic[], env: NodeJS.ProcessEnv = process.env): void {
  if (!gitHubSite || env.GITHUB_ACTIONS !== "true" || !diagnostics.length) return;
  const { root, command } = gitHubSite;
  const fileOf = (file: string) => workspaceFile(root, file, env.GITHUB_WORKSPACE || undefined);
  const notesFile = env.RUNNER_TEMP ? path.join(env.RUNNER_TEMP, "chatpost-github-notes") : undefined;
  const fresh = notNoted(diagnostics, fileOf, notedBefore(notesFile));
  const lines = annotationLines(fresh, fileOf);
  if (!lines.length) return;
  for (const line of lines) process.stdout.write(`${line}\n`);
  if (notesFile) {
    try {
      // GitHub shows a step's first 10 notes of each kind: the others are left for a later step to show.
      const shown = (kind: string) => lines.filter((line) => line.startsWith(`::${kind} `)).slice(0, GITHUB_NOTES_SHOWN);
      appendFileSync(notesFile, [...shown("error"), ...shown("warning")].map((line) => `${line}\n`).join(""));
    } catch {
      // Only a later step's repeat of these notes depends on it.
    }
  }
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  const summary = summaryFile ? stepSummary(fresh, fileOf, command) : "";
  if (!summaryFile || !summary) return;
  try {
    appendFileSync(summaryFile, `${summary}\n`);
  } catch {
    // The notes above and the report still say everything; the summary is a convenience.
  }
}

/** How many notes of each kind (error, warning) GitHub shows of one step. */
const GITHUB_NOTES_SHOWN = 10;

/** The notes earlier steps of this job printed and GitHub showed (annotation lines never hold a line break). */
function notedBefore(notesFile: string | undefined): Set<string> {
  if (!notesFile || !existsSync(notesFile)) return new Set();
  try {
    return new Set(readFileSync(notesFile, "utf8").split("\n").filter(Boolean));
  } catch {
    return new Set();
  }
}

/** The exit code of a usage error, as scripts/command-line.ts exits on a mistyped option. */
export const USAGE_EXIT_CODE = 2;

export const INTERNAL_ERROR_HEADING = "chatpost internal error (a bug in chatpost, not in your content; please report it with this output):";

/** Prints a failure as what it is; the exit code it calls for. */
export function reportFailure(error: unknown, ending?: string): number {
  const usageError = findUsageError(error);
  if (usageError) {
    console.error(usageError.message);
    return USAGE_EXIT_CODE;
  }
  const writerError = findContentError(error) ?? findTemplateError(error) ?? findDataFileError(error);
  if (writerError) {
    if (!(error && typeof error === "object" && reported.has(error))) {
      console.error(formatReport(writerError.diagnostics, ending));
      showOnGitHub(writerError.diagnostics);
    }
  } else {
    console.error(INTERNAL_ERROR_HEADING);
    console.error(error);
  }
  return 1;
}

interface EleventyErrorHandler {
  error(error: unknown, message?: string): void;
  fatal(error: unknown, message?: string): void;
}

/**
 * Eleventy prints every error it catches with its stack trace. A writer's mistake is
 * printed as our report instead; `internal` decides what happens to anything else:
 * "eleventy" lets Eleventy print it (watch mode, where nobody else will), "silent"
 * leaves it to `runStep`, which marks it as internal (one-off builds). `ending` closes a
 * writer's report (the preview's says that saving a fix rebuilds).
 */
export function interceptEleventyErrors(eleventy: { errorHandler: EleventyErrorHandler }, internal: "eleventy" | "silent", ending?: string): void {
  // Both commands have moved into the site's folder, where Eleventy reads content/ from.
  eleventySite = { root: process.cwd(), filters: () => filterNames(eleventy) };
  const handler = eleventy.errorHandler;
  const original = handler.error.bind(handler);
  handler.error = (error, message) => {
    const usageError = findUsageError(error);
    const writerError = findContentError(error) ?? findTemplateError(error) ?? findDataFileError(error);
    if (usageError) console.error(usageError.message);
    else if (writerError) {
      console.error(formatReport(writerError.diagnostics, ending));
      showOnGitHub(writerError.diagnostics);
      if (error && typeof error === "object") reported.add(error);
    } else if (internal === "eleventy") {
      console.error(INTERNAL_ERROR_HEADING);
      original(error, message);
    }
  };
}

/** Folders a failed build is removing: what Eleventy was still copying into them fails with it. */
const discarded = new Set<string>();

/** `folder` (a build's staging folder) is being removed because the build failed. */
export function discardFolder(folder: string): void {
  discarded.add(path.resolve(folder));
}

/** A file operation that failed only because its folder was removed after the build had failed. */
function intoDiscardedFolder(error: unknown): boolean {
  for (const cause of causeChain(error)) {
    const target = (cause as { path?: unknown; dest?: unknown }).dest ?? (cause as { path?: unknown }).path;
    if (typeof target === "string" && [...discarded].some((folder) => !path.relative(folder, path.resolve(target)).startsWith(".."))) return true;
  }
  return false;
}

/** Failures already printed (by the Eleventy error handler), so that `runStep` does not print them again. */
const reported = new WeakSet<object>();

/** Runs a command; `ending` closes a writer's report with what that command did not do. */
export async function runStep(step: () => Promise<void>, ending?: string): Promise<void> {
  // Eleventy may still be copying files when a build fails: a late rejection is
  // reported like any other failure instead of crashing with Node's own trace, unless
  // it is a copy into the folder the failed build is removing (the failure was reported).
  process.on("unhandledRejection", (reason) => {
    if (intoDiscardedFolder(reason)) return;
    process.exitCode = reportFailure(reason, ending);
  });
  try {
    // Every command reads the clock (publishing, upcoming chats, the next slot): a bad
    // CHATPOST_NOW is said once, before any work, not as a failure deep inside Eleventy.
    checkClock();
    await step();
  } catch (error) {
    process.exitCode = reportFailure(error, ending);
  }
}

/**
 * Calls `stop` once when the process that started this one has ended. npm runs a
 * script through `sh -c`, and a signal sent to npm alone reaches only that shell, which
 * dies without passing it on (dash): the command would go on as an orphan. Its parent
 * then changes (to init or a subreaper), which process.ppid shows on every platform.
 * Looks every `everyMs`; the function returned looks at once (before a step that cannot be undone).
 */
export function whenOrphaned(stop: () => void, everyMs = 250): () => void {
  const parent = process.ppid;
  let stopped = false;
  const look = () => {
    // Started by init itself (a container's first process): there is no parent to lose.
    if (stopped || parent <= 1 || process.ppid === parent) return;
    stopped = true;
    clearInterval(timer);
    stop();
  };
  const timer = setInterval(look, everyMs);
  timer.unref();
  return look;
}

/**
 * Eleventy prints "[11ty] Benchmark … (Configuration) "feedUpdated" Nunjucks Filter" lines
 * when a step takes a noticeable share of a build, whatever `quietMode` says (it silences only
 * Eleventy's informational lines, and these are warnings, written with `console.warn` by a
 * logger of its own). Every other warning still reaches `target`.
 */
export function hideEleventyBenchmarks(target: Pick<Console, "warn">): void {
  const warn = target.warn.bind(target);
  target.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && /^\[11ty\] Benchmark /.test(stripVTControlCharacters(args[0]))) return;
    warn(...args);
  };
}
