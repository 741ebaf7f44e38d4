// The `_headers` file that Netlify and Cloudflare Pages read: a Content-Security-Policy
// the built site satisfies, plus the usual security headers. Generated from the built
// HTML, so every inline <script> anyone adds is allowed by its own sha256 hash and
// nothing else inline runs.
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

/** A CSP source for the script text, as browsers compute it: sha256 of the UTF-8 bytes, base64. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

export function contentSecurityPolicy(scriptHashes: Iterable<string>): string {
  const hashes = [...new Set(scriptHashes)].sort();
  return [
    "default-src 'self'",
    // wasm-unsafe-eval: Pagefind's search runs as WebAssembly; no eval of JavaScript is allowed.
    `script-src 'self' 'wasm-unsafe-eval'${hashes.length ? " " + hashes.join(" ") : ""}`,
    // Inline style attributes are harmless to scripts; Pagefind's UI sets some.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
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
  for (const html of htmlPages) for (const script of inlineScripts(html)) hashes.add(scriptHash(script));
  const lines = [
    "# Written by chatpost after each build (lib/security-headers.ts); read by Netlify and Cloudflare Pages.",
    "/*",
    `  Content-Security-Policy: ${contentSecurityPolicy(hashes)}`,
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
  ];
  return `${lines.join("\n")}\n`;
}
