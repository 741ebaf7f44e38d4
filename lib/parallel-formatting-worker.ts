// The body of one formatting thread (see parallel-formatting.ts): each request goes
// through the same cached entry point the build uses, so the build finds the entries.
import { workerData } from "node:worker_threads";
import { useCitationCache } from "./citation-cache.ts";
import { formatCitations, registerLocale, registerStyle } from "./citations.ts";
import type { WorkerInput } from "./parallel-formatting.ts";

const input = workerData as WorkerInput;
useCitationCache(input.cacheDir);
for (const [name, xml] of Object.entries(input.styles)) registerStyle(name, xml);
for (const [name, xml] of Object.entries(input.locales)) registerLocale(name, xml);
for (const request of input.requests) {
  try {
    formatCitations(request);
  } catch {
    // A style error is the build's to report, naming the post; here it only means no cache entry.
  }
}
