// HTML start and end tags read one at a time as a browser's tokenizer reads them, for the
// code that walks a body's raw HTML: its checks (lib/body-html.ts) and its tables'
// regions (lib/table-names.ts). Not a parser: no tree, no character references decoded.

/** A start or end tag as a browser's HTML tokenizer reads it. */
export interface HtmlTag {
  /** Lower-case. */
  name: string;
  end: boolean;
  /** From its "<" to its ">". */
  length: number;
  /** Names lower-case, values as written (character references not decoded). */
  attributes: Array<{ name: string; value: string }>;
}

// Elements whose content is text, not HTML, to a browser: a `<!--` or `<table>` in them is text.
export const TEXT_ONLY_ELEMENTS: ReadonlySet<string> = new Set(["script", "style", "textarea", "xmp", "iframe", "noembed", "noframes"]);

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\f" || c === "\r";
const TAG_OPEN = /<(\/?)([a-zA-Z][^\t\n\f\r />]*)/y;

/**
 * The start or end tag at `html[at]`, read as a browser's tokenizer reads one (HTML's
 * tag-open to attribute-value states): a quoted value holds anything to its closing quote,
 * ">" and "<!--" too, and an unquoted one anything to white space or ">". Undefined when no
 * tag starts there, or when it does not end in `html` (its value's quote is not closed).
 */
export function htmlTagAt(html: string, at: number): HtmlTag | undefined {
  TAG_OPEN.lastIndex = at;
  const head = TAG_OPEN.exec(html);
  if (!head) return undefined;
  const tag: HtmlTag = { name: head[2]!.toLowerCase(), end: head[1] === "/", length: 0, attributes: [] };
  const n = html.length;
  let i = at + head[0].length;
  while (i < n) {
    const c = html[i]!;
    // Before an attribute's name: a "/" not before ">" is passed over.
    if (isSpace(c) || c === "/") {
      i++;
      continue;
    }
    if (c === ">") {
      tag.length = i + 1 - at;
      return tag;
    }
    // Its name: the first character may be anything, "=" too.
    const nameStart = i++;
    while (i < n && !isSpace(html[i]) && html[i] !== "/" && html[i] !== ">" && html[i] !== "=") i++;
    const name = html.slice(nameStart, i).toLowerCase();
    while (isSpace(html[i])) i++;
    if (html[i] !== "=") {
      tag.attributes.push({ name, value: "" });
      continue;
    }
    i++;
    while (isSpace(html[i])) i++;
    const quote = html[i];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      if (close === -1) return undefined;
      tag.attributes.push({ name, value: html.slice(i + 1, close) });
      i = close + 1;
    } else {
      const start = i;
      while (i < n && !isSpace(html[i]) && html[i] !== ">") i++;
      tag.attributes.push({ name, value: html.slice(start, i) });
    }
  }
  return undefined;
}
