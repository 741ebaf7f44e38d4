// The live preview (`npm start`) in site tests: started on a free port, and its pages polled
// until they show an edit. The waits are generous because CI machines are slow.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { after, before } from "node:test";
import { PROJECT } from "./build-site.ts";

/**
 * `npm start` for the site in `root`, at "now" 2026-11-24 noon UTC; everything it prints goes to
 * `onOutput`. `args` are more options for scripts/serve.ts, `env` more variables.
 */
export async function startPreview(root: string, onOutput: (chunk: string) => void, options: { args?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<{ server: ChildProcess; base: string; port: number }> {
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT, "scripts/serve.ts"), "--root", root, "--port", String(port), ...(options.args ?? [])], {
    cwd: PROJECT,
    env: { ...process.env, CHATPOST_NOW: "2026-11-24T12:00:00Z", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk) => onOutput(String(chunk)));
  server.stderr!.on("data", (chunk) => onOutput(String(chunk)));
  return { server, base: `http://localhost:${port}`, port };
}

/** A describe block's live preview; every field is set once usePreview's `before` hook has run, and `log` grows as the server prints. */
export interface Preview {
  root: string;
  server: ChildProcess;
  base: string;
  port: number;
  log: string;
}

/**
 * Registers, in the calling describe block, a `before` hook that makes the site (`makeSite`
 * returns its root) and starts its preview, and an `after` hook that stops it. node:test runs
 * `before` hooks in the order they are registered, so the block's own `before` (waiting for a
 * first page, say) comes after this one's, and its own `after` after the server is stopped.
 */
export function usePreview(makeSite: () => string, options: { args?: string[]; env?: NodeJS.ProcessEnv } = {}): Preview {
  const preview = { log: "" } as Preview;
  before(async () => {
    preview.root = makeSite();
    const { server, base, port } = await startPreview(preview.root, (chunk) => (preview.log += chunk), options);
    Object.assign(preview, { server, base, port });
  });
  after(() => {
    // Unset when making the site or starting the server failed.
    preview.server?.kill();
  });
  return preview;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Fetch `url` until `test` holds for its text. */
export async function waitFor(url: string, test: (text: string) => boolean, seconds = 120): Promise<string> {
  const until = Date.now() + seconds * 1000;
  let last = "";
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      last = await res.text();
      if (res.ok && test(last)) return last;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} never matched; last response:\n${last.slice(0, 2000)}`);
}

/** Fetch `url` until it answers with `status`. */
export async function waitForStatus(url: string, status: number, seconds = 120): Promise<void> {
  const until = Date.now() + seconds * 1000;
  let last = 0;
  while (Date.now() < until) {
    try {
      last = (await fetch(url)).status;
      if (last === status) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} never answered ${status}; last: ${last}`);
}
