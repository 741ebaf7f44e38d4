// Worker threads do not inherit the tsx loader the build runs with (Node 20 keeps module
// hooks per thread: `new Worker("x.ts")` fails with "Unknown file extension"), so a
// TypeScript worker starts from a small CommonJS bootstrap that registers tsx first.
import { Worker, type WorkerOptions } from "node:worker_threads";

/** JavaScript for `eval: true` that registers tsx in the thread, then imports `entry`: a promise of that import. */
export function typeScriptImport(entry: URL): string {
  return `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
    .then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); })`;
}

/** A worker thread running the TypeScript module `entry`; a failed start is the worker's "error" event. */
export function typeScriptWorker(entry: URL, options: Omit<WorkerOptions, "eval"> = {}): Worker {
  return new Worker(`${typeScriptImport(entry)}.catch((error) => { setImmediate(() => { throw error; }); });`, { ...options, eval: true });
}
