// The meta description of a post: its `description:` when given, otherwise the first
// paragraph of its body as plain text, cut on a word boundary for search results.
import type MarkdownIt from "markdown-it";
import { createMarkdown } from "./markdown.ts";

export const DESCRIPTION_LENGTH = 160;

type Token = ReturnType<MarkdownIt["parse"]>[number];

let markdown: MarkdownIt | undefined;

/** Plain text of an inline token's children: text and code kept, markup and raw HTML dropped. */
function inlineText(children: Token[] | null): string {
  let out = "";
  let afterCitation = false;
  for (const child of children ?? []) {
    // A citation is left out; so is the space before it when punctuation follows ("a claim [@x]." → "a claim.").
    if (child.type === "citation") {
      afterCitation = true;
      continue;
    }
    if (afterCitation && child.type === "text" && /^[\p{P}]/u.test(child.content) && !/^[(\[{“‘"'¿¡]/u.test(child.content)) out = out.trimEnd();
    afterCitation = false;
    if (child.type === "text" || child.type === "code_inline") out += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") out += " ";
    else if (child.type === "image") out += inlineText(child.children);
  }
  return out;
}

/** The first paragraph of a markdown body with words in it, as plain text. */
export function firstParagraphText(body: string): string {
  markdown ??= createMarkdown();
  const tokens = markdown.parse(body, {});
  for (let i = 0; i < tokens.length; i++) {
    // Hidden paragraphs are the items of tight lists: a list is not a description.
    if (tokens[i]!.type !== "paragraph_open" || tokens[i]!.hidden) continue;
    const text = collapse(inlineText(tokens[i + 1]?.children ?? null));
    if (text) return text;
  }
  return "";
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

/** The description for a post, or `fallback` (the site's) when the post has no text. */
export function postDescription(post: { description?: string; body: string }, fallback: string): string {
  if (post.description) return collapse(post.description);
  return truncateOnWord(firstParagraphText(post.body)) || fallback;
}
