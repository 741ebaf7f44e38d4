// The body of one formatting thread (see parallel-formatting.ts): each request goes
// through the same cached entry point the build uses, so the build finds the entries.
import { parentPort, workerData } from "node:worker_threads";
import { useCitationCache } from "./citation-cache.ts";
import { formatCitations, registerLocale, registerStyle } from "./citations.ts";
import type { WorkerInput, WorkerMessage } from "./parallel-formatting.ts";

const { cacheDir } = workerData as WorkerInput;
const port = parentPort!;
useCitationCache(cacheDir);

// Closing the port ends the thread, which counts itself done as it exits (see the bootstrap).
port.on("message", (message: WorkerMessage) => {
  if ("end" in message) return port.close();
  try {
    for (const [name, xml] of Object.entries(message.styles)) registerStyle(name, xml);
    for (const [name, xml] of Object.entries(message.locales)) registerLocale(name, xml);
  } catch {
    // The main thread formats whatever this one cannot.
    return port.close();
  }
  for (const request of message.requests) {
    try {
      formatCitations(request);
    } catch {
      // A style error is the build's to report, naming the post; here it only means no cache entry.
    }
  }
});
