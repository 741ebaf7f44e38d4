// A cold build formats citations on every core: the requests whose output is not
// in the content cache are split among worker threads, which format them into the
// cache; the build then only reads it. citeproc-js is synchronous and CPU-bound,
// so threads are the only way to use more than one core for it.
//
// Synchronous on purpose: validation (lib/corpus.ts) is synchronous, so the main
// thread waits for the threads with Atomics.wait instead of returning a promise.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { plugins } from "@citation-js/core";
import { citationCache, isFormattingCached } from "./citation-cache.ts";
import type { CitationRequest } from "./citations.ts";
import { typeScriptImport } from "./typescript-worker.ts";

export interface ParallelOptions {
  /** Threads to use; default: CHATPOST_FORMAT_THREADS, else the usable cores (1 turns threads off). */
  threads?: number;
  /** Below this many uncached requests, starting threads costs more than it saves (each loads citeproc and its style). */
  minRequests?: number;
  /** Give up waiting after this long; whatever is missing is formatted by the caller. */
  timeoutMs?: number;
}

/** What a formatting thread receives. */
export interface WorkerInput {
  cacheDir: string;
  requests: CitationRequest[];
  /** The XML of each style and locale the requests name, as registered in this thread (site files included). */
  styles: Record<string, string>;
  locales: Record<string, string>;
}

const WORKER = new URL("./parallel-formatting-worker.ts", import.meta.url);

const uncached = (r: CitationRequest) =>
  r.items.length > 0 && !isFormattingCached("citations", { style: r.style.style, locale: r.style.locale, input: { items: r.items, clusters: r.clusters } });

/**
 * Format every uncached request ahead, in parallel, into the content cache.
 * Returns how many requests the threads were given (0 when it was not worth it).
 */
export function formatAheadInParallel(requests: CitationRequest[], options: ParallelOptions = {}): number {
  const cache = citationCache();
  const threads = Math.max(1, options.threads ?? (Number(process.env.CHATPOST_FORMAT_THREADS) || availableParallelism()));
  if (!cache || threads < 2) return 0;
  const todo = requests.filter(uncached);
  if (todo.length < (options.minRequests ?? 48)) return 0;

  const registry = plugins.config.get("@csl");
  const styles: Record<string, string> = {};
  const locales: Record<string, string> = {};
  for (const { style } of todo) {
    const xml = registry.styles.get(style.style);
    if (typeof xml === "string") styles[style.style] = xml;
    const localeXml = registry.locales.get(style.locale) ?? registry.locales.get(style.locale.replace("-", "_"));
    if (typeof localeXml === "string") locales[style.locale] = localeXml;
  }
  const chunks: CitationRequest[][] = Array.from({ length: threads }, () => []);
  todo.forEach((request, i) => chunks[i % threads]!.push(request));
  // done[0] counts finished threads, whatever way they finished.
  const done = new Int32Array(new SharedArrayBuffer(4));
  // The thread is TypeScript (lib/typescript-worker.ts); whichever way it ends, it counts itself done.
  const bootstrap = `
    const { workerData } = require("node:worker_threads");
    ${typeScriptImport(WORKER)}
      .catch(() => {})
      .finally(() => { Atomics.add(workerData.done, 0, 1); Atomics.notify(workerData.done, 0); });`;
  const workers = chunks.map(
    (chunk) => new Worker(bootstrap, { eval: true, workerData: { cacheDir: cache.dir, requests: chunk, styles, locales, done } satisfies WorkerInput & { done: Int32Array } }),
  );
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  for (let finished = Atomics.load(done, 0); finished < workers.length && Date.now() < deadline; finished = Atomics.load(done, 0)) {
    Atomics.wait(done, 0, finished, 1000);
  }
  // A thread that failed or is late costs only speed: the caller formats whatever is still missing.
  for (const worker of workers) void worker.terminate();
  return todo.length;
}
