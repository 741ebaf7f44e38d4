// Images in a post's markdown body must say what they show: a markdown image with
// empty alt text, or a raw <img> without an alt attribute, is a writer's mistake.
// The body is read through markdown-it's token stream, so an <img> inside a code
// block or code span (shown as text, not as an image) is never reported.
import type MarkdownIt from "markdown-it";
import type { Diagnostic } from "./diagnostics.ts";
import { createMarkdown } from "./markdown.ts";

type Token = ReturnType<MarkdownIt["parse"]>[number];

let markdown: MarkdownIt | undefined;

// An <img> start tag, quoted attribute values may hold ">".
const IMG_TAG = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ATTRIBUTE = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * Every image without alt text in `body`, as errors at the file line it is on.
 * `bodyLine` is the file line the body starts on (1-based).
 * A raw `<img alt="">` is allowed: it is how a writer marks an image as purely decorative.
 */
export function imageAltProblems(body: string, file: string, bodyLine: number): Diagnostic[] {
  // Most posts have no image at all; skip the parse for them.
  if (!body.includes("![") && !/<img\b/i.test(body)) return [];
  markdown ??= createMarkdown();
  const problems: Diagnostic[] = [];
  const report = (line: number, message: string, fix: string) =>
    problems.push({ severity: "error", file, line: bodyLine + line, field: "", message, fix });

  for (const token of markdown.parse(body, {})) {
    const first = token.map?.[0] ?? 0;
    if (token.type === "html_block") {
      for (const img of imagesWithoutAlt(token.content)) report(first + img.lineOffset, rawMessage(img.src), RAW_FIX);
    } else if (token.type === "inline") {
      let offset = 0;
      for (const child of token.children ?? []) {
        if (child.type === "softbreak" || child.type === "hardbreak") offset++;
        else if (child.type === "image" && child.content.trim() === "") {
          const src = child.attrGet("src") ?? "";
          report(first + offset, `the image ${src || "(no file)"} has no alt text`, `describe what it shows between the brackets: ![Two hosts at the meetup](${src})`);
        } else if (child.type === "image" && !describes(child.children ?? [])) {
          // "![[@smith2020]](chart.png)" names a source, not what the image shows.
          const src = child.attrGet("src") ?? "";
          report(
            first + offset,
            `the alt text of the image ${src || "(no file)"} is only a citation (${child.content.trim()}), which does not say what the image shows`,
            `describe the image before the citation: ![Chart of weekly chat participants ${child.content.trim()}](${src})`,
          );
        } else if (child.type === "html_inline") {
          for (const img of imagesWithoutAlt(child.content)) report(first + offset, rawMessage(img.src), RAW_FIX);
        }
      }
    }
  }
  return problems;
}

/** Whether an image's description has words besides its citations. */
function describes(children: Token[]): boolean {
  return children.some((c) => (c.type === "image" ? describes(c.children ?? []) : c.type !== "citation" && /[\p{L}\p{N}]/u.test(c.content)));
}

const RAW_FIX = 'add alt="what the image shows" to the <img> tag (alt="" only for a purely decorative image)';

function rawMessage(src: string | undefined): string {
  return `the <img>${src ? ` of ${src}` : ""} has no alt attribute`;
}

function imagesWithoutAlt(html: string): { src?: string; lineOffset: number }[] {
  const out: { src?: string; lineOffset: number }[] = [];
  for (const match of html.matchAll(IMG_TAG)) {
    const attrs = new Map<string, string>();
    for (const a of match[0].slice(4, -1).matchAll(ATTRIBUTE)) attrs.set(a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? "");
    if (attrs.has("alt")) continue;
    const lineOffset = html.slice(0, match.index).split("\n").length - 1;
    out.push({ ...(attrs.get("src") ? { src: attrs.get("src")! } : {}), lineOffset });
  }
  return out;
}
