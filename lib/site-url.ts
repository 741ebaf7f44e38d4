// Absolute addresses of pages: the site's `url` plus the path prefix plus the page's
// root-relative URL. Same rule as Eleventy's `htmlBaseUrl` filter, for code outside templates.

/** Normalise a path prefix to start and end with "/" ("repo" → "/repo/"). */
export function normalisePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "/").replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/**
 * `siteUrl` is the public origin (its own path, if any, is replaced by the prefix);
 * `url` is root-relative without the prefix, as Eleventy's page.url is.
 */
export function absoluteUrl(siteUrl: string, pathPrefix: string, url: string): string {
  const u = new URL(url, siteUrl);
  u.pathname = normalisePrefix(pathPrefix) + u.pathname.replace(/^\/+/, "");
  return u.toString();
}

/** A root-relative URL with the prefix: "/posts/x/" → "/repo/posts/x/". */
export function prefixedPath(pathPrefix: string, url: string): string {
  return normalisePrefix(pathPrefix) + url.replace(/^\/+/, "");
}
