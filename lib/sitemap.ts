// sitemap.xml (https://www.sitemaps.org/protocol.html) from a list of pages.
import { escapeHtml } from "./html.ts";

export interface SitemapPage {
  /** Absolute URL, path prefix included. */
  url: string;
  /** YYYY-MM-DD, when known (a post's publish date). */
  lastmod?: string;
}

/** Sorted by URL so that two builds write the same bytes. */
export function sitemapXml(pages: SitemapPage[]): string {
  const unique = new Map(pages.map((p) => [p.url, p]));
  const entries = [...unique.values()]
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .map((p) => `  <url><loc>${escapeHtml(p.url)}</loc>${p.lastmod ? `<lastmod>${escapeHtml(p.lastmod)}</lastmod>` : ""}</url>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

/** Pages that belong in the sitemap: HTML pages other than the 404 page. */
export function isSitemapPage(url: string | false | undefined, outputPath: string | false | undefined): url is string {
  if (typeof url !== "string" || typeof outputPath !== "string") return false;
  if (!outputPath.endsWith(".html")) return false;
  return !isNotFoundPage(url);
}

/**
 * The page hosts serve for an address they do not have (`/404.html` on Netlify,
 * Cloudflare Pages and GitHub Pages): not a page of its own, so search engines are
 * told not to index it and it names no canonical address.
 */
export function isNotFoundPage(url: string | false | undefined): boolean {
  return typeof url === "string" && /(^|\/)404\.html$/.test(url);
}
