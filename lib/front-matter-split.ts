// A page's front matter told from its body by the `---` fences, without reading the YAML:
// what a Nunjucks page's error needs (lib/template-errors.ts), which `npm run check` and
// every command's error report load without the YAML parser (lib/front-matter.ts).

export interface SplitFile {
  /** The YAML between the fences, or undefined when the file has no front matter. */
  yaml?: string;
  /** Line number (1-based) of the first YAML line. */
  yamlLine: number;
  body: string;
  /** Line number (1-based) where the body starts. */
  bodyLine: number;
}

/**
 * Split `---` fenced front matter from the body. Tolerates a BOM and CRLF line ends. Only `---`
 * closes it, as in Eleventy (gray-matter): YAML's `...` does not (see `fenceSlips` in lib/front-matter.ts).
 */
export function splitFrontMatter(raw: string): SplitFile {
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const open = /^---[ \t]*\n/.exec(text);
  if (!open) return { yamlLine: 1, body: text, bodyLine: 1 };
  const rest = text.slice(open[0].length);
  const close = /^---[ \t]*$/m.exec(rest);
  if (!close) return { yamlLine: 2, body: text, bodyLine: 1 };
  const yaml = rest.slice(0, close.index);
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\n/, "");
  const yamlLines = yaml === "" ? 0 : yaml.split("\n").length - (yaml.endsWith("\n") ? 1 : 0);
  return { yaml, yamlLine: 2, body: afterClose, bodyLine: 2 + yamlLines + 1 };
}
