// How every chatpost command ends: a writer's mistake is a clean report with no
// stack trace; anything else is chatpost's own bug, shown in full and marked so.
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

export const INTERNAL_ERROR_HEADING = "chatpost internal error (a bug in chatpost, not in your content; please report it with this output):";

export function reportFailure(error: unknown, ending?: string): void {
  const writerError = findContentError(error);
  if (writerError) {
    console.error(formatReport(writerError.diagnostics, ending));
  } else {
    console.error(INTERNAL_ERROR_HEADING);
    console.error(error);
  }
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
    const writerError = findContentError(error);
    if (writerError) console.error(formatReport(writerError.diagnostics, ending));
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
    reportFailure(reason, ending);
    process.exitCode = 1;
  });
  try {
    await step();
  } catch (error) {
    reportFailure(error, ending);
    process.exitCode = 1;
  }
}
