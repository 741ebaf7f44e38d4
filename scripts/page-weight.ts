// `npm run weight [dir]`: the page-weight budget of every built page, images aside.
//   HTML + CSS ≤ 40 KB, JavaScript ≤ 5 KB, and no request to another origin
//   (no web fonts from a CDN, no analytics). 1 KB = 1000 bytes, uncompressed.
// Prints one line per page and exits 1 when any page is over budget.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import { listFiles } from "../lib/site-files.ts";
import { commandLine } from "./command-line.ts";

export const BUDGET = { htmlCssBytes: 40_000, jsBytes: 5_000 } as const;

/**
 * Pages allowed more JavaScript, each with its reason. Search is the one page whose
 * whole purpose is a script (Pagefind's interface, loaded on that page only).
 */
const JS_EXEMPT: Record<string, string> = {
  "search/index.html": "Pagefind's search interface is the page",
};

export interface PageWeight {
  page: string;
  htmlBytes: number;
  cssBytes: number;
  jsBytes: number;
  /** Addresses on another origin that the page would request. */
  foreign: string[];
  /** Local files the page refers to that are not in the output. */
  missing: string[];
  problems: string[];
}

// Elements and attributes that make the browser fetch something (links and anchors do not).
const FETCHING: [selector: string, attribute: string][] = [
  ["script[src]", "src"], ["img[src]", "src"], ["img[srcset]", "srcset"], ["source[src]", "src"], ["source[srcset]", "srcset"],
  ["iframe[src]", "src"], ["video[src]", "src"], ["video[poster]", "poster"], ["audio[src]", "src"], ["track[src]", "src"],
  ["embed[src]", "src"], ["object[data]", "data"], ["input[type=image][src]", "src"],
];
const FETCHING_LINK_RELS = new Set(["stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "manifest", "mask-icon"]);
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g;

function isForeign(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url.trim());
}

function isLocal(url: string): boolean {
  const u = url.trim();
  return u !== "" && !isForeign(u) && !/^(?:data|blob|about|javascript|mailto|tel):/i.test(u) && !u.startsWith("#");
}

/** The file in `dir` a local address points to, from the page at `page` (relative to dir). */
function resolveLocal(dir: string, page: string, url: string, prefix: string): string {
  const clean = url.trim().replace(/[?#].*$/, "");
  let rel = clean.startsWith("/") ? clean : path.posix.join(path.posix.dirname(`/${page}`), clean);
  rel = decodeURIComponent(rel);
  if (prefix !== "/" && rel.startsWith(prefix)) rel = `/${rel.slice(prefix.length)}`;
  let file = path.join(dir, rel);
  if (rel.endsWith("/") || (existsSync(file) && statSync(file).isDirectory())) file = path.join(file, "index.html");
  return file;
}

function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? "").filter(Boolean);
}

export function measurePage(dir: string, page: string, prefix = "/"): PageWeight {
  const html = readFileSync(path.join(dir, page), "utf8");
  const { document } = parseHTML(html);
  const result: PageWeight = { page, htmlBytes: Buffer.byteLength(html), cssBytes: 0, jsBytes: 0, foreign: [], missing: [], problems: [] };
  const seen = new Set<string>();
  const fetches: string[] = [];

  for (const [selector, attribute] of FETCHING) {
    for (const el of document.querySelectorAll(selector)) {
      const value = el.getAttribute(attribute) ?? "";
      const urls = attribute === "srcset" ? value.split(",").map((c: string) => c.trim().split(/\s+/)[0] ?? "") : [value];
      fetches.push(...urls.filter(Boolean));
    }
  }
  for (const link of document.querySelectorAll("link[href]")) {
    const rels = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    if (rels.some((r: string) => FETCHING_LINK_RELS.has(r))) fetches.push(link.getAttribute("href")!);
  }
  for (const el of document.querySelectorAll("style")) fetches.push(...cssUrls(el.textContent ?? ""));
  for (const el of document.querySelectorAll("[style]")) fetches.push(...cssUrls(el.getAttribute("style") ?? ""));

  // Inline scripts count as JavaScript (their bytes are in the HTML too); JSON data blocks do not.
  for (const script of document.querySelectorAll("script:not([src])")) {
    const type = (script.getAttribute("type") ?? "").toLowerCase();
    if (type === "" || type === "module" || type.includes("javascript")) result.jsBytes += Buffer.byteLength(script.textContent ?? "");
  }

  const stylesheets = new Set(
    [...document.querySelectorAll("link[rel~=stylesheet][href]")].map((l: any) => l.getAttribute("href") as string).filter(isLocal),
  );
  const scripts = new Set([...document.querySelectorAll("script[src]")].map((s: any) => s.getAttribute("src") as string).filter(isLocal));

  const queue = [...fetches];
  while (queue.length) {
    const url = queue.shift()!;
    if (isForeign(url)) {
      if (!result.foreign.includes(url)) result.foreign.push(url);
      continue;
    }
    if (!isLocal(url)) continue;
    const file = resolveLocal(dir, page, url, prefix);
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) {
      result.missing.push(url);
      continue;
    }
    const bytes = statSync(file).size;
    if (stylesheets.has(url) || file.endsWith(".css")) {
      result.cssBytes += bytes;
      // Fonts and imports inside the stylesheet are requests too; addresses in CSS are relative to the stylesheet.
      const relToDir = path.relative(dir, file).split(path.sep).join("/");
      for (const inner of cssUrls(readFileSync(file, "utf8"))) {
        queue.push(isLocal(inner) && !inner.startsWith("/") ? `/${path.posix.join(path.posix.dirname(relToDir), inner)}` : inner);
      }
    } else if (scripts.has(url) || /\.m?js$/.test(file)) result.jsBytes += bytes;
  }

  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  if (result.htmlBytes + result.cssBytes > BUDGET.htmlCssBytes) {
    result.problems.push(`HTML + CSS is ${kb(result.htmlBytes + result.cssBytes)}, over the ${kb(BUDGET.htmlCssBytes)} budget`);
  }
  if (result.jsBytes > BUDGET.jsBytes && !JS_EXEMPT[page]) {
    result.problems.push(`JavaScript is ${kb(result.jsBytes)}, over the ${kb(BUDGET.jsBytes)} budget`);
  }
  for (const url of result.foreign) result.problems.push(`requests ${url} from another origin`);
  for (const url of result.missing) result.problems.push(`refers to ${url}, which is not in the output`);
  return result;
}

