// The `_headers` file that Netlify and Cloudflare Pages read: a Content-Security-Policy
// the built site satisfies, plus the usual security headers. Generated from the built
// HTML, so every inline <script> anyone adds is allowed by its own sha256 hash and
// nothing else inline runs; external images and frames the pages embed (https only)
// are allowed by their origin.
import { createHash } from "node:crypto";
import { attributesOf, rawAddresses } from "./local-paths.ts";

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

const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

/** The text of every <style> element in an HTML document. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(STYLE)].map((m) => m[1] ?? "");
}

/** Whether any element in the markup has a style="" attribute (scripts and styles removed first). */
export function hasStyleAttributes(html: string): boolean {
  return /<[a-z][^>]*\sstyle\s*=/i.test(html.replace(SCRIPT, "").replace(STYLE, ""));
}

/**
 * Origins of the external images, media and frames a page embeds: a writer's
 * `![](https://…)`, a `<picture>` source or video poster on another site (img-src), a
 * video, sound or captions file there (media-src), an embedded video player (frame-src).
 */
export function externalOrigins(html: string): { img: string[]; media: string[]; frame: string[] } {
  const img: string[] = [];
  const media: string[] = [];
  for (const { kind, address } of rawAddresses(html)) {
    if (kind === "link") continue;
    const origin = httpsOrigin(address);
    if (origin) (kind === "image" ? img : media).push(origin);
  }
  const frame: string[] = [];
  for (const m of html.matchAll(/<iframe\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    for (const a of attributesOf(m[0])) {
      const origin = a.name === "src" ? httpsOrigin(a.value) : undefined;
      if (origin) frame.push(origin);
    }
  }
  return { img, media, frame };
}

function httpsOrigin(url: string): string | undefined {
  if (!/^https:\/\//i.test(url.trim())) return undefined;
  try {
    return new URL(url.trim()).origin;
  } catch {
    return undefined; // Not a valid address: the browser will not load it either.
  }
}

/** A CSP source for an inline script's or style's text, as browsers compute it: sha256 of the UTF-8 bytes, base64. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

export interface PolicySources {
  /** Hashes of inline <style> elements. */
  styleHashes?: Iterable<string>;
  /** Markup has style="" attributes, which only 'unsafe-inline' allows. */
  styleAttributes?: boolean;
  /** Origins of external images, e.g. https://images.example.org */
  img?: Iterable<string>;
  /** Origins of external video, sound and captions files, e.g. https://media.example.org */
  media?: Iterable<string>;
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
    // Styles are held to the same rule as scripts unless the markup has style="" attributes,
    // which no hash can allow (browsers ignore 'unsafe-inline' once a hash is listed).
    sources.styleAttributes ? "style-src 'self' 'unsafe-inline'" : withSources("style-src 'self'", sorted(sources.styleHashes)),
    withSources("img-src 'self' data:", sorted(sources.img)),
    // Local media fall under default-src; another site's only when listed.
    ...(sorted(sources.media).length ? [withSources("media-src 'self'", sorted(sources.media))] : []),
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
  // No `interest-cohort`: that was FLoC, which Chrome dropped; it now logs an error for the unknown feature on every page.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** The `_headers` file for a site whose pages are `htmlPages` (their text). */
export function headersFile(htmlPages: Iterable<string>): string {
  const hashes = new Set<string>();
  const img = new Set<string>();
  const media = new Set<string>();
  const frame = new Set<string>();
  const styleHashes = new Set<string>();
  let styleAttributes = false;
  for (const html of htmlPages) {
    for (const script of inlineScripts(html)) hashes.add(scriptHash(script));
    for (const style of inlineStyles(html)) styleHashes.add(scriptHash(style));
    styleAttributes ||= hasStyleAttributes(html);
    const origins = externalOrigins(html);
    origins.img.forEach((o) => img.add(o));
    origins.media.forEach((o) => media.add(o));
    origins.frame.forEach((o) => frame.add(o));
  }
  const lines = [
    "# Written by chatpost after each build (lib/security-headers.ts); read by Netlify and Cloudflare Pages.",
    "/*",
    `  Content-Security-Policy: ${contentSecurityPolicy(hashes, { img, media, frame, styleHashes, styleAttributes })}`,
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
  ];
  return `${lines.join("\n")}\n`;
}
