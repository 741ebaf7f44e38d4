// @11ty/eleventy-plugin-rss ships no TypeScript types; this covers what chatpost uses.
declare module "@11ty/eleventy-plugin-rss" {
  export const rssPlugin: (eleventyConfig: unknown, options?: Record<string, unknown>) => void;
  export const feedPlugin: (eleventyConfig: unknown, options?: Record<string, unknown>) => void;
  export function dateToRfc3339(date: Date): string;
}
