// Waiting on a live preview (`npm start`) in site tests: a free port to start it on, and
// polling its pages until they show an edit. The waits are generous because CI machines are slow.
import { createServer } from "node:net";

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
