// The meta description of a post: its `description:` when given, otherwise the first
// paragraph of its body as plain text, cut on a word boundary for search results.
import { decodeHTML } from "entities";
import type MarkdownIt from "markdown-it";
import type { CitationCluster } from "./citation-syntax.ts";
import { createMarkdown } from "./markdown.ts";
import { citationShape } from "./notes-after-punctuation.ts";

export const DESCRIPTION_LENGTH = 160;

type Token = ReturnType<MarkdownIt["parse"]>[number];

let markdown: MarkdownIt | undefined;

/**
 * The plain text of the n-th citation of a body (document order) as the page shows it,
 * without a footnote marker; undefined when it is not known.
 */
export type CitationText = (index: number) => string | undefined;

/** Plain text of an inline token's children: text and code kept, markup and raw HTML dropped. */
function inlineText(children: Token[] | null, citationText: CitationText): string {
  let out = "";
  let afterCitation = false;
  for (const child of children ?? []) {
    if (child.type === "citation") {
      // `@smith says` is part of the sentence: its text stays ("Smith (2020) says").
      const cluster = child.meta?.cluster as CitationCluster | undefined;
      const narrative = cluster?.items[0]?.mode === "author-in-text" ? citationText(child.meta.index) : undefined;
      if (narrative) {
        out += narrative;
        afterCitation = false;
        continue;
      }
      // Any other citation is left out; so is the space before it when punctuation follows ("a claim [@x]." → "a claim.").
      afterCitation = true;
      continue;
    }
    if (afterCitation && child.type === "text" && /^[\p{P}]/u.test(child.content) && !/^[(\[{“‘"'¿¡]/u.test(child.content)) out = out.trimEnd();
    afterCitation = false;
    if (child.type === "text" || child.type === "code_inline") out += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") out += " ";
    else if (child.type === "image") out += inlineText(child.children, citationText);
  }
  return out;
}

/** The first paragraph of a markdown body with words in it, as plain text. */
export function firstParagraphText(body: string, citationText: CitationText = () => undefined): string {
  markdown ??= createMarkdown();
  const tokens = markdown.parse(body, {});
  for (let i = 0; i < tokens.length; i++) {
    // Hidden paragraphs are the items of tight lists: a list is not a description.
    if (tokens[i]!.type !== "paragraph_open" || tokens[i]!.hidden) continue;
    const text = collapse(inlineText(tokens[i + 1]?.children ?? null, citationText));
    if (text) return text;
  }
  return "";
}

/** The plain text of formatted citations (each cluster's HTML, as lib/announcement.ts gives them). */
export function citationTexts(citations: readonly string[]): CitationText {
  return (index) => {
    const html = citations[index];
    if (html === undefined) return undefined;
    const shape = citationShape(html);
    return shape.kind === "marker" ? undefined : decodeHTML(shape.text);
  };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Cut to at most `max` characters on a word boundary, with an ellipsis when cut. */
export function truncateOnWord(text: string, max = DESCRIPTION_LENGTH): string {
  const clean = collapse(text);
  const chars = [...clean];
  if (chars.length <= max) return clean;
  const head = chars.slice(0, max - 1).join("");
  const lastSpace = head.lastIndexOf(" ");
  const cut = lastSpace > max / 2 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s,;:.!?–—-]+$/u, "")}…`;
}

/**
 * The description for a post, or `fallback` (the site's) when the post has no text.
 * `citations` are its formatted clusters, for the names of `@key says` citations.
 */
export function postDescription(post: { description?: string; body: string }, fallback: string, citations: readonly string[] = []): string {
  if (post.description) return collapse(post.description);
  return truncateOnWord(firstParagraphText(post.body, citationTexts(citations))) || fallback;
}
