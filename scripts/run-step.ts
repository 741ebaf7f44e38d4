// How every chatpost command ends: a writer's mistake is a clean report with no
// stack trace; anything else is chatpost's own bug, shown in full and marked so.
import { ContentError, formatReport } from "../lib/diagnostics.ts";
import { SettingsError } from "../lib/settings.ts";

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

export function reportFailure(error: unknown): void {
  const writerError = findContentError(error);
  if (writerError) {
    console.error(formatReport(writerError.diagnostics));
  } else {
    console.error("chatpost internal error (a bug in chatpost, not in your content; please report it with this output):");
    console.error(error);
  }
}

export async function runStep(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    reportFailure(error);
    process.exitCode = 1;
  }
}
