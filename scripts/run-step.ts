// How every chatpost command ends: a writer's mistake is a clean report with no
// stack trace, a mistake in how the command was run (a bad CHATPOST_NOW) one line and
// exit code 2 as for a mistyped option; anything else is chatpost's own bug, shown in
// full and marked so.
import { checkClock, ClockError } from "../lib/clock.ts";
import { ContentError, formatReport, SettingsError } from "../lib/diagnostics.ts";

/** Find a writer-facing error anywhere in the cause chain (Eleventy wraps what plugins throw). */
export function findContentError(error: unknown): ContentError | SettingsError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 20; depth++) {
    if (current instanceof ContentError || current instanceof SettingsError) return current;
    const next = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    current = next;
  }
  return undefined;
}

/** A mistake in how the command was run, anywhere in the cause chain. */
function findUsageError(error: unknown): ClockError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 20; depth++) {
    if (current instanceof ClockError) return current;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
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
  const writerError = findContentError(error);
  if (writerError) {
    console.error(formatReport(writerError.diagnostics, ending));
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
  const handler = eleventy.errorHandler;
  const original = handler.error.bind(handler);
  handler.error = (error, message) => {
    const usageError = findUsageError(error);
    const writerError = findContentError(error);
    if (usageError) console.error(usageError.message);
    else if (writerError) console.error(formatReport(writerError.diagnostics, ending));
    else if (internal === "eleventy") {
      console.error(INTERNAL_ERROR_HEADING);
      original(error, message);
    }
  };
}

/** Runs a command; `ending` closes a writer's report with what that command did not do. */
export async function runStep(step: () => Promise<void>, ending?: string): Promise<void> {
  // Eleventy may still be copying files when a build fails: a late rejection is
  // reported like any other failure instead of crashing with Node's own trace.
  process.on("unhandledRejection", (reason) => {
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
