// A cold build formats citations on every core: the requests whose output is not
// in the content cache are shared among worker threads, which format them into the
// cache; the build then only reads it. citeproc-js is synchronous and CPU-bound,
// so threads are the only way to use more than one core for it.
//
// The threads start as soon as enough uncached requests are known, while the build is
// still validating the other posts: starting one (tsx, citeproc, building the style's
// engine) takes about a second, spent on the core validation leaves idle.
//
// Synchronous on purpose: validation (lib/corpus.ts) is synchronous, so the main
// thread waits for the threads with Atomics.wait instead of returning a promise. The
// threads receive their requests all the same: a message reaches a worker whatever
// the sending thread is doing.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { plugins } from "@citation-js/core";
import { citationCache, isFormattingCached } from "./citation-cache.ts";
import type { CitationRequest } from "./citations.ts";
import { trace } from "./build-trace.ts";
import { typeScriptImport } from "./typescript-worker.ts";

export interface ParallelOptions {
  /** Threads to use; default: CHATPOST_FORMAT_THREADS, else the usable cores (1 turns threads off). */
  threads?: number;
  /** Below this many uncached requests, starting threads costs more than it saves (each loads citeproc and its style). */
  minRequests?: number;
  /** Give up waiting after this long; whatever is missing is formatted by the caller. */
  timeoutMs?: number;
}

/** What a formatting thread is started with. */
export interface WorkerInput {
  cacheDir: string;
  /** done[0] counts the threads that have exited, whatever way they ended. */
  done: Int32Array;
}

/** A message to a formatting thread: requests to format (with the XML of any style or locale it has not had yet), or the end. */
export type WorkerMessage =
  | { requests: CitationRequest[]; styles: Record<string, string>; locales: Record<string, string> }
  | { end: true };

const WORKER = new URL("./parallel-formatting-worker.ts", import.meta.url);

const uncached = (r: CitationRequest) =>
  r.items.length > 0 && !isFormattingCached("citations", { style: r.style.style, locale: r.style.locale, input: { items: r.items, clusters: r.clusters } });

interface Thread {
  worker: Worker;
  /** The styles and locales this thread has been sent. */
  has: Set<string>;
}

/**
 * Formats requests ahead on worker threads, into the content cache: `add` each request
 * as soon as it is known (the uncached ones go to the threads, which start once there
 * are enough of them), then `finish` waits until the threads are done.
 */
export class FormattingAhead {
  private readonly threadCount: number;
  private readonly minRequests: number;
  private readonly timeoutMs: number;
  private readonly cacheDir: string | undefined;
  private waiting: CitationRequest[] = [];
  private threads: Thread[] = [];
  private done = new Int32Array(new SharedArrayBuffer(4));
  private sent = 0;
  private finished = false;
  // A post's request may be added while it is validated and again with all the others.
  private readonly seen = new WeakSet<object>();

  constructor(options: ParallelOptions = {}) {
    this.threadCount = Math.max(1, options.threads ?? (Number(process.env.CHATPOST_FORMAT_THREADS) || availableParallelism()));
    this.minRequests = options.minRequests ?? 48;
    this.timeoutMs = options.timeoutMs ?? 10 * 60_000;
    this.cacheDir = citationCache()?.dir;
  }

  /**
   * Queue a request; one already in the cache (or without items) is skipped, and so is
   * one from a `source` (what it was made from, such as a post's resolved citations) added before.
   */
  add(request: CitationRequest, source?: object): void {
    if (this.finished || !this.cacheDir || this.threadCount < 2) return;
    if (source) {
      if (this.seen.has(source)) return;
      this.seen.add(source);
    }
    if (!uncached(request)) return;
    if (this.threads.length) return this.send(request);
    this.waiting.push(request);
    if (this.waiting.length >= this.minRequests) this.start();
  }

  /** Wait for the threads to format everything they were given; returns how many requests that was (0: no threads). */
  finish(): number {
    if (this.finished) return this.sent;
    this.finished = true;
    if (!this.threads.length) return 0;
    trace(`formatting threads have every request: ${this.sent}`);
    for (const { worker } of this.threads) worker.postMessage({ end: true } satisfies WorkerMessage);
    const deadline = Date.now() + this.timeoutMs;
    for (let finished = Atomics.load(this.done, 0); finished < this.threads.length && Date.now() < deadline; finished = Atomics.load(this.done, 0)) {
      Atomics.wait(this.done, 0, finished, 1000);
    }
    // A thread that failed or is late costs only speed: the caller formats whatever is still missing.
    for (const { worker } of this.threads) void worker.terminate();
    trace("formatting threads done");
    return this.sent;
  }

  private start(): void {
    // The thread is TypeScript (lib/typescript-worker.ts). It ends once it has had the end
    // message, and counts itself done as it exits, whatever way: so does one that cannot
    // start or fails, and the main thread, blocked until all are done, never waits in vain.
    const bootstrap = `
      const { workerData } = require("node:worker_threads");
      process.once("exit", () => { Atomics.add(workerData.done, 0, 1); Atomics.notify(workerData.done, 0); });
      ${typeScriptImport(WORKER)}.catch(() => {});`;
    trace(`formatting threads start: ${this.threadCount}`);
    const workerData: WorkerInput = { cacheDir: this.cacheDir!, done: this.done };
    this.threads = Array.from({ length: this.threadCount }, () => {
      const worker = new Worker(bootstrap, { eval: true, workerData });
      // A thread that throws exits, counted done, and costs only speed (see finish). Without a
      // listener its error would reach the main thread as an uncaught exception and end the build.
      worker.on("error", () => {});
      return { worker, has: new Set<string>() };
    });
    const waiting = this.waiting;
    this.waiting = [];
    for (const request of waiting) this.send(request);
  }

  // In turn to each thread: the requests of a site cost about the same.
  private send(request: CitationRequest): void {
    const thread = this.threads[this.sent++ % this.threads.length]!;
    const registry = plugins.config.get("@csl");
    const styles: Record<string, string> = {};
    const locales: Record<string, string> = {};
    const { style, locale } = request.style;
    if (!thread.has.has(`style:${style}`)) {
      const xml = registry.styles.get(style);
      if (typeof xml === "string") styles[style] = xml;
      thread.has.add(`style:${style}`);
    }
    if (!thread.has.has(`locale:${locale}`)) {
      const xml = registry.locales.get(locale) ?? registry.locales.get(locale.replace("-", "_"));
      if (typeof xml === "string") locales[locale] = xml;
      thread.has.add(`locale:${locale}`);
    }
    thread.worker.postMessage({ requests: [request], styles, locales } satisfies WorkerMessage);
  }
}

/**
 * Format every uncached request ahead, in parallel, into the content cache.
 * Returns how many requests the threads were given (0 when it was not worth it).
 */
export function formatAheadInParallel(requests: CitationRequest[], options: ParallelOptions = {}): number {
  const ahead = new FormattingAhead(options);
  for (const request of requests) ahead.add(request);
  // Fewer than minRequests: not worth starting threads for.
  return ahead.finish();
}