export function htmlPages(dir: string): string[] {
  return listFiles(dir).filter((file) => file.endsWith(".html"));
}

function report(weights: PageWeight[]): string {
  const kb = (n: number) => (n / 1000).toFixed(1).padStart(6);
  const width = Math.max(4, ...weights.map((w) => w.page.length));
  const lines = [`${"page".padEnd(width)}  HTML+CSS KB      JS KB  other origins`];
  for (const w of weights) {
    const note = w.problems.length ? "  OVER" : w.jsBytes > BUDGET.jsBytes && JS_EXEMPT[w.page] ? `  (JS exempt: ${JS_EXEMPT[w.page]})` : "";
    lines.push(`${w.page.padEnd(width)}  ${kb(w.htmlBytes + w.cssBytes)}       ${kb(w.jsBytes)}  ${String(w.foreign.length).padStart(13)}${note}`);
    for (const p of w.problems) lines.push(`  ${w.page}: ${p}`);
  }
  const over = weights.filter((w) => w.problems.length).length;
  lines.push(
    "",
    `Budget per page, images aside: HTML + CSS ≤ ${BUDGET.htmlCssBytes / 1000} KB, JavaScript ≤ ${BUDGET.jsBytes / 1000} KB, no request to another origin.`,
    over ? `${over} of ${weights.length} pages over budget.` : `All ${weights.length} pages within budget.`,
  );
  return lines.join("\n");
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values, positionals } = commandLine({
    name: "npm run weight",
    synopsis: "npm run weight -- [DIR] [options]   (DIR: the built site, default _site)",
    allowPositionals: true,
    options: { "path-prefix": { type: "string", default: "/", value: "P", help: "the path prefix the site was built with (default /)" } },
  });
  const dir = path.resolve(values.root, positionals[0] ?? "_site");
  if (!existsSync(dir)) {
    console.error(`${dir} does not exist: build the site first (npm run build), or give the folder to measure.`);
    process.exit(1);
  }
  const prefix = `/${values["path-prefix"].replace(/^\/+|\/+$/g, "")}/`.replace("//", "/");
  const weights = htmlPages(dir).map((page) => measurePage(dir, page, prefix));
  console.log(report(weights));
  process.exit(weights.some((w) => w.problems.length) ? 1 : 0);
}
