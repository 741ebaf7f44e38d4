// Debian's Chromium driven by playwright-core, and a static server for a built site.
// Nothing here downloads a browser.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before } from "node:test";
import { chromium, type Browser } from "playwright-core";
import type { BuiltSite } from "./build-site.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** A browser test's `skip` option: false, or why its tests cannot run here. */
export const BROWSER_SKIP: false | string = browserAvailable() ? false : `Debian's chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;

export interface ServedSite {
  site: BuiltSite;
  server: StaticServer;
  browser: Browser;
}

/**
 * For a browser test file: the site `build` makes, served, and Chromium, started before
 * the file's tests and closed after them (filled in then; nothing starts without Chromium).
 */
export function servedSite(build: () => Promise<BuiltSite>): ServedSite {
  const served = {} as ServedSite;
  before(async () => {
    if (BROWSER_SKIP) return;
    served.site = await build();
    served.server = await serveStatic(served.site.out);
    served.browser = await launchBrowser();
  });
  after(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}

export interface ServedSites<K extends string> {
  sites: Record<K, BuiltSite>;
  servers: Record<K, StaticServer>;
  browser: Browser;
}

/**
 * For a browser test file comparing sites: each site `builds` makes, built even without
 * Chromium (tests of their HTML need none), then each served, and one Chromium for them
 * all, started before the file's tests and closed after them (filled in then).
 */
export function servedSites<K extends string>(builds: Record<K, () => Promise<BuiltSite>>): ServedSites<K> {
  const served = { sites: {}, servers: {} } as ServedSites<K>;
  const names = Object.keys(builds) as K[];
  before(async () => {
    const sites = await Promise.all(names.map((name) => builds[name]()));
    names.forEach((name, i) => (served.sites[name] = sites[i]!));
    if (BROWSER_SKIP) return;
    for (const name of names) served.servers[name] = await serveStatic(served.sites[name].out);
    served.browser = await launchBrowser();
  });
  after(async () => {
    await served.browser?.close();
    for (const server of Object.values<StaticServer | undefined>(served.servers)) await server?.close();
  });
  return served;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without these, Chromium tries to reach Google's services on a closed network.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json", ".xml": "application/xml", ".ics": "text/calendar; charset=utf-8", ".png": "image/png",
  ".jpg": "image/jpeg", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serve `dir` on 127.0.0.1 at a free port, mounted at `prefix` (default "/"), with 404.html for misses. */
export async function serveStatic(dir: string, prefix = "/"): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(prefix)) return notFound();
    rel = rel.slice(prefix.length);
    let file = path.join(dir, rel);
    if (!file.startsWith(dir)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) return notFound();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);

    function notFound() {
      const page = path.join(dir, "404.html");
      res.writeHead(404, { "content-type": TYPES[".html"]! });
      if (existsSync(page)) createReadStream(page).pipe(res);
      else res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
