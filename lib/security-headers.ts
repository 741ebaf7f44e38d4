// The `_headers` file that Netlify and Cloudflare Pages read: a Content-Security-Policy
// the built site satisfies, plus the usual security headers. Generated from the built
// HTML, so every inline <script> anyone adds is allowed by its own sha256 hash and
// nothing else inline runs; external images and frames the pages embed (https only)
// are allowed by their origin.
import { createHash } from "node:crypto";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The text of every inline <script> (one without src) in an HTML document. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(match[1] ?? "")) continue;
    scripts.push(match[2] ?? "");
  }
  return scripts;
}

/** Origins of the external images and frames a page embeds (a writer's `![](https://…)` or an embedded video). */
export function externalOrigins(html: string): { img: string[]; frame: string[] } {
  const origins = (tag: string): string[] => {
    const found: string[] = [];
    for (const m of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, "gi"))) {
      for (const a of m[0].matchAll(/\b(?:src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
        for (const candidate of (a[1] ?? a[2] ?? a[3] ?? "").split(",")) {
          const url = candidate.trim().split(/\s+/)[0] ?? "";
          if (!/^https:\/\//i.test(url)) continue;
          try {
            found.push(new URL(url).origin);
          } catch {
            // Not a valid address: the browser will not load it either.
          }
        }
      }
    }
    return found;
  };
  return { img: origins("img"), frame: origins("iframe") };
}

/** A CSP source for the script text, as browsers compute it: sha256 of the UTF-8 bytes, base64. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

export interface PolicySources {
  /** Origins of external images, e.g. https://images.example.org */
  img?: Iterable<string>;
  /** Origins of embedded frames, e.g. https://www.youtube-nocookie.com */
  frame?: Iterable<string>;
}

const sorted = (values: Iterable<string> | undefined): string[] => [...new Set(values ?? [])].sort();
const withSources = (base: string, extra: string[]): string => [base, ...extra].join(" ");

export function contentSecurityPolicy(scriptHashes: Iterable<string>, sources: PolicySources = {}): string {
  const hashes = sorted(scriptHashes);
  return [
    "default-src 'self'",
    // wasm-unsafe-eval: Pagefind's search runs as WebAssembly; no eval of JavaScript is allowed.
    `script-src 'self' 'wasm-unsafe-eval'${hashes.length ? " " + hashes.join(" ") : ""}`,
    // Inline style attributes are harmless to scripts; Pagefind's UI sets some.
    "style-src 'self' 'unsafe-inline'",
    withSources("img-src 'self' data:", sorted(sources.img)),
    ...(sorted(sources.frame).length ? [withSources("frame-src", sorted(sources.frame))] : []),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** The `_headers` file for a site whose pages are `htmlPages` (their text). */
export function headersFile(htmlPages: Iterable<string>): string {
  const hashes = new Set<string>();
  const img = new Set<string>();
  const frame = new Set<string>();
  for (const html of htmlPages) {
    for (const script of inlineScripts(html)) hashes.add(scriptHash(script));
    const origins = externalOrigins(html);
    origins.img.forEach((o) => img.add(o));
    origins.frame.forEach((o) => frame.add(o));
  }
  const lines = [
    "# Written by chatpost after each build (lib/security-headers.ts); read by Netlify and Cloudflare Pages.",
    "/*",
    `  Content-Security-Policy: ${contentSecurityPolicy(hashes, { img, frame })}`,
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
  ];
  return `${lines.join("\n")}\n`;
}
