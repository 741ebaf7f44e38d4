// Absolute addresses of pages: the site's `url` plus the path prefix plus the page's
// root-relative URL. Same rule as Eleventy's `htmlBaseUrl` filter, for code outside templates.

/** What `pathPrefix` may be: "/" or path segments, each ending in "/" ("/repo/", "/chats/nurses/"). */
export const PATH_PREFIX_PATTERN = /^\/([\w.~-]+\/)*$/;

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

/**
 * What is wrong with the site's `url` given its `pathPrefix`, if anything: the address is read as
 * a host only (absoluteUrl), so a path, query or fragment written there is dropped from every
 * full address without a word. A path equal to the prefix is dropped for the same path: no harm.
 * `prefixWritten`: the settings file has a `pathPrefix` line (the fix then changes it, not adds one).
 */
export function siteUrlProblem(siteUrl: string, pathPrefix: string, prefixWritten: boolean): { message: string; fix: string } | undefined {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    return undefined;
  }
  const origin = `${url.protocol}//${url.host}/`;
  // A user name and password would be in every full address the site gives (feeds, calendars, share links).
  if (url.username || url.password) {
    return {
      message: "the address has a user name and password in it, which every full address in the feeds, calendars, sitemap and share links would then show",
      fix: `write url: ${origin}${url.pathname === "/" ? "" : " (and the path in pathPrefix)"}`,
    };
  }
  const prefix = normalisePrefix(pathPrefix);
  // An address copied from a page or file of the site means the site above it: "/repo/index.html"
  // and "/repo/feed.xml" are at /repo/, and so are its pages ("/repo/posts/x/", "/repo/tags/care/").
  const path = url.pathname.replace(/\/[^/]*\.[a-z0-9]+$/i, "/").replace(/\/(?:posts|tags|archive|page|search|subscribe)\/.*$/, "/");
  const pathAsPrefix = PATH_PREFIX_PATTERN.test(normalisePrefix(path)) ? normalisePrefix(path) : undefined;
  const extra = `${url.search}${url.hash}`;
  const hasPath = path !== "/" && pathAsPrefix !== prefix;
  if (!hasPath && !extra) return undefined;
  const urlLine = `url: ${origin}`;
  const written = [hasPath ? `a path, ${url.pathname}` : "", extra].filter(Boolean).join(", and ");
  const notRead = `the address has ${written}, which chatpost does not read: \`url\` is the site's host only`;
  if (!hasPath) return { message: `${notRead}, and every full address is made from it and the page's path`, fix: `write ${urlLine}` };
  const page = "posts/<name>/";
  if (prefix === "/") {
    const meant = pathAsPrefix ?? "/<path>/";
    return {
      message:
        `${notRead}; the path the site is served under is \`pathPrefix\`, here /. A build without --path-prefix (npm run build, Netlify, Cloudflare Pages) ` +
        `gives every full address in the feeds, calendars, sitemap and share links as ${origin}${page} instead of ${origin}${meant.slice(1)}${page}, a page that is not there ` +
        `(the GitHub Pages workflow passes --path-prefix, and its build is right)`,
      fix: `write ${urlLine} and ${prefixWritten ? "change the pathPrefix line to" : "below it"} pathPrefix: ${meant}${pathAsPrefix ? "" : " (the path the site is served under, each part ending in /)"}`,
    };
  }
  return {
    message: `${notRead}: the site's full addresses are made with pathPrefix ${prefix} (${origin}${prefix.slice(1)}${page}), not ${url.pathname}`,
    fix: `write ${urlLine}, and keep pathPrefix: ${prefix} if the site is served at ${origin}${prefix.slice(1)}${pathAsPrefix ? `, or write pathPrefix: ${pathAsPrefix} if it is served at ${origin}${pathAsPrefix.slice(1)}` : ""}`,
  };
}
