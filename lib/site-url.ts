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

/**
 * The address from the site's root, without the path prefix, that a full address of this
 * site names (https://careleaders.example/posts/x/#t2 → /posts/x/#t2), or undefined for
 * any other address. Writers paste the live address of a page; it is checked as the
 * address from the root would be. `http:` or `https:` and a leading "www." do not matter.
 * `siteBase` is the site's own full address with its prefix (absoluteUrl(url, prefix, "/")).
 */
export function ownSiteAddress(href: string, siteBase: string): string | undefined {
  if (!/^https?:\/\//i.test(href)) return undefined;
  let url: URL;
  let base: URL;
  try {
    url = new URL(href);
    base = new URL(siteBase);
  } catch {
    return undefined;
  }
  const host = (name: string) => name.replace(/^www\./, "");
  if (host(url.hostname) !== host(base.hostname) || url.port !== base.port) return undefined;
  const prefix = normalisePrefix(base.pathname);
  // `https://site/repo` is the prefix's own page, as `/repo/` is.
  if (!`${url.pathname}/`.startsWith(prefix)) return undefined;
  return `/${url.pathname.slice(prefix.length)}${url.search}${url.hash}`;
}
